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

/// Random edits of the knowledge base's structures: whatever parses must classify without trapping, and the
/// answers must be consistent (a member names criteria, an unsettled answer names its open points, a
/// non-member names what is outside or is fentanyl itself).
@Suite struct ClassEvaluationFuzzTests {
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test func randomEditsClassifyConsistently() throws {
        let kb = try Fixture.knowledgeBase()
        let engine = DeterminationEngine(knowledgeBase: kb)
        let day = try Fixture.date("2024-06-01")
        var rng = SplitMix(state: 20_261_205)
        let seeds = kb.examples.map(\.smiles) + kb.listings.compactMap { $0.structure?.smiles }
        let alphabet = Array("CNOSFcn()=#1234[]+-.@Cl")
        var classified = 0
        for _ in 0..<400 {
            var chars = Array(seeds[Int.random(in: 0..<seeds.count, using: &rng)])
            for _ in 0..<Int.random(in: 1...2, using: &rng) {
                let i = Int.random(in: 0..<chars.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: chars[i] = alphabet[Int.random(in: 0..<alphabet.count, using: &rng)]
                case 1: chars.insert(alphabet[Int.random(in: 0..<alphabet.count, using: &rng)], at: i)
                default: if chars.count > 2 { chars.remove(at: i) }
                }
            }
            guard let molecule = try? Molecule(smiles: String(chars)) else { continue }
            let c = engine.classify(molecule, on: day, options: DeterminationEngine.Options(nearest: 1, commonSubstructureThreshold: 0.8))
            classified += 1
            #expect(c.jurisdictions.count == kb.jurisdictions.count)
            for e in c.classEvaluations {
                switch e.member {
                case true?: #expect(!e.criteria.isEmpty && e.outside.isEmpty && e.unsettled.isEmpty, "\(String(chars)): \(e.explanation)")
                case nil: #expect(!e.unsettled.isEmpty || !e.outside.isEmpty, "\(String(chars)): \(e.explanation)")
                case false?: #expect(e.criteria.isEmpty, "\(String(chars)): \(e.explanation)")
                }
            }
            for s in c.jurisdictions where s.status == .scheduled || s.status == .precursor {
                #expect(s.listing != nil || s.rule != nil)
                #expect(s.citation != nil)
            }
        }
        #expect(classified > 40)
    }
}
