/// A law engine's answer for one structure in one jurisdiction on one day, stored with the record as a
/// snapshot: later changes to the law or the engine do not rewrite what was determined then.
public struct Determination: Codable, Sendable, Hashable {
    /// `US`, `CN`, `UN`, ...
    public let jurisdiction: String
    /// The engine's status word: `scheduled` (or `controlled`), `precursor`, `not_controlled`, or `unknown`.
    public let status: String
    /// Why: e.g. `listed`, `class_rule`, `analogue`, `none`.
    public let basis: String
    /// Schedule or list, when controlled (`Schedule I`, `Annex I`).
    public let schedule: String?
    /// The legal instrument relied on.
    public let citation: String?
    /// The engine's explanation in words.
    public let explanation: String

    public init(jurisdiction: String, status: String, basis: String, schedule: String?, citation: String?, explanation: String) {
        self.jurisdiction = jurisdiction
        self.status = status
        self.basis = basis
        self.schedule = schedule
        self.citation = citation
        self.explanation = explanation
    }

    /// True when the status says the substance is a controlled drug.
    public var isControlled: Bool { status == "scheduled" || status == "controlled" }
    /// True when the substance is regulated as a precursor chemical, not as a drug.
    public var isPrecursor: Bool { status == "precursor" }
    /// True when the status says the substance is not controlled.
    public var isNotControlled: Bool { status == "not_controlled" }
}

/// How a structure was classified: by which engine, as of which day, with what answers; or why it could not
/// be. An unavailable classification is stored as such, never replaced by a guess.
public struct Classification: Codable, Sendable, Hashable {
    public enum Outcome: String, Codable, Sendable, Hashable {
        case determined
        case unavailable
    }

    public let outcome: Outcome
    /// The day the law was applied as of (the seizure date, or the proposal's creation day).
    public let asOf: CalendarDate
    /// The engine and its knowledge-base version.
    public let engine: String
    public let determinations: [Determination]
    /// Why there are no determinations, when `outcome` is `unavailable`.
    public let reason: String?

    public init(outcome: Outcome, asOf: CalendarDate, engine: String, determinations: [Determination], reason: String?) {
        self.outcome = outcome
        self.asOf = asOf
        self.engine = engine
        self.determinations = determinations
        self.reason = reason
    }
}

/// Where a substance is controlled and where it is not, from a classification: the evidence a scheduling
/// proposal rests on.
public struct GapReport: Codable, Sendable, Hashable {
    /// Jurisdictions where the substance is a controlled (scheduled) drug.
    public let controlledIn: [String]
    /// Jurisdictions that regulate it only as a precursor chemical.
    public let precursorIn: [String]
    public let notControlledIn: [String]
    /// Jurisdictions whose status is unknown or a word this report does not know.
    public let undeterminedIn: [String]

    public init(_ classification: Classification) {
        var controlled: [String] = [], precursor: [String] = [], notControlled: [String] = [], undetermined: [String] = []
        for d in classification.determinations {
            if d.isControlled { controlled.append(d.jurisdiction) }
            else if d.isPrecursor { precursor.append(d.jurisdiction) }
            else if d.isNotControlled { notControlled.append(d.jurisdiction) }
            else { undetermined.append(d.jurisdiction) }
        }
        controlledIn = controlled.sorted()
        precursorIn = precursor.sorted()
        notControlledIn = notControlled.sorted()
        undeterminedIn = undetermined.sorted()
    }

    /// True when some jurisdiction schedules the substance and another does not: a gap to close.
    public var hasGap: Bool { !controlledIn.isEmpty && !(notControlledIn.isEmpty && precursorIn.isEmpty) }
}
