import Foundation
import Law
import Testing
@testable import Surveillance

/// Source names mapped to the law knowledge base, and statuses taken from the law engine.
@Suite("Law mapping")
struct LawMappingTests {
    static let knowledgeBase: KnowledgeBase? = try? KnowledgeBase.bundled()

    static func kb() throws -> KnowledgeBase { try #require(knowledgeBase, "the bundled knowledge base must load") }

    static let builtCatalog: SubstanceCatalog? = knowledgeBase.map { SubstanceCatalog(knowledgeBase: $0) }

    static func catalog() throws -> SubstanceCatalog { try #require(builtCatalog) }

    static func day(_ text: String) throws -> CalendarDate { try CalendarDate(parsing: text) }

    /// The NFLIS file's distinct substance names with their rows, read independently of the importer.
    static func nflisRows() throws -> [(name: String, base: String, state: String, year: Int, reports: Double)] {
        let text = try String(contentsOfFile: ImporterTests.path("nflis_fentanyl_reports_by_state_year.csv"), encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline)
        let header = AlertTests.fields(lines.removeFirst())
        let name = try #require(header.firstIndex(of: "SUBSTANCE_DESCRIPTION"))
        let base = try #require(header.firstIndex(of: "BASE_DESCRIPTION"))
        let state = try #require(header.firstIndex(of: "STATE"))
        let year = try #require(header.firstIndex(of: "YYYY"))
        let reports = try #require(header.firstIndex(of: "DRUG_REPORTS"))
        return lines.compactMap { line in
            let f = AlertTests.fields(line)
            guard f.count > reports, let y = Int(f[year]), let n = Double(f[reports]) else { return nil }
            return (f[name].trimmingCharacters(in: .whitespaces), f[base].trimmingCharacters(in: .whitespaces),
                    f[state].trimmingCharacters(in: .whitespaces), y, n)
        }
    }

    @Test("NFLIS names map to knowledge-base substances, structures and classes; the unmapped ones are listed")
    func nflisMappingReport() throws {
        var set = ObservationSet(resolver: try NameStructureTests.engineCatalog())
        _ = try SurveillanceImporter.importFile(.nflis, path: ImporterTests.path("nflis_fentanyl_reports_by_state_year.csv")) {
            set.append($0)
        }
        let report = set.mappingReport(source: .nflis)
        let distinct = Set(try Self.nflisRows().map(\.name))
        #expect(report.distinctNames == distinct.count)
        #expect(report.distinctNames == 189)
        func percent(_ count: Int) -> Double { (Double(count) / Double(report.distinctNames) * 1000).rounded() / 10 }
        print("NFLIS name mapping: \(report.mappedNames) of \(report.distinctNames) distinct names (\(percent(report.mappedNames))%) map;"
              + " \(report.identifiedNames) (\(percent(report.identifiedNames))%) are identified (a listed substance or a structure),"
              + " \(report.listedNames) (\(percent(report.listedNames))%) are knowledge-base substances,"
              + " \(report.decidedNames) (\(percent(report.decidedNames))%) are decided; kinds \(report.kinds.sorted { $0.key < $1.key });"
              + " unmapped (\(report.unmapped.count)):")
        for name in report.unmapped { print("  unmapped: \(name)") }
        // The figures the mapping reaches (see docs/SURVEILLANCE.md, "How much of NFLIS maps"); the test fails if
        // mapping gets worse. The issue asks for at least 95% of distinct names.
        #expect(report.mappedNames >= SurveillanceFigures.nflisMappedNames, "\(report.unmapped)")
        #expect(report.fraction >= 0.95)
        #expect(report.identifiedNames >= SurveillanceFigures.nflisIdentifiedNames)
        #expect(report.listedNames >= SurveillanceFigures.nflisListedNames)
        #expect(report.decidedNames >= SurveillanceFigures.nflisDecidedNames)
        // Every mapped name maps to something real, and the unmapped list is exactly the names without a match.
        let kb = try Self.kb()
        let table = try NameStructureTests.table()
        for entry in set.nameMapping {
            guard let match = entry.match else {
                // Only names the structure table could not resolve stay unmapped, each with its reason.
                #expect(table.entry(forName: entry.name)?.unresolvedReason != nil, "\(entry.name)")
                continue
            }
            for key in match.candidates { #expect(!kb.listings(ofSubstance: key).isEmpty, "\(entry.name) -> \(key)") }
            for structure in match.unlisted {
                #expect(StructureKey(smiles: structure.smiles)?.isomeric == structure.smiles, "\(entry.name)")
                #expect(structure.pending.count + structure.classes.count + structure.notMemberOf.count == kb.rules.filter { $0.kind == .structuralClass }.count)
            }
            #expect((match.kind == .structure || match.kind == .classCandidate) == !match.unlisted.isEmpty, "\(entry.name)")
        }
        #expect(Set(report.unmapped) == Set(set.nameMapping.filter { $0.match == nil }.map(\.name)))
    }

    @Test("the names the brief lists map to the substance and, for fentanyl-related substances, the class")
    func namedExamples() throws {
        let catalog = try Self.catalog()
        func resolve(_ name: String, _ group: String? = nil) -> SubstanceMatch? { catalog.resolve(name: name, group: group) }
        let acetyl = try #require(resolve("ACETYL FENTANYL (N-(1-PHENETHYLPIPERIDIN-4-YL)-N-PHENYLACETAMIDE)"))
        #expect(acetyl.id == "acetylfentanyl" && acetyl.kind == .substance)
        // Worked example e-acetyl-listed: a member of both classes (kept under its own US listing).
        #expect(acetyl.classes.map(\.id) == ["cn-frs", "us-frs"])
        let pff = try #require(resolve("P-FLUOROFENTANYL"))
        #expect(pff.id == "para-fluorofentanyl" && pff.classes.map(\.id) == ["cn-frs", "us-frs"])
        #expect(pff.isInClass("fentanyl-related substances") && pff.isInClass("us-frs") && !pff.isInClass("cn-nitazenes"))
        let anpp = try #require(resolve("4-ANPP"))
        #expect(anpp.id == "anpp" && anpp.classes.isEmpty, "4-ANPP is a precursor, not a class member (worked example e-removed)")
        #expect(try #require(resolve("ANPP (DESPROPIONYL FENTANYL; 4-ANILINO-1-PHENETHYLPIPERIDINE; 4-ANILINO-N-PHENETHYL-4-PIPERIDINE)")).id == "anpp")
        let fentanyl = try #require(resolve("FENTANYL"))
        #expect(fentanyl.id == "fentanyl" && fentanyl.classes.isEmpty, "the parent is not a member of its own class")
        #expect(try #require(resolve("FENTANYL, OTHER")).id == "fentanyl")
        #expect(try #require(resolve("FENTANYL CITRATE")).id == "fentanyl")
        let carfentanil = try #require(resolve("CARFENTANIL, SALT UNDETERMINED"))
        #expect(carfentanil.id == "carfentanil" && carfentanil.classes.map(\.id) == ["cn-frs", "us-frs"])
        // A listing whose own instrument names the class: 86 FR 22113 placed ten fentanyl-related substances.
        let phenyl = try #require(resolve("PHENYL FENTANYL (BENZOYL FENTANYL; N-(1-PHENETHYLPIPERIDIN-4-YL)-N-PHENYLBENZAMIDE)"))
        #expect(phenyl.id == "phenyl-fentanyl" && phenyl.classes.map(\.id) == ["us-frs"])
        // Through the source's own grouping (NFLIS base description).
        #expect(resolve("ISOBUTANOYL-4-FLUOROFENTANYL", "para-Fluoroisobutyryl fentanyl")?.id == "4-fluoroisobutyrylfentanyl")
        // A stereoisomer of a listed substance.
        let cis = try #require(resolve("CIS-3-METHYLFENTANYL"))
        #expect(cis.id == "3-methylfentanyl" && cis.basis.hasPrefix("stereoisomer"))
        // One of two substances the laboratory could not tell apart.
        let either = try #require(resolve("CYCLOPROPYL/CROTONYL FENTANYL"))
        #expect(either.kind == .oneOf && Set(either.candidates) == ["cyclopropylfentanyl", "crotonylfentanyl"])
        // A class named without the substance.
        let unspecified = try #require(resolve("FENTANYL-RELATED SUBSTANCE (UNSPECIFIED)"))
        #expect(unspecified.kind == .classMember && unspecified.candidates.isEmpty)
        #expect(unspecified.isInClass("fentanyl-related substances"))
        // A name the knowledge base does not know stays unmapped, and so does a part-known alternative.
        #expect(resolve("PARA-CHLOROFENTANYL") == nil)
        #expect(resolve("VALERYL/ISOVALERYL FENTANYL") == nil)
        #expect(resolve("NOT-A-SUBSTANCE (ZZZ-1)") == nil)
    }

    @Test("statuses are the law engine's; the worked examples' dated outcomes hold for knowledge-base substances")
    func statusesFollowTheWorkedExamples() throws {
        let kb = try Self.kb()
        let provider = LawStatusProvider(knowledgeBase: kb)
        let catalog = try Self.catalog()
        var checked = 0
        for example in kb.examples {
            // Only examples whose structure is a knowledge-base substance: status by name needs a substance.
            let keys = kb.substanceKeys.filter { kb.structure(ofSubstance: $0)?.skeletonKey == example.skeletonKey }
            guard keys.count == 1, let key = keys.first, let entry = catalog.entries.first(where: { $0.id == key }) else { continue }
            let match = SubstanceMatch(id: key, name: entry.name, candidates: [key], classes: entry.classes)
            for outcome in example.outcomes {
                let statuses = provider.statuses(of: match, sourceName: entry.name, on: outcome.date)
                let status = try #require(statuses.first { $0.jurisdiction == outcome.jurisdiction.rawValue })
                let context = "\(example.id) \(outcome.jurisdiction) \(outcome.date): \(status.explanation)"
                switch outcome.status {
                case .scheduled, .precursor:
                    #expect(status.status == outcome.status, "\(context)")
                    if let ref = outcome.ref { #expect(status.reference == ref, "\(context)") }
                case .notControlled:
                    // By name the engine may only know less (a list recorded incompletely): never more.
                    #expect(status.status == .notControlled || status.status == .unknown, "\(context)")
                    if status.status == .unknown { #expect(status.explanation.contains("not complete"), "\(context)") }
                case .unknown:
                    #expect(status.status == .unknown, "\(context)")
                }
                checked += 1
            }
        }
        #expect(checked >= 20, "worked-example outcomes checked: \(checked)")
    }

    @Test("unmapped names, unidentified class members and disagreeing alternatives are unknown, never guessed")
    func neverInvented() throws {
        let kb = try Self.kb()
        let provider = LawStatusProvider(knowledgeBase: kb)
        let catalog = try Self.catalog()
        let date = try Self.day("2020-06-01")
        let unmapped = provider.statuses(of: nil, sourceName: "PARA-CHLOROFENTANYL", on: date)
        #expect(Set(unmapped.map(\.jurisdiction)) == Set(kb.jurisdictionCodes.map(\.rawValue)))
        #expect(unmapped.allSatisfy { $0.status == .unknown && $0.explanation.contains("PARA-CHLOROFENTANYL") })
        let unspecified = try #require(catalog.resolve(name: "FENTANYL-RELATED SUBSTANCE (UNSPECIFIED)", group: nil))
        #expect(provider.statuses(of: unspecified, sourceName: "x", on: date).allSatisfy { $0.status == .unknown })
        let either = try #require(catalog.resolve(name: "CYCLOPROPYL/CROTONYL FENTANYL", group: nil))
        let evaluator = SubstanceStatusEvaluator(knowledgeBase: kb)
        for day in ["2017-01-01", "2019-06-01", "2024-01-01"] {
            let date = try Self.day(day)
            for status in provider.statuses(of: either, sourceName: "x", on: date) {
                let each = either.candidates.map { evaluator.status(ofSubstance: $0, in: JurisdictionCode(rawValue: status.jurisdiction), on: date).status }
                #expect(status.status == (Set(each).count == 1 ? each[0] : .unknown), "\(day) \(status.jurisdiction): \(each)")
            }
        }
    }

    @Test("series per class and per status select the right names; sums equal the raw file's")
    func seriesPerClassAndStatus() throws {
        let kb = try Self.kb()
        let catalog = try Self.catalog()
        let provider = LawStatusProvider(knowledgeBase: kb)
        var set = ObservationSet(resolver: catalog)
        _ = try SurveillanceImporter.importFile(.nflis, path: ImporterTests.path("nflis_fentanyl_reports_by_state_year.csv")) {
            set.append($0)
        }
        let rows = try Self.nflisRows()
        // Per class: every row whose name maps to a US class member, summed for Ohio 2020, from the raw rows.
        struct Name: Hashable { let name: String; let base: String }
        let members = Set(rows.map { Name(name: $0.name, base: $0.base) }
            .filter { catalog.resolve(name: $0.name, group: $0.base)?.isInClass("us-frs") == true })
        let memberNames = Set(members.map(\.name))
        #expect(memberNames.contains("P-FLUOROFENTANYL") && memberNames.contains("CARFENTANIL") && !memberNames.contains("FENTANYL"))
        #expect(!memberNames.contains("PARA-CHLOROFENTANYL") && !memberNames.contains("4-ANILINO-1-PHENETHYLPIPERIDINE"))
        let expected = rows.filter { members.contains(Name(name: $0.name, base: $0.base)) && $0.state == "OH" && $0.year == 2020 }
            .reduce(0) { $0 + $1.reports }
        let series = set.series(SeriesQuery(source: .nflis, substance: .inClass("us-frs"), places: ["OH"],
                                            from: Period.year(2020), to: Period.year(2020)), statusProvider: provider)
        #expect(series.values == [expected])
        #expect(expected > 0)
        // Per status: every selected observation's substance is scheduled in the US on the period's first day.
        let query = SeriesQuery(source: .nflis, substance: .status(jurisdiction: "US", status: .scheduled), places: ["KY"])
        let selected = set.selected(query, statusProvider: provider)
        #expect(!selected.isEmpty)
        let evaluator = SubstanceStatusEvaluator(knowledgeBase: kb)
        for observation in selected {
            let match = try #require(set.match(for: observation), "an unmapped name has no status to select by")
            for key in match.candidates {
                #expect(evaluator.status(ofSubstance: key, in: .unitedStates, on: observation.period.startDay).status == .scheduled)
            }
        }
        #expect(!selected.contains { $0.substance == "PARA-CHLOROFENTANYL" })
    }

    @Test("alerts carry each jurisdiction's status on the first day of the alert's period")
    func alertsCarryStatus() throws {
        let kb = try Self.kb()
        let mapping = LawMapping(knowledgeBase: kb)
        var set = ObservationSet(resolver: mapping.resolver)
        _ = try SurveillanceImporter.importFile(.nflis, path: ImporterTests.path("nflis_fentanyl_reports_by_state_year.csv")) {
            set.append($0)
        }
        let alerts = AlertBuilder(statusProvider: mapping.status).alerts(for: set)
        let carfentanil = try #require(alerts.first { $0.kind == .firstIdentification && $0.substanceID == "carfentanil" && $0.place == "OH" })
        #expect(carfentanil.period == Period.year(2016))
        #expect(Set(carfentanil.status.keys) == ["CN", "UN", "US"])
        let evaluator = SubstanceStatusEvaluator(knowledgeBase: kb)
        for (code, status) in carfentanil.status {
            let expected = evaluator.status(ofSubstance: "carfentanil", in: JurisdictionCode(rawValue: code), on: try Self.day("2016-01-01"))
            #expect(status.status == expected.status && status.explanation == expected.explanation)
        }
        #expect(carfentanil.classes.map(\.id) == ["cn-frs", "us-frs"])
        let unmapped = try #require(alerts.first { $0.substanceID == nil })
        #expect(unmapped.status.values.allSatisfy { $0.status == .unknown })
        #expect(alerts.allSatisfy { $0.status.count == 3 })
    }
}

/// Figures the mapping is held to (measured; see the report in docs/SURVEILLANCE.md).
enum SurveillanceFigures {
    static let nflisMappedNames = 187
    static let nflisIdentifiedNames = 186
    static let nflisListedNames = 102
    static let nflisDecidedNames = 159
}
