import ArgumentParser
import Chemistry
import Foundation

/// `accord fingerprint [--radius 2] [--bits 2048] [FILE|-]`: Morgan fingerprints (RDKit's bits) as FPS text,
/// or as an arena file that `accord similar` maps in milliseconds.
struct FingerprintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fingerprint",
        abstract: "Morgan fingerprints of SMILES or SD files, written as FPS (or as an arena file for fast searching).",
        discussion: """
            Reads SMILES files (one 'SMILES [name]' per line; blank lines and lines starting with # are skipped) and \
            SD files (.sdf, .sd, .mol; also gzip-compressed); standard input and other extensions are read as SDF \
            when their fourth line is a molfile counts line, otherwise as SMILES. The bits equal RDKit's \
            GetMorganGenerator(radius, fpSize) bits. A record that cannot be read is reported on standard error \
            with its line and column (SMILES) or record and line (SDF) and left out. An FPS file as input is \
            converted (for example to an arena file). With --output, a progress bar is drawn on standard error \
            when it is a terminal.

            Examples:
              accord fingerprint Examples/opioids.smi > opioids.fps
              accord fingerprint --format arena -o library.afp compounds.sdf.gz
            """
    )

    @Option(help: "Morgan radius (bonds out from each atom).")
    var radius = 2

    @Option(help: "Fingerprint size in bits.")
    var bits = 2048

    @Option(help: "fps (text, default) or arena (binary, memory-mappable; needs --output).")
    var format = "fps"

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @Argument(help: "SMILES or SD file, FPS file, or - for standard input.")
    var input = "-"

    func validate() throws {
        guard format == "fps" || format == "arena" else { throw ValidationError("--format must be fps or arena, not \(format)") }
        if format == "arena" && output == nil { throw ValidationError("--format arena needs --output FILE") }
    }

    func run() async throws {
        let progress = output != nil || format == "arena"
        if format == "arena" {
            let library = try FingerprintLibrary.load(input, radius: radius, bits: bits, progress: progress)
            do {
                try library.arena.write(to: output ?? "")
            } catch {
                throw ValidationError(error.message)
            }
            return
        }
        let sink = try FPSSink(path: output)
        if FingerprintLibrary.kind(of: input) == .fps {
            let library = try FingerprintLibrary.load(input, radius: nil, bits: nil, progress: progress)
            var header = FPSHeader(bitCount: library.arena.bitCount, type: library.arena.type.isEmpty ? nil : library.arena.type)
            header.software = "Accord/\(Accord.configuration.version)"
            header.sources = [input]
            sink.write(Array(header.text.utf8))
            var buffer: [UInt8] = []
            for i in 0..<library.arena.count {
                FPSWriter.appendLine(library.arena.fingerprint(at: i), id: library.arena.name(at: i), to: &buffer)
                if buffer.count > 1 << 20 { sink.write(buffer); buffer.removeAll(keepingCapacity: true) }
            }
            sink.write(buffer)
            return
        }
        let generator = try FingerprintLibrary.generator(radius: radius, bits: bits)
        var header = FPSHeader(bitCount: bits, type: FPSHeader.morganType(radius: radius, bitCount: bits))
        header.software = "Accord/\(Accord.configuration.version)"
        if input != "-" { header.sources = [input] }
        header.date = Self.utcDate()
        sink.write(Array(header.text.utf8))
        var buffer: [UInt8] = []
        let failures = try FingerprintLibrary.fingerprintMolecules(
            in: input, generator: generator, label: "fingerprinting", progress: progress
        ) { fp, name in
            FPSWriter.appendLine(fp, id: name, to: &buffer)
            if buffer.count > 1 << 20 {
                sink.write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        sink.write(buffer)
        if failures > 0 { Output.diagnostic("\(failures) records could not be read and have no fingerprint") }
    }

    /// The FPS `#date` value: ISO 8601 in UTC, to the second.
    static func utcDate() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withDashSeparatorInDate]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date())
    }
}

/// Where FPS text goes: standard output or a file.
struct FPSSink {
    let handle: FileHandle

    init(path: String?) throws {
        guard let path else {
            handle = FileHandle.standardOutput
            return
        }
        guard FileManager.default.createFile(atPath: path, contents: nil), let h = FileHandle(forWritingAtPath: path) else {
            throw ValidationError("cannot create \(path)")
        }
        handle = h
    }

    func write(_ bytes: [UInt8]) {
        if !bytes.isEmpty { handle.write(Data(bytes)) }
    }
}
