import Chemistry
import Foundation
import Law
import Testing

/// The engine's determinations: the worked examples' dated outcomes, and the proof that every listed
/// substance, its salts and its stereoisomers determine to its own listing before, on and after its dates.
@Suite struct DeterminationEngineTests {
    static let engine = Result { () throws -> DeterminationEngine in DeterminationEngine(knowledgeBase: try Fixture.knowledgeBase()) }

    static func status(_ smiles: String, _ code: JurisdictionCode, _ day: String) throws -> JurisdictionStatus {
        let engine = try Self.engine.get()
        let statuses = engine.determine(try Molecule(smiles: smiles), on: try Fixture.date(day))
        return try #require(statuses.first { $0.jurisdiction == code })
    }

    @Test func everyWorkedExampleOutcomeHolds() throws {
        let kb = try Fixture.knowledgeBase()
        let engine = try Self.engine.get()
        var checked = 0, incompleteLists = 0
        for example in kb.examples {
            let molecule = try Molecule(smiles: example.smiles)
            for outcome in example.outcomes {
                let s = try #require(engine.determine(molecule, on: outcome.date).first { $0.jurisdiction == outcome.jurisdiction })
                checked += 1
                // A structure on no recorded list, outside every class rule that day: the examples say "not
                // controlled"; the engine says so only where the jurisdiction's recorded lists are complete for the
                // day (`completeThrough`), and "unknown" otherwise. Nothing else may differ.
                if outcome.status == .notControlled && s.status == .unknown && s.basis == nil && s.listing == nil && s.rule == nil
                    && s.explanation.contains("not complete") {
                    incompleteLists += 1
                    continue
                }
                #expect(s.status == outcome.status, "\(example.id) \(outcome.jurisdiction) \(outcome.date): \(s.explanation)")
                #expect(s.basis?.rawValue == outcome.basis, "\(example.id) \(outcome.jurisdiction) \(outcome.date): \(s.explanation)")
                if let ref = outcome.ref {
                    #expect(s.listing?.id == ref || s.rule?.id == ref, "\(example.id) \(outcome.jurisdiction) \(outcome.date): \(s.explanation)")
                }
            }
        }
        #expect(checked > 40)
        #expect(incompleteLists < checked / 2)
    }

    /// Salt and stereo variants of a SMILES: hydrochloride, citrate (for substances larger than citric acid,
    /// which the largest-fragment rule would otherwise keep), and the mirror image when it has stereo.
    static func variants(_ smiles: String, heavyAtoms: Int) -> [String] {
        var out = [smiles + ".Cl"]
        if heavyAtoms > 13 { out.append("OC(=O)CC(O)(CC(=O)O)C(=O)O." + smiles) }
        if smiles.contains("@") {
            out.append(smiles.replacingOccurrences(of: "@@", with: "\u{0}").replacingOccurrences(of: "@", with: "@@").replacingOccurrences(of: "\u{0}", with: "@"))
        }
        return out
    }

    @Test func everyListedSubstanceDeterminesToItsOwnListingBeforeOnAndAfterItsDates() throws {
        let kb = try Fixture.knowledgeBase()
        let engine = try Self.engine.get()
        var checked = 0, inForceChecked = 0
        for listing in kb.listings where listing.form.matchesStructure {
            guard let structure = listing.structure else { continue }
            let parsed = try Molecule(smiles: structure.smiles)
            let identity = StructureIdentity(parsed)
            let sameStructure = Set(engine.index.substances(forKey: identity.key))
            #expect(sameStructure.contains(listing.substance), "\(listing.id): its structure does not find its substance")
            let siblings = sameStructure.flatMap { kb.listings(ofSubstance: $0) }
                .filter { $0.jurisdiction == listing.jurisdiction && $0.form != .preparation }
            var days: [CalendarDate] = []
            for step in listing.steps {
                if let d = step.effective?.exactDay { days += [d.adding(days: -1), d, d.adding(days: 365)] }
                if let d = step.inForce?.date { days.append(d) }
            }
            for day in days {
                let states = siblings.map { StepCoverage(steps: $0.steps).state(on: day) }
                let inForce = states.contains { $0.isInForce }
                for smiles in [structure.smiles] + Self.variants(structure.smiles, heavyAtoms: parsed.atomCount) {
                    guard let molecule = try? Molecule(smiles: smiles) else {
                        Issue.record("\(listing.id): variant \(smiles) does not parse")
                        continue
                    }
                    let s = try #require(engine.determine(molecule, on: day).first { $0.jurisdiction == listing.jurisdiction })
                    if inForce {
                        #expect(s.basis == .listing && (s.status == .scheduled || s.status == .precursor),
                                "\(listing.id) on \(day) as \(smiles): \(s.explanation)")
                        #expect(s.listing.map { sameStructure.contains($0.substance) } == true, "\(listing.id) on \(day): \(s.explanation)")
                        inForceChecked += 1
                    } else {
                        #expect(s.basis != .listing || s.status == .unknown || s.status == .notControlled,
                                "\(listing.id) on \(day) as \(smiles), no listing in force: \(s.explanation)")
                    }
                    checked += 1
                }
            }
        }
        #expect(checked > 1000)
        #expect(inForceChecked > 500)
    }

    @Test func standardizationStepsAreReported() throws {
        let engine = try Self.engine.get()
        let c = engine.classify(try Molecule(smiles: "[2H]C([2H])([2H])C(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1.Cl"), on: try Fixture.date("2024-06-01"))
        let kinds = c.identity.report.steps.map(\.kind)
        #expect(kinds.contains(.removedFragments))
        #expect(kinds.contains(.removedIsotopes))
        #expect(c.substances == ["acetylfentanyl"])
    }

    @Test func unlistedClassMembersAreControlledByTheClassFromItsDate() throws {
        // Designed: thiophene and cyclopentanecarbonyl (A + E / 1 + 4).
        let smiles = "O=C(C1CCCC1)N(c1ccccc1)C1CCN(CCc2cccs2)CC1"
        let before = try Self.status(smiles, .unitedStates, "2018-02-05")
        #expect(before.status != .scheduled)
        let on = try Self.status(smiles, .unitedStates, "2018-02-06")
        #expect(on.status == .scheduled && on.basis == .class && on.rule?.id == "us-frs")
        #expect(on.criteria.map(\.id) == ["A", "E"])
        #expect(on.since == (try Fixture.date("2018-02-06")))
        let china = try Self.status(smiles, .china, "2019-05-01")
        #expect(china.status == .scheduled && china.rule?.id == "cn-frs" && china.criteria.map(\.id) == ["1", "4"])
        #expect(try Self.status(smiles, .china, "2019-04-30").status != .scheduled)
        let later = try Self.status(smiles, .unitedStates, "2026-01-01")
        let statute = try Fixture.date("2025-07-16")
        #expect(later.status == .scheduled && later.since.map { $0 <= statute } == true)
    }

    @Test func openPointsAreUnknownNotNotControlled() throws {
        let sulfonyl = try Self.status("CCCS(=O)(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1", .unitedStates, "2024-06-01")
        #expect(sulfonyl.status == .unknown)
        #expect(sulfonyl.explanation.contains("sulfonyl"))
        let cyano = try Self.status("CCC(=O)N(c1ccccc1)C1(C#N)CCN(CCc2ccccc2)CC1", .china, "2024-06-01")
        #expect(cyano.status == .unknown)
    }

    @Test func nearestAndAnalogueEvidenceForAnUnlistedAnalogue() throws {
        let engine = try Self.engine.get()
        // An N-benzyl anilide (outside D in both countries), close to fentanyl.
        let c = engine.classify(try Molecule(smiles: "CCC(=O)N(Cc1ccccc1)C1CCN(CCc2ccccc2)CC1"), on: try Fixture.date("2024-06-01"))
        #expect(c.substances.isEmpty)
        let first = try #require(c.nearest.first)
        #expect(first.similarity > 0.5 && first.similarity < 1)
        #expect((first.commonAtoms ?? 0) >= 15)
        #expect(c.nearest.map(\.similarity) == c.nearest.map(\.similarity).sorted(by: >))
        #expect(c.analogueNote?.contains("Analogue") == true)
        // A listed substance is its own nearest, so it is left out of its nearest list.
        let f = engine.classify(try Molecule(smiles: "CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1"), on: try Fixture.date("2024-06-01"))
        #expect(!f.nearest.contains { $0.substance == "fentanyl" })
        #expect(f.analogueNote == nil)
    }

    @Test func unrelatedStructuresGetNoClassAndNoAnalogueNote() throws {
        let engine = try Self.engine.get()
        let c = engine.classify(try Molecule(smiles: "CCO"), on: try Fixture.date("2024-06-01"))
        #expect(c.classEvaluations.allSatisfy { $0.member == false })
        #expect(c.analogueNote == nil)
        #expect(c.jurisdictions.count == 3)
    }
}

extension DeterminationEngineTests {
    @Test func classifyJSONLinesAreValidJSONWithEscapedText() throws {
        let engine = try Self.engine.get()
        let c = engine.classify(try Molecule(smiles: "CC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1.Cl"), on: try Fixture.date("2024-06-01"))
        let name = "a \"quoted\" name\twith\u{01}control, back\\slash and 芬太尼"
        for line in [c.jsonLine(index: 3, name: name, input: "x"),
                     Classification.errorJSONLine(index: 4, name: name, input: "C1CC", date: c.date, error: "column 2: \"bad\"")] {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["name"] as? String == name)
            let keys = ["analogue", "classes", "date", "error", "index", "input", "jurisdictions", "name", "nearest", "standardization",
                        "standardized_smiles", "substances"]
            #expect(Set(object.keys) == Set(keys))
        }
        let object = try #require(try JSONSerialization.jsonObject(with: Data(c.jsonLine(index: 0, name: nil, input: nil).utf8)) as? [String: Any])
        #expect(object["name"] as? String == "acetyl fentanyl" || (object["name"] as? String)?.contains("acetyl") == true)
        let jurisdictions = try #require(object["jurisdictions"] as? [[String: Any]])
        #expect(jurisdictions.count == 3)
        #expect(jurisdictions.first?["entry"] as? String == "us-1-acetylfentanyl")
    }
}
