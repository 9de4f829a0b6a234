import Testing

@testable import Chemistry

/// Worked examples from RDKit 2026.09 (shared notes, section 6, each value checked against RDKit) and the
/// generator's parameter checks.
@Suite struct MorganTests {
    @Test func ethanolMatchesRDKitBitsAndInvariants() throws {
        let ethanol = try Molecule(smiles: "CCO")
        let fp = MorganGenerator.standard.fingerprint(of: ethanol)
        #expect(fp.onBits == [80, 222, 294, 807, 1057, 1410])
        let environments = MorganGenerator.standard.environments(of: ethanol)
        // Radius 0: one per atom, in atom order, with RDKit's invariants.
        #expect(environments.prefix(3).map(\.identifier) == [2_246_728_737, 2_245_384_272, 864_662_311])
        // Radius 1: C0 -> 3542456614, O2 -> 1535166686, C1 -> 4018048386; radius 2 adds nothing.
        let layer1 = environments.filter { $0.radius == 1 }
        #expect(Set(layer1.map(\.identifier)) == [3_542_456_614, 1_535_166_686, 4_018_048_386])
        #expect(environments.count == 6)
    }

    @Test func hashCombineTraceMatchesRDKit() {
        // Seed values while hashing C0's invariant vector [6, 4, 3, 0, 0].
        var seed: UInt32 = 0
        var trace: [UInt32] = []
        for v: UInt32 in [6, 4, 3, 0, 0] {
            seed = MorganHash.combine(seed, v)
            trace.append(seed)
        }
        #expect(trace == [2_654_435_775, 3_449_077_331, 4_216_881_219, 1_215_638_218, 2_246_728_737])
    }

    @Test func fentanylMatchesRDKitBits() throws {
        let fentanyl = try Molecule(smiles: "CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1")
        let expected = [
            80, 218, 288, 294, 346, 389, 590, 650, 807, 809, 881, 898, 926, 935, 1019, 1045, 1051, 1057, 1066,
            1088, 1096, 1145, 1199, 1238, 1243, 1261, 1325, 1380, 1480, 1482, 1629, 1750, 1754, 1791, 1798,
            1800, 1828, 1873, 1917, 2043,
        ]
        #expect(MorganGenerator.standard.fingerprint(of: fentanyl).onBits == expected)
    }

    @Test func countFormsAgreeWithBitForm() throws {
        let molecule = try Molecule(smiles: "CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1")
        let generator = try MorganGenerator(radius: 2, bitCount: 1024)
        let bits = generator.fingerprint(of: molecule)
        let counts = generator.countFingerprint(of: molecule)
        #expect(counts.elements.map { Int($0.index) } == bits.onBits)
        let sparse = generator.sparseCountFingerprint(of: molecule)
        #expect(sparse.totalCount == counts.totalCount)
        #expect(sparse.totalCount == generator.environments(of: molecule).count)
        let folded = CountFingerprint(length: 1024, indices: sparse.elements.flatMap { e in
            [UInt32](repeating: e.index % 1024, count: Int(e.count))
        })
        #expect(folded == counts)
    }

    @Test func radiusZeroIsAtomInvariantsOnly() throws {
        let molecule = try Molecule(smiles: "c1ccccc1O")
        let generator = try MorganGenerator(radius: 0, bitCount: 2048)
        #expect(generator.environments(of: molecule).count == molecule.atomCount)
        #expect(generator.environments(of: molecule).allSatisfy { $0.radius == 0 })
    }

    @Test func unperceivedRingsAreFoundOnACopy() throws {
        let perceived = try Molecule(smiles: "C1CCCCC1N")
        let raw = try Molecule(smiles: "C1CCCCC1N", options: SMILESReadOptions(perceive: false))
        // Without perception hydrogens are unknown, but ring membership must still be read, not crash.
        _ = MorganGenerator.standard.fingerprint(of: raw)
        #expect(MorganGenerator.standard.fingerprint(of: perceived).popcount > 0)
    }

    @Test func emptyMoleculeHasNoBits() {
        #expect(MorganGenerator.standard.fingerprint(of: Molecule()).popcount == 0)
    }

    @Test func parametersAreChecked() {
        #expect(throws: FingerprintError.self) { try MorganGenerator(radius: -1, bitCount: 2048) }
        #expect(throws: FingerprintError.self) { try MorganGenerator(radius: 2, bitCount: 0) }
        #expect(throws: FingerprintError.self) { try MorganGenerator(radius: 33, bitCount: 2048) }
        #expect(throws: FingerprintError.self) { try MorganGenerator(radius: 2, bitCount: 1 << 25) }
        #expect((try? MorganGenerator(radius: 3, bitCount: 7))?.bitCount == 7)
    }

    @Test func oddSizesFoldWithinTheFingerprint() throws {
        let molecule = try Molecule(smiles: "CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1")
        let generator = try MorganGenerator(radius: 2, bitCount: 67)
        let fp = generator.fingerprint(of: molecule)
        #expect(fp.words.count == 2)
        #expect(fp.onBits.allSatisfy { $0 < 67 })
        #expect(Fingerprint(bitCount: 67, words: fp.words) == fp)
    }
}
