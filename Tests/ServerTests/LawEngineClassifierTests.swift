import Exchange
import Law
import Server
import Testing

/// The law engine behind the exchange's classifier seam, as `accord serve` wires it.
@Suite("law engine classifier")
struct LawEngineClassifierTests {
    static let classifier = Result { () throws -> LawEngineClassifier in LawEngineClassifier(knowledgeBase: try KnowledgeBase.bundled()) }

    @Test("a salt of a listed substance is classified at the seizure date, by listing or class rule, with citations")
    func classifies() throws {
        let classifier = try Self.classifier.get()
        let day = try CalendarDate(parsing: "2024-06-01")
        let answers = try classifier.classify(smiles: "CC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1.Cl", on: day)
        #expect(answers.map(\.jurisdiction) == ["US", "CN", "UN"])
        let us = try #require(answers.first)
        #expect(us.status == "scheduled" && us.basis == "listed" && us.schedule == "I" && us.citation != nil)
        let cn = try #require(answers.dropFirst().first)
        #expect(cn.status == "scheduled" && cn.basis == "class_rule")
        let before = try classifier.classify(smiles: "O=C(C1CCCC1)N(c1ccccc1)C1CCN(CCc2cccs2)CC1", on: try CalendarDate(parsing: "2018-01-01"))
        #expect(before.first?.status != "scheduled")
        let stored = classifier.classification(of: "O=C(C1CCCC1)N(c1ccccc1)C1CCN(CCc2cccs2)CC1", on: day)
        #expect(stored.outcome == .determined)
        #expect(stored.determinations.first?.basis == "class_rule")
    }

    @Test("a SMILES that does not parse is a problem with its column, stored as unavailable")
    func badStructure() throws {
        let classifier = try Self.classifier.get()
        let day = try CalendarDate(parsing: "2024-06-01")
        #expect(throws: StructureProblem.self) { try classifier.classify(smiles: "C1CC", on: day) }
        let stored = classifier.classification(of: "C1CC", on: day)
        #expect(stored.outcome == .unavailable)
        #expect(stored.reason?.isEmpty == false)
    }
}
