import Exchange
import Foundation
import Testing

/// Mutated and truncated request bodies never crash the readers: each either parses or is refused with an
/// `ExchangeError` naming a category.
struct InputFuzzTests {
    /// SplitMix64, so failures reproduce.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let seeds = [
        #"{"distribution":{"level":"working_group","working_group":"g"},"tlp":"amber+strict","date":"2025-03-01","place":{"country":"US","region":"CA","city":"San Diego","coordinates":{"latitude":32.7,"longitude":-117.1}},"substances":[{"name":"fentanyl","smiles":"CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1"}],"quantity":{"amount":2.5,"unit":"kg"},"purity_percent":12,"form":"powder","route":{"origin":"CN","transit":["MX"],"destination":"US"},"exporter_identifiers":["a"],"grading":{"source_reliability":"B","information_credibility":"2"},"notes":"n","case_id":"00000000-0000-0000-0000-000000000001"}"#,
        #"{"version":3,"distribution":{"level":"partners"},"tlp":"green","title":"Op","participating_agencies":["00000000-0000-0000-0000-000000000001"],"seizure_ids":[],"status":"open"}"#,
        #"{"distribution":{"level":"agency"},"tlp":"red","substance":{"name":"x"},"jurisdiction":"UN","rationale":"r","seizure_ids":["00000000-0000-0000-0000-000000000002"]}"#,
    ]
    static let alphabet = Array(#"{}[]":,0123456789.-eE truefalsnl\u"#.utf8)

    static func mutate(_ bytes: [UInt8], _ rng: inout Generator) -> [UInt8] {
        var out = bytes
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            guard !out.isEmpty else { break }
            let at = Int.random(in: 0..<out.count, using: &rng)
            switch Int.random(in: 0..<5, using: &rng) {
            case 0: out.remove(at: at)
            case 1: out.insert(alphabet[Int.random(in: 0..<alphabet.count, using: &rng)], at: at)
            case 2: out[at] = alphabet[Int.random(in: 0..<alphabet.count, using: &rng)]
            case 3: out = Array(out.prefix(at))
            default: out.insert(contentsOf: out[at..<min(out.count, at + 8)], at: at)
            }
        }
        return out
    }

    @Test func mutatedBodiesNeverCrash() {
        var rng = Generator(state: 20_260_501)
        var parsed = 0, refused = 0
        for iteration in 0..<6000 {
            let seed = Self.seeds[iteration % Self.seeds.count]
            let body = Data(Self.mutate(Array(seed.utf8), &rng))
            do {
                let json = try JSONValue.parse(body)
                switch iteration % 3 {
                case 0: _ = try SeizureDraft.parse(json, limits: InputLimits(), forUpdate: false)
                case 1: _ = try JointCaseDraft.parse(json, limits: InputLimits(), forUpdate: true)
                default: _ = try ProposalDraft.parse(json, limits: InputLimits(), forUpdate: false)
                }
                parsed += 1
            } catch {
                #expect(error.category == .malformed || error.category == .invalid, "\(error)")
                #expect(!error.message.isEmpty)
                refused += 1
            }
        }
        #expect(parsed + refused == 6000)
        #expect(refused > 3000)
    }

    @Test func deeplyNestedInputIsRefusedNotOverflowed() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: ExchangeError.self) { _ = try JSONValue.parse(Data(deep.utf8)) }
    }
}
