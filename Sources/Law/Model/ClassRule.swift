/// A class-wide rule: a legal definition that controls every substance meeting it (US and Chinese
/// fentanyl-related substances), a class whose definition was not retrieved (China's nitazenes), or the US
/// analogue provision (case by case; it never decides a status). The criteria are data; the structural code
/// that evaluates them is kept as small as the text allows.
public struct ClassRule: Sendable, Hashable, Codable, Identifiable {
    public let id: String
    public let jurisdiction: JurisdictionCode
    public let kind: Kind
    public let name: String
    public let nameZh: String?
    /// The list the class is placed in, when it is placed in one.
    public let list: String?
    public let schedule: String?
    /// The reference compound the criteria modify.
    public let parent: ParentCompound?
    /// The legal text, quoted briefly, with citations.
    public let legalText: [LegalQuote]
    public let criteria: [RuleCriterion]
    /// How the criteria combine ("any one or more of A-E, and no modification outside them").
    public let combination: String?
    public let exclusions: [RuleExclusion]
    /// A structural screen for rules whose definition is missing: matching structures get "unknown".
    public let screen: StructureScreen?
    public let steps: [ListingStep]
    public let notes: [String]
    public let openQuestions: [String]
    /// The worked examples with an expectation for this rule (attached by the loader from `examples.json`).
    public internal(set) var examples: [RuleExample] = []

    public enum Kind: String, Sendable, Hashable, Codable {
        /// A structural definition the engine evaluates.
        case structuralClass = "structural-class"
        /// A class in force whose definition text was not retrieved: matching structures are "unknown".
        case definitionNotRetrieved = "class-definition-not-retrieved"
        /// The US controlled-substance-analogue provision: evidence only, never a status.
        case analogueProvision = "analogue-provision"
    }

    enum CodingKeys: String, CodingKey {
        case id, jurisdiction, kind, name, nameZh, list, schedule, parent, legalText, criteria, combination,
             exclusions, screen, steps, notes, openQuestions
    }
}

/// The compound a class definition modifies.
public struct ParentCompound: Sendable, Hashable, Codable {
    public let name: String
    public let systematic: String
    public let smiles: String
    public let formula: String
    public let inchikey: String
}

/// A short quotation of the legal text with its citation (`quote` is `nil` where the text is paraphrased).
public struct LegalQuote: Sendable, Hashable, Codable {
    public let quote: String?
    public let citation: Citation
}

/// A carve-out from a class: the substance stays under another listing or is not controlled by the class.
public struct RuleExclusion: Sendable, Hashable, Codable {
    public let id: String
    public let quote: String?
    public let summary: String
    public let citation: Citation
    /// The period the exclusion applies in (`nil`: open-ended).
    public let from: CalendarDate?
    public let to: CalendarDate?
}

/// A SMARTS screen with what it stands for.
public struct StructureScreen: Sendable, Hashable, Codable {
    public let smarts: String
    public let summary: String
}
