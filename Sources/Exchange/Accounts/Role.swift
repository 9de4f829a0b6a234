/// What a user may do inside their own agency. Roles never widen what a user can *see*: visibility is the
/// record's distribution, decided for the agency.
public enum Role: String, Codable, Sendable, CaseIterable, Hashable {
    /// Manages the agency's users and keys, and does everything an analyst does.
    case administrator
    /// Creates and edits the agency's records, comments on and reviews proposals.
    case analyst
    /// Reads what the agency can see; changes nothing.
    case viewer

    /// True when this role may change records.
    public var canWrite: Bool { self != .viewer }
    /// True when this role may manage the agency's users and keys.
    public var canAdminister: Bool { self == .administrator }
}
