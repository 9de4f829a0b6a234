import Exchange
import Hummingbird
import Storage

extension ExchangeService {
    /// `/api/v1/me`, `/agencies`, `/working-groups`, `/users`, `/keys`, `/audit`.
    func addAccountRoutes(to group: RouterGroup<AccordRequestContext>) {
        group.get("me") { request, context in
            let caller = try context.requireCaller()
            let reader = QueryReader(request)
            try reader.finish()
            guard let user = try await store.user(caller.user), let agency = try await store.agency(caller.agency) else {
                throw ExchangeError.notFound("user \(caller.user)")
            }
            let key = try await caller.key.asyncMap { try await store.key($0) }
            return JSONResponse.make(MeView(user: UserView(user), agency: agency, key: key.flatMap { $0 }.map(KeyView.init)))
        }

        group.get("agencies") { _, context in
            _ = try context.requireCaller()
            return JSONResponse.make(Page(items: try await store.agencies(), nextCursor: nil))
        }

        group.get("working-groups") { _, context in
            let caller = try context.requireCaller()
            let groups = try await store.sharingDirectory().groups.values
                .filter { $0.members.contains(caller.agency) }
                .sorted { $0.name < $1.name }
            return JSONResponse.make(Page(items: groups, nextCursor: nil))
        }

        group.get("users") { _, context in
            let caller = try context.requireCaller()
            try accountDecision(caller, .listUsers, agency: caller.agency, user: nil)
            return JSONResponse.make(Page(items: try await store.users(of: caller.agency).map(UserView.init), nextCursor: nil))
        }

        group.post("users") { request, context in
            let caller = try context.requireCaller()
            try accountDecision(caller, .createUser, agency: caller.agency, user: nil)
            var reader = try ObjectReader(try await request.jsonBody(limits: limits), limits: limits)
            let name = try reader.requiredString("name")
            guard let roleText = try reader.choice("role", Role.allCases.map(\.rawValue), required: true), let role = Role(rawValue: roleText) else {
                throw ExchangeError(.invalid, code: "missing_field", "is required", field: "role")
            }
            let password = try reader.string("password", maxLength: 72)
            try reader.finish()
            if let password, password.utf8.count < 12 {
                throw ExchangeError(.invalid, code: "weak_password", "a password needs at least 12 characters", field: "password")
            }
            let cost = bcryptCost
            let hash = try await password.asyncMap { password in try await PasswordHasher.hash(password, cost: cost) }
            let user = try await store.createUser(agency: caller.agency, name: name, role: role, passwordHash: hash, actor: AuditActor(caller))
            return created(UserView(user), location: "/api/v1/users/\(user.id)")
        }

        group.get("keys") { _, context in
            let caller = try context.requireCaller()
            try accountDecision(caller, .listKeys, agency: caller.agency, user: caller.user)
            return JSONResponse.make(Page(items: try await store.keys(of: caller.user).map(KeyView.init), nextCursor: nil))
        }

        group.post("keys") { request, context in
            let caller = try context.requireCaller()
            var reader = try ObjectReader(try await request.jsonBody(limits: limits), limits: limits)
            let label = try reader.string("label") ?? "api"
            let readOnly = try reader.bool("read_only") ?? false
            let days = try reader.integer("expires_in_days", in: 1...3650)
            let userText = try reader.string("user_id", maxLength: 36)
            try reader.finish()
            var target = caller.user
            if let userText {
                guard let user = try await store.user(UserID(rawValue: userText.lowercased())) else {
                    throw ExchangeError(.invalid, code: "unknown_reference", "no user has the id \(userText)", field: "user_id")
                }
                try accountDecision(caller, .createKey, agency: user.agency, user: user.id)
                target = user.id
            } else {
                try accountDecision(caller, .createKey, agency: caller.agency, user: caller.user)
            }
            let now = Timestamp.now()
            let issued = APIKeyToken.issue(user: target, label: label, readOnly: readOnly, now: now,
                                           expiresAt: days.map { now.adding(seconds: Int64($0) * 86_400) })
            try await store.addKey(issued.key, actor: AuditActor(caller))
            return created(IssuedKeyView(key: KeyView(issued.key), apiKey: issued.token), location: "/api/v1/keys/\(issued.key.id)")
        }

        group.post("keys/{id}/revoke") { _, context in
            let caller = try context.requireCaller()
            let id = APIKeyID(rawValue: context.parameters.get("id") ?? "")
            guard let key = try await store.key(id), let owner = try await store.user(key.user) else {
                throw ExchangeError.notFound("API key \(id)", field: "id")
            }
            try accountDecision(caller, .revokeKey, agency: owner.agency, user: owner.id)
            return JSONResponse.make(KeyView(try await store.revokeKey(id, actor: AuditActor(caller))))
        }

        group.get("audit") { request, context in
            let caller = try context.requireCaller()
            var reader = QueryReader(request)
            guard let text = try reader.string("record", maxLength: 36) else {
                throw ExchangeError(.malformed, code: "missing_parameter", "name the record: ?record=<id>", field: "record")
            }
            let after = Int64(try reader.integer("after", in: 0...Int(Int32.max)) ?? 0)
            let limit = try reader.integer("limit", in: 1...1000) ?? 200
            try reader.finish()
            guard IdentifierFactory.isWellFormed(text), let facts = try await store.recordFacts(RecordID(rawValue: text.lowercased())) else {
                throw ExchangeError.notFound("record \(text)", field: "record")
            }
            try await authorize(caller, .read, facts)
            let entries = try await store.auditEntries(after: after, limit: limit + 1, subject: facts.id.rawValue)
            let page = Array(entries.prefix(limit))
            return JSONResponse.make(AuditTrail(record: facts.id, entries: page,
                                                nextAfter: entries.count > limit ? page.last?.sequence : nil))
        }
    }

    func accountDecision(_ caller: Caller, _ action: AccountPolicy.Action, agency: AgencyID, user: UserID?) throws(ExchangeError) {
        let decision = AccountPolicy.decide(caller, action, targetAgency: agency, targetUser: user)
        guard decision.allowed else { throw ExchangeError.forbidden(decision) }
    }
}
