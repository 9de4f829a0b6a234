/// A named, explicitly defined set of agencies (a sharing group). Membership is set by administrators up
/// front, never implied by a record, so who sees a `working_group` record is always known in advance.
public struct WorkingGroup: Codable, Sendable, Hashable {
    public let id: WorkingGroupID
    public let name: String
    public let members: Set<AgencyID>
    public let createdAt: Timestamp

    public init(id: WorkingGroupID, name: String, members: Set<AgencyID>, createdAt: Timestamp) {
        self.id = id
        self.name = name
        self.members = members
        self.createdAt = createdAt
    }
}
