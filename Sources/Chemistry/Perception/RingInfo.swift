/// The rings of a molecule, as RDKit 2026.09 stores them after sanitization: the *relevant cycles* (every
/// cycle that is not a sum of strictly shorter cycles; the union of all minimum cycle bases, Vismara 1997).
///
/// Why relevant cycles and not an SSSR: they do not depend on atom order (cubane has 6 rings, not an arbitrary
/// 5 of them), and SMARTS `R`, `r`, `x`, aromaticity and Morgan ring membership in RDKit all read them.
/// Cubane has 6 rings, adamantane 4, bicyclo[2.2.2]octane 3, norbornane 2, naphthalene 2.
///
/// Dative and zero-order bonds are not ring bonds. Each ring lists its atoms in cycle order, starting at its
/// lowest atom index and heading to the lower of that atom's two ring neighbours (RDKit's order), and its
/// bonds in the same order (bond `k` joins atom `k` and atom `k + 1`, the last one closes the cycle).
/// Rings are sorted by size. Before perception (`Molecule.perceive()` or `perceiveRings()`) the value is
/// empty and every per-atom and per-bond question answers 0 or `false`.
///
/// Work is bounded: when a ring system has more relevant cycles than `RingInfo.maximumRings` (a fullerene
/// with hundreds of atoms, a large cage), the rest are left out and `isComplete` is `false`; every ring bond
/// is still counted by `isInRing(bond:)` and the per-atom "in a ring" facts stay exact.
public struct RingInfo: Sendable, Hashable {
    /// The most relevant cycles kept per molecule.
    public static let maximumRings = 10_000

    @usableFromInline var ringAtomList: [Int32] = []
    @usableFromInline var ringBondList: [Int32] = []
    @usableFromInline var ringOffsets: [Int32] = [0]
    @usableFromInline var atomStats: [AtomStats] = []
    @usableFromInline var bondStats: [BondStats] = []

    /// Ring facts of one atom (one small struct per atom keeps them in one allocation).
    @usableFromInline
    struct AtomStats: Sendable, Hashable {
        @usableFromInline var rings: Int32 = 0
        @usableFromInline var smallest: Int32 = 0
        @usableFromInline var ringBonds: Int32 = 0
    }

    /// Ring facts of one bond.
    @usableFromInline
    struct BondStats: Sendable, Hashable {
        @usableFromInline var rings: Int32 = 0
        @usableFromInline var smallest: Int32 = 0
        /// The biconnected ring system (fused system) the bond belongs to, -1 for bonds in no ring.
        @usableFromInline var block: Int32 = -1
        @usableFromInline var cyclic = false
    }

    var blockCount = 0

    /// The number of independent cycles (bonds − atoms + connected components, over ring-capable bonds):
    /// the size of a smallest set of smallest rings, which is what RDKit's `GetSSSR` counts.
    public internal(set) var cyclomaticNumber = 0
    /// `false` when the bound on relevant cycles was reached and some were left out.
    public internal(set) var isComplete = true

    /// Empty ring information for a molecule with `atomCount` atoms and `bondCount` bonds.
    public init(atomCount: Int = 0, bondCount: Int = 0) {
        atomStats = [AtomStats](repeating: AtomStats(), count: atomCount)
        bondStats = [BondStats](repeating: BondStats(), count: bondCount)
    }

    /// Number of rings (relevant cycles).
    @inlinable public var ringCount: Int { ringOffsets.count - 1 }

    /// The atoms of ring `ring`, in cycle order.
    @inlinable
    public func atoms(ofRing ring: Int) -> ArraySlice<Int32> {
        ringAtomList[Int(ringOffsets[ring])..<Int(ringOffsets[ring + 1])]
    }

    /// The bonds of ring `ring`, in cycle order.
    @inlinable
    public func bonds(ofRing ring: Int) -> ArraySlice<Int32> {
        ringBondList[Int(ringOffsets[ring])..<Int(ringOffsets[ring + 1])]
    }

    /// The number of atoms of ring `ring`.
    @inlinable
    public func size(ofRing ring: Int) -> Int { Int(ringOffsets[ring + 1] - ringOffsets[ring]) }

    /// How many rings contain the atom (SMARTS `R<n>`).
    @inlinable
    public func ringCount(ofAtom atom: Int) -> Int { atom < atomStats.count ? Int(atomStats[atom].rings) : 0 }

    /// The size of the smallest ring containing the atom, 0 when it is in none (SMARTS `r<n>`).
    @inlinable
    public func smallestRingSize(ofAtom atom: Int) -> Int { atom < atomStats.count ? Int(atomStats[atom].smallest) : 0 }

    /// How many ring bonds the atom has (SMARTS `x<n>`).
    @inlinable
    public func ringBondCount(ofAtom atom: Int) -> Int { atom < atomStats.count ? Int(atomStats[atom].ringBonds) : 0 }

    /// Whether the atom is in any ring.
    @inlinable
    public func isInRing(atom: Int) -> Bool { atom < atomStats.count && atomStats[atom].ringBonds > 0 }

    /// How many rings contain the bond.
    @inlinable
    public func ringCount(ofBond bond: Int) -> Int { bond < bondStats.count ? Int(bondStats[bond].rings) : 0 }

    /// Whether the bond is in any ring (SMARTS bond `@`).
    @inlinable
    public func isInRing(bond: Int) -> Bool { bond < bondStats.count && bondStats[bond].cyclic }

    /// The size of the smallest ring containing the bond, 0 when it is in none.
    @inlinable
    public func smallestRingSize(ofBond bond: Int) -> Int { bond < bondStats.count ? Int(bondStats[bond].smallest) : 0 }

    /// The fused ring system of a ring bond, -1 for other bonds.
    @inlinable
    func block(ofBond bond: Int) -> Int { bond < bondStats.count ? Int(bondStats[bond].block) : -1 }

    /// Whether some ring of exactly `size` atoms contains the atom (RDKit's SMARTS extension `k<n>`).
    public func isInRing(atom: Int, ofSize size: Int) -> Bool {
        for r in 0..<ringCount where self.size(ofRing: r) == size && atoms(ofRing: r).contains(Int32(atom)) {
            return true
        }
        return false
    }

    /// The rings as arrays of atom indices (convenient for tests and reports; allocates).
    public var atomRingsList: [[Int]] { (0..<ringCount).map { atoms(ofRing: $0).map(Int.init) } }
}
