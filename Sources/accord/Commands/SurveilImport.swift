import ArgumentParser
import Storage
import Surveillance

/// `accord surveil import FORMAT FILE`: reads a public data file into the exchange's database.
struct SurveilImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a surveillance file (nflis, dose, cbp, vsrr or accord seizures) into the database.",
        discussion: "The database is the exchange's (--data DIR or --database-url, as for `accord serve`). Bad "
            + "records are reported on standard error with record and column, and skipped. A summary is printed as "
            + "one JSON line. Re-importing a revised file replaces the values it contains. The import is audited."
    )

    @Argument(help: "nflis, dose, cbp, vsrr or accord.")
    var format: String

    @Argument(help: "The CSV file.")
    var file: String

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        guard let source = SourceFormat(rawValue: format), SourceFormat.importable.contains(source) else {
            throw ValidationError(ImportError.unknownFormat(format).description)
        }
        let mapping = try SubstanceResolvers.mapping()
        var observations: [Observation] = []
        let report: ImportReport
        do {
            report = try SurveillanceImporter.importFile(source, path: file) { observations.append($0) }
        } catch let error as ImportError {
            throw ValidationError("\(file): \(error.description)")
        }
        for issue in report.issues { Output.diagnostic("\(file): \(issue)") }
        let store: ExchangeStore
        do {
            store = try await database.openStore()
        } catch {
            throw cliFailure(error)
        }
        let stored: SurveillanceImport
        do {
            stored = try await store.importObservations(observations, report: report, fileName: file, actor: .operator)
            await store.close()
        } catch {
            await store.close()
            throw cliFailure(error)
        }
        let set = ObservationSet(resolver: mapping.resolver, observations: observations)
        try Output.line(ImportSummary(importID: stored.id, format: source.rawValue, file: file, records: report.records,
                                      observations: report.observations, added: stored.added, replaced: stored.replaced,
                                      suppressedCells: report.suppressedCells,
                                      unavailableCells: report.unavailableCells, skippedRecords: report.issues.count,
                                      unmappedNames: set.unmappedNames))
    }

    struct ImportSummary: Encodable {
        var importID: String
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
            case importID = "import_id", format, file, records, observations, added, replaced,
                 suppressedCells = "suppressed_cells", unavailableCells = "unavailable_cells",
                 skippedRecords = "skipped_records", unmappedNames = "unmapped_names"
        }
    }
}
