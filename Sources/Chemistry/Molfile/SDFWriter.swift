/// Writes SDF files: each molecule's molfile, its `properties` as data items, and `$$$$`.
///
/// ```swift
/// let writer = try SDFWriter(path: "out.sdf")
/// for molecule in molecules { try writer.write(molecule) }
/// try writer.finish()
/// ```
public final class SDFWriter {
    private let output: TextOutput
    public let version: MolfileVersion

    /// Creates (or truncates) an SDF file.
    public init(path: String, version: MolfileVersion = .automatic) throws(IOError) {
        output = try TextOutput(path: path)
        self.version = version
    }

    /// Writes to a text output (standard output, memory).
    public init(output: TextOutput, version: MolfileVersion = .automatic) {
        self.output = output
        self.version = version
    }

    /// Appends one record. A molecule that cannot be written throws and leaves the file as it was.
    public func write(_ molecule: Molecule) throws(MolfileError) {
        output.write(try Self.record(molecule, version: version))
    }

    /// Writes out everything buffered; throws when the file could not be written.
    public func finish() throws(IOError) {
        try output.flush()
    }

    /// One SDF record as text: the molfile, `> <NAME>` items with their values, a blank line after each, `$$$$`.
    public static func record(_ molecule: Molecule, version: MolfileVersion = .automatic) throws(MolfileError) -> String {
        var text = try MolfileWriter.write(molecule, version: version)
        for (key, value) in molecule.properties {
            guard !key.contains(where: { $0 == "\n" || $0 == "\r" || $0 == ">" }) else {
                throw MolfileError(.cannotWrite, "data field name \(quotedForMessage(key)) contains a line break or '>'")
            }
            let lines = value.split(separator: "\n", omittingEmptySubsequences: false)
            // A blank line ends a value, so a non-empty value cannot contain one.
            if !value.isEmpty && lines.contains(where: { $0.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" } }) {
                throw MolfileError(.cannotWrite, "data field \(quotedForMessage(key)) has a blank line in its value, which SDF cannot hold")
            }
            if lines.contains(where: { $0.hasPrefix("$$$$") }) {
                throw MolfileError(.cannotWrite, "data field \(quotedForMessage(key)) has a line starting with '$$$$'")
            }
            text += "> <\(key)>\n"
            if !value.isEmpty { text += value + "\n" }
            text += "\n"
        }
        text += "$$$$\n"
        return text
    }
}
