import Foundation
import Law
import Testing
@testable import Surveillance

@Suite("Alerts")
struct AlertTests {
    /// Splits one CSV line honouring double quotes; written here independently of the importer.
    static func fields(_ line: Substring) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var iterator = line.makeIterator()
        while let c = iterator.next() {
            if c == "\"" { quoted.toggle() } else if c == "," && !quoted {
                fields.append(current)
                current = ""
            } else { current.append(c) }
        }
        fields.append(current)
        return fields
    }

    static func nflis() throws -> ObservationSet {
        var set = ObservationSet()
        _ = try SurveillanceImporter.importFile(
            .nflis, path: ImporterTests.path("nflis_fentanyl_reports_by_state_year.csv")) { set.append($0) }
        return set
    }

    @Test("first identifications on NFLIS equal the first years computed from the raw file")
    func firstIdentificationMatchesRawFile() throws {
        let text = try String(contentsOfFile: ImporterTests.path("nflis_fentanyl_reports_by_state_year.csv"),
                              encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline)
        let header = Self.fields(lines.removeFirst())
        let year = try #require(header.firstIndex(of: "YYYY"))
        let reports = try #require(header.firstIndex(of: "DRUG_REPORTS"))
        let base = try #require(header.firstIndex(of: "BASE_DESCRIPTION"))
        let state = try #require(header.firstIndex(of: "STATE"))
        var expected: [String: Int] = [:]
        for line in lines {
            let f = Self.fields(line)
            guard let y = Int(f[year]), let n = Int(f[reports]), n > 0 else { continue }
            let key = f[state].trimmingCharacters(in: .whitespaces) + "|" + f[base].trimmingCharacters(in: .whitespaces)
            expected[key] = min(expected[key] ?? Int.max, y)
        }
        let alerts = AlertBuilder().alerts(for: try Self.nflis()).filter { $0.kind == .firstIdentification }
        var found: [String: Int] = [:]
        for alert in alerts {
            #expect(alert.detector == "first-identification")
            #expect(alert.evidence.source == .nflis)
            found[alert.place + "|" + alert.substance] = alert.period.year
        }
        #expect(expected.count > 1000)
        let differences = Set(found.keys).union(expected.keys).filter { found[$0] != expected[$0] }.sorted()
        #expect(differences.isEmpty, "\(differences.prefix(10).map { "\($0): \(found[$0] ?? 0) vs \(expected[$0] ?? 0)" })")
        // Flagged honestly: a substance already present in the first year of data was not "first seen" then.
        let atStart = alerts.filter { $0.evidence.atStartOfData == true }
        #expect(atStart.allSatisfy { $0.period == Period.year(1998) })
        #expect(alerts.contains { $0.substance == "Carfentanil" && $0.place == "OH" && $0.period == Period.year(2016) })
    }

    @Test("percentage changes are exact: 582 to 3,946 is +578%, not 600%")
    func seedFigures() throws {
        let text = try String(contentsOfFile: ImporterTests.path("seed_24_largest_cities.csv"), encoding: .utf8)
        let rows = text.split(whereSeparator: \.isNewline).dropFirst().map { Self.fields($0) }
        let deaths = rows.compactMap { Double($0[2]) }
        #expect(deaths == [582, 3946])
        let change = PercentChange(from: deaths[0], to: deaths[1])
        #expect(change.roundedPercent == 578)
        #expect(abs((change.percent ?? 0) - 578.00687) < 1e-4)
        #expect(change.description == "+578% (582 → 3946, ×6.8)")
        #expect(PercentChange(from: 0, to: 12).percent == nil)
        #expect(PercentChange(from: 0, to: 12).description == "new (0 → 12)")
        #expect(PercentChange(from: 40, to: 30).roundedPercent == -25)
    }

    @Test("a rising substance alarms with its evidence and the law status the provider gives")
    func risingAlert() throws {
        struct FixedStatus: ControlStatusProvider {
            func statuses(of substance: SubstanceMatch?, sourceName: String, on date: CalendarDate) -> [SubstanceStatus] {
                let controlled = date >= CalendarDate(year: 2018, month: 2, day: 6) ?? .latest
                return [SubstanceStatus(jurisdiction: "US", status: controlled ? .scheduled : .notControlled,
                                        schedule: controlled ? "I" : nil, basis: "test", explanation: "test")]
            }
        }
        var set = ObservationSet()
        let counts: [Double] = [2, 3, 2, 4, 3, 2, 3, 3, 2, 40, 3]
        for (index, count) in counts.enumerated() {
            set.append(Observation(source: .accord, measure: "seizure_events", substance: "orthofluorofentanyl",
                                   place: "US", period: try #require(Period.month(2017, 1)).advanced(by: index),
                                   value: count))
        }
        let builder = AlertBuilder(statusProvider: FixedStatus())
        let alerts = builder.alerts(for: set)
        let rising = alerts.filter { $0.kind == .rising }
        #expect(rising.count == 1)
        let alert = try #require(rising.first)
        #expect(alert.period == Period.month(2017, 10))
        #expect(alert.detector == "ears-c2")
        #expect(alert.evidence.observed == 40)
        #expect(alert.evidence.parameters["baseline"] == "7")
        #expect(alert.evidence.threshold.map { $0 < 40 } == true)
        #expect(alert.evidence.changeFromPrevious?.text == "+1900% (2 → 40, ×20)")
        #expect(alert.status["US"]?.status == .notControlled)
        let first = try #require(alerts.first { $0.kind == .firstIdentification })
        #expect(first.period == Period.month(2017, 1))
        #expect(first.evidence.atStartOfData == true)
    }

    @Test("alerts encode as JSON lines with kind, substance, place, period, detector, evidence, status")
    func json() throws {
        let set = try Self.nflis()
        let alerts = AlertBuilder().alerts(for: set)
        #expect(alerts.contains { $0.kind == .rising })
        let encoder = JSONEncoder()
        let data = try encoder.encode(try #require(alerts.first { $0.kind == .rising }))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for key in ["kind", "substance", "place", "period", "detector", "evidence", "status"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        #expect(object["kind"] as? String == "rising")
    }
}

@Suite("Names and periods")
struct NameAndPeriodTests {
    @Test("NFLIS spellings reduce to the keys laws use")
    func keys() {
        #expect(NameNormalizer.key("P-FLUOROFENTANYL") == NameNormalizer.key("para-Fluorofentanyl"))
        #expect(NameNormalizer.keys("P-FLUOROFENTANYL, SALT UNDETERMINED") == ["parafluorofentanyl"])
        let acetyl = NameNormalizer.keys("ACETYL FENTANYL (N-(1-PHENETHYLPIPERIDIN-4-YL)-N-PHENYLACETAMIDE) HYDROCHLORIDE")
        #expect(acetyl.first == "acetylfentanyl")
        #expect(acetyl.contains(NameNormalizer.key("N-(1-phenethylpiperidin-4-yl)-N-phenylacetamide")))
        let fibf = NameNormalizer.keys("4-FLUOROISOBUTYRYL FENTANYL (P-FLUOROISOBUTYRYL FENTANYL, PARA-FLUOROISOBUTYRYL FENTANYL; N-(4-FLUOROPHENYL)-N-(1-PHENETHYLPIPERIDIN-4-YL)ISOBUTYRAMIDE)")
        #expect(fibf.contains("parafluoroisobutyrylfentanyl"))
        #expect(fibf.contains("4fluoroisobutyrylfentanyl"))
        #expect(NameNormalizer.key("α-methylfentanyl") == NameNormalizer.key("ALPHA-METHYLFENTANYL"))
        #expect(NameNormalizer.keys("FENTANYL BASE") == ["fentanyl"])
    }

    @Test("a catalog resolves names, parenthesised synonyms and source groups")
    func catalog() {
        let frs = SubstanceClass(id: "us-frs", name: "Fentanyl-related substances", jurisdiction: "US")
        let catalog = SubstanceCatalog(entries: [
            .init(id: "us-acetylfentanyl", name: "acetylfentanyl", synonyms: ["acetyl fentanyl"], classes: [frs]),
            .init(id: "us-pff", name: "para-fluorofentanyl", classes: [frs]),
        ])
        #expect(catalog.resolve(name: "P-FLUOROFENTANYL HYDROCHLORIDE", group: nil)?.id == "us-pff")
        #expect(catalog.resolve(name: "ACETYL FENTANYL (N-(1-PHENETHYLPIPERIDIN-4-YL)-N-PHENYLACETAMIDE)", group: nil)?.id
            == "us-acetylfentanyl")
        #expect(catalog.resolve(name: "SOMETHING", group: "Acetyl fentanyl")?.id == "us-acetylfentanyl")
        #expect(catalog.resolve(name: "CARFENTANIL", group: "Carfentanil") == nil)
        var set = ObservationSet(resolver: catalog)
        for name in ["P-FLUOROFENTANYL", "P-FLUOROFENTANYL BASE", "CARFENTANIL", "ACETYL FENTANYL"] {
            set.append(Observation(source: .nflis, measure: "drug_reports", substance: name, place: "OH",
                                   period: Period.year(2020)!, value: 1))
        }
        let report = set.mappingReport()
        #expect(report.distinctNames == 4)
        #expect(report.mappedNames == 3)
        #expect(report.fraction == 0.75)
        #expect(report.unmapped == ["CARFENTANIL"])
    }

    @Test("periods parse, print, order and step")
    func periods() throws {
        #expect(Period(parsing: "2024-03")?.description == "2024-03")
        #expect(Period(parsing: "2024-3-15") == Period.month(2024, 3))
        #expect(Period(parsing: "2024") == Period.year(2024))
        #expect(Period(parsing: "2024-W05")?.granularity == .week)
        #expect(Period(parsing: "2024-13") == nil)
        #expect(Period(parsing: "soon") == nil)
        let december = try #require(Period.month(2023, 12))
        #expect(december.advanced(by: 1) == Period.month(2024, 1))
        #expect(december.advanced(by: -12) == Period.month(2022, 12))
        #expect(december.distance(to: try #require(Period.month(2024, 2))) == 2)
        #expect(try #require(Period.month(2024, 2)).endDate == "2024-02-29")
    }
}
