import ArgumentParser
import Chemistry
import Foundation

/// A fingerprint library as `similar` (and later `screen`) read it: structures (SMILES lines), FPS text or an
/// arena file, told apart by the file's extension.
struct FingerprintLibrary {
    enum Kind {
        case smiles
        case fps
        case arena
        case sdf
    }

    let arena: FingerprintArena
    /// The generator the library's fingerprints were made with (the query must use the same).
    let generator: MorganGenerator

    static func kind(of path: String) -> Kind {
        let name = path.lowercased()
        if name.hasSuffix(".fps") { return .fps }
        if name.hasSuffix(".afp") || name.hasSuffix(".arena") { return .arena }
        for ext in [".sdf", ".sd", ".sdf.gz", ".sd.gz", ".mol"] where name.hasSuffix(ext) { return .sdf }
        return .smiles
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
        case .sdf:
            // The SDF reader lives on the molfile branch; until it is merged, say so rather than misread records.
            throw ValidationError("\(path): SD files are not readable by this build yet; convert to SMILES first")
        case .smiles:
            let generator = try generator(radius: radius ?? 2, bits: bits ?? 2048)
            let data = try MoleculeFingerprinting.contents(of: path)
            var builder = try FingerprintArena.Builder(
                bitCount: generator.bitCount, type: FPSHeader.morganType(radius: generator.radius, bitCount: generator.bitCount))
            var failures = 0
            try MoleculeFingerprinting(generator: generator, label: "fingerprinting \(path)").run(data, progress: progress) { line, outcome in
                switch outcome {
                case .fingerprint(let fp, let name): try builder.append(fp, name: name)
                case .failure(let message):
                    failures += 1
                    Output.diagnostic("\(path): line \(line): \(message)")
                }
            }
            if failures > 0 { Output.diagnostic("\(path): \(failures) lines could not be read and are not in the library") }
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
