import Testing

@testable import Chemistry

/// The substructure screen never rejects a molecule that RDKit says contains the query (reference answers from
/// scripts/reference/make_screen_reference.py), and it rejects most of those that do not.
@Suite struct ScreenTests {
    static let molecules: [Molecule?] = ReferenceData.rows("Fingerprints/morgan_chembl_20_chiral.tsv").prefix(2000).map {
        try? Molecule(smiles: String($0[0]))
    }

    struct Tally {
        var queries = 0
        var matchingPairs = 0
        var falseNegatives: [String] = []
        var otherPairs = 0
        var rejected = 0
    }

    @Test func moleculeQueriesHaveNoFalseNegatives() throws {
        let screens = Self.molecules.map { $0.map(SubstructureScreen.standard.fingerprint(of:)) }
        #expect(screens.count == 2000)
        var t = Tally()
        for row in ReferenceData.rows("Fingerprints/screen_matches.tsv") where row.count >= 3 && row[0] == "smiles" {
            guard let query = try? Molecule(smiles: String(row[1])) else { continue }
            t.queries += 1
            let q = SubstructureScreen.standard.queryFingerprint(ofQueryMolecule: query)
            let matching = Set(row.count > 3 ? row[3].split(separator: " ").compactMap { Int($0) } : [])
            for (i, screen) in screens.enumerated() {
                guard let screen else { continue }
                let passes = q.isSubset(of: screen)
                if matching.contains(i) {
                    t.matchingPairs += 1
                    if !passes && t.falseNegatives.count < 10 { t.falseNegatives.append("\(row[1]) in row \(i)") }
                } else {
                    t.otherPairs += 1
                    if !passes { t.rejected += 1 }
                }
            }
        }
        #expect(t.queries == 823)
        #expect(t.matchingPairs > 10_000)
        #expect(t.falseNegatives.isEmpty, "\(t.falseNegatives)")
        let rejection = Double(t.rejected) / Double(max(t.otherPairs, 1))
        print("screen (molecule queries): \(t.matchingPairs) matching pairs kept, \(t.rejected)/\(t.otherPairs) other pairs rejected (\(rejection))")
        // RDKit's pattern fingerprint rejects 95.7% of these pairs.
        #expect(rejection > 0.95)
    }

    @Test func screenOfAMoleculeContainsScreensOfItsFragments() throws {
        // A molecule is a substructure of itself: its query screen must pass its own screen.
        for molecule in Self.molecules.prefix(500).compactMap({ $0 }) {
            let q = SubstructureScreen.standard.queryFingerprint(ofQueryMolecule: molecule)
            #expect(q.isSubset(of: SubstructureScreen.standard.fingerprint(of: molecule)))
        }
    }

    @Test func densityLeavesRoomToReject() {
        let counts = Self.molecules.prefix(1000).compactMap { $0 }.map { SubstructureScreen.standard.fingerprint(of: $0).popcount }
        let mean = Double(counts.reduce(0, +)) / Double(counts.count)
        print("screen: mean \(mean) of 2048 bits set")
        #expect(mean < 1024)
    }
}
