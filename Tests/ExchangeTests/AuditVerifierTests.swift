import Exchange
import Foundation
import Testing

struct AuditVerifierTests {
    static func chain(_ count: Int) -> [AuditEntry] {
        var entries: [AuditEntry] = []
        for i in 0..<count {
            entries.append(AuditEntry.next(after: entries.last, at: Timestamp(millisecondsSinceEpoch: Int64(i) * 1000),
                                           actorUser: "u1", actorAgency: "a1", action: "seizure.create", subjectKind: "seizure",
                                           subjectId: "r\(i)", before: i == 0 ? nil : Data("before\(i)".utf8), after: Data("after\(i)".utf8)))
        }
        return entries
    }

    func verify(_ entries: [AuditEntry]) -> AuditVerifier {
        var verifier = AuditVerifier()
        for entry in entries where verifier.feed(entry) {}
        return verifier
    }

    @Test func intactChainVerifies() {
        let entries = Self.chain(5)
        let verifier = verify(entries)
        #expect(verifier.isIntact)
        #expect(verifier.checked == 5)
        #expect(verifier.headHash == entries[4].hash)
        #expect(entries[0].previousHash == AuditEntry.genesisHash)
        #expect(entries[0].beforeDigest == nil)
        #expect(entries[1].beforeDigest == AuditEntry.digest(Data("before1".utf8)))
    }

    @Test func removedEntryIsNamed() {
        var entries = Self.chain(5)
        entries.remove(at: 2)
        #expect(verify(entries).firstBreak?.sequence == 3)
    }

    @Test func editedEntryIsNamed() {
        var entries = Self.chain(5)
        let e = entries[3]
        entries[3] = AuditEntry(sequence: e.sequence, at: e.at, actorUser: "intruder", actorAgency: e.actorAgency, action: e.action,
                                subjectKind: e.subjectKind, subjectId: e.subjectId, beforeDigest: e.beforeDigest,
                                afterDigest: e.afterDigest, previousHash: e.previousHash, hash: e.hash)
        let broken = verify(entries).firstBreak
        #expect(broken?.sequence == 4)
        #expect(broken?.reason.contains("altered") == true)
    }

    @Test func rehashedEditBreaksTheNextLink() {
        var entries = Self.chain(5)
        let e = entries[1]
        let forgedHash = AuditEntry.chainHash(sequence: e.sequence, at: e.at, actorUser: "intruder", actorAgency: e.actorAgency,
                                              action: e.action, subjectKind: e.subjectKind, subjectId: e.subjectId,
                                              beforeDigest: e.beforeDigest, afterDigest: e.afterDigest, previousHash: e.previousHash)
        entries[1] = AuditEntry(sequence: e.sequence, at: e.at, actorUser: "intruder", actorAgency: e.actorAgency, action: e.action,
                                subjectKind: e.subjectKind, subjectId: e.subjectId, beforeDigest: e.beforeDigest,
                                afterDigest: e.afterDigest, previousHash: e.previousHash, hash: forgedHash)
        #expect(verify(entries).firstBreak?.sequence == 3)
    }

    @Test func fieldBoundariesCannotBeShifted() {
        let a = AuditEntry.chainHash(sequence: 1, at: Timestamp(millisecondsSinceEpoch: 0), actorUser: "ab", actorAgency: "c",
                                     action: "x", subjectKind: "k", subjectId: "i", beforeDigest: nil, afterDigest: nil, previousHash: "p")
        let b = AuditEntry.chainHash(sequence: 1, at: Timestamp(millisecondsSinceEpoch: 0), actorUser: "a", actorAgency: "bc",
                                     action: "x", subjectKind: "k", subjectId: "i", beforeDigest: nil, afterDigest: nil, previousHash: "p")
        #expect(a != b)
    }
}
