import Exchange
import Foundation
import Hummingbird
import Storage

struct Health: Codable, Sendable {
    let status: String
    let database: String
}

extension ExchangeService {
    /// Routes without a key: health, the OpenAPI document, and signing in with a password for a key.
    func addPublicRoutes(to group: RouterGroup<AccordRequestContext>) {
        group.get("health") { _, _ in
            JSONResponse.make(Health(status: "ok", database: store.databaseKind))
        }

        group.get("openapi.json") { _, _ in
            JSONResponse.raw(try OpenAPIDocument.data())
        }

        group.post("auth/token") { request, _ in
            var reader = try ObjectReader(try await request.jsonBody(limits: limits), limits: limits)
            let agencyName = try reader.requiredString("agency")
            let userName = try reader.requiredString("user")
            let password = try reader.requiredString("password", maxLength: 72)
            let readOnly = try reader.bool("read_only") ?? false
            let hours = try reader.integer("expires_in_hours", in: 1...720) ?? 8
            try reader.finish()
            let refused = ExchangeError(.unauthenticated, code: "invalid_credentials", "agency, user or password is wrong")
            let user: User? = if let agency = try await store.agency(named: agencyName) {
                try await store.user(agency: agency.id, name: userName)
            } else {
                nil
            }
            // Verify against a fixed hash when the user is unknown, so timing does not reveal which names exist.
            let stored = try await user.asyncMap { try await store.passwordHash(of: $0.id) } ?? nil
            let matches = try await PasswordHasher.verify(password, hash: stored ?? decoyHash)
            guard let user, stored != nil, matches, !user.disabled else { throw refused }
            let now = Timestamp.now()
            let issued = APIKeyToken.issue(user: user.id, label: "password sign-in", readOnly: readOnly, now: now,
                                           expiresAt: now.adding(seconds: Int64(hours) * 3600))
            try await store.addKey(issued.key, actor: AuditActor(user: user.id.rawValue, agency: user.agency.rawValue))
            return created(IssuedKeyView(key: KeyView(issued.key), apiKey: issued.token), location: "/api/v1/keys/\(issued.key.id)")
        }
    }
}
