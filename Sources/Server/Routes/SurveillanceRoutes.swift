import Exchange
import Foundation
import Hummingbird
import Law
import Storage
import Surveillance

/// A series as the API returns it: what was asked, the points, and which source names were summed.
struct SeriesView: Encodable, Sendable {
    struct Point: Encodable, Sendable {
        let period: String
        let value: Double
    }

    let label: String
    let points: [Point]
    /// Observations summed into the points.
    let observations: Int
    /// The distinct source names the points sum, sorted.
    let sourceNames: [String]
    /// True when seizures recorded in the exchange (those the caller may read) are part of the series.
    let includesExchangeRecords: Bool
}

/// A page of alerts.
struct AlertPage: Encodable, Sendable {
    let items: [Alert]
    let total: Int
    let nextCursor: String?

    enum CodingKeys: String, CodingKey { case items, total, nextCursor }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        try container.encode(total, forKey: .total)
        try container.encode(nextCursor, forKey: .nextCursor)
    }
}

extension ExchangeService {
    /// `/api/v1/surveillance`: series and alerts over the imported public data and the seizures the caller
    /// may read. Public series are readable by every authenticated caller; exchange seizures count only when
    /// the access decision lets the caller read them.
    func addSurveillanceRoutes(to group: RouterGroup<AccordRequestContext>) {
        group.get("surveillance/series") { request, context in
            let caller = try context.requireCaller()
            var reader = QueryReader(request)
            let query = try SurveillanceParameters.seriesQuery(&reader)
            try reader.finish()
            let set = try await observationSet(for: caller, source: query.source, measure: query.measure)
            let selected = set.selected(query, statusProvider: surveillance.status)
            let series = set.series(query, statusProvider: surveillance.status)
            guard series.values.count <= SurveillanceParameters.maximumPeriods else {
                throw ExchangeError(.malformed, code: "invalid_range",
                                    "the series would have \(series.values.count) periods, more than \(SurveillanceParameters.maximumPeriods); narrow from and to",
                                    field: query.from == nil ? "to" : "from")
            }
            let points = zip(series.periods, series.values).map { SeriesView.Point(period: $0.description, value: $1) }
            return JSONResponse.make(SeriesView(label: series.label, points: points, observations: selected.count,
                                                sourceNames: Set(selected.map(\.substance)).sorted(),
                                                includesExchangeRecords: query.source == nil || query.source == .exchange))
        }

        group.get("surveillance/alerts") { request, context in
            let caller = try context.requireCaller()
            var reader = QueryReader(request)
            let options = try SurveillanceParameters.alertOptions(&reader, limits: limits)
            try reader.finish()
            let set = try await observationSet(for: caller, source: options.source, measure: nil)
            let builder = AlertBuilder(statusProvider: surveillance.status, rising: options.rule, kinds: options.kinds)
            let alerts = builder.alerts(for: set).filter(options.includes)
            let page = Array(alerts.dropFirst(options.offset).prefix(options.limit))
            let next = options.offset + page.count < alerts.count ? OffsetCursor(offset: options.offset + page.count).token : nil
            return JSONResponse.make(AlertPage(items: page, total: alerts.count, nextCursor: next))
        }
    }

    /// The observations a caller may build series from: every imported public observation (of `source` and
    /// `measure` when given) and the observations of the exchange seizures the caller may read.
    func observationSet(for caller: Caller, source: SourceFormat?, measure: String?) async throws -> ObservationSet {
        var observations: [Observation] = []
        if source != .exchange {
            observations += try await store.surveillanceObservations(source: source, measure: measure)
        }
        if source == nil || source == .exchange {
            observations += try await store.seizureObservations(for: caller).filter { measure == nil || $0.measure == measure }
        }
        return ObservationSet(resolver: surveillance.resolver, observations: observations)
    }
}

/// Reads the query parameters of the surveillance endpoints, naming the parameter at fault.
enum SurveillanceParameters {
    /// The longest series returned (about 190 years of weeks, 830 years of months).
    static let maximumPeriods = 10_000

    static func source(_ reader: inout QueryReader) throws(ExchangeError) -> SourceFormat? {
        guard let text = try reader.string("source", maxLength: 20) else { return nil }
        guard let source = SourceFormat(rawValue: text) else {
            throw invalid("source", "'\(text)' is not a source; use one of \(SourceFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return source
    }

    static func period(_ reader: inout QueryReader, _ name: String) throws(ExchangeError) -> Period? {
        guard let text = try reader.string(name, maxLength: 10) else { return nil }
        guard let period = Period(parsing: text) else {
            throw invalid(name, "'\(text)' is not a period; write YYYY, YYYY-MM or YYYY-Www")
        }
        return period
    }

    static func places(_ reader: inout QueryReader) throws(ExchangeError) -> Set<String>? {
        guard let text = try reader.string("place", maxLength: 2000) else { return nil }
        let places = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !places.isEmpty, places.allSatisfy({ !$0.isEmpty }) else {
            throw invalid("place", "give one or more places separated by commas, e.g. OH,KY")
        }
        return Set(places)
    }

    static func seriesQuery(_ reader: inout QueryReader) throws(ExchangeError) -> SeriesQuery {
        var query = SeriesQuery()
        query.source = try source(&reader)
        query.measure = try reader.string("measure", maxLength: 100)
        let substance = try reader.string("substance")
        let substanceClass = try reader.string("class")
        let entry = try reader.string("entry")
        let status = try reader.string("status", maxLength: 20)
        let jurisdiction = try reader.string("jurisdiction", maxLength: 10)
        let selectors = [("substance", substance), ("class", substanceClass), ("entry", entry), ("status", status)]
            .filter { $0.1 != nil }
        if selectors.count > 1 {
            throw invalid(selectors[1].0, "give at most one of substance, class, entry and status")
        }
        if let substance { query.substance = .named(substance) }
        if let substanceClass { query.substance = .inClass(substanceClass) }
        if let entry { query.substance = .entry(id: entry) }
        if let status {
            guard let value = ControlStatus(rawValue: status) else {
                throw invalid("status", "'\(status)' is not a status; use scheduled, precursor, not_controlled or unknown")
            }
            guard let jurisdiction else { throw invalid("jurisdiction", "status needs a jurisdiction, e.g. jurisdiction=US") }
            query.substance = .status(jurisdiction: jurisdiction, status: value)
        } else if jurisdiction != nil {
            throw invalid("jurisdiction", "jurisdiction applies to status only")
        }
        query.places = try places(&reader)
        query.from = try period(&reader, "from")
        query.to = try period(&reader, "to")
        if let from = query.from, let to = query.to {
            guard from.granularity == to.granularity else {
                throw invalid("to", "from (\(from)) and to (\(to)) must both be years, months or weeks")
            }
            guard from <= to else { throw ExchangeError(.malformed, code: "invalid_range", "from (\(from)) is after to (\(to))", field: "from") }
            guard from.distance(to: to) < maximumPeriods else {
                throw ExchangeError(.malformed, code: "invalid_range", "from \(from) to \(to) is more than \(maximumPeriods) periods", field: "from")
            }
        }
        return query
    }

    /// What `GET /surveillance/alerts` was asked.
    struct AlertOptions {
        var source: SourceFormat?
        var kinds: Set<Alert.Kind> = [.firstIdentification, .rising]
        var places: Set<String>?
        var sinceDay: String?
        var includeDataStart = false
        var rule = AlertBuilder.RisingRule()
        var limit: Int
        var offset = 0

        func includes(_ alert: Alert) -> Bool {
            if let sinceDay, alert.period.endDate < sinceDay { return false }
            if let places, !places.contains(alert.place) { return false }
            if !includeDataStart, alert.evidence.atStartOfData == true { return false }
            return true
        }
    }

    static func alertOptions(_ reader: inout QueryReader, limits: InputLimits) throws(ExchangeError) -> AlertOptions {
        var options = AlertOptions(limit: try reader.integer("limit", in: 1...limits.maxPageSize) ?? limits.defaultPageSize)
        if let token = try reader.string("cursor", maxLength: 64) { options.offset = try OffsetCursor(token: token).offset }
        options.source = try source(&reader)
        if let kind = try reader.string("kind", maxLength: 30) {
            guard let value = Alert.Kind(rawValue: kind) else {
                throw invalid("kind", "'\(kind)' is not a kind of alert; use first_identification or rising")
            }
            options.kinds = [value]
        }
        options.places = try places(&reader)
        if let since = try reader.string("since", maxLength: 10) {
            if let day = CalendarDate(iso: since) {
                options.sinceDay = day.description
            } else if let period = Period(parsing: since), period.granularity != .week {
                options.sinceDay = period.startDate
            } else {
                throw invalid("since", "'\(since)' is not a date or period; write YYYY-MM-DD, YYYY-MM or YYYY")
            }
        }
        options.includeDataStart = try reader.bool("include_data_start") ?? false
        if let minimum = try reader.integer("min_count", in: 0...1_000_000_000) { options.rule.minimumCount = Double(minimum) }
        let method = try reader.string("method", maxLength: 20)
        let parameterText = try reader.string("parameters", maxLength: 500)
        if let method {
            var values: [String: String] = [:]
            for pair in (parameterText ?? "").split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, !parts[0].isEmpty else {
                    throw invalid("parameters", "'\(pair)' is not name=value; separate parameters with ';'")
                }
                values[parts[0]] = parts[1]
            }
            do {
                options.rule.yearly = try DetectorSpec.parse(method: method, parameters: values, frequency: 1)
                options.rule.monthly = try DetectorSpec.parse(method: method, parameters: values, frequency: 12)
                options.rule.weekly = try DetectorSpec.parse(method: method, parameters: values, frequency: 52)
            } catch {
                throw invalid(parameterText == nil ? "method" : "parameters", error.description)
            }
        } else if parameterText != nil {
            throw invalid("parameters", "parameters apply to method only")
        }
        return options
    }

    static func invalid(_ field: String, _ message: String) -> ExchangeError {
        ExchangeError(.malformed, code: "invalid_value", message, field: field)
    }
}

/// A position in a computed list (alerts are computed per request, not stored), as an opaque token.
struct OffsetCursor {
    let offset: Int

    init(offset: Int) { self.offset = offset }

    init(token: String) throws(ExchangeError) {
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8), text.hasPrefix("offset:"),
              let offset = Int(text.dropFirst(7)), offset >= 0, offset <= 10_000_000 else {
            throw ExchangeError(.malformed, code: "invalid_cursor", "the cursor was not produced by this server", field: "cursor")
        }
        self.offset = offset
    }

    var token: String {
        Data("offset:\(offset)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
