import Exchange
import Hummingbird
import Logging
import NIOCore

/// Turns every error into the documented JSON error body, so clients never see an HTML page or an empty
/// reply, and unexpected errors are logged but not echoed (they may contain internal details).
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = AccordRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as ExchangeError {
            if error.category == .internal { context.logger.error("\(request.method) \(request.uri.path): \(error)") }
            return error.response()
        } catch let error as HTTPError {
            switch error.status {
            case .notFound:
                return ExchangeError(.notFound, code: "no_route", "no endpoint \(request.method) \(request.uri.path); see /api/v1/openapi.json").response()
            case .methodNotAllowed:
                return JSONResponse.make(ErrorBody(code: "method_not_allowed", message: "\(request.method) is not allowed on \(request.uri.path)", field: nil, position: nil), status: .methodNotAllowed)
            case .contentTooLarge:
                return ExchangeError(.tooLarge, code: "body_too_large", error.body ?? "the request body is too large").response()
            default:
                return JSONResponse.make(ErrorBody(code: "http_error", message: error.body ?? "\(error.status)", field: nil, position: nil), status: error.status)
            }
        } catch is NIOTooManyBytesError {
            return ExchangeError(.tooLarge, code: "body_too_large", "the request body is too large").response()
        } catch {
            context.logger.error("\(request.method) \(request.uri.path): \(String(reflecting: error))")
            return ExchangeError(.internal, code: "internal_error", "the server failed to handle the request; the error was logged").response()
        }
    }
}
