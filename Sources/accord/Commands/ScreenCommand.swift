import ArgumentParser
import Chemistry

/// `accord screen SMARTS LIBRARY`: a substructure search over a structure library on every core, where the
/// substructure screen rules out most molecules before the matcher runs.
struct ScreenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen",
        abstract: "Substructure search over a library with the screen, one JSON object per molecule, on every core.",
        discussion: """
            QUERY is a SMARTS pattern, read as RDKit reads SMARTS, or with --smiles a molecule whose atoms and \
            bonds must all be present. LIBRARY is a SMILES file (one 'SMILES [name]' per line; blank lines and \
            lines starting with # are skipped), an SD file (.sdf, .sd, .mol; also gzip-compressed) or '-' for \
            standard input (SDF when its fourth line is a molfile counts line, otherwise SMILES); several libraries \
            are searched one after the other, with indices running on.

            Output is the shape of 'accord match': every record gives one line with index, name, matches (the \
            number of distinct matches, as RDKit's len(GetSubstructMatches(query)); at most --max-matches) and \
            error; with --matching-only, only records with at least one match are printed. A record that cannot \
            be read has error set and matches null; the stream goes on.

            Each molecule's substructure screen (docs/CHEMISTRY.md, "Substructure screen") is compared with the \
            query's first; a molecule missing a query bit cannot contain the query and gets matches 0 without \
            running the matcher (the screen never rejects a molecule the query matches). When the search ends, one \
            summary line goes to standard error: records read, molecules matched, molecules the screen rejected, \
            records that could not be read. A progress bar is drawn on standard error when it is a terminal.

            Exit status: 0 when the input was read, 64 for usage errors (an invalid QUERY, with its column), 66 \
            when an input cannot be opened or read to its end, 74 when the output cannot be written.

            Examples:
              accord screen 'O=C(CC)N(c1ccccc1)C1CCNCC1' Examples/opioids.smi
              accord screen --matching-only '[$([NX3;H2,H1;!$(NC=O)])]' compounds.sdf.gz
              accord screen --smiles 'c1ccc(NC2CCNCC2)cc1' library.smi
            """)

    @Argument(help: "The SMARTS pattern (or, with --smiles, a SMILES) to search for.")
    var query: String

    @Argument(help: "SMILES or SD files, or '-' for standard input.")
    var libraries: [String] = ["-"]

    @Flag(help: "Read QUERY as a SMILES and match it as a molecule (as RDKit matches a MolFromSmiles query).")
    var smiles = false

    @Flag(help: "Compare tetrahedral centres and double-bond configurations written in the query.")
    var chirality = false

    @Option(help: "Stop counting a molecule's matches at this many (RDKit's maxMatches; 0 for no limit).")
    var maxMatches = 1000

    @Flag(help: "Print only the records the query matches (and the ones that could not be read).")
    var matchingOnly = false

    func validate() throws {
        guard maxMatches >= 0 else { throw ValidationError("--max-matches must be 0 (no limit) or more") }
    }

    /// What the screen and the matcher say about one molecule.
    enum Verdict: Sendable {
        case rejectedByScreen
        case matches(Int)
    }

    /// Running totals for the summary line.
    struct Tally {
        var records = 0
        var matched = 0
        var rejected = 0
        var unreadable = 0
    }

    func run() throws {
        let substructure = try MatchCommand.compileQuery(query, smiles: smiles, command: "screen")
        let screen = QueryScreen(SubstructureScreen.standard.queryFingerprint(of: substructure))
        let limit = maxMatches, chirality = self.chirality
        let batches = MoleculeBatches<Verdict>(label: "screening") { molecule in
            guard screen.passes(SubstructureScreen.standard.fingerprint(of: molecule)) else { return .rejectedByScreen }
            return .matches(substructure.matchCount(molecule, max: limit, useChirality: chirality))
        }
        let output = TextOutput(descriptor: 1)
        var json = JSONFieldWriter(output: output)
        var tally = Tally()
        var offset = 0
        for library in libraries {
            var last = -1
            do {
                try batches.run(library, progress: true) { outcome in
                    tally.records += 1
                    switch outcome {
                    case .done(let index, let name, let verdict):
                        last = index
                        var count = 0
                        switch verdict {
                        case .rejectedByScreen: tally.rejected += 1
                        case .matches(let n): count = n
                        }
                        if count > 0 { tally.matched += 1 }
                        guard count > 0 || !matchingOnly else { return }
                        json.begin()
                        json.field("index", offset + index)
                        json.field("name", name)
                        json.field("matches", count)
                        json.field("error", nil as String?)
                        json.end()
                    case .failure(let index, let name, let message):
                        last = index
                        tally.unreadable += 1
                        json.begin()
                        json.field("index", offset + index)
                        json.field("name", name)
                        json.field("matches", nil as Int?)
                        json.field("error", message)
                        json.end()
                    }
                }
            } catch let failure as MoleculeInputFailure {
                try flush(output)
                StandardError.write("accord screen: \(failure.description)\n")
                throw ExitCode(66)  // EX_NOINPUT
            }
            offset += last + 1
        }
        try flush(output)
        let screened = tally.records - tally.unreadable
        let share = screened > 0 ? Double(tally.rejected) * 100 / Double(screened) : 0
        StandardError.write(
            "accord screen: \(tally.records) records, \(tally.matched) matched, \(tally.rejected) rejected by the screen "
                + "(\(JSONFieldWriter.decimal(share, decimals: 1))% of \(screened) read), \(tally.unreadable) unreadable\n")
    }

    private func flush(_ output: TextOutput) throws {
        do {
            try output.flush()
        } catch {
            StandardError.write("accord screen: cannot write output: \(error.message)\n")
            throw ExitCode(74)  // EX_IOERR
        }
    }
}
