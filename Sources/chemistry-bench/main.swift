// A tiny tool for measuring and inspecting the chemistry core from the command line (see scripts/bench-smiles).
//
//   chemistry-bench read FILE [REPEAT]   read + perceive every SMILES line, print molecules/second
//   chemistry-bench dump FILE            one line per SMILES: per-atom facts or the error, for comparing with RDKit
//   chemistry-bench roundtrip FILE       write each molecule back and read it again; report differences
//   chemistry-bench sdf FILE [REPEAT]    stream an SD file (plain or .gz) through SDFReader, print records/second
//   chemistry-bench canon FILE [REPEAT]  canonical SMILES of every molecule (read first, not timed)
//   chemistry-bench mcs FILE [OPTIONS]   maximum common substructure of each line's two SMILES (tab-separated);
//                                        OPTIONS: ring (ringMatchesRingOnly), complete (completeRingsOnly),
//                                        atoms=any|elements|isotopes|anyHeavyAtom, bonds=any|order|orderExact,
//                                        valence, timeout=S, repeat=N; prints one line per pair, then pairs/second
//   chemistry-bench mcs-query FILE SMILES [K]  one query against every molecule of FILE (first column),
//                                        prepared once (MCSQuery), afresh for each molecule, and asking only
//                                        for common substructures of at least K bonds (default 20)
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

/// Why two molecules with the same atom order differ, or nil when they are the same molecule.
func moleculeDifference(_ a: Molecule, _ b: Molecule) -> String? {
    guard a.atomCount == b.atomCount else { return "atom count \(a.atomCount) vs \(b.atomCount)" }
    guard a.bondCount == b.bondCount else { return "bond count" }
    for i in 0..<a.atomCount {
        let x = a.atoms[i], y = b.atoms[i]
        if x.atomicNumber != y.atomicNumber || x.formalCharge != y.formalCharge || x.isotope != y.isotope
            || x.mapNumber != y.mapNumber || x.isAromatic != y.isAromatic || a.totalHydrogens(of: i) != b.totalHydrogens(of: i)
        {
            return "atom \(i)"
        }
        if canonicalChirality(a, i) != canonicalChirality(b, i) { return "chirality \(i)" }
    }
    var bondsA: [String: Bond] = [:]
    for bond in a.bonds { bondsA["\(min(bond.begin, bond.end))-\(max(bond.begin, bond.end))"] = bond }
    for bond in b.bonds {
        guard let other = bondsA["\(min(bond.begin, bond.end))-\(max(bond.begin, bond.end))"] else { return "bond missing" }
        if other.isAromatic != bond.isAromatic || (!other.isAromatic && other.order != bond.order) { return "bond order \(bond.begin)-\(bond.end)" }
        if stereoRelation(a, other) != stereoRelation(b, bond) { return "bond stereo \(bond.begin)-\(bond.end)" }
    }
    return nil
}

/// Tetrahedral configuration relative to (H, neighbours by index).
func canonicalChirality(_ m: Molecule, _ atom: Int) -> Chirality? {
    let c = m.atoms[atom].chirality
    if c.kind == .none { return c }
    var reference: [Int32] = []
    if m.atoms[atom].totalHydrogens == 1 { reference.append(ChiralityPermutation.implicitHydrogen) }
    for nb in m.neighbors(of: atom) { reference.append(Int32(nb.atom)) }
    if c.kind == .tetrahedral && reference.count == 3 { reference.append(ChiralityPermutation.lonePair) }
    var sorted = reference
    sorted.sort()
    return ChiralityPermutation.convert(c, from: reference, to: sorted)
}

/// Cis/trans relative to the lowest-numbered neighbour at each end.
func stereoRelation(_ m: Molecule, _ bond: Bond) -> String {
    guard bond.stereo == .cis || bond.stereo == .trans else { return "none" }
    func lowest(_ centre: Int32, _ partner: Int32) -> Int32 {
        m.neighbors(of: Int(centre)).map { Int32($0.atom) }.filter { $0 != partner }.min() ?? -1
    }
    let la = lowest(bond.begin, bond.end), lb = lowest(bond.end, bond.begin)
    var cis = bond.stereo == .cis
    if bond.stereoAtoms.0 != la { cis.toggle() }
    if bond.stereoAtoms.1 != lb { cis.toggle() }
    return cis ? "cis" : "trans"
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    print("usage: chemistry-bench read|dump|roundtrip|sdf|canon|mcs|mcs-query FILE [REPEAT]")
    exit(2)
}
let lines = arguments[1] == "sdf" ? [] : readLines(arguments[2])

switch arguments[1] {
case "sdf":
    let repeats = arguments.count > 3 ? Int(arguments[3]) ?? 1 : 1
    var ok = 0, failed = 0, atoms = 0
    let clock = ContinuousClock()
    let elapsed = try clock.measure {
        for _ in 0..<repeats {
            for record in try SDFReader(path: arguments[2]) {
                if let m = record.molecule {
                    ok += 1
                    atoms += m.atomCount
                } else {
                    failed += 1
                }
            }
        }
    }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let total = ok + failed
    print("records \(total) ok \(ok) failed \(failed) atoms \(atoms) seconds \(String(format: "%.4f", seconds)) per_second \(String(format: "%.0f", Double(total) / seconds))")
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
case "mcs-query":
    guard arguments.count > 3, let query = try? Molecule(smiles: arguments[3]) else {
        print("usage: chemistry-bench mcs-query FILE SMILES")
        exit(2)
    }
    let targets = lines.compactMap { line in try? Molecule(smiles: String(line.split(separator: "\t").first ?? "")) }
    let prepared = MCSQuery(query, options: MCSOptions(timeout: 10))
    let clock = ContinuousClock()
    var preparedBonds = 0, freshBonds = 0
    let preparedTime = clock.measure { for t in targets { preparedBonds += prepared.find(in: t).bondCount } }
    let freshTime = clock.measure {
        for t in targets { freshBonds += query.maximumCommonSubstructure(with: t, options: MCSOptions(timeout: 10)).bondCount }
    }
    func rate(_ d: Duration) -> String {
        let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        return String(format: "%.0f", Double(targets.count) / seconds)
    }
    let atLeast = arguments.count > 4 ? Int(arguments[4]) ?? 20 : 20
    var similar = 0
    let atLeastTime = clock.measure { for t in targets where prepared.find(in: t, atLeast: atLeast) != nil { similar += 1 } }
    print("targets \(targets.count) prepared_per_second \(rate(preparedTime)) fresh_per_second \(rate(freshTime)) same \(preparedBonds == freshBonds) at_least_\(atLeast)_per_second \(rate(atLeastTime)) sharing_at_least_\(atLeast) \(similar)")
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
case "parse":
    var count = 0
    for line in lines { count += (try? Molecule(smiles: line, options: SMILESReadOptions(perceive: false)))?.atomCount ?? 0 }
    print(count)
case "rings":
    let raw = lines.compactMap { try? Molecule(smiles: $0, options: SMILESReadOptions(perceive: false)) }
    var count = 0
    for var m in raw { m.perceiveRings(); count += m.ringInfo.ringCount }
    print(count)
case "phases":
    // Time each phase on molecules parsed once: rings alone, full perception, parsing alone.
    let repeats = arguments.count > 3 ? Int(arguments[3]) ?? 1 : 1
    let raw = lines.compactMap { try? Molecule(smiles: $0, options: SMILESReadOptions(perceive: false)) }
    let clock = ContinuousClock()
    var count = 0
    let rings = clock.measure {
        for _ in 0..<repeats { for var m in raw { m.perceiveRings(); count += m.ringInfo.ringCount } }
    }
    let perception = clock.measure {
        for _ in 0..<repeats { for var m in raw { try? m.perceive(); count += m.atomCount } }
    }
    let parsing = clock.measure {
        for _ in 0..<repeats { for line in lines { count += (try? Molecule(smiles: line, options: SMILESReadOptions(perceive: false)))?.atomCount ?? 0 } }
    }
    let n = Double(raw.count * repeats)
    func us(_ d: Duration) -> String { String(format: "%.2f", (Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18) * 1e6 / n) }
    print("microseconds per molecule: rings \(us(rings)) perception \(us(perception)) parsing \(us(parsing)) (\(count))")
case "stereo":
    for line in lines {
        guard let m = try? Molecule(smiles: line) else { print("ERR"); continue }
        var parts: [String] = []
        for b in m.bonds where b.stereo != .none { parts.append("\(b.begin)=\(b.end):\(b.stereo):\(b.stereoAtoms.0),\(b.stereoAtoms.1):\(stereoRelation(m, b))") }
        for a in 0..<m.atomCount where m.atoms[a].chirality.kind != .none { parts.append("@\(a):\(String(describing: canonicalChirality(m, a)))") }
        print(parts.joined(separator: " "))
    }
case "write":
    let kekule = arguments.count > 3 && arguments[3] == "kekule"
    for line in lines {
        if let m = try? Molecule(smiles: line) {
            print(m.smiles(options: SMILESWriteOptions(aromatic: !kekule)))
        } else {
            print("")
        }
    }
case "roundtrip":
    var same = 0, different = 0, unread = 0
    for (index, line) in lines.enumerated() {
        guard let m = try? Molecule(smiles: line) else { continue }
        for aromatic in [true, false] {
            let written = m.smiles(options: SMILESWriteOptions(aromatic: aromatic))
            guard let again = try? Molecule(smiles: written) else {
                unread += 1
                print("\(index)\tUNREAD\t\(aromatic)\t\(line)\t\(written)")
                continue
            }
            if let difference = moleculeDifference(m, again) {
                different += 1
                print("\(index)\tDIFF\t\(aromatic)\t\(difference)\t\(line)\t\(written)")
            } else {
                same += 1
            }
        }
    }
    print("same \(same) different \(different) unreadable \(unread)")
case "canon":
    // Canonical SMILES of molecules read beforehand (reading is not timed), as RDKit's MolToSmiles is timed.
    let repeats = arguments.count > 3 ? Int(arguments[3]) ?? 1 : 1
    let molecules = lines.compactMap { try? Molecule(smiles: $0) }
    var characters = 0
    let clock = ContinuousClock()
    let elapsed = clock.measure {
        for _ in 0..<repeats {
            for m in molecules { characters &+= m.canonicalSMILES().utf8.count }
        }
    }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let total = molecules.count * repeats
    print("molecules \(total) seconds \(String(format: "%.4f", seconds)) per_second \(String(format: "%.0f", Double(total) / seconds)) microseconds_each \(String(format: "%.3f", seconds * 1e6 / Double(total))) characters \(characters)")
default:
    print("unknown mode \(arguments[1])")
    exit(2)
}
