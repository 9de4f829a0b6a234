/// All partnerships and working groups, read once per request so every decision in it uses the same, current
/// relationships.
public struct SharingDirectory: Sendable, Hashable {
    /// Partnerships are symmetric: `partners[a]` contains `b` exactly when `partners[b]` contains `a`.
    public let partners: [AgencyID: Set<AgencyID>]
    public let groups: [WorkingGroupID: WorkingGroup]

    public init(partners: [AgencyID: Set<AgencyID>], groups: [WorkingGroupID: WorkingGroup]) {
        self.partners = partners
        self.groups = groups
    }

    /// The facts the access decision needs for `record`.
    public func facts(for record: SharedRecordFacts) -> SharingFacts {
        SharingFacts(ownerPartners: partners[record.owner] ?? [],
                     workingGroup: record.distribution.workingGroup.flatMap { groups[$0] })
    }

    /// Decides `action` on `record` for `caller`.
    public func decide(_ caller: Caller, _ action: AccessAction, _ record: SharedRecordFacts?) -> AccessDecision {
        AccessPolicy.decide(caller, action, record: record, facts: record.map(facts) ?? SharingFacts(ownerPartners: [], workingGroup: nil))
    }
}
