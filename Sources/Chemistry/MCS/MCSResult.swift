/// A maximum common substructure of two molecules: which atoms and bonds correspond, and a SMARTS that
/// describes the shared part and matches both molecules.
///
/// Indices are those of the molecules as given (`first` is the first molecule or the query, `second` the
/// other). The substructure is connected; it has the most bonds possible and, among those, the most atoms.
/// When no bond is shared but an atom is, it is that one atom (bond count 0), as in RDKit.
public struct MCSResult: Sendable, Hashable {
    /// One atom of the first molecule and the atom of the second it corresponds to.
    public struct AtomPair: Sendable, Hashable {
        public let first: Int
        public let second: Int

        public init(first: Int, second: Int) {
            self.first = first
            self.second = second
        }
    }

    /// One bond of the first molecule and the bond of the second it corresponds to.
    public struct BondPair: Sendable, Hashable {
        public let first: Int
        public let second: Int

        public init(first: Int, second: Int) {
            self.first = first
            self.second = second
        }
    }

    /// The corresponding atoms, sorted by the first molecule's index.
    public let atomPairs: [AtomPair]
    /// The corresponding bonds, sorted by the first molecule's index.
    public let bondPairs: [BondPair]
    /// The common substructure as SMARTS (empty when nothing is shared). Atoms are written by atomic
    /// number (`[#6]`) and bonds by the orders they have in the two molecules (`-,:` where a single bond
    /// met an aromatic one), with ring conditions when the options asked for them.
    public let smarts: String
    /// `true` when the time limit stopped the search: the answer is the best found by then, possibly not
    /// the maximum.
    public let timedOut: Bool
    /// How many search nodes were explored (for benchmarks and for judging timeouts).
    public let searchNodes: Int

    public init(atomPairs: [AtomPair], bondPairs: [BondPair], smarts: String, timedOut: Bool, searchNodes: Int) {
        self.atomPairs = atomPairs
        self.bondPairs = bondPairs
        self.smarts = smarts
        self.timedOut = timedOut
        self.searchNodes = searchNodes
    }

    /// Number of common atoms.
    public var atomCount: Int { atomPairs.count }
    /// Number of common bonds.
    public var bondCount: Int { bondPairs.count }
    /// `true` when the molecules share not even one atom.
    public var isEmpty: Bool { atomPairs.isEmpty }
}
