import Exchange
import Foundation
import SQLKit

extension ExchangeStore {
    /// Resolves a bearer token to the caller it speaks for, or explains why it does not. One query (key,
    /// user and agency joined), since it runs on every request.
    public func authenticate(token: String, at now: Timestamp = .now()) async throws -> Caller {
        let (id, secret) = try APIKeyToken.parse(token)
        let unknown = ExchangeError(.unauthenticated, code: "invalid_key", "the API key is not known to this server", field: "Authorization")
        let found = try await backend.read { db -> (APIKey, User, String)? in
            guard let row = try await db.raw("""
                SELECT k.*, u.name AS user_name, u.role AS user_role, u.disabled AS user_disabled, u.created_at AS user_created_at,
                       u.agency_id AS user_agency, a.country AS agency_country
                FROM api_keys k JOIN users u ON u.id = k.user_id JOIN agencies a ON a.id = u.agency_id
                WHERE k.id = \(bind: id.rawValue)
                """).first() else { return nil }
            let roleText = try row.string("user_role")
            guard let role = Role(rawValue: roleText) else {
                throw ExchangeError(.internal, code: "corrupt_row", "user row has unknown role '\(roleText)'")
            }
            let user = User(id: UserID(rawValue: try row.string("user_id")), agency: AgencyID(rawValue: try row.string("user_agency")),
                            name: try row.string("user_name"), role: role, createdAt: try row.timestamp("user_created_at"),
                            disabled: try row.int("user_disabled") != 0)
            return (try Self.key(row), user, try row.string("agency_country"))
        }
        guard let (key, user, country) = found, APIKeyToken.matches(secret: secret, storedHash: key.secretHash) else { throw unknown }
        if let refusal = key.refusal(at: now) { throw refusal }
        guard !user.disabled else {
            throw ExchangeError(.unauthenticated, code: "user_disabled", "the user \(user.name) is disabled", field: "Authorization")
        }
        return Caller(user: user.id, userName: user.name, agency: user.agency, country: country, role: user.role, key: key.id, readOnlyKey: key.readOnly)
    }
}
