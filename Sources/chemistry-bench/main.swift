// A tiny tool for measuring and inspecting the chemistry core from the command line (see scripts/bench-smiles).
//
//   chemistry-bench read FILE [REPEAT]   read + perceive every SMILES line, print molecules/second
//   chemistry-bench dump FILE            one line per SMILES: per-atom facts or the error, for comparing with RDKit
//   chemistry-bench roundtrip FILE       write each molecule back and read it again; report differences
//   chemistry-bench mcs FILE [OPTIONS]   maximum common substructure of each line's two SMILES (tab-separated);
//                                        OPTIONS: ring (ringMatchesRingOnly), complete (completeRingsOnly),
//                                        atoms=any|elements|isotopes|anyHeavyAtom, bonds=any|order|orderExact,
//                                        valence, timeout=S, repeat=N; prints one line per pair, then pairs/second
import Chemistry
import Foundation

func readLines(_ path: String) -> [String] {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write("cannot read \(path)\n".data(using: .utf8) ?? Data())
        exit(2)
    }
    var lines: [String] = []
    var text = String(decoding: data, as: UTF8.self)
    if text.hasSuffix("\n") { text.removeLast() }
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        var l = line
        if l.hasSuffix("\r") { l = l.dropLast() }
        lines.append(String(l))
    }
    return lines
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    print("usage: chemistry-bench read|dump|roundtrip FILE [REPEAT]")
    exit(2)
}
let lines = readLines(arguments[2])

switch arguments[1] {
case "read":
    let repeats = arguments.count > 3 ? Int(arguments[3]) ?? 1 : 1
    var ok = 0, failed = 0
    let clock = ContinuousClock()
    let elapsed = clock.measure {
        for _ in 0..<repeats {
            for line in lines {
                if (try? Molecule(smiles: line)) != nil { ok += 1 } else { failed += 1 }
            }
        }
    }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let total = ok + failed
    print("molecules \(total) ok \(ok) failed \(failed) seconds \(String(format: "%.4f", seconds)) per_second \(String(format: "%.0f", Double(total) / seconds)) microseconds_each \(String(format: "%.3f", seconds * 1e6 / Double(total)))")
case "dump":
    for (index, line) in lines.enumerated() {
        do {
            let m = try Molecule(smiles: line)
            var fields: [String] = []
            for a in 0..<m.atomCount {
                let atom = m.atoms[a]
                fields.append("\(atom.atomicNumber),\(m.totalHydrogens(of: a)),\(atom.isAromatic ? 1 : 0),\(m.ringInfo.ringCount(ofAtom: a)),\(m.ringInfo.smallestRingSize(ofAtom: a)),\(atom.formalCharge)")
            }
            let bonds = m.bonds.map { "\($0.begin)-\($0.end)" }.joined(separator: " ")
            print("\(index)\tOK\t\(m.ringInfo.ringCount)\t\(fields.joined(separator: " "))\t\(bonds)")
        } catch {
            print("\(index)\tERR\t\(error.code)\t\(error.message)")
        }
    }
case "mcs":
    var options = MCSOptions(timeout: 10)
    var repeats = 1
    for argument in arguments.dropFirst(3) {
        if argument == "ring" { options.ringMatchesRingOnly = true }
        if argument == "complete" { options.completeRingsOnly = true }
        if argument.hasPrefix("timeout=") { options.timeout = Double(argument.dropFirst(8)) }
        if argument.hasPrefix("repeat=") { repeats = Int(argument.dropFirst(7)) ?? 1 }
        if argument.hasPrefix("atoms=") { options.atomComparison = MCSOptions.AtomComparison(rawValue: String(argument.dropFirst(6))) ?? .elements }
        if argument.hasPrefix("bonds=") { options.bondComparison = MCSOptions.BondComparison(rawValue: String(argument.dropFirst(6))) ?? .order }
        if argument == "valence" { options.matchValences = true }
    }
    var pairs: [(Molecule, Molecule)] = []
    for line in lines where !line.isEmpty && !line.hasPrefix("#") {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard fields.count >= 2 else { continue }
        do {
            pairs.append((try Molecule(smiles: fields[0]), try Molecule(smiles: fields[1])))
        } catch {
            print("ERR\t\(error.message)")
        }
    }
    let clock = ContinuousClock()
    var results: [MCSResult] = []
    var perPair: [Double] = []
    let cpuStart = Glibc.clock()
    let elapsed = clock.measure {
        for _ in 0..<repeats {
            results.removeAll(keepingCapacity: true)
            perPair.removeAll(keepingCapacity: true)
            for (first, second) in pairs {
                let t0 = clock.now
                results.append(first.maximumCommonSubstructure(with: second, options: options))
                let d = clock.now - t0
                perPair.append(Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
            }
        }
    }
    for (i, r) in results.enumerated() {
        print("\(i)\t\(r.atomCount)\t\(r.bondCount)\t\(r.timedOut ? 1 : 0)\t\(r.smarts)\t\(String(format: "%.6f", perPair[i]))\t\(r.searchNodes)")
    }
    let cpuSeconds = Double(Glibc.clock() - cpuStart) / Double(CLOCKS_PER_SEC)
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let total = pairs.count * repeats
    FileHandle.standardError.write("pairs \(total) seconds \(String(format: "%.4f", seconds)) cpu_seconds \(String(format: "%.4f", cpuSeconds)) per_second \(String(format: "%.1f", Double(total) / seconds))\n".data(using: .utf8) ?? Data())
default:
    print("unknown mode \(arguments[1])")
    exit(2)
}
