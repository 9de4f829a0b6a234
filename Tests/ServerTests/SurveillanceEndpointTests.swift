import Exchange
import ExchangeTestSupport
import Foundation
import HTTPTypes
import Storage
import Surveillance
import Testing

/// `GET /api/v1/surveillance/series` and `/alerts`: public series for every authenticated caller, exchange
/// seizures only as far as the caller may read them, on SQLite and PostgreSQL.
struct SurveillanceEndpointTests {
    static let nflis = """
        YYYY,DRUG_REPORTS,SUBSTANCE_DESCRIPTION,BASE_DESCRIPTION,STATE
        2019,12,P-FLUOROFENTANYL,para-Fluorofentanyl,OH
        2020,30,P-FLUOROFENTANYL,para-Fluorofentanyl,OH
        2020,7,"P-FLUOROFENTANYL, SALT UNDETERMINED",para-Fluorofentanyl,KY
        2020,900,FENTANYL,Fentanyl,OH
        2020,5,"ACETYL FENTANYL (N-(1-PHENETHYLPIPERIDIN-4-YL)-N-PHENYLACETAMIDE)",Acetyl fentanyl,OH
        2021,3,PARA-CHLOROFENTANYL,para-Chlorofentanyl,OH

        """

    static func importNFLIS(_ store: ExchangeStore) async throws {
        let (observations, report) = try SurveillanceImporter.importText(.nflis, text: nflis)
        _ = try await store.importObservations(observations, report: report, fileName: "nflis.csv", actor: .operator)
    }

    static func values(_ reply: Reply) -> [String: Double] {
        guard case .array(let points) = reply["points"] else { return [:] }
        var out: [String: Double] = [:]
        for case .object(let point) in points {
            if case .string(let period) = point["period"], case .number(let value) = point["value"] { out[period] = value }
        }
        return out
    }

    static func number(_ reply: Reply, _ key: String) -> Double? {
        if case .number(let value) = reply[key] { return value }
        return nil
    }

    static func seizure(_ world: World, level: String, date: String, substance: String, amount: Double) -> String {
        #"{"distribution":\#(world.distributionJSON(level)),"tlp":"amber","date":"\#(date)","place":{"country":"US"},"substances":[{"name":"\#(substance)"}],"quantity":{"amount":\#(amount),"unit":"kg"}}"#
    }

    @Test("public series are readable by every authenticated caller, per substance, class and status", arguments: TestDatabase.allCases)
    func publicSeries(database: TestDatabase) async throws {
        try await withWorld(database) { world, client in
            try await Self.importNFLIS(world.store)
            for relation in World.Relation.allCases {
                let reply = try await client.send(.get, "/api/v1/surveillance/series?source=nflis&substance=p-fluorofentanyl&place=OH",
                                                  key: world.key(relation, .viewer))
                #expect(reply.status == .ok, "\(relation): \(reply.text)")
                #expect(Self.values(reply) == ["2019": 12, "2020": 30])
            }
            let summed = try await client.send(.get, "/api/v1/surveillance/series?source=nflis&substance=para-fluorofentanyl&place=OH,KY",
                                               key: world.key(.stranger))
            #expect(Self.values(summed) == ["2019": 12, "2020": 37])
            #expect(Self.number(summed, "observations") == 3)
            // The US class: para-fluorofentanyl and acetyl fentanyl (worked examples) and para-chlorofentanyl (no
            // listing; its structure meets criterion D by the law engine), not fentanyl itself, not an unmapped name.
            let frs = try await client.send(.get, "/api/v1/surveillance/series?source=nflis&class=us-frs&place=OH", key: world.key(.member))
            #expect(Self.values(frs) == ["2019": 12, "2020": 35, "2021": 3])
            let names = frs["source_names"]
            #expect(names == .array([.string("ACETYL FENTANYL (N-(1-PHENETHYLPIPERIDIN-4-YL)-N-PHENYLACETAMIDE)"), .string("P-FLUOROFENTANYL"),
                                     .string("PARA-CHLOROFENTANYL")]))
            // Status in a jurisdiction: the class member is scheduled in the US in 2021 by the class rule, so
            // nothing of that year is unknown there.
            let scheduled = try await client.send(.get, "/api/v1/surveillance/series?source=nflis&status=scheduled&jurisdiction=US&from=2021&to=2021",
                                                  key: world.key(.owner))
            #expect(scheduled["source_names"] == .array([.string("PARA-CHLOROFENTANYL")]))
            let unknown = try await client.send(.get, "/api/v1/surveillance/series?source=nflis&status=unknown&jurisdiction=US&from=2021&to=2021",
                                                key: world.key(.owner))
            #expect(unknown["source_names"] == .array([]))
            let none = try await client.send(.get, "/api/v1/surveillance/series?source=nflis&status=not_controlled&jurisdiction=US", key: world.key(.owner))
            #expect(Self.values(none).isEmpty && Self.number(none, "observations") == 0)
            #expect(try await client.send(.get, "/api/v1/surveillance/series?source=nflis").status == .unauthorized)
            #expect(try await client.send(.get, "/api/v1/surveillance/alerts", key: world.revokedOwnerKey).status == .unauthorized)
        }
    }

    @Test("exchange seizures count only where the caller may read them, in series and alerts", arguments: TestDatabase.allCases)
    func exchangeSeriesFollowAccess(database: TestDatabase) async throws {
        try await withWorld(database) { world, client in
            for (level, date, substance, amount) in [("agency", "2025-01-10", "fentanyl", 2.0), ("partners", "2025-01-20", "carfentanil", 0.5),
                                                     ("working_group", "2025-02-03", "fentanyl", 1.0)] {
                let reply = try await client.send(.post, "/api/v1/seizures", key: world.key(.owner),
                                                  json: Self.seizure(world, level: level, date: date, substance: substance, amount: amount))
                #expect(reply.status == .created, "\(reply.text)")
            }
            let expected: [World.Relation: [String: Double]] = [
                .owner: ["2025-01": 2, "2025-02": 1], .partner: ["2025-01": 1], .member: ["2025-02": 1], .stranger: [:],
            ]
            for (relation, values) in expected {
                let reply = try await client.send(.get, "/api/v1/surveillance/series?source=exchange&measure=seizure_events",
                                                  key: world.key(relation, .viewer))
                #expect(reply.status == .ok)
                #expect(Self.values(reply) == values, "\(relation)")
                #expect(reply["includes_exchange_records"] == .bool(true))
            }
            let grams = try await client.send(.get, "/api/v1/surveillance/series?source=exchange&measure=seizure_grams&substance=fentanyl",
                                              key: world.key(.owner))
            #expect(Self.values(grams) == ["2025-01": 2000, "2025-02": 1000])
            // The partner sees the carfentanil seizure's first identification, with the law's status; the stranger
            // sees no alert built from records it cannot read.
            let partnerAlerts = try await client.send(.get, "/api/v1/surveillance/alerts?source=exchange&include_data_start=true",
                                                      key: world.key(.partner))
            #expect(partnerAlerts.status == .ok)
            #expect(partnerAlerts.items.count == 1)
            if case .object(let alert) = partnerAlerts.items.first {
                #expect(alert["substance_id"] == .string("carfentanil"))
                #expect(alert["kind"] == .string("first_identification"))
                if case .object(let status) = alert["status"] { #expect(Set(status.keys) == ["CN", "UN", "US"]) } else { Issue.record("no status") }
            }
            let strangerAlerts = try await client.send(.get, "/api/v1/surveillance/alerts?include_data_start=true", key: world.key(.stranger))
            #expect(strangerAlerts.items.isEmpty && Self.number(strangerAlerts, "total") == 0)
            let ownerAlerts = try await client.send(.get, "/api/v1/surveillance/alerts?include_data_start=true&limit=1", key: world.key(.owner))
            #expect(Self.number(ownerAlerts, "total") == 2 && ownerAlerts.items.count == 1)
            guard let cursor = ownerAlerts.string("next_cursor") else { Issue.record("no next cursor"); return }
            let next = try await client.send(.get, "/api/v1/surveillance/alerts?include_data_start=true&limit=1&cursor=\(cursor)", key: world.key(.owner))
            #expect(next.items.count == 1 && next["next_cursor"] == .null && next.items != ownerAlerts.items)
        }
    }

    @Test("bad parameters are refused naming the parameter", arguments: TestDatabase.allCases)
    func badParameters(database: TestDatabase) async throws {
        try await withWorld(database) { world, client in
            let cases: [(String, String)] = [
                ("series?source=xyz", "source"), ("series?status=banned&jurisdiction=US", "status"), ("series?status=scheduled", "jurisdiction"),
                ("series?jurisdiction=US", "jurisdiction"), ("series?substance=a&class=b", "class"), ("series?from=2020&to=2020-03", "to"),
                ("series?from=2021&to=2020", "from"), ("series?from=soon", "from"), ("series?place=", "place"), ("series?colour=red", "colour"),
                ("series?source=nflis&source=cbp", "source"), ("series?from=0001-W01&to=9999-W52", "from"), ("alerts?kind=worrying", "kind"), ("alerts?since=yesterday", "since"),
                ("alerts?method=shewhart", "method"), ("alerts?parameters=b%3D3", "parameters"), ("alerts?method=ears-c1&parameters=baseline", "parameters"),
                ("alerts?method=ears-c1&parameters=baseline%3Dtwo", "parameters"), ("alerts?cursor=bm9wZQ", "cursor"), ("alerts?limit=0", "limit"),
                ("alerts?min_count=-1", "min_count"),
            ]
            for (query, field) in cases {
                let reply = try await client.send(.get, "/api/v1/surveillance/\(query)", key: world.key(.owner))
                #expect(reply.status == .badRequest, "\(query): \(reply.status)")
                #expect(reply.string("field") == field, "\(query): \(reply.text)")
            }
        }
    }

    @Test("random query parameters get 200 or 400, never a server error")
    func fuzzParameters() async throws {
        try await withWorld(.sqlite) { world, client in
            try await Self.importNFLIS(world.store)
            var state: UInt64 = 99
            func next(_ bound: Int) -> Int {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return Int((state >> 33) % UInt64(bound))
            }
            let names = ["source", "measure", "substance", "class", "entry", "status", "jurisdiction", "place", "from", "to", "kind",
                         "since", "include_data_start", "method", "parameters", "min_count", "limit", "cursor"]
            let values = ["nflis", "exchange", "2020", "2020-13", "2020-W53", "0000", "9999-12", "-1", "1e9", "US", "OH,,KY", "%00",
                          "p-fluorofentanyl", "us-frs", "unknown", "scheduled", "ears-c3", "farrington", "cusum", "b%3D1%3Bw%3D0",
                          "first%3D0", "true", "maybe", "%E2%88%9E", "", "a%3D", "bm9wZQ", "b2Zmc2V0Ojk5OTk5OTk"]
            for _ in 0..<150 {
                var pairs: [String] = []
                for _ in 0..<(1 + next(4)) { pairs.append("\(names[next(names.count)])=\(values[next(values.count)])") }
                let endpoint = next(2) == 0 ? "series" : "alerts"
                let uri = "/api/v1/surveillance/\(endpoint)?" + pairs.joined(separator: "&")
                let reply = try await client.send(.get, uri, key: world.key(.owner))
                #expect(reply.status == .ok || reply.status == .badRequest, "\(uri): \(reply.status) \(reply.text.prefix(200))")
            }
        }
    }
}
