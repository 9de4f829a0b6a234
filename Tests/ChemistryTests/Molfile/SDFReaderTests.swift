import Chemistry
import Foundation
import Testing

/// SDF streaming: data items, record and line numbers, recovery after broken records, limits.
@Suite("SDF reader")
struct SDFReaderTests {
    static let methanol = MolfileReaderTests.v2000(
        [MolfileReaderTests.atom("C"), MolfileReaderTests.atom("O", x: 1.5)], ["  1  2  1  0"], name: "methanol")

    @Test("data items keep their order, repeated keys and multi-line values")
    func dataItems() throws {
        let text = Self.methanol + """
            > <ID>  (MD-1)
            M1

            > 25 <NOTE>
            first line
            second line

            > <ID>
            M1-bis

            >  no name here
            value

            $$$$

            """
        let records = Array(SDFReader(text: text))
        #expect(records.count == 1)
        let m = try #require(records.first?.molecule)
        #expect(m.properties.map(\.key) == ["ID", "NOTE", "ID", "no name here"])
        #expect(m.properties.map(\.value) == ["M1", "first line\nsecond line", "M1-bis", "value"])
        #expect(records[0].warnings.contains { $0.code == .badDataHeader && $0.line == 19 })
        #expect(m.name == "methanol")
    }

    @Test("a broken record is reported with record and line numbers and the next record is read")
    func recovery() throws {
        let broken = Self.methanol.replacingFirst("  1  2  1  0", with: "  1  5  1  0")
        let text = Self.methanol + "$$$$\n" + broken + "> <ID>\nX\n\n$$$$\n" + Self.methanol + "$$$$\n"
        let records = Array(SDFReader(text: text))
        #expect(records.map(\.number) == [1, 2, 3])
        #expect(records.map(\.line) == [1, 10, 22])
        #expect(records[0].molecule != nil && records[2].molecule != nil)
        let error = try #require(records[1].error)
        #expect(error.code == .bondAtomOutOfRange)
        #expect(error.record == 2)
        #expect(error.line == 16)
        #expect(error.description.hasPrefix("record 2, line 16: "))
        // The broken record's title and data items are still available.
        #expect(records[1].title == "methanol")
        #expect(records[1].properties.first?.value == "X")
    }

    @Test("the last record may lack $$$$; trailing blank lines and empty input give no records")
    func endOfInput() {
        #expect(Array(SDFReader(text: Self.methanol)).count == 1)
        #expect(Array(SDFReader(text: Self.methanol + "$$$$\n\n  \n")).count == 1)
        #expect(Array(SDFReader(text: "")).isEmpty)
        #expect(Array(SDFReader(text: "\n\n")).isEmpty)
    }

    @Test("oversized records are skipped up to the next $$$$")
    func oversized() {
        let options = MolfileReadOptions(maxRecordBytes: 1000)
        let big = Self.methanol + String(repeating: "> <X>\n" + String(repeating: "y", count: 50) + "\n\n", count: 20)
        let records = Array(SDFReader(text: big + "$$$$\n" + Self.methanol + "$$$$\n", options: options))
        #expect(records.count == 2)
        #expect(records[0].error?.code == .recordTooLarge)
        #expect(records[1].molecule != nil, "\(records[1].error?.description ?? "")")
    }

    @Test("gzip-compressed SDF streams from a file; a missing file is an IOError")
    func files() throws {
        let path = try #require(TestResources.path("molfile/chembl_v3000.sdf.gz"))
        let records = Array(try SDFReader(path: path))
        #expect(records.count == 300)
        #expect(records.allSatisfy { $0.molecule != nil })
        #expect(throws: IOError.self) { try SDFReader(path: "/nonexistent/file.sdf") }
    }

    @Test("corrupt gzip data ends the stream with an unreadable-input record")
    func corruptInput() throws {
        var bytes = try #require(TestResources.bytes("molfile/chembl_v3000.sdf.gz"))
        bytes[bytes.count / 2] ^= 0xFF
        let records = Array(SDFReader(bytes: bytes))
        #expect(records.last?.error?.code == .unreadableInput)
    }

    @Test("an error quotes at most 80 characters of a line, control characters escaped")
    func quotedLines() throws {
        let garbage = "\u{1}\u{0}x" + String(repeating: "y", count: 500)
        let text = "title\n  prog\n\n" + garbage + "\nM  END\n$$$$\n" + Self.methanol + "$$$$\n"
        let records = Array(SDFReader(text: text))
        #expect(records.count == 2)
        let error = try #require(records[0].error)
        #expect(error.code == .badCountsLine)
        #expect(error.message.contains("'\\x01\\x00xyyy"))
        #expect(error.message.hasSuffix("…'"))
        #expect(error.message.count < 200)
        #expect(records[1].molecule != nil)
    }

    @Test("reads from a line reader the caller opened, with the file's line numbers")
    func fromLineReader() throws {
        let lines = LineReader(text: Self.methanol + "$$$$\n" + Self.methanol.replacingFirst("  1  2  1  0", with: "  1  5  1  0"))
        #expect(try lines.binaryByteOffset() == nil)
        let records = Array(SDFReader(lines: lines))
        #expect(records.count == 2)
        #expect(records[0].molecule?.name == "methanol")
        #expect(records[1].error?.line == 16)
    }
}
