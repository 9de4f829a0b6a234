import ArgumentParser
import Foundation
import Surveillance

/// Where imported observations live: the same `--data DIR` as `accord serve`.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: "Data directory (default ./accord-data).")
    var data: String = "accord-data"

    var archive: ObservationArchive { ObservationArchive(dataDirectory: data) }

    func observationSet() throws -> ObservationSet {
        ObservationSet(resolver: SubstanceResolvers.default, observations: try archive.load())
    }
}

/// Which observations make a series.
struct SeriesOptions: ParsableArguments {
    @Option(help: "Source: nflis, dose, cbp, vsrr or accord.")
    var source: String?

    @Option(help: "Measure, e.g. drug_reports, ed_visits, hospitalizations, seizure_events, seizure_pounds.")
    var measure: String?

    @Option(help: "Substance by name as any source writes it (case, punctuation and p-/para- ignored).")
    var substance: String?

    @Option(name: .customLong("class"), help: "Every substance of a knowledge-base class.")
    var substanceClass: String?

    @Option(help: "Knowledge-base entry id.")
    var entry: String?

    @Option(help: "Place to include (repeatable); all places are summed when omitted.")
    var place: [String] = []

    @Option(help: "First period (YYYY, YYYY-MM or YYYY-Www).")
    var from: String?

    @Option(help: "Last period.")
    var to: String?

    func query() throws -> SeriesQuery {
        var query = SeriesQuery()
        if let source {
            guard let format = SourceFormat(rawValue: source) else {
                throw ValidationError("--source \(source): expected one of \(SourceFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            query.source = format
        }
        query.measure = measure
        let selectors = [substance, substanceClass, entry].compactMap { $0 }
        guard selectors.count <= 1 else { throw ValidationError("give at most one of --substance, --class, --entry") }
        if let substance { query.substance = .named(substance) }
        if let substanceClass { query.substance = .inClass(substanceClass) }
        if let entry { query.substance = .entry(id: entry) }
        if !place.isEmpty { query.places = Set(place) }
        query.from = try from.map { try period($0, option: "--from") }
        query.to = try to.map { try period($0, option: "--to") }
        return query
    }

    private func period(_ text: String, option: String) throws -> Period {
        guard let period = Period(parsing: text) else {
            throw ValidationError("\(option) \(text): expected YYYY, YYYY-MM or YYYY-Www")
        }
        return period
    }
}

/// A detector named on the command line.
struct DetectorOptions: ParsableArguments {
    @Option(help: "ears-c1, ears-c2, ears-c3, cusum or farrington.")
    var method: String

    @Option(name: .customLong("param"), help: "Detector parameter name=value (repeatable), names as in R's surveillance.")
    var parameters: [String] = []

    func spec(for series: TimeSeries) throws -> DetectorSpec {
        var values: [String: String] = [:]
        for pair in parameters {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw ValidationError("--param \(pair): expected name=value")
            }
            values[parts[0]] = parts[1]
        }
        let granularity = series.periods.first?.granularity ?? .week
        do {
            return try DetectorSpec.parse(method: method, parameters: values, frequency: granularity.periodsPerYear,
                                          startIndex: series.periods.first?.index ?? 1)
        } catch {
            throw ValidationError(error.description)
        }
    }
}

/// JSON lines on standard output, diagnostics on standard error.
enum Output {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func line(_ value: some Encodable) throws {
        let data = try encoder.encode(value)
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }

    static func text(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func diagnostic(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
