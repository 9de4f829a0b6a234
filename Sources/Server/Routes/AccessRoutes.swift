import Exchange
import Hummingbird
import Storage

/// The answer of `GET /api/v1/access/explain`.
struct AccessExplanation: Codable, Sendable {
    struct CallerView: Codable, Sendable {
        let user: UserID
        let agency: AgencyID
        let country: String
        let role: Role
        let readOnlyKey: Bool
    }

    let record: RecordID
    let kind: RecordKind
    let ownerAgency: AgencyID
    let distribution: Distribution
    let caller: CallerView
    let action: AccessAction
    let allowed: Bool
    let rule: AccessDecision.Rule
    let explanation: String
    let steps: [String]
}

extension ExchangeService {
    /// `GET /api/v1/access/explain?record=<id>[&action=read]`: why the caller can or cannot act on a record,
    /// from the same decision function every other route uses.
    func addAccessRoutes(to group: RouterGroup<AccordRequestContext>) {
        group.get("access/explain") { request, context in
            let caller = try context.requireCaller()
            var reader = QueryReader(request)
            guard let text = try reader.string("record", maxLength: 36) else {
                throw ExchangeError(.malformed, code: "missing_parameter", "name the record: ?record=<id>", field: "record")
            }
            let actionText = try reader.string("action") ?? "read"
            try reader.finish()
            guard let action = AccessAction(rawValue: actionText), action != .create else {
                let allowed = AccessAction.allCases.filter { $0 != .create }.map(\.rawValue).joined(separator: ", ")
                throw ExchangeError(.malformed, code: "invalid_value", "action must be one of \(allowed)", field: "action")
            }
            guard IdentifierFactory.isWellFormed(text), let facts = try await store.recordFacts(RecordID(rawValue: text.lowercased())) else {
                throw ExchangeError.notFound("record \(text)", field: "record")
            }
            let decision = try await store.sharingDirectory().decide(caller, action, facts)
            return JSONResponse.make(AccessExplanation(
                record: facts.id, kind: facts.kind, ownerAgency: facts.owner, distribution: facts.distribution,
                caller: .init(user: caller.user, agency: caller.agency, country: caller.country, role: caller.role, readOnlyKey: caller.readOnlyKey),
                action: action, allowed: decision.allowed, rule: decision.rule, explanation: decision.explanation, steps: decision.steps))
        }
    }
}
