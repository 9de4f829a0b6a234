// The Swift side of scripts/bench-vs-rdkit: runs one workload on the given files and prints one JSON line
// with the number of items done and the least CPU time of a few repetitions (one thread unless THREADS says). The script runs RDKit and FPSim2 on
// the same files in the same run and prints the table.
//
//   chemistry-rates read SMILES_FILE                       SMILES read with full perception
//   chemistry-rates morgan SMILES_FILE                     Morgan radius 2, 2048 bits, from perceived molecules
//   chemistry-rates bulk LIBRARY QUERIES                   brute-force Tanimoto (every pair), one thread
//   chemistry-rates threshold LIBRARY QUERIES T [THREADS]  threshold search with BitBound
//   chemistry-rates top LIBRARY QUERIES K [THREADS]        top-k search with BitBound
//   chemistry-rates large LIBRARY QUERIES PATH [COUNT]     a COUNT-fingerprint library (default 10 million) made
//                                                          from LIBRARY's real fingerprints: build, write, map, search
//   chemistry-rates canon SMILES_FILE                      canonical SMILES of perceived molecules (read untimed)
//   chemistry-rates sdf SDF_FILE                           read every record of an SD file (parse + perception)
//   chemistry-rates screen LIBRARY SMARTS_FILE             screened substructure search: one SMARTS per line, each
//                                                          run over a SubstructureLibrary of LIBRARY (built untimed)
//   chemistry-rates mcs PAIRS_FILE                         MCS of each line's two tab-separated SMILES (default
//                                                          options, timeout 10 s), molecules read untimed
//
// SMILES files have one `SMILES name` per line; unreadable lines are counted and skipped.
import Chemistry
import Foundation

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

func smilesLines(_ path: String) -> [String] {
    guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    return String(decoding: data, as: UTF8.self).split(separator: "\n").map { line in
        String(line.split(separator: " ", maxSplits: 1).first ?? "")
    }.filter { !$0.isEmpty }
}

func molecules(_ lines: [String]) -> [Molecule] {
    lines.compactMap { try? Molecule(smiles: $0) }
}

/// CPU time this process has used, in seconds. Rates are per CPU second rather than per wall second because
/// the machine is shared: time-slicing with other work then does not count against either side.
func cpuSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// The least CPU time of `repeats` runs of `body` (single-threaded work), in seconds.
func best(_ repeats: Int, _ body: () -> Void) -> Double {
    var bestTime = Double.infinity
    for _ in 0..<repeats {
        let start = cpuSeconds()
        body()
        bestTime = min(bestTime, cpuSeconds() - start)
    }
    return bestTime
}

func report(_ workload: String, items: Int, seconds: Double, extra: String = "") {
    let rate = Double(items) / seconds
    print("{\"workload\":\"\(workload)\",\"items\":\(items),\"seconds\":\(seconds),\"rate\":\(rate)\(extra)}")
}

func arena(_ path: String) -> FingerprintArena {
    guard var builder = try? FingerprintArena.Builder(bitCount: 2048) else { fail("cannot make a builder") }
    for (i, m) in molecules(smilesLines(path)).enumerated() {
        try? builder.append(MorganGenerator.standard.fingerprint(of: m), name: String(i))
    }
    return builder.build()
}

let args = CommandLine.arguments
guard args.count >= 3 else { fail("usage: chemistry-rates read|morgan|bulk|threshold|top|large|canon|sdf|screen|mcs FILE ...") }
var sink = 0

switch args[1] {
case "read":
    let lines = smilesLines(args[2])
    let seconds = best(3) {
        for line in lines where (try? Molecule(smiles: line)) != nil { sink &+= 1 }
    }
    report("read", items: lines.count, seconds: seconds)
case "morgan":
    let mols = molecules(smilesLines(args[2]))
    let seconds = best(3) {
        for m in mols { sink &+= MorganGenerator.standard.fingerprint(of: m).words[0].nonzeroBitCount }
    }
    report("morgan", items: mols.count, seconds: seconds)
case "bulk", "threshold", "top":
    guard args.count >= 4 else { fail("\(args[1]) needs LIBRARY and QUERIES") }
    let library = arena(args[2])
    let queries = molecules(smilesLines(args[3])).map { MorganGenerator.standard.fingerprint(of: $0) }
    let threads = args.count >= 6 ? Int(args[5]) ?? 1 : 1
    var hits = 0
    let seconds: Double
    switch args[1] {
    case "bulk":
        seconds = best(3) {
            for q in queries { sink &+= (try? library.similarities(to: q, threads: 1))?.count ?? 0 }
        }
        report("bulk", items: queries.count * library.count, seconds: seconds)
    case "threshold":
        let t = Double(args.count >= 5 ? args[4] : "0.7") ?? 0.7
        seconds = best(3) {
            hits = 0
            for q in queries { hits &+= (try? library.search(q, threshold: t, threads: threads))?.count ?? 0 }
        }
        report("threshold", items: queries.count, seconds: seconds, extra: ",\"hits\":\(hits),\"threads\":\(threads)")
    default:
        let k = Int(args.count >= 5 ? args[4] : "10") ?? 10
        seconds = best(3) {
            hits = 0
            for q in queries { hits &+= (try? library.search(q, top: k, threads: threads))?.count ?? 0 }
        }
        report("top", items: queries.count, seconds: seconds, extra: ",\"hits\":\(hits),\"threads\":\(threads)")
    }
case "canon":
    let mols = molecules(smilesLines(args[2]))
    let seconds = best(3) {
        for m in mols { sink &+= m.canonicalSMILES().utf8.count }
    }
    report("canon", items: mols.count, seconds: seconds)
case "sdf":
    var records = 0, failed = 0
    let seconds = best(3) {
        records = 0
        failed = 0
        guard let reader = try? SDFReader(path: args[2]) else { fail("cannot read \(args[2])") }
        for record in reader {
            records += 1
            if record.molecule == nil { failed += 1 }
        }
    }
    report("sdf", items: records, seconds: seconds, extra: ",\"failed\":\(failed)")
case "screen":
    guard args.count >= 4 else { fail("screen needs LIBRARY and SMARTS_FILE") }
    let mols = molecules(smilesLines(args[2]))
    let library = SubstructureLibrary(molecules: mols)
    let queries = smilesLines(args[3]).compactMap { try? SubstructureQuery(smarts: $0) }
    // For the note: what the screens cost to compute, and the same search matching every molecule.
    let screenSeconds = best(1) {
        for m in mols { sink &+= SubstructureScreen.standard.fingerprint(of: m).words[0].nonzeroBitCount }
    }
    var plainHits = 0
    let plainSeconds = best(1) {
        plainHits = 0
        for q in queries { for m in mols where q.matches(m) { plainHits += 1 } }
    }
    var hits = 0, rejected = 0
    let seconds = best(3) {
        hits = 0
        rejected = 0
        for q in queries {
            let result = library.search(q, threads: 1)
            hits += result.matches.count
            rejected += result.rejectedByScreen
        }
    }
    report("screen", items: queries.count, seconds: seconds,
           extra: ",\"hits\":\(hits),\"rejected\":\(rejected),\"pairs\":\(queries.count * library.count)"
               + ",\"unscreened_rate\":\(Double(queries.count) / plainSeconds),\"unscreened_hits\":\(plainHits)"
               + ",\"screens_per_second\":\(Double(mols.count) / screenSeconds)")
case "mcs":
    guard let data = FileManager.default.contents(atPath: args[2]) else { fail("cannot read \(args[2])") }
    var pairs: [(Molecule, Molecule)] = []
    for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
        let fields = line.split(separator: "\t")
        guard fields.count >= 2, let a = try? Molecule(smiles: String(fields[0])), let b = try? Molecule(smiles: String(fields[1])) else {
            continue
        }
        pairs.append((a, b))
    }
    var atoms = 0
    let seconds = best(3) {
        atoms = 0
        for (a, b) in pairs { atoms += a.maximumCommonSubstructure(with: b, options: MCSOptions(timeout: 10)).atomCount }
    }
    report("mcs", items: pairs.count, seconds: seconds, extra: ",\"atoms\":\(atoms)")
case "large":
    guard args.count >= 5 else { fail("large needs LIBRARY QUERIES PATH [COUNT]") }
    largeLibrary(library: args[2], queries: args[3], path: args[4], count: args.count > 5 ? Int(args[5]) ?? 10_000_000 : 10_000_000)
default:
    fail("unknown workload \(args[1])")
}
if sink == -1 { print(sink) }

/// Resident and peak memory of this process, from /proc/self/status (kB).
func memory() -> (rss: Int, peak: Int) {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return (0, 0) }
    var rss = 0, peak = 0
    for line in text.split(separator: "\n") {
        let fields = line.split(separator: " ", omittingEmptySubsequences: true)
        if line.hasPrefix("VmRSS:"), fields.count > 1 { rss = Int(fields[1]) ?? 0 }
        if line.hasPrefix("VmHWM:"), fields.count > 1 { peak = Int(fields[1]) ?? 0 }
    }
    return (rss, peak)
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    try body()
    let d = clock.now - start
    return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

/// The 10-million-fingerprint demonstration (docs/BENCHMARKS.md): copies of the real fingerprints, each copy
/// with 1 to 4 bits flipped at random (fixed seed), so popcounts and similarities spread like real data.
func largeLibrary(library: String, queries queryPath: String, path: String, count: Int) {
    let real = molecules(smilesLines(library)).map { MorganGenerator.standard.fingerprint(of: $0) }
    let queries = molecules(smilesLines(queryPath)).map { MorganGenerator.standard.fingerprint(of: $0) }
    guard !real.isEmpty, var builder = try? FingerprintArena.Builder(bitCount: 2048, type: FPSHeader.morganType(radius: 2, bitCount: 2048)) else {
        fail("no fingerprints")
    }
    var state: UInt64 = 2026
    func random() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    let build = seconds {
        builder.reserveCapacity(count)
        for i in 0..<count {
            var words = real[i % real.count].words
            if i >= real.count {
                for _ in 0..<(1 + Int(random() % 4)) {
                    let bit = Int(random() % 2048)
                    words[bit >> 6] ^= 1 << UInt64(bit & 63)
                }
            }
            let fp = Fingerprint(bitCount: 2048, words: words) ?? real[0]
            try? builder.append(fp, name: "m\(i)")
        }
    }
    var arena = builder.build()
    builder = (try? FingerprintArena.Builder(bitCount: 2048)) ?? builder
    let afterBuild = memory()
    let write = seconds { try? arena.write(to: path) }
    arena = (try? FingerprintArena.Builder(bitCount: 2048))?.build() ?? arena
    var mapped: FingerprintArena?
    let open = seconds { mapped = try? FingerprintArena(contentsOfFile: path) }
    guard let lib = mapped else { fail("cannot map \(path)") }
    let afterOpen = memory()
    print("{\"workload\":\"large-build\",\"fingerprints\":\(lib.count),\"build_seconds\":\(build),\"write_seconds\":\(write),\"file_bytes\":\(lib.byteCount),\"peak_rss_kb\":\(afterBuild.peak),\"open_seconds\":\(open),\"rss_after_open_kb\":\(afterOpen.rss)}")
    for threads in [1, 2] {
        for (name, t) in [("threshold 0.7", 0.7), ("threshold 0.4", 0.4)] {
            var hits = 0
            let s = seconds { for q in queries { hits += (try? lib.search(q, threshold: t, threads: threads))?.count ?? 0 } }
            print("{\"workload\":\"large \(name)\",\"threads\":\(threads),\"queries\":\(queries.count),\"seconds\":\(s),\"per_query_ms\":\(s * 1000 / Double(queries.count)),\"hits\":\(hits)}")
        }
        var hits = 0
        let s = seconds { for q in queries { hits += (try? lib.search(q, top: 10, threads: threads))?.count ?? 0 } }
        print("{\"workload\":\"large top-10\",\"threads\":\(threads),\"queries\":\(queries.count),\"seconds\":\(s),\"per_query_ms\":\(s * 1000 / Double(queries.count)),\"hits\":\(hits)}")
        var total = 0
        let b = seconds { for q in queries.prefix(10) { total &+= (try? lib.similarities(to: q, threads: threads))?.count ?? 0 } }
        print("{\"workload\":\"large brute force\",\"threads\":\(threads),\"comparisons_per_second\":\(Double(total) / b)}")
    }
    print("{\"workload\":\"large-memory\",\"rss_after_searches_kb\":\(memory().rss),\"peak_rss_kb\":\(memory().peak)}")
}
