import Exchange
import Foundation
import Law

/// Filters and paging for listing records. Listing is newest first, by a cursor that stays valid while
/// records are added.
public struct RecordQuery: Sendable, Hashable {
    public var limit: Int
    /// Opaque cursor from the previous page's `next_cursor`.
    public var cursor: PageCursor?
    /// Case-insensitive substring of a substance name.
    public var substance: String?
    public var from: CalendarDate?
    public var to: CalendarDate?
    public var country: String?
    /// Case-insensitive exact match.
    public var region: String?
    public var city: String?
    public var includeRetracted: Bool = true

    public init(limit: Int) { self.limit = limit }
}

/// A position in a listing; encoded for clients as an opaque string.
public struct PageCursor: Sendable, Hashable {
    let seq: Int64

    init(seq: Int64) { self.seq = seq }

    /// Reads a cursor a client sent back.
    public init(token: String) throws(ExchangeError) {
        let bad = ExchangeError(.malformed, code: "invalid_cursor", "the cursor was not produced by this server", field: "cursor")
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard token.count <= 64, let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8),
              text.hasPrefix("seq:"), let seq = Int64(text.dropFirst(4)), seq > 0 else { throw bad }
        self.seq = seq
    }

    public var token: String {
        Data("seq:\(seq)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}

/// One page of records.
public struct RecordPage<Content: RecordContent>: Sendable {
    public let records: [Record<Content>]
    public let nextCursor: PageCursor?
}
