import ArgumentParser
import Surveillance

/// `accord surveil alerts`: first identifications and rising substances as JSON lines.
struct SurveilAlerts: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts",
        abstract: "First-identification and rising-substance alerts with their evidence and control status.",
        discussion: "Each line has kind (first_identification or rising), substance, place, period, detector, "
            + "evidence (series, parameters, observed, expected, threshold, changes) and status per jurisdiction."
    )

    @OptionGroup var dataOptions: SurveillanceDataOptions

    @Option(help: "Only alerts from this source: nflis, dose, cbp, vsrr, accord or exchange.")
    var source: String?

    @Option(help: "Only alerts for periods ending on or after this date or period (YYYY-MM-DD, YYYY-MM, YYYY).")
    var since: String?

    @Option(help: "Only alerts for this place (repeatable).")
    var place: [String] = []

    @Option(help: "Only this kind: first_identification or rising.")
    var kind: String?

    @Flag(help: "Include first identifications in the first period of the data (present when data start).")
    var includeDataStart = false

    @Option(help: "Detector for rising alerts on every series (default: EARS C1 baseline 3 on yearly, EARS C2 on monthly and weekly series, both with minSigma 1).")
    var method: String?

    @Option(name: .customLong("param"), help: "Parameter of --method, name=value (repeatable).")
    var parameters: [String] = []

    @Option(name: .customLong("min-count"), help: "Smallest count that may raise a rising alert.")
    var minimumCount: Double = 5

    func run() async throws {
        var sinceDate: String? = nil
        if let since {
            if let period = Period(parsing: since) {
                sinceDate = period.granularity == .month && since.count > 7 ? since : period.startDate
            } else {
                throw ValidationError("--since \(since): expected YYYY-MM-DD, YYYY-MM or YYYY")
            }
        }
        if let kind, Alert.Kind(rawValue: kind) == nil {
            throw ValidationError("--kind \(kind): expected first_identification or rising")
        }
        var format: SourceFormat? = nil
        if let source {
            guard let parsed = SourceFormat(rawValue: source) else {
                throw ValidationError("--source \(source): expected one of \(SourceFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            format = parsed
        }
        let mapping = try SubstanceResolvers.mapping()
        let set = try await dataOptions.observationSet(source: format, mapping: mapping)
        var rule = AlertBuilder.RisingRule(minimumCount: minimumCount)
        if let method {
            for granularity in Period.Granularity.allCases {
                let probe = TimeSeries(label: "", periods: [Period(granularity: granularity, year: 2000)].compactMap { $0 },
                                       values: [0])
                let spec = try DetectorOptions(method: method, parameters: parameters).spec(for: probe)
                switch granularity {
                case .year: rule.yearly = spec
                case .month: rule.monthly = spec
                case .week: rule.weekly = spec
                }
            }
        }
        let kinds: Set<Alert.Kind> = kind.flatMap(Alert.Kind.init(rawValue:)).map { [$0] } ?? [.firstIdentification, .rising]
        let builder = AlertBuilder(statusProvider: mapping.status, rising: rule, kinds: kinds)
        for alert in builder.alerts(for: set) {
            if let sinceDate, alert.period.endDate < sinceDate { continue }
            if !place.isEmpty, !place.contains(alert.place) { continue }
            if let kind, alert.kind.rawValue != kind { continue }
            if !includeDataStart, alert.evidence.atStartOfData == true { continue }
            try Output.line(alert)
        }
    }
}
