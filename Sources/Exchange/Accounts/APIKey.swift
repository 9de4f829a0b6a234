/// A stored API key: only the SHA-256 of its secret is kept, so a copy of the database does not yield keys.
///
/// Keys are random 256-bit secrets, so a fast hash is enough (bcrypt is for low-entropy passwords). The key id
/// is the public half, shown in listings and audit entries.
public struct APIKey: Codable, Sendable, Hashable {
    public let id: APIKeyID
    public let user: UserID
    public let label: String
    /// Hex SHA-256 of the secret half.
    public let secretHash: String
    /// A read-only key may read but never change anything, whatever its user's role.
    public let readOnly: Bool
    public let createdAt: Timestamp
    public let expiresAt: Timestamp?
    public let revokedAt: Timestamp?

    public init(id: APIKeyID, user: UserID, label: String, secretHash: String, readOnly: Bool,
                createdAt: Timestamp, expiresAt: Timestamp?, revokedAt: Timestamp?) {
        self.id = id
        self.user = user
        self.label = label
        self.secretHash = secretHash
        self.readOnly = readOnly
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
    }

    /// Why a presented key is refused, if it is.
    public func refusal(at now: Timestamp) -> ExchangeError? {
        if let revokedAt, revokedAt <= now {
            return ExchangeError(.unauthenticated, code: "key_revoked", "API key \(id) was revoked at \(revokedAt)", field: "Authorization")
        }
        if let expiresAt, expiresAt <= now {
            return ExchangeError(.unauthenticated, code: "key_expired", "API key \(id) expired at \(expiresAt)", field: "Authorization")
        }
        return nil
    }
}
