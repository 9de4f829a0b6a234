import Exchange
import SQLKit

extension ExchangeStore {
    /// Structures stored in seizures the caller may read, with their stored search keys, for structure search.
    /// The SQL narrows the rows to those the caller's agency could see; the access decision confirms each
    /// record, so a search never reaches a structure the caller could not list.
    public func structureCandidates(for caller: Caller, includeRetracted: Bool = false) async throws -> [StructureCandidate] {
        try await backend.read { db in
            let directory = try await Self.sharingDirectory(db)
            var sql: SQLQueryString = """
                SELECT s.record_id AS record_id, r.seq AS seq, s.position AS position, s.smiles AS smiles,
                       COALESCE(s.structure, s.smiles) AS structure, r.owner_agency AS owner,
                       r.distribution_level AS level, r.working_group AS working_group,
                       k.scheme AS key_scheme, k.screen AS key_screen, k.similarity AS key_similarity
                FROM record_substances s JOIN records r ON r.id = s.record_id
                     LEFT JOIN structure_keys k ON k.structure = COALESCE(s.structure, s.smiles)
                WHERE r.kind = 'seizure' AND s.smiles IS NOT NULL AND
                """
            sql += Self.visibility(caller)
            if !includeRetracted { sql += " AND r.retracted = 0" }
            sql += " ORDER BY r.seq, s.position"
            var result: [StructureCandidate] = []
            var allowed: [String: Bool] = [:]
            for row in try await db.raw(sql).all() {
                let idText = try row.string("record_id")
                let id = RecordID(rawValue: idText)
                if allowed[idText] == nil {
                    let distribution: Distribution
                    switch try row.string("level") {
                    case "partners": distribution = .partners
                    case "working_group": distribution = .workingGroup(WorkingGroupID(rawValue: try row.optionalString("working_group") ?? ""))
                    default: distribution = .agency
                    }
                    let facts = SharedRecordFacts(id: id, kind: .seizure, owner: AgencyID(rawValue: try row.string("owner")), distribution: distribution)
                    allowed[idText] = directory.decide(caller, .read, facts).allowed
                }
                guard allowed[idText] == true else { continue }
                let structure = try row.string("structure")
                var keys: StructureKeys?
                if let scheme = try row.optionalString("key_scheme"), let screen = try row.optionalString("key_screen"),
                   let similarity = try row.optionalString("key_similarity") {
                    keys = StructureKeys(structure: structure, scheme: scheme, screen: screen, similarity: similarity)
                }
                result.append(StructureCandidate(record: id, sequence: try row.int64("seq"), substanceIndex: try row.int("position"),
                                                 smiles: try row.string("smiles"), structure: structure, keys: keys))
            }
            return result
        }
    }

    /// Stores (or replaces) the search keys of structures (those a search had to rebuild). Keys are derived
    /// from the structures, so they are not audited; a lost write only means the next search rebuilds them.
    public func saveStructureKeys(_ keys: [StructureKeys]) async throws {
        guard !keys.isEmpty else { return }
        try await backend.write { db in try await Self.upsertKeys(db, keys) }
    }

    static func upsertKeys(_ db: any SQLDatabase, _ keys: [StructureKeys]) async throws {
        for key in keys {
            try await db.raw("""
                INSERT INTO structure_keys (structure, scheme, screen, similarity)
                VALUES (\(bind: key.structure), \(bind: key.scheme), \(bind: key.screen), \(bind: key.similarity))
                ON CONFLICT (structure) DO UPDATE SET scheme = excluded.scheme, screen = excluded.screen, similarity = excluded.similarity
                """).run()
        }
    }
}
