/// One canonical ranking run (see `CanonicalRanking` and docs/CHEMISTRY.md "Canonical ranking").
///
/// 1. Atoms are sorted by an invariant (map number, degree, element, isotope, hydrogens, charge, aromatic,
///    in a ring, radicals) into cells of equal invariants.
/// 2. Partition refinement: a cell is sorted by its atoms' neighbourhoods (the multiset of neighbour class
///    and bond type) and split where they differ; the cells of the neighbours of a split cell are refined
///    again, until nothing splits. The classes then are the symmetry classes.
/// 3. Stereo: a stereo element whose neighbours are in distinct classes gets a label (its parity relative
///    to the classes); labels split cells and refinement continues, until no new label appears. Elements
///    still undetermined are dropped when they are not stereogenic (see `CanonicalRanker+Stereo.swift`).
/// 4. Ties are broken by giving one atom of the first tied cell a class of its own and refining again.
///    While undetermined ring stereo remains, every atom of the tied cell is tried in turn and the result
///    with the smallest certificate (labels and bonds in rank order) wins, so the answer does not depend on
///    which tied atom came first in the input.
struct CanonicalRanker {
    let molecule: Molecule
    let n: Int
    let isomeric: Bool
    let offsets: [Int32]
    let neighbours: [Int32]
    /// Bond type seen from each adjacency slot (aromatic 12, dative 17 at the donor and 18 at the acceptor,
    /// otherwise the Kekulé order).
    let bondCodes: [UInt8]

    /// Per adjacency slot: the neighbour's class and bond code, sorted descending per atom.
    var signature: [UInt64]
    /// Per position: the cell starting there must be refined.
    var active: [Bool]
    var mergeBuffer: [Int32] = []

    var elements: [StereoElement] = []
    /// Elements removed as not stereogenic (or not interpretable).
    var dropped: [Bool] = []
    var droppedCount = 0

    /// Bound on completed branches of the tie-breaking search.
    static let leafBudget = 256
    var leaves = 0
    var exhaustive = true

    init(_ molecule: Molecule, isomeric: Bool) {
        self.molecule = molecule
        self.isomeric = isomeric
        n = molecule.atomCount
        offsets = molecule.adjacencyOffsets
        neighbours = molecule.adjacentAtoms
        var codes = [UInt8](repeating: 0, count: molecule.adjacentBonds.count)
        for a in 0..<n {
            for slot in Int(offsets[a])..<Int(offsets[a + 1]) {
                codes[slot] = CanonicalRanker.bondCode(molecule.bonds[Int(molecule.adjacentBonds[slot])], at: a)
            }
        }
        bondCodes = codes
        signature = [UInt64](repeating: 0, count: codes.count)
        active = [Bool](repeating: false, count: n)
    }

    /// The bond type as ranking compares it: aromatic bonds are one type whatever their Kekulé order.
    @inline(__always)
    static func bondCode(_ bond: Bond, at atom: Int) -> UInt8 {
        if bond.isAromatic || bond.order == .aromatic { return 12 }
        if bond.order == .dative { return Int(bond.begin) == atom ? 17 : 18 }
        return bond.order.rawValue
    }

    mutating func run() -> CanonicalRanking {
        guard n > 0 else {
            return CanonicalRanking(
                ranks: [], symmetryClasses: [], keptAtomStereo: [], keptBondStereo: Array(repeating: false, count: molecule.bondCount),
                droppedStereoCount: 0, isExhaustive: true)
        }
        var partition = initialPartition()
        activateAllCells(partition)
        refine(&partition)
        let symmetry = partition.classOf

        if isomeric { gatherStereoElements() }
        partition.determined = [Bool](repeating: false, count: elements.count)
        if elements.isEmpty {
            breakTiesGreedily(&partition)
        } else {
            applyStereoLabels(&partition)
            dropNonStereogenic(partition)
            if hasUndeterminedElements(partition) {
                partition = search(partition)
            } else {
                breakTiesGreedily(&partition)
            }
        }

        var keptAtoms = [Bool](repeating: false, count: n)
        var keptBonds = [Bool](repeating: false, count: molecule.bondCount)
        for (i, e) in elements.enumerated() where !dropped[i] {
            switch e.kind {
            case .tetrahedral, .general: keptAtoms[Int(e.atom)] = true
            case .doubleBond: keptBonds[Int(e.bond)] = true
            }
        }
        return CanonicalRanking(
            ranks: partition.classOf, symmetryClasses: symmetry, keptAtomStereo: keptAtoms, keptBondStereo: keptBonds,
            droppedStereoCount: droppedCount, isExhaustive: exhaustive)
    }

    // MARK: - Invariants

    /// Cells of atoms with equal invariants, in increasing invariant order.
    func initialPartition() -> CanonicalPartition {
        if let packed = packedInitialPartition() { return packed }
        return generalInitialPartition()
    }

    /// The common case in one sort of 64-bit keys: the invariant fields packed into narrower bits, in the
    /// same order and with the same ordering as `generalInitialPartition`, then the atom index. Nil when a
    /// field does not fit (map numbers, degree over 15, isotopes over 511, charges outside -8...7).
    func packedInitialPartition() -> CanonicalPartition? {
        guard n < 1 << 24 else { return nil }
        var keys = [UInt64](repeating: 0, count: n)
        for a in 0..<n {
            let atom = molecule.atoms[a]
            let degree = Int(offsets[a + 1] - offsets[a])
            let isotope = isomeric ? Int(atom.isotope) : 0
            let charge = Int(atom.formalCharge)
            let hydrogens = atom.totalHydrogens
            guard atom.mapNumber == 0, degree < 16, atom.atomicNumber < 128, isotope < 512, hydrogens < 16,
                charge >= -8 && charge <= 7, atom.radicalElectrons < 4
            else { return nil }
            var key = UInt64(degree) << 60
            key |= UInt64(atom.atomicNumber) << 53
            key |= UInt64(isotope) << 44
            key |= UInt64(hydrogens) << 40
            key |= UInt64(charge >= 0 ? charge : charge + 16) << 36
            key |= (atom.isAromatic ? 1 : 0) << 35
            key |= (molecule.ringInfo.isInRing(atom: a) ? 1 : 0) << 34
            key |= UInt64(atom.radicalElectrons) << 32
            keys[a] = key | UInt64(a)
        }
        keys.sort()
        var order = [Int32](repeating: 0, count: n)
        var classOf = [Int32](repeating: 0, count: n)
        var cellEnd = [Int32](repeating: 0, count: n)
        var start = 0
        for i in 0..<n {
            let atom = Int(keys[i] & 0xFF_FFFF)
            order[i] = Int32(atom)
            if i > 0 && keys[i - 1] >> 32 != keys[i] >> 32 {
                cellEnd[start] = Int32(i)
                start = i
            }
            classOf[atom] = Int32(start)
        }
        cellEnd[start] = Int32(n)
        return CanonicalPartition(
            order: order, classOf: classOf, cellEnd: cellEnd, label: [UInt32](repeating: 0, count: n), determined: [])
    }

    /// Any invariants, compared as two 64-bit words.
    func generalInitialPartition() -> CanonicalPartition {
        struct Keyed: Comparable {
            var high: UInt64
            var low: UInt64
            var atom: Int32
            static func < (a: Keyed, b: Keyed) -> Bool {
                a.high != b.high ? a.high < b.high : a.low < b.low
            }
        }
        var keyed: [Keyed] = []
        keyed.reserveCapacity(n)
        for a in 0..<n {
            let atom = molecule.atoms[a]
            let degree = UInt64(min(Int(offsets[a + 1] - offsets[a]), 255))
            let isotope = isomeric ? UInt64(atom.isotope) : 0
            var high = UInt64(atom.mapNumber) << 32
            high |= degree << 24
            high |= UInt64(atom.atomicNumber) << 16
            high |= isotope
            var low = UInt64(min(atom.totalHydrogens, 255)) << 56
            low |= UInt64(UInt8(bitPattern: atom.formalCharge)) << 48
            low |= (atom.isAromatic ? 1 : 0) << 47
            low |= (molecule.ringInfo.isInRing(atom: a) ? 1 : 0) << 46
            low |= UInt64(atom.radicalElectrons) << 38
            keyed.append(Keyed(high: high, low: low, atom: Int32(a)))
        }
        keyed.sort()
        var order = [Int32](repeating: 0, count: n)
        var classOf = [Int32](repeating: 0, count: n)
        var cellEnd = [Int32](repeating: 0, count: n)
        var start = 0
        for i in 0..<n {
            order[i] = keyed[i].atom
            if i > 0 && keyed[i - 1] < keyed[i] {
                cellEnd[start] = Int32(i)
                start = i
            }
            classOf[Int(keyed[i].atom)] = Int32(start)
        }
        cellEnd[start] = Int32(n)
        return CanonicalPartition(
            order: order, classOf: classOf, cellEnd: cellEnd, label: [UInt32](repeating: 0, count: n), determined: [])
    }

    // MARK: - Refinement

    mutating func activateAllCells(_ p: CanonicalPartition) {
        var position = 0
        while position < n {
            let end = Int(p.cellEnd[position])
            if end - position > 1 { active[position] = true }
            position = end
        }
    }

    /// Splits cells by their atoms' labels and neighbourhoods until no active cell splits.
    mutating func refine(_ p: inout CanonicalPartition) {
        var cursor = 0
        while cursor < n {
            guard active[cursor] else {
                cursor = Int(p.cellEnd[cursor])
                continue
            }
            active[cursor] = false
            let s = cursor
            let e = Int(p.cellEnd[s])
            if e - s < 2 {
                cursor = e
                continue
            }
            for r in s..<e { computeSignature(Int(p.order[r]), p.classOf) }
            sortCell(&p, s, e)
            var start = s
            var split = false
            var q = s + 1
            while q <= e {
                if q == e || compareAtoms(Int(p.order[q - 1]), Int(p.order[q]), p.label) != 0 {
                    p.cellEnd[start] = Int32(q)
                    if q != e || start != s { split = true }
                    for r in start..<q { p.classOf[Int(p.order[r])] = Int32(start) }
                    start = q
                }
                q += 1
            }
            var next = Int(p.cellEnd[s])
            if split {
                for r in s..<e {
                    let a = Int(p.order[r])
                    for slot in Int(offsets[a])..<Int(offsets[a + 1]) {
                        let c = Int(p.classOf[Int(neighbours[slot])])
                        if !active[c] && Int(p.cellEnd[c]) - c > 1 {
                            active[c] = true
                            if c < next { next = c }
                        }
                    }
                }
            }
            cursor = next
        }
    }

    /// The atom's neighbourhood under the current classes, sorted descending.
    @inline(__always)
    mutating func computeSignature(_ atom: Int, _ classOf: [Int32]) {
        let lo = Int(offsets[atom]), hi = Int(offsets[atom + 1])
        for slot in lo..<hi {
            signature[slot] = UInt64(UInt32(bitPattern: classOf[Int(neighbours[slot])])) << 8 | UInt64(bondCodes[slot])
        }
        // Insertion sort, descending (degrees are small).
        var i = lo + 1
        while i < hi {
            let value = signature[i]
            var j = i - 1
            while j >= lo && signature[j] < value {
                signature[j + 1] = signature[j]
                j -= 1
            }
            signature[j + 1] = value
            i += 1
        }
    }

    /// Compares two atoms of one cell: label, then neighbourhood.
    @inline(__always)
    func compareAtoms(_ a: Int, _ b: Int, _ label: [UInt32]) -> Int {
        if label[a] != label[b] { return label[a] < label[b] ? -1 : 1 }
        let la = Int(offsets[a]), lb = Int(offsets[b])
        let da = Int(offsets[a + 1]) - la, db = Int(offsets[b + 1]) - lb
        if da != db { return da < db ? -1 : 1 }
        for k in 0..<da {
            let x = signature[la + k], y = signature[lb + k]
            if x != y { return x < y ? -1 : 1 }
        }
        return 0
    }

    /// Sorts `p.order[s..<e]` by `compareAtoms` (insertion sort for small cells, merge sort for large).
    mutating func sortCell(_ p: inout CanonicalPartition, _ s: Int, _ e: Int) {
        if e - s <= 24 {
            var i = s + 1
            while i < e {
                let value = p.order[i]
                var j = i - 1
                while j >= s && compareAtoms(Int(p.order[j]), Int(value), p.label) > 0 {
                    p.order[j + 1] = p.order[j]
                    j -= 1
                }
                p.order[j + 1] = value
                i += 1
            }
            return
        }
        if mergeBuffer.count < n { mergeBuffer = [Int32](repeating: 0, count: n) }
        var width = 1
        let count = e - s
        while width < count {
            var left = 0
            while left < count {
                let mid = min(left + width, count), right = min(left + 2 * width, count)
                var i = left, j = mid, k = left
                while i < mid && j < right {
                    if compareAtoms(Int(p.order[s + j]), Int(p.order[s + i]), p.label) < 0 {
                        mergeBuffer[k] = p.order[s + j]
                        j += 1
                    } else {
                        mergeBuffer[k] = p.order[s + i]
                        i += 1
                    }
                    k += 1
                }
                while i < mid { mergeBuffer[k] = p.order[s + i]; i += 1; k += 1 }
                while j < right { mergeBuffer[k] = p.order[s + j]; j += 1; k += 1 }
                left = right
            }
            for k in 0..<count { p.order[s + k] = mergeBuffer[k] }
            width *= 2
        }
    }

    // MARK: - Tie breaking

    /// Gives `atom` a cell of its own at the front of its cell, and marks the cells its cell's atoms touch.
    mutating func split(_ p: inout CanonicalPartition, _ atom: Int) {
        let s = Int(p.classOf[atom])
        let e = Int(p.cellEnd[s])
        guard e - s > 1 else { return }
        var position = s
        while Int(p.order[position]) != atom { position += 1 }
        p.order.swapAt(s, position)
        p.cellEnd[s] = Int32(s + 1)
        p.cellEnd[s + 1] = Int32(e)
        for r in (s + 1)..<e { p.classOf[Int(p.order[r])] = Int32(s + 1) }
        if e - s > 2 { active[s + 1] = true }
        for r in s..<e {
            let a = Int(p.order[r])
            for slot in Int(offsets[a])..<Int(offsets[a + 1]) {
                let c = Int(p.classOf[Int(neighbours[slot])])
                if Int(p.cellEnd[c]) - c > 1 { active[c] = true }
            }
        }
    }

    /// Breaks the remaining ties one at a time, taking the first atom of the first tied cell. Used when no
    /// undetermined stereo is left, so every choice leads to the same labelled molecule.
    mutating func breakTiesGreedily(_ p: inout CanonicalPartition) {
        var from = 0
        while from < n {
            let end = Int(p.cellEnd[from])
            if end - from == 1 {
                from = end
                continue
            }
            split(&p, Int(p.order[from]))
            refine(&p)
        }
    }

    // MARK: - Search over tie-breaking choices (only while undetermined stereo remains)

    /// The best completion of `start`: every atom of the first tied cell next to undetermined stereo is
    /// tried as the one to split off, and the smallest certificate wins.
    mutating func search(_ start: CanonicalPartition) -> CanonicalPartition {
        guard hasUndeterminedElements(start), let cell = branchingCell(start) else {
            var p = start
            breakTiesGreedily(&p)
            return p
        }
        var best: CanonicalPartition?
        var bestCertificate: [UInt64] = []
        let end = Int(start.cellEnd[cell])
        for position in cell..<end {
            if best != nil && leaves >= CanonicalRanker.leafBudget {
                exhaustive = false
                break
            }
            var p = start
            split(&p, Int(start.order[position]))
            refine(&p)
            applyStereoLabels(&p)
            let leaf = search(p)
            leaves += 1
            let certificate = self.certificate(leaf)
            if best == nil || certificate.lexicographicallyPrecedes(bestCertificate) {
                best = leaf
                bestCertificate = certificate
            }
        }
        return best ?? start
    }

    /// The first tied cell holding a neighbour of an undetermined stereo element.
    func branchingCell(_ p: CanonicalPartition) -> Int? {
        var best: Int?
        for (i, e) in elements.enumerated() where !dropped[i] && !p.determined[i] {
            for atom in e.references where atom >= 0 {
                let c = Int(p.classOf[Int(atom)])
                if p.cellSize(c) > 1 && (best == nil || c < best!) { best = c }
            }
        }
        return best ?? p.firstNonSingletonCell()
    }

    /// A complete description of the labelled molecule under a discrete partition: stereo labels in rank
    /// order, then the bonds as sorted rank pairs with their types. Equal certificates mean identical
    /// canonical molecules.
    func certificate(_ p: CanonicalPartition) -> [UInt64] {
        var result: [UInt64] = []
        result.reserveCapacity(n + molecule.bondCount)
        for r in 0..<n { result.append(UInt64(p.label[Int(p.order[r])])) }
        var edges: [UInt64] = []
        edges.reserveCapacity(molecule.bondCount)
        for bond in molecule.bonds {
            let a = UInt64(UInt32(bitPattern: p.classOf[Int(bond.begin)]))
            let b = UInt64(UInt32(bitPattern: p.classOf[Int(bond.end)]))
            var code = UInt64(CanonicalRanker.bondCode(bond, at: Int(bond.begin)))
            // Only a dative bond has a direction.
            if bond.order == .dative && a > b { code |= 0x100 }
            edges.append(min(a, b) << 40 | max(a, b) << 16 | code)
        }
        edges.sort()
        result.append(contentsOf: edges)
        return result
    }
}
