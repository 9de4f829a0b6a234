import Foundation
import Law
import Testing

/// Mutated input never traps: every outcome is a value or a reported problem.
@Suite("Fuzzing the date parsers and the loader")
struct FuzzTests {
    /// A small deterministic generator, so that a failure can be replayed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test("random strings parse as dates exactly when they are real days written YYYY-MM-DD")
    func dates() throws {
        var rng = SplitMix(state: 42)
        let alphabet = Array("0123456789-/ T:+aZ٣\u{0}")
        var accepted = 0
        for i in 0..<20_000 {
            let text: String
            if i % 4 == 0 {
                // A real day, so that acceptance is exercised as much as rejection.
                let day = try #require(CalendarDate(dayNumber: Int.random(in: -719_162...2_932_896, using: &rng)))
                text = day.description
            } else {
                let length = Int.random(in: 0...12, using: &rng)
                text = String((0..<length).map { _ in alphabet.randomElement(using: &rng) ?? "0" })
            }
            let shapeOK = text.utf8.count == 10 && text.enumerated().allSatisfy { i, c in
                (i == 4 || i == 7) ? c == "-" : (c.isASCII && c.isNumber)
            }
            let parts = text.split(separator: "-").compactMap { Int($0) }
            let real = shapeOK && parts.count == 3 && CalendarDate(year: parts[0], month: parts[1], day: parts[2]) != nil
            if let d = try? CalendarDate(parsing: text) {
                #expect(real, "accepted \(text)")
                #expect(d.description == text)
                accepted += 1
            } else {
                #expect(!real, "rejected \(text)")
            }
            _ = try? PartialDate(parsing: text)
        }
        #expect(accepted >= 5_000)
    }

    @Test("mutated knowledge base files load or give problems, never trap")
    func loader() throws {
        var rng = SplitMix(state: 7)
        let dir = try Fixture.copyOfResources()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("lists/cn-nps-supplementary.json")
        let original = try Data(contentsOf: file)
        var outcomes = (loaded: 0, problems: 0)
        for _ in 0..<60 {
            var bytes = [UInt8](original)
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
                case 1: bytes.removeSubrange(Int.random(in: 0..<bytes.count, using: &rng)...)
                default: bytes.insert(UInt8(ascii: "\""), at: Int.random(in: 0..<bytes.count, using: &rng))
                }
                if bytes.isEmpty { bytes = [UInt8(ascii: "{")] }
            }
            try Data(bytes).write(to: file)
            do {
                _ = try KnowledgeBaseLoader.load(directory: dir)
                outcomes.loaded += 1
            } catch {
                #expect(!error.problems.isEmpty)
                #expect(error.problems.allSatisfy { !$0.message.isEmpty })
                outcomes.problems += 1
            }
        }
        #expect(outcomes.problems > 0)
    }
}
