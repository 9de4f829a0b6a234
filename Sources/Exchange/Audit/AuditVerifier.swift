/// Checks an audit log entry by entry, in sequence order, and stops at the first broken link.
///
/// A link is broken when a sequence number is missing or repeated (a line removed or inserted), when an
/// entry's previous hash is not its predecessor's hash (lines reordered or replaced), or when an entry's
/// hash does not match its fields (a line edited).
public struct AuditVerifier: Sendable {
    /// The first problem found.
    public struct Break: Sendable, Hashable, Codable {
        public let sequence: Int64
        public let reason: String
    }

    public private(set) var checked: Int64 = 0
    public private(set) var headHash: String = AuditEntry.genesisHash
    public private(set) var firstBreak: Break?

    public init() {}

    /// Checks the next entry. Returns false once the chain is broken.
    @discardableResult
    public mutating func feed(_ entry: AuditEntry) -> Bool {
        guard firstBreak == nil else { return false }
        let expected = checked + 1
        if entry.sequence != expected {
            firstBreak = Break(sequence: expected, reason: entry.sequence > expected
                ? "entry \(expected) is missing (next entry found is \(entry.sequence))"
                : "entry \(entry.sequence) appears again after entry \(checked)")
            return false
        }
        if entry.previousHash != headHash {
            firstBreak = Break(sequence: entry.sequence, reason: "entry \(entry.sequence) does not link to entry \(checked): its previous hash is \(entry.previousHash), expected \(headHash)")
            return false
        }
        if entry.recomputedHash != entry.hash {
            firstBreak = Break(sequence: entry.sequence, reason: "entry \(entry.sequence) was altered: its fields hash to \(entry.recomputedHash), but it records \(entry.hash)")
            return false
        }
        checked = entry.sequence
        headHash = entry.hash
        return true
    }

    public var isIntact: Bool { firstBreak == nil }
}
