import ArgumentParser
import Chemistry

/// The input formats commands read molecules from.
enum MoleculeInputFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    /// One molecule per line: `SMILES [name]`; blank lines and lines starting with `#` are skipped.
    case smiles
    /// MDL SD file (V2000 or V3000 records, data items kept).
    case sdf

    /// The format a file name implies (`.sdf`, `.sd`, `.mol`, with or without `.gz`, are SDF), or nil.
    static func implied(by path: String) -> MoleculeInputFormat? {
        var name = path.lowercased()
        if name.hasSuffix(".gz") { name.removeLast(3) }
        for ext in [".sdf", ".sd", ".mol", ".mdl"] where name.hasSuffix(ext) { return .sdf }
        for ext in [".smi", ".smiles", ".ism", ".can", ".txt"] where name.hasSuffix(ext) { return .smiles }
        return nil
    }
}

/// One input record: its position, its name, and the molecule or a message naming the problem and where it is.
struct MoleculeRecord {
    /// 0-based position among the records (skipped blank and comment lines do not count).
    let index: Int
    /// The SMILES title or the SDF record's first line.
    let name: String
    /// The molecule, or why it could not be read (the message includes the line, column or record).
    let result: Result<Molecule, MoleculeRecordError>
}

struct MoleculeRecordError: Error {
    let message: String
}

/// A problem with the inputs as a whole (a file that cannot be opened or read): the command stops.
struct MoleculeInputFailure: Error, CustomStringConvertible {
    let description: String
}

/// Reads molecules for any command from files (SMILES lines or SDF, plain or gzip), standard input (`-`) or
/// SMILES given on the command line, in input order, one `MoleculeRecord` per molecule. A bad record is a
/// record with an error; only an unreadable input stops the stream (see `failure`).
///
/// Arguments are interpreted like this: `-` is standard input; an existing file is read; an argument that
/// names a file by its extension but does not exist is an error; anything else is a SMILES (optionally
/// followed by a space and a name). No arguments means standard input.
final class MoleculeRecordReader: Sequence, IteratorProtocol {
    private enum Source {
        case smilesLines(LineReader, label: String)
        case sdf(SDFReader)
        case argument(String, number: Int)
    }

    private var sources: [Source]
    private var current = 0
    private var nextIndex = 0
    /// Set when an input could not be read to its end; the stream ends there.
    private(set) var failure: MoleculeInputFailure?

    init(arguments: [String], format: MoleculeInputFormat?) throws(MoleculeInputFailure) {
        var sources: [Source] = []
        let inputs = arguments.isEmpty ? ["-"] : arguments
        var smilesNumber = 0
        for argument in inputs {
            if argument == "-" {
                do {
                    if (format ?? .smiles) == .sdf {
                        sources.append(.sdf(try SDFReader(descriptor: 0)))
                    } else {
                        sources.append(.smilesLines(try LineReader(descriptor: 0), label: "standard input"))
                    }
                } catch {
                    throw MoleculeInputFailure(description: "cannot read standard input: \(error.message)")
                }
                continue
            }
            let implied = MoleculeInputFormat.implied(by: argument)
            if Self.isReadableFile(argument) || implied != nil {
                do {
                    if (format ?? implied ?? .smiles) == .sdf {
                        sources.append(.sdf(try SDFReader(path: argument)))
                    } else {
                        sources.append(.smilesLines(try LineReader(path: argument), label: argument))
                    }
                } catch {
                    throw MoleculeInputFailure(description: error.message)
                }
                continue
            }
            smilesNumber += 1
            sources.append(.argument(argument, number: smilesNumber))
        }
        self.sources = sources
    }

    private static func isReadableFile(_ path: String) -> Bool {
        (try? LineReader(path: path)) != nil
    }

    func next() -> MoleculeRecord? {
        while current < sources.count {
            switch sources[current] {
            case .argument(let text, let number):
                current += 1
                return smilesRecord(text, position: "argument \(number)")
            case .smilesLines(let lines, let label):
                do {
                    while let line = try lines.readLine() {
                        let trimmed = line.drop { $0 == " " || $0 == "\t" }
                        if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                        return smilesRecord(line, position: "line \(lines.lineNumber)")
                    }
                } catch {
                    failure = MoleculeInputFailure(description: "\(label): \(error)")
                    return nil
                }
                current += 1
            case .sdf(let reader):
                guard let record = reader.next() else {
                    current += 1
                    continue
                }
                if let error = record.error, error.code == .unreadableInput {
                    failure = MoleculeInputFailure(description: error.description)
                    return nil
                }
                defer { nextIndex += 1 }
                let result: Result<Molecule, MoleculeRecordError> = record.result.mapError {
                    MoleculeRecordError(message: $0.description)
                }
                return MoleculeRecord(index: nextIndex, name: record.title, result: result)
            }
        }
        return nil
    }

    /// `SMILES [name]`: the name is whatever follows the first space or tab.
    private func smilesRecord(_ line: String, position: String) -> MoleculeRecord {
        defer { nextIndex += 1 }
        let trimmed = String(line.drop { $0 == " " || $0 == "\t" })
        let smiles = String(trimmed.prefix { $0 != " " && $0 != "\t" })
        let leading = line.count - trimmed.count
        let name = String(trimmed.dropFirst(smiles.count)).trimmingWhitespace()
        do {
            var molecule = try Molecule(smiles: smiles)
            molecule.name = name
            return MoleculeRecord(index: nextIndex, name: name, result: .success(molecule))
        } catch {
            let column = error.column + leading
            return MoleculeRecord(
                index: nextIndex, name: name,
                result: .failure(MoleculeRecordError(message: "\(position), column \(column): \(error.message)")))
        }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
