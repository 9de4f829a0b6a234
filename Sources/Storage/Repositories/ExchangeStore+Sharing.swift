import Exchange
import Foundation
import SQLKit

extension ExchangeStore {
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

    /// Ends a partnership (both ways). Records distributed to `partners` stop being visible to the former
    /// partner at once; the change is explicit and audited, never a side effect.
    public func removePartnership(_ a: AgencyID, _ b: AgencyID, actor: AuditActor, at now: Timestamp = .now()) async throws {
        try await backend.write { db in
            guard try await db.raw("SELECT agency_id FROM partnerships WHERE agency_id = \(bind: a.rawValue) AND partner_id = \(bind: b.rawValue)").first() != nil else {
                throw ExchangeError.notFound("a partnership between \(a) and \(b)", field: "partner")
            }
            for (x, y) in [(a, b), (b, a)] {
                try await db.raw("DELETE FROM partnerships WHERE agency_id = \(bind: x.rawValue) AND partner_id = \(bind: y.rawValue)").run()
            }
            let pair = [a.rawValue, b.rawValue].sorted().joined(separator: "+")
            try await Self.appendAudit(db, actor: actor, action: "partnership.remove", subjectKind: "partnership", subjectId: pair,
                                       before: Data(pair.utf8), after: nil, at: now)
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

    /// Removes an agency from a working group; the group's records stop being visible to it at once.
    public func removeGroupMember(_ group: WorkingGroupID, _ agency: AgencyID, actor: AuditActor, at now: Timestamp = .now()) async throws {
        try await backend.write { db in
            guard let before = try await Self.workingGroup(db, group) else { throw ExchangeError.notFound("working group \(group)", field: "group") }
            guard before.members.contains(agency) else { throw ExchangeError.notFound("agency \(agency) in working group '\(before.name)'", field: "agency") }
            try await db.raw("DELETE FROM working_group_members WHERE group_id = \(bind: group.rawValue) AND agency_id = \(bind: agency.rawValue)").run()
            let after = WorkingGroup(id: before.id, name: before.name, members: before.members.subtracting([agency]), createdAt: before.createdAt)
            try await Self.appendAudit(db, actor: actor, action: "working_group.remove_member", subjectKind: "working_group", subjectId: group.rawValue,
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
}
