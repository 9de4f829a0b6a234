import Exchange
import Foundation
import Hummingbird
import HummingbirdBcrypt
import Storage
import Surveillance

/// What the HTTP API needs: the store, the injected chemistry (structure check, law classifier, structure
/// search) and the limits. Routes are grouped by resource in `Routes/`, each adding itself to the router.
public struct ExchangeService: Sendable {
    public let store: ExchangeStore
    public let checker: SubstanceChecker
    public let searcher: any StructureSearcher
    public let limits: InputLimits
    /// Source names to law knowledge-base substances, and control statuses, for the surveillance endpoints.
    public let surveillance: LawMapping
    /// bcrypt cost for passwords (12 in production; tests may lower it).
    public let bcryptCost: UInt8
    /// A bcrypt hash of a random secret, checked when a sign-in names an unknown user so the reply takes as
    /// long as for a known one.
    let decoyHash: String

    public init(store: ExchangeStore, validator: any StructureValidator, classifier: any SubstanceClassifier,
                searcher: any StructureSearcher, surveillance: LawMapping = .unconnected, limits: InputLimits = InputLimits(),
                bcryptCost: UInt8 = 12) {
        self.store = store
        self.checker = SubstanceChecker(validator: validator, classifier: classifier)
        self.searcher = searcher
        self.surveillance = surveillance
        self.limits = limits
        self.bcryptCost = bcryptCost
        self.decoyHash = Bcrypt.hash(IdentifierFactory.make(), cost: bcryptCost)
    }

    /// The router with every route of the API.
    public func makeRouter() -> Router<AccordRequestContext> {
        let router = Router(context: AccordRequestContext.self)
        router.add(middleware: ErrorMiddleware())
        let api = router.group("api/v1")
        addPublicRoutes(to: api)
        let secured = api.group().add(middleware: Authenticator(store: store))
        addAccountRoutes(to: secured)
        addSeizureRoutes(to: secured)
        addCaseRoutes(to: secured)
        addProposalRoutes(to: secured)
        addSearchRoutes(to: secured)
        addAccessRoutes(to: secured)
        addSurveillanceRoutes(to: secured)
        return router
    }

    /// A Hummingbird application serving the API on `host:port`.
    public func makeApplication(host: String, port: Int, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in })
        -> some ApplicationProtocol
    {
        Application(router: makeRouter(), configuration: .init(address: .hostname(host, port: port), serverName: "accord"),
                     onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) })
    }

    // MARK: Access helpers shared by the routes

    /// Asks the access decision and throws 403 with its explanation when it says no.
    func authorize(_ caller: Caller, _ action: AccessAction, _ record: SharedRecordFacts?) async throws {
        // Without a record (create) the decision depends on the caller alone, so skip reading the directory.
        let directory = record == nil ? SharingDirectory(partners: [:], groups: [:]) : try await store.sharingDirectory()
        let decision = directory.decide(caller, action, record)
        guard decision.allowed else { throw ExchangeError.forbidden(decision) }
    }

    /// A record the caller may read: 404 when it does not exist (as this kind), 403 when it is not shared
    /// with the caller.
    func readable<C: RecordContent>(_ id: RecordID, as type: C.Type, by caller: Caller) async throws -> Record<C> {
        guard let record = try await store.record(id, as: C.self) else {
            throw ExchangeError.notFound("\(C.kind.rawValue) \(id)", field: "id")
        }
        try await authorize(caller, .read, record.facts)
        return record
    }

    /// Checks that linked records exist, are of `kind`, and are readable by the caller (linking never grants
    /// access), naming the offending list item.
    func checkLinks(_ ids: [RecordID], kind: RecordKind, field: String, caller: Caller, single: Bool = false) async throws {
        let directory = try await store.sharingDirectory()
        for (index, id) in ids.enumerated() {
            let path = single ? field : "\(field)[\(index)]"
            guard let facts = try await store.recordFacts(id), facts.kind == kind else {
                throw ExchangeError(.invalid, code: "unknown_reference", "no \(kind.rawValue) has the id \(id)", field: path)
            }
            let decision = directory.decide(caller, .read, facts)
            guard decision.allowed else {
                throw ExchangeError(.invalid, code: "unreadable_reference", "you cannot link \(kind.rawValue) \(id): \(decision.explanation)", field: path)
            }
        }
    }

    /// Checks a working-group distribution: the group exists and the caller's agency belongs to it.
    func checkSharing(_ sharing: SharingInput, caller: Caller) async throws {
        guard let id = sharing.distribution.workingGroup else { return }
        try sharing.check(owner: caller.agency, group: try await store.workingGroup(id))
    }

    /// Applies a change to a record in one transaction: the access decision for the action, the retraction
    /// and version checks, then `mutate`; the change is audited as `auditAction`.
    func change<C: RecordContent>(_ id: RecordID, as type: C.Type, by caller: Caller, auditAction: String, expectedVersion: Int?,
                                  structureKeys: [StructureKeys] = [],
                                  action: @escaping @Sendable (Record<C>) throws -> AccessAction,
                                  _ mutate: @escaping @Sendable (inout Record<C>) throws -> Void) async throws -> Record<C> {
        try await store.update(id, as: C.self, action: auditAction, actor: AuditActor(caller), structureKeys: structureKeys) { current, directory in
            let decision = directory.decide(caller, try action(current), current.facts)
            guard decision.allowed else { throw ExchangeError.forbidden(decision) }
            if let retraction = current.metadata.retraction {
                throw ExchangeError.conflict(code: "retracted", "this \(C.kind.rawValue) was retracted at \(retraction.at) and can no longer change")
            }
            if let expectedVersion, expectedVersion != current.metadata.version {
                throw ExchangeError.conflict(code: "stale_version", "you sent version \(expectedVersion), but the record is at version \(current.metadata.version); reload it and apply your change again", field: "version")
            }
            var next = current
            try mutate(&next)
            next.metadata.touch(by: caller.user, at: .now())
            return next
        }
    }

    /// A new record's metadata, owned by the caller's agency.
    func newMetadata(_ kind: RecordKind, sharing: SharingInput, caller: Caller) -> RecordMetadata {
        RecordMetadata(id: RecordID(rawValue: IdentifierFactory.make()), kind: kind, ownerAgency: caller.agency,
                       distribution: sharing.distribution, tlp: sharing.tlp, createdAt: .now(), createdBy: caller.user)
    }

    /// Reads the shared listing parameters (`limit`, `cursor`, `include_retracted`).
    func pageQuery(_ reader: inout QueryReader) throws -> RecordQuery {
        var query = RecordQuery(limit: try reader.integer("limit", in: 1...limits.maxPageSize) ?? limits.defaultPageSize)
        if let token = try reader.string("cursor", maxLength: 64) { query.cursor = try PageCursor(token: token) }
        query.includeRetracted = try reader.bool("include_retracted") ?? true
        return query
    }

    func created(_ value: some Encodable, location: String) -> Response {
        JSONResponse.make(value, status: .created, headers: [.location: location])
    }
}
