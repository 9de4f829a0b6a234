import Foundation
import Testing

/// `accord screen` run as a separate process: same records and counts as matching every molecule, the shape
/// of `accord match`, the screen's summary, and errors that say where.
@Suite("accord screen")
struct ScreenCommandTests {
    struct Line {
        var index: Int
        var name: String
        var matches: Int?
        var error: String?
    }

    static func lines(_ result: AccordProcess) throws -> [Line] {
        try result.lines.map { text in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            #expect(Set(object.keys) == ["index", "name", "matches", "error"], "\(text)")
            return Line(
                index: try #require(object["index"] as? Int), name: try #require(object["name"] as? String),
                matches: object["matches"] as? Int, error: object["error"] as? String)
        }
    }

    /// The numbers of the summary line: records, matched, rejected by the screen.
    static func summary(_ result: AccordProcess) -> [Int] {
        guard let line = result.standardError.split(separator: "\n").last(where: { $0.hasPrefix("accord screen:") }) else { return [] }
        return line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
    }

    @Test("the 4-anilinopiperidine core finds the fentanyls of the examples, and the screen rejects the rest")
    func fentanylCore() throws {
        let result = try AccordProcess.run(["screen", "O=C(CC)N(c1ccccc1)C1CCNCC1", "Examples/opioids.smi"])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = try Self.lines(result)
        #expect(lines.count == 40)
        #expect(lines.map(\.index) == Array(0..<40))
        let matched = lines.filter { ($0.matches ?? 0) > 0 }.map(\.name)
        #expect(matched.contains("fentanyl") && matched.contains("sufentanil"))
        #expect(!matched.contains("morphine"))
        let numbers = Self.summary(result)
        #expect(numbers.count >= 3 && numbers[0] == 40 && numbers[1] == matched.count)
        #expect(numbers.count >= 3 && numbers[2] > 0 && numbers[2] <= 40 - matched.count, "\(result.standardError)")
    }

    @Test("counts equal accord describe's records and the matcher's on an SD file; --matching-only keeps the hits")
    func sdfLibrary() throws {
        let file = "Tests/ChemistryTests/Resources/molfile/cdk2.sdf"
        let all = try Self.lines(try AccordProcess.run(["screen", "c1ccccc1", file]))
        #expect(all.count == 47)
        #expect(all.first?.name == "ZINC03814457")
        let hits = try Self.lines(try AccordProcess.run(["screen", "--matching-only", "c1ccccc1", file]))
        #expect(hits.map(\.index) == all.filter { ($0.matches ?? 0) > 0 }.map(\.index))
        #expect(!hits.isEmpty && hits.count < all.count)
        let maxOne = try Self.lines(try AccordProcess.run(["screen", "--max-matches", "1", "c1ccccc1", file]))
        #expect(maxOne.allSatisfy { ($0.matches ?? 0) <= 1 })
    }

    @Test("the same lines as accord match, byte for byte, for SMARTS and molecule queries on SMILES and SD files")
    func sameAsMatch() throws {
        let cases: [[String]] = [
            ["O=CN(c1ccccc1)C1CCNCC1", "Examples/opioids.smi"],
            ["[#7;R]", "Examples/opioids.smi"],
            ["--smiles", "c1ccccc1", "Tests/ChemistryTests/Resources/molfile/cdk2.sdf"],
            ["[CX3](=O)[#7]", "Tests/ChemistryTests/Resources/molfile/cdk2.sdf"],
        ]
        for arguments in cases {
            let match = try AccordProcess.run(["match"] + arguments)
            let screen = try AccordProcess.run(["screen"] + arguments)
            #expect(match.status == 0 && screen.status == 0)
            #expect(!screen.lines.isEmpty)
            #expect(screen.standardOutput == match.standardOutput, "\(arguments)")
        }
    }

    @Test("a byte-order mark and Windows line ends in a SMILES file read as accord match reads them")
    func byteOrderMarkAndCRLF() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("accord-\(UUID().uuidString).smi")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data([0xEF, 0xBB, 0xBF] + Array("c1ccccc1N aniline\r\n  C1CC( broken\r\n\r\nCCO ethanol\r\n".utf8)).write(to: url)
        let screen = try AccordProcess.run(["screen", "cN", url.path])
        let lines = try Self.lines(screen)
        #expect(lines.map(\.name) == ["aniline", "broken", "ethanol"])
        #expect(lines[0].matches == 1)
        #expect(lines[1].error?.hasPrefix("line 2, column 8:") == true, "\(lines[1].error ?? "")")
        #expect(screen.standardOutput == (try AccordProcess.run(["match", "cN", url.path])).standardOutput)
    }

    @Test("a molecule query with --smiles, and records that cannot be read keep their place")
    func smilesQueryAndBadRecords() throws {
        let input = """
            CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1 fentanyl
            C1CC( broken
            CCO ethanol

            """
        let result = try AccordProcess.run(["screen", "--smiles", "c1ccccc1N", "-"], input: input)
        #expect(result.status == 0)
        let lines = try Self.lines(result)
        #expect(lines.count == 3)
        #expect(lines[0].matches == 1 && lines[0].error == nil)
        #expect(lines[1].name == "broken" && lines[1].matches == nil)
        #expect(lines[1].error?.contains("line 2, column") == true)
        #expect(lines[2].matches == 0)
    }

    @Test("a bad SMARTS is a usage error with its column; a missing library cannot be opened")
    func errors() throws {
        let bad = try AccordProcess.run(["screen", "C(=O", "Examples/opioids.smi"])
        #expect(bad.status == 64)
        #expect(bad.standardError.contains("column"))
        let missing = try AccordProcess.run(["screen", "CC", "/nonexistent/library.smi"])
        #expect(missing.status == 66)
        #expect(missing.standardError.contains("cannot open"))
    }
}
