import Exchange
import ExchangeTestSupport
import Foundation
import HTTPTypes
import SQLKit
import Server
@testable import Storage
import Testing

/// Structure search through the API with the chemistry core wired in: hits and match counts agree with RDKit
/// (Tests/ServerTests/Resources/structure_search.tsv, from scripts/reference/make_exchange_search_reference.py)
/// for every caller's view, a partner never finds a structure not shared with it, pages follow cursors, and
/// bad queries are refused naming the parameter and column.
struct StructureSearchTests {
    /// RDKit's answers over the knowledge base's structures.
    struct Reference: Sendable {
        var molecules: [(smiles: String, canonical: String)] = []
        var smarts: [(pattern: String, counts: [Int: Int])] = []
        var similar: [(query: String, similarities: [Int: Double])] = []
    }

    static let reference: Reference = {
        var reference = Reference()
        guard let url = Bundle.module.url(forResource: "structure_search", withExtension: "tsv", subdirectory: "Resources"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return reference }
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 3 else { continue }
            func pairs<V>(_ parse: (Substring) -> V?) -> [Int: V] {
                var result: [Int: V] = [:]
                for item in fields[2].split(separator: " ") {
                    let parts = item.split(separator: ":")
                    if parts.count == 2, let index = Int(parts[0]), let value = parse(parts[1]) { result[index] = value }
                }
                return result
            }
            switch fields[0] {
            case "molecule" where fields.count == 4: reference.molecules.append((fields[2], fields[3]))
            case "smarts": reference.smarts.append((fields[1], pairs { Int($0) }))
            case "similar": reference.similar.append((fields[1], pairs { Double($0) }))
            default: break
            }
        }
        return reference
    }()

    /// Who sees molecule `index`: the owner always; the partner the `partners` ones; the working-group member
    /// the `working_group` ones; the stranger none.
    static func level(_ index: Int) -> String { ["partners", "working_group", "agency"][index % 3] }

    static func visible(_ index: Int, to relation: World.Relation) -> Bool {
        switch relation {
        case .owner: true
        case .partner: level(index) == "partners"
        case .member: level(index) == "working_group"
        case .stranger: false
        }
    }

    /// Stores every reference molecule as a seizure of the owner and returns record id -> molecule index.
    /// With `canonicalMismatches`, also collects the molecules whose stored canonical SMILES is not RDKit's.
    static func seed(_ world: World, _ client: Client, canonicalMismatches: (@Sendable (String) -> Void)? = nil) async throws -> [String: Int] {
        var ids: [String: Int] = [:]
        for (index, molecule) in reference.molecules.enumerated() {
            let body = #"{"distribution":\#(world.distributionJSON(level(index))),"tlp":"amber","date":"2025-03-01","place":{"country":"US"},"substances":[{"smiles":\#(quoted(molecule.smiles))}]}"#
            let reply = try await client.send(.post, "/api/v1/seizures", key: world.key(.owner), json: body)
            guard reply.status == .created, let id = reply.string("id") else {
                throw ExchangeError(.internal, code: "setup", "seizure \(index) not stored: \(reply.text)")
            }
            ids[id] = index
            if let canonicalMismatches, case .array(let substances) = reply["substances"], case .object(let substance) = substances.first,
               case .object(let structure) = substance["structure"] {
                // Canonical means the same string from any way of writing the molecule: RDKit's canonical SMILES
                // read by our reader must give back what was stored for the recorded SMILES.
                let fromRDKit = try? ChemistryStructureValidator().check(smiles: molecule.canonical).canonicalSmiles
                if structure["canonical_smiles"] != fromRDKit.map(JSONValue.string) || structure["standardized_smiles"] != structure["canonical_smiles"]
                    || structure["standardization"] != .array([]) {
                    canonicalMismatches("\(molecule.smiles): \(structure) (from RDKit's \(molecule.canonical): \(fromRDKit ?? "unreadable"))")
                }
            }
        }
        return ids
    }

    /// Every page of a search, following `next_cursor`.
    static func allPages(_ client: Client, key: String, _ query: String, limit: Int) async throws -> (pages: [Reply], items: [[String: JSONValue]]) {
        var pages: [Reply] = []
        var items: [[String: JSONValue]] = []
        var cursor: String?
        repeat {
            let cursorField = cursor.map { #","cursor":"\#($0)""# } ?? ""
            let reply = try await client.send(.post, "/api/v1/search/structure", key: key, json: "{\(query),\"limit\":\(limit)\(cursorField)}")
            guard reply.status == .ok else { throw ExchangeError(.internal, code: "search", "\(query): \(reply.status) \(reply.text)") }
            pages.append(reply)
            for item in reply.items { if case .object(let fields) = item { items.append(fields) } }
            cursor = reply.string("next_cursor")
        } while cursor != nil && pages.count < 1000
        return (pages, items)
    }

    /// `text` as a JSON string literal (SMILES may hold backslashes).
    static func quoted(_ text: String) -> String {
        (try? JSONEncoder().encode(text)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
    }

    static func string(_ fields: [String: JSONValue], _ key: String) -> String? {
        if case .string(let text) = fields[key] { return text }
        return nil
    }

    /// The record ids of a page of hits.
    static func records(_ reply: Reply) -> [String] {
        reply.items.compactMap { if case .object(let fields) = $0 { string(fields, "record") } else { nil } }
    }

    static func number(_ fields: [String: JSONValue], _ key: String) -> Double? {
        if case .number(let value) = fields[key] { return value }
        return nil
    }

    @Test("the reference data is there")
    func referenceLoads() {
        #expect(Self.reference.molecules.count == 121)
        #expect(Self.reference.smarts.count == 10)
        #expect(Self.reference.similar.count == 4)
    }

    @Test("substructure hits and match counts agree with RDKit in every caller's view", arguments: TestDatabase.allCases)
    func substructureAgreesWithRDKit(database: TestDatabase) async throws {
        try await withWorld(database) { world, client in
            let mismatches = Mismatches()
            let ids = try await Self.seed(world, client) { mismatches.add($0) }
            // Stored canonical SMILES do not depend on how the molecule was written, and standardization leaves
            // these single neutral molecules alone.
            #expect(mismatches.items.isEmpty, "\(mismatches.items.prefix(5))")
            for relation in World.Relation.allCases {
                let visibleCount = Self.reference.molecules.indices.filter { Self.visible($0, to: relation) }.count
                for (pattern, counts) in Self.reference.smarts {
                    let (pages, items) = try await Self.allPages(client, key: world.key(relation), #""smarts":\#(Self.quoted(pattern))"#, limit: 200)
                    let expected = counts.filter { Self.visible($0.key, to: relation) }
                    var found: [Int: Int] = [:]
                    for item in items {
                        guard let id = Self.string(item, "record"), let index = ids[id] else {
                            Issue.record("\(relation) \(pattern): a hit outside the seeded records: \(item)"); continue
                        }
                        found[index] = Int(Self.number(item, "match_count") ?? -1)
                    }
                    #expect(found == expected, "\(relation) \(pattern)")
                    #expect(pages.first?["searched"] == .number(Double(visibleCount)))
                    #expect(pages.first?["matched"] == .number(Double(expected.count)))
                    if case .number(let screened) = pages.first?["screened"] {
                        #expect(Int(screened) >= expected.count && Int(screened) <= visibleCount, "\(pattern)")
                    } else {
                        Issue.record("no screened count for \(pattern)")
                    }
                    // Newest seizure first: molecule indices were stored in order.
                    let order = items.compactMap { Self.string($0, "record").flatMap { ids[$0] } }
                    #expect(order == order.sorted(by: >), "\(relation) \(pattern)")
                }
            }
        }
    }

    @Test("similarity hits are RDKit's Morgan Tanimoto values, most similar first, with threshold and top", arguments: TestDatabase.allCases)
    func similarityAgreesWithRDKit(database: TestDatabase) async throws {
        try await withWorld(database) { world, client in
            let ids = try await Self.seed(world, client)
            for relation in [World.Relation.owner, .partner] {
                for (query, similarities) in Self.reference.similar {
                    let (_, items) = try await Self.allPages(client, key: world.key(relation), #""similar_to":\#(Self.quoted(query)),"threshold":0.2"#, limit: 200)
                    var found: [Int: Double] = [:]
                    for item in items {
                        guard let id = Self.string(item, "record"), let index = ids[id], let similarity = Self.number(item, "similarity") else {
                            Issue.record("bad hit \(item)"); continue
                        }
                        found[index] = similarity
                    }
                    #expect(found == similarities.filter { Self.visible($0.key, to: relation) }, "\(relation) \(query)")
                    let values = items.compactMap { Self.number($0, "similarity") }
                    #expect(values == values.sorted(by: >))
                    let top = try await client.send(.post, "/api/v1/search/structure", key: world.key(relation), json: #"{"similar_to":\#(Self.quoted(query)),"threshold":0.2,"top":3}"#)
                    #expect(top.items.count == min(3, items.count))
                    #expect(top["matched"] == .number(Double(min(3, items.count))))
                    #expect(Array(Self.records(top)) == Array(items.prefix(3).compactMap { Self.string($0, "record") }))
                }
            }
            // The default threshold is 0.7.
            let fentanyl = Self.reference.similar[0]
            let defaulted = try await client.send(.post, "/api/v1/search/structure", key: world.key(.owner), json: #"{"similar_to":\#(Self.quoted(fentanyl.query)),"limit":200}"#)
            #expect(defaulted["matched"] == .number(Double(fentanyl.similarities.values.filter { $0 >= 0.7 }.count)))
        }
    }

    @Test("pages follow cursors without repeats, even when seizures arrive between pages", arguments: TestDatabase.allCases)
    func pagination(database: TestDatabase) async throws {
        try await withWorld(database) { world, client in
            let ids = try await Self.seed(world, client)
            let benzene = Self.reference.smarts.first { $0.pattern == "c1ccccc1" }?.counts ?? [:]
            let (pages, items) = try await Self.allPages(client, key: world.key(.owner), #""smarts":"c1ccccc1""#, limit: 7)
            #expect(pages.count == (benzene.count + 6) / 7)
            #expect(pages.last?["next_cursor"] == .null)
            let seen = items.compactMap { Self.string($0, "record") }
            #expect(Set(seen).count == seen.count)
            #expect(Set(seen.compactMap { ids[$0] }) == Set(benzene.keys))

            // A seizure stored between two pages does not shift the pages after the cursor.
            let first = try await client.send(.post, "/api/v1/search/structure", key: world.key(.owner), json: #"{"smarts":"c1ccccc1","limit":5}"#)
            let cursor = first.string("next_cursor") ?? ""
            _ = try await world.create(.seizure, level: "partners", client: client)
            let second = try await client.send(.post, "/api/v1/search/structure", key: world.key(.owner), json: #"{"smarts":"c1ccccc1","limit":5,"cursor":"\#(cursor)"}"#)
            #expect(Self.records(second) == Array(seen.dropFirst(5).prefix(5)))

            // Similarity pages in similarity order.
            let query = Self.reference.similar[0].query
            let (simPages, simItems) = try await Self.allPages(client, key: world.key(.owner), #""similar_to":\#(Self.quoted(query)),"threshold":0.3"#, limit: 4)
            #expect(simPages.count > 2)
            let values = simItems.compactMap { Self.number($0, "similarity") }
            #expect(values == values.sorted(by: >))
            let simIDs = simItems.compactMap { Self.string($0, "record") }
            #expect(Set(simIDs).count == simIDs.count)

            // A cursor belongs to its kind of search; anything else is refused by name.
            let crossed = try await client.send(.post, "/api/v1/search/structure", key: world.key(.owner), json: #"{"similar_to":"C","cursor":"\#(cursor)"}"#)
            #expect(crossed.status == .badRequest)
            #expect(crossed.string("code") == "invalid_cursor")
            #expect(crossed.string("field") == "cursor")
            let garbage = try await client.send(.post, "/api/v1/search/structure", key: world.key(.owner), json: #"{"smarts":"C","cursor":"'; DROP TABLE records; --"}"#)
            #expect(garbage.string("code") == "invalid_cursor")
        }
    }

    @Test("a structure is stored as sent with its canonical and standardized forms; a salt is found by its parent", arguments: TestDatabase.allCases)
    func storedStructure(database: TestDatabase) async throws {
        try await withWorld(database) { world, client in
            let fentanyl = "CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1"
            let salt = "Cl.O=C(CC)N(C1CCN(CCC2=CC=CC=C2)CC1)C1=CC=CC=C1"
            let body = #"{"distribution":{"level":"partners"},"tlp":"amber","date":"2025-03-01","place":{"country":"US"},"substances":[{"name":"fentanyl HCl","smiles":"\#(salt)"}]}"#
            let created = try await client.send(.post, "/api/v1/seizures", key: world.key(.owner), json: body)
            #expect(created.status == .created, "\(created.text)")
            guard case .array(let substances) = created["substances"], case .object(let substance) = substances.first,
                  case .object(let structure) = substance["structure"] else { Issue.record("no structure: \(created.text)"); return }
            #expect(substance["smiles"] == .string(salt))
            #expect(structure["canonical_smiles"] == .string("Cl." + fentanyl) || structure["canonical_smiles"] == .string(fentanyl + ".Cl"))
            #expect(structure["standardized_smiles"] == .string(fentanyl))
            guard case .array(let steps) = structure["standardization"], case .string(let step) = steps.first else { Issue.record("no steps"); return }
            #expect(step.contains("removed fragments"))
            let hit = try await client.send(.post, "/api/v1/search/structure", key: world.key(.partner), json: #"{"similar_to":"\#(fentanyl)","threshold":0.99}"#)
            #expect(Self.records(hit) == [created.string("id") ?? "?"])
            guard case .object(let item) = hit.items.first else { Issue.record("no hit"); return }
            #expect(item["similarity"] == .number(1))
            #expect(item["smiles"] == .string(salt))
            #expect(item["standardized_smiles"] == .string(fentanyl))
            // The classifier is asked about the structure as sent, at the seizure date, and its answer is stored.
            guard case .object(let classification) = substance["classification"] else { Issue.record("no classification"); return }
            #expect(classification["as_of"] == .string("2025-03-01"))
        }
    }

    @Test("bad queries and parameters are refused naming the parameter and the column", arguments: [TestDatabase.sqlite])
    func badQueries(database: TestDatabase) async throws {
        try await withWorld(database) { world, client in
            _ = try await world.create(.seizure, level: "partners", client: client)
            // (body, status, code, field, position)
            let cases: [(String, Int, String, String, Int?)] = [
                (#"{"smarts":"C((("}"#, 422, "invalid_smarts", "smarts", 3),
                (#"{"smarts":"CC)C"}"#, 422, "invalid_smarts", "smarts", 3),
                (#"{"smarts":"CC N"}"#, 422, "invalid_smarts", "smarts", 3),
                (#"{"similar_to":"C)C"}"#, 422, "invalid_structure", "similar_to", 2),
                (#"{"similar_to":"C(C)(C)(C)(C)C"}"#, 422, "invalid_structure", "similar_to", 1),
                (#"{"smarts":"C","similar_to":"C"}"#, 422, "invalid_query", "similar_to", nil),
                (#"{}"#, 422, "invalid_query", "smarts", nil),
                (#"{"smarts":"C","threshold":0.5}"#, 422, "invalid_query", "threshold", nil),
                (#"{"smarts":"C","top":5}"#, 422, "invalid_query", "top", nil),
                (#"{"similar_to":"C","threshold":1.5}"#, 422, "out_of_range", "threshold", nil),
                (#"{"similar_to":"C","top":0}"#, 422, "out_of_range", "top", nil),
                (#"{"smarts":"C","limit":1000}"#, 422, "out_of_range", "limit", nil),
                (#"{"smarts":"C","radius":3}"#, 422, "unknown_field", "radius", nil),
            ]
            for (body, status, code, field, position) in cases {
                let reply = try await client.send(.post, "/api/v1/search/structure", key: world.key(.owner), json: body)
                #expect(Int(reply.status.code) == status, "\(body): \(reply.text)")
                #expect(reply.string("code") == code, "\(body): \(reply.text)")
                #expect(reply.string("field") == field, "\(body): \(reply.text)")
                if let position { #expect(reply["position"] == .number(Double(position)), "\(body): \(reply.text)") }
            }
        }
    }

    @Test("random SMARTS and SMILES get a result or a 422 naming the field, never a server error", arguments: [TestDatabase.sqlite])
    func fuzzedQueries(database: TestDatabase) async throws {
        try await withWorld(database) { world, client in
            _ = try await world.create(.seizure, level: "partners", client: client)
            let alphabet = Array("CNOSPFIclnos()[]=#@+-1234%$&;,!*~:./\\Hh")
            var generator = SplitMix(seed: 20261205)
            var failures: [String] = []
            for round in 0..<400 {
                let length = Int(generator.next() % 14) + 1
                let text = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
                let field = round % 2 == 0 ? "smarts" : "similar_to"
                let reply = try await client.send(.post, "/api/v1/search/structure", key: world.key(.owner),
                                                  json: #"{"\#(field)":\#(Self.quoted(text))}"#)
                switch reply.status.code {
                case 200: continue
                case 422 where reply.string("field") == field: continue
                default: failures.append("\(field) \(text): \(reply.status.code) \(reply.text)")
                }
            }
            #expect(failures.isEmpty, "\(failures.prefix(5))")
        }
    }

    @Test("search keys are stored with the structures and rebuilt when missing or stale", arguments: TestDatabase.allCases)
    func storedKeys(database: TestDatabase) async throws {
        try await withWorld(database) { world, client in
            _ = try await Self.seed(world, client)
            func keyCount() async throws -> Int {
                try await world.store.backend.read { db in
                    try await db.raw("SELECT COUNT(*) AS n FROM structure_keys").first()?.decode(column: "n", as: Int.self) ?? -1
                }
            }
            #expect(try await keyCount() == Self.reference.molecules.count)
            let before = try await client.send(.post, "/api/v1/search/structure", key: world.key(.owner), json: #"{"smarts":"C1CCNCC1","limit":200}"#)
            try await world.store.backend.write { db in
                try await db.raw("DELETE FROM structure_keys WHERE structure < 'CC'").run()
                try await db.raw("UPDATE structure_keys SET scheme = 'old', screen = 'ff' WHERE structure >= 'CN'").run()
            }
            #expect(try await keyCount() < Self.reference.molecules.count)
            let after = try await client.send(.post, "/api/v1/search/structure", key: world.key(.owner), json: #"{"smarts":"C1CCNCC1","limit":200}"#)
            #expect(Self.records(after) == Self.records(before))
            #expect(!Self.records(after).isEmpty)
            #expect(try await keyCount() == Self.reference.molecules.count)
            let stale = try await world.store.backend.read { db in
                try await db.raw("SELECT COUNT(*) AS n FROM structure_keys WHERE scheme = 'old'").first()?.decode(column: "n", as: Int.self) ?? -1
            }
            #expect(stale == 0)
        }
    }

    @Test("retracted seizures are searched only when asked for", arguments: [TestDatabase.sqlite])
    func retracted(database: TestDatabase) async throws {
        try await withWorld(database) { world, client in
            let id = try await world.create(.seizure, level: "partners", client: client)
            #expect(try await client.send(.post, "/api/v1/seizures/\(id)/retract", key: world.key(.owner), json: #"{"version":1,"reason":"test"}"#).status == .ok)
            #expect(Self.records(try await client.send(.post, "/api/v1/search/structure", key: world.key(.partner), json: #"{"smarts":"C1CCNCC1"}"#)).isEmpty)
            let included = try await client.send(.post, "/api/v1/search/structure", key: world.key(.partner), json: #"{"smarts":"C1CCNCC1","include_retracted":true}"#)
            #expect(Self.records(included) == [id])
        }
    }
}

/// Collects problems from a `@Sendable` callback.
final class Mismatches: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    func add(_ item: String) { lock.withLock { stored.append(item) } }
    var items: [String] { lock.withLock { stored } }
}

/// A small deterministic generator for fuzzing (SplitMix64).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
