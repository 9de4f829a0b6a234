/// One list or schedule of a jurisdiction (US Schedule I, China's Supplementary List, 1988 Table I...).
public struct ControlList: Sendable, Hashable, Codable {
    /// Stable code used by entries and on the command line ("us-csa-schedule-i").
    public let code: String
    public let name: String
    public let nameZh: String?
    /// Whether listing makes a substance a controlled drug or a regulated precursor chemical.
    public let control: ControlKind
    /// The legal instrument that establishes the list.
    public let instrument: String
    /// The data file of the list's entries, relative to the resources directory.
    public let file: String
    /// The last day on which every opioid (or fentanyl precursor) of this list is known to be recorded. A
    /// substance the knowledge base knows but that has no entry here is "not listed" up to this day and
    /// "unknown" after it; `nil` when the recorded list is partial at every date.
    public let completeThrough: CalendarDate?
    /// What the recorded list covers, in words.
    public let completeness: String
    /// Paragraphs of the list with their own legal scope (US 21 CFR 1308.11(b), (c), (h)...).
    public let categories: [ListCategory]
    public let notes: [String]

    /// Whether an entry of the list is a controlled drug or a regulated chemical.
    public enum ControlKind: String, Sendable, Hashable, Codable {
        case drug
        case precursor
    }
}

/// A paragraph of a list with the legal scope its introductory words give every entry.
public struct ListCategory: Sendable, Hashable, Codable {
    public let code: String
    public let name: String
    public let coverage: Coverage
    /// The introductory words, quoted (`nil` where they were not retrieved).
    public let quote: String?
    public let citation: Citation
}

/// What a listing extends to beyond the named substance, as the law says it: `true` covered, `false` not
/// named, `nil` not retrieved (the engine reports "unknown" rather than guessing).
public struct Coverage: Sendable, Hashable, Codable {
    public let salts: Bool?
    public let isomers: Bool?
    public let esters: Bool?
    public let ethers: Bool?
    public let note: String?
}
