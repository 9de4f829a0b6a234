/// Where a joint investigation stands.
public enum CaseStatus: String, Codable, Sendable, CaseIterable, Hashable {
    case open, active, suspended, closed
}

/// A joint investigation: participating agencies and the seizures linked to it. Listing an agency as a
/// participant records cooperation; what each agency can see is still the record's distribution.
public struct JointCase: RecordContent {
    public static var kind: RecordKind { .jointCase }

    public var title: String
    public var participatingAgencies: [AgencyID]
    public var seizureIds: [RecordID]
    public var status: CaseStatus
    public var notes: String?
}
