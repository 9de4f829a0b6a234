import Exchange
import ExchangeTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Law
import NIOCore
import Server
import Storage
import Surveillance
import Testing

/// A decoded response: status, JSON body (if any) and raw text.
struct Reply: Sendable {
    let status: HTTPResponse.Status
    let json: JSONValue?
    let text: String
    let headers: HTTPFields

    subscript(_ key: String) -> JSONValue? {
        if case .object(let fields) = json { return fields[key] }
        return nil
    }

    func string(_ key: String) -> String? {
        if case .string(let text) = self[key] { return text }
        return nil
    }

    var items: [JSONValue] {
        if case .array(let items) = self["items"] { return items }
        return []
    }

    var itemIDs: [String] {
        items.compactMap { if case .object(let f) = $0, case .string(let id) = f["id"] { id } else { nil } }
    }
}

/// Sends requests to the server in-process (Hummingbird's router test mode: no sockets).
struct Client: Sendable {
    let client: any TestClientProtocol

    @discardableResult
    func send(_ method: HTTPRequest.Method, _ uri: String, key: String? = nil, json: String? = nil, rawBody: ByteBuffer? = nil,
              contentType: String = "application/json") async throws -> Reply {
        var headers: HTTPFields = [:]
        if let key { headers[.authorization] = "Bearer \(key)" }
        var body = rawBody
        if let json { body = ByteBuffer(string: json) }
        if body != nil { headers[.contentType] = contentType }
        return try await client.execute(uri: uri, method: method, headers: headers, body: body) { response in
            let text = String(buffer: response.body)
            let json = text.isEmpty ? nil : try? JSONValue.parse(Data(text.utf8))
            return Reply(status: response.status, json: json, text: text, headers: response.headers)
        }
    }
}

/// Agencies, users and keys for server tests:
/// - `owner` (US) owns the records,
/// - `partner` (CN) is the owner's partner but not in the working group,
/// - `member` (MX) is in the working group with the owner but not a partner,
/// - `stranger` (GB) has no relation.
/// Each agency has one user per role, each with a read-write key; plus read-only, expired and revoked keys.
struct World: Sendable {
    enum Relation: String, CaseIterable, Sendable { case owner, partner, member, stranger }

    let store: ExchangeStore
    let service: ExchangeService
    let agencies: [Relation: Agency]
    let keys: [Relation: [Role: String]]
    let users: [Relation: [Role: User]]
    let group: WorkingGroup
    let readOnlyOwnerKey: String
    let expiredOwnerKey: String
    let revokedOwnerKey: String

    static let countries: [Relation: String] = [.owner: "US", .partner: "CN", .member: "MX", .stranger: "GB"]

    static func make(_ store: ExchangeStore) async throws -> World {
        var agencies: [Relation: Agency] = [:]
        var keys: [Relation: [Role: String]] = [:]
        var users: [Relation: [Role: User]] = [:]
        for relation in Relation.allCases {
            let agency = try await store.createAgency(name: "agency-\(relation)", country: countries[relation] ?? "ZZ", actor: .operator)
            agencies[relation] = agency
            for role in Role.allCases {
                let user = try await store.createUser(agency: agency.id, name: "\(relation)-\(role)", role: role, passwordHash: nil, actor: .operator)
                users[relation, default: [:]][role] = user
                let issued = APIKeyToken.issue(user: user.id, label: "test", readOnly: false, now: .now(), expiresAt: nil)
                try await store.addKey(issued.key, actor: .operator)
                keys[relation, default: [:]][role] = issued.token
            }
        }
        guard let owner = agencies[.owner], let partner = agencies[.partner], let member = agencies[.member],
              let ownerAnalyst = users[.owner]?[.analyst] else { throw ExchangeError(.internal, code: "setup", "world setup failed") }
        try await store.addPartnership(owner.id, partner.id, actor: .operator)
        let group = try await store.createWorkingGroup(name: "Synthetic opioids WG", members: [owner.id, member.id], actor: .operator)
        let now = Timestamp.now()
        let readOnly = APIKeyToken.issue(user: ownerAnalyst.id, label: "ro", readOnly: true, now: now, expiresAt: nil)
        let expired = APIKeyToken.issue(user: ownerAnalyst.id, label: "old", readOnly: false, now: now.adding(seconds: -7200), expiresAt: now.adding(seconds: -3600))
        let revoked = APIKeyToken.issue(user: ownerAnalyst.id, label: "lost", readOnly: false, now: now, expiresAt: nil)
        for key in [readOnly, expired, revoked] { try await store.addKey(key.key, actor: .operator) }
        _ = try await store.revokeKey(revoked.key.id, actor: .operator)
        let service = ExchangeService(store: store, validator: ChemistryStructureValidator(), classifier: TableClassifier.standard,
                                      searcher: try ChemistryStructureSearcher(), surveillance: try LawFixture.mapping(), bcryptCost: 4)
        return World(store: store, service: service, agencies: agencies, keys: keys, users: users, group: group,
                     readOnlyOwnerKey: readOnly.token, expiredOwnerKey: expired.token, revokedOwnerKey: revoked.token)
    }

    func key(_ relation: Relation, _ role: Role = .analyst) -> String { keys[relation]?[role] ?? "" }

    /// Runs `body` against the in-process server.
    func withClient<T: Sendable>(_ body: @Sendable (Client) async throws -> T) async throws -> T {
        let app = Application(router: service.makeRouter())
        return try await app.test(.router) { client in try await body(Client(client: client)) }
    }

    func distributionJSON(_ level: String) -> String {
        level == "working_group" ? #"{"level":"working_group","working_group":"\#(group.id)"}"# : #"{"level":"\#(level)"}"#
    }

    /// A creation body for each record kind.
    func body(_ kind: RecordKind, level: String, version: Int? = nil, extra: String = "") -> String {
        let v = version.map { #""version":\#($0),"# } ?? ""
        switch kind {
        case .seizure:
            return #"{\#(v)"distribution":\#(distributionJSON(level)),"tlp":"amber","date":"2025-03-01","place":{"country":"US","region":"CA","city":"San Diego"},"substances":[{"name":"fentanyl","smiles":"CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1"}],"quantity":{"amount":2.5,"unit":"kg"}\#(extra)}"#
        case .jointCase:
            return #"{\#(v)"distribution":\#(distributionJSON(level)),"tlp":"amber","title":"Operation Test","participating_agencies":[],"status":"open"\#(extra)}"#
        case .proposal:
            return #"{\#(v)"distribution":\#(distributionJSON(level)),"tlp":"amber","substance":{"name":"para-fluorofentanyl","smiles":"CCC(=O)N(c1ccc(F)cc1)C1CCN(CCc2ccccc2)CC1"},"jurisdiction":"CN","rationale":"seen in seizures"\#(extra)}"#
        }
    }

    static func path(_ kind: RecordKind) -> String {
        switch kind {
        case .seizure: "seizures"
        case .jointCase: "cases"
        case .proposal: "proposals"
        }
    }

    /// Creates a record as the owner's analyst through the API and returns its id.
    func create(_ kind: RecordKind, level: String, client: Client) async throws -> String {
        let reply = try await client.send(.post, "/api/v1/\(Self.path(kind))", key: key(.owner), json: body(kind, level: level))
        guard reply.status == .created, let id = reply.string("id") else {
            throw ExchangeError(.internal, code: "setup", "create \(kind) failed: \(reply.status) \(reply.text)")
        }
        return id
    }
}

/// Runs a server test on each database, failing loudly when one is not available.
func withWorld<T: Sendable>(_ database: TestDatabase, _ body: @Sendable (World, Client) async throws -> T) async throws {
    if let reason = database.unavailableReason {
        Issue.record(Comment(rawValue: reason))
        return
    }
    _ = try await database.withStore { store in
        let world = try await World.make(store)
        return try await world.withClient { client in try await body(world, client) }
    }
}

/// The law knowledge base shipped with the Law module, loaded once for every server test.
enum LawFixture {
    static let loaded: Result<LawMapping, LawMappingError> = Result { () throws(LawMappingError) in try LawMapping.bundled() }

    static func mapping() throws(LawMappingError) -> LawMapping { try loaded.get() }
}
