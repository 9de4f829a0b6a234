import ArgumentParser
import Chemistry

/// `accord match`: which input molecules contain a substructure, and how often, one JSON object per line.
struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Search molecules for a substructure given as SMARTS, one JSON object per molecule.",
        discussion: """
            QUERY is a SMARTS pattern, read as RDKit reads SMARTS (see docs/CHEMISTRY.md), or with --smiles a \
            molecule whose atoms and bonds must all be present. Inputs are read as by 'accord describe': SMILES \
            files (one 'SMILES [name]' per line; blank lines and lines starting with # are skipped), SD files \
            (.sdf, .sd, .mol, also gzip-compressed) or SMILES given as arguments; '-' or no input reads standard \
            input. Every input record gives one line with the fields index, name, matches (the number of \
            distinct matches, as RDKit's len(GetSubstructMatches(query)); at most --max-matches), atoms with \
            --atoms (the input atoms of each match, in query atom order, 0-based) and error. A record that cannot \
            be read has error set and nulls elsewhere; the stream goes on. Exit status: 0 when the input was read, \
            64 for usage errors (an invalid QUERY, with its column), 66 when an input cannot be opened or read to \
            its end, 74 when the output cannot be written.

            Examples:
              accord match 'O=CN(c1ccccc1)C1CCNCC1' Examples/opioids.smi
              accord match --atoms '[$([NX3;H2,H1;!$(NC=O)])]' compounds.sdf.gz
              accord match --smiles 'c1ccc(NC2CCNCC2)cc1' Examples/opioids.smi
            """)

    @Argument(help: "The SMARTS pattern (or, with --smiles, a SMILES) to search for.")
    var query: String

    @Argument(help: "Files, '-' for standard input, or SMILES strings (optionally followed by a space and a name).")
    var inputs: [String] = []

    @Option(help: "Input format for standard input and files whose extension does not say (smiles or sdf).")
    var format: MoleculeInputFormat?

    @Flag(help: "Also list the matched atoms: an array per match of input atom indices in query atom order.")
    var atoms = false

    @Flag(help: "Read QUERY as a SMILES and match it as a molecule (as RDKit matches a MolFromSmiles query).")
    var smiles = false

    @Flag(help: "Compare tetrahedral centres and double-bond configurations written in the query.")
    var chirality = false

    @Option(help: "Stop counting a molecule's matches at this many (RDKit's maxMatches; 0 for no limit).")
    var maxMatches = 1000

    func validate() throws {
        guard maxMatches >= 0 else { throw ValidationError("--max-matches must be 0 (no limit) or more") }
    }

    func run() throws {
        let substructure = try compileQuery()
        let reader = try MoleculeRecordReader.open(inputs, format: format, command: "match")
        let output = TextOutput(descriptor: 1)
        var json = JSONFieldWriter(output: output)
        for record in reader {
            json.begin()
            json.field("index", record.index)
            json.field("name", record.name)
            switch record.result {
            case .success(let molecule):
                if atoms {
                    let mappings = Array(substructure.mappings(in: molecule, max: maxMatches, useChirality: chirality))
                    json.field("matches", mappings.count)
                    json.field("atoms", mappings)
                } else {
                    json.field("matches", substructure.matchCount(molecule, max: maxMatches, useChirality: chirality))
                }
                json.field("error", nil as String?)
            case .failure(let error):
                json.field("matches", nil as Int?)
                if atoms { json.field("atoms", nil as [[Int]]?) }
                json.field("error", error.message)
            }
            json.end()
        }
        try reader.finish(output, command: "match")
    }

    /// The query, or a usage error that shows where the pattern is wrong.
    func compileQuery() throws -> SubstructureQuery {
        try SubstructureQueryArgument.compile(query, smiles: smiles, command: "match")
    }
}
