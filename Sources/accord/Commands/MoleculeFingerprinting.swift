import ArgumentParser
import Chemistry
import Dispatch
import Foundation

/// Reads `SMILES name` lines and fingerprints them on every core, handing the results back in input order.
///
/// Blank lines and lines starting with `#` are skipped. A line that cannot be read is reported with its line
/// number and the reader's message (column included) and produces no fingerprint.
struct MoleculeFingerprinting {
    /// One input line's outcome.
    enum Outcome: Sendable {
        case fingerprint(Fingerprint, name: String)
        case failure(message: String)
    }

    let generator: MorganGenerator
    let label: String

    /// The bytes of a file, mapped when possible, or standard input for `-`.
    static func contents(of path: String) throws -> Data {
        if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw ValidationError("cannot read \(path): \(error.localizedDescription)")
        }
    }

    /// Calls `consume(line, outcome)` for every molecule line of `data`, in order.
    func run(_ data: Data, progress: Bool, consume: (Int, Outcome) throws -> Void) rethrows {
        // Line ranges: (start, end, 1-based line number), without blank and comment lines.
        var lines: [(Int, Int, Int)] = []
        data.withUnsafeBytes { raw in
            var start = 0, number = 1
            let n = raw.count
            while start < n {
                var end = start
                while end < n && raw[end] != 0x0A { end += 1 }
                var contentEnd = end
                if contentEnd > start && raw[contentEnd - 1] == 0x0D { contentEnd -= 1 }
                var first = start
                while first < contentEnd && (raw[first] == 0x20 || raw[first] == 0x09) { first += 1 }
                if first < contentEnd && raw[first] != 0x23 { lines.append((first, contentEnd, number)) }
                start = end + 1
                number += 1
            }
        }
        let bar = progress ? ProgressBar(label: label, total: lines.count) : nil
        let batch = 16_384
        let parts = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var made = 0
        var from = 0
        while from < lines.count {
            let to = min(from + batch, lines.count)
            let slice = Array(lines[from..<to])
            let outcomes = fingerprint(slice, data: data, parts: parts)
            for (k, outcome) in outcomes.enumerated() {
                if case .fingerprint = outcome { made += 1 }
                try consume(slice[k].2, outcome)
            }
            from = to
            bar?.update(done: from, count: made)
        }
        bar?.finish(count: made)
    }

    private func fingerprint(_ slice: [(Int, Int, Int)], data: Data, parts: Int) -> [Outcome] {
        let results = OutcomeSlots(count: slice.count)
        let generator = self.generator
        let ranges = slice.map { ($0.0, $0.1) }
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let lo = ranges.count * part / parts, hi = ranges.count * (part + 1) / parts
            for i in lo..<hi {
                let (start, end) = ranges[i]
                let text = data.withUnsafeBytes { raw in
                    String(decoding: UnsafeRawBufferPointer(rebasing: raw[start..<end]), as: UTF8.self)
                }
                do {
                    let molecule = try Molecule(smiles: text)
                    results.set(i, .fingerprint(generator.fingerprint(of: molecule), name: molecule.name))
                } catch {
                    results.set(i, .failure(message: "\(error)"))
                }
            }
        }
        return results.values
    }
}

/// Per-line result slots written by the parallel parts, each part its own indices.
private final class OutcomeSlots: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<MoleculeFingerprinting.Outcome?>
    private let count: Int

    init(count: Int) {
        self.count = count
        storage = .allocate(capacity: max(count, 1))
        storage.initialize(repeating: nil, count: count)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    func set(_ i: Int, _ value: MoleculeFingerprinting.Outcome) { storage[i] = value }

    var values: [MoleculeFingerprinting.Outcome] {
        (0..<count).map { storage[$0] ?? .failure(message: "not processed") }
    }
}
