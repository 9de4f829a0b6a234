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
        #expect(checked >= 98)
    }
}

extension ClassEvaluationTests {
    /// Each rule's answer: "member", "not" or "unknown".
    static func members(_ smiles: String) throws -> [String: String] {
        let m = try parent(smiles)
        var out: [String: String] = [:]
        for rule in ["us-frs", "cn-frs"] {
            let member = try #require(evaluator.evaluate(m, rule: rule)).member
            out[rule] = member.map { $0 ? "member" : "not" } ?? "unknown"
        }
        return out
    }

    @Test func boundaryCases() throws {
        // Removal of the acyl group, replacement by a non-acyl group: outside both.
        #expect(try Self.members("CN(c1ccccc1)C1CCN(CCc2ccccc2)CC1") == ["us-frs": "not", "cn-frs": "not"])
        // A fused ring joining the piperidine and the anilide: outside both.
        #expect(try Self.members("CCC(=O)N1c2ccccc2CC12CCN(CCc1ccccc1)CC2")["us-frs"] == "not")
        // Ethyl bridge unsaturated (styryl): outside US A/B, China 4.
        #expect(try Self.members("CCC(=O)N(c1ccccc1)C1CCN(C=Cc2ccccc2)CC1") == ["us-frs": "not", "cn-frs": "member"])
        // A cyclopropyl on the piperidine: whether "alkyl" includes cycloalkyl is open.
        #expect(try Self.members("CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1C1CC1") == ["us-frs": "unknown", "cn-frs": "unknown"])
        // Hydroxymethyl on the piperidine: a combination of listed classes is open.
        #expect(try Self.members("CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1CO")["us-frs"] == "unknown")
        // A thioamide: whether a thioacyl group is an acyl group is open.
        #expect(try Self.members("CCC(=S)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1") == ["us-frs": "unknown", "cn-frs": "unknown"])
        // Phenyl on the amide nitrogen replaced by cyclohexenyl (not aromatic): outside D and 2.
        #expect(try Self.members("CCC(=O)N(C1=CCCCC1)C1CCN(CCc2ccccc2)CC1") == ["us-frs": "not", "cn-frs": "not"])
        // Oxo on the bridge: not one of B's classes.
        #expect(try Self.members("CCC(=O)N(c1ccccc1)C1CCN(CC(=O)c2ccccc2)CC1") == ["us-frs": "not", "cn-frs": "member"])
        // Salt and stereo do not change membership.
        #expect(try Self.members("C[C@@H]1CN(CCc2ccccc2)CC[C@@H]1N(C(=O)CC)c1ccccc1.Cl") == ["us-frs": "member", "cn-frs": "member"])
    }

    @Test func theCorePatternParses() throws {
        _ = try SubstructureQuery(smarts: "[#7X3;!a]1-[#6;!a]-[#6;!a]-[#6;!a](-[#7X3;!a;!R])-[#6;!a]-[#6;!a]-1")
        let fentanyl = try Self.parent("CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1")
        let e = try #require(Self.evaluator.evaluate(fentanyl, rule: "us-frs"))
        #expect(e.member == false && e.outside.isEmpty && e.unsettled.isEmpty)
        #expect(Self.evaluator.evaluate(fentanyl, rule: "un-none") == nil)
    }
}
