/// A person (or system account) acting for one agency.
public struct User: Codable, Sendable, Hashable {
    public let id: UserID
    public let agency: AgencyID
    public let name: String
    public let role: Role
    public let createdAt: Timestamp
    /// Disabled users keep their history but their keys stop working.
    public let disabled: Bool

    public init(id: UserID, agency: AgencyID, name: String, role: Role, createdAt: Timestamp, disabled: Bool = false) {
        self.id = id
        self.agency = agency
        self.name = name
        self.role = role
        self.createdAt = createdAt
        self.disabled = disabled
    }
}
