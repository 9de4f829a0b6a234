/// What the substructure screen knows about a graph: per atom the element and aromaticity when they are
/// certain, per bond its class when certain, and the adjacency.
///
/// For a molecule everything is certain. For a query, a fact is recorded only when every target atom (bond)
/// the query atom (bond) can match must have it, so that features built from certain facts are present in
/// every molecule that contains a match: that is the whole argument for "no false negatives".
struct ScreenGraph {
    /// Bond classes: a perceived bond is exactly one of these (others, e.g. dative, are `nil` and never
    /// appear in labelled features).
    enum BondClass: UInt8 {
        case single = 1
        case double = 2
        case triple = 3
        case aromatic = 4
    }

    /// Atomic number, or `nil` when the query atom can match more than one element.
    var elements: [UInt8?]
    /// Aromatic flag, or `nil` when not certain.
    var aromatic: [Bool?]
    /// Bond class, or `nil` when not certain (any SMARTS bond without a single class, dative bonds).
    var bondClasses: [BondClass?]
    var offsets: [Int32]
    var adjacentAtoms: [Int32]
    var adjacentBonds: [Int32]

    var atomCount: Int { elements.count }

    /// The class of a perceived bond, as RDKit types it and the matcher reads it (`MatchTarget.isAromatic`:
    /// an aromatic-flagged bond is aromatic whatever its Kekulé order).
    static func bondClass(_ bond: Bond) -> BondClass? {
        if MatchTarget.isAromatic(bond) { return .aromatic }
        switch bond.order {
        case .single: return .single
        case .double: return .double
        case .triple: return .triple
        default: return nil
        }
    }

    /// A molecule's graph: every fact certain.
    init(molecule: Molecule) {
        elements = molecule.atoms.map { $0.atomicNumber }
        aromatic = molecule.atoms.map { $0.isAromatic }
        bondClasses = molecule.bonds.map(Self.bondClass)
        offsets = molecule.adjacencyOffsets
        adjacentAtoms = molecule.adjacentAtoms
        adjacentBonds = molecule.adjacentBonds
    }

    /// A query graph from per-atom and per-bond facts and its bonds' ends.
    init(elements: [UInt8?], aromatic: [Bool?], bondEnds: [(Int32, Int32)], bondClasses: [BondClass?]) {
        self.elements = elements
        self.aromatic = aromatic
        self.bondClasses = bondClasses
        let n = elements.count
        var degree = [Int32](repeating: 0, count: n + 1)
        for (a, b) in bondEnds {
            degree[Int(a)] += 1
            degree[Int(b)] += 1
        }
        var offsets = [Int32](repeating: 0, count: n + 1)
        for a in 0..<n { offsets[a + 1] = offsets[a] + degree[a] }
        var fill = offsets
        var atoms = [Int32](repeating: 0, count: Int(offsets[n]))
        var bonds = [Int32](repeating: 0, count: Int(offsets[n]))
        for (i, (a, b)) in bondEnds.enumerated() {
            atoms[Int(fill[Int(a)])] = b
            bonds[Int(fill[Int(a)])] = Int32(i)
            fill[Int(a)] += 1
            atoms[Int(fill[Int(b)])] = a
            bonds[Int(fill[Int(b)])] = Int32(i)
            fill[Int(b)] += 1
        }
        self.offsets = offsets
        adjacentAtoms = atoms
        adjacentBonds = bonds
    }
}
