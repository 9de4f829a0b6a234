import Chemistry
import Foundation
import Testing

/// Mutates real molfile and SDF records (fixed seed, so failures reproduce) and checks that every input ends
/// in a molecule or a `MolfileError` with a position, never a crash, and that a broken record in an SDF stream
/// never hides the next one.
@Suite("Molfile and SDF fuzzing")
struct MolfileFuzzTests {
    /// Small deterministic generator (SplitMix64).
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
    }

    /// The smallest records of the committed sets (V2000 2D and 3D, V3000), as text.
    static func seeds() throws -> [String] {
        var records: [(atoms: Int, text: String)] = []
        for set in ["molfile/mols.1000.sdf.gz", "molfile/cdk2.sdf", "molfile/chembl_v3000.sdf.gz", "molfile/chembl_2d.sdf.gz"] {
            let bytes = try #require(TestResources.bytes(set))
            let reader = LineReader(bytes: bytes)
            var current: [String] = []
            var taken = 0
            while let line = try reader.readLine() {
                if line == "$$$$" {
                    let text = current.joined(separator: "\n") + "\n"
                    let atoms = current.count > 3 ? Int(current[3].prefix(3).trimmingCharacters(in: .whitespaces)) ?? 0 : 0
                    records.append((atoms == 0 ? current.count / 2 : atoms, text))
                    current = []
                    taken += 1
                    if taken == 400 { break }
                } else {
                    current.append(line)
                }
            }
        }
        records.sort { $0.atoms < $1.atoms }
        return records.prefix(120).map(\.text) + Self.handWritten
    }

    /// Records that exercise the rarer parts of the format.
    static let handWritten = [
        """
        charged, isotopes, radicals
          test              2D

          4  3  0  0  0  0  0  0  0  0999 V2000
            0.0000    0.0000    0.0000 C   0  0  0  0  0  0  0  0  0  0  0  0
            1.0000    0.0000    0.0000 N   0  3  0  0  0  0  0  0  0  0  0  0
            2.0000    0.5000    0.0000 O   0  5  0  0  0  0  0  0  0  0  0  0
            1.0000    1.0000    0.0000 C   1  0  0  0  0  0  0  0  0  0  0  0
          1  2  1  1
          2  3  1  0
          2  4  2  0
        M  CHG  2   2   1   3  -1
        M  ISO  1   1  13
        M  RAD  1   4   2
        A    1
        Me
        M  STY  1   1 SUP
        M  END

        """,
        """
        v3000 with continuation
          test              2D

          0  0  0     0  0            999 V3000
        M  V30 BEGIN CTAB
        M  V30 COUNTS 3 2 0 0 0
        M  V30 BEGIN ATOM
        M  V30 1 C 0.0 0.0 0.0 0 CHG=-1 MASS=13 -
        M  V30 CFG=1
        M  V30 2 O 1.2 0.0 0.0 0
        M  V30 3 N 2.4 0.0 0.0 0 RAD=2 VAL=3
        M  V30 END ATOM
        M  V30 BEGIN BOND
        M  V30 1 1 1 2 CFG=1
        M  V30 2 1 2 3
        M  V30 END BOND
        M  V30 BEGIN COLLECTION
        M  V30 MDLV30/STEABS ATOMS=(1 1)
        M  V30 END COLLECTION
        M  V30 END CTAB
        M  END

        """,
    ]

    /// One to three random edits of a record's lines (bytes, so that the mutation itself stays cheap).
    static func mutate(_ record: [[UInt8]], _ g: inout Generator) -> [UInt8] {
        var lines = record
        let alphabet = Array(" 0123456789-+.eEM$ACHNOSVXR#*[]()=\"/\\".utf8)
        let extremes = ["999", "-1", "  0", "1000000000000", "-99999", "9", "65536", "-0"].map { Array($0.utf8) }
        let inserted = ["$$$$", "M  END", "M  V30 END CTAB", "> <X>"].map { Array($0.utf8) }
        let tags = ["CHG", "ISO", "RAD", "ZBO", "HYD", "ZCH", "RGP", "ALS", "SUB"]
        for _ in 0..<(1 + g.below(3)) {
            guard !lines.isEmpty else { break }
            let i = g.below(lines.count)
            switch g.below(12) {
            case 0: lines.remove(at: i)  // delete a line
            case 1: lines.insert(lines[i], at: i)  // duplicate a line
            case 2: lines.swapAt(i, g.below(lines.count))  // swap two lines
            case 3: lines[i] = Array(lines[i].prefix(g.below(lines[i].count + 1)))  // truncate a line
            case 4: lines = Array(lines.prefix(i))  // truncate the record
            case 5:  // replace one byte with a printable one
                if !lines[i].isEmpty { lines[i][g.below(lines[i].count)] = alphabet[g.below(alphabet.count)] }
            case 6:  // overwrite a field with an extreme number
                if lines[i].count >= 3 {
                    let p = g.below(lines[i].count - 2)
                    let e = extremes[g.below(extremes.count)]
                    lines[i].replaceSubrange(p..<min(lines[i].count, p + e.count), with: e)
                }
            case 7: lines.insert(inserted[g.below(inserted.count)], at: i)  // a separator or end line inside
            case 8:  // a property line with random numbers
                let count = g.below(10)
                var line = "M  \(tags[g.below(tags.count)])" + String(repeating: " ", count: 3 - String(count).count) + "\(count)"
                for _ in 0..<count { line += padded4(g.below(60) - 5) + padded4(g.below(20) - 10) }
                lines.insert(Array(line.utf8), at: i)
            case 9: lines[i] = []  // blank a line
            case 10: lines[i] += [0xC3, 0xA9, 0x00, 0x7F, 0xFF]  // non-ASCII and invalid UTF-8
            default: lines[i].reverse()  // scramble a line
            }
        }
        var bytes: [UInt8] = []
        for line in lines {
            bytes += line
            bytes.append(0x0A)
        }
        return bytes
    }

    static func lines(_ text: String) -> [[UInt8]] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
    }

    @Test("every mutated record reads as a molecule or a positioned error")
    func mutatedRecords() throws {
        let seeds = try Self.seeds().map(Self.lines)
        var g = Generator(state: 0xACC0_2D)
        var molecules = 0
        var errors = 0
        let rounds = 100_000 / seeds.count + 1
        for _ in 0..<rounds {
            for seed in seeds {
                let input = Self.mutate(seed, &g)
                do {
                    let record = try MolfileReader.read(bytes: input)
                    molecules += 1
                    // A molecule that was read can be written and read again.
                    if molecules % 10 == 0, let text = try? record.molecule.molfile() { _ = try? MolfileReader.read(text) }
                } catch {
                    errors += 1
                    if error.line == nil && error.code != .unexpectedEnd && error.code != .missingEnd {
                        Issue.record("error without a line: \(error)")
                    }
                }
            }
        }
        print("fuzz: \(molecules + errors) mutated records, \(molecules) molecules, \(errors) errors")
        #expect(molecules + errors >= 100_000)
        #expect(molecules > 0 && errors > 0)
    }

    @Test("an SDF stream recovers after every broken record")
    func streamRecovery() throws {
        let seeds = try Self.seeds()
        var g = Generator(state: 0x5DF)
        var streams = 0
        for _ in 0..<1_000 {
            let good = Array(seeds[g.below(seeds.count)].utf8)
            let broken = Self.mutate(Self.lines(seeds[g.below(seeds.count)]), &g)
            let separator = Array("$$$$\n".utf8)
            // The mutation may add separators of its own; the good record after the last one must survive.
            let records = Array(SDFReader(bytes: good + separator + broken + separator + good + separator))
            streams += 1
            guard let last = records.last, records.count >= 3 else {
                Issue.record("stream with \(records.count) records")
                continue
            }
            #expect(last.molecule != nil, "the record after a broken one was lost: \(last.error?.description ?? "")")
            #expect(records.first?.molecule != nil, "\(records.first?.error?.description ?? "")")
            for record in records { _ = record.properties }
        }
        #expect(streams == 1_000)
    }
}

/// `value` right-aligned in four columns, as molfile property lines need.
private func padded4(_ value: Int) -> String {
    let text = String(value)
    return String(repeating: " ", count: max(0, 4 - text.count)) + text
}
