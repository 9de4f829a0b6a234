import Exchange
import ExchangeTestSupport
import Foundation
import Storage
import Testing

/// `accord surveil import/series/alerts/names`, run as the built executable against the exchange's database
/// (`--data` or `--database-url`, as for `accord serve`).
@Suite(.serialized)
struct SurveillanceCommandLineTests {
    static func lines(_ text: String) -> [[String: JSONValue]] {
        text.split(separator: "\n").compactMap { line in
            if case .object(let fields) = try? JSONValue.parse(Data(line.utf8)) { return fields }
            return nil
        }
    }

    @Test("import stores in the database, a revised file replaces values, and series, alerts and names read it back",
          arguments: TestDatabase.allCases)
    func importAndQuery(database: TestDatabase) async throws {
        if let reason = database.unavailableReason { Issue.record(Comment(rawValue: reason)); return }
        let location = try await database.makeLocation()
        let db = DurabilityTests.databaseArguments(location)
        func accord(_ arguments: String...) throws -> (String, Int32) { try DurabilityTests.run(arguments + db) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("accord-surveil-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("nflis.csv"), revised = folder.appendingPathComponent("nflis-revised.csv")
        try Data(SurveillanceEndpointTests.nflis.utf8).write(to: first)
        try Data("YYYY,DRUG_REPORTS,SUBSTANCE_DESCRIPTION,BASE_DESCRIPTION,STATE\n2020,31,P-FLUOROFENTANYL,para-Fluorofentanyl,OH\n".utf8)
            .write(to: revised)

        let (importOut, importStatus) = try accord("surveil", "import", "nflis", first.path)
        #expect(importStatus == 0)
        let summary = try #require(Self.lines(importOut).last)
        #expect(summary["added"] == .number(6) && summary["replaced"] == .number(0))
        // PARA-CHLOROFENTANYL is no knowledge-base substance, but its structure is known.
        #expect(summary["unmapped_names"] == .array([]))
        let (seriesOut, _) = try accord("surveil", "series", "--source", "nflis", "--substance", "p-fluorofentanyl", "--place", "OH", "--format", "csv")
        #expect(seriesOut == "period,count\n2019,12\n2020,30\n")

        let (revisedOut, revisedStatus) = try accord("surveil", "import", "nflis", revised.path)
        #expect(revisedStatus == 0)
        let second = try #require(Self.lines(revisedOut).last)
        #expect(second["added"] == .number(0) && second["replaced"] == .number(1))
        let (afterOut, _) = try accord("surveil", "series", "--source", "nflis", "--substance", "p-fluorofentanyl", "--place", "OH", "--format", "csv")
        #expect(afterOut == "period,count\n2019,12\n2020,31\n")
        let (classOut, _) = try accord("surveil", "series", "--source", "nflis", "--class", "us-frs", "--place", "OH", "--format", "csv")
        #expect(classOut == "period,count\n2019,12\n2020,36\n2021,3\n")

        let (namesOut, namesStatus) = try accord("surveil", "names", "--source", "nflis")
        #expect(namesStatus == 0)
        let report = try #require(Self.lines(namesOut).last)
        #expect(report["distinct_names"] == .number(5) && report["mapped_names"] == .number(5))
        #expect(report["listed_names"] == .number(4) && report["decided_names"] == .number(5))
        let chloro = try #require(Self.lines(namesOut).first { $0["name"] == .string("PARA-CHLOROFENTANYL") })
        // No listing names it; the law engine decides its class membership from the structure.
        #expect(chloro["mapping"] == .string("structure"))
        let (alertsOut, alertsStatus) = try accord("surveil", "alerts", "--include-data-start")
        #expect(alertsStatus == 0)
        let alerts = Self.lines(alertsOut)
        #expect(alerts.contains { $0["kind"] == .string("first_identification") && $0["substance_id"] == .string("para-fluorofentanyl") })
        for alert in alerts {
            guard case .object(let status) = alert["status"] else { Issue.record("alert without status"); continue }
            #expect(Set(status.keys) == ["CN", "UN", "US"])
        }

        // Exchange seizures count only as an agency may read them.
        #expect(try accord("admin", "init", "--agency", "DEA", "--country", "US").1 == 0)
        #expect(try accord("admin", "agency", "create", "--name", "NNCC", "--country", "CN").1 == 0)
        let store = try await ExchangeStore.open(location)
        guard let dea = try await store.agency(named: "DEA"), let admin = try await store.users(of: dea.id).first else {
            await store.close()
            Issue.record("admin init created no agency or user")
            return
        }
        let owner = Caller(user: admin.id, userName: admin.name, agency: dea.id, country: "US", role: admin.role, key: nil, readOnlyKey: false)
        try await store.insert(try StoreTestsSupport.seizure(owner: owner, date: "2025-01-10", substance: "carfentanil"), actor: AuditActor(owner))
        await store.close()
        let (deaOut, deaStatus) = try accord("surveil", "series", "--source", "exchange", "--agency", "DEA", "--measure", "seizure_events", "--format", "csv")
        #expect(deaStatus == 0)
        #expect(deaOut == "period,count\n2025-01,1\n")
        let (nnccOut, _) = try accord("surveil", "series", "--source", "exchange", "--agency", "NNCC", "--measure", "seizure_events", "--format", "csv")
        #expect(nnccOut == "period,count\n")
        #expect(try accord("surveil", "series", "--source", "exchange").1 != 0, "exchange seizures need an agency to read them as")
        #expect(try accord("surveil", "import", "exchange", first.path).1 != 0)
        #expect(try accord("surveil", "import", "nflis", folder.appendingPathComponent("missing.csv").path).1 != 0)
        await TestDatabase.discard(location)
    }
}

/// A seizure record built the way the server builds one, for command-line tests.
enum StoreTestsSupport {
    static func seizure(owner: Caller, date: String, substance: String) throws -> Record<Seizure> {
        let body = #"{"distribution":{"level":"agency"},"tlp":"amber","date":"\#(date)","place":{"country":"US"},"substances":[{"name":"\#(substance)"}]}"#
        let draft = try SeizureDraft.parse(try JSONValue.parse(Data(body.utf8)), limits: InputLimits(), forUpdate: false)
        let substances = draft.substances.map { SeizedSubstance(name: $0.name, smiles: $0.smiles, classification: nil) }
        let metadata = RecordMetadata(id: RecordID(rawValue: IdentifierFactory.make()), kind: .seizure, ownerAgency: owner.agency,
                                      distribution: draft.sharing.distribution, tlp: draft.sharing.tlp, createdAt: .now(), createdBy: owner.user)
        return Record(metadata: metadata, content: draft.seizure(substances: substances))
    }
}
