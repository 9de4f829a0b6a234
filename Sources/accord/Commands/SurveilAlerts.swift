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

    @OptionGroup var dataOptions: DataOptions

    @Option(help: "Only alerts for periods ending on or after this date or period (YYYY-MM-DD, YYYY-MM, YYYY).")
    var since: String?

    @Option(help: "Only alerts for this place (repeatable).")
    var place: [String] = []

    @Option(help: "Only this kind: first_identification or rising.")
    var kind: String?

    @Flag(help: "Include first identifications in the first period of the data (present when data start).")
    var includeDataStart = false

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
        let set = try dataOptions.observationSet()
        let builder = AlertBuilder(statusProvider: SubstanceResolvers.status)
        for alert in builder.alerts(for: set) {
            if let sinceDate, alert.period.endDate < sinceDate { continue }
            if !place.isEmpty, !place.contains(alert.place) { continue }
            if let kind, alert.kind.rawValue != kind { continue }
            if !includeDataStart, alert.evidence.atStartOfData == true { continue }
            try Output.line(alert)
        }
    }
}
