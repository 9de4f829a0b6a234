import ArgumentParser
import Surveillance

/// `accord surveil series`: one regular series from the imported observations.
struct SurveilSeries: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "series",
        abstract: "Print a series (per substance, class or entry, summed over places) as JSON lines or CSV.",
        discussion: "Missing periods between the first and last are printed as 0. CSV output (period,count) "
            + "can be given to `accord surveil detect` and `chart`."
    )

    @OptionGroup var dataOptions: SurveillanceDataOptions
    @OptionGroup var seriesOptions: SeriesOptions

    @Option(help: "jsonl (default) or csv.")
    var format: String = "jsonl"

    func run() async throws {
        guard format == "jsonl" || format == "csv" else { throw ValidationError("--format: expected jsonl or csv") }
        let query = try seriesOptions.query()
        let mapping = try SubstanceResolvers.mapping()
        let set = try await dataOptions.observationSet(source: query.source, measure: query.measure, mapping: mapping)
        let series = set.series(query, statusProvider: mapping.status)
        if series.isEmpty { Output.diagnostic("no observations match \(series.label)") }
        if format == "csv" {
            var text = "period,count\n"
            for (period, value) in zip(series.periods, series.values) { text += "\(period),\(Format.number(value))\n" }
            Output.text(text)
        } else {
            for (period, value) in zip(series.periods, series.values) {
                try Output.line(Line(series: series.label, period: period.description, count: value))
            }
        }
    }

    struct Line: Encodable {
        var series: String
        var period: String
        var count: Double
    }
}

enum Format {
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
