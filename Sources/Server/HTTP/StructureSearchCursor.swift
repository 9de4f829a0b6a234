import Exchange
import Foundation

/// Where a page of structure-search hits ended: the last hit's similarity (similarity search), record
/// sequence and substance position. Hits are ranked by those three keys, so the next page is every hit
/// ranked after the cursor, and records added meanwhile never shift or repeat what was already paged.
struct StructureSearchCursor: Sendable, Hashable {
    let mode: String
    let similarity: Double?
    let sequence: Int64
    let substanceIndex: Int

    init(after hit: StructureHit, mode: String) {
        self.mode = mode
        similarity = hit.similarity
        sequence = hit.candidate.sequence
        substanceIndex = hit.candidate.substanceIndex
    }

    /// Reads a cursor a client sent back for a search in `mode`.
    init(token: String, mode: String) throws(ExchangeError) {
        let bad = ExchangeError(.malformed, code: "invalid_cursor", "the cursor was not produced by this server for a \(mode) search", field: "cursor")
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard token.count <= 128, let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8) else { throw bad }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0] == "hit", parts[1] == mode, let sequence = Int64(parts[3]), let index = Int(parts[4]),
              sequence > 0, index >= 0 else { throw bad }
        if parts[2].isEmpty {
            similarity = nil
        } else {
            guard let bits = UInt64(parts[2], radix: 16) else { throw bad }
            similarity = Double(bitPattern: bits)
        }
        self.mode = mode
        self.sequence = sequence
        self.substanceIndex = index
    }

    var token: String {
        let similarityText = similarity.map { String($0.bitPattern, radix: 16) } ?? ""
        return Data("hit:\(mode):\(similarityText):\(sequence):\(substanceIndex)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// Whether `hit` is ranked after the cursor (in `StructureHit.ranksBefore` order).
    func precedes(_ hit: StructureHit) -> Bool {
        let mine = similarity ?? 0, theirs = hit.similarity ?? 0
        if mine != theirs { return mine > theirs }
        if sequence != hit.candidate.sequence { return sequence > hit.candidate.sequence }
        return substanceIndex < hit.candidate.substanceIndex
    }
}
