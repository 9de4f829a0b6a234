import Chemistry

/// Everything the engine concludes about one structure on one day: how it was standardized and identified,
/// the answer per jurisdiction, each class rule's evaluation, and the analogue evidence.
public struct Classification: Sendable {
    public let date: CalendarDate
    /// The standardized parent and the steps that produced it.
    public let identity: StructureIdentity
    /// Knowledge-base substances with this structure (salts and stereoisomers included); empty when unlisted.
    public let substances: [String]
    /// A readable name: the matched substance's, else the input's name, else nil.
    public let name: String?
    /// One status per jurisdiction of the knowledge base, in its order.
    public let jurisdictions: [JurisdictionStatus]
    /// The structural class rules' conclusions (including rules whose definition is missing: a screen match
    /// gives an unsettled evaluation).
    public let classEvaluations: [ClassEvaluation]
    /// The most similar controlled substances (Morgan radius 2, 2048 bits, Tanimoto), most similar first.
    public let nearest: [NearestSubstance]
    /// For the United States when the structure is not controlled there: the Federal Analogue Act note.
    public let analogueNote: String?
}

/// A controlled substance near a structure, with the common substructure when it was computed.
public struct NearestSubstance: Sendable, Hashable {
    public let substance: String
    public let name: String
    public let similarity: Double
    /// Jurisdictions with a listing of the substance.
    public let codes: [JurisdictionCode]
    /// Atoms of the maximum common substructure (rings matched whole), nil when not computed.
    public let commonAtoms: Int?
    /// The common substructure as SMARTS, nil when not computed.
    public let commonSMARTS: String?
    /// Whether the substance is in US Schedule I or II (the Analogue Act's comparison).
    public let usScheduleIOrII: Bool
}
