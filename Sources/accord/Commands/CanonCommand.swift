import ArgumentParser
import Chemistry

/// `accord canon`: one canonical SMILES per input record, as a SMILES file, so that identical molecules give
/// identical lines whatever order their atoms were written in (deduplicate with `sort -u`, join with `join`).
struct CanonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "canon",
        abstract: "Canonical SMILES: one line per input molecule, the same string for the same molecule.",
        discussion: """
            Reads the same inputs as 'accord describe': SMILES files (one 'SMILES [name]' per line; blank lines \
            and lines starting with # are skipped), SD files (.sdf, .sd, .mol, also gzip-compressed), '-' or no \
            argument for standard input (SDF when its fourth line is a molfile counts line), or SMILES given as \
            arguments.

            Writes one line per input record, in input order: 'CANONICAL<TAB>NAME' for a molecule (just \
            CANONICAL when the record has no name), 'error<TAB>NAME<TAB>MESSAGE' for a record that cannot be \
            read, where MESSAGE names the line and column (SMILES) or the record and line (SDF); the stream goes \
            on. Tabs and line breaks inside names are written as spaces, so the columns hold, and the output is \
            itself a SMILES file that 'accord canon' turns into the same lines (a record without atoms, such as \
            an empty molfile, has an empty SMILES column and is the exception). No canonical SMILES starts with \
            'error': 'grep -v ^error' keeps the molecules, 'cut -f1' the SMILES.

            The canonical SMILES keeps stereo (tetrahedral, cis/trans and the other atom classes), isotopes, \
            charges and atom maps; stereo marks that are not real stereo (a 'centre' with two equal \
            neighbours, a double bond with two equal substituents at one end) are dropped. The string is \
            Accord's own, not RDKit's, but RDKit reads it as the same molecule.

            Exit status: 0 when the input was read (whatever errors its records have), 64 for usage errors, 66 \
            when an input cannot be opened or read to its end, 74 when the output cannot be written.

            Examples:
              accord canon 'N[C@@H](C)C(=O)O L-alanine' 'C[C@H](N)C(O)=O also L-alanine'
              accord canon --standardize --no-stereo seized.sdf | cut -f1 | sort -u
              accord canon Examples/opioids.smi
            """)

    @Argument(help: "Files, '-' for standard input, or SMILES strings (optionally followed by a space and a name).")
    var inputs: [String] = []

    @Option(help: "Read every input as this format instead of judging by file extension and content.")
    var format: MoleculeInputFormat?

    @Flag(help: "Standardize first: keep the largest organic fragment (drop salts, solvents) and neutralize acids and bases.")
    var standardize = false

    @Flag(help: "Remove stereo (tetrahedral, cis/trans and other atom classes): stereoisomers give one line.")
    var noStereo = false

    @Flag(help: "Remove isotope labels (deuterium becomes hydrogen): isotopologues give one line.")
    var noIsotopes = false

    @Flag(help: "Write a Kekulé form (C1=CC=CC=C1) instead of aromatic atoms (c1ccccc1); it is canonical too.")
    var kekule = false

    @Flag(help: "Write what standardization changed in each record to standard error ('index name: steps').")
    var explain = false

    func run() throws {
        let reader = try MoleculeRecordReader.open(inputs, format: format, command: "canon")
        let steps = StandardizationOptions(
            largestFragment: standardize, neutralize: standardize, removeStereo: noStereo, removeIsotopes: noIsotopes)
        let changesMolecule = standardize || noStereo || noIsotopes
        let options = CanonicalSMILESOptions(isomeric: true, aromatic: !kekule)
        let output = TextOutput(descriptor: 1)
        for record in reader {
            let name = Self.oneLine(record.name)
            switch record.result {
            case .success(var molecule):
                if changesMolecule {
                    let result = molecule.standardized(options: steps)
                    molecule = result.molecule
                    if explain && result.report.changedMolecule {
                        try? output.flush()  // keeps the note next to the lines before it; failures resurface below
                        StandardError.write("\(record.index) \(name): \(result.report)\n")
                    }
                }
                output.write(molecule.canonicalSMILES(options: options))
                if !name.isEmpty {
                    output.write("\t")
                    output.write(name)
                }
            case .failure(let error):
                output.write("error\t")
                output.write(name)
                output.write("\t")
                output.write(Self.oneLine(error.message))
            }
            output.write("\n")
        }
        try reader.finish(output, command: "canon")
    }

    /// Tabs and line breaks become spaces so that a name or message stays in its column of its line.
    static func oneLine(_ text: String) -> String {
        guard text.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
        return String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    }
}
