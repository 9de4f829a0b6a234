import Chemistry
import Testing

/// The matcher's behaviour case by case. Every expected number below was read from RDKit 2026.09
/// (`len(Chem.MolFromSmiles(target).GetSubstructMatches(query, ...))`) when the case was written.
@Suite("Substructure queries")
struct SubstructureQueryTests {
    @Test("SMARTS semantics as RDKit implements them", arguments: [
        // uniquify: one match per atom set
        ("c1ccccc1", "c1ccccc1", 1), ("CC", "CCCC", 3), ("C(C)C", "CC(C)C", 3),
        // hydrogens: H counts hydrogen atoms in the graph, h only the others; A matches them
        ("[C;H3]", "[2H]C", 0), ("[C;h3]", "[2H]C", 1), ("A", "[2H]C", 2), ("[#1]", "[2H]C", 1), ("[#1]", "C", 0),
        ("[C;X4]", "[2H]C", 1), ("[C;D1]", "[2H]C", 1), ("[C;d1]", "[2H]C", 1), ("[C;d0]", "[1H]C", 1),
        ("[N;H2]", "NCCN", 2), ("[Cl,Br,I]", "ClCCBr", 2),
        // element symbols: organic ones are aliphatic or aromatic, others any
        ("[S]", "c1ccsc1", 0), ("[Se]", "c1cc[se]c1", 1), ("[#6]", "c1ccccc1", 6), ("[12C]", "C", 0), ("[0C]", "C", 1),
        // bonds: unspecified and / \ are single or aromatic; - is single only
        ("cc", "c1ccccc1-c1ccccc1", 13), ("c-c", "c1ccccc1-c1ccccc1", 1), ("c:c", "c1ccccc1-c1ccccc1", 12),
        ("c/c", "c1ccccc1", 6), ("C=C", "C1=CC=CC=C1", 0), ("[#6]~[#6]", "CC=C", 2),
        // dative bonds keep their direction
        ("N->[Cu]", "[NH3]->[Cu+2]", 1), ("[Cu]<-N", "[NH3]->[Cu+2]", 1), ("N<-[Cu]", "[NH3]->[Cu+2]", 0),
        ("N-[Cu]", "[NH3]->[Cu+2]", 0), ("N~[Cu]", "[NH3]->[Cu+2]", 1),
        // rings: relevant cycles; R counts rings, r is the smallest, k any size, x ring bonds
        ("[R2]", "c1ccc2ccccc2c1", 2), ("[x3]", "c1ccc2ccccc2c1", 2), ("[r5]", "C1CC2CCC1C2", 7), ("[r6]", "C1CC2CCC1C2", 0),
        ("[k6]", "C1CCc2ccccc21", 6), ("[k{6-6}]", "C1CCc2ccccc21", 6), ("[r{6-6}]", "C1CCc2ccccc21", 4), ("[k0]", "C1CC1CC", 5),
        ("[R3]", "C12C3C4C1C5C2C3C45", 8), ("[R{0-0}]", "C1CC1CC", 2), ("[r0]", "C1CC1CC", 2),
        // charges, ranges, valence, hetero neighbours, hybridization
        ("[-{1-}]", "[O-]C(=O)[N+](C)(C)C", 1), ("[+{-0}]", "[O-]C(=O)[N+](C)(C)C", 6), ("[D{-1}]", "CC(C)C", 3),
        ("[D{3-1}]", "CC(C)C", 0), ("[v4]", "CC(=O)O", 2), ("[z]", "CC*", 1), ("[#119]", "CC*", 0), ("[Z]", "c1ccncc1C", 0),
        ("[O;^2]", "OC=O", 2), ("[O;^3]", "OC=O", 0), ("[C;^1]", "CC#N", 1), ("[N;^2]", "CC(=O)N", 1),
        // recursive SMARTS, nested and negated
        ("[$(C=O)]", "CC(=O)O", 1), ("[$([$(C=O)]O)]", "CC(=O)OC", 1), ("[D1;!$(*=O)]", "CC(=O)O", 3),
        // precedence: ! before implicit and before , before ;
        ("[C,N;H2]", "NCC=C", 3), ("[!C,N]", "NCC=O", 2), ("[C&!H3,O]", "CCO", 2),
    ])
    func semantics(_ smarts: String, _ smiles: String, _ expected: Int) throws {
        let query = try SubstructureQuery(smarts: smarts)
        let molecule = try Molecule(smiles: smiles)
        #expect(query.matchCount(molecule) == expected, "\(smarts) in \(smiles)")
        #expect(query.matches(molecule) == (expected > 0))
        #expect(Array(query.mappings(in: molecule)).count == expected)
    }

    @Test("molecules as queries match as RDKit's MolFromSmiles queries do", arguments: [
        ("C", "c1ccccc1", 6), ("CC", "c1ccccc1", 0), ("N", "C[NH3+]", 1), ("[NH4+]", "N", 0), ("[N+]", "C[NH3+]", 0),
        ("*C", "*CC", 1), ("*C", "OCC", 0), ("[13CH4]", "C", 0), ("C", "[13CH4]", 1), ("C1CC1", "CC1CC1", 1),
        ("[1*]C", "[1*]C", 1), ("[1*]C", "*C", 1), ("[1*]C", "[2*]C", 0), ("*C", "[2*]C", 1),
    ])
    func moleculeQueries(_ query: String, _ target: String, _ expected: Int) throws {
        let q = SubstructureQuery(molecule: try Molecule(smiles: query))
        #expect(q.smarts == nil)
        #expect(q.matchCount(try Molecule(smiles: target)) == expected, "\(query) in \(target)")
    }

    @Test("chirality-aware matching compares tetrahedral and double-bond configurations", arguments: [
        ("[C@H](F)(Cl)Br", "[C@H](F)(Cl)Br", 1, 1), ("[C@H](F)(Cl)Br", "[C@@H](F)(Cl)Br", 1, 0),
        ("[C@;H1](F)(Cl)Br", "[C@H](F)(Cl)Br", 1, 0), ("[C@&H1](F)(Cl)Br", "[C@H](F)(Cl)Br", 1, 1),
        ("[C@](F)(Cl)Br", "[C@H](F)(Cl)Br", 1, 0), ("[C@@](F)(Cl)Br", "[C@H](F)(Cl)Br", 1, 1),
        ("F[C@](Cl)Br", "F[C@](Cl)(Br)I", 1, 1), ("F[C@](Cl)Br", "F[C@@](Cl)(Br)I", 1, 0),
        ("F[C@](Cl)Br", "F[C@](I)(Cl)Br", 1, 1), ("F[C@](Cl)(Br)I", "FC(Cl)(Br)I", 1, 0),
        ("F[C@H](C)C", "F[C@@H](C)CC", 1, 1),
        ("C/C=C/C", "C/C=C/C", 1, 1), ("C/C=C/C", "C/C=C\\C", 1, 0), ("C/C=C/C", "CC=CC", 1, 0),
        ("CC=CC", "C/C=C/C", 1, 1), ("C/C=C\\C", "C/C(F)=C/C", 1, 0), ("C/C=C/C", "C/C(F)=C/C", 1, 1),
        ("C/C=,#C/C", "C/C=C\\C", 1, 0), ("C/C~C/C", "C/C=C\\C", 1, 1),
    ])
    func chirality(_ smarts: String, _ smiles: String, _ plain: Int, _ chiral: Int) throws {
        let query = try SubstructureQuery(smarts: smarts)
        let molecule = try Molecule(smiles: smiles)
        #expect(query.matchCount(molecule) == plain, "\(smarts) in \(smiles)")
        #expect(query.matchCount(molecule, useChirality: true) == chiral, "\(smarts) in \(smiles) with chirality")
    }

    @Test("molecule queries carry their stereo into chirality-aware matching")
    func moleculeStereo() throws {
        let query = SubstructureQuery(molecule: try Molecule(smiles: "F[C@@H](Cl)Br"))
        #expect(query.matchCount(try Molecule(smiles: "F[C@H](Cl)Br"), useChirality: true) == 0)
        #expect(query.matchCount(try Molecule(smiles: "F[C@@H](Cl)Br"), useChirality: true) == 1)
        #expect(query.matchCount(try Molecule(smiles: "FC(Cl)Br"), useChirality: true) == 0)
        #expect(query.matchCount(try Molecule(smiles: "FC(Cl)Br")) == 1)
    }

    @Test("uniquify, caps and the order of mappings")
    func countingAndOrder() throws {
        let benzene = try Molecule(smiles: "c1ccccc1")
        let ring = try SubstructureQuery(smarts: "c1ccccc1")
        #expect(ring.matchCount(benzene, uniquify: false) == 12)
        #expect(ring.matchCount(benzene, uniquify: false, max: 5) == 5)
        #expect(ring.matchCount(benzene, uniquify: true, max: 5) == 1)
        let isobutane = try SubstructureQuery(smarts: "C(C)C")
        // RDKit: ((1, 0, 2), (1, 0, 3), (1, 2, 3)): query atom order, first mapping of each atom set.
        #expect(Array(isobutane.mappings(in: try Molecule(smiles: "CC(C)C"))) == [[1, 0, 2], [1, 0, 3], [1, 2, 3]])
        #expect(Array(isobutane.mappings(in: try Molecule(smiles: "CC(C)C"), uniquify: false)).count == 6)
        // The sequence is lazy: taking the first mapping does not need the others.
        var iterator = ring.mappings(in: benzene, uniquify: false).makeIterator()
        #expect(iterator.next() == [0, 1, 2, 3, 4, 5])
        #expect(iterator.next() != nil)
        // More query atoms than target atoms: nothing, at once.
        #expect(try SubstructureQuery(smarts: "CCCCC").matchCount(try Molecule(smiles: "CCC")) == 0)
    }

    @Test("a cap counts distinct matches when uniquifying, mappings otherwise, as RDKit 2026.09 does")
    func cappedCount() throws {
        // 15 linked benzene rings, 12 mappings each. RDKit: maxMatches=10 gives 10 matches either way,
        // maxMatches=100 gives 15 unique matches or 100 mappings.
        let rings = try Molecule(smiles: String(repeating: "c1ccccc1", count: 15))
        let query = try SubstructureQuery(smarts: "c1ccccc1")
        #expect(query.matchCount(rings) == 15)
        #expect(query.matchCount(rings, uniquify: false) == 180)
        #expect(query.matchCount(rings, max: 10) == 10)
        #expect(query.matchCount(rings, max: 100) == 15)
        #expect(query.matchCount(rings, uniquify: false, max: 100) == 100)
        let all = Array(query.mappings(in: rings))
        #expect(all.count == 15)
        #expect(Array(query.mappings(in: rings, max: 10)) == Array(all.prefix(10)))
    }

    @Test("targets that were never perceived are matched without trapping")
    func unperceivedTarget() throws {
        let raw = try Molecule(smiles: "c1ccccc1CC1CC1", options: SMILESReadOptions(perceive: false))
        for smarts in ["c1ccccc1", "[R]", "[r3]", "[k3]", "[x2]", "[v4]", "[^2]", "*@*", "[$(*~*)]", "C"] {
            let query = try SubstructureQuery(smarts: smarts)
            _ = query.matchCount(raw)
            _ = query.matchCount(raw, useChirality: true)
        }
        #expect(try SubstructureQuery(smarts: "[r3]").matchCount(raw) == 3)
        #expect(try SubstructureQuery(smarts: "C").matchCount(Molecule()) == 0)
    }

    @Test("one query is shared safely by concurrent matches")
    func concurrency() async throws {
        let query = try SubstructureQuery(smarts: "[$([NX3;H2,H1;!$(NC=O)])]")
        let targets = try ["NCC(=O)N", "CNC", "c1ccccc1N", "CC(=O)NC", "NCCN"].map { try Molecule(smiles: $0) }
        let expected = targets.map { query.matchCount($0) }
        #expect(expected == [1, 1, 1, 0, 2])
        let results = await withTaskGroup(of: [Int].self) { group in
            for _ in 0..<8 {
                group.addTask { (0..<200).flatMap { _ in targets.map { query.matchCount($0) } } }
            }
            var all: [[Int]] = []
            for await r in group { all.append(r) }
            return all
        }
        for r in results {
            #expect(r == Array((0..<200).flatMap { _ in expected }))
        }
    }
}
