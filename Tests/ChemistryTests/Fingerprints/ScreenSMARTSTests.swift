import Testing

@testable import Chemistry

/// The screen of compiled queries (SMARTS, and molecules used as queries) against RDKit's answers for the
/// SMARTS sets of issue 3 (scripts/reference/make_smarts_reference.py: RLewis filters, RDKit's substructure
/// queries as SMARTS and as molecules, primitives, stereo fragments, mutated SMARTS, on 2,000 ChEMBL
/// molecules): no molecule RDKit matches is ever rejected, and a screened library search returns exactly what
/// matching every molecule returns.
@Suite struct ScreenSMARTSTests {
    static let molecules = SubstructureAgreementTests.molecules()
    static let patterns = SubstructureAgreementTests.patterns()
    static let screens: [Fingerprint?] = molecules.map { $0.map(SubstructureScreen.standard.fingerprint(of:)) }

    @Test func queryScreensHaveNoFalseNegatives() throws {
        #expect(Self.molecules.count == 2000 && Self.patterns.count > 3700)
        var matchingPairs: [String: Int] = [:]
        var otherPairs = 0, rejected = 0
        var falseNegatives: [String] = []
        for pattern in Self.patterns {
            let query = try #require(SubstructureAgreementTests.query(pattern), "\(pattern.text)")
            let screen = QueryScreen(SubstructureScreen.standard.queryFingerprint(of: query))
            let count = pattern.set == "mutated" ? 200 : Self.molecules.count
            for m in 0..<count {
                let molecule = try #require(Self.screens[m])
                let passes = screen.passes(molecule)
                if pattern.expected[m, default: 0] > 0 {
                    matchingPairs[pattern.set, default: 0] += 1
                    if !passes && falseNegatives.count < 20 { falseNegatives.append("\(pattern.set) '\(pattern.text)' molecule \(m)") }
                } else {
                    otherPairs += 1
                    if !passes { rejected += 1 }
                }
            }
        }
        #expect(falseNegatives.isEmpty, "\(falseNegatives)")
        for set in ["rlewis", "queries-smarts", "queries-smiles", "primitives", "stereo", "mutated"] {
            #expect(matchingPairs[set, default: 0] > 500, "\(set): \(matchingPairs[set, default: 0]) matching pairs")
        }
        let rate = Double(rejected) / Double(max(otherPairs, 1))
        print("screen (SMARTS sets): \(matchingPairs.values.reduce(0, +)) matching pairs kept \(matchingPairs), \(rejected)/\(otherPairs) other pairs rejected (\(rate))")
        // Generic SMARTS ([#6], *~*, recursive patterns) leave the screen little to test; most of the rest go.
        #expect(rate > 0.5)
    }

    @Test func screenedLibrarySearchIsExact() throws {
        let molecules = Self.molecules.compactMap { $0 }
        #expect(molecules.count == 2000)
        let library = SubstructureLibrary(molecules: molecules, threads: 2)
        var rejected = 0, pairs = 0
        for pattern in Self.patterns where pattern.set != "mutated" && pattern.index % 3 == 0 {
            let query = try #require(SubstructureAgreementTests.query(pattern))
            let chirality = pattern.set == "stereo"
            let expected = molecules.indices.filter { query.matches(molecules[$0], useChirality: chirality) }
            for threads in [1, 2] {
                let result = library.search(query, useChirality: chirality, threads: threads)
                #expect(result.matches == expected, "\(pattern.set) '\(pattern.text)' threads \(threads)")
                #expect(result.rejectedByScreen <= molecules.count - expected.count)
                if threads == 1 {
                    rejected += result.rejectedByScreen
                    pairs += molecules.count
                }
            }
        }
        print("screened library search: \(rejected)/\(pairs) pairs ruled out by the screen")
        #expect(pairs > 1_000_000)
    }

    @Test func bondClassesAreCertainOnlyWhenForced() throws {
        func classes(_ smarts: String) throws -> [ScreenGraph.BondClass?] {
            ScreenGraph(query: try SubstructureQuery(smarts: smarts).compiled.graphs[0]).bondClasses
        }
        #expect(try classes("C-C=C#C") == [.single, .double, .triple])
        #expect(try classes("c:c") == [.aromatic])
        // Unwritten bonds are single or aromatic; ~, @ and negations are open.
        #expect(try classes("CC") == [nil])
        #expect(try classes("C~C") == [nil])
        #expect(try classes("C@C") == [nil])
        #expect(try classes("C!-C") == [nil])
        // Ring membership does not change the class: -@ is single, in a ring or not.
        #expect(try classes("C-@C") == [.single])
        #expect(try classes("C=,#C") == [nil])
        #expect(try classes("C-,:C") == [nil])
    }

    @Test func elementsAreCertainOnlyWhenForced() throws {
        func elements(_ smarts: String) throws -> [UInt8?] {
            ScreenGraph(query: try SubstructureQuery(smarts: smarts).compiled.graphs[0]).elements
        }
        #expect(try elements("[#7]c[N;H1][C,c][O,S][!O]*[$(CC)]") == [7, 6, 7, 6, nil, nil, nil, nil])
        #expect(try elements("[Cl,Br]") == [nil])
    }
}
