// The chemistry engine's own trends (ordo-one/benchmark): `swift package --package-path Benchmarks benchmark`.
// Side-by-side figures against RDKit come from scripts/bench-vs-rdkit instead.
import Benchmark
import Chemistry

/// Opioids and fentanyl analogs: the structures analysts search with.
let structures = [
    "CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1",
    "CCC(=O)N(c1ccccc1)C1(COC)CCN(CCc2cccs2)CC1",
    "COC(=O)CCN1CCC(CC1)(N(c1ccccc1)C(=O)CC)C(=O)OC",
    "CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1C",
    "CC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1",
    "O=C(C1CC1)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1",
    "CCC(=O)N(c1ccc(F)cc1)C1CCN(CCc2ccccc2)CC1",
    "CN1CCC23C4C1CC5=C2C(=C(C=C5)O)OC3C(C=C4)O",
    "CCN(CC)CCn1c(Cc2ccc(OCC)cc2)nc2cc([N+](=O)[O-])ccc21",
    "CC(C)(C)NCC(O)c1ccc(O)c(CO)c1",
]

let benchmarks: @Sendable () -> Void = {
    let molecules = structures.compactMap { try? Molecule(smiles: $0) }
    let fingerprints = molecules.map { MorganGenerator.standard.fingerprint(of: $0) }

    // A 200,000-fingerprint library: the structures' fingerprints with 1-4 bits flipped per copy (fixed seed).
    var builder = try? FingerprintArena.Builder(bitCount: 2048)
    var state: UInt64 = 7
    for i in 0..<200_000 {
        var words = fingerprints[i % fingerprints.count].words
        for _ in 0..<4 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let bit = Int(state >> 53)
            words[bit >> 6] ^= 1 << UInt64(bit & 63)
        }
        if let fp = Fingerprint(bitCount: 2048, words: words) { try? builder?.append(fp, name: "m\(i)") }
    }
    let library = builder?.build()
    let query = fingerprints[0]

    Benchmark("SMILES read + perception (10 opioids)") { benchmark in
        for _ in benchmark.scaledIterations {
            for smiles in structures { blackHole(try? Molecule(smiles: smiles)) }
        }
    }

    Benchmark("Morgan r2/2048 (10 opioids)") { benchmark in
        for _ in benchmark.scaledIterations {
            for m in molecules { blackHole(MorganGenerator.standard.fingerprint(of: m)) }
        }
    }

    Benchmark("Substructure screen fingerprint (10 opioids)") { benchmark in
        for _ in benchmark.scaledIterations {
            for m in molecules { blackHole(SubstructureScreen.standard.fingerprint(of: m)) }
        }
    }

    // Screened substructure search over the structures repeated to 10,000 molecules: the 4-anilinopiperidine
    // core (most molecules pass the screen) and a nitro group (the screen rejects almost all).
    let substructures = SubstructureLibrary(
        molecules: (0..<10_000).map { molecules[$0 % molecules.count] }, threads: 1)
    let anilinopiperidine = try? SubstructureQuery(smarts: "O=C(CC)N(c1ccccc1)C1CCNCC1")
    let nitro = try? SubstructureQuery(smarts: "[N+](=O)[O-]")

    Benchmark("Screened substructure search, anilinopiperidine, 10k molecules, 1 thread") { benchmark in
        for _ in benchmark.scaledIterations {
            if let anilinopiperidine { blackHole(substructures.search(anilinopiperidine, threads: 1)) }
        }
    }

    Benchmark("Screened substructure search, nitro, 10k molecules, 1 thread") { benchmark in
        for _ in benchmark.scaledIterations {
            if let nitro { blackHole(substructures.search(nitro, threads: 1)) }
        }
    }

    Benchmark("Tanimoto threshold 0.7, 200k library, 1 thread") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? library?.search(query, threshold: 0.7, threads: 1))
        }
    }

    Benchmark("Tanimoto top-10, 200k library, 1 thread") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? library?.search(query, top: 10, threads: 1))
        }
    }

    Benchmark("Tanimoto every pair, 200k library, 1 thread") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? library?.similarities(to: query, threads: 1))
        }
    }
}
