import ArgumentParser
import Surveillance

/// `accord surveil import FORMAT FILE`: reads a public data file into the data directory.
struct SurveilImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a surveillance file (nflis, dose, cbp, vsrr or accord seizures) into --data.",
        discussion: "Bad records are reported on standard error with record and column, and skipped. A summary "
            + "is printed as one JSON line. Re-importing a revised file replaces the values it contains."
    )

    @Argument(help: "nflis, dose, cbp, vsrr or accord.")
    var format: String

    @Argument(help: "The CSV file.")
    var file: String

    @OptionGroup var dataOptions: DataOptions

    func run() async throws {
        guard let source = SourceFormat(rawValue: format) else {
            throw ValidationError(ImportError.unknownFormat(format).description)
        }
        var observations: [Observation] = []
        let report: ImportReport
        do {
            report = try SurveillanceImporter.importFile(source, path: file) { observations.append($0) }
        } catch let error as ImportError {
            throw ValidationError("\(file): \(error.description)")
        }
        for issue in report.issues { Output.diagnostic("\(file): \(issue)") }
        let (added, replaced) = try dataOptions.archive.merge(observations)
        let set = ObservationSet(resolver: SubstanceResolvers.default, observations: observations)
        let unmapped = set.unmappedNames
        try Output.line(ImportSummary(format: source.rawValue, file: file, records: report.records,
                                      observations: report.observations, added: added, replaced: replaced,
                                      suppressedCells: report.suppressedCells,
                                      unavailableCells: report.unavailableCells, skippedRecords: report.issues.count,
                                      unmappedNames: unmapped))
    }

    struct ImportSummary: Encodable {
        var format: String
        var file: String
        var records: Int
        var observations: Int
        var added: Int
        var replaced: Int
        var suppressedCells: Int
        var unavailableCells: Int
        var skippedRecords: Int
        var unmappedNames: [String]

        enum CodingKeys: String, CodingKey {
            case format, file, records, observations, added, replaced, suppressedCells = "suppressed_cells",
                 unavailableCells = "unavailable_cells", skippedRecords = "skipped_records",
                 unmappedNames = "unmapped_names"
        }
    }
}
