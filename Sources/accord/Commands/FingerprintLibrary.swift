import ArgumentParser
import Chemistry
import Foundation

/// A fingerprint library as `similar` reads it: structures (SMILES or SDF, plain or gzip), FPS text or an arena
/// file, told apart by the file's extension (`.fps`, `.afp`; anything else holds structures).
struct FingerprintLibrary {
    enum Kind {
        /// Structures (SMILES or SDF, see `MoleculeBatches`) to fingerprint.
        case molecules
        case fps
        case arena
    }

    let arena: FingerprintArena
    /// The generator the library's fingerprints were made with (the query must use the same).
    let generator: MorganGenerator

    static func kind(of path: String) -> Kind {
        let name = path.lowercased()
        if name.hasSuffix(".fps") { return .fps }
        if name.hasSuffix(".afp") || name.hasSuffix(".arena") { return .arena }
        return .molecules
    }

    /// How diagnostics name an input.
    static func display(_ path: String) -> String { path == "-" ? "standard input" : path }

    /// Fingerprints every readable molecule of a SMILES or SD file (or standard input) on every core and hands
    /// each fingerprint and name to `consume` in input order. Unreadable records are reported on standard
    /// error with their position and skipped; returns how many there were.
    static func fingerprintMolecules(
        in path: String, generator: MorganGenerator, label: String, progress: Bool, consume: (Fingerprint, String) throws -> Void
    ) throws -> Int {
        var failures = 0
        do {
            try MoleculeBatches(label: label, work: { generator.fingerprint(of: $0) }).run(path, progress: progress) { outcome in
                switch outcome {
                case .done(_, let name, let fingerprint): try consume(fingerprint, name)
                case .failure(_, _, let message):
                    failures += 1
                    Output.diagnostic("\(display(path)): \(message)")
                }
            }
        } catch let failure as MoleculeInputFailure {
            throw ValidationError(failure.description)
        }
        return failures
    }

    /// Morgan radius and size named by an FPS type line (`RDKit-Morgan/1 radius=2 fpSize=2048 ...`), if any.
    static func morganParameters(type: String) -> (radius: Int, bits: Int)? {
        guard type.hasPrefix("RDKit-Morgan/") else { return nil }
        var radius: Int?, bits: Int?
        for field in type.split(separator: " ") {
            if field.hasPrefix("radius=") { radius = Int(field.dropFirst(7)) }
            if field.hasPrefix("fpSize=") { bits = Int(field.dropFirst(7)) }
        }
        guard let radius, let bits else { return nil }
        return (radius, bits)
    }

    static func generator(radius: Int, bits: Int) throws -> MorganGenerator {
        do {
            return try MorganGenerator(radius: radius, bitCount: bits)
        } catch {
            throw ValidationError(error.message)
        }
    }

    /// Loads a library. Fingerprints from FPS or arena files keep the parameters their type names; `radius` and
    /// `bits` given by the user must agree with them.
    static func load(_ path: String, radius: Int?, bits: Int?, progress: Bool) throws -> FingerprintLibrary {
        switch kind(of: path) {
        case .molecules:
            let generator = try generator(radius: radius ?? 2, bits: bits ?? 2048)
            var builder = try FingerprintArena.Builder(
                bitCount: generator.bitCount, type: FPSHeader.morganType(radius: generator.radius, bitCount: generator.bitCount))
            let failures = try fingerprintMolecules(in: path, generator: generator, label: "fingerprinting \(path)", progress: progress) {
                try builder.append($0, name: $1)
            }
            if failures > 0 { Output.diagnostic("\(display(path)): \(failures) records could not be read and are not in the library") }
            return FingerprintLibrary(arena: builder.build(), generator: generator)
        case .fps:
            var reader: FPSReader
            do {
                reader = try FPSReader(contentsOfFile: path)
                try reader.readHeader()
            } catch let error as FingerprintFileError {
                throw ValidationError(error.message)
            } catch let error as FPSError {
                throw ValidationError("\(path): \(error)")
            }
            let bar = progress ? ProgressBar(label: "reading \(path)", total: reader.byteCount) : nil
            let arena: FingerprintArena
            do {
                arena = try reader.readArena { done in bar?.update(done: done, count: 0) }
            } catch {
                throw ValidationError("\(path): \(error)")
            }
            bar?.finish(count: arena.count)
            return try FingerprintLibrary(arena: arena, radius: radius, bits: bits, path: path)
        case .arena:
            do {
                let arena = try FingerprintArena(contentsOfFile: path)
                return try FingerprintLibrary(arena: arena, radius: radius, bits: bits, path: path)
            } catch let error as FingerprintFileError {
                throw ValidationError("\(path): \(error)")
            }
        }
    }

    init(arena: FingerprintArena, generator: MorganGenerator) {
        self.arena = arena
        self.generator = generator
    }

    /// A library of stored fingerprints: the query generator comes from the type line, checked against the
    /// user's options and the fingerprint length.
    init(arena: FingerprintArena, radius: Int?, bits: Int?, path: String) throws {
        let named = Self.morganParameters(type: arena.type)
        if let named, let radius, radius != named.radius {
            throw ValidationError("\(path) holds radius-\(named.radius) Morgan fingerprints, not radius \(radius)")
        }
        let r = radius ?? named?.radius ?? 2
        let b = bits ?? named?.bits ?? arena.bitCount
        guard b == arena.bitCount else {
            throw ValidationError("\(path) holds \(arena.bitCount)-bit fingerprints, not \(b)-bit ones")
        }
        if named == nil && radius == nil && !arena.type.isEmpty {
            Output.diagnostic("\(path): fingerprint type '\(arena.type)' is not RDKit-Morgan; comparing with Morgan radius \(r), \(b) bits")
        }
        self.arena = arena
        generator = try Self.generator(radius: r, bits: b)
    }
}
