import Law
import Testing

@Suite("Class rules")
struct ClassRuleTests {
    static func rule(_ id: String) throws -> ClassRule {
        try #require(try Fixture.knowledgeBase().rule(id: id))
    }

    @Test("US fentanyl-related substances: temporary order 2018-02-06, extended without a gap, statute 2025-07-16")
    func usTimeline() throws {
        let coverage = StepCoverage(steps: try Self.rule("us-frs").steps)
        #expect(coverage.state(on: try Fixture.date("2018-02-05")) == .notYet(from: try Fixture.date("2018-02-06")))
        for day in ["2018-02-06", "2020-02-06", "2020-02-07", "2021-05-06", "2021-10-23", "2022-06-01", "2024-12-31",
                    "2025-04-01", "2025-07-15"] {
            guard case .inForce(let since, _, _) = coverage.state(on: try Fixture.date(day)) else {
                Issue.record("not in force on \(day)")
                continue
            }
            #expect(since == (try Fixture.date("2018-02-06")), "\(day)")
        }
        guard case .inForce(_, _, let step) = coverage.state(on: try Fixture.date("2025-07-16")) else {
            Issue.record("not in force on the HALT Fentanyl Act's date")
            return
        }
        let rule = try Self.rule("us-frs")
        #expect(rule.steps[step].kind == .statute)
        #expect(rule.steps[step].citation.text.contains("P.L. 119-26"))
    }

    @Test("China's class: from 2019-05-01; the nitazene class from 2025-07-01")
    func chinaTimeline() throws {
        let frs = StepCoverage(steps: try Self.rule("cn-frs").steps)
        #expect(frs.state(on: try Fixture.date("2019-04-30")) == .notYet(from: try Fixture.date("2019-05-01")))
        #expect(frs.state(on: try Fixture.date("2019-05-01")).isInForce)
        let nitazenes = StepCoverage(steps: try Self.rule("cn-nitazenes").steps)
        #expect(nitazenes.state(on: try Fixture.date("2025-07-01")).isInForce)
        #expect(try Self.rule("cn-nitazenes").kind == .definitionNotRetrieved)
    }

    @Test("the criteria are the law's: five in the US (A-E), four in China (1-4), each with its legal words")
    func criteria() throws {
        #expect(try Self.rule("us-frs").criteria.map(\.id) == ["A", "B", "C", "D", "E"])
        #expect(try Self.rule("cn-frs").criteria.map(\.id) == ["1", "2", "3", "4"])
        for id in ["us-frs", "cn-frs"] {
            for c in try Self.rule(id).criteria {
                #expect(c.quote?.isEmpty == false, "\(id) \(c.id)")
                #expect(!c.reading.isEmpty, "\(id) \(c.id)")
            }
            #expect(try !Self.rule(id).exclusions.isEmpty)
        }
        #expect(try Self.rule("cn-frs").criteria[3].quote?.contains("氢原子除外") == true)
        #expect(try Self.rule("us-frs").parent?.inchikey == "PJMPHNIQZUBGLI-UHFFFAOYSA-N")
    }

    @Test("every criterion of each class has positive and negative (boundary) worked examples")
    func examplesPerCriterion() throws {
        for id in ["us-frs", "cn-frs"] {
            let rule = try Self.rule(id)
            for criterion in rule.criteria {
                let probing = rule.examples.filter { $0.probes.contains { $0.rule == id && $0.criteria.contains(criterion.id) } }
                let expectations = probing.compactMap { x in x.expectations.first { $0.rule == id } }
                let positive = expectations.filter { e in e.member == true && e.criteria.contains { $0.id == criterion.id } }
                let negative = expectations.filter { e in e.member != true || !e.criteria.contains { $0.id == criterion.id } }
                #expect(!positive.isEmpty, "\(id) criterion \(criterion.id) has no positive example")
                #expect(!negative.isEmpty, "\(id) criterion \(criterion.id) has no negative example")
            }
            #expect(rule.examples.contains { x in (x.expectations.first { $0.rule == id }?.criteria.count ?? 0) >= 2 },
                    "\(id) has no combination example")
        }
    }

    @Test("the two countries' definitions differ where the texts differ")
    func differences() throws {
        let kb = try Fixture.knowledgeBase()
        func expectation(_ example: String, _ rule: String) throws -> RuleExample.Expectation {
            let x = try #require(kb.examples.first { $0.id == example })
            return try #require(x.expectations.first { $0.rule == rule })
        }
        // Chain length and bicyclic rings on the phenethyl side: outside US A/B, inside China's condition 4.
        for id in ["a-benzyl", "a-phenylpropyl", "a-naphthalene", "a-removed-ring", "b-cyano-bridge"] {
            #expect(try expectation(id, "us-frs").member == false, "\(id)")
            #expect(try expectation(id, "cn-frs").member == true, "\(id)")
        }
        // The ring on the amide nitrogen must be an aromatic monocycle attached directly, in both.
        for id in ["d-cyclohexyl", "d-naphthyl", "d-benzyl"] {
            #expect(try expectation(id, "us-frs").member == false, "\(id)")
            #expect(try expectation(id, "cn-frs").member == false, "\(id)")
        }
        // A non-aromatic ring replacing the phenethyl phenyl is US A ("any monocycle").
        #expect(try expectation("a-cyclohexyl", "us-frs").criteria.map(\.id) == ["A"])
        // Hydrogen in place of phenethyl is excluded in China by the text itself.
        #expect(try expectation("a-removed-group", "cn-frs").member == false)
        // China's open list (等) leaves a cyano on the piperidine unsettled; the US list is closed.
        #expect(try expectation("c-cyano", "us-frs").member == false)
        #expect(try expectation("c-cyano", "cn-frs").member == nil)
    }

    @Test("every worked example's listing-based outcomes agree with the listings' own dates")
    func exampleOutcomes() throws {
        let kb = try Fixture.knowledgeBase()
        let evaluator = SubstanceStatusEvaluator(knowledgeBase: kb)
        var checked = 0
        for x in kb.examples {
            for o in x.outcomes where o.basis == "listing" {
                let listing = try #require(kb.listing(id: o.ref ?? ""))
                let status = evaluator.status(ofSubstance: listing.substance, in: o.jurisdiction, on: o.date)
                #expect(status.status == o.status, "\(x.id) \(o.jurisdiction) \(o.date): \(status.explanation)")
                #expect(status.listing?.id == o.ref, "\(x.id) \(o.jurisdiction) \(o.date)")
                checked += 1
            }
        }
        #expect(checked >= 15)
    }

    @Test("known class members of the knowledge base are controlled by the class on the right days")
    func knownMembers() throws {
        let kb = try Fixture.knowledgeBase()
        let evaluator = SubstanceStatusEvaluator(knowledgeBase: kb)
        // beta-methyl fentanyl: by the US class from 2018-02-06, by its own listing from 2021-04-27.
        let before = evaluator.status(ofSubstance: "beta-methyl-fentanyl", in: .unitedStates, on: try Fixture.date("2019-06-01"))
        #expect(before.status == .scheduled)
        #expect(before.basis == .class)
        #expect(before.rule?.id == "us-frs")
        #expect(before.criteria.map(\.id) == ["B"])
        #expect(before.explanation.contains("criteria B"))
        let after = evaluator.status(ofSubstance: "beta-methyl-fentanyl", in: .unitedStates, on: try Fixture.date("2021-04-27"))
        #expect(after.basis == .listing)
        #expect(after.listing?.id == "us-1-beta-methyl-fentanyl")
        // Acetyl fentanyl in China: not before the class, controlled by it from 2019-05-01.
        let cnBefore = evaluator.status(ofSubstance: "acetylfentanyl", in: .china, on: try Fixture.date("2019-04-30"))
        #expect(cnBefore.status == .unknown)
        let cnAfter = evaluator.status(ofSubstance: "acetylfentanyl", in: .china, on: try Fixture.date("2019-05-01"))
        #expect(cnAfter.status == .scheduled)
        #expect(cnAfter.rule?.id == "cn-frs")
        #expect(cnAfter.since == (try Fixture.date("2019-05-01")))
        // Norfentanyl: an immediate precursor in Schedule II, not a class member in either country.
        let norfentanyl = evaluator.status(ofSubstance: "norfentanyl", in: .unitedStates, on: try Fixture.date("2024-06-01"))
        #expect(norfentanyl.basis == .listing)
        #expect(norfentanyl.schedule == "II")
    }
}
