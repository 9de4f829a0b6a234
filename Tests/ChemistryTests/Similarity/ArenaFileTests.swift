import Foundation
import Testing

@testable import Chemistry

/// Arena files: what is written maps back identically; damaged files are refused with the byte offset.
@Suite struct ArenaFileTests {
    static func sample() throws -> FingerprintArena {
        try LibraryFixture.arena(Array(LibraryFixture.chembl.prefix(500)))
    }

    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("accord-\(name)-\(UUID().uuidString).afp").path
    }

    @Test func writtenArenaMapsBackIdentically() throws {
        let arena = try Self.sample()
        let path = Self.temporaryPath("roundtrip")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try arena.write(to: path)
        let mapped = try FingerprintArena(contentsOfFile: path, verification: .full)
        #expect(mapped.count == arena.count)
        #expect(mapped.bitCount == 2048)
        #expect(mapped.type == "test")
        #expect(mapped.withUnsafeBytes { Array($0) } == arena.withUnsafeBytes { Array($0) })
        for i in stride(from: 0, to: arena.count, by: 7) {
            #expect(mapped.fingerprint(at: i) == arena.fingerprint(at: i))
            #expect(mapped.name(at: i) == arena.name(at: i))
        }
        let query = LibraryFixture.queries[0].fingerprint
        #expect(try mapped.search(query, top: 20) == arena.search(query, top: 20))
    }

    @Test func unicodeNamesAndOddLengthsSurvive() throws {
        var builder = try FingerprintArena.Builder(bitCount: 67, type: "odd")
        try builder.append(Fingerprint(bitCount: 67, onBits: [0, 66]), name: "fentanyl-é-芬太尼")
        try builder.append(Fingerprint(bitCount: 67), name: "")
        let arena = builder.build()
        let copy = try FingerprintArena(bytes: arena.withUnsafeBytes { Array($0) })
        #expect(copy.name(at: 0) == "fentanyl-é-芬太尼")
        #expect(copy.name(at: 1) == "")
        #expect(copy.fingerprint(at: 0).onBits == [0, 66])
    }

    @Test func missingFileIsAnError() {
        #expect(throws: FingerprintFileError.self) { try FingerprintArena(contentsOfFile: "/nonexistent/accord.afp") }
    }

    @Test func damagedFilesAreRefused() throws {
        let bytes = try Self.sample().withUnsafeBytes { Array($0) }
        func refuse(_ damaged: [UInt8], _ code: FingerprintFileError.Code) {
            do {
                _ = try FingerprintArena(bytes: damaged)
                Issue.record("accepted a damaged file (\(code))")
            } catch {
                #expect(error.code == code, "\(error)")
            }
        }
        refuse([], .truncated)
        refuse(Array(bytes.prefix(100)), .truncated)
        refuse(Array(bytes.dropLast()), .truncated)
        var magic = bytes
        magic[0] = UInt8(ascii: "X")
        refuse(magic, .notAnArena)
        var version = bytes
        version[8] = 9
        refuse(version, .unsupportedVersion)
        var count = bytes
        count[32] &+= 1
        refuse(count, .corrupt)
        // A popcount that disagrees with its bucket: flip a bit of the first fingerprint.
        var bit = bytes
        bit[128] ^= 1
        refuse(bit, .corrupt)
    }

    /// Random damage anywhere never crashes the reader: it either refuses the file or reads a valid arena.
    @Test func randomDamageNeverCrashes() throws {
        let bytes = try LibraryFixture.arena(Array(LibraryFixture.chembl.prefix(40))).withUnsafeBytes { Array($0) }
        var rng = SMILESFuzzTests.Generator(state: 4)
        var refused = 0
        for _ in 0..<3000 {
            var damaged = bytes
            for _ in 0..<(1 + Int(rng.next() % 4)) {
                let at = Int(rng.next() % UInt64(damaged.count))
                damaged[at] = UInt8(truncatingIfNeeded: rng.next())
            }
            if rng.next() % 8 == 0 { damaged.removeLast(Int(rng.next() % 200)) }
            if let arena = try? FingerprintArena(bytes: damaged) {
                let query = Fingerprint(bitCount: arena.bitCount, onBits: [1, 5, 80])
                _ = try arena.search(query, top: 3)
                _ = try arena.search(query, threshold: 0.1)
                for i in 0..<arena.count { _ = arena.name(at: i) }
            } else {
                refused += 1
            }
        }
        #expect(refused > 1000)
    }
}
