/// An ordered partition of a molecule's atoms into cells of atoms not yet told apart, as partition
/// refinement keeps it: `order` lists the atoms cell by cell, each cell a contiguous run, and an atom's
/// class is the position where its cell starts (so tied atoms share the lowest rank they could get, and
/// class numbers stay canonical as cells split in place).
struct CanonicalPartition {
    /// Atoms, cell by cell.
    var order: [Int32]
    /// Class (cell start position) of each atom.
    var classOf: [Int32]
    /// For a cell starting at position p, `cellEnd[p]` is the position after its last atom; other entries
    /// are stale.
    var cellEnd: [Int32]
    /// Stereo label of each atom (0 when it has none or it is not known yet); compared before the
    /// neighbourhood, so it splits cells.
    var label: [UInt32]
    /// Per stereo element: its label is known (its neighbours' classes differ).
    var determined: [Bool]

    var count: Int { order.count }

    @inline(__always)
    func cellSize(_ start: Int) -> Int { Int(cellEnd[start]) - start }

    /// Whether every atom is in a cell of its own.
    var isDiscrete: Bool {
        var p = 0
        while p < order.count {
            let e = Int(cellEnd[p])
            if e - p > 1 { return false }
            p = e
        }
        return true
    }

    /// The start of the first cell with more than one atom, or nil.
    func firstNonSingletonCell() -> Int? {
        var p = 0
        while p < order.count {
            let e = Int(cellEnd[p])
            if e - p > 1 { return p }
            p = e
        }
        return nil
    }
}
