import Chemistry
import Foundation
import Law
import Testing
@testable import Surveillance

/// NFLIS names resolved by structure: the reviewed table agrees with RDKit, agrees with the name route wherever
/// both answer, and hands unlisted structures to the class rules through the structural-decision seam.
@Suite("Name structures")
struct NameStructureTests {
    static let loadedTable: Result<NameStructureTable, NameStructureTableError> = Result {
        () throws(NameStructureTableError) in try NameStructureTable.bundledNFLIS()
    }

    static func table() throws -> NameStructureTable { try loadedTable.get() }

    static func structureCatalog(_ membership: KnowledgeBaseClasses? = nil) throws -> SubstanceCatalog {
        let kb = try LawMappingTests.kb()
        return SubstanceCatalog(knowledgeBase: kb, classes: membership, structures: try table())
    }

    static let builtStructureCatalog: SubstanceCatalog? = try? structureCatalog()

    static func catalog() throws -> SubstanceCatalog { try #require(builtStructureCatalog) }

    /// The catalog as `accord` and the server build it: class membership decided by the law engine.
    static let builtEngineCatalog: SubstanceCatalog? = try? {
        let kb = try LawMappingTests.kb()
        return SubstanceCatalog(knowledgeBase: kb, classes: LawMapping.engineClasses(kb), structures: try table())
    }()

    static func engineCatalog() throws -> SubstanceCatalog { try #require(builtEngineCatalog) }

    @Test("every structure in the table reads in Accord as RDKit read it: same formula, same canonical identity")
    func tableAgreesWithRDKit() throws {
        let table = try Self.table()
        var checked = 0
        for entry in table.entries {
            for alternative in entry.alternatives {
                let context = "\(entry.name) / \(alternative.label)"
                let molecule = try Molecule(smiles: alternative.smiles)
                #expect(molecule.molecularFormula == alternative.rdkitFormula, "\(context)")
                let ours = try #require(StructureKey(smiles: alternative.smiles), "\(context)")
                let rdkit = try #require(StructureKey(smiles: alternative.rdkitCanonicalSMILES), "\(context)")
                #expect(ours == rdkit, "\(context): \(alternative.smiles) vs RDKit \(alternative.rdkitCanonicalSMILES)")
                checked += 1
            }
            // A name with several alternatives lists different structures.
            let identities = entry.alternatives.compactMap { StructureKey(smiles: $0.smiles)?.isomeric }
            #expect(Set(identities).count == identities.count, "\(entry.name) repeats a structure")
        }
        #expect(checked >= 400, "structures checked: \(checked)")
    }

    @Test("the table covers every NFLIS name, and an unresolved name says why")
    func tableCoversNFLIS() throws {
        let table = try Self.table()
        let names = Set(try LawMappingTests.nflisRows().map(\.name))
        for name in names {
            let entry = try #require(table.entry(forName: name), "\(name) is missing from the table")
            #expect(entry.name == name)
            #expect(!entry.alternatives.isEmpty || entry.unresolvedReason?.isEmpty == false, "\(name)")
        }
        #expect(table.entries.count == names.count)
        // Other spellings reach the same entry by their normalised key (salt words dropped).
        #expect(table.entry(forName: "para-chlorofentanyl hydrochloride")?.name == "PARA-CHLOROFENTANYL")
        #expect(table.entry(forName: "NOT A FENTANYL") == nil)
    }

    @Test("where a name reaches the knowledge base by name and by structure, both routes give the same substance")
    func nameAndStructureRoutesAgree() throws {
        let names = try LawMappingTests.catalog()
        let structures = try #require(try Self.catalog().structures)
        var compared = 0
        var pairs = Set<[String]>()
        for row in try LawMappingTests.nflisRows() where pairs.insert([row.name, row.base]).inserted {
            guard let byName = names.resolve(name: row.name, group: row.base), byName.kind == .substance || byName.kind == .oneOf,
                  let byStructure = structures.resolve(row.name, in: names) else { continue }
            #expect(Set(byStructure.candidates) == Set(byName.candidates) && byStructure.unlisted.isEmpty,
                    "\(row.name): by name \(byName.candidates), by structure \(byStructure.candidates) + \(byStructure.unlisted.map(\.smiles))")
            compared += 1
        }
        #expect(compared >= 90, "names compared: \(compared)")
    }

    @Test("names the knowledge base does not list map by structure, with the class decision pending")
    func unlistedNamesAreClassCandidates() throws {
        let catalog = try Self.catalog()
        let chloro = try #require(catalog.resolve(name: "PARA-CHLOROFENTANYL", group: "para-Chlorofentanyl"))
        #expect(chloro.kind == .classCandidate && chloro.candidates.isEmpty && chloro.classes.isEmpty)
        let structure = try #require(chloro.unlisted.first)
        #expect(chloro.unlisted.count == 1)
        #expect(structure.smiles == StructureKey(smiles: "CCC(=O)N(c1ccc(Cl)cc1)C1CCN(CCc2ccccc2)CC1")?.isomeric)
        #expect(structure.pending == ["cn-frs", "us-frs"] && structure.classes.isEmpty)
        #expect(chloro.id == "structure:" + structure.smiles)
        // A name only partly known by name (isovaleryl fentanyl is not listed) is one of two structures.
        let either = try #require(catalog.resolve(name: "VALERYL/ISOVALERYL FENTANYL", group: nil))
        #expect(either.kind == .classCandidate && either.candidates == ["valerylfentanyl"] && either.unlisted.count == 1)
        // A worked example settles what it covers: of the two readings of 3-FLUOROFENTANYL, meta-fluorofentanyl is
        // listed (FR Doc 2023-26694) and the 3-fluoropiperidine analogue is worked example c-fluoro (a member of
        // both classes), so the name is decided without the engine.
        let three = try #require(catalog.resolve(name: "3-FLUOROFENTANYL", group: "3-Fluorofentanyl"))
        #expect(three.kind == .structure && three.isDecided && three.candidates == ["meta-fluorofentanyl"])
        let piperidine = try #require(three.unlisted.first)
        #expect(three.unlisted.count == 1 && piperidine.label.contains("piperidine"))
        #expect(piperidine.classes.map(\.id) == ["cn-frs", "us-frs"] && piperidine.pending.isEmpty)
        #expect(piperidine.evidence.allSatisfy { $0.contains("worked example c-fluoro") })
        // Unresolvable names stay unmapped.
        #expect(catalog.resolve(name: "BIPIPERIDINYL 4-ANPP", group: "Bipiperidinyl 4-ANPP") == nil)
        #expect(catalog.resolve(name: "N-PHENYL-1-(1-PHENETHYL)PIPERIDINE", group: nil) == nil)
    }

    @Test("an unlisted structure's status is unknown while its class decision is pending, never not controlled")
    func pendingStructuresAreUnknown() throws {
        let kb = try LawMappingTests.kb()
        let catalog = try Self.catalog()
        let provider = LawStatusProvider(knowledgeBase: kb)
        var set = ObservationSet(resolver: catalog)
        _ = try SurveillanceImporter.importFile(.nflis, path: ImporterTests.path("nflis_fentanyl_reports_by_state_year.csv")) {
            set.append($0)
        }
        var checked = 0
        for entry in set.nameMapping {
            guard let match = entry.match, match.kind == .classCandidate || match.kind == .structure else { continue }
            for day in ["2016-01-01", "2019-06-01", "2024-01-01"] {
                for status in provider.statuses(of: match, sourceName: entry.name, on: try LawMappingTests.day(day)) {
                    #expect(status.status != .notControlled, "\(entry.name) \(status.jurisdiction) \(day): \(status.explanation)")
                    checked += 1
                }
            }
        }
        #expect(checked > 0)
        let chloro = try #require(catalog.resolve(name: "PARA-CHLOROFENTANYL", group: nil))
        let us = try #require(provider.statuses(of: chloro, sourceName: "PARA-CHLOROFENTANYL", on: try LawMappingTests.day("2020-06-01"))
            .first { $0.jurisdiction == "US" })
        #expect(us.status == .unknown && us.explanation.contains("awaits the structural class engine"))
    }

    @Test("once a structural decision is plugged into the seam, class candidates resolve and take the class's status")
    func structuralDecisionSeam() throws {
        let kb = try LawMappingTests.kb()
        // A stand-in for the law engine's evaluator (the real one lands from the law-engine branch): it calls every
        // structure a US fentanyl-related substance and leaves China open, and checks it is handed the
        // standardized canonical SMILES.
        let usOnly = KnowledgeBaseClasses(knowledgeBase: kb, structuralDecision: { smiles, rule in
            guard StructureKey(smiles: smiles)?.isomeric == smiles else { return false }
            return rule.id == "us-frs" ? true : nil
        })
        let partly = try Self.structureCatalog(usOnly)
        let chloro = try #require(partly.resolve(name: "PARA-CHLOROFENTANYL", group: nil))
        #expect(chloro.kind == .classCandidate && chloro.classes.map(\.id) == ["us-frs"])
        #expect(chloro.unlisted.first?.pending == ["cn-frs"])
        let provider = LawStatusProvider(knowledgeBase: kb)
        let statuses = provider.statuses(of: chloro, sourceName: "PARA-CHLOROFENTANYL", on: try LawMappingTests.day("2020-06-01"))
        let us = try #require(statuses.first { $0.jurisdiction == "US" })
        #expect(us.status == .scheduled && us.basis == "class" && us.reference == "us-frs")
        #expect(us.since == (try LawMappingTests.day("2018-02-06")))
        #expect(statuses.first { $0.jurisdiction == "CN" }?.status == .unknown)
        // Before the US class rule took effect, the same structure is not known to be controlled.
        let before = provider.statuses(of: chloro, sourceName: "PARA-CHLOROFENTANYL", on: try LawMappingTests.day("2017-06-01"))
        #expect(before.first { $0.jurisdiction == "US" }?.status == .unknown)
        // A decision for every rule settles the name: a structure, decided, a member of both classes.
        let both = try Self.structureCatalog(KnowledgeBaseClasses(knowledgeBase: kb, structuralDecision: { _, _ in true }))
        let settled = try #require(both.resolve(name: "PARA-CHLOROFENTANYL", group: nil))
        #expect(settled.kind == .structure && settled.isDecided && settled.classes.map(\.id) == ["cn-frs", "us-frs"])
        #expect(settled.isInClass("fentanyl-related substances"))
        // Worked examples still win over the decision: the 3-fluoropiperidine reading stays a member by example.
        let never = try Self.structureCatalog(KnowledgeBaseClasses(knowledgeBase: kb, structuralDecision: { _, _ in false }))
        let three = try #require(never.resolve(name: "3-FLUOROFENTANYL", group: nil))
        #expect(three.kind == .structure && three.unlisted.first?.classes.map(\.id) == ["cn-frs", "us-frs"])
        // ... and a "no" settles a candidate: PARA-CHLOROFENTANYL is then a structure in no class.
        let outside = try #require(never.resolve(name: "PARA-CHLOROFENTANYL", group: nil))
        #expect(outside.kind == .structure && outside.classes.isEmpty && outside.unlisted.first?.notMemberOf == ["cn-frs", "us-frs"])
    }

    @Test("mutated tables and SMILES never trap: the table is refused with a position, or it maps or leaves names unmapped")
    func fuzzedTables() throws {
        let url = try #require(NameStructureTable.bundledNFLISURL)
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let sample = lines.prefix(40).joined(separator: "\n") + "\n"
        let alphabet: [Character] = Array("\t\"\n()[]=#@+-/\\0123456789cCNnOoFSl.xé")
        let kb = try LawMappingTests.kb()
        let classifier = UnlistedStructureClassifier(index: KnowledgeBaseStructureIndex(knowledgeBase: kb),
                                                     membership: KnowledgeBaseClasses(knowledgeBase: kb))
        let names = try LawMappingTests.catalog()
        var rng = FuzzTests.Generator(state: 0x5EED_7AB1E)
        var parsed = 0, refused = 0
        for _ in 0..<120 {
            var characters = Array(sample)
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                let position = Int.random(in: 0..<characters.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: characters.remove(at: position)
                case 1: characters.insert(alphabet.randomElement(using: &rng) ?? "x", at: position)
                default: characters[position] = alphabet.randomElement(using: &rng) ?? "x"
                }
            }
            do {
                let table = try NameStructureTable(tsv: String(characters), file: "fuzz.tsv")
                parsed += 1
                let resolution = StructureResolution(table: table, classifier: classifier)
                for entry in table.entries {
                    if let match = resolution.resolve(entry.name, in: names) {
                        #expect(!match.candidates.isEmpty || !match.unlisted.isEmpty, "\(entry.name)")
                    }
                }
            } catch {
                refused += 1
                #expect(error.file == "fuzz.tsv" && !error.message.isEmpty)
                if let line = error.line { #expect(line >= 1 && line <= lines.count + 70, "\(error)") }
            }
        }
        #expect(parsed > 0 && refused > 0, "parsed \(parsed), refused \(refused)")
    }

    @Test("a malformed table is refused with the line and column of the problem")
    func malformedTables() {
        let header = NameStructureTable.columns.joined(separator: "\t")
        func row(_ fields: [String]) -> String { fields.joined(separator: "\t") }
        let good = row(["A", "a", "1", "a", "x", "m", "CC", "CC", "C2H6", "K", ""])
        let cases: [(text: String, line: Int?, column: Int?, says: String)] = [
            ("# comment\nname\tbase\n", 2, nil, "header"),
            ("\(header)\n" + row(["A", "a", "1"]) + "\n", 2, 3, "3 fields"),
            ("\(header)\n" + row(["A", "a", "x", "a", "x", "m", "CC", "CC", "C2H6", "K", ""]) + "\n", 2, 3, "not a number"),
            ("\(header)\n" + row(["A", "a", "2", "a", "x", "m", "CC", "CC", "C2H6", "K", ""]) + "\n", 2, 3, "out of order"),
            ("\(header)\n" + row(["A", "a", "0", "", "", "unresolved", "", "", "", "", ""]) + "\n", 2, 11, "needs its reason"),
            ("\(header)\n" + row(["A", "a", "1", "a", "x", "m", "", "CC", "C2H6", "K", ""]) + "\n", 2, 7, "needs its SMILES"),
            ("\(header)\n\(good)\n" + row(["A", "a", "0", "", "", "unresolved", "", "", "", "", "why"]) + "\n", 3, 3, "both resolved"),
            ("", nil, nil, "empty"),
        ]
        for (text, line, column, says) in cases {
            do {
                _ = try NameStructureTable(tsv: text, file: "t.tsv")
                Issue.record("accepted: \(text)")
            } catch {
                #expect(error.line == line && error.column == column, "\(error)")
                #expect(error.description.contains(says) && error.description.hasPrefix("t.tsv"), "\(error)")
            }
        }
        let table = try? NameStructureTable(tsv: "# c\n\(header)\n\(good)\n", file: "t.tsv")
        #expect(table?.entries.count == 1 && table?.entry(forName: "A")?.alternatives.first?.smiles == "CC")
    }
}
