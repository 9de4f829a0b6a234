import Exchange
import Foundation
import Law
import SQLKit

extension ExchangeStore {
    /// Stores a new record with its audit entry (`<kind>.create`), and the search keys of its structures in
    /// the same transaction, so an acknowledged record is searchable at once.
    public func insert<C: RecordContent>(_ record: Record<C>, actor: AuditActor, structureKeys: [StructureKeys] = []) async throws {
        let body = try ExchangeJSON.encode(record)
        try await backend.write { db in
            let next = try await db.raw("SELECT COALESCE(MAX(seq), 0) AS top FROM records").first()?.int64("top") ?? 0
            try await Self.writeRow(db, record, body: body, seq: next + 1, isNew: true)
            try await Self.upsertKeys(db, structureKeys)
            try await Self.appendAudit(db, actor: actor, action: "\(C.kind.rawValue).create", subjectKind: C.kind.rawValue,
                                       subjectId: record.metadata.id.rawValue, before: nil, after: body, at: record.metadata.updatedAt)
        }
    }

    /// Changes a record inside one transaction: `change` receives the current record and the sharing
    /// directory as they are now, decides (and may refuse), and returns the new record; the change, its
    /// audit entry (`action`) and the search keys of its new structures are then committed together.
    public func update<C: RecordContent>(_ id: RecordID, as type: C.Type, action: String, actor: AuditActor,
                                         structureKeys: [StructureKeys] = [],
                                         _ change: @escaping @Sendable (Record<C>, SharingDirectory) throws -> Record<C>) async throws -> Record<C> {
        try await backend.write { db in
            guard let row = try await db.raw("SELECT kind, body FROM records WHERE id = \(bind: id.rawValue)").first() else {
                throw ExchangeError.notFound("\(C.kind.rawValue) \(id)")
            }
            guard try row.string("kind") == C.kind.rawValue else { throw ExchangeError.notFound("\(C.kind.rawValue) \(id)") }
            let before = Data(try row.string("body").utf8)
            let current = try ExchangeJSON.decodeStored(Record<C>.self, from: before)
            let directory = try await Self.sharingDirectory(db)
            let updated = try change(current, directory)
            let after = try ExchangeJSON.encode(updated)
            try await Self.writeRow(db, updated, body: after, seq: 0, isNew: false)
            try await Self.upsertKeys(db, structureKeys)
            try await Self.appendAudit(db, actor: actor, action: action, subjectKind: C.kind.rawValue, subjectId: id.rawValue,
                                       before: before, after: after, at: updated.metadata.updatedAt)
            return updated
        }
    }

    static func writeRow<C: RecordContent>(_ db: any SQLDatabase, _ record: Record<C>, body: Data, seq: Int64, isNew: Bool) async throws {
        let m = record.metadata
        let index = record.content as? any RecordIndexing
        let place = index?.indexedPlace
        let bodyText = String(decoding: body, as: UTF8.self)
        if isNew {
            try await db.raw("""
                INSERT INTO records (id, seq, kind, owner_agency, distribution_level, working_group, tlp, version, retracted,
                                     created_at, updated_at, event_date, country, region_lower, city_lower, body)
                VALUES (\(bind: m.id.rawValue), \(bind: seq), \(bind: m.kind.rawValue), \(bind: m.ownerAgency.rawValue),
                        \(bind: m.distribution.level), \(bind: m.distribution.workingGroup?.rawValue), \(bind: m.tlp.rawValue),
                        \(bind: m.version), \(bind: m.retraction == nil ? 0 : 1), \(bind: m.createdAt.description),
                        \(bind: m.updatedAt.description), \(bind: index?.eventDate?.description), \(bind: place?.country),
                        \(bind: place?.region?.lowercased()), \(bind: place?.city?.lowercased()), \(bind: bodyText))
                """).run()
        } else {
            try await db.raw("""
                UPDATE records SET distribution_level = \(bind: m.distribution.level), working_group = \(bind: m.distribution.workingGroup?.rawValue),
                    tlp = \(bind: m.tlp.rawValue), version = \(bind: m.version), retracted = \(bind: m.retraction == nil ? 0 : 1),
                    updated_at = \(bind: m.updatedAt.description), event_date = \(bind: index?.eventDate?.description),
                    country = \(bind: place?.country), region_lower = \(bind: place?.region?.lowercased()),
                    city_lower = \(bind: place?.city?.lowercased()), body = \(bind: bodyText)
                WHERE id = \(bind: m.id.rawValue)
                """).run()
            try await db.raw("DELETE FROM record_substances WHERE record_id = \(bind: m.id.rawValue)").run()
        }
        for (position, substance) in (index?.indexedSubstances ?? []).enumerated() {
            try await db.raw("""
                INSERT INTO record_substances (record_id, position, name_lower, smiles, structure)
                VALUES (\(bind: m.id.rawValue), \(bind: position), \(bind: substance.name), \(bind: substance.smiles),
                        \(bind: substance.structure))
                """).run()
        }
    }

    /// A record of a known kind, or nil.
    public func record<C: RecordContent>(_ id: RecordID, as type: C.Type) async throws -> Record<C>? {
        try await backend.read { db in
            guard let row = try await db.raw("SELECT kind, body FROM records WHERE id = \(bind: id.rawValue)").first(),
                  try row.string("kind") == C.kind.rawValue else { return nil }
            return try ExchangeJSON.decodeStored(Record<C>.self, from: Data(try row.string("body").utf8))
        }
    }

    /// What the access decision needs about any record, whatever its kind.
    public func recordFacts(_ id: RecordID) async throws -> SharedRecordFacts? {
        try await backend.read { db in
            guard let row = try await db.raw("SELECT kind, body FROM records WHERE id = \(bind: id.rawValue)").first() else { return nil }
            let body = Data(try row.string("body").utf8)
            switch RecordKind(rawValue: try row.string("kind")) {
            case .seizure: return try ExchangeJSON.decodeStored(Record<Seizure>.self, from: body).facts
            case .jointCase: return try ExchangeJSON.decodeStored(Record<JointCase>.self, from: body).facts
            case .proposal: return try ExchangeJSON.decodeStored(Record<Proposal>.self, from: body).facts
            case nil: throw ExchangeError(.internal, code: "corrupt_row", "record \(id) has an unknown kind")
            }
        }
    }

    /// A page of the records of one kind that `caller` may read, newest first. The SQL narrows the rows to
    /// those the caller's agency could see; the access decision then confirms each one.
    public func list<C: RecordContent>(_ type: C.Type, for caller: Caller, query: RecordQuery) async throws -> RecordPage<C> {
        try await backend.read { db in
            let directory = try await Self.sharingDirectory(db)
            var conditions: [SQLQueryString] = ["r.kind = \(bind: C.kind.rawValue)", Self.visibility(caller)]
            if let cursor = query.cursor { conditions.append("r.seq < \(bind: cursor.seq)") }
            if let from = query.from { conditions.append("r.event_date >= \(bind: from.description)") }
            if let to = query.to { conditions.append("r.event_date <= \(bind: to.description)") }
            if let country = query.country { conditions.append("r.country = \(bind: country)") }
            if let region = query.region { conditions.append("r.region_lower = \(bind: region.lowercased())") }
            if let city = query.city { conditions.append("r.city_lower = \(bind: city.lowercased())") }
            if !query.includeRetracted { conditions.append("r.retracted = 0") }
            if let substance = query.substance {
                let pattern = "%" + Self.escapeLike(substance.lowercased()) + "%"
                conditions.append("EXISTS (SELECT 1 FROM record_substances s WHERE s.record_id = r.id AND s.name_lower LIKE \(bind: pattern) ESCAPE '!')")
            }
            var sql: SQLQueryString = "SELECT r.seq AS seq, r.body AS body FROM records r WHERE "
            sql += conditions.joined(separator: " AND ")
            sql += " ORDER BY r.seq DESC LIMIT \(bind: query.limit + 1)"
            let rows = try await db.raw(sql).all()
            var records: [Record<C>] = []
            var lastSeq: Int64?
            for row in rows.prefix(query.limit) {
                let record = try ExchangeJSON.decodeStored(Record<C>.self, from: Data(try row.string("body").utf8))
                lastSeq = try row.int64("seq")
                if directory.decide(caller, .read, record.facts).allowed { records.append(record) }
            }
            let next = rows.count > query.limit ? lastSeq.map(PageCursor.init) : nil
            return RecordPage(records: records, nextCursor: next)
        }
    }

    /// The rows the caller's agency could see: its own, its partners' `partners` records, and records of its
    /// working groups. A narrowing for speed only; the access decision has the last word.
    static func visibility(_ caller: Caller) -> SQLQueryString {
        let agency = caller.agency.rawValue
        return """
            (r.owner_agency = \(bind: agency)
             OR (r.distribution_level = 'partners' AND r.owner_agency IN (SELECT partner_id FROM partnerships WHERE agency_id = \(bind: agency)))
             OR (r.distribution_level = 'working_group' AND r.working_group IN (SELECT group_id FROM working_group_members WHERE agency_id = \(bind: agency))))
            """
    }

    /// Escapes LIKE wildcards so a searched `%` or `_` matches itself.
    static func escapeLike(_ text: String) -> String {
        var out = ""
        for ch in text {
            if ch == "%" || ch == "_" || ch == "!" { out.append("!") }
            out.append(ch)
        }
        return out
    }
}
