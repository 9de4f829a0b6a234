import Foundation
import Testing

/// `accord fingerprint` and `accord similar` run as separate processes on real and broken input.
@Suite("accord fingerprint and similar")
struct FingerprintCommandTests {
    /// Opioids with names, a broken line and a comment, as analysts' files look.
    static let library = """
        # opioids
        CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1 fentanyl
        CC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1 acetylfentanyl
        CCC(=O)N(c1ccccc1)C1(COC)CCN(CCc2cccs2)CC1 sufentanil
        C1CC( broken

        CN1CCC23C4C1CC5=C2C(=C(C=C5)O)OC3C(C=C4)O morphine
        CCO ethanol

        """

    /// RDKit's Morgan radius 2 / 2048 bits of fentanyl (shared notes, section 6, checked against RDKit).
    static let fentanylBits = [
        80, 218, 288, 294, 346, 389, 590, 650, 807, 809, 881, 898, 926, 935, 1019, 1045, 1051, 1057, 1066, 1088,
        1096, 1145, 1199, 1238, 1243, 1261, 1325, 1380, 1480, 1482, 1629, 1750, 1754, 1791, 1798, 1800, 1828, 1873,
        1917, 2043,
    ]

    static func temporaryFile(_ name: String, _ text: String? = nil) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("accord-\(UUID().uuidString)-\(name)")
        if let text { try Data(text.utf8).write(to: url) }
        return url
    }

    static func bits(ofHex hex: Substring) -> [Int] {
        var bits: [Int] = []
        let digits = Array(hex.utf8)
        for byte in 0..<(digits.count / 2) {
            let value = Int(String(decoding: digits[(2 * byte)...(2 * byte + 1)], as: UTF8.self), radix: 16) ?? 0
            for bit in 0..<8 where value & (1 << bit) != 0 { bits.append(byte * 8 + bit) }
        }
        return bits
    }

    static func hits(_ result: AccordProcess) throws -> [(name: String, similarity: Double, index: Int)] {
        try result.lines.map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return (
                try #require(object["name"] as? String), try #require(object["similarity"] as? Double),
                try #require(object["index"] as? Int)
            )
        }
    }

    @Test("fingerprint writes FPS with RDKit's bits and reports the broken line")
    func fingerprintWritesFPS() throws {
        let result = try AccordProcess.run(["fingerprint"], input: Self.library)
        #expect(result.status == 0)
        let lines = result.lines
        #expect(lines.first == "#FPS1")
        #expect(lines.contains("#num_bits=2048"))
        #expect(lines.contains("#type=RDKit-Morgan/1 radius=2 fpSize=2048 useFeatures=0 useChirality=0 useBondTypes=1"))
        let data = lines.filter { !$0.hasPrefix("#") }
        #expect(data.map { $0.split(separator: "\t").last.map(String.init) ?? "" } == [
            "fentanyl", "acetylfentanyl", "sufentanil", "morphine", "ethanol",
        ])
        let fentanyl = try #require(data.first?.split(separator: "\t").first)
        #expect(fentanyl.count == 512)
        #expect(Self.bits(ofHex: fentanyl) == Self.fentanylBits)
        #expect(result.standardError.contains("line 5"))
        #expect(result.standardError.contains("column"))
    }

    @Test("fingerprint size and radius appear in the header and the hex length")
    func fingerprintOptions() throws {
        let result = try AccordProcess.run(["fingerprint", "--bits", "1024", "--radius", "3"], input: "CCO ethanol\n")
        #expect(result.status == 0)
        #expect(result.lines.contains("#num_bits=1024"))
        #expect(result.lines.contains { $0.hasPrefix("#type=RDKit-Morgan/1 radius=3 fpSize=1024") })
        #expect(result.lines.last?.split(separator: "\t").first?.count == 256)
        let bad = try AccordProcess.run(["fingerprint", "--bits", "0"], input: "CCO\n")
        #expect(bad.status != 0)
        #expect(bad.standardError.contains("between 1 and"))
    }

    @Test("similar gives the same ranking from SMILES, FPS and arena libraries")
    func similarAcrossLibraryFormats() throws {
        let smiles = try Self.temporaryFile("library.smi", Self.library)
        let fps = try Self.temporaryFile("library.fps")
        let arena = try Self.temporaryFile("library.afp")
        defer { for url in [smiles, fps, arena] { try? FileManager.default.removeItem(at: url) } }
        #expect(try AccordProcess.run(["fingerprint", "-o", fps.path, smiles.path]).status == 0)
        #expect(try AccordProcess.run(["fingerprint", "--format", "arena", "-o", arena.path, fps.path]).status == 0)
        let query = "CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1"
        var answers: [[String]] = []
        for library in [smiles, fps, arena] {
            let result = try AccordProcess.run(["similar", "--query", query, "--top", "3", library.path])
            #expect(result.status == 0, "\(result.standardError)")
            let hits = try Self.hits(result)
            #expect(hits.count == 3)
            #expect(hits.first?.name == "fentanyl" && hits.first?.similarity == 1)
            #expect(zip(hits, hits.dropFirst()).allSatisfy { $0.similarity >= $1.similarity })
            answers.append(hits.map { "\($0.name) \($0.similarity) \($0.index)" })
        }
        #expect(answers[0] == answers[1] && answers[1] == answers[2])
    }

    @Test("SD files are libraries too: the same fingerprints as their SMILES, names from the title lines")
    func sdfLibraries() throws {
        let sdf = "Tests/ChemistryTests/Resources/molfile/cdk2.sdf"
        let fps = try AccordProcess.run(["fingerprint", sdf])
        #expect(fps.status == 0, "\(fps.standardError)")
        let records = fps.lines.filter { !$0.hasPrefix("#") }
        #expect(records.count == 47)
        #expect(records.first?.hasSuffix("\tZINC03814457") == true)
        // The first record as SMILES (written by accord describe) gives the same bits.
        let described = try AccordProcess.run(["describe", sdf])
        let first = try #require(described.lines.first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
        let smiles = try #require(object["smiles"] as? String)
        let single = try AccordProcess.run(["fingerprint"], input: smiles + " first\n")
        let hex = try #require(single.lines.last?.split(separator: "\t").first)
        #expect(records.first?.split(separator: "\t").first == hex)
        let similar = try AccordProcess.run(["similar", "--query", smiles, "--top", "1", sdf])
        #expect(similar.status == 0, "\(similar.standardError)")
        let hits = try Self.hits(similar)
        #expect(hits.first?.name == "ZINC03814457" && hits.first?.similarity == 1 && hits.first?.index == 0)
    }

    @Test("similar with a threshold prints every hit above it, best first")
    func similarThreshold() throws {
        let smiles = try Self.temporaryFile("library.smi", Self.library)
        defer { try? FileManager.default.removeItem(at: smiles) }
        let result = try AccordProcess.run(["similar", "--query", "CC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1", "--threshold", "0.3", smiles.path])
        let hits = try Self.hits(result)
        #expect(hits.map(\.name).prefix(2) == ["acetylfentanyl", "fentanyl"])
        #expect(hits.allSatisfy { $0.similarity >= 0.3 })
        #expect(!hits.contains { $0.name == "ethanol" })
        #expect(result.standardError.contains("line 5"))
    }

    @Test("bad queries, options and libraries are usage errors that say why")
    func similarErrors() throws {
        let smiles = try Self.temporaryFile("library.smi", Self.library)
        let fps = try Self.temporaryFile("library.fps")
        defer { for url in [smiles, fps] { try? FileManager.default.removeItem(at: url) } }
        let badQuery = try AccordProcess.run(["similar", "--query", "C1CC(", smiles.path])
        #expect(badQuery.status != 0)
        #expect(badQuery.standardError.contains("column 6"))
        let badThreshold = try AccordProcess.run(["similar", "--query", "CCO", "--threshold", "1.5", smiles.path])
        #expect(badThreshold.status != 0)
        #expect(try AccordProcess.run(["fingerprint", "--bits", "1024", "-o", fps.path, smiles.path]).status == 0)
        let mismatch = try AccordProcess.run(["similar", "--query", "CCO", "--bits", "2048", fps.path])
        #expect(mismatch.status != 0)
        #expect(mismatch.standardError.contains("1024-bit"))
        let missing = try AccordProcess.run(["similar", "--query", "CCO", "/nonexistent/library.afp"])
        #expect(missing.status != 0)
        #expect(missing.standardError.contains("cannot open"))
    }
}
