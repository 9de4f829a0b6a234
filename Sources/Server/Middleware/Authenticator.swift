import Exchange
import Hummingbird
import Storage

/// Resolves `Authorization: Bearer <key>` to a caller on every request (no sessions), so a revoked key,
/// a changed role or a new partnership takes effect at once.
struct Authenticator: RouterMiddleware {
    typealias Context = AccordRequestContext
    let store: ExchangeStore

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization] else {
            throw ExchangeError(.unauthenticated, code: "missing_key", "send an API key as 'Authorization: Bearer <key>'", field: "Authorization")
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw ExchangeError(.unauthenticated, code: "missing_key", "the Authorization header must be 'Bearer <key>'", field: "Authorization")
        }
        var context = context
        context.caller = try await store.authenticate(token: String(parts[1]))
        return try await next(request, context)
    }
}
