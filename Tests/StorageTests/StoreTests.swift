import Exchange
import ExchangeTestSupport
import Foundation
import Law
import SQLKit
@testable import Storage
import Testing

/// The store's behaviour, run against SQLite and PostgreSQL alike.
struct StoreTests {
    struct World {
        let us: Agency, cn: Agency, mx: Agency
        let usAnalyst: Caller, cnAnalyst: Caller, mxAnalyst: Caller
        let group: WorkingGroup
    }

    static func caller(_ user: User, _ agency: Agency) -> Caller {
        Caller(user: user.id, userName: user.name, agency: agency.id, country: agency.country, role: user.role, key: nil, readOnlyKey: false)
    }

    static func world(_ store: ExchangeStore) async throws -> World {
        let us = try await store.createAgency(name: "DEA", country: "US", actor: .operator)
        let cn = try await store.createAgency(name: "NNCC", country: "CN", actor: .operator)
        let mx = try await store.createAgency(name: "FGR", country: "MX", actor: .operator)
        try await store.addPartnership(us.id, cn.id, actor: .operator)
        let group = try await store.createWorkingGroup(name: "North America", members: [us.id, mx.id], actor: .operator)
        let u = try await store.createUser(agency: us.id, name: "ana", role: .analyst, passwordHash: nil, actor: .operator)
        let c = try await store.createUser(agency: cn.id, name: "li", role: .analyst, passwordHash: nil, actor: .operator)
        let m = try await store.createUser(agency: mx.id, name: "rosa", role: .analyst, passwordHash: nil, actor: .operator)
        return World(us: us, cn: cn, mx: mx, usAnalyst: caller(u, us), cnAnalyst: caller(c, cn), mxAnalyst: caller(m, mx), group: group)
    }

    static func seizure(owner: Caller, distribution: String, date: String = "2025-03-01", city: String = "San Diego",
                        substance: String = "fentanyl", smiles: String? = nil) throws -> Record<Seizure> {
        let smilesField = smiles.map { #","smiles":"\#($0)""# } ?? ""
        let body = #"{"distribution":\#(distribution),"tlp":"amber","date":"\#(date)","place":{"country":"US","city":"\#(city.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))"},"substances":[{"name":"\#(substance)"\#(smilesField)}]}"#
        let draft = try SeizureDraft.parse(try JSONValue.parse(Data(body.utf8)), limits: InputLimits(), forUpdate: false)
        let substances = draft.substances.map { SeizedSubstance(name: $0.name, smiles: $0.smiles, classification: nil) }
        let metadata = RecordMetadata(id: RecordID(rawValue: IdentifierFactory.make()), kind: .seizure, ownerAgency: owner.agency,
                                      distribution: draft.sharing.distribution, tlp: draft.sharing.tlp, createdAt: .now(), createdBy: owner.user)
        return Record(metadata: metadata, content: draft.seizure(substances: substances))
    }

    @Test("migrations apply once and reopen cleanly", arguments: TestDatabase.allCases)
    func migrations(database: TestDatabase) async throws {
        if let reason = database.unavailableReason { Issue.record(Comment(rawValue: reason)); return }
        let location = try await database.makeLocation()
        let first = try await ExchangeStore.open(location)
        _ = try await first.createAgency(name: "DEA", country: "US", actor: .operator)
        await first.close()
        let second = try await ExchangeStore.open(location)
        #expect(try await second.agencies().map(\.name) == ["DEA"])
        let versions = try await second.backend.read { db in
            try await db.raw("SELECT version FROM schema_migrations ORDER BY version").all().map { try $0.int("version") }
        }
        #expect(versions == Migration.all.map(\.version))
        await second.close()
        await TestDatabase.discard(location)
    }

    @Test("accounts: unique names, keys hashed, expired and revoked keys refused", arguments: TestDatabase.allCases)
    func accounts(database: TestDatabase) async throws {
        if let reason = database.unavailableReason { Issue.record(Comment(rawValue: reason)); return }
        _ = try await database.withStore { store in
            let w = try await Self.world(store)
            await #expect(throws: ExchangeError.self) { _ = try await store.createAgency(name: "DEA", country: "US", actor: .operator) }
            await #expect(throws: ExchangeError.self) { _ = try await store.createAgency(name: "X", country: "usa", actor: .operator) }
            let now = Timestamp.now()
            let issued = APIKeyToken.issue(user: w.usAnalyst.user, label: "t", readOnly: true, now: now, expiresAt: now.adding(seconds: 3600))
            try await store.addKey(issued.key, actor: .operator)
            let stored = try await store.key(issued.key.id)
            #expect(stored?.secretHash == issued.key.secretHash)
            #expect(stored.map { !issued.token.contains($0.secretHash) } == true)
            let caller = try await store.authenticate(token: issued.token, at: now)
            #expect(caller.agency == w.us.id)
            #expect(caller.readOnlyKey)
            await #expect(throws: ExchangeError.self) { _ = try await store.authenticate(token: issued.token + "x", at: now) }
            do {
                _ = try await store.authenticate(token: issued.token, at: now.adding(seconds: 7200))
                Issue.record("expired key accepted")
            } catch let error as ExchangeError { #expect(error.code == "key_expired") }
            _ = try await store.revokeKey(issued.key.id, actor: .operator, at: now)
            do {
                _ = try await store.authenticate(token: issued.token, at: now.adding(seconds: 1))
                Issue.record("revoked key accepted")
            } catch let error as ExchangeError { #expect(error.code == "key_revoked") }
            let forged = "acc_\(issued.key.id.rawValue)_" + String(repeating: "A", count: 43)
            await #expect(throws: ExchangeError.self) { _ = try await store.authenticate(token: forged, at: now) }
            #expect(try await store.verifyAudit().intact)
        }
    }

    @Test("records round-trip, list by visibility, page by cursor, filter", arguments: TestDatabase.allCases)
    func records(database: TestDatabase) async throws {
        if let reason = database.unavailableReason { Issue.record(Comment(rawValue: reason)); return }
        _ = try await database.withStore { store in
            let w = try await Self.world(store)
            let own = try Self.seizure(owner: w.usAnalyst, distribution: #"{"level":"agency"}"#, date: "2025-01-10", substance: "Carfentanil")
            let partners = try Self.seizure(owner: w.usAnalyst, distribution: #"{"level":"partners"}"#, date: "2025-02-10", city: "Tijuana", substance: "fentanyl 100%_x")
            let group = try Self.seizure(owner: w.usAnalyst, distribution: #"{"level":"working_group","working_group":"\#(w.group.id)"}"#, date: "2025-03-10")
            for record in [own, partners, group] { try await store.insert(record, actor: AuditActor(w.usAnalyst)) }

            #expect(try await store.record(own.metadata.id, as: Seizure.self) == own)
            #expect(try await store.record(own.metadata.id, as: JointCase.self) == nil)

            func ids(_ caller: Caller, _ configure: (inout RecordQuery) -> Void = { _ in }) async throws -> [RecordID] {
                var query = RecordQuery(limit: 50)
                configure(&query)
                return try await store.list(Seizure.self, for: caller, query: query).records.map(\.metadata.id)
            }
            #expect(try await ids(w.usAnalyst) == [group, partners, own].map(\.metadata.id))
            #expect(try await ids(w.cnAnalyst) == [partners.metadata.id])
            #expect(try await ids(w.mxAnalyst) == [group.metadata.id])

            // Paging: one at a time, newest first, no repeats or gaps.
            var seen: [RecordID] = []
            var cursor: PageCursor?
            repeat {
                var query = RecordQuery(limit: 1)
                query.cursor = cursor
                let page = try await store.list(Seizure.self, for: w.usAnalyst, query: query)
                seen += page.records.map(\.metadata.id)
                cursor = page.nextCursor
            } while cursor != nil
            #expect(seen == [group, partners, own].map(\.metadata.id))

            #expect(try await ids(w.usAnalyst) { $0.substance = "CARFENT" } == [own.metadata.id])
            #expect(try await ids(w.usAnalyst) { $0.substance = "100%_" } == [partners.metadata.id])
            #expect(try await ids(w.usAnalyst) { $0.substance = "%" } == [partners.metadata.id])
            #expect(try await ids(w.usAnalyst) { $0.from = CalendarDate(iso: "2025-02-01"); $0.to = CalendarDate(iso: "2025-02-28") } == [partners.metadata.id])
            #expect(try await ids(w.usAnalyst) { $0.city = "tijuana" } == [partners.metadata.id])
            #expect(try await ids(w.usAnalyst) { $0.country = "CN" }.isEmpty)
        }
    }

    @Test("updates are atomic with their audit entry; a refused change leaves no trace", arguments: TestDatabase.allCases)
    func updates(database: TestDatabase) async throws {
        if let reason = database.unavailableReason { Issue.record(Comment(rawValue: reason)); return }
        _ = try await database.withStore { store in
            let w = try await Self.world(store)
            let record = try Self.seizure(owner: w.usAnalyst, distribution: #"{"level":"agency"}"#)
            try await store.insert(record, actor: AuditActor(w.usAnalyst))
            let before = try await store.auditEntries().count
            await #expect(throws: ExchangeError.self) {
                _ = try await store.update(record.metadata.id, as: Seizure.self, action: "seizure.update", actor: AuditActor(w.usAnalyst)) { current, _ in
                    throw ExchangeError.conflict(code: "stale_version", "no")
                }
            }
            #expect(try await store.auditEntries().count == before)
            let updated = try await store.update(record.metadata.id, as: Seizure.self, action: "seizure.update", actor: AuditActor(w.usAnalyst)) { current, _ in
                var next = current
                next.content.notes = "checked"
                next.metadata.distribution = .partners
                next.metadata.touch(by: w.usAnalyst.user, at: .now())
                return next
            }
            #expect(updated.metadata.version == 2)
            #expect(try await store.record(record.metadata.id, as: Seizure.self)?.content.notes == "checked")
            let trail = try await store.auditEntries(subject: record.metadata.id.rawValue)
            #expect(trail.map(\.action) == ["seizure.create", "seizure.update"])
            #expect(trail[1].beforeDigest == trail[0].afterDigest)
            #expect(try await store.list(Seizure.self, for: w.cnAnalyst, query: RecordQuery(limit: 10)).records.count == 1)
            #expect(try await store.verifyAudit().intact)
        }
    }

    @Test("SQL metacharacters are stored verbatim and harmless", arguments: TestDatabase.allCases)
    func sqlMetacharacters(database: TestDatabase) async throws {
        if let reason = database.unavailableReason { Issue.record(Comment(rawValue: reason)); return }
        _ = try await database.withStore { store in
            let w = try await Self.world(store)
            let nasty = #"x'); DROP TABLE records; -- " \ %"#
            let record = try Self.seizure(owner: w.usAnalyst, distribution: #"{"level":"agency"}"#, city: nasty, substance: "a' OR '1'='1")
            try await store.insert(record, actor: AuditActor(w.usAnalyst))
            #expect(try await store.record(record.metadata.id, as: Seizure.self)?.content.place.city == nasty)
            var query = RecordQuery(limit: 10)
            query.substance = "' OR '1'='1"
            #expect(try await store.list(Seizure.self, for: w.usAnalyst, query: query).records.count == 1)
            query.substance = "'; DELETE FROM records; --"
            #expect(try await store.list(Seizure.self, for: w.usAnalyst, query: query).records.isEmpty)
            #expect(try await store.list(Seizure.self, for: w.usAnalyst, query: RecordQuery(limit: 10)).records.count == 1)
            _ = try await store.createAgency(name: "Robert'); DROP TABLE agencies;--", country: "GB", actor: .operator)
            #expect(try await store.agencies().count == 4)
        }
    }

    @Test("audit verification names the first broken link and records changed behind the server", arguments: TestDatabase.allCases)
    func tampering(database: TestDatabase) async throws {
        if let reason = database.unavailableReason { Issue.record(Comment(rawValue: reason)); return }
        _ = try await database.withStore { store in
            let w = try await Self.world(store)
            let record = try Self.seizure(owner: w.usAnalyst, distribution: #"{"level":"agency"}"#)
            try await store.insert(record, actor: AuditActor(w.usAnalyst))
            let intact = try await store.verifyAudit()
            #expect(intact.intact)
            #expect(intact.entries == 9)  // 3 agencies, 1 partnership, 1 group, 3 users, 1 seizure

            // A record edited directly in the database no longer matches its last audit entry.
            try await store.backend.write { db in
                try await db.raw("UPDATE records SET body = REPLACE(body, 'San Diego', 'Elsewhere') WHERE id = \(bind: record.metadata.id.rawValue)").run()
            }
            let edited = try await store.verifyAudit()
            #expect(!edited.intact)
            #expect(edited.recordMismatches == [record.metadata.id.rawValue])

            // An audit line altered in place is named.
            try await store.backend.write { db in
                try await db.raw("UPDATE audit_log SET actor_user = 'someone-else' WHERE sequence = 3").run()
            }
            let altered = try await store.verifyAudit()
            #expect(altered.firstBreak?.sequence == 3)

            // A deleted line is named.
            try await store.backend.write { db in
                try await db.raw("DELETE FROM audit_log WHERE sequence = 2").run()
            }
            #expect(try await store.verifyAudit().firstBreak?.sequence == 2)
        }
    }

    @Test("structure candidates are only those the caller may read", arguments: TestDatabase.allCases)
    func structureCandidates(database: TestDatabase) async throws {
        if let reason = database.unavailableReason { Issue.record(Comment(rawValue: reason)); return }
        _ = try await database.withStore { store in
            let w = try await Self.world(store)
            let hidden = try Self.seizure(owner: w.usAnalyst, distribution: #"{"level":"agency"}"#, smiles: "CCO")
            let shared = try Self.seizure(owner: w.usAnalyst, distribution: #"{"level":"partners"}"#, smiles: "CCN")
            for record in [hidden, shared] { try await store.insert(record, actor: AuditActor(w.usAnalyst)) }
            #expect(try await store.structureCandidates(for: w.usAnalyst).map(\.smiles) == ["CCO", "CCN"])
            #expect(try await store.structureCandidates(for: w.cnAnalyst).map(\.smiles) == ["CCN"])
            #expect(try await store.structureCandidates(for: w.mxAnalyst).isEmpty)
        }
    }

    @Test("concurrent writers keep one unbroken audit chain", arguments: TestDatabase.allCases)
    func concurrentWrites(database: TestDatabase) async throws {
        if let reason = database.unavailableReason { Issue.record(Comment(rawValue: reason)); return }
        _ = try await database.withStore { store in
            let w = try await Self.world(store)
            let before = try await store.auditEntries(limit: 100_000).count
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<40 {
                    group.addTask {
                        let record = try Self.seizure(owner: w.usAnalyst, distribution: #"{"level":"partners"}"#, city: "city \(i)")
                        try await store.insert(record, actor: AuditActor(w.usAnalyst))
                    }
                }
                try await group.waitForAll()
            }
            let report = try await store.verifyAudit()
            #expect(report.intact)
            #expect(report.entries == Int64(before + 40))
            #expect(try await store.list(Seizure.self, for: w.cnAnalyst, query: RecordQuery(limit: 100)).records.count == 40)
        }
    }
}
