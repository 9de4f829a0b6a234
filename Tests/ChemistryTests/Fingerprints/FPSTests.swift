import Foundation
import Testing

@testable import Chemistry

/// FPS text: chemfp's byte and bit order, headers, round trips, and errors with line and column.
@Suite struct FPSTests {
    static func reader(_ text: String) throws(FPSError) -> FPSReader {
        try FPSReader(bytes: Array(text.utf8))
    }

    static func firstError(_ text: String) -> FPSError? {
        do {
            var r = try reader(text)
            while try r.next() != nil {}
            return nil
        } catch {
            return error
        }
    }

    @Test func bitOrderIsChemfps() throws {
        // Bit 0 is the low bit of the first byte; bit 9 is 0x02 of the second byte.
        let fp = Fingerprint(bitCount: 16, onBits: [0, 9])
        #expect(FPSWriter.line(fp, id: "x") == "0102\tx\n")
        var r = try Self.reader("#FPS1\n#num_bits=16\n0102\tx\n")
        #expect(try r.next()?.fingerprint.onBits == [0, 9])
    }

    @Test func headerIsReadAndWritten() throws {
        var header = FPSHeader(bitCount: 2048, type: FPSHeader.morganType(radius: 2, bitCount: 2048), software: "Accord/0.1")
        header.sources = ["a.smi", "b.sdf"]
        header.date = "2026-12-05T06:00:00"
        header.other = [FPSHeader.KeyValue(key: "aromaticity", value: "rdkit")]
        let r = try Self.reader(header.text)
        #expect(r.header == header)
        #expect(header.text.hasPrefix("#FPS1\n#num_bits=2048\n#type=RDKit-Morgan/1 radius=2 fpSize=2048"))
    }

    @Test func realFingerprintsRoundTrip() throws {
        var text = FPSHeader(bitCount: 2048, type: "t").text
        let entries = Array(LibraryFixture.chembl.prefix(300))
        for e in entries { text += FPSWriter.line(e.fingerprint, id: e.name) }
        var r = try Self.reader(text)
        var read: [FPSRecord] = []
        while let record = try r.next() { read.append(record) }
        #expect(read.map(\.fingerprint) == entries.map(\.fingerprint))
        #expect(read.map(\.id) == entries.map(\.name))
        #expect(read.first?.line == 4)  // after #FPS1, #num_bits and #type
        var again = try Self.reader(text)
        let arena = try again.readArena()
        #expect(arena.count == 300 && arena.type == "t")
        #expect(arena.fingerprint(at: 299) == entries[299].fingerprint)
        #expect(arena.name(at: 17) == entries[17].name)
    }

    @Test func lengthComesFromTheFirstLineWithoutHeader() throws {
        var r = try Self.reader("ff00\tone\nABCD\ttwo\textra\tfields\r\n\n")
        #expect(r.header.bitCount == nil)
        #expect(try r.next()?.fingerprint.onBits == Array(0..<8))
        #expect(r.header.bitCount == 16)
        let second = try r.next()
        #expect(second?.id == "two")
        #expect(second?.line == 2)
        #expect(try r.next() == nil)
    }

    @Test func identifiersKeepSpacesAndLoseTabs() throws {
        let line = FPSWriter.line(Fingerprint(bitCount: 8, onBits: [7]), id: "a b\tc\nd")
        #expect(line == "80\ta b c d\n")
    }

    @Test func errorsNameLineAndColumn() {
        let cases: [(String, FPSError.Code, Int, Int)] = [
            ("#FPS2\n", .missingSignature, 1, 1),
            ("#FPS1\n#num_bits\n", .invalidHeader, 2, 2),
            ("#FPS1\n#num_bits=x\n", .invalidHeader, 2, 11),
            ("#FPS1\n#num_bits=0\n", .invalidHeader, 2, 11),
            ("#FPS1\n#num_bits=16\n01g2\tx\n", .invalidHex, 3, 3),
            ("#FPS1\n#num_bits=16\n010\tx\n", .wrongLength, 3, 4),
            ("#FPS1\n#num_bits=16\n010203\tx\n", .wrongLength, 3, 5),
            ("#FPS1\n#num_bits=12\n01f0\tx\n", .bitsPastLength, 3, 3),
            ("#FPS1\n#num_bits=16\n0102\n", .missingIdentifier, 3, 5),
            ("#FPS1\n0102\ta\n#type=x\n", .headerAfterData, 3, 1),
            ("abc\tx\n", .wrongLength, 1, 1),
            ("0102\tx\n01\ty\n", .wrongLength, 2, 3),
        ]
        for (text, code, line, column) in cases {
            let error = Self.firstError(text)
            #expect(error?.code == code, "\(text.debugDescription): \(String(describing: error))")
            #expect(error?.line == line, "\(text.debugDescription): \(String(describing: error))")
            #expect(error?.column == column, "\(text.debugDescription): \(String(describing: error))")
        }
    }

    @Test func mappedFilesReadTheirHeaderOnFirstUse() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("accord-\(UUID().uuidString).fps").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("#FPS1\n#num_bits=16\n#type=x\n0102\ta\n".utf8).write(to: URL(fileURLWithPath: path))
        var reader = try FPSReader(contentsOfFile: path)
        let record = try reader.next()
        #expect(record?.fingerprint.onBits == [0, 9])
        #expect(record?.line == 4)
        #expect(reader.header.type == "x")
        #expect(throws: FingerprintFileError.self) { try FPSReader(contentsOfFile: "/nonexistent/a.fps") }
    }

    @Test func emptyInputIsAnEmptyLibrary() throws {
        var r = try Self.reader("")
        #expect(try r.next() == nil)
        var h = try Self.reader("#FPS1\n#num_bits=64\n")
        let arena = try h.readArena()
        #expect(arena.count == 0 && arena.bitCount == 64)
    }

    /// Mutated FPS text never crashes the reader or yields a fingerprint of the wrong length.
    @Test func fuzzedInputNeverCrashes() throws {
        var text = FPSHeader(bitCount: 2048).text
        for e in LibraryFixture.chembl.prefix(20) { text += FPSWriter.line(e.fingerprint, id: e.name) }
        let seed = Array(text.utf8)
        let alphabet = Array("0123456789abcdefXg#\t\n\r= FPS1num_bits".utf8)
        var g = SMILESFuzzTests.Generator(state: 11)
        var errors = 0
        for _ in 0..<20_000 {
            var s = seed
            for _ in 0..<Int.random(in: 1...3, using: &g) {
                let at = Int.random(in: 0..<s.count, using: &g)
                switch Int.random(in: 0..<3, using: &g) {
                case 0: s[at] = alphabet.randomElement(using: &g) ?? 0
                case 1: s.remove(at: at)
                default: s.insert(alphabet.randomElement(using: &g) ?? 0, at: at)
                }
            }
            do {
                var r = try FPSReader(bytes: s)
                while let record = try r.next() {
                    #expect(record.fingerprint.bitCount == r.header.bitCount)
                }
            } catch {
                errors += 1
                #expect(error.line >= 1 && error.column >= 1)
            }
        }
        #expect(errors > 1000)
    }
}
