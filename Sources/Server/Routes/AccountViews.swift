import Exchange

/// A user as the API shows it.
struct UserView: Codable, Sendable {
    let id: UserID
    let agency: AgencyID
    let name: String
    let role: Role
    let createdAt: Timestamp
    let disabled: Bool

    init(_ user: User) {
        id = user.id
        agency = user.agency
        name = user.name
        role = user.role
        createdAt = user.createdAt
        disabled = user.disabled
    }
}

/// A key as the API shows it: never the secret or its hash.
struct KeyView: Codable, Sendable {
    let id: APIKeyID
    let user: UserID
    let label: String
    let readOnly: Bool
    let createdAt: Timestamp
    let expiresAt: Timestamp?
    let revokedAt: Timestamp?

    init(_ key: APIKey) {
        id = key.id
        user = key.user
        label = key.label
        readOnly = key.readOnly
        createdAt = key.createdAt
        expiresAt = key.expiresAt
        revokedAt = key.revokedAt
    }
}

/// A newly issued key: the token appears here once and nowhere else.
struct IssuedKeyView: Codable, Sendable {
    let key: KeyView
    let apiKey: String
}

struct MeView: Codable, Sendable {
    let user: UserView
    let agency: Agency
    let key: KeyView?
}

/// A page of a record's audit trail, oldest first; `next_after` is the `after` of the next page, or null.
struct AuditTrail: Encodable, Sendable {
    let record: RecordID
    let entries: [AuditEntry]
    let nextAfter: Int64?

    enum CodingKeys: String, CodingKey { case record, entries, nextAfter }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(record, forKey: .record)
        try container.encode(entries, forKey: .entries)
        try container.encode(nextAfter, forKey: .nextAfter)
    }
}
