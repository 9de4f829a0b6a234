/// Why a molfile or SDF record could not be read, and where: the 1-based SDF record number and the 1-based line
/// number in the file (or in the molfile text when it was read on its own).
public struct MolfileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable identifier of the problem, for programs that react to it.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        let name: String
        /// The record ended (at `$$$$` or the end of the file) before the connection table was complete.
        public static let unexpectedEnd = Code(name: "unexpected_end")
        /// The counts line (line 4) is missing numbers or names an unknown version.
        public static let badCountsLine = Code(name: "bad_counts_line")
        /// An atom line has unreadable coordinates or fields.
        public static let badAtomLine = Code(name: "bad_atom_line")
        /// An atom symbol names no element and no supported query atom.
        public static let unknownElement = Code(name: "unknown_element")
        /// A bond line has unreadable fields or an unknown bond type.
        public static let badBondLine = Code(name: "bad_bond_line")
        /// A bond names an atom number outside the atom block.
        public static let bondAtomOutOfRange = Code(name: "bond_atom_out_of_range")
        /// A bond joins an atom to itself.
        public static let selfBond = Code(name: "self_bond")
        /// Two bonds join the same pair of atoms.
        public static let duplicateBond = Code(name: "duplicate_bond")
        /// A property line (`M  CHG`, `M  ISO`, …) is malformed or names a missing atom.
        public static let badPropertyLine = Code(name: "bad_property_line")
        /// The structure uses an atom list (`L` atoms, `M  ALS`, V3000 `[C,N]`): a query, not a molecule.
        public static let atomListUnsupported = Code(name: "atom_list_unsupported")
        /// A V3000 block is malformed (missing `BEGIN`/`END`, bad tokens, unknown atom ids).
        public static let badV3000 = Code(name: "bad_v3000")
        /// The connection table has no `M  END` line.
        public static let missingEnd = Code(name: "missing_end")
        /// The record is larger than the reader's limit; it is skipped up to the next `$$$$`.
        public static let recordTooLarge = Code(name: "record_too_large")
        /// The structure was read but is chemically invalid (valence, kekulization).
        public static let invalidStructure = Code(name: "invalid_structure")
        /// The molecule cannot be written as asked (too large for V2000, stereo the coordinates cannot show,
        /// a data value SDF cannot hold).
        public static let cannotWrite = Code(name: "cannot_write")
        /// The input itself could not be read (I/O error or corrupt compressed data); the stream ends here.
        public static let unreadableInput = Code(name: "unreadable_input")
        public var description: String { name }
    }

    public let code: Code
    /// What is wrong, without the position (see `description` for both).
    public let message: String
    /// 1-based SDF record number, or nil for a molfile read on its own.
    public internal(set) var record: Int?
    /// 1-based line number of the offending line, when one is to blame.
    public internal(set) var line: Int?

    init(_ code: Code, _ message: String, line: Int? = nil, record: Int? = nil) {
        self.code = code
        self.message = message
        self.line = line
        self.record = record
    }

    /// The message prefixed with its position, e.g. `record 12, line 845: atom 3 has unknown symbol 'Xx'`.
    public var description: String {
        var position: [String] = []
        if let record { position.append("record \(record)") }
        if let line { position.append("line \(line)") }
        return position.isEmpty ? message : position.joined(separator: ", ") + ": " + message
    }
}

/// Something in a molfile that was read but not fully honoured: aliases, query features, S-groups and other
/// parts a `Molecule` cannot hold. The structure is still returned; the warning says what was set aside.
public struct MolfileWarning: Sendable, Hashable, CustomStringConvertible {
    /// Stable identifier of the kind of warning.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        let name: String
        /// An atom alias (`A  ` line, V3000 alias); the atom block's element is used.
        public static let atomAlias = Code(name: "atom_alias")
        /// An atom value (`V  ` line) is not kept.
        public static let atomValue = Code(name: "atom_value")
        /// A query feature (query atom or bond type, H-count, substitution, unsaturation, ring-bond or
        /// topology query, R-group) was read as the closest plain structure.
        public static let queryFeature = Code(name: "query_feature")
        /// S-groups, group abbreviations, collections and other blocks that a `Molecule` does not hold.
        public static let ignoredBlock = Code(name: "ignored_block")
        /// A field was read the way RDKit reads it, which differs from the letter of the format (for example
        /// the atom-block radical code 4).
        public static let nonstandardField = Code(name: "nonstandard_field")
        /// A line that fits no known form was skipped.
        public static let unrecognizedLine = Code(name: "unrecognized_line")
        /// An SDF data item header without `<name>`.
        public static let badDataHeader = Code(name: "bad_data_header")
        /// Stereo marks that could not be interpreted (conflicting or degenerate wedges, parity without
        /// coordinates on a non-stereocentre).
        public static let ambiguousStereo = Code(name: "ambiguous_stereo")
        public var description: String { name }
    }

    public let code: Code
    public let message: String
    /// 1-based line number, when one line is to blame.
    public let line: Int?

    init(_ code: Code, _ message: String, line: Int? = nil) {
        self.code = code
        self.message = message
        self.line = line
    }

    public var description: String {
        if let line { return "line \(line): \(message)" }
        return message
    }
}
