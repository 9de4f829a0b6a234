import Exchange
import Foundation
import Hummingbird
import Law
import NIOCore

extension Request {
    /// Reads the body as JSON within the size limit; a larger body is refused (413) before it is parsed.
    func jsonBody(limits: InputLimits) async throws -> JSONValue {
        if let declared = headers[.contentLength].flatMap(Int.init), declared > limits.maxBodyBytes {
            throw Self.tooLarge(limits)
        }
        if let type = headers[.contentType], !type.lowercased().hasPrefix("application/json") {
            throw ExchangeError(.malformed, code: "unsupported_media_type", "send the body as application/json (got \(type))", field: "Content-Type")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await body.collect(upTo: limits.maxBodyBytes)
        } catch is NIOTooManyBytesError {
            throw Self.tooLarge(limits)
        }
        return try JSONValue.parse(Data(buffer.readableBytesView))
    }

    static func tooLarge(_ limits: InputLimits) -> ExchangeError {
        ExchangeError(.tooLarge, code: "body_too_large", "the request body is larger than the limit of \(limits.maxBodyBytes) bytes")
    }
}

/// Reads query parameters by name, refusing unknown or repeated ones so a misspelt filter is never ignored.
struct QueryReader {
    private let parameters: [(String, String)]
    private var consumed: Set<String> = []

    init(_ request: Request) {
        parameters = request.uri.queryParameters.map { (String($0.key), String($0.value)) }
    }

    mutating func string(_ name: String, maxLength: Int = 200) throws(ExchangeError) -> String? {
        consumed.insert(name)
        let values = parameters.filter { $0.0 == name }.map(\.1)
        guard let value = values.first else { return nil }
        guard values.count == 1 else { throw ExchangeError(.malformed, code: "repeated_parameter", "give \(name) once", field: name) }
        guard value.count <= maxLength else {
            throw ExchangeError(.malformed, code: "too_long", "is longer than \(maxLength) characters", field: name)
        }
        return value
    }

    mutating func date(_ name: String) throws(ExchangeError) -> CalendarDate? {
        guard let text = try string(name, maxLength: 10) else { return nil }
        guard let date = CalendarDate(iso: text) else {
            throw ExchangeError(.malformed, code: "invalid_value", "'\(text)' is not a date written YYYY-MM-DD", field: name)
        }
        return date
    }

    mutating func integer(_ name: String, in range: ClosedRange<Int>) throws(ExchangeError) -> Int? {
        guard let text = try string(name, maxLength: 12) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw ExchangeError(.malformed, code: "out_of_range", "'\(text)' must be a whole number from \(range.lowerBound) to \(range.upperBound)", field: name)
        }
        return value
    }

    mutating func bool(_ name: String) throws(ExchangeError) -> Bool? {
        guard let text = try string(name, maxLength: 5) else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default: throw ExchangeError(.malformed, code: "invalid_value", "must be true or false", field: name)
        }
    }

    func finish() throws(ExchangeError) {
        if let unknown = parameters.map(\.0).first(where: { !consumed.contains($0) }) {
            throw ExchangeError(.malformed, code: "unknown_parameter", "'\(unknown)' is not a parameter of this endpoint", field: unknown)
        }
    }
}

extension AccordRequestContext {
    /// A path parameter that must be a record id.
    func recordID(_ name: String = "id") throws(ExchangeError) -> RecordID {
        guard let text = parameters.get(name), IdentifierFactory.isWellFormed(text) else {
            throw ExchangeError(.notFound, code: "not_found", "no record has the id '\(parameters.get(name) ?? "")'", field: name)
        }
        return RecordID(rawValue: text.lowercased())
    }
}
