/// A molecule as a compact value: contiguous arrays of small atom and bond structs plus a compressed
/// adjacency table, so that walking it touches few cache lines and copying it is copy-on-write cheap.
///
/// Atoms and bonds are addressed by `Int` index. The topology (which atoms are bonded) is fixed once the
/// value exists; per-atom and per-bond properties (charges, hydrogen counts, aromatic flags, bond orders,
/// stereo) can change through `updateAtom(_:_:)` and `updateBond(_:_:)`. Operations that change the
/// topology (removing fragments, adding hydrogens) return a new `Molecule`.
///
/// Neighbour order is bond-index order and is part of the stereo contract (see `Chirality`).
public struct Molecule: Sendable {
    /// The atoms, indexed by atom index.
    public internal(set) var atoms: [Atom]
    /// The bonds, indexed by bond index.
    public internal(set) var bonds: [Bond]
    /// Atom `a`'s neighbours are `adjacentAtoms[adjacencyOffsets[a] ..< adjacencyOffsets[a + 1]]`, joined by
    /// the bonds at the same positions of `adjacentBonds`.
    @usableFromInline internal private(set) var adjacencyOffsets: [Int32]
    @usableFromInline internal private(set) var adjacentAtoms: [Int32]
    @usableFromInline internal private(set) var adjacentBonds: [Int32]

    /// The record's title (SMILES name column, molfile header line).
    public var name: String = ""
    /// Data fields in input order (SDF `> <NAME>` items). Keys can repeat, as in SDF.
    public var properties: [(key: String, value: String)] = []
    /// Atom coordinates from the input or a depiction, one per atom, or empty when the molecule has none.
    public var coordinates: [SIMD3<Double>] = []
    /// `true` when `coordinates` are 3D (molfile dimension code `3D`, or any non-zero z).
    public var hasThreeDimensionalCoordinates = false
    /// The rings (relevant cycles), filled by `perceive()` or `perceiveRings()`; empty before.
    public internal(set) var ringInfo = RingInfo()
    /// The aromaticity model `perceive()` applied, or `nil` when the molecule has not been perceived (its
    /// bonds may then still be `.aromatic` and its implicit hydrogen counts unset).
    public internal(set) var aromaticityModel: AromaticityModel?

    /// Builds a molecule after checking that every bond joins two distinct existing atoms and that no pair
    /// of atoms is bonded twice.
    public init(atoms: [Atom], bonds: [Bond]) throws(MoleculeError) {
        let n = atoms.count
        var seen = Set<UInt64>()
        seen.reserveCapacity(bonds.count)
        for (i, b) in bonds.enumerated() {
            guard b.begin >= 0, b.end >= 0, Int(b.begin) < n, Int(b.end) < n else {
                throw MoleculeError(.bondAtomOutOfRange, "bond \(i + 1) joins atom \(b.begin + 1) and \(b.end + 1), but the molecule has \(n) atoms", bond: i)
            }
            guard b.begin != b.end else {
                throw MoleculeError(.selfBond, "bond \(i + 1) joins atom \(b.begin + 1) to itself", bond: i)
            }
            let key = UInt64(UInt32(min(b.begin, b.end))) << 32 | UInt64(UInt32(max(b.begin, b.end)))
            guard seen.insert(key).inserted else {
                throw MoleculeError(.duplicateBond, "atoms \(b.begin + 1) and \(b.end + 1) are bonded twice (bond \(i + 1))", bond: i)
            }
        }
        self.init(uncheckedAtoms: atoms, bonds: bonds)
    }

    /// Builds a molecule whose bonds the caller has already validated (parsers that check as they read).
    @usableFromInline
    init(uncheckedAtoms atoms: [Atom], bonds: [Bond]) {
        self.atoms = atoms
        self.bonds = bonds
        let n = atoms.count
        var degree = [Int32](repeating: 0, count: n + 1)
        for b in bonds {
            degree[Int(b.begin)] += 1
            degree[Int(b.end)] += 1
        }
        var offsets = [Int32](repeating: 0, count: n + 1)
        var running: Int32 = 0
        for a in 0..<n {
            offsets[a] = running
            running += degree[a]
        }
        offsets[n] = running
        var fill = offsets
        var nbrAtoms = [Int32](repeating: 0, count: Int(running))
        var nbrBonds = [Int32](repeating: 0, count: Int(running))
        for (i, b) in bonds.enumerated() {
            let p = Int(fill[Int(b.begin)])
            nbrAtoms[p] = b.end
            nbrBonds[p] = Int32(i)
            fill[Int(b.begin)] += 1
            let q = Int(fill[Int(b.end)])
            nbrAtoms[q] = b.begin
            nbrBonds[q] = Int32(i)
            fill[Int(b.end)] += 1
        }
        adjacencyOffsets = offsets
        adjacentAtoms = nbrAtoms
        adjacentBonds = nbrBonds
    }

    /// An empty molecule.
    public init() {
        self.init(uncheckedAtoms: [], bonds: [])
    }

    @inlinable public var atomCount: Int { atoms.count }
    @inlinable public var bondCount: Int { bonds.count }
    @inlinable public var isEmpty: Bool { atoms.isEmpty }

    /// Number of graph neighbours (bonded atoms, including explicit hydrogen atoms).
    @inlinable
    public func degree(of atom: Int) -> Int {
        Int(adjacencyOffsets[atom + 1] - adjacencyOffsets[atom])
    }

    /// The neighbours of `atom` with the joining bonds, in bond-index order.
    @inlinable
    public func neighbors(of atom: Int) -> Neighbors {
        Neighbors(atoms: adjacentAtoms, bonds: adjacentBonds, range: Int(adjacencyOffsets[atom])..<Int(adjacencyOffsets[atom + 1]))
    }

    /// The bond joining two atoms, or `nil` when they are not bonded.
    @inlinable
    public func bond(between a: Int, and b: Int) -> Int? {
        for p in Int(adjacencyOffsets[a])..<Int(adjacencyOffsets[a + 1]) where Int(adjacentAtoms[p]) == b {
            return Int(adjacentBonds[p])
        }
        return nil
    }

    /// All hydrogens on an atom: its own counts plus hydrogen atoms bonded to it in the graph.
    @inlinable
    public func totalHydrogens(of atom: Int) -> Int {
        var count = atoms[atom].totalHydrogens
        for p in Int(adjacencyOffsets[atom])..<Int(adjacencyOffsets[atom + 1])
        where atoms[Int(adjacentAtoms[p])].atomicNumber == 1 {
            count += 1
        }
        return count
    }

    /// Changes an atom's properties in place; the topology cannot change this way.
    public mutating func updateAtom(_ atom: Int, _ body: (inout Atom) throws -> Void) rethrows {
        try body(&atoms[atom])
    }

    /// Changes a bond's order, aromaticity or stereo in place; its end atoms must stay the same.
    public mutating func updateBond(_ bond: Int, _ body: (inout Bond) throws -> Void) rethrows {
        let (begin, end) = (bonds[bond].begin, bonds[bond].end)
        try body(&bonds[bond])
        bonds[bond].begin = begin
        bonds[bond].end = end
    }

    /// The neighbours of one atom, as `(atom, bond)` index pairs.
    ///
    /// It holds the two adjacency arrays, not the molecule: iterating neighbours in a hot loop then costs
    /// two reference-count operations instead of one per stored array of the molecule.
    public struct Neighbors: RandomAccessCollection, Sendable {
        @usableFromInline let atoms: [Int32]
        @usableFromInline let bonds: [Int32]
        @usableFromInline let range: Range<Int>

        @inlinable
        init(atoms: [Int32], bonds: [Int32], range: Range<Int>) {
            self.atoms = atoms
            self.bonds = bonds
            self.range = range
        }

        @inlinable public var startIndex: Int { 0 }
        @inlinable public var endIndex: Int { range.count }

        @inlinable
        public subscript(position: Int) -> (atom: Int, bond: Int) {
            let p = range.lowerBound + position
            return (Int(atoms[p]), Int(bonds[p]))
        }
    }
}
