import ArgumentParser
import Chemistry
import Foundation

/// The input formats commands read molecules from.
enum MoleculeInputFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    /// One molecule per line: `SMILES [name]`; blank lines and lines starting with `#` are skipped.
    case smiles
    /// MDL SD file (V2000 or V3000 records, data items kept).
    case sdf

    /// The format a file name implies (`.sdf`, `.sd`, `.mol`, `.mdl` are SDF; `.smi`, `.smiles`, `.ism`, `.can`
    /// are SMILES; with or without `.gz`), or nil (then the content decides, see `sniffed(from:)`).
    static func implied(by path: String) -> MoleculeInputFormat? {
        var name = path.lowercased()
        if name.hasSuffix(".gz") { name.removeLast(3) }
        for ext in [".sdf", ".sd", ".mol", ".mdl"] where name.hasSuffix(ext) { return .sdf }
        for ext in [".smi", ".smiles", ".ism", ".can"] where name.hasSuffix(ext) { return .smiles }
        return nil
    }

    /// The format the content shows: SDF when the fourth line is a molfile counts line (it ends in `V2000` or
    /// `V3000`), SMILES when the first lines hold text that is not that, nil when there is too little to tell.
    static func sniffed(from bytes: ArraySlice<UInt8>) -> MoleculeInputFormat? {
        var lineStart = bytes.startIndex
        var line = 0
        for i in bytes.indices where bytes[i] == 0x0A {
            if line == 3 {
                var end = i
                while end > lineStart && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x0D) { end -= 1 }
                guard end - lineStart >= 5 else { return .smiles }
                let tail = Array(bytes[(end - 5)..<end])
                return tail == Array("V2000".utf8) || tail == Array("V3000".utf8) ? .sdf : .smiles
            }
            line += 1
            lineStart = i + 1
        }
        return nil
    }
}

/// One input record: its position, its name, and the molecule or a message naming the problem and where it is.
struct MoleculeRecord {
    /// 0-based position among the records (skipped blank and comment lines do not count).
    let index: Int
    /// The SMILES title or the SDF record's first line.
    let name: String
    /// The record as given, when it is one line of text (the SMILES); nil for SDF records.
    var text: String? = nil
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
/// Arguments are interpreted like this: `-` is standard input; an existing file is read; a directory, or an
/// argument that names a file by its extension (`.smi`, `.sdf`...) or starts like a path (`/`, `./`) but cannot
/// be opened, is an error; anything else is a SMILES (optionally followed by a space and a name). No arguments
/// means standard input. An input whose first bytes hold a NUL byte is not text and is refused as a whole
/// rather than reported line by line.
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
                let lines: LineReader
                do {
                    lines = try LineReader(descriptor: 0)
                } catch {
                    throw MoleculeInputFailure(description: "cannot read standard input: \(error.message)")
                }
                sources.append(try Self.source(lines, label: "standard input", format: format))
                continue
            }
            if Self.isDirectory(argument) {
                throw MoleculeInputFailure(description: "\(argument) is a directory; name the files in it")
            }
            let implied = MoleculeInputFormat.implied(by: argument)
            if let lines = try? LineReader(path: argument) {
                sources.append(try Self.source(lines, label: argument, format: format ?? implied))
                continue
            }
            if implied != nil || Self.looksLikePath(argument) {
                // Named like a file but cannot be opened: say why, rather than reading the name as SMILES.
                do {
                    _ = try LineReader(path: argument)
                } catch {
                    throw MoleculeInputFailure(description: error.message)
                }
            }
            smilesNumber += 1
            sources.append(.argument(argument, number: smilesNumber))
        }
        self.sources = sources
    }

    /// Checks that an opened input is text, then reads it as `format`, or when that is nil as what its first
    /// lines look like (SMILES unless line 4 is a molfile counts line).
    private static func source(_ lines: LineReader, label: String, format: MoleculeInputFormat?) throws(MoleculeInputFailure) -> Source {
        var format = format
        do {
            let leading = try lines.leadingBytes()
            if let offset = leading.firstIndex(of: 0) {
                throw MoleculeInputFailure(
                    description: "\(label) is not a text file (byte \(offset + 1) is NUL); "
                        + "SMILES and SD files are text, optionally gzip-compressed")
            }
            if format == nil { format = MoleculeInputFormat.sniffed(from: leading) ?? .smiles }
        } catch let error as IOError {
            throw MoleculeInputFailure(description: "\(label): \(error.description)")
        } catch let error as MoleculeInputFailure {
            throw error
        } catch {
            throw MoleculeInputFailure(description: "\(label): \(error)")
        }
        return format == .sdf ? .sdf(SDFReader(lines: lines)) : .smilesLines(lines, label: label)
    }

    /// The inputs of `accord <command>`, or exit status 66 (EX_NOINPUT) with what cannot be read: the one way
    /// every record-reading command opens its input.
    static func open(_ arguments: [String], format: MoleculeInputFormat?, command: String) throws -> MoleculeRecordReader {
        explainWaitingForTerminal(arguments: arguments, command: command)
        do {
            return try MoleculeRecordReader(arguments: arguments, format: format)
        } catch {
            StandardError.write("accord \(command): \(error.description)\n")
            throw ExitCode(66)  // EX_NOINPUT
        }
    }

    /// Ends `accord <command>`: writes out what is buffered (exit status 74, EX_IOERR, if it cannot), then
    /// reports an input that failed part-way (status 66), so a truncated file never passes for a whole one.
    func finish(_ output: TextOutput?, command: String) throws {
        if let output {
            do {
                try output.flush()
            } catch {
                StandardError.write("accord \(command): cannot write output: \(error.message)\n")
                throw ExitCode(74)  // EX_IOERR
            }
        }
        if let failure {
            StandardError.write("accord \(command): \(failure.description)\n")
            throw ExitCode(66)
        }
    }

    /// Tells someone who ran `accord <command>` with no input at a terminal that it is waiting for them,
    /// rather than seeming to hang. Pipes and redirected input get no message.
    static func explainWaitingForTerminal(arguments: [String], command: String) {
        guard arguments.isEmpty || arguments == ["-"], isatty(STDIN_FILENO) == 1 else { return }
        StandardError.write(
            "accord \(command): reading molecules from standard input: type 'SMILES name' lines and end with "
                + "Ctrl-D, or name a file (accord \(command) --help)\n")
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Starts like a path (`/`, `./`, `../`, `~`): no SMILES starts with those, as a SMILES starts with an atom.
    private static func looksLikePath(_ argument: String) -> Bool {
        argument.hasPrefix("/") || argument.hasPrefix("./") || argument.hasPrefix("../") || argument.hasPrefix("~")
    }

    func next() -> MoleculeRecord? {
        while current < sources.count {
            switch sources[current] {
            case .argument(let text, let number):
                current += 1
                // An argument that is not an existing file is read as SMILES; if that fails too, say both.
                let isOneWord = !text.contains(" ") && !text.contains("\t")
                return smilesRecord(
                    text, position: isOneWord ? "argument \(number) is not a file, and as a SMILES, " : "argument \(number), ")
            case .smilesLines(let lines, let label):
                do {
                    while let line = try lines.readLine() {
                        let trimmed = line.drop { $0 == " " || $0 == "\t" }
                        if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                        return smilesRecord(line, position: "line \(lines.lineNumber), ")
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

    /// `SMILES [name]`: the name is whatever follows the first space or tab. `position` starts the error
    /// message ("line 12, ") and is followed by the column.
    private func smilesRecord(_ line: String, position: String) -> MoleculeRecord {
        defer { nextIndex += 1 }
        let trimmed = String(line.drop { $0 == " " || $0 == "\t" })
        let smiles = String(trimmed.prefix { $0 != " " && $0 != "\t" })
        let leading = line.count - trimmed.count
        let name = String(trimmed.dropFirst(smiles.count)).trimmingWhitespace()
        do {
            var molecule = try Molecule(smiles: smiles)
            molecule.name = name
            return MoleculeRecord(index: nextIndex, name: name, text: smiles, result: .success(molecule))
        } catch {
            let column = error.column + leading
            return MoleculeRecord(
                index: nextIndex, name: name, text: smiles,
                result: .failure(MoleculeRecordError(message: "\(position)column \(column): \(error.message)")))
        }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
