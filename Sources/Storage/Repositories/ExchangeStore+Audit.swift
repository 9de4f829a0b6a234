import Exchange
import Foundation
import SQLKit

/// What `accord audit verify` reports.
public struct AuditReport: Sendable, Codable, Hashable {
    public let intact: Bool
    public let entries: Int64
    public let headHash: String
    /// The first broken link of the chain, if any.
    public let firstBreak: AuditVerifier.Break?
    /// Records whose stored content does not match the digest their last audit entry recorded (changed
    /// behind the server's back), at most 100.
    public let recordMismatches: [String]
}

extension ExchangeStore {
    /// Appends the audit entry for a change, inside the change's transaction.
    static func appendAudit(_ db: any SQLDatabase, actor: AuditActor, action: String, subjectKind: String, subjectId: String,
                            before: Data?, after: Data?, at now: Timestamp) async throws {
        let head = try await db.raw("SELECT * FROM audit_log ORDER BY sequence DESC LIMIT 1").first().map(auditEntry)
        let entry = AuditEntry.next(after: head, at: now, actorUser: actor.user, actorAgency: actor.agency, action: action,
                                    subjectKind: subjectKind, subjectId: subjectId, before: before, after: after)
        try await db.raw("""
            INSERT INTO audit_log (sequence, at, actor_user, actor_agency, action, subject_kind, subject_id, before_digest,
                                   after_digest, previous_hash, hash)
            VALUES (\(bind: entry.sequence), \(bind: entry.at.description), \(bind: entry.actorUser), \(bind: entry.actorAgency),
                    \(bind: entry.action), \(bind: entry.subjectKind), \(bind: entry.subjectId), \(bind: entry.beforeDigest),
                    \(bind: entry.afterDigest), \(bind: entry.previousHash), \(bind: entry.hash))
            """).run()
    }

    static func auditEntry(_ row: any SQLRow) throws -> AuditEntry {
        AuditEntry(sequence: try row.int64("sequence"), at: try row.timestamp("at"), actorUser: try row.string("actor_user"),
                   actorAgency: try row.optionalString("actor_agency"), action: try row.string("action"),
                   subjectKind: try row.string("subject_kind"), subjectId: try row.string("subject_id"),
                   beforeDigest: try row.optionalString("before_digest"), afterDigest: try row.optionalString("after_digest"),
                   previousHash: try row.string("previous_hash"), hash: try row.string("hash"))
    }

    /// Audit entries with sequence numbers above `after`, oldest first.
    public func auditEntries(after: Int64 = 0, limit: Int = 1000, subject: String? = nil) async throws -> [AuditEntry] {
        try await backend.read { db in
            let rows: [any SQLRow]
            if let subject {
                rows = try await db.raw("SELECT * FROM audit_log WHERE sequence > \(bind: after) AND subject_id = \(bind: subject) ORDER BY sequence LIMIT \(bind: limit)").all()
            } else {
                rows = try await db.raw("SELECT * FROM audit_log WHERE sequence > \(bind: after) ORDER BY sequence LIMIT \(bind: limit)").all()
            }
            return try rows.map(Self.auditEntry)
        }
    }

    /// Walks the whole chain in pages, then checks every record against its last audit entry.
    public func verifyAudit() async throws -> AuditReport {
        var verifier = AuditVerifier()
        var after: Int64 = 0
        pages: while true {
            let page = try await auditEntries(after: after, limit: 2000)
            if page.isEmpty { break }
            for entry in page {
                if !verifier.feed(entry) { break pages }
            }
            after = page.last?.sequence ?? after
        }
        var mismatches: [String] = []
        if verifier.isIntact {
            mismatches = try await backend.read { db in
                let rows = try await db.raw("""
                    SELECT r.id AS id, r.body AS body, a.after_digest AS after_digest FROM records r
                    LEFT JOIN audit_log a ON a.sequence = (SELECT MAX(sequence) FROM audit_log WHERE subject_id = r.id)
                    ORDER BY r.seq
                    """).all()
                var found: [String] = []
                for row in rows where found.count < 100 {
                    let id = try row.string("id")
                    let digest = AuditEntry.digest(Data(try row.string("body").utf8))
                    if try row.optionalString("after_digest") != digest { found.append(id) }
                }
                return found
            }
        }
        return AuditReport(intact: verifier.isIntact && mismatches.isEmpty, entries: verifier.checked, headHash: verifier.headHash,
                           firstBreak: verifier.firstBreak, recordMismatches: mismatches)
    }
}
