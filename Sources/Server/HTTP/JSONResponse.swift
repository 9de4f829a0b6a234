import Exchange
import Foundation
import Hummingbird
import NIOCore

/// Builds JSON responses with the exchange's encoding (snake_case, sorted keys).
enum JSONResponse {
    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        // Shared intelligence must not linger in proxies or browser caches.
        fields[.cacheControl] = "no-store"
        fields[.xContentTypeOptions] = "nosniff"
        do {
            let data = try ExchangeJSON.encoder().encode(value)
            return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
        } catch {
            let data = Data(#"{"code":"encoding_failed","message":"the response could not be encoded"}"#.utf8)
            return Response(status: .internalServerError, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
    }

    /// Raw JSON bytes already encoded (the committed OpenAPI document).
    static func raw(_ data: Data) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8", .xContentTypeOptions: "nosniff"],
                 body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// A page of items with the cursor of the next page.
struct Page<Item: Encodable & Sendable>: Encodable, Sendable {
    let items: [Item]
    let nextCursor: String?

    enum CodingKeys: String, CodingKey { case items, nextCursor }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        try container.encode(nextCursor, forKey: .nextCursor)
    }
}
