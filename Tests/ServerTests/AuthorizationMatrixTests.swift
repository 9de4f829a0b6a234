import Exchange
import ExchangeTestSupport
import Foundation
import HTTPTypes
import Storage
import Testing

/// Every record endpoint × role × distribution × relation of the caller's agency to the owner, with the
/// outcome expected from the sharing rules as written in these tables (docs/API.md, "Sharing"), not from the
/// server's code.
struct AuthorizationMatrixTests {
    typealias Relation = World.Relation

    /// Who may read a record, by distribution level.
    static let readers: [String: Set<Relation>] = [
        "agency": [.owner],
        "partners": [.owner, .partner],
        "working_group": [.owner, .member],
    ]
    /// Members of the working group records are shared through.
    static let groupMembers: Set<Relation> = [.owner, .member]
    /// Agencies acting for the jurisdiction proposals ask to act (CN).
    static let reviewers: Set<Relation> = [.partner]
    /// Roles that may change anything.
    static let writers: Set<Role> = [.administrator, .analyst]

    static let levels = ["agency", "partners", "working_group"]

    enum Endpoint: String, CaseIterable {
        case create, get, list, explain, audit, update, retract, comment, submit, review, structureSearch
    }

    /// The expected HTTP status (and for listings/searches, whether the record appears).
    static func expected(_ endpoint: Endpoint, kind: RecordKind, level: String, relation: Relation, role: Role) -> (HTTPResponse.Status, visible: Bool)? {
        let canRead = readers[level]?.contains(relation) ?? false
        let canWrite = writers.contains(role)
        switch endpoint {
        case .create:
            guard relation == .owner || relation == .partner || relation == .member else { return nil }
            if !canWrite { return (.forbidden, false) }
            if level == "working_group" && !groupMembers.contains(relation) { return (.unprocessableContent, false) }
            return (.created, true)
        case .get, .audit:
            return (canRead ? .ok : .forbidden, canRead)
        case .list, .explain:
            return (.ok, canRead)
        case .structureSearch:
            return kind == .seizure ? (.ok, canRead) : nil
        case .update, .retract:
            return (canWrite && relation == .owner ? .ok : .forbidden, canRead)
        case .comment:
            guard kind == .proposal else { return nil }
            return (canWrite && canRead ? .created : .forbidden, canRead)
        case .submit:
            guard kind == .proposal else { return nil }
            return (canWrite && relation == .owner ? .ok : .forbidden, canRead)
        case .review:
            guard kind == .proposal else { return nil }
            return (canWrite && canRead && reviewers.contains(relation) ? .ok : .forbidden, canRead)
        }
    }

    @Test("authorization matrix", arguments: TestDatabase.allCases)
    func matrix(database: TestDatabase) async throws {
        try await withWorld(database) { world, client in
            var checked = 0
            var failures: [String] = []
            for kind in RecordKind.allCases {
                let path = World.path(kind)
                for level in Self.levels {
                    // One shared record for the read-only endpoints.
                    let shared = try await world.create(kind, level: level, client: client)
                    for relation in Relation.allCases {
                        for role in Role.allCases {
                            let key = world.key(relation, role)
                            for endpoint in Endpoint.allCases {
                                guard let (status, visible) = Self.expected(endpoint, kind: kind, level: level, relation: relation, role: role) else { continue }
                                let label = "\(endpoint) \(kind.rawValue) \(level) \(relation) \(role)"
                                var reply: Reply
                                var appears: Bool?
                                switch endpoint {
                                case .create:
                                    reply = try await client.send(.post, "/api/v1/\(path)", key: key, json: world.body(kind, level: level))
                                case .get:
                                    reply = try await client.send(.get, "/api/v1/\(path)/\(shared)", key: key)
                                case .audit:
                                    reply = try await client.send(.get, "/api/v1/audit?record=\(shared)", key: key)
                                case .list:
                                    reply = try await client.send(.get, "/api/v1/\(path)?limit=200", key: key)
                                    appears = reply.itemIDs.contains(shared)
                                case .explain:
                                    reply = try await client.send(.get, "/api/v1/access/explain?record=\(shared)", key: key)
                                    appears = reply["allowed"] == .bool(true)
                                case .structureSearch:
                                    reply = try await client.send(.post, "/api/v1/search/structure", key: key, json: #"{"smarts":"N(c1ccccc1)C1CCNCC1","limit":200}"#)
                                    appears = reply.items.contains { if case .object(let f) = $0 { f["record"] == .string(shared) } else { false } }
                                case .update:
                                    let id = try await world.create(kind, level: level, client: client)
                                    reply = try await client.send(.put, "/api/v1/\(path)/\(id)", key: key, json: world.body(kind, level: level, version: 1))
                                case .retract:
                                    let id = try await world.create(kind, level: level, client: client)
                                    reply = try await client.send(.post, "/api/v1/\(path)/\(id)/retract", key: key, json: #"{"version":1,"reason":"entered twice"}"#)
                                case .comment:
                                    let id = try await world.create(kind, level: level, client: client)
                                    reply = try await client.send(.post, "/api/v1/\(path)/\(id)/comments", key: key, json: #"{"text":"we saw this too"}"#)
                                case .submit:
                                    let id = try await world.create(kind, level: level, client: client)
                                    reply = try await client.send(.post, "/api/v1/\(path)/\(id)/transitions", key: key, json: #"{"to":"submitted"}"#)
                                case .review:
                                    let id = try await world.create(kind, level: level, client: client)
                                    let submitted = try await client.send(.post, "/api/v1/\(path)/\(id)/transitions", key: world.key(.owner), json: #"{"to":"submitted"}"#)
                                    guard submitted.status == .ok else { failures.append("\(label): could not submit"); continue }
                                    reply = try await client.send(.post, "/api/v1/\(path)/\(id)/transitions", key: key, json: #"{"to":"under_review"}"#)
                                }
                                checked += 1
                                if reply.status != status {
                                    failures.append("\(label): expected \(status.code), got \(reply.status.code) \(reply.text.prefix(200))")
                                }
                                if let appears, appears != visible {
                                    failures.append("\(label): record \(visible ? "missing" : "shown")")
                                }
                                if reply.status == .forbidden, reply.string("code") == nil {
                                    failures.append("\(label): 403 without an error code")
                                }
                            }
                        }
                    }
                }
            }
            #expect(failures.isEmpty, "\(failures.count) of \(checked) cases wrong:\n\(failures.prefix(30).joined(separator: "\n"))")
            #expect(checked == 873, "matrix size changed: \(checked)")
            #expect(try await world.store.verifyAudit().intact)
        }
    }

    @Test("read-only keys read but never write", arguments: TestDatabase.allCases)
    func readOnlyKeys(database: TestDatabase) async throws {
        try await withWorld(database) { world, client in
            let before = try await world.store.auditEntries(limit: 100_000).count
            for kind in RecordKind.allCases {
                let path = World.path(kind)
                let id = try await world.create(kind, level: "agency", client: client)
                let count = try await world.store.auditEntries(limit: 100_000).count
                #expect(try await client.send(.get, "/api/v1/\(path)/\(id)", key: world.readOnlyOwnerKey).status == .ok)
                for (method, uri, body) in [
                    (HTTPRequest.Method.post, "/api/v1/\(path)", world.body(kind, level: "agency")),
                    (.put, "/api/v1/\(path)/\(id)", world.body(kind, level: "agency", version: 1)),
                    (.post, "/api/v1/\(path)/\(id)/retract", #"{"version":1,"reason":"x"}"#),
                ] {
                    let reply = try await client.send(method, uri, key: world.readOnlyOwnerKey, json: body)
                    #expect(reply.status == .forbidden)
                    #expect(reply.string("code") == "read_only_key")
                }
                #expect(try await world.store.auditEntries(limit: 100_000).count == count)
            }
            #expect(try await client.send(.post, "/api/v1/keys", key: world.readOnlyOwnerKey, json: #"{"label":"x"}"#).string("code") == "read_only_key")
            #expect(try await world.store.auditEntries(limit: 100_000).count == before + 3)
        }
    }
}
