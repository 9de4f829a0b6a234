/// Every refusal the exchange gives: a stable code for programs, a message for people, and the field (and
/// position inside it, such as a SMILES column) that caused it.
///
/// The HTTP layer maps `category` to a status code in one place; nothing else decides statuses.
public struct ExchangeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of refusal this is; decides the HTTP status.
    public enum Category: String, Sendable, Hashable {
        case malformed          // 400: the body is not JSON, or a query parameter is unreadable
        case unauthenticated    // 401: no key, unknown key, expired or revoked key
        case forbidden          // 403: the access decision said no
        case notFound           // 404
        case conflict           // 409: stale version, retracted record, illegal workflow step
        case tooLarge           // 413: body over the limit
        case invalid            // 422: well-formed JSON whose content is wrong
        case unavailable        // 501: a capability (e.g. structure search) not wired into this server
        case `internal`         // 500
    }

    public let category: Category
    /// Stable machine-readable code, e.g. `unknown_field`, `invalid_structure`.
    public let code: String
    public let message: String
    /// JSON path of the offending field (`substances[0].smiles`), query parameter, or header.
    public let field: String?
    /// 1-based position inside the field's text (a SMILES column), when the problem has one.
    public let position: Int?

    public init(_ category: Category, code: String, _ message: String, field: String? = nil, position: Int? = nil) {
        self.category = category
        self.code = code
        self.message = message
        self.field = field
        self.position = position
    }

    public var description: String {
        var text = "\(code): \(message)"
        if let field { text += " (field \(field)" + (position.map { ", position \($0)" } ?? "") + ")" }
        return text
    }
}

extension ExchangeError {
    static func invalid(_ field: String, _ message: String, code: String = "invalid_field", position: Int? = nil) -> ExchangeError {
        ExchangeError(.invalid, code: code, message, field: field, position: position)
    }

    public static func notFound(_ what: String, field: String? = nil) -> ExchangeError {
        ExchangeError(.notFound, code: "not_found", "\(what) does not exist", field: field)
    }

    public static func conflict(code: String, _ message: String, field: String? = nil) -> ExchangeError {
        ExchangeError(.conflict, code: code, message, field: field)
    }

    public static func forbidden(_ decision: AccessDecision) -> ExchangeError {
        ExchangeError(.forbidden, code: decision.rule.rawValue, decision.explanation)
    }
}
