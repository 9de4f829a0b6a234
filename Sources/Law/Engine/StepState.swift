/// Where a listing (or class rule) stands on one day, from its dated steps alone.
public enum StepState: Sendable, Hashable {
    /// In force. `since` is the first day of the uninterrupted run of control that contains the day;
    /// `sinceIsLowerBound` is true when control may have started earlier (its first date is not recorded).
    /// `step` is the index of the step in force on that day (for its citation).
    case inForce(since: CalendarDate, sinceIsLowerBound: Bool, step: Int)
    /// Not yet in force: the earliest day it can take effect.
    case notYet(from: CalendarDate)
    /// Control ended: the first day without it, and the step that ended it.
    case ended(on: CalendarDate, step: Int)
    /// The data cannot say; `reason` says which fact is missing.
    case unknown(step: Int?, reason: String)

    public var isInForce: Bool {
        if case .inForce = self { return true }
        return false
    }
}
