// Measuring and inspecting the substructure matcher from the command line (see scripts/bench-smarts).
//
//   substructure-bench agree RESOURCES [SET]      agreement with the committed RDKit counts, per set, with the
//                                                 disagreements listed (RESOURCES: Tests/ChemistryTests/Resources/SMARTS)
//   substructure-bench search SMILESFILE SMARTS... read the molecules once, then time counting each query's
//                                                 unique matches in every molecule (least CPU time of 3 runs)
//   substructure-bench parse FILE                 OK or the error code for each SMARTS line
//   substructure-bench one SMARTS SMILES [chiral] the mappings of one query in one molecule
import Chemistry
import Foundation

func readLines(_ path: String) -> [String] {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
        exit(2)
    }
    var text = String(decoding: data, as: UTF8.self)
    if text.hasSuffix("\n") { text.removeLast() }
    return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
}

func rows(_ path: String) -> [[String]] {
    readLines(path).filter { !$0.hasPrefix("#") && !$0.isEmpty }.map {
        $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    }
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// CPU time this process has used, in seconds: on a shared machine, time-slicing with other work then counts
/// against neither side of a comparison (the RDKit side uses Python's process_time).
func cpuSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// The least CPU time of three runs of `body`.
func bestOfThree(_ body: () -> Void) -> Double {
    var best = Double.infinity
    for _ in 0..<3 {
        let start = cpuSeconds()
        body()
        best = min(best, cpuSeconds() - start)
    }
    return best
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    print("usage: substructure-bench agree RESOURCES [SET] | search SMILESFILE SMARTS...")
    exit(2)
}

switch arguments[1] {
case "agree":
    let folder = arguments[2]
    let only = arguments.count > 3 ? arguments[3] : nil
    let molecules = rows(folder + "/molecules.tsv").map { try? Molecule(smiles: $0[0]) }
    let patterns = rows(folder + "/patterns.tsv")
    var expected: [[Int: Int]] = []
    for row in rows(folder + "/counts.tsv") {
        var map: [Int: Int] = [:]
        for item in row[1].split(separator: " ") {
            let parts = item.split(separator: ":")
            map[Int(parts[0]) ?? -1] = Int(parts[1]) ?? -1
        }
        expected.append(map)
    }
    var totals: [String: (pairs: Int, agree: Int)] = [:]
    var shown = 0
    let clock = ContinuousClock()
    let elapsed = clock.measure {
        for (index, row) in patterns.enumerated() {
            let set = row[0]
            if let only, set != only { continue }
            let query: SubstructureQuery
            if set == "queries-smiles" {
                guard let m = try? Molecule(smiles: row[1]) else {
                    print("UNREADABLE QUERY\t\(index)\t\(row[1])")
                    continue
                }
                query = SubstructureQuery(molecule: m)
            } else {
                do throws(SMARTSError) {
                    query = try SubstructureQuery(smarts: row[1])
                } catch {
                    print("REJECTED\t\(index)\t\(row[1])\t\(error.code)\t\(error.message)")
                    continue
                }
            }
            let count = set == "mutated" ? 200 : molecules.count
            let chiral = set == "stereo"
            var agree = 0
            for m in 0..<count {
                guard let molecule = molecules[m] else { continue }
                let ours = query.matchCount(molecule, useChirality: chiral)
                let theirs = expected[index][m] ?? 0
                if ours == theirs {
                    agree += 1
                } else if shown < 200 {
                    shown += 1
                    print("DIFF\t\(set)\t\(index)\t\(row[1])\tmol \(m)\t\(rows(folder + "/molecules.tsv")[m][0])\tours \(ours)\trdkit \(theirs)")
                }
            }
            totals[set, default: (0, 0)].pairs += count
            totals[set, default: (0, 0)].agree += agree
        }
    }
    for (set, t) in totals.sorted(by: { $0.key < $1.key }) {
        print("\(set)\tpairs \(t.pairs)\tagree \(t.agree)\trate \(String(format: "%.5f", Double(t.agree) / Double(max(1, t.pairs))))")
    }
    print("seconds \(String(format: "%.2f", seconds(elapsed)))")
case "search":
    var molecules: [Molecule] = []
    for line in readLines(arguments[2]) {
        let smiles = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
        if let m = try? Molecule(smiles: smiles) { molecules.append(m) }
    }
    for smarts in arguments.dropFirst(3) {
        guard let query = try? SubstructureQuery(smarts: smarts) else {
            print("\(smarts)\tinvalid")
            continue
        }
        var hits = 0
        var total = 0
        let count = bestOfThree {
            hits = 0
            total = 0
            for m in molecules {
                let n = query.matchCount(m)
                total += n
                if n > 0 { hits += 1 }
            }
        }
        var found = 0
        let test = bestOfThree {
            found = 0
            for m in molecules where query.matches(m) { found += 1 }
        }
        print("\(smarts)\tmolecules \(molecules.count)\thits \(hits)\tmatches \(total)\tcount_per_second \(String(format: "%.0f", Double(molecules.count) / count))\tmatch_per_second \(String(format: "%.0f", Double(molecules.count) / test))")
        if found != hits { print("inconsistent: matches() found \(found), matchCount found \(hits)") }
    }
case "parse":
    // substructure-bench parse FILE: OK or the error for every line (one SMARTS per line)
    for line in readLines(arguments[2]) {
        do throws(SMARTSError) {
            let query = try SubstructureQuery(smarts: line)
            print("OK\t\(query.atomCount)\t\(line)")
        } catch {
            print("ERR\t\(error.code)\t\(line)\t\(error.message) (column \(error.column))")
        }
    }
case "one":
    // substructure-bench one SMARTS SMILES [chiral]: the mappings, for debugging
    guard arguments.count >= 4, let molecule = try? Molecule(smiles: arguments[3]) else { exit(2) }
    let chiral = arguments.count > 4
    do throws(SMARTSError) {
        let query = try SubstructureQuery(smarts: arguments[2])
        for mapping in query.mappings(in: molecule, useChirality: chiral) { print(mapping) }
        print("count \(query.matchCount(molecule, useChirality: chiral))")
    } catch {
        print(error)
    }
    for (i, b) in molecule.bonds.enumerated() where b.stereo != .none {
        print("bond \(i) \(b.begin)-\(b.end) \(b.stereo) \(b.stereoAtoms)")
    }
    for (i, a) in molecule.atoms.enumerated() where a.chirality.kind != .none { print("atom \(i) \(a.chirality)") }
default:
    print("unknown mode \(arguments[1])")
    exit(2)
}
