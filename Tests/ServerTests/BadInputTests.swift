import Exchange
import ExchangeTestSupport
import Foundation
import HTTPTypes
import NIOCore
import Storage
import Testing

/// Bad input of every kind gets the documented error and changes nothing.
struct BadInputTests {
    /// Counts of records and audit entries, to prove a refused request changed nothing.
    static func snapshot(_ world: World) async throws -> [Int] {
        let owner = Caller(user: world.users[.owner]?[.analyst]?.id ?? UserID(rawValue: ""), userName: "", agency: world.agencies[.owner]?.id ?? AgencyID(rawValue: ""),
                           country: "US", role: .analyst, key: nil, readOnlyKey: false)
        return [
            try await world.store.auditEntries(limit: 100_000).count,
            try await world.store.list(Seizure.self, for: owner, query: RecordQuery(limit: 200)).records.count,
        ]
    }

    static let valid = #"{"distribution":{"level":"partners"},"tlp":"green","date":"2025-03-01","place":{"country":"US"},"substances":[{"name":"fentanyl"}]}"#

    /// (label, body, status, code, field, position)
    static let cases: [(String, String, Int, String, String?, Int?)] = [
        ("malformed JSON", #"{"distribution": {"level": "partners"}, "#, 400, "invalid_json", nil, nil),
        ("not JSON at all", "date=2025-03-01", 400, "invalid_json", nil, nil),
        ("empty body", "", 400, "invalid_json", nil, nil),
        ("array instead of object", "[]", 422, "wrong_type", "$", nil),
        ("wrong type: number as string", valid.replacingOccurrences(of: #""substances""#, with: #""purity_percent":"high","substances""#), 422, "wrong_type", "purity_percent", nil),
        ("wrong type: object as string", valid.replacingOccurrences(of: #""place":{"country":"US"}"#, with: #""place":"US""#), 422, "wrong_type", "place", nil),
        ("unknown top-level field", valid.replacingOccurrences(of: #""tlp":"green""#, with: #""tlp":"green","colour":"red""#), 422, "unknown_field", "colour", nil),
        ("unknown nested field", valid.replacingOccurrences(of: #"{"country":"US"}"#, with: #"{"country":"US","state":"CA"}"#), 422, "unknown_field", "place.state", nil),
        ("invalid SMILES names its column", valid.replacingOccurrences(of: #"{"name":"fentanyl"}"#, with: #"{"name":"x","smiles":"CC(=O)N)C"}"#), 422, "invalid_structure", "substances[0].smiles", 8),
        ("unclosed bracket atom names where it opens", valid.replacingOccurrences(of: #"{"name":"fentanyl"}"#, with: #"{"smiles":"C[NH3+"}"#), 422, "invalid_structure", "substances[0].smiles", 2),
        ("too many bonds names the atom", valid.replacingOccurrences(of: #"{"name":"fentanyl"}"#, with: #"{"name":"x"},{"smiles":"CC(C)(C)(C)(C)C"}"#), 422, "invalid_structure", "substances[1].smiles", 2),
        ("element outside the organic subset", valid.replacingOccurrences(of: #"{"name":"fentanyl"}"#, with: #"{"smiles":"CXC"}"#), 422, "invalid_structure", "substances[0].smiles", 2),
        ("ring never closed", valid.replacingOccurrences(of: #"{"name":"fentanyl"}"#, with: #"{"smiles":"C1CC"}"#), 422, "invalid_structure", "substances[0].smiles", 2),
        ("aromatic ring that cannot be kekulized", valid.replacingOccurrences(of: #"{"name":"fentanyl"}"#, with: #"{"smiles":"c1cccc1"}"#), 422, "invalid_structure", "substances[0].smiles", nil),
        ("a name written after the SMILES", valid.replacingOccurrences(of: #"{"name":"fentanyl"}"#, with: #"{"smiles":"CCO ethanol"}"#), 422, "invalid_structure", "substances[0].smiles", 4),
        ("unknown working group", valid.replacingOccurrences(of: #"{"level":"partners"}"#, with: #"{"level":"working_group","working_group":"nope"}"#), 422, "unknown_reference", "distribution.working_group", nil),
        ("unknown linked case", valid.replacingOccurrences(of: #""tlp":"green""#, with: #""tlp":"green","case_id":"00000000-0000-0000-0000-000000000000""#), 422, "unknown_reference", "case_id", nil),
        ("TLP:RED to partners", valid.replacingOccurrences(of: #""tlp":"green""#, with: #""tlp":"red""#), 422, "tlp_distribution_conflict", "tlp", nil),
        ("too long field", valid.replacingOccurrences(of: #""tlp":"green""#, with: #""tlp":"green","notes":"\#(String(repeating: "n", count: 20_001))""#), 422, "too_long", "notes", nil),
        ("NUL in text", valid.replacingOccurrences(of: #""name":"fentanyl""#, with: #""name":"fen\u0000tanyl""#), 422, "invalid_text", "substances[0].name", nil),
        ("negative quantity", valid.replacingOccurrences(of: #""tlp":"green""#, with: #""tlp":"green","quantity":{"amount":-1,"unit":"g"}"#), 422, "out_of_range", "quantity.amount", nil),
        ("fractional tablets", valid.replacingOccurrences(of: #""tlp":"green""#, with: #""tlp":"green","quantity":{"amount":1.5,"unit":"tablets"}"#), 422, "invalid_value", "quantity.amount", nil),
    ]

    @Test("bad bodies get the documented error and change nothing", arguments: TestDatabase.allCases)
    func badBodies(database: TestDatabase) async throws {
        try await withWorld(database) { world, client in
            let before = try await Self.snapshot(world)
            for (label, body, status, code, field, position) in Self.cases {
                let reply = try await client.send(.post, "/api/v1/seizures", key: world.key(.owner), json: body)
                #expect(Int(reply.status.code) == status, "\(label): \(reply.text.prefix(300))")
                #expect(reply.string("code") == code, "\(label)")
                #expect(reply.string("field") == field, "\(label)")
                if let position { #expect(reply["position"] == .number(Double(position)), "\(label)") }
                #expect(!(reply.string("message") ?? "").isEmpty, "\(label)")
            }
            #expect(try await Self.snapshot(world) == before)
        }
    }

    @Test("huge bodies are refused before parsing", arguments: TestDatabase.allCases)
    func hugeBody(database: TestDatabase) async throws {
        try await withWorld(database) { world, client in
            let before = try await Self.snapshot(world)
            let huge = #"{"notes":""# + String(repeating: "x", count: 2 << 20) + #""}"#
            let reply = try await client.send(.post, "/api/v1/seizures", key: world.key(.owner), json: huge)
            #expect(reply.status == .contentTooLarge)
            #expect(reply.string("code") == "body_too_large")
            let wrongType = try await client.send(.post, "/api/v1/seizures", key: world.key(.owner), json: Self.valid, contentType: "text/plain")
            #expect(wrongType.status == .badRequest)
            #expect(wrongType.string("field") == "Content-Type")
            #expect(try await Self.snapshot(world) == before)
        }
    }

    @Test("missing, malformed, unknown, expired and revoked keys are refused", arguments: TestDatabase.allCases)
    func badKeys(database: TestDatabase) async throws {
        try await withWorld(database) { world, client in
            let before = try await Self.snapshot(world)
            let cases: [(String?, String)] = [
                (nil, "missing_key"),
                ("not-a-key", "invalid_key"),
                ("acc_0123456789abcdef_" + String(repeating: "A", count: 43), "invalid_key"),
                (world.expiredOwnerKey, "key_expired"),
                (world.revokedOwnerKey, "key_revoked"),
            ]
            for (key, code) in cases {
                for (method, uri) in [(HTTPRequest.Method.get, "/api/v1/seizures"), (.post, "/api/v1/seizures")] {
                    let reply = try await client.send(method, uri, key: key, json: method == .post ? Self.valid : nil)
                    #expect(reply.status == .unauthorized, "\(code)")
                    #expect(reply.string("code") == code)
                    #expect(reply.string("field") == "Authorization")
                    #expect(reply.headers[.wwwAuthenticate] != nil)
                }
            }
            #expect(try await Self.snapshot(world) == before)
        }
    }

    @Test("SQL metacharacters in bodies and query parameters are stored verbatim and harmless", arguments: TestDatabase.allCases)
    func sqlMetacharacters(database: TestDatabase) async throws {
        try await withWorld(database) { world, client in
            let nasty = #"'; DROP TABLE records; -- \" OR 1=1 %_"#
            let escaped = nasty.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            let body = Self.valid.replacingOccurrences(of: #""name":"fentanyl""#, with: #""name":"\#(escaped)""#)
                .replacingOccurrences(of: #"{"country":"US"}"#, with: #"{"country":"US","city":"\#(escaped)"}"#)
            let created = try await client.send(.post, "/api/v1/seizures", key: world.key(.owner), json: body)
            #expect(created.status == .created)
            let id = created.string("id") ?? ""
            let fetched = try await client.send(.get, "/api/v1/seizures/\(id)", key: world.key(.owner))
            if case .object(let place) = fetched["place"] { #expect(place["city"] == .string(nasty)) } else { Issue.record("no place") }
            let query = nasty.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            let found = try await client.send(.get, "/api/v1/seizures?substance=\(query)", key: world.key(.owner))
            #expect(found.itemIDs == [id])
            let none = try await client.send(.get, "/api/v1/seizures?substance=%27%20OR%20%271%27%3D%271", key: world.key(.owner))
            #expect(none.status == .ok)
            #expect(none.itemIDs.isEmpty)
            let all = try await client.send(.get, "/api/v1/seizures", key: world.key(.owner))
            #expect(all.itemIDs == [id])
            #expect(try await world.store.verifyAudit().intact)
        }
    }

    @Test("bad query parameters and paths are refused by name", arguments: [TestDatabase.sqlite])
    func badParameters(database: TestDatabase) async throws {
        try await withWorld(database) { world, client in
            let key = world.key(.owner)
            let cases: [(String, Int, String, String?)] = [
                ("/api/v1/seizures?limit=0", 400, "out_of_range", "limit"),
                ("/api/v1/seizures?limit=201", 400, "out_of_range", "limit"),
                ("/api/v1/seizures?limit=ten", 400, "out_of_range", "limit"),
                ("/api/v1/seizures?cursor=garbage", 400, "invalid_cursor", "cursor"),
                ("/api/v1/seizures?from=2025-13-01", 400, "invalid_value", "from"),
                ("/api/v1/seizures?from=2025-03-01&to=2025-01-01", 400, "invalid_range", "from"),
                ("/api/v1/seizures?country=usa", 400, "too_long", "country"),
                ("/api/v1/seizures?sort=date", 400, "unknown_parameter", "sort"),
                ("/api/v1/seizures?limit=1&limit=2", 400, "repeated_parameter", "limit"),
                ("/api/v1/seizures/not-a-uuid", 404, "not_found", "id"),
                ("/api/v1/seizures/00000000-0000-0000-0000-000000000000", 404, "not_found", "id"),
                ("/api/v1/access/explain", 400, "missing_parameter", "record"),
                ("/api/v1/access/explain?record=00000000-0000-0000-0000-000000000000&action=fly", 400, "invalid_value", "action"),
                ("/api/v1/nowhere", 404, "no_route", nil),
            ]
            for (uri, status, code, field) in cases {
                let reply = try await client.send(.get, uri, key: key)
                #expect(Int(reply.status.code) == status, "\(uri): \(reply.text)")
                #expect(reply.string("code") == code, "\(uri)")
                #expect(reply.string("field") == field, "\(uri)")
            }
        }
    }
}
