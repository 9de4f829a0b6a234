/// Something an analyst should look at: a substance seen for the first time in a place, or a substance whose
/// counts rise beyond what a detector expects.
///
/// Each alert carries its evidence (which series, which detector with which parameters, which values) and the
/// substance's control status in each jurisdiction at that date, so an unscheduled substance that is rising
/// can be taken straight to a scheduling proposal.
public struct Alert: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable {
        case firstIdentification = "first_identification"
        case rising
    }

    public var kind: Kind
    /// The substance as grouped (knowledge-base name when mapped, else the source's base name or name).
    public var substance: String
    /// Knowledge-base id, nil when the name is unmapped.
    public var substanceID: String?
    /// The source's own name for the substance.
    public var sourceName: String
    /// How the name maps to the knowledge base (`substance`, `one_of`, `structure`, `class_candidate`, `class_member`),
    /// nil when unmapped.
    public var mapping: SubstanceMatch.Kind?
    public var classes: [SubstanceClass]
    public var place: String
    public var period: Period
    /// `first-identification` (a rule, not a statistic) or the detector name, e.g. `ears-c1`.
    public var detector: String
    public var evidence: Evidence
    /// Control status per jurisdiction on the first day of `period`; empty when no law engine is connected.
    public var status: [String: SubstanceStatus]

    enum CodingKeys: String, CodingKey {
        case kind, substance, substanceID = "substance_id", sourceName = "source_name", mapping, classes, place, period,
             detector, evidence, status
    }
}

/// What an alert rests on, enough to reproduce it.
public struct Evidence: Sendable, Hashable, Codable {
    public var source: SourceFormat
    public var measure: String
    /// The series label (source, measure, substance, place).
    public var series: String
    public var parameters: [String: String]
    /// The count in the alert's period.
    public var observed: Double
    public var expected: Double?
    public var threshold: Double?
    /// The count one period earlier, and the change from it.
    public var previous: Double?
    public var changeFromPrevious: PercentChangeSummary?
    /// The count one year earlier (monthly and weekly series), and the change from it.
    public var yearEarlier: Double?
    public var changeFromYearEarlier: PercentChangeSummary?
    /// First identification only: true when the period is the first one the data cover, so "first" only means
    /// "already present when the data start".
    public var atStartOfData: Bool?
    /// The first period the data cover.
    public var dataStart: Period?

    enum CodingKeys: String, CodingKey {
        case source, measure, series, parameters, observed, expected, threshold, previous,
             changeFromPrevious = "change_from_previous", yearEarlier = "year_earlier",
             changeFromYearEarlier = "change_from_year_earlier", atStartOfData = "at_start_of_data",
             dataStart = "data_start"
    }
}

/// A percentage change in the form alerts print it.
public struct PercentChangeSummary: Sendable, Hashable, Codable {
    /// Exact percentage, nil when the earlier value is 0.
    public var percent: Double?
    public var ratio: Double?
    /// E.g. `+578% (582 → 3946, ×6.8)` or `new (0 → 12)`.
    public var text: String

    public init(_ change: PercentChange) {
        percent = change.percent
        ratio = change.ratio
        text = change.description
    }
}
