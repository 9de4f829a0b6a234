import Exchange
import ExchangeTestSupport
import Foundation
import Law
import SQLKit
@testable import Storage
import Surveillance
import Testing

/// Surveillance observations in the exchange's database, on SQLite and PostgreSQL alike.
struct SurveillanceStoreTests {
    static let nflisHeader = "YYYY,DRUG_REPORTS,SUBSTANCE_DESCRIPTION,BASE_DESCRIPTION,STATE\n"

    static func nflis(_ rows: String) throws -> ([Observation], ImportReport) {
        try SurveillanceImporter.importText(.nflis, text: nflisHeader + rows)
    }

    static func values(_ observations: [Observation]) -> [String: Double] {
        Dictionary(observations.map { ("\($0.substance)|\($0.substanceGroup ?? "")|\($0.place)|\($0.period)", $0.value) },
                   uniquingKeysWith: { $0 + $1 })
    }

    @Test("imports store observations; a revised file replaces values instead of adding; each import is audited",
          arguments: TestDatabase.allCases)
    func importAndReimport(database: TestDatabase) async throws {
        if let reason = database.unavailableReason { Issue.record(Comment(rawValue: reason)); return }
        _ = try await database.withStore { store in
            let (first, firstReport) = try Self.nflis("""
                2019,12,P-FLUOROFENTANYL,para-Fluorofentanyl,OH
                2020,30,P-FLUOROFENTANYL,para-Fluorofentanyl,OH
                2020,"1,204",FENTANYL,Fentanyl,KY
                2020,5,"ACETYL FENTANYL (N-(1-PHENETHYLPIPERIDIN-4-YL)-N-PHENYLACETAMIDE)",Acetyl fentanyl,OH
                2021,bad,FENTANYL,Fentanyl,KY

                """)
            #expect(firstReport.issues.count == 1)
            let imported = try await store.importObservations(first, report: firstReport, fileName: "nflis.csv", actor: .operator)
            #expect(imported.added == 4 && imported.replaced == 0 && imported.skippedRecords == 1 && imported.records == 5)
            let stored = try await store.surveillanceObservations(source: .nflis)
            #expect(Self.values(stored) == Self.values(first))
            #expect(stored.first { $0.substance == "FENTANYL" }?.value == 1204)
            #expect(stored.allSatisfy { $0.substanceGroup != nil })

            // The revision corrects one value, adds a year, and leaves the others as they were.
            let (revised, revisedReport) = try Self.nflis("""
                2020,31,P-FLUOROFENTANYL,para-Fluorofentanyl,OH
                2021,40,P-FLUOROFENTANYL,para-Fluorofentanyl,OH

                """)
            let second = try await store.importObservations(revised, report: revisedReport, fileName: "nflis-revised.csv", actor: .operator)
            #expect(second.added == 1 && second.replaced == 1)
            let after = Self.values(try await store.surveillanceObservations(source: .nflis))
            #expect(after.count == 5)
            #expect(after["P-FLUOROFENTANYL|para-Fluorofentanyl|OH|2020"] == 31)
            #expect(after["P-FLUOROFENTANYL|para-Fluorofentanyl|OH|2019"] == 12)
            #expect(after["P-FLUOROFENTANYL|para-Fluorofentanyl|OH|2021"] == 40)
            // Importing the same file again changes nothing.
            let again = try await store.importObservations(revised, report: revisedReport, fileName: "nflis-revised.csv", actor: .operator)
            #expect(again.added == 0 && again.replaced == 2)
            #expect(Self.values(try await store.surveillanceObservations(source: .nflis)) == after)

            let imports = try await store.surveillanceImports()
            #expect(imports.count == 3 && Set(imports.map(\.fileName)) == ["nflis.csv", "nflis-revised.csv"])
            let audit = try await store.auditEntries().filter { $0.action == "surveillance.import" }
            #expect(audit.count == 3 && Set(audit.map(\.subjectId)) == Set(imports.map(\.id)))
            #expect(try await store.verifyAudit().intact)
            // Other sources and measures are kept apart.
            #expect(try await store.surveillanceObservations(source: .cbp).isEmpty)
            #expect(try await store.surveillanceObservations(source: .nflis, measure: "seizure_events").isEmpty)
        }
    }

    @Test("events repeated within one import are summed; values keep their precision", arguments: TestDatabase.allCases)
    func sumsWithinImport(database: TestDatabase) async throws {
        if let reason = database.unavailableReason { Issue.record(Comment(rawValue: reason)); return }
        _ = try await database.withStore { store in
            let (observations, report) = try SurveillanceImporter.importText(.accord, text: """
                date,place,substance,structure,quantity_g
                2024-03-02,US,fentanyl,,0.125
                2024-03-20,US,fentanyl,,2.5
                2024-03-21,US,,CC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1,
                2024-04-01,MX,fentanyl,,

                """)
            let result = try await store.importObservations(observations, report: report, fileName: "export.csv", actor: .operator)
            #expect(result.added == 4)
            let stored = try await store.surveillanceObservations(source: .accord)
            let march = stored.filter { $0.period == Period.month(2024, 3) && $0.substance == "fentanyl" }
            #expect(march.first { $0.measure == "seizure_events" }?.value == 2)
            #expect(march.first { $0.measure == "seizure_grams" }?.value == 2.625)
            #expect(stored.contains { $0.substance == "structure:CC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1" })
        }
    }

    @Test("exchange observations cannot be imported, and an import holds one source", arguments: TestDatabase.allCases)
    func refusals(database: TestDatabase) async throws {
        if let reason = database.unavailableReason { Issue.record(Comment(rawValue: reason)); return }
        _ = try await database.withStore { store in
            let march = try #require(Period.month(2024, 3))
            let exchange = Observation(source: .exchange, measure: "seizure_events", substance: "x", place: "US", period: march, value: 1)
            await #expect(throws: ExchangeError.self) {
                _ = try await store.importObservations([exchange], report: ImportReport(format: .exchange), fileName: "x", actor: .operator)
            }
            let cbp = Observation(source: .cbp, measure: "seizure_events", substance: "x", place: "US", period: march, value: 1)
            do {
                _ = try await store.importObservations([cbp], report: ImportReport(format: .nflis), fileName: "x", actor: .operator)
                Issue.record("a cbp observation was accepted in an nflis import")
            } catch let error as ExchangeError {
                #expect(error.code == "mixed_sources")
            }
            let nan = Observation(source: .cbp, measure: "seizure_events", substance: "x", place: "US", period: march, value: .nan)
            await #expect(throws: ExchangeError.self) {
                _ = try await store.importObservations([nan], report: ImportReport(format: .cbp), fileName: "x", actor: .operator)
            }
            #expect(try await store.surveillanceObservations().isEmpty)
            #expect(try await store.surveillanceImports().isEmpty)
        }
    }

    @Test("seizure series are built only from the records the caller may read", arguments: TestDatabase.allCases)
    func seizuresUnderAccessRules(database: TestDatabase) async throws {
        if let reason = database.unavailableReason { Issue.record(Comment(rawValue: reason)); return }
        _ = try await database.withStore { store in
            let w = try await StoreTests.world(store)
            let own = try StoreTests.seizure(owner: w.usAnalyst, distribution: #"{"level":"agency"}"#, date: "2025-01-10", substance: "fentanyl")
            let partners = try StoreTests.seizure(owner: w.usAnalyst, distribution: #"{"level":"partners"}"#, date: "2025-01-20",
                                                  substance: "carfentanil")
            let group = try StoreTests.seizure(owner: w.usAnalyst, distribution: #"{"level":"working_group","working_group":"\#(w.group.id)"}"#,
                                               date: "2025-02-03", substance: "fentanyl")
            let structureOnly = try Self.structureSeizure(owner: w.usAnalyst)
            for record in [own, partners, group, structureOnly] { try await store.insert(record, actor: AuditActor(w.usAnalyst)) }
            // A retracted seizure counts for nothing.
            let retracted = try StoreTests.seizure(owner: w.usAnalyst, distribution: #"{"level":"partners"}"#, date: "2025-01-25", substance: "fentanyl")
            try await store.insert(retracted, actor: AuditActor(w.usAnalyst))
            _ = try await store.update(retracted.metadata.id, as: Seizure.self, action: "seizure.retract", actor: AuditActor(w.usAnalyst)) { current, _ in
                var next = current
                next.metadata.retraction = Retraction(at: .now(), by: w.usAnalyst.user, reason: "duplicate")
                return next
            }
            func events(_ caller: Caller) async throws -> [String: Double] {
                let observations = try await store.seizureObservations(for: caller)
                #expect(observations.allSatisfy { $0.source == .exchange })
                return Dictionary(observations.filter { $0.measure == "seizure_events" }.map { ("\($0.substance) \($0.period)", $0.value) },
                                  uniquingKeysWith: { $0 + $1 })
            }
            #expect(try await events(w.usAnalyst) == ["fentanyl 2025-01": 1, "carfentanil 2025-01": 1, "fentanyl 2025-02": 1,
                                                      "structure:CCC(=O)N(c1ccc(F)cc1)C1CCN(CCc2ccccc2)CC1 2025-03": 1])
            #expect(try await events(w.cnAnalyst) == ["carfentanil 2025-01": 1])
            #expect(try await events(w.mxAnalyst) == ["fentanyl 2025-02": 1])
            let ranged = try await store.seizureObservations(for: w.usAnalyst, from: CalendarDate(iso: "2025-02-01"),
                                                             to: CalendarDate(iso: "2025-02-28"))
            #expect(Set(ranged.map(\.period)) == [Period.month(2025, 2)])
            // Quantities in their normalised unit: the structure-only seizure weighed 1.5 kg.
            let grams = try await store.seizureObservations(for: w.usAnalyst).filter { $0.measure == "seizure_grams" }
            #expect(grams.map(\.value) == [1500])
        }
    }

    static func structureSeizure(owner: Caller) throws -> Record<Seizure> {
        let body = #"{"distribution":{"level":"agency"},"tlp":"amber","date":"2025-03-05","place":{"country":"US"},"substances":[{"smiles":"CCC(=O)N(c1ccc(F)cc1)C1CCN(CCc2ccccc2)CC1"}],"quantity":{"amount":1.5,"unit":"kg"}}"#
        let draft = try SeizureDraft.parse(try JSONValue.parse(Data(body.utf8)), limits: InputLimits(), forUpdate: false)
        let substances = draft.substances.map { SeizedSubstance(name: $0.name, smiles: $0.smiles, classification: nil) }
        let metadata = RecordMetadata(id: RecordID(rawValue: IdentifierFactory.make()), kind: .seizure, ownerAgency: owner.agency,
                                      distribution: draft.sharing.distribution, tlp: draft.sharing.tlp, createdAt: .now(), createdBy: owner.user)
        return Record(metadata: metadata, content: draft.seizure(substances: substances))
    }
}
