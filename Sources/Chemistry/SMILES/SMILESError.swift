/// Why a SMILES string could not be turned into a molecule, and where.
///
/// Carries a stable `code` for programs, a message for people that says what is wrong and how to fix it, the
/// 1-based `column` (in characters of the input) and, when one atom is to blame, its index. Its description
/// prints the input with a caret under the column, so a log line shows the problem at a glance.
public struct SMILESError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable identifier of the problem, for programs that react to it (e.g. an HTTP API's error field).
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        public let name: String
        init(_ name: String) { self.name = name }
        public var description: String { name }

        // Syntax.
        public static let unexpectedCharacter = Code("unexpected_character")
        public static let unknownElement = Code("unknown_element")
        public static let notAromaticElement = Code("not_aromatic_element")
        public static let unclosedBracketAtom = Code("unclosed_bracket_atom")
        public static let invalidIsotope = Code("invalid_isotope")
        public static let invalidChirality = Code("invalid_chirality")
        public static let invalidHydrogenCount = Code("invalid_hydrogen_count")
        public static let invalidCharge = Code("invalid_charge")
        public static let invalidAtomClass = Code("invalid_atom_class")
        public static let bondWithoutAtom = Code("bond_without_atom")
        public static let unbalancedParenthesis = Code("unbalanced_parenthesis")
        public static let emptyBranch = Code("empty_branch")
        public static let misplacedDot = Code("misplaced_dot")
        public static let invalidRingNumber = Code("invalid_ring_number")
        public static let unclosedRing = Code("unclosed_ring")
        public static let ringClosureToSelf = Code("ring_closure_to_self")
        public static let duplicateBond = Code("duplicate_bond")
        public static let conflictingRingBond = Code("conflicting_ring_bond")
        public static let tooManyAtoms = Code("too_many_atoms")
        // Chemistry (from perception, mapped to the atom's column).
        public static let valence = Code("valence")
        public static let kekulization = Code("kekulization")
        public static let aromaticOutsideRing = Code("aromatic_outside_ring")
        public static let chargeOnHydrogen = Code("charge_on_hydrogen")
    }

    public let code: Code
    public let message: String
    /// 1-based column (counted in Unicode scalars of the SMILES) where the problem was found.
    public let column: Int
    /// The atom to blame, when there is one (0-based index in SMILES order).
    public let atom: Int?
    /// The SMILES as given (without its title), kept so the description can point into it.
    public let smiles: String

    public init(_ code: Code, _ message: String, column: Int, atom: Int? = nil, smiles: String) {
        self.code = code
        self.message = message
        self.column = column
        self.atom = atom
        self.smiles = smiles
    }

    /// The message, the column, and the SMILES with a caret under the column (long inputs are shown as a
    /// window around it).
    public var description: String {
        let atomNote = atom.map { " (atom \($0 + 1))" } ?? ""
        return "\(message) at column \(column)\(atomNote)\n" + ColumnCaret.excerpt(of: smiles, column: column)
    }
}
