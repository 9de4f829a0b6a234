/// The status of one substance in one jurisdiction on one day, with what it rests on and a sentence that
/// says why.
public struct JurisdictionStatus: Sendable, Hashable {
    /// What a status rests on: a listing of the substance, or a class-wide rule it meets.
    public enum Basis: String, Sendable, Hashable, Codable {
        case listing
        case `class`
    }

    public let jurisdiction: JurisdictionCode
    public let date: CalendarDate
    public let status: ControlStatus
    public let basis: Basis?
    /// The listing the status rests on (or the one whose dates are missing, for `unknown`).
    public let listing: Listing?
    /// The class rule the status rests on.
    public let rule: ClassRule?
    /// The criteria of `rule` the substance meets, each with what was modified.
    public let criteria: [RuleExample.CriterionMatch]
    /// The first day of the current run of control, when controlled.
    public let since: CalendarDate?
    /// `since` is a lower bound: control may have started earlier (its first date is not recorded).
    public let sinceIsLowerBound: Bool
    public let citation: Citation?
    /// One sentence a prosecutor could read.
    public let explanation: String
    /// Other listings of the substance in force that day (a salt-only listing, a preparation schedule...).
    public let alsoListed: [Listing]

    /// The schedule or list label, when the status rests on a listing or on a rule placed in a list.
    public var schedule: String? { listing?.schedule ?? rule?.schedule }
}
