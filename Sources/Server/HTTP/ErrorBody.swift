import Exchange
import Hummingbird

/// The JSON body of every error response.
struct ErrorBody: Codable, Sendable {
    let code: String
    let message: String
    let field: String?
    let position: Int?
}

extension ExchangeError.Category {
    /// The one place categories become HTTP statuses.
    var status: HTTPResponse.Status {
        switch self {
        case .malformed: .badRequest
        case .unauthenticated: .unauthorized
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .conflict: .conflict
        case .tooLarge: .contentTooLarge
        case .invalid: .unprocessableContent
        case .unavailable: .notImplemented
        case .internal: .internalServerError
        }
    }
}

extension ExchangeError {
    func response() -> Response {
        var response = JSONResponse.make(ErrorBody(code: code, message: message, field: field, position: position), status: category.status)
        if category == .unauthenticated {
            response.headers[.wwwAuthenticate] = "Bearer realm=\"accord\""
        }
        return response
    }
}
