/// Marks a record withdrawn by its owner. Records are never deleted: a retracted record stays readable by
/// everyone who could read it, so partners learn it was withdrawn instead of seeing it vanish.
public struct Retraction: Codable, Sendable, Hashable {
    public let at: Timestamp
    public let by: UserID
    public let reason: String

    public init(at: Timestamp, by: UserID, reason: String) {
        self.at = at
        self.by = by
        self.reason = reason
    }
}
