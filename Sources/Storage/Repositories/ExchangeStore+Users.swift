import Exchange
import Foundation
import SQLKit

extension ExchangeStore {
    /// Creates a user; `passwordHash` is a bcrypt hash when the user signs in with a password.
    public func createUser(agency: AgencyID, name: String, role: Role, passwordHash: String?, actor: AuditActor, at now: Timestamp = .now()) async throws -> User {
        try Self.checkName(name, field: "user")
        let user = User(id: UserID(rawValue: IdentifierFactory.make()), agency: agency, name: name, role: role, createdAt: now)
        try await backend.write { db in
            guard try await db.raw("SELECT id FROM agencies WHERE id = \(bind: agency.rawValue)").first() != nil else {
                throw ExchangeError.notFound("agency \(agency)", field: "agency")
            }
            if try await db.raw("SELECT id FROM users WHERE agency_id = \(bind: agency.rawValue) AND name = \(bind: name)").first() != nil {
                throw ExchangeError.conflict(code: "already_exists", "the agency already has a user named '\(name)'", field: "user")
            }
            try await db.raw("""
                INSERT INTO users (id, agency_id, name, role, password_hash, created_at, disabled)
                VALUES (\(bind: user.id.rawValue), \(bind: agency.rawValue), \(bind: name), \(bind: role.rawValue), \(bind: passwordHash), \(bind: now.description), 0)
                """).run()
            try await Self.appendAudit(db, actor: actor, action: "user.create", subjectKind: "user", subjectId: user.id.rawValue,
                                       before: nil, after: try ExchangeJSON.encode(user), at: now)
        }
        return user
    }

    /// Disables or re-enables a user; a disabled user's keys stop working at once, and history is kept.
    public func setUserDisabled(_ id: UserID, _ disabled: Bool, actor: AuditActor, at now: Timestamp = .now()) async throws -> User {
        try await backend.write { db in
            guard let before = try await db.raw("SELECT * FROM users WHERE id = \(bind: id.rawValue)").first().map(Self.user) else {
                throw ExchangeError.notFound("user \(id)", field: "user")
            }
            guard before.disabled != disabled else {
                throw ExchangeError.conflict(code: "unchanged", "user \(before.name) is already \(disabled ? "disabled" : "enabled")", field: "user")
            }
            try await db.raw("UPDATE users SET disabled = \(bind: disabled ? 1 : 0) WHERE id = \(bind: id.rawValue)").run()
            let after = User(id: before.id, agency: before.agency, name: before.name, role: before.role, createdAt: before.createdAt, disabled: disabled)
            try await Self.appendAudit(db, actor: actor, action: disabled ? "user.disable" : "user.enable", subjectKind: "user", subjectId: id.rawValue,
                                       before: try ExchangeJSON.encode(before), after: try ExchangeJSON.encode(after), at: now)
            return after
        }
    }

    public func user(_ id: UserID) async throws -> User? {
        try await backend.read { db in try await db.raw("SELECT * FROM users WHERE id = \(bind: id.rawValue)").first().map(Self.user) }
    }

    public func user(agency: AgencyID, name: String) async throws -> User? {
        try await backend.read { db in
            try await db.raw("SELECT * FROM users WHERE agency_id = \(bind: agency.rawValue) AND name = \(bind: name)").first().map(Self.user)
        }
    }

    /// The stored bcrypt hash of a user's password, if the user has one.
    public func passwordHash(of user: UserID) async throws -> String? {
        try await backend.read { db in
            try await db.raw("SELECT password_hash FROM users WHERE id = \(bind: user.rawValue)").first()?.optionalString("password_hash")
        }
    }

    public func users(of agency: AgencyID) async throws -> [User] {
        try await backend.read { db in try await db.raw("SELECT * FROM users WHERE agency_id = \(bind: agency.rawValue) ORDER BY name").all().map(Self.user) }
    }

    static func user(_ row: any SQLRow) throws -> User {
        let roleText = try row.string("role")
        guard let role = Role(rawValue: roleText) else {
            throw ExchangeError(.internal, code: "corrupt_row", "user row has unknown role '\(roleText)'")
        }
        return User(id: UserID(rawValue: try row.string("id")), agency: AgencyID(rawValue: try row.string("agency_id")),
                    name: try row.string("name"), role: role, createdAt: try row.timestamp("created_at"), disabled: try row.int("disabled") != 0)
    }
}
