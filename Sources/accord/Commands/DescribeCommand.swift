import ArgumentParser
import Chemistry

/// `accord describe`: formula, masses and a SMILES for each input molecule, one JSON object per line.
struct DescribeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe",
        abstract: "Describe molecules: SMILES, formula, masses, atoms, charge, rings, canonical SMILES; JSON lines.",
        discussion: """
            Reads SMILES files (one 'SMILES [name]' per line; blank lines and lines starting with # are skipped), \
            SD files (.sdf, .sd, .mol, also gzip-compressed) or SMILES given as arguments; '-' or no argument \
            reads standard input. Standard input and files with other extensions are read as SDF when their \
            fourth line is a molfile counts line (ending in V2000 or V3000), otherwise as SMILES. \
            Every input record gives one line with the fields index, name, smiles (the molecule written back, \
            atoms in input order), formula, average_mass, monoisotopic_mass, heavy_atoms, charge, rings (the \
            size of a smallest set of smallest rings, as RDKit's GetSSSR counts), aromatic_atoms, \
            canonical_smiles (as 'accord canon' writes it) and error. A record that cannot be \
            read has error set (with its line and column, or SDF record and line) and nulls elsewhere; the \
            stream goes on. Exit status: 0 when the input was read (whatever errors its records have), 64 for usage \
            errors, 66 when an input cannot be opened or read to its end, 74 when the output cannot be written.

            Examples:
              accord describe Examples/opioids.smi
              accord describe 'CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1 fentanyl'
              accord describe compounds.sdf.gz
              curl -s https://example.org/structures.sdf | accord describe
            """)

    @Argument(help: "Files, '-' for standard input, or SMILES strings (optionally followed by a space and a name).")
    var inputs: [String] = []

    @Option(help: "Read every input as this format instead of judging by file extension and content.")
    var format: MoleculeInputFormat?

    func run() throws {
        let reader = try MoleculeRecordReader.open(inputs, format: format, command: "describe")
        let output = TextOutput(descriptor: 1)
        var json = JSONFieldWriter(output: output)
        for record in reader {
            json.begin()
            json.field("index", record.index)
            json.field("name", record.name)
            switch record.result {
            case .success(let molecule):
                json.field("smiles", molecule.smiles())
                json.field("formula", molecule.molecularFormula)
                json.field("average_mass", molecule.averageMass, decimals: 5)
                json.field("monoisotopic_mass", molecule.monoisotopicMass, decimals: 5)
                json.field("heavy_atoms", molecule.heavyAtomCount)
                json.field("charge", molecule.netCharge)
                json.field("rings", molecule.ringInfo.cyclomaticNumber)
                json.field("aromatic_atoms", molecule.atoms.reduce(0) { $0 + ($1.isAromatic ? 1 : 0) })
                json.field("canonical_smiles", molecule.canonicalSMILES())
                json.field("error", nil as String?)
            case .failure(let error):
                json.field("smiles", nil as String?)
                json.field("formula", nil as String?)
                json.field("average_mass", nil as Double?, decimals: 5)
                json.field("monoisotopic_mass", nil as Double?, decimals: 5)
                json.field("heavy_atoms", nil as Int?)
                json.field("charge", nil as Int?)
                json.field("rings", nil as Int?)
                json.field("aromatic_atoms", nil as Int?)
                json.field("canonical_smiles", nil as String?)
                json.field("error", error.message)
            }
            json.end()
        }
        try reader.finish(output, command: "describe")
    }
}
