import Chemistry
import Dispatch
import Foundation

/// Reads the molecules of a SMILES or SD file (plain or gzip) or of standard input, applies one piece of work
/// to each on every core, and hands the results back in input order.
///
/// Plain SMILES files are mapped and their lines read in parallel; SD files, gzip files, standard input and
/// files whose extension says nothing go through describe's `MoleculeRecordReader` (which tells SDF from
/// SMILES by content), and the work on their molecules runs in parallel. Blank lines and lines starting with
/// `#` are skipped and take no index. A record that cannot be read is handed back as a failure whose message
/// names its line and column (SMILES) or record and line (SDF); it never stops the stream.
struct MoleculeBatches<Value: Sendable>: Sendable {
    /// One input record's outcome. `index` counts records from 0 as `accord describe` does.
    enum Outcome: Sendable {
        case done(index: Int, name: String, value: Value)
        case failure(index: Int, name: String, message: String)
    }

    let label: String
    let work: @Sendable (Molecule) -> Value

    static var batchSize: Int { 8_192 }

    /// Whether `path` is read as parallel SMILES lines (a plain file named as SMILES).
    static func isPlainSMILES(_ path: String) -> Bool {
        path != "-" && !path.lowercased().hasSuffix(".gz") && MoleculeInputFormat.implied(by: path) == .smiles
    }

    /// Calls `consume` for every record of `path` (`-` for standard input), in order. Throws a
    /// `MoleculeInputFailure` when the input cannot be opened or read to its end, and whatever `consume` throws.
    func run(_ path: String, progress: Bool, consume: (Outcome) throws -> Void) throws {
        if path != "-" && !FileManager.default.fileExists(atPath: path) {
            throw MoleculeInputFailure(description: "cannot open \(path): no such file")
        }
        if Self.isPlainSMILES(path) {
            try runLines(try Self.contents(of: path), progress: progress, consume: consume)
        } else {
            try runRecords(path, progress: progress, consume: consume)
        }
    }

    /// The bytes of a file, mapped.
    static func contents(of path: String) throws -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw MoleculeInputFailure(description: "cannot read \(path): \(error.localizedDescription)")
        }
    }

    // MARK: - SMILES lines, parsed in parallel

    private struct Line: Sendable {
        var start: Int
        var end: Int
        var number: Int
        /// Characters of leading white space (for columns counted from the start of the line).
        var indent: Int
    }

    private func runLines(_ data: Data, progress: Bool, consume: (Outcome) throws -> Void) throws {
        var lines: [Line] = []
        data.withUnsafeBytes { raw in
            let n = raw.count
            // A UTF-8 byte-order mark is not part of the first line (as LineReader reads it).
            var start = n >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF ? 3 : 0
            var number = 1
            while start < n {
                var end = start
                while end < n && raw[end] != 0x0A { end += 1 }
                var contentEnd = end
                if contentEnd > start && raw[contentEnd - 1] == 0x0D { contentEnd -= 1 }
                var first = start
                while first < contentEnd && (raw[first] == 0x20 || raw[first] == 0x09) { first += 1 }
                if first < contentEnd && raw[first] != 0x23 {
                    lines.append(Line(start: first, end: contentEnd, number: number, indent: first - start))
                }
                start = end + 1
                number += 1
            }
        }
        let bar = progress ? ProgressBar(label: label, total: lines.count) : nil
        var made = 0
        var from = 0
        while from < lines.count {
            let to = min(from + Self.batchSize, lines.count)
            let slice = Array(lines[from..<to])
            let results = Slots<Outcome>(count: slice.count)
            let work = self.work
            let offset = from
            Self.parallel(slice.count) { i in
                let line = slice[i]
                let text = data.withUnsafeBytes { raw in
                    String(decoding: UnsafeRawBufferPointer(rebasing: raw[line.start..<line.end]), as: UTF8.self)
                }
                do throws(SMILESError) {
                    let molecule = try Molecule(smiles: text)
                    results.set(i, .done(index: offset + i, name: molecule.name, value: work(molecule)))
                } catch {
                    let name = String(text.drop { $0 != " " && $0 != "\t" }).trimmingWhitespace()
                    results.set(
                        i,
                        .failure(
                            index: offset + i, name: name,
                            message: "line \(line.number), column \(error.column + line.indent): \(error.message)"))
                }
            }
            for outcome in results.values {
                if let outcome {
                    if case .done = outcome { made += 1 }
                    try consume(outcome)
                }
            }
            from = to
            bar?.update(done: from, count: made)
        }
        bar?.finish(count: made)
    }

    // MARK: - Records from the record reader, worked on in parallel

    private func runRecords(_ path: String, progress: Bool, consume: (Outcome) throws -> Void) throws {
        let reader = try MoleculeRecordReader(arguments: [path], format: nil)
        let bar = progress ? ProgressBar(label: label, total: 0) : nil
        var made = 0
        var batch: [MoleculeRecord] = []
        batch.reserveCapacity(Self.batchSize)
        func flush() throws {
            let records = batch
            let results = Slots<Value>(count: records.count)
            let work = self.work
            Self.parallel(records.count) { i in
                if case .success(let molecule) = records[i].result { results.set(i, work(molecule)) }
            }
            let values = results.values
            for (i, record) in records.enumerated() {
                switch record.result {
                case .success:
                    guard let value = values[i] else { continue }
                    made += 1
                    try consume(.done(index: record.index, name: record.name, value: value))
                case .failure(let error):
                    try consume(.failure(index: record.index, name: record.name, message: error.message))
                }
            }
            batch.removeAll(keepingCapacity: true)
            bar?.update(done: 0, count: made)
        }
        for record in reader {
            batch.append(record)
            if batch.count >= Self.batchSize { try flush() }
        }
        try flush()
        bar?.finish(count: made)
        if let failure = reader.failure { throw failure }
    }

    /// Runs `body(i)` for i in 0 ..< count, split into one contiguous part per core.
    private static func parallel(_ count: Int, _ body: @Sendable (Int) -> Void) {
        guard count > 0 else { return }
        let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, count))
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            for i in (count * part / parts)..<(count * (part + 1) / parts) { body(i) }
        }
    }
}

/// Result slots written by the parallel parts, each part its own indices, read once every part is done.
private final class Slots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<Value?>
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

    func set(_ i: Int, _ value: Value) { storage[i] = value }

    var values: [Value?] { (0..<count).map { storage[$0] } }
}
