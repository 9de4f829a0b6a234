extension RingInfo {
    /// The same rings after atoms and bonds that lie on no ring were deleted (hydrogen removal): indices are
    /// renumbered through `atomIndex` and `bondIndex` (old index to new, -1 for deleted), which keep the order
    /// of what remains, so rings keep their canonical start and direction and nothing has to be perceived again.
    func renumbered(atomIndex: [Int32], bondIndex: [Int32]) -> RingInfo {
        var result = self
        result.ringAtomList = ringAtomList.map { atomIndex[Int($0)] }
        result.ringBondList = ringBondList.map { bondIndex[Int($0)] }
        result.atomStats = atomStats.indices.filter { atomIndex[$0] >= 0 }.map { atomStats[$0] }
        result.bondStats = bondStats.indices.filter { bondIndex[$0] >= 0 }.map { bondStats[$0] }
        return result
    }
}
