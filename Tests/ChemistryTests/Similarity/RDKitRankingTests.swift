import Testing

@testable import Chemistry

/// Tanimoto rankings against RDKit's: for 100 first_5K queries, our top 100 over chembl_20_chiral must equal
/// RDKit's `BulkTanimotoSimilarity` top 100 (rows and similarities) for at least 99% of queries (reference from
/// scripts/reference/make_fingerprint_reference.py).
@Suite struct RDKitRankingTests {
    @Test func top100RankingsAreRDKits() throws {
        // The library keeps the reference file's row numbers: unreadable rows become empty fingerprints that
        // would rank last, so they are left out and rows are mapped back.
        var rows: [Int] = []
        var builder = try FingerprintArena.Builder(bitCount: 2048)
        for (i, row) in ReferenceData.rows("Fingerprints/morgan_chembl_20_chiral.tsv").enumerated() {
            guard row.count > 2, row[2] == "OK", let molecule = try? Molecule(smiles: String(row[0])) else { continue }
            try builder.append(MorganGenerator.standard.fingerprint(of: molecule), name: String(row[1]))
            rows.append(i)
        }
        let arena = builder.build()
        var queries = 0, identical = 0
        var examples: [String] = []
        for line in ReferenceData.rows("Fingerprints/tanimoto_top100.tsv") where line.count == 3 {
            queries += 1
            let expected = line[2].split(separator: " ").map { item -> String in
                let parts = item.split(separator: ":")
                return "\(parts[0]):\(Double(parts[1]) ?? -1)"
            }
            guard let molecule = try? Molecule(smiles: String(line[1])) else {
                examples.append("unreadable query \(line[1])")
                continue
            }
            let hits = try arena.search(MorganGenerator.standard.fingerprint(of: molecule), top: 100)
            let ours = hits.map { "\(rows[$0.index]):\($0.similarity)" }
            if ours == expected {
                identical += 1
            } else if examples.count < 3 {
                examples.append("query \(line[0]): first difference at \(zip(ours, expected).prefix { $0 == $1 }.count)")
            }
        }
        #expect(queries == 100)
        #expect(Double(identical) >= 0.99 * Double(queries), "\(identical)/\(queries) identical; \(examples)")
        print("tanimoto top-100 rankings: \(identical)/\(queries) identical to RDKit")
    }
}
