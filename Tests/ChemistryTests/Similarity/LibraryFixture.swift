@testable import Chemistry

/// Real libraries for search tests: the molecules of the committed ChEMBL reference sets, fingerprinted once.
enum LibraryFixture {
    struct Entry {
        var name: String
        var fingerprint: Fingerprint
    }

    /// Morgan radius 2, 2048 bits of every readable molecule of one reference set, in file order.
    static func entries(_ set: String, generator: MorganGenerator = .standard) -> [Entry] {
        var out: [Entry] = []
        for row in ReferenceData.rows("Fingerprints/morgan_\(set).tsv") where row.count >= 3 {
            guard let molecule = try? Molecule(smiles: String(row[0])) else { continue }
            out.append(Entry(name: String(row[1]), fingerprint: generator.fingerprint(of: molecule)))
        }
        return out
    }

    static let chembl: [Entry] = entries("chembl_20_chiral")
    static let queries: [Entry] = entries("first_5K")

    static func arena(_ entries: [Entry], bitCount: Int = 2048) throws -> FingerprintArena {
        var builder = try FingerprintArena.Builder(bitCount: bitCount, type: "test")
        for e in entries { try builder.append(e.fingerprint, name: e.name) }
        return builder.build()
    }

    /// The answer of comparing the query with every fingerprint, sorted as searches sort.
    static func bruteForce(_ query: Fingerprint, _ entries: [Entry], metric: SimilarityMetric) -> [SimilarityHit] {
        let a = query.popcount
        var hits: [SimilarityHit] = []
        for (i, e) in entries.enumerated() {
            var c = 0
            for k in query.words.indices { c += (query.words[k] & e.fingerprint.words[k]).nonzeroBitCount }
            hits.append(SimilarityHit(index: i, similarity: metric.similarity(a: a, b: e.fingerprint.popcount, common: c)))
        }
        hits.sort(by: SimilarityHit.ranksBefore)
        return hits
    }
}
