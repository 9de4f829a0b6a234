/// What every shared record carries besides its content: identity, owner, sharing, and history.
public struct RecordMetadata: Codable, Sendable, Hashable {
    public let id: RecordID
    public let kind: RecordKind
    public let ownerAgency: AgencyID
    public var distribution: Distribution
    public var tlp: TLP
    public let createdAt: Timestamp
    public let createdBy: UserID
    public var updatedAt: Timestamp
    public var updatedBy: UserID
    /// Starts at 1 and grows with every change; an update must name the version it replaces, so two
    /// analysts editing at once cannot overwrite each other.
    public var version: Int
    public var retraction: Retraction?

    public init(id: RecordID, kind: RecordKind, ownerAgency: AgencyID, distribution: Distribution, tlp: TLP,
                createdAt: Timestamp, createdBy: UserID) {
        self.id = id
        self.kind = kind
        self.ownerAgency = ownerAgency
        self.distribution = distribution
        self.tlp = tlp
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.updatedAt = createdAt
        self.updatedBy = createdBy
        self.version = 1
        self.retraction = nil
    }

    /// The facts the access decision needs.
    public func facts(reviewingJurisdiction: String? = nil) -> SharedRecordFacts {
        SharedRecordFacts(id: id, kind: kind, owner: ownerAgency, distribution: distribution, reviewingJurisdiction: reviewingJurisdiction)
    }

    /// Records a change by `user` at `now`.
    public mutating func touch(by user: UserID, at now: Timestamp) {
        updatedAt = now
        updatedBy = user
        version += 1
    }
}

/// Content of a record kind.
public protocol RecordContent: Codable, Sendable, Hashable {
    static var kind: RecordKind { get }
    /// Jurisdiction whose agencies review the record, for proposals.
    var reviewingJurisdiction: String? { get }
}

extension RecordContent {
    public var reviewingJurisdiction: String? { nil }
}

/// A record: metadata and content, written as one flat JSON object.
public struct Record<Content: RecordContent>: Codable, Sendable, Hashable {
    public var metadata: RecordMetadata
    public var content: Content

    public init(metadata: RecordMetadata, content: Content) {
        self.metadata = metadata
        self.content = content
    }

    public init(from decoder: any Decoder) throws {
        metadata = try RecordMetadata(from: decoder)
        content = try Content(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try metadata.encode(to: encoder)
        try content.encode(to: encoder)
    }

    public var facts: SharedRecordFacts { metadata.facts(reviewingJurisdiction: content.reviewingJurisdiction) }
}
