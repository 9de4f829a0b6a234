/// Why a molecule's atoms and bonds do not make sense chemically (RDKit's sanitization errors).
///
/// Readers map the atom to their own position: the SMILES reader to a column, the molfile reader to a line.
public struct PerceptionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable identifier of the problem, for programs that react to it.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        public let name: String
        init(_ name: String) { self.name = name }
        public var description: String { name }

        /// An atom has more bonds (or a higher bond-order sum) than any valence its element allows,
        /// e.g. a carbon with five bonds (RDKit's `AtomValenceException`).
        public static let valence = Code("valence")
        /// Aromatic input for which no Kekulé structure exists, e.g. `c1ccnc1` (pyrrole written without
        /// its `[nH]`) (RDKit's `KekulizeException`).
        public static let kekulization = Code("kekulization")
        /// An atom written aromatic that is in no ring, e.g. `c` or `Cc(C)C`.
        public static let aromaticOutsideRing = Code("aromatic_outside_ring")
        /// A hydrogen whose valence model cannot be satisfied, e.g. `[H+2]` built without a bracket.
        public static let chargeOnHydrogen = Code("charge_on_hydrogen")
    }

    public let code: Code
    public let message: String
    /// The atom to blame (0-based).
    public let atom: Int

    public init(_ code: Code, _ message: String, atom: Int) {
        self.code = code
        self.message = message
        self.atom = atom
    }

    public var description: String { message }
}
