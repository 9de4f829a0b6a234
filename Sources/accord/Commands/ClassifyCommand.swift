import ArgumentParser
import Chemistry
import Foundation
import Law

/// `accord classify`: for each input structure, its control status in every jurisdiction on a day (by
/// listing or class rule, with citation, effective date and explanation) and the nearest controlled
/// substances, one JSON object per line.
struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Is a structure controlled in the US, China, under the UN conventions, on a day? One JSON line per molecule.",
        discussion: """
            Reads SMILES given as arguments, SMILES files (one 'SMILES [name]' per line) or SD files (also \
            gzip-compressed); '-' or no argument reads standard input. Each structure is standardized (largest \
            organic fragment, neutralized; stereo and isotopes set aside for the lookup, so salts and \
            stereoisomers of a listed substance find its listing), looked up among the knowledge base's \
            listings, and evaluated against the class-wide rules (US and Chinese fentanyl-related substances).

            Each line has: index, name, input, standardized_smiles, standardization (the steps applied), \
            substances (knowledge-base keys with this structure), date, jurisdictions (code, status, basis, \
            schedule, list, entry, rule, criteria, effective, effective_is_lower_bound, citation, url, \
            explanation, also_listed), classes (each class rule's evaluation: rule, member, criteria, \
            explanation), nearest (name, substance, similarity, codes, common_atoms, common_smarts), analogue \
            (the US Federal Analogue Act note when the structure is not controlled there) and error. status is \
            scheduled, precursor, not_controlled or unknown (the data cannot say: a missing date, an open point \
            of a rule's text, an incomplete list). A record that cannot be read has error set and the stream \
            goes on. Exit status: 0 when the input was read, 64 for usage errors, 66 when an input cannot be \
            opened or read to its end, 74 when the output cannot be written.

            Examples:
              accord classify 'CCC(=O)N(c1ccccc1)C1CCN(CCc2cccs2)CC1 thiofentanyl'
              accord classify --date 2018-01-01 'CC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1.Cl'
              accord classify Examples/opioids.smi
            """)

    @Argument(help: "Files, '-' for standard input, or SMILES strings (optionally followed by a space and a name).")
    var inputs: [String] = []

    @Option(help: "Day to determine the status on, YYYY-MM-DD (default: today).")
    var date: String?

    @Option(help: "How many nearest controlled substances to list (0: none).")
    var nearest = 3

    @Option(help: "Read every input as this format instead of judging by file extension and content.")
    var format: MoleculeInputFormat?

    @Option(help: "Read the knowledge base from this directory instead of the built-in one.")
    var resources: String?

    func validate() throws {
        _ = try LawArguments.date(date)
        guard (0...50).contains(nearest) else { throw ValidationError("--nearest must be between 0 and 50, not \(nearest)") }
    }

    func run() throws {
        let day = try LawArguments.date(date)
        let kb = try LawArguments.knowledgeBase(resources: resources)
        let reader = try MoleculeRecordReader.open(inputs, format: format, command: "classify")
        let engine = DeterminationEngine(knowledgeBase: kb)
        let options = DeterminationEngine.Options(nearest: nearest)
        let output = TextOutput(descriptor: 1)
        let progress = ProgressBar(label: "classify", total: 0)
        var count = 0
        for record in reader {
            let name = record.name.isEmpty ? nil : record.name
            switch record.result {
            case .success(let molecule):
                let c = engine.classify(molecule, on: day, options: options)
                output.write(c.jsonLine(index: record.index, name: name, input: record.text ?? molecule.smiles()))
            case .failure(let error):
                output.write(Classification.errorJSONLine(index: record.index, name: name, input: record.text, date: day, error: error.message))
            }
            output.write("\n")
            count += 1
            if count % 64 == 0 { progress.update(done: 0, count: count) }
        }
        progress.finish(count: count)
        try reader.finish(output, command: "classify")
    }
}
