import Exchange
import ExchangeTestSupport
import Foundation
import HTTPTypes
import Storage
import Testing

/// The account endpoints × role × whose account (the caller's own, a colleague's in the same agency, a user of
/// another agency), with outcomes from this table of the account rules: everyone reads their own data and
/// manages their own keys; administrators manage their own agency's users and keys; nobody manages another
/// agency's. The record endpoints are in `AuthorizationMatrixTests`.
struct AccountMatrixTests {
    enum Target: String, CaseIterable { case own, colleague, otherAgency }

    /// (endpoint, target, roles allowed) — roles not listed get 403.
    static let table: [(String, Target?, Set<Role>)] = [
        ("GET /me", nil, [.administrator, .analyst, .viewer]),
        ("GET /agencies", nil, [.administrator, .analyst, .viewer]),
        ("GET /working-groups", nil, [.administrator, .analyst, .viewer]),
        ("GET /keys", nil, [.administrator, .analyst, .viewer]),
        ("GET /users", nil, [.administrator]),
        ("POST /users", nil, [.administrator]),
        ("POST /keys", .own, [.administrator, .analyst, .viewer]),
        ("POST /keys", .colleague, [.administrator]),
        ("POST /keys", .otherAgency, []),
        ("POST /keys/{id}/revoke", .own, [.administrator, .analyst, .viewer]),
        ("POST /keys/{id}/revoke", .colleague, [.administrator]),
        ("POST /keys/{id}/revoke", .otherAgency, []),
    ]

    @Test("account endpoint matrix", arguments: TestDatabase.allCases)
    func matrix(database: TestDatabase) async throws {
        try await withWorld(database) { world, client in
            var failures: [String] = []
            var checked = 0
            var serial = 0
            for (endpoint, target, allowed) in Self.table {
                for role in Role.allCases {
                    serial += 1
                    let key = world.key(.owner, role)
                    let me = world.users[.owner]?[role]
                    let colleagueRole: Role = role == .viewer ? .analyst : .viewer
                    let targetUser: User? = switch target {
                    case .own: me
                    case .colleague: world.users[.owner]?[colleagueRole]
                    case .otherAgency: world.users[.stranger]?[.analyst]
                    case nil: nil
                    }
                    let reply: Reply
                    switch endpoint {
                    case "GET /me": reply = try await client.send(.get, "/api/v1/me", key: key)
                    case "GET /agencies": reply = try await client.send(.get, "/api/v1/agencies", key: key)
                    case "GET /working-groups": reply = try await client.send(.get, "/api/v1/working-groups", key: key)
                    case "GET /keys": reply = try await client.send(.get, "/api/v1/keys", key: key)
                    case "GET /users": reply = try await client.send(.get, "/api/v1/users", key: key)
                    case "POST /users":
                        reply = try await client.send(.post, "/api/v1/users", key: key, json: #"{"name":"new-\#(serial)","role":"viewer"}"#)
                    case "POST /keys":
                        let userField = target == .own ? "" : #","user_id":"\#(targetUser?.id.rawValue ?? "")""#
                        reply = try await client.send(.post, "/api/v1/keys", key: key, json: #"{"label":"m"\#(userField)}"#)
                    default:
                        // A fresh key of the target user to revoke.
                        guard let targetUser else { continue }
                        let issued = APIKeyToken.issue(user: targetUser.id, label: "victim", readOnly: false, now: .now(), expiresAt: nil)
                        try await world.store.addKey(issued.key, actor: .operator)
                        reply = try await client.send(.post, "/api/v1/keys/\(issued.key.id)/revoke", key: key)
                    }
                    checked += 1
                    let expected: HTTPResponse.Status = allowed.contains(role) ? (endpoint.hasPrefix("POST /users") || endpoint == "POST /keys" ? .created : .ok) : .forbidden
                    if reply.status != expected {
                        failures.append("\(endpoint) \(target?.rawValue ?? "-") \(role): expected \(expected.code), got \(reply.status.code) \(reply.text.prefix(160))")
                    }
                }
            }
            #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
            #expect(checked == 36)
        }
    }
}
