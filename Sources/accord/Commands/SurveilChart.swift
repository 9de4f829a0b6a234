import ArgumentParser
import Foundation
import Surveillance

/// `accord surveil chart`: an SVG line chart of a series, with a detector's expected values, thresholds and
/// alarms when `--method` is given.
struct SurveilChart: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "Draw a series as an SVG chart, optionally with a detector's expected values, thresholds and alarms.",
        discussion: "The series comes from a period,count CSV (FILE) or, without FILE, from the imported "
            + "observations selected by the series options (--source, --substance, --place, ...)."
    )

    @Argument(help: "CSV of period,count; omit to chart imported observations.")
    var file: String?

    @Option(help: "Detector: ears-c1, ears-c2, ears-c3, cusum or farrington (optional).")
    var method: String?

    @Option(name: .customLong("param"), help: "Detector parameter name=value (repeatable).")
    var parameters: [String] = []

    @Option(help: "Chart title (default: the series label).")
    var title: String?

    @Option(name: .customLong("y-label"), help: "Y axis label.")
    var yLabel: String = "count"

    @Option(help: "Output SVG file.")
    var output: String

    @OptionGroup var dataOptions: SurveillanceDataOptions
    @OptionGroup var seriesOptions: SeriesOptions

    func run() async throws {
        let series: TimeSeries
        if let file {
            series = try SeriesInput.read(file).series
        } else {
            let query = try seriesOptions.query()
            let mapping = try SubstanceResolvers.mapping()
            series = try await dataOptions.observationSet(source: query.source, measure: query.measure, mapping: mapping)
                .series(query, statusProvider: mapping.status)
            guard !series.isEmpty else { throw ValidationError("no observations match \(series.label)") }
        }
        var detection: [DetectionPoint] = []
        var subtitle: String? = nil
        if let method {
            let spec = try DetectorOptions(method: method, parameters: parameters).spec(for: series)
            do {
                detection = try spec.run(series.values)
            } catch {
                throw ValidationError(error.description)
            }
            let parameterText = spec.parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                .joined(separator: ", ")
            subtitle = "\(spec.name) (\(parameterText))"
        }
        let chart = SVGChart(title: title ?? series.label, subtitle: subtitle, yLabel: yLabel)
        let svg = chart.render(series, detection: detection)
        do {
            try Data(svg.utf8).write(to: URL(fileURLWithPath: output))
        } catch {
            throw ValidationError("cannot write \(output): \(error.localizedDescription)")
        }
        Output.diagnostic("wrote \(output): \(series.values.count) periods, \(detection.filter(\.alarm).count) alarms")
    }
}

extension DetectorOptions {
    init(method: String, parameters: [String]) {
        self.init()
        self.method = method
        self.parameters = parameters
    }
}
