import Crypto
import Foundation

/// One appended line of the audit log: who changed which record (or account) when, with digests of the
/// record before and after, chained to the previous line by a hash so a removed or altered line is detected.
public struct AuditEntry: Codable, Sendable, Hashable {
    /// 1, 2, 3, ... without gaps.
    public let sequence: Int64
    public let at: Timestamp
    /// The acting user's id, or `operator` for the command-line administrator.
    public let actorUser: String
    public let actorAgency: String?
    /// `seizure.create`, `case.update`, `proposal.review`, `key.revoke`, ...
    public let action: String
    /// `seizure`, `case`, `proposal`, `agency`, `user`, `key`, `working_group`, `partnership`.
    public let subjectKind: String
    public let subjectId: String
    /// Hex SHA-256 of the subject's JSON before and after the change; nil where it did not exist.
    public let beforeDigest: String?
    public let afterDigest: String?
    public let previousHash: String
    public let hash: String

    public init(sequence: Int64, at: Timestamp, actorUser: String, actorAgency: String?, action: String, subjectKind: String,
                subjectId: String, beforeDigest: String?, afterDigest: String?, previousHash: String, hash: String) {
        self.sequence = sequence
        self.at = at
        self.actorUser = actorUser
        self.actorAgency = actorAgency
        self.action = action
        self.subjectKind = subjectKind
        self.subjectId = subjectId
        self.beforeDigest = beforeDigest
        self.afterDigest = afterDigest
        self.previousHash = previousHash
        self.hash = hash
    }

    /// The previous hash of the first entry.
    public static let genesisHash = String(repeating: "0", count: 64)
    /// The actor recorded for changes made with `accord admin`.
    public static let operatorActor = "operator"

    /// Builds the entry that follows `previous` (nil for the first entry).
    public static func next(after previous: AuditEntry?, at: Timestamp, actorUser: String, actorAgency: String?,
                            action: String, subjectKind: String, subjectId: String,
                            before: Data?, after: Data?) -> AuditEntry {
        let sequence = (previous?.sequence ?? 0) + 1
        let previousHash = previous?.hash ?? genesisHash
        let beforeDigest = before.map(digest), afterDigest = after.map(digest)
        let hash = chainHash(sequence: sequence, at: at, actorUser: actorUser, actorAgency: actorAgency, action: action,
                             subjectKind: subjectKind, subjectId: subjectId, beforeDigest: beforeDigest,
                             afterDigest: afterDigest, previousHash: previousHash)
        return AuditEntry(sequence: sequence, at: at, actorUser: actorUser, actorAgency: actorAgency, action: action,
                          subjectKind: subjectKind, subjectId: subjectId, beforeDigest: beforeDigest,
                          afterDigest: afterDigest, previousHash: previousHash, hash: hash)
    }

    /// Hex SHA-256 of bytes.
    public static func digest(_ data: Data) -> String { hex(Array(SHA256.hash(data: data))) }

    /// The hash over every field, each written with its byte length first so no two field lists share an
    /// encoding.
    public static func chainHash(sequence: Int64, at: Timestamp, actorUser: String, actorAgency: String?, action: String,
                                 subjectKind: String, subjectId: String, beforeDigest: String?, afterDigest: String?,
                                 previousHash: String) -> String {
        var text = ""
        for field in [String(sequence), at.description, actorUser, actorAgency ?? "-", action, subjectKind, subjectId,
                      beforeDigest ?? "-", afterDigest ?? "-", previousHash] {
            text += "\(field.utf8.count):\(field);"
        }
        return digest(Data(text.utf8))
    }

    /// The hash this entry should have, recomputed from its fields.
    public var recomputedHash: String {
        AuditEntry.chainHash(sequence: sequence, at: at, actorUser: actorUser, actorAgency: actorAgency, action: action,
                             subjectKind: subjectKind, subjectId: subjectId, beforeDigest: beforeDigest,
                             afterDigest: afterDigest, previousHash: previousHash)
    }
}
