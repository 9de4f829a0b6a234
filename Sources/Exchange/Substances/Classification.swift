import Law

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
