import Exchange
import Hummingbird

/// Per-request state: Hummingbird's core storage and, once authenticated, the caller.
public struct AccordRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by `Authenticator`; nil on the few public routes.
    public var caller: Caller?

    public init(source: Source) {
        self.coreContext = .init(source: source)
        self.caller = nil
    }

    /// The authenticated caller; routes behind `Authenticator` always have one.
    func requireCaller() throws(ExchangeError) -> Caller {
        guard let caller else {
            throw ExchangeError(.unauthenticated, code: "missing_key", "send an API key as 'Authorization: Bearer <key>'", field: "Authorization")
        }
        return caller
    }
}
