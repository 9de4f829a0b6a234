import Exchange
import ExchangeTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import Server
import Storage
import Testing

/// The committed OpenAPI document and the implementation describe the same API: the same routes, and
/// responses that validate against the documented schemas.
struct OpenAPITests {
    static func document() throws -> JSONValue { try JSONValue.parse(try OpenAPIDocument.data()) }

    static func object(_ value: JSONValue?) -> [String: JSONValue] {
        if case .object(let fields) = value { return fields }
        return [:]
    }

    @Test func everyRouteIsDocumentedAndEveryDocumentedRouteExists() async throws {
        let location = try await TestDatabase.sqlite.makeLocation()
        let store = try await ExchangeStore.open(location)
        let service = ExchangeService(store: store, validator: ChemistryStructureValidator(), classifier: TableClassifier.standard, searcher: try ChemistryStructureSearcher(), bcryptCost: 4)
        let implemented = Set(service.makeRouter().routes.map { "\($0.method.rawValue) \($0.path.description)" })
        await store.close()
        await TestDatabase.discard(location)
        var documented = Set<String>()
        for (path, operations) in Self.object(Self.object(try Self.document())["paths"]) {
            for method in Self.object(operations).keys { documented.insert("\(method.uppercased()) \(path)") }
        }
        #expect(implemented.subtracting(documented).sorted() == [], "routes missing from openapi.json")
        #expect(documented.subtracting(implemented).sorted() == [], "documented routes that do not exist")
        #expect(implemented.count == 33)
    }

    @Test func theServedDocumentIsTheCommittedOne() async throws {
        try await withWorld(.sqlite) { world, client in
            let reply = try await client.send(.get, "/api/v1/openapi.json")
            #expect(reply.status == .ok)
            #expect(reply.json == (try Self.document()))
            #expect(Self.object(reply.json)["openapi"] == .string("3.1.0"))
        }
    }

    @Test func theValidatorCatchesMismatches() throws {
        let validator = SchemaValidator(document: try Self.document())
        let error = JSONValue.object(["code": .string("x"), "message": .string("y")])
        #expect(validator.validate(error, .object(["$ref": .string("#/components/schemas/Error")]), at: "$").isEmpty)
        let extra = JSONValue.object(["code": .string("x"), "message": .string("y"), "hint": .string("z")])
        #expect(validator.validate(extra, .object(["$ref": .string("#/components/schemas/Error")]), at: "$") == ["$.hint: not in the schema"])
        let missing = JSONValue.object(["code": .string("x")])
        #expect(validator.validate(missing, .object(["$ref": .string("#/components/schemas/Error")]), at: "$") == ["$.message: required but missing"])
        let wrongEnum = JSONValue.object(["level": .string("everyone")])
        #expect(validator.validate(wrongEnum, .object(["$ref": .string("#/components/schemas/Distribution")]), at: "$").count == 1)
        #expect(validator.validate(.number(1.5), .object(["type": .string("integer")]), at: "$").count == 1)
    }

    @Test("responses validate against the documented schemas", arguments: [TestDatabase.sqlite])
    func responsesMatchSchemas(database: TestDatabase) async throws {
        let validator = SchemaValidator(document: try Self.document())
        try await withWorld(database) { world, client in
            var checked = 0
            func check(_ method: HTTPRequest.Method, _ template: String, _ uri: String, key: String? = nil, json: String? = nil) async throws -> Reply {
                let reply = try await client.send(method, uri, key: key, json: json)
                let problems = validator.check(reply, method: method.rawValue.lowercased(), path: template)
                #expect(problems.isEmpty, "\(method) \(uri) \(reply.status.code): \(problems.prefix(5))")
                checked += 1
                return reply
            }
            let owner = world.key(.owner), admin = world.key(.owner, .administrator)
            _ = try await check(.get, "/api/v1/health", "/api/v1/health")
            _ = try await check(.get, "/api/v1/me", "/api/v1/me", key: owner)
            _ = try await check(.get, "/api/v1/agencies", "/api/v1/agencies", key: owner)
            _ = try await check(.get, "/api/v1/working-groups", "/api/v1/working-groups", key: owner)
            _ = try await check(.get, "/api/v1/users", "/api/v1/users", key: admin)
            _ = try await check(.get, "/api/v1/users", "/api/v1/users", key: owner)
            _ = try await check(.post, "/api/v1/users", "/api/v1/users", key: admin, json: #"{"name":"pw-user","role":"analyst","password":"a long enough password"}"#)
            _ = try await check(.post, "/api/v1/auth/token", "/api/v1/auth/token", json: #"{"agency":"agency-owner","user":"pw-user","password":"a long enough password"}"#)
            _ = try await check(.post, "/api/v1/auth/token", "/api/v1/auth/token", json: #"{"agency":"agency-owner","user":"pw-user","password":"wrong password!"}"#)
            let key = try await check(.post, "/api/v1/keys", "/api/v1/keys", key: owner, json: #"{"label":"x","expires_in_days":2}"#)
            _ = try await check(.get, "/api/v1/keys", "/api/v1/keys", key: owner)
            let keyID = Self.object(key["key"])["id"].flatMap { if case .string(let s) = $0 { s } else { nil } } ?? ""
            _ = try await check(.post, "/api/v1/keys/{id}/revoke", "/api/v1/keys/\(keyID)/revoke", key: owner)
            _ = try await check(.post, "/api/v1/keys/{id}/revoke", "/api/v1/keys/\(keyID)/revoke", key: owner)

            for kind in RecordKind.allCases {
                let path = World.path(kind)
                let created = try await check(.post, "/api/v1/\(path)", "/api/v1/\(path)", key: owner, json: world.body(kind, level: "partners"))
                let id = created.string("id") ?? ""
                _ = try await check(.post, "/api/v1/\(path)", "/api/v1/\(path)", key: owner, json: #"{"tlp":"amber"}"#)
                _ = try await check(.get, "/api/v1/\(path)", "/api/v1/\(path)?limit=1", key: owner)
                _ = try await check(.get, "/api/v1/\(path)/{id}", "/api/v1/\(path)/\(id)", key: world.key(.partner))
                _ = try await check(.get, "/api/v1/\(path)/{id}", "/api/v1/\(path)/\(id)", key: world.key(.stranger))
                _ = try await check(.put, "/api/v1/\(path)/{id}", "/api/v1/\(path)/\(id)", key: owner, json: world.body(kind, level: "partners", version: 1))
                _ = try await check(.put, "/api/v1/\(path)/{id}", "/api/v1/\(path)/\(id)", key: owner, json: world.body(kind, level: "partners", version: 1))
                if kind == .proposal {
                    _ = try await check(.post, "/api/v1/proposals/{id}/comments", "/api/v1/proposals/\(id)/comments", key: world.key(.partner), json: #"{"text":"noted"}"#)
                    _ = try await check(.post, "/api/v1/proposals/{id}/transitions", "/api/v1/proposals/\(id)/transitions", key: owner, json: #"{"to":"submitted"}"#)
                    _ = try await check(.post, "/api/v1/proposals/{id}/transitions", "/api/v1/proposals/\(id)/transitions", key: owner, json: #"{"to":"accepted"}"#)
                }
                _ = try await check(.get, "/api/v1/access/explain", "/api/v1/access/explain?record=\(id)", key: world.key(.stranger))
                _ = try await check(.get, "/api/v1/audit", "/api/v1/audit?record=\(id)", key: owner)
                _ = try await check(.post, "/api/v1/\(path)/{id}/retract", "/api/v1/\(path)/\(id)/retract", key: owner, json: #"{"version":\#(kind == .proposal ? 4 : 2),"reason":"test"}"#)
                _ = try await check(.post, "/api/v1/\(path)/{id}/retract", "/api/v1/\(path)/\(id)/retract", key: owner, json: #"{"version":9,"reason":"test"}"#)
            }
            _ = try await check(.post, "/api/v1/search/structure", "/api/v1/search/structure", key: owner, json: #"{"smarts":"CCC"}"#)
            _ = try await check(.post, "/api/v1/search/structure", "/api/v1/search/structure", key: owner, json: #"{"similar_to":"C)"}"#)
            _ = try await check(.get, "/api/v1/seizures", "/api/v1/seizures?limit=0", key: owner)
            _ = try await check(.get, "/api/v1/me", "/api/v1/me", key: world.revokedOwnerKey)

            try await SurveillanceEndpointTests.importNFLIS(world.store)
            let series = "/api/v1/surveillance/series", alerts = "/api/v1/surveillance/alerts"
            _ = try await check(.get, series, "\(series)?source=nflis&class=fentanyl-related%20substances", key: owner)
            _ = try await check(.get, series, "\(series)?source=exchange&measure=seizure_grams", key: world.key(.partner))
            _ = try await check(.get, series, "\(series)?status=unknown&jurisdiction=CN", key: world.key(.stranger))
            _ = try await check(.get, series, "\(series)?from=2020&to=2020-03", key: owner)
            _ = try await check(.get, series, series)
            let page = try await check(.get, alerts, "\(alerts)?include_data_start=true&limit=200", key: owner)
            #expect(page.items.count >= 5)
            _ = try await check(.get, alerts, "\(alerts)?kind=rising&method=ears-c1&parameters=baseline%3D3%3BminSigma%3D0.5&min_count=0", key: owner)
            _ = try await check(.get, alerts, "\(alerts)?method=shewhart", key: owner)
            _ = try await check(.get, alerts, alerts, key: world.expiredOwnerKey)
            #expect(checked == 62)
        }
    }
}

/// Checks JSON values against the subset of JSON Schema the document uses: $ref, type (one or several),
/// properties, required, additionalProperties, items, enum, minimum and maximum.
struct SchemaValidator {
    let document: JSONValue

    func check(_ reply: Reply, method: String, path: String) -> [String] {
        let operation = OpenAPITests.object(OpenAPITests.object(OpenAPITests.object(OpenAPITests.object(document)["paths"])[path])[method])
        guard !operation.isEmpty else { return ["\(method) \(path) is not documented"] }
        let responses = OpenAPITests.object(operation["responses"])
        guard let response = responses[String(reply.status.code)] else { return ["status \(reply.status.code) is not documented"] }
        let schema = OpenAPITests.object(OpenAPITests.object(OpenAPITests.object(response)["content"])["application/json"])["schema"]
        guard let schema, let json = reply.json else { return reply.json == nil ? ["response is not JSON"] : [] }
        return validate(json, schema, at: "$")
    }

    func resolve(_ schema: JSONValue) -> JSONValue {
        if case .string(let reference) = OpenAPITests.object(schema)["$ref"] {
            let name = String(reference.split(separator: "/").last ?? "")
            return OpenAPITests.object(OpenAPITests.object(OpenAPITests.object(document)["components"])["schemas"])[name] ?? .null
        }
        return schema
    }

    func validate(_ value: JSONValue, _ rawSchema: JSONValue, at path: String) -> [String] {
        let schema = OpenAPITests.object(resolve(rawSchema))
        var problems: [String] = []
        var types: [String] = []
        switch schema["type"] {
        case .string(let t): types = [t]
        case .array(let ts): types = ts.compactMap { if case .string(let t) = $0 { t } else { nil } }
        default: break
        }
        if !types.isEmpty && !types.contains(where: { matches(value, $0) }) {
            return ["\(path): expected \(types.joined(separator: "|")), got \(value.typeName)"]
        }
        if case .array(let options) = schema["enum"], !options.contains(value) {
            problems.append("\(path): \(value) is not one of the enum values")
        }
        if case .number(let n) = value {
            if case .number(let min) = schema["minimum"], n < min { problems.append("\(path): below minimum") }
            if case .number(let max) = schema["maximum"], n > max { problems.append("\(path): above maximum") }
        }
        if case .object(let fields) = value {
            let properties = OpenAPITests.object(schema["properties"])
            if case .array(let required) = schema["required"] {
                for case .string(let name) in required where fields[name] == nil { problems.append("\(path).\(name): required but missing") }
            }
            for (name, field) in fields {
                if let propertySchema = properties[name] {
                    problems += validate(field, propertySchema, at: "\(path).\(name)")
                } else if schema["additionalProperties"] == .bool(false) {
                    problems.append("\(path).\(name): not in the schema")
                }
            }
        }
        if case .array(let items) = value, let itemSchema = schema["items"] {
            for (index, item) in items.enumerated() { problems += validate(item, itemSchema, at: "\(path)[\(index)]") }
        }
        return problems
    }

    func matches(_ value: JSONValue, _ type: String) -> Bool {
        switch (type, value) {
        case ("string", .string), ("boolean", .bool), ("number", .number), ("object", .object), ("array", .array), ("null", .null): true
        case ("integer", .number(let n)): n.rounded() == n
        default: false
        }
    }
}
