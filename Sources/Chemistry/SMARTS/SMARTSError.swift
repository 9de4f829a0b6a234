/// Why a SMARTS pattern could not be read, and where.
///
/// Carries a stable `code` for programs, a message for people that says what is wrong and how to fix it, and
/// the 1-based `column` (in characters of the pattern). Its description prints the pattern with a caret under
/// the column, as `SMILESError` does, so a command-line user sees the problem at a glance.
public struct SMARTSError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable identifier of the problem, for programs that react to it.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        public let name: String
        init(_ name: String) { self.name = name }
        public var description: String { name }

        /// The pattern is empty (or only whitespace).
        public static let empty = Code("empty")
        public static let unexpectedCharacter = Code("unexpected_character")
        public static let unknownElement = Code("unknown_element")
        public static let unclosedBracketAtom = Code("unclosed_bracket_atom")
        public static let emptyBracketAtom = Code("empty_bracket_atom")
        /// `&`, `,`, `;` or `!` without an operand on one side.
        public static let missingOperand = Code("missing_operand")
        public static let numberTooLarge = Code("number_too_large")
        /// `#` without a number after it.
        public static let invalidAtomicNumber = Code("invalid_atomic_number")
        public static let invalidChirality = Code("invalid_chirality")
        public static let invalidHybridization = Code("invalid_hybridization")
        public static let invalidRange = Code("invalid_range")
        public static let invalidAtomMap = Code("invalid_atom_map")
        public static let bondWithoutAtom = Code("bond_without_atom")
        public static let unbalancedParenthesis = Code("unbalanced_parenthesis")
        public static let emptyBranch = Code("empty_branch")
        public static let misplacedDot = Code("misplaced_dot")
        public static let invalidRingNumber = Code("invalid_ring_number")
        public static let unclosedRing = Code("unclosed_ring")
        public static let ringClosureToSelf = Code("ring_closure_to_self")
        public static let duplicateBond = Code("duplicate_bond")
        /// A ring closure written with different bonds where it opens and where it closes (`C=1CC#1`).
        /// RDKit silently keeps the opening one; we refuse, as Daylight and Open Babel do.
        public static let conflictingRingBond = Code("conflicting_ring_bond")
        public static let unclosedRecursion = Code("unclosed_recursion")
        public static let emptyRecursion = Code("empty_recursion")
        /// Recursive SMARTS nested deeper than `SMARTSParser.maximumRecursionDepth`.
        public static let tooDeeplyNested = Code("too_deeply_nested")
        public static let tooManyAtoms = Code("too_many_atoms")
        /// Syntax other toolkits accept but RDKit does not (component-level grouping `(C).(C)`).
        public static let unsupported = Code("unsupported")
    }

    public let code: Code
    public let message: String
    /// 1-based column (counted in Unicode scalars of the pattern) where the problem was found.
    public let column: Int
    /// The pattern as given (without any title after whitespace), kept so the description can point into it.
    public let smarts: String

    public init(_ code: Code, _ message: String, column: Int, smarts: String) {
        self.code = code
        self.message = message
        self.column = column
        self.smarts = smarts
    }

    /// The message, the column, and the pattern with a caret under the column (long patterns are shown as a
    /// window around it).
    public var description: String {
        "\(message) at column \(column)\n" + ColumnCaret.excerpt(of: smarts, column: column)
    }
}
