import ArgumentParser
import Surveillance

/// `accord surveil names`: which source substance names map to the knowledge base.
struct SurveilNames: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "names",
        abstract: "Report how the imported substance names map to knowledge-base entries.",
        discussion: "One JSON line per distinct name (name, group, entry id and name, mapping kind, classes, and "
            + "for a structure the knowledge base does not list its SMILES, settled classes and the class rules still "
            + "pending), then a summary line with the mapped fraction, the finer counts and the unmapped names."
    )

    @OptionGroup var dataOptions: SurveillanceDataOptions

    @Option(help: "Only this source (nflis, dose, cbp, vsrr, accord, exchange).")
    var source: String?

    func run() async throws {
        var format: SourceFormat? = nil
        if let source {
            guard let parsed = SourceFormat(rawValue: source) else { throw ValidationError("--source \(source): unknown") }
            format = parsed
        }
        let set = try await dataOptions.observationSet(source: format, mapping: try SubstanceResolvers.mapping())
        let sources = Dictionary(set.observations.map { ($0.substance, $0.source) }, uniquingKeysWith: { a, _ in a })
        for entry in set.nameMapping where format == nil || sources[entry.name] == format {
            try Output.line(NameLine(name: entry.name, group: entry.group, entryID: entry.match?.id,
                                     entryName: entry.match?.name, mapping: entry.match?.kind,
                                     candidates: entry.match?.candidates ?? [], classes: entry.match?.classes.map(\.id) ?? [],
                                     basis: entry.match?.basis, structures: entry.match?.unlisted ?? []))
        }
        try Output.line(set.mappingReport(source: format))
    }

    struct NameLine: Encodable {
        var name: String
        var group: String?
        var entryID: String?
        var entryName: String?
        var mapping: SubstanceMatch.Kind?
        var candidates: [String]
        var classes: [String]
        var basis: String?
        var structures: [UnlistedStructure]

        enum CodingKeys: String, CodingKey {
            case name, group, entryID = "entry_id", entryName = "entry_name", mapping, candidates, classes, basis, structures
        }
    }
}
