/// What the access decision needs to know about a record.
public struct SharedRecordFacts: Sendable, Hashable {
    public let id: RecordID
    public let kind: RecordKind
    public let owner: AgencyID
    public let distribution: Distribution
    /// Jurisdiction asked to act, for scheduling proposals.
    public let reviewingJurisdiction: String?

    public init(id: RecordID, kind: RecordKind, owner: AgencyID, distribution: Distribution, reviewingJurisdiction: String? = nil) {
        self.id = id
        self.kind = kind
        self.owner = owner
        self.distribution = distribution
        self.reviewingJurisdiction = reviewingJurisdiction
    }
}
