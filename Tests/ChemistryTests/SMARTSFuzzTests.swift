import Chemistry
import Testing

/// Mutates real SMARTS at random (fixed seed, so failures reproduce) and feeds the results to the reader and,
/// when they read, to the matcher: every input must end in a query or an error with a sensible column, and
/// every query must match or not without trapping.
@Suite("SMARTS fuzzing")
struct SMARTSFuzzTests {
    static let alphabet = Array("CNOSPFIclnosp[]()=#:~@!&,;$-+*aAHDXRrvxhzZdk0123456789{}^%/\\._<>TBHSPO:".utf8)

    static func mutate(_ seed: [UInt8], other: [UInt8], using g: inout SMILESFuzzTests.Generator) -> [UInt8] {
        var s = seed
        for _ in 0..<Int.random(in: 1...4, using: &g) {
            switch Int.random(in: 0..<5, using: &g) {
            case 0:
                s.insert(alphabet.randomElement(using: &g) ?? 67, at: Int.random(in: 0...s.count, using: &g))
            case 1:
                if !s.isEmpty { s.remove(at: Int.random(in: 0..<s.count, using: &g)) }
            case 2:
                if !s.isEmpty { s[Int.random(in: 0..<s.count, using: &g)] = alphabet.randomElement(using: &g) ?? 67 }
            case 3:
                if !s.isEmpty && !other.isEmpty {
                    let cut = Int.random(in: 0..<s.count, using: &g)
                    s = Array(s[..<cut]) + Array(other[Int.random(in: 0..<other.count, using: &g)...])
                }
            default:
                if !s.isEmpty {
                    let a = Int.random(in: 0..<s.count, using: &g)
                    let b = min(s.count, a + Int.random(in: 1...8, using: &g))
                    s.insert(contentsOf: s[a..<b], at: b)
                }
            }
        }
        return s
    }

    @Test("100,000 mutated SMARTS all end in a query or a located error; the queries match without trapping")
    func fuzz() throws {
        var seeds: [[UInt8]] = []
        for row in ReferenceData.rows("SMARTS/patterns.tsv") where row[0] != "queries-smiles" {
            seeds.append(Array(row[1].utf8))
        }
        #expect(seeds.count > 3000)
        let molecules = ReferenceData.rows("SMARTS/molecules.tsv").prefix(4).compactMap { try? Molecule(smiles: String($0[0])) }
        let small = [try Molecule(smiles: "C[C@H](N)C(=O)O"), try Molecule(smiles: "c1ccc(cc1)/C=C/[N+](=O)[O-]")]
        var g = SMILESFuzzTests.Generator(state: 20_261_206)
        var read = 0
        var rejected = 0
        var matched = 0
        let count = 100_000
        for i in 0..<count {
            let seed = seeds.randomElement(using: &g) ?? []
            let other = seeds.randomElement(using: &g) ?? []
            let smarts = String(decoding: Self.mutate(seed, other: other, using: &g), as: UTF8.self)
            do throws(SMARTSError) {
                let query = try SubstructureQuery(smarts: smarts)
                read += 1
                #expect(query.atomCount > 0)
                // Matching every query would take long in debug builds; a sample exercises the matcher on
                // the odd queries mutations make (small ones, so no search can explode).
                if i % 8 == 0 && query.atomCount <= 12 {
                    for molecule in (i % 16 == 0 ? molecules : small) {
                        let unique = query.matchCount(molecule)
                        let all = query.matchCount(molecule, uniquify: false)
                        #expect(unique <= all)
                        #expect(query.matches(molecule) == (all > 0))
                        _ = query.matchCount(molecule, useChirality: true)
                        matched += 1
                    }
                }
            } catch {
                rejected += 1
                #expect(error.column >= 1 && error.column <= smarts.unicodeScalars.count + 1, "\(smarts): \(error)")
                #expect(!error.message.isEmpty)
            }
        }
        #expect(read + rejected == count)
        #expect(read > 10_000 && rejected > 10_000, "read \(read) rejected \(rejected)")
        #expect(matched > 5_000)
    }

    @Test("pathological patterns: deep branches, long chains, many rings, deep recursion, huge numbers")
    func pathological() throws {
        let deep = "C" + String(repeating: "(C", count: 20_000) + String(repeating: ")", count: 20_000)
        #expect(try SubstructureQuery(smarts: deep).atomCount == 20_001)
        #expect((try? SubstructureQuery(smarts: "C" + String(repeating: "(C", count: 20_000))) == nil)
        let chain = String(repeating: "C", count: 50_000)
        let longQuery = try SubstructureQuery(smarts: chain)
        #expect(longQuery.atomCount == 50_000)
        #expect(longQuery.matchCount(try Molecule(smiles: "CCCC")) == 0)
        let rings = String(repeating: "C1CC1", count: 2_000)
        #expect(try SubstructureQuery(smarts: rings).bondCount == 7_999)
        #expect(try SubstructureQuery(smarts: "C%(99999)CC%(99999)").bondCount == 3)
        #expect((try? SubstructureQuery(smarts: "[99999999999C]")) == nil)
        #expect((try? SubstructureQuery(smarts: "[#99999999999]")) == nil)
        #expect((try? SubstructureQuery(smarts: String(repeating: "[", count: 10_000))) == nil)
        #expect((try? SubstructureQuery(smarts: String(repeating: ")", count: 10_000))) == nil)
        #expect((try? SubstructureQuery(smarts: "[" + String(repeating: "!", count: 100_000) + "C]")) != nil)
        #expect((try? SubstructureQuery(smarts: "C" + String(repeating: "!", count: 100_000) + "-C")) != nil)
        var recursion = "C"
        for _ in 0..<64 { recursion = "[$(\(recursion))]" }
        let nested = try SubstructureQuery(smarts: recursion)
        #expect(nested.matchCount(try Molecule(smiles: "CCO")) == 2)
        // Invalid UTF-8 becomes replacement characters, rejected with a column.
        do throws(SMARTSError) {
            _ = try SubstructureQuery(smarts: String(decoding: [0x43, 0xFF, 0x43], as: UTF8.self))
            Issue.record("accepted invalid UTF-8")
        } catch {
            #expect(error.column == 2)
        }
        // A search with more mappings than the cap stops at the cap (RDKit: 1000, 1198 without a cap, 599
        // distinct).
        let pair = try SubstructureQuery(smarts: "*~*")
        let chain600 = try Molecule(smiles: String(repeating: "C", count: 600))
        #expect(pair.matchCount(chain600, uniquify: false) == 1000)
        #expect(pair.matchCount(chain600, uniquify: false, max: 0) == 1198)
        #expect(pair.matchCount(chain600) == 599)
    }
}
