import Chemistry
import Foundation
import Testing

@Suite("Line reader and gzip decoder")
struct LineReaderTests {
    @Test("line ends: LF, CRLF, a last line without newline, empty lines")
    func lineEnds() throws {
        let reader = LineReader(text: "a\r\nbb\n\nccc")
        #expect(try reader.readLine() == "a")
        #expect(try reader.readLine() == "bb")
        #expect(try reader.readLine() == "")
        #expect(try reader.readLine() == "ccc")
        #expect(reader.lineNumber == 4)
        #expect(try reader.readLine() == nil)
        #expect(try LineReader(text: "").readLine() == nil)
    }

    @Test("the gzip-compressed test set decodes to the same lines as gzip itself produces")
    func gzipMatchesReference() throws {
        let gz = try #require(TestResources.bytes("molfile/mols.1000.sdf.gz"))
        let reader = LineReader(bytes: gz)
        #expect(reader.isCompressed)
        var lines = 0
        var bytes = 0
        var dollarLines = 0
        var line: [UInt8] = []
        while try reader.appendLine(to: &line) {
            lines += 1
            bytes += line.count + 1
            if line == Array("$$$$".utf8) { dollarLines += 1 }
            line.removeAll(keepingCapacity: true)
        }
        // `zcat mols.1000.sdf.gz | wc -l -c` gives 203,895 lines and 6,345,134 bytes.
        #expect(lines == 203_895)
        #expect(bytes == 6_345_134)
        #expect(dollarLines == 1000)
    }

    @Test("corrupt, truncated and non-gzip data after the magic bytes are errors, never crashes")
    func corruptGzip() throws {
        let gz = try #require(TestResources.bytes("molfile/mols.1000.sdf.gz"))
        for cut in [2, 10, 100, 5000, gz.count - 4] {
            let reader = LineReader(bytes: Array(gz[0..<cut]))
            #expect(throws: IOError.self) {
                var line: [UInt8] = []
                while try reader.appendLine(to: &line) { line.removeAll() }
            }
        }
        var flipped = gz
        flipped[gz.count / 2] ^= 0x55
        let reader = LineReader(bytes: flipped)
        #expect(throws: IOError.self) {
            var line: [UInt8] = []
            while try reader.appendLine(to: &line) { line.removeAll() }
        }
    }

    @Test("a UTF-8 byte-order mark at the start is skipped; one later is text")
    func byteOrderMark() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let reader = LineReader(bytes: bom + Array("CCO ethanol\n".utf8) + bom + Array("N\n".utf8))
        #expect(try reader.readLine() == "CCO ethanol")
        #expect(try reader.readLine() == "\u{FEFF}N")
        #expect(try LineReader(bytes: bom).readLine() == nil)
    }

    @Test("a NUL byte near the start marks binary input; reading lines afterwards starts at the first line")
    func binaryDetection() throws {
        let text = LineReader(text: "CCO\nCCN\n")
        #expect(try text.binaryByteOffset() == nil)
        #expect(try text.readLine() == "CCO")
        let binary = LineReader(bytes: [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00])
        #expect(try binary.binaryByteOffset() == 7)
        #expect(try LineReader(bytes: []).binaryByteOffset() == nil)

        // Through a file, where the gzip check peeks at the first bytes before any line is read.
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("accord-linereader-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data([0xEF, 0xBB, 0xBF] + Array("C\n".utf8) + [UInt8](repeating: 0x43, count: 70_000) + [0x0A]).write(to: url)
        let file = try LineReader(path: url.path)
        #expect(try file.binaryByteOffset() == nil)
        #expect(try file.readLine() == "C")
        #expect(try file.readLine()?.count == 70_000)
        try Data(Array("CC\u{0}O\n".utf8)).write(to: url)
        #expect(try LineReader(path: url.path).binaryByteOffset() == 2)
    }
}
