import ArgumentParser
import Chemistry
import Law

/// `accord gaps`: substances controlled in one jurisdiction and not (or not known to be) in another on a day,
/// with the dates that would close each gap. One JSON line per substance.
struct Gaps: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gaps",
        abstract: "Substances controlled in one jurisdiction and not in another on a day.",
        discussion: """
            Without files, compares every knowledge-base substance. With files (SMILES or SD, '-' for standard \
            input), also compares each structure in them, such as class members seen in seizures: a structure \
            that is a salt or isomer of a listed substance is reported under that substance (once), others under \
            their standardized SMILES. Records that cannot be read are reported on standard error with their \
            position.

            Examples:
              accord gaps --date 2018-12-31 --between US,CN
              accord gaps --date 2024-06-01 --between US,CN seized.smi
            """
    )

    @Option(help: "Day to compare, YYYY-MM-DD (default: today).")
    var date: String?

    @Option(help: "Jurisdictions to compare, comma-separated (default: all, e.g. US,CN,UN).")
    var between: String?

    @Flag(help: "Only gaps where every status is known (no 'unknown').")
    var certainOnly = false

    @Option(help: "Read the knowledge base from this directory instead of the built-in one.")
    var resources: String?

    @Argument(help: "Files of structures to compare as well (SMILES or SD; '-' for standard input).")
    var files: [String] = []

    func run() async throws {
        let kb = try LawArguments.knowledgeBase(resources: resources)
        let day = try LawArguments.date(date)
        let codes = try LawArguments.jurisdictions(between, in: kb)
        guard codes.count >= 2 else { throw ValidationError("--between needs at least two jurisdictions") }
        let out = JSONLineWriter()
        var reported = Set<String>()
        for gap in GapAnalysis(knowledgeBase: kb).gaps(on: day, between: codes) where !certainOnly || gap.isCertain {
            reported.insert(gap.substance)
            try out.write(GapLine(gap))
        }
        guard !files.isEmpty else { return }
        let reader = try MoleculeRecordReader.open(files, format: nil, command: "gaps")
        let engine = DeterminationEngine(knowledgeBase: kb)
        for record in reader {
            switch record.result {
            case .failure(let error):
                StandardError.write("accord gaps: record \(record.index + 1): \(error.message)\n")
            case .success(let molecule):
                guard let gap = engine.gap(molecule, name: record.name, on: day, between: codes),
                      !certainOnly || gap.isCertain, reported.insert(gap.substance).inserted else { continue }
                try out.write(GapLine(gap))
            }
        }
        try reader.finish(nil, command: "gaps")
    }

    struct GapLine: Encodable {
        let substance: String
        let name: String
        let date: String
        let certain: Bool
        let controlledIn: [String]
        let notControlledIn: [String]
        let unknownIn: [String]
        let jurisdictions: [JurisdictionAnswer]
        let closes: [Closing]

        struct Closing: Encodable {
            let code: String
            let date: String
            let ref: String
            let citation: String
            @NullEncoded var url: String?
        }

        init(_ g: ControlGap) {
            substance = g.substance
            name = g.name
            date = g.date.description
            certain = g.isCertain
            controlledIn = g.statuses.filter { $0.status == .scheduled || $0.status == .precursor }.map(\.jurisdiction.rawValue)
            notControlledIn = g.statuses.filter { $0.status == .notControlled }.map(\.jurisdiction.rawValue)
            unknownIn = g.statuses.filter { $0.status == .unknown }.map(\.jurisdiction.rawValue)
            jurisdictions = g.statuses.map(JurisdictionAnswer.init)
            closes = g.closings.map { Closing(code: $0.jurisdiction.rawValue, date: $0.date.description, ref: $0.ref, citation: $0.citation.text, url: $0.citation.url) }
        }

        enum CodingKeys: String, CodingKey {
            case substance, name, date, certain
            case controlledIn = "controlled_in"
            case notControlledIn = "not_controlled_in"
            case unknownIn = "unknown_in"
            case jurisdictions, closes
        }
    }
}
