/// Relationships the decision depends on, read fresh for every request.
public struct SharingFacts: Sendable, Hashable {
    /// The owner agency's partner agencies.
    public let ownerPartners: Set<AgencyID>
    /// The record's working group, when its distribution names one (nil if it no longer exists).
    public let workingGroup: WorkingGroup?

    public init(ownerPartners: Set<AgencyID>, workingGroup: WorkingGroup?) {
        self.ownerPartners = ownerPartners
        self.workingGroup = workingGroup
    }
}
