import ArgumentParser
import Chemistry
import Foundation

/// The query argument of `accord match` and `accord screen`: SMARTS, or with `--smiles` a molecule matched as
/// RDKit matches a `MolFromSmiles` query. A bad query is a usage error (exit 64) that shows where it is wrong.
enum SubstructureQueryArgument {
    static func compile(_ text: String, smiles: Bool, command: String) throws -> SubstructureQuery {
        if smiles {
            do {
                return SubstructureQuery(molecule: try Molecule(smiles: text))
            } catch {
                StandardError.write("accord \(command): invalid query SMILES: \(error.description)\n")
                throw ExitCode(64)  // EX_USAGE
            }
        }
        do {
            return try SubstructureQuery(smarts: text)
        } catch {
            StandardError.write("accord \(command): invalid SMARTS (\(error.code)): \(error.description)\n")
            if FileManager.default.fileExists(atPath: text) {
                // The usual slip: the input file given without a pattern, or before it.
                StandardError.write("accord \(command): '\(text)' is a file; the SMARTS comes first: accord \(command) SMARTS \(text)\n")
            }
            throw ExitCode(64)  // EX_USAGE
        }
    }
}
