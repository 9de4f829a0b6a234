import ArgumentParser
import Exchange
import Foundation
import Law
import Storage
import Surveillance

/// Where surveillance data comes from: the exchange's database (`--data DIR` or `--database-url`, exactly as
/// for `accord serve`), and, with `--agency`, the exchange's seizures that agency may read.
struct SurveillanceDataOptions: ParsableArguments {
    @OptionGroup var database: DatabaseOptions

    @Option(help: "Also count the exchange's seizure records, as the agency of this name may read them.")
    var agency: String?

    /// Opens the store, runs `body`, closes the store.
    func withStore<T>(_ body: (ExchangeStore) async throws -> T) async throws -> T {
        let store: ExchangeStore
        do {
            store = try await database.openStore()
        } catch {
            throw cliFailure(error)
        }
        do {
            let result = try await body(store)
            await store.close()
            return result
        } catch {
            await store.close()
            throw cliFailure(error)
        }
    }

    /// Imported observations (of `source` and `measure` when given), plus the seizures `--agency` may read,
    /// with names resolved against the law knowledge base.
    func observationSet(source: SourceFormat? = nil, measure: String? = nil, mapping: LawMapping) async throws -> ObservationSet {
        try await withStore { store in
            var observations: [Observation] = []
            if source != .exchange {
                observations += try await store.surveillanceObservations(source: source, measure: measure)
            }
            if let agency, source == nil || source == .exchange {
                guard let found = try await store.agency(named: agency) else {
                    throw ValidationError("--agency \(agency): no agency has that name")
                }
                let caller = Caller(user: UserID(rawValue: AuditEntry.operatorActor), userName: AuditEntry.operatorActor,
                                    agency: found.id, country: found.country, role: .viewer, key: nil, readOnlyKey: true)
                observations += try await store.seizureObservations(for: caller).filter { measure == nil || $0.measure == measure }
            } else if source == .exchange {
                throw ValidationError("--source exchange needs --agency: exchange seizures count only as an agency may read them")
            }
            return ObservationSet(resolver: mapping.resolver, observations: observations)
        }
    }
}

/// Which observations make a series.
struct SeriesOptions: ParsableArguments {
    @Option(help: "Source: nflis, dose, cbp, vsrr, accord, or exchange (seizures --agency may read).")
    var source: String?

    @Option(help: "Measure, e.g. drug_reports, ed_visits, hospitalizations, seizure_events, seizure_pounds.")
    var measure: String?

    @Option(help: "Substance by name as any source writes it (case, punctuation and p-/para- ignored).")
    var substance: String?

    @Option(name: .customLong("class"), help: "Every substance of a class rule, by id (us-frs) or name (fentanyl-related substances: US and China).")
    var substanceClass: String?

    @Option(help: "Knowledge-base substance key (see `accord surveil names`), e.g. acetylfentanyl.")
    var entry: String?

    @Option(help: "Every substance with this control status (scheduled, precursor, not_controlled, unknown) in --jurisdiction on the first day of each period.")
    var status: String?

    @Option(help: "Jurisdiction of --status: US, CN or UN.")
    var jurisdiction: String?

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
        let selectors = [substance, substanceClass, entry, status].compactMap { $0 }
        guard selectors.count <= 1 else { throw ValidationError("give at most one of --substance, --class, --entry, --status") }
        if let substance { query.substance = .named(substance) }
        if let substanceClass { query.substance = .inClass(substanceClass) }
        if let entry { query.substance = .entry(id: entry) }
        if let status {
            guard let value = ControlStatus(rawValue: status) else {
                throw ValidationError("--status \(status): expected scheduled, precursor, not_controlled or unknown")
            }
            guard let jurisdiction else { throw ValidationError("--status needs --jurisdiction, e.g. --jurisdiction US") }
            query.substance = .status(jurisdiction: jurisdiction, status: value)
        } else if jurisdiction != nil {
            throw ValidationError("--jurisdiction applies to --status only")
        }
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
