/// The answer for one jurisdiction: a controlled drug, a regulated precursor chemical, not controlled, or
/// unknown where the data cannot say (a missing date, an unsettled criterion, an incomplete list).
public enum ControlStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case scheduled
    case precursor
    case notControlled = "not_controlled"
    case unknown
}
