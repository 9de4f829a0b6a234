import Testing

@testable import Chemistry

/// The screen of a SMARTS query never rejects a molecule RDKit says it matches (the 4,010 patterns and 2,000
/// ChEMBL molecules of scripts/reference/make_smarts_reference.py), and it still rejects part of the rest.
@Suite struct SMARTSScreenTests {
    @Test func smartsQueriesHaveNoFalseNegatives() throws {
        let molecules = SubstructureAgreementTests.molecules()
        let screens = molecules.map { $0.map(SubstructureScreen.standard.fingerprint(of:)) }
        var queries = 0, matchingPairs = 0, otherPairs = 0, rejected = 0
        var falseNegatives: [String] = []
        for pattern in SubstructureAgreementTests.patterns() where pattern.set != "queries-smiles" {
            guard let query = try? SubstructureQuery(smarts: pattern.text) else { continue }
            queries += 1
            let q = SubstructureScreen.standard.queryFingerprint(of: query)
            for (i, screen) in screens.enumerated() {
                guard let screen else { continue }
                let passes = q.isSubset(of: screen)
                if (pattern.expected[i] ?? 0) > 0 {
                    matchingPairs += 1
                    if !passes && falseNegatives.count < 10 { falseNegatives.append("\(pattern.text) in molecule \(i)") }
                } else {
                    otherPairs += 1
                    if !passes { rejected += 1 }
                }
            }
        }
        #expect(queries > 3000)
        #expect(matchingPairs > 10_000)
        #expect(falseNegatives.isEmpty, "\(falseNegatives)")
        let rejection = Double(rejected) / Double(max(otherPairs, 1))
        print("screen (SMARTS queries): \(queries) queries, \(matchingPairs) matching pairs kept, \(rejected)/\(otherPairs) other pairs rejected (\(rejection))")
        #expect(rejection > 0.5)
    }

    @Test func certainBondsAndElementsOnly() throws {
        // `[C,N]` and `~` are uncertain, so these queries set no labelled bits beyond the ring and counts.
        let loose = SubstructureScreen.standard.queryFingerprint(of: try SubstructureQuery(smarts: "[C,N]~[C,N]"))
        let exact = SubstructureScreen.standard.queryFingerprint(of: try SubstructureQuery(smarts: "C-N"))
        #expect(loose.popcount == 0)
        #expect(exact.popcount > 0)
        let amine = try Molecule(smiles: "CCN")
        let ethane = try Molecule(smiles: "CC")
        #expect(exact.isSubset(of: SubstructureScreen.standard.fingerprint(of: amine)))
        #expect(!exact.isSubset(of: SubstructureScreen.standard.fingerprint(of: ethane)))
    }
}
