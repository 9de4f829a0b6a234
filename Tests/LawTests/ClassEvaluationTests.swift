import Chemistry
import Law
import Testing

/// The structural evaluation of the fentanyl class rules, held to every worked example in the knowledge base
/// (`rules/examples.json`) and to boundary cases.
@Suite struct ClassEvaluationTests {
    static let evaluator = FentanylClassEvaluator()

    static func parent(_ smiles: String) throws -> Molecule {
        StructureIdentity(try Molecule(smiles: smiles)).standardized
    }

    @Test func everyWorkedExampleGivesItsExpectedAnswer() throws {
        let kb = try Fixture.knowledgeBase()
        var checked = 0
        for example in kb.examples {
            let molecule = try Self.parent(example.smiles)
            for expectation in example.expectations where FentanylClassEvaluator.ruleIDs.contains(expectation.rule) {
                let result = try #require(Self.evaluator.evaluate(molecule, rule: expectation.rule))
                #expect(result.member == expectation.member, "\(example.id) \(expectation.rule): \(result.explanation)")
                #expect(result.criteria.map(\.id) == expectation.criteria.map(\.id).sorted(),
                        "\(example.id) \(expectation.rule): \(result.criteria.map { "\($0.id): \($0.explanation)" })")
                for c in result.criteria { #expect(!c.explanation.isEmpty) }
                checked += 1
            }
        }
        #expect(checked == 80)
    }
}
