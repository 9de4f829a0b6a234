import Exchange
import Foundation
import SQLKit

extension ExchangeStore {
    /// Stores a newly issued key (only its hash).
    public func addKey(_ key: APIKey, actor: AuditActor) async throws {
        try await backend.write { db in
            guard try await db.raw("SELECT id FROM users WHERE id = \(bind: key.user.rawValue)").first() != nil else {
                throw ExchangeError.notFound("user \(key.user)", field: "user")
            }
            try await db.raw("""
                INSERT INTO api_keys (id, user_id, label, secret_hash, read_only, created_at, expires_at, revoked_at)
                VALUES (\(bind: key.id.rawValue), \(bind: key.user.rawValue), \(bind: key.label), \(bind: key.secretHash),
                        \(bind: key.readOnly ? 1 : 0), \(bind: key.createdAt.description), \(bind: key.expiresAt?.description), \(bind: key.revokedAt?.description))
                """).run()
            try await Self.appendAudit(db, actor: actor, action: "key.create", subjectKind: "key", subjectId: key.id.rawValue,
                                       before: nil, after: try ExchangeJSON.encode(key), at: key.createdAt)
        }
    }

    /// Revokes a key from `now` on.
    public func revokeKey(_ id: APIKeyID, actor: AuditActor, at now: Timestamp = .now()) async throws -> APIKey {
        try await backend.write { db in
            guard let before = try await db.raw("SELECT * FROM api_keys WHERE id = \(bind: id.rawValue)").first().map(Self.key) else {
                throw ExchangeError.notFound("API key \(id)", field: "key")
            }
            if let revoked = before.revokedAt { throw ExchangeError.conflict(code: "already_revoked", "API key \(id) was already revoked at \(revoked)", field: "key") }
            try await db.raw("UPDATE api_keys SET revoked_at = \(bind: now.description) WHERE id = \(bind: id.rawValue)").run()
            let after = APIKey(id: before.id, user: before.user, label: before.label, secretHash: before.secretHash, readOnly: before.readOnly,
                               createdAt: before.createdAt, expiresAt: before.expiresAt, revokedAt: now)
            try await Self.appendAudit(db, actor: actor, action: "key.revoke", subjectKind: "key", subjectId: id.rawValue,
                                       before: try ExchangeJSON.encode(before), after: try ExchangeJSON.encode(after), at: now)
            return after
        }
    }

    public func key(_ id: APIKeyID) async throws -> APIKey? {
        try await backend.read { db in try await db.raw("SELECT * FROM api_keys WHERE id = \(bind: id.rawValue)").first().map(Self.key) }
    }

    public func keys(of user: UserID) async throws -> [APIKey] {
        try await backend.read { db in try await db.raw("SELECT * FROM api_keys WHERE user_id = \(bind: user.rawValue) ORDER BY created_at").all().map(Self.key) }
    }

    static func key(_ row: any SQLRow) throws -> APIKey {
        APIKey(id: APIKeyID(rawValue: try row.string("id")), user: UserID(rawValue: try row.string("user_id")), label: try row.string("label"),
               secretHash: try row.string("secret_hash"), readOnly: try row.int("read_only") != 0, createdAt: try row.timestamp("created_at"),
               expiresAt: try row.optionalTimestamp("expires_at"), revokedAt: try row.optionalTimestamp("revoked_at"))
    }
}
