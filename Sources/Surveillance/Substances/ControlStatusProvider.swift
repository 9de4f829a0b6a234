import Law

/// A substance's control status in one jurisdiction on one day, as alerts and status series carry it.
///
/// The status words are the law engine's (`scheduled`, `precursor`, `not_controlled`, `unknown`); `unknown`
/// says the data cannot tell, and `explanation` says why, so an analyst never mistakes a gap for freedom.
public struct SubstanceStatus: Sendable, Hashable, Codable {
    /// `US`, `CN`, `UN`...
    public var jurisdiction: String
    public var status: ControlStatus
    /// Schedule or list label when controlled by a listing or a rule placed in a list, e.g. `I`.
    public var schedule: String?
    /// `listing` or `class` when the status rests on one.
    public var basis: String?
    /// The listing id or class rule id the status rests on.
    public var reference: String?
    /// First day of the current run of control, when controlled.
    public var since: CalendarDate?
    public var citation: String?
    /// One sentence that says why.
    public var explanation: String

    public init(jurisdiction: String, status: ControlStatus, schedule: String? = nil, basis: String? = nil,
                reference: String? = nil, since: CalendarDate? = nil, citation: String? = nil, explanation: String) {
        self.jurisdiction = jurisdiction
        self.status = status
        self.schedule = schedule
        self.basis = basis
        self.reference = reference
        self.since = since
        self.citation = citation
        self.explanation = explanation
    }
}

/// Answers "how is this substance controlled, here, on this day" for alerts and status series.
public protocol ControlStatusProvider: Sendable {
    /// Statuses per jurisdiction on `date`; an empty array when no law engine is connected.
    func statuses(of substance: SubstanceMatch?, sourceName: String, on date: CalendarDate) -> [SubstanceStatus]
}

/// The status provider used when no law engine is connected: claims nothing.
public struct NoControlStatus: ControlStatusProvider {
    public init() {}
    public func statuses(of substance: SubstanceMatch?, sourceName: String, on date: CalendarDate) -> [SubstanceStatus] {
        []
    }
}
