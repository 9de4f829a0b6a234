import Exchange
import Foundation
import SQLKit

extension ExchangeStore {
    // MARK: Agencies

    /// Creates an agency; names are unique.
    public func createAgency(name: String, country: String, actor: AuditActor, at now: Timestamp = .now()) async throws -> Agency {
        try Self.checkName(name, field: "agency")
        guard CountryCode.isValid(country) else {
            throw ExchangeError(.invalid, code: "invalid_value", "'\(country)' is not a country code; use two upper-case letters (ISO 3166-1 alpha-2) or UN", field: "country")
        }
        let agency = Agency(id: AgencyID(rawValue: IdentifierFactory.make()), name: name, country: country, createdAt: now)
        try await backend.write { db in
            if try await db.raw("SELECT id FROM agencies WHERE name = \(bind: name)").first() != nil {
                throw ExchangeError.conflict(code: "already_exists", "an agency named '\(name)' already exists", field: "agency")
            }
            try await db.raw("INSERT INTO agencies (id, name, country, created_at) VALUES (\(bind: agency.id.rawValue), \(bind: name), \(bind: country), \(bind: now.description))").run()
            try await Self.appendAudit(db, actor: actor, action: "agency.create", subjectKind: "agency", subjectId: agency.id.rawValue,
                                       before: nil, after: try ExchangeJSON.encode(agency), at: now)
        }
        return agency
    }

    public func agencies() async throws -> [Agency] {
        try await backend.read { db in try await db.raw("SELECT * FROM agencies ORDER BY name").all().map(Self.agency) }
    }

    public func agency(_ id: AgencyID) async throws -> Agency? {
        try await backend.read { db in try await db.raw("SELECT * FROM agencies WHERE id = \(bind: id.rawValue)").first().map(Self.agency) }
    }

    public func agency(named name: String) async throws -> Agency? {
        try await backend.read { db in try await db.raw("SELECT * FROM agencies WHERE name = \(bind: name)").first().map(Self.agency) }
    }

    static func agency(_ row: any SQLRow) throws -> Agency {
        Agency(id: AgencyID(rawValue: try row.string("id")), name: try row.string("name"), country: try row.string("country"),
               createdAt: try row.timestamp("created_at"))
    }

    // MARK: Partnerships and working groups

    /// Makes two agencies partners (both ways).
    public func addPartnership(_ a: AgencyID, _ b: AgencyID, actor: AuditActor, at now: Timestamp = .now()) async throws {
        guard a != b else { throw ExchangeError(.invalid, code: "invalid_value", "an agency cannot partner with itself", field: "partner") }
        try await backend.write { db in
            for id in [a, b] where try await db.raw("SELECT id FROM agencies WHERE id = \(bind: id.rawValue)").first() == nil {
                throw ExchangeError.notFound("agency \(id)", field: "agency")
            }
            if try await db.raw("SELECT agency_id FROM partnerships WHERE agency_id = \(bind: a.rawValue) AND partner_id = \(bind: b.rawValue)").first() != nil {
                throw ExchangeError.conflict(code: "already_exists", "the agencies are already partners")
            }
            for (x, y) in [(a, b), (b, a)] {
                try await db.raw("INSERT INTO partnerships (agency_id, partner_id, created_at) VALUES (\(bind: x.rawValue), \(bind: y.rawValue), \(bind: now.description))").run()
            }
            let pair = [a.rawValue, b.rawValue].sorted()
            try await Self.appendAudit(db, actor: actor, action: "partnership.create", subjectKind: "partnership", subjectId: pair.joined(separator: "+"),
                                       before: nil, after: Data(pair.joined(separator: "+").utf8), at: now)
        }
    }

    /// Creates a working group with its first members.
    public func createWorkingGroup(name: String, members: [AgencyID], actor: AuditActor, at now: Timestamp = .now()) async throws -> WorkingGroup {
        try Self.checkName(name, field: "group")
        let group = WorkingGroup(id: WorkingGroupID(rawValue: IdentifierFactory.make()), name: name, members: Set(members), createdAt: now)
        try await backend.write { db in
            if try await db.raw("SELECT id FROM working_groups WHERE name = \(bind: name)").first() != nil {
                throw ExchangeError.conflict(code: "already_exists", "a working group named '\(name)' already exists", field: "group")
            }
            try await db.raw("INSERT INTO working_groups (id, name, created_at) VALUES (\(bind: group.id.rawValue), \(bind: name), \(bind: now.description))").run()
            for member in group.members.sorted() {
                guard try await db.raw("SELECT id FROM agencies WHERE id = \(bind: member.rawValue)").first() != nil else {
                    throw ExchangeError.notFound("agency \(member)", field: "member")
                }
                try await db.raw("INSERT INTO working_group_members (group_id, agency_id) VALUES (\(bind: group.id.rawValue), \(bind: member.rawValue))").run()
            }
            try await Self.appendAudit(db, actor: actor, action: "working_group.create", subjectKind: "working_group", subjectId: group.id.rawValue,
                                       before: nil, after: try ExchangeJSON.encode(group), at: now)
        }
        return group
    }

    /// Adds an agency to a working group.
    public func addGroupMember(_ group: WorkingGroupID, _ agency: AgencyID, actor: AuditActor, at now: Timestamp = .now()) async throws {
        try await backend.write { db in
            guard let before = try await Self.workingGroup(db, group) else { throw ExchangeError.notFound("working group \(group)", field: "group") }
            guard try await db.raw("SELECT id FROM agencies WHERE id = \(bind: agency.rawValue)").first() != nil else {
                throw ExchangeError.notFound("agency \(agency)", field: "member")
            }
            guard !before.members.contains(agency) else { throw ExchangeError.conflict(code: "already_exists", "the agency is already a member") }
            try await db.raw("INSERT INTO working_group_members (group_id, agency_id) VALUES (\(bind: group.rawValue), \(bind: agency.rawValue))").run()
            let after = WorkingGroup(id: before.id, name: before.name, members: before.members.union([agency]), createdAt: before.createdAt)
            try await Self.appendAudit(db, actor: actor, action: "working_group.add_member", subjectKind: "working_group", subjectId: group.rawValue,
                                       before: try ExchangeJSON.encode(before), after: try ExchangeJSON.encode(after), at: now)
        }
    }

    public func workingGroup(named name: String) async throws -> WorkingGroup? {
        try await backend.read { db in
            guard let row = try await db.raw("SELECT id FROM working_groups WHERE name = \(bind: name)").first() else { return nil }
            return try await Self.workingGroup(db, WorkingGroupID(rawValue: try row.string("id")))
        }
    }

    public func workingGroup(_ id: WorkingGroupID) async throws -> WorkingGroup? {
        try await backend.read { db in try await Self.workingGroup(db, id) }
    }

    static func workingGroup(_ db: any SQLDatabase, _ id: WorkingGroupID) async throws -> WorkingGroup? {
        guard let row = try await db.raw("SELECT * FROM working_groups WHERE id = \(bind: id.rawValue)").first() else { return nil }
        let members = try await db.raw("SELECT agency_id FROM working_group_members WHERE group_id = \(bind: id.rawValue)").all()
            .map { AgencyID(rawValue: try $0.string("agency_id")) }
        return WorkingGroup(id: id, name: try row.string("name"), members: Set(members), createdAt: try row.timestamp("created_at"))
    }

    /// Every partnership and working group, for the access decisions of one request.
    public func sharingDirectory() async throws -> SharingDirectory {
        try await backend.read { db in try await Self.sharingDirectory(db) }
    }

    static func sharingDirectory(_ db: any SQLDatabase) async throws -> SharingDirectory {
        var partners: [AgencyID: Set<AgencyID>] = [:]
        for row in try await db.raw("SELECT agency_id, partner_id FROM partnerships").all() {
            partners[AgencyID(rawValue: try row.string("agency_id")), default: []].insert(AgencyID(rawValue: try row.string("partner_id")))
        }
        var names: [String: (String, Timestamp)] = [:]
        var members: [String: Set<AgencyID>] = [:]
        for row in try await db.raw("""
            SELECT g.id AS id, g.name AS name, g.created_at AS created_at, m.agency_id AS agency_id
            FROM working_groups g LEFT JOIN working_group_members m ON m.group_id = g.id
            """).all() {
            let id = try row.string("id")
            names[id] = (try row.string("name"), try row.timestamp("created_at"))
            if let agency = try row.optionalString("agency_id") { members[id, default: []].insert(AgencyID(rawValue: agency)) }
        }
        var groups: [WorkingGroupID: WorkingGroup] = [:]
        for (id, (name, createdAt)) in names {
            groups[WorkingGroupID(rawValue: id)] = WorkingGroup(id: WorkingGroupID(rawValue: id), name: name, members: members[id] ?? [], createdAt: createdAt)
        }
        return SharingDirectory(partners: partners, groups: groups)
    }

    // MARK: Users

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

    // MARK: Keys

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

    static func checkName(_ name: String, field: String) throws(ExchangeError) {
        guard !name.isEmpty, name.count <= 200, !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw ExchangeError(.invalid, code: "invalid_value", "a \(field) name must be 1 to 200 characters without control characters", field: field)
        }
    }
}
