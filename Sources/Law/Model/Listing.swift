/// One listing: a substance (or preparation, or plant material) named on one control list, with the names
/// the law gives it, its structure, its codes and every dated step of its control.
public struct Listing: Sendable, Hashable, Codable, Identifiable {
    /// Stable id ("us-1-acetylfentanyl").
    public let id: String
    /// Key shared by the entries of the same substance in every list and jurisdiction ("acetylfentanyl").
    public let substance: String
    public let jurisdiction: JurisdictionCode
    /// Code of the list the entry belongs to.
    public let list: String
    /// The schedule or category label a reader expects ("I", "List I", "麻醉药品", "Table I").
    public let schedule: String
    /// Code of the list paragraph whose scope applies (see `ListCategory`).
    public let category: String
    /// The paragraph or item as cited ("21 CFR 1308.11(b)(3)").
    public let paragraph: String
    public let form: Form
    /// What limits the listing to that form ("except the hydrochloride salt ...").
    public let formNote: String?
    public let names: Names
    public let synonyms: [String]
    /// The structure, or `nil` with `noStructure` saying why.
    public let structure: RecordedStructure?
    public let noStructure: String?
    public let codes: Codes
    /// The dated history of the listing, oldest first.
    public let steps: [ListingStep]
    public let notes: [String]
    /// Facts that are missing or conflicting, recorded instead of guessed.
    public let openQuestions: [String]

    /// What kind of thing the listing names; only `substance`, `salt` and `bulk` listings describe a compound
    /// that a structure can be matched against.
    public enum Form: String, Sendable, Hashable, Codable {
        /// A compound (with the salts, isomers... the list's scope gives).
        case substance
        /// Only one salt of the compound (US: etorphine hydrochloride).
        case salt
        /// Only the bulk (non-dosage) form of the compound (US: bulk dextropropoxyphene).
        case bulk
        /// A preparation with quantity limits; the named ingredient alone is listed elsewhere.
        case preparation
        /// Plant material or an extract (opium, poppy straw concentrate).
        case botanical
        /// A group of compounds named together without one structure.
        case group

        /// Whether a structure determines this listing.
        public var matchesStructure: Bool { self == .substance || self == .salt || self == .bulk }
    }

    /// The names the law gives the entry.
    public struct Names: Sendable, Hashable, Codable {
        /// The name exactly as the legal text prints it (Chinese for China's lists).
        public let legal: String?
        public let english: String?
        public let chinese: String?
        /// Systematic chemical names the legal text gives (cross-checked with OPSIN).
        public let systematic: [String]
    }

    /// Registry codes: the DEA Controlled Substances Code Number and the CAS number where sourced.
    public struct Codes: Sendable, Hashable, Codable {
        public let dea: String?
        public let cas: String?
        /// What the CAS number is of, when it is a salt's.
        public let casNote: String?
    }

    /// The name to show: the English name, else the legal name, else the id.
    public var displayName: String { names.english ?? names.legal ?? id }
}

/// A structure as recorded: SMILES with its source, the formula (with its own source when independent of the
/// SMILES) and the RDKit InChIKey computed when the data were built.
public struct RecordedStructure: Sendable, Hashable, Codable {
    public let smiles: String
    public let source: String
    public let formula: String
    public let formulaSource: String
    public let inchikey: String
    /// What the SMILES says about stereo ("constitution only: ...", "as specified in the SMILES").
    public let stereo: String
    /// The stereo descriptor the legal name carries ("alpha", "levo"...) when the SMILES gives only the
    /// constitution: entries with different descriptors may share a constitution without colliding.
    public let stereoDescriptor: String?

    /// The InChIKey's first block: the same for all stereoisomers of one constitution.
    public var skeletonKey: Substring { inchikey.prefix(while: { $0 != "-" }) }
}
