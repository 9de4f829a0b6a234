import Chemistry
import Testing

/// Mutates real SMILES at random (fixed seed, so failures reproduce) and feeds the results to the reader:
/// every input must end in a molecule or an error with a sensible column, never a crash or a hang.
@Suite("SMILES fuzzing")
struct SMILESFuzzTests {
    /// SplitMix64: small, fast and the same on every platform.
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

    static let alphabet = Array("CNOSPFIBrlcnospH[]()=#$:/\\-+.%@0123456789*<>TBHASPO:".utf8)

    static func mutate(_ seed: [UInt8], other: [UInt8], using g: inout Generator) -> [UInt8] {
        var s = seed
        let operations = Int.random(in: 1...4, using: &g)
        for _ in 0..<operations {
            switch Int.random(in: 0..<5, using: &g) {
            case 0:  // insert
                s.insert(alphabet.randomElement(using: &g) ?? 67, at: Int.random(in: 0...s.count, using: &g))
            case 1:  // delete
                if !s.isEmpty { s.remove(at: Int.random(in: 0..<s.count, using: &g)) }
            case 2:  // replace
                if !s.isEmpty { s[Int.random(in: 0..<s.count, using: &g)] = alphabet.randomElement(using: &g) ?? 67 }
            case 3:  // splice another SMILES in
                if !s.isEmpty && !other.isEmpty {
                    let cut = Int.random(in: 0..<s.count, using: &g)
                    let from = Int.random(in: 0..<other.count, using: &g)
                    s = Array(s[..<cut]) + Array(other[from...])
                }
            default:  // duplicate a slice (deep nesting, repeated ring numbers)
                if !s.isEmpty {
                    let a = Int.random(in: 0..<s.count, using: &g)
                    let b = min(s.count, a + Int.random(in: 1...8, using: &g))
                    s.insert(contentsOf: s[a..<b], at: b)
                }
            }
        }
        return s
    }

    @Test("100,000 mutated SMILES all end in a molecule or a located error")
    func fuzz() throws {
        var seeds: [[UInt8]] = []
        for file in ["SMILES/perception/chembl_20_chiral.tsv", "SMILES/perception/NCI_aromat_regress.tsv"] {
            for row in ReferenceData.rows(file) { seeds.append(Array(row[0].utf8)) }
        }
        #expect(seeds.count > 1000)
        var g = Generator(state: 20_261_205)
        var read = 0, rejected = 0
        let count = 100_000
        for _ in 0..<count {
            let seed = seeds.randomElement(using: &g) ?? []
            let other = seeds.randomElement(using: &g) ?? []
            let bytes = Self.mutate(seed, other: other, using: &g)
            let smiles = String(decoding: bytes, as: UTF8.self)
            do {
                let m = try Molecule(smiles: smiles)
                read += 1
                // A molecule that reads has consistent hydrogens and rings.
                for a in 0..<m.atomCount where m.atoms[a].noImplicit {
                    #expect(m.atoms[a].implicitHydrogens == 0)
                }
                #expect(m.ringInfo.cyclomaticNumber >= 0)
            } catch {
                rejected += 1
                let length = smiles.unicodeScalars.count
                #expect(error.column >= 1 && error.column <= length + 1, "\(smiles): \(error)")
                #expect(!error.message.isEmpty)
            }
        }
        #expect(read + rejected == count)
        // Both outcomes must be well represented, or the mutations are not exercising the reader.
        #expect(read > 5_000 && rejected > 5_000, "read \(read) rejected \(rejected)")
    }

    @Test("pathological inputs: deep nesting, long chains, many rings, huge numbers")
    func pathological() throws {
        let deep = "C" + String(repeating: "(C", count: 20_000) + String(repeating: ")", count: 20_000)
        #expect(try Molecule(smiles: deep).atomCount == 20_001)  // a chain written as nested branches
        let unbalanced = "C" + String(repeating: "(C", count: 20_000)
        #expect((try? Molecule(smiles: unbalanced)) == nil)
        let branches = String(repeating: "C(C)", count: 5_000) + "C"
        #expect(try Molecule(smiles: branches).atomCount == 10_001)
        let chain = String(repeating: "C", count: 100_000)
        #expect(try Molecule(smiles: chain).atomCount == 100_000)
        let rings = String(repeating: "C1CC1", count: 2_000)
        #expect(try Molecule(smiles: rings).ringInfo.ringCount == 2_000)
        let bigRing = "C%(99999)" + String(repeating: "C", count: 5) + "C%(99999)"
        #expect(try Molecule(smiles: bigRing).ringInfo.ringCount == 1)
        #expect((try? Molecule(smiles: "[99999999C]")) == nil)
        #expect((try? Molecule(smiles: "C%(999999)CC%(999999)")) == nil)
        #expect((try? Molecule(smiles: String(repeating: "[", count: 10_000))) == nil)
        #expect((try? Molecule(smiles: String(repeating: ")", count: 10_000))) == nil)
        #expect((try? Molecule(smiles: "c1" + String(repeating: "c", count: 1000) + "c1")) != nil)  // 1002 atoms, aromatic
        // Invalid UTF-8 becomes replacement characters, which are rejected with a column.
        let invalid = String(decoding: [0x43, 0xFF, 0x43], as: UTF8.self)
        do {
            _ = try Molecule(smiles: invalid)
            Issue.record("accepted invalid UTF-8")
        } catch {
            #expect(error.column == 2)
        }
    }
}
