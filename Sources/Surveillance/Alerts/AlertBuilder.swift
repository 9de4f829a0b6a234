/// Builds first-identification and rising-substance alerts from observations.
///
/// First identification is a rule: the first period in which a substance group has a positive count in a
/// place. Rising is statistical: a detector run on each substance × place series alarms. Both are computed
/// per source and measure, over the sources where they make sense (see `firstIdentificationSources`,
/// `risingMeasures`).
public struct AlertBuilder: Sendable {
    /// Detectors per series granularity and the smallest count that may raise a rising alert.
    public struct RisingRule: Sendable, Hashable {
        public var yearly: DetectorSpec
        public var monthly: DetectorSpec
        public var weekly: DetectorSpec
        /// Alarms on counts below this are not reported (a single report of a rare substance is a first
        /// identification, not a trend).
        public var minimumCount: Double

        /// EARS C1 on yearly counts (3-year baseline, minSigma 1, as Burkom suggests for sparse data) and EARS C2
        /// (7-period baseline with the 2-period guard band, minSigma 1) on monthly and weekly counts, alarms from 5
        /// counts up.
        public init(yearly: DetectorSpec = .ears(EARS.Parameters(method: .c1, baseline: 3, minSigma: 1)),
                    monthly: DetectorSpec = .ears(EARS.Parameters(method: .c2, baseline: 7, minSigma: 1)),
                    weekly: DetectorSpec = .ears(EARS.Parameters(method: .c2, baseline: 7, minSigma: 1)),
                    minimumCount: Double = 5) {
            self.yearly = yearly
            self.monthly = monthly
            self.weekly = weekly
            self.minimumCount = minimumCount
        }

        func detector(for granularity: Period.Granularity) -> DetectorSpec {
            switch granularity {
            case .year: yearly
            case .month: monthly
            case .week: weekly
            }
        }
    }

    public var statusProvider: any ControlStatusProvider
    public var rising: RisingRule
    /// Sources whose substance names are specific enough for first identification (not DOSE drug groups or
    /// VSRR indicators).
    public var firstIdentificationSources: Set<SourceFormat>
    /// Measures that are counts per period (not pounds, not 12-month rolling sums).
    public var risingMeasures: Set<String>
    /// Which kinds of alert to compute (both by default).
    public var kinds: Set<Alert.Kind>

    public init(statusProvider: any ControlStatusProvider = NoControlStatus(), rising: RisingRule = RisingRule(),
                firstIdentificationSources: Set<SourceFormat> = [.nflis, .cbp, .accord, .exchange],
                risingMeasures: Set<String> = ["drug_reports", "seizure_events", "ed_visits", "hospitalizations"],
                kinds: Set<Alert.Kind> = [.firstIdentification, .rising]) {
        self.kinds = kinds
        self.statusProvider = statusProvider
        self.rising = rising
        self.firstIdentificationSources = firstIdentificationSources
        self.risingMeasures = risingMeasures
    }

    /// Every alert, ordered by period, then kind, substance and place.
    public func alerts(for set: ObservationSet) -> [Alert] {
        var alerts: [Alert] = []
        for group in set.groupedSeries(measures: risingMeasures.union(["seizure_events", "drug_reports"])) {
            if kinds.contains(.firstIdentification), firstIdentificationSources.contains(group.source),
               ["drug_reports", "seizure_events"].contains(group.measure),
               let alert = firstIdentification(group, set: set) {
                alerts.append(alert)
            }
            if kinds.contains(.rising), risingMeasures.contains(group.measure) {
                // A series the detector cannot run on (too short, or a CUSUM baseline of zeros) raises nothing.
                if let rising = try? risingAlerts(group, set: set) { alerts += rising }
            }
        }
        return alerts.sorted {
            ($0.period, $0.kind.rawValue, $0.substance, $0.place) < ($1.period, $1.kind.rawValue, $1.substance, $1.place)
        }
    }

    func firstIdentification(_ group: GroupedSeries, set: ObservationSet) -> Alert? {
        let series = group.series
        guard let index = series.values.firstIndex(where: { $0 > 0 }) else { return nil }
        let period = series.periods[index]
        var evidence = Evidence(source: group.source, measure: group.measure, series: series.label,
                                parameters: ["rule": "first period with a positive count"],
                                observed: series.values[index])
        evidence.atStartOfData = index == 0
        evidence.dataStart = series.periods.first
        return makeAlert(.firstIdentification, group: group, period: period, detector: "first-identification",
                         evidence: evidence, set: set)
    }

    func risingAlerts(_ group: GroupedSeries, set: ObservationSet) throws(DetectorError) -> [Alert] {
        let series = group.series
        guard let granularity = series.periods.first?.granularity else { return [] }
        var detector = rising.detector(for: granularity)
        if case .farrington(var p) = detector {
            p.frequency = granularity.periodsPerYear
            detector = .farrington(p)
        }
        let points = try detector.run(series.values)
        var alerts: [Alert] = []
        for point in points where point.alarm && point.observed >= rising.minimumCount {
            let t = point.index
            var evidence = Evidence(source: group.source, measure: group.measure, series: series.label,
                                    parameters: detector.parameters, observed: point.observed,
                                    expected: point.expected, threshold: point.threshold)
            if t >= 1 {
                evidence.previous = series.values[t - 1]
                evidence.changeFromPrevious = PercentChangeSummary(PercentChange(from: series.values[t - 1],
                                                                                 to: point.observed))
            }
            let perYear = granularity.periodsPerYear
            if perYear > 1, t >= perYear {
                evidence.yearEarlier = series.values[t - perYear]
                evidence.changeFromYearEarlier = PercentChangeSummary(PercentChange(from: series.values[t - perYear],
                                                                                    to: point.observed))
            }
            alerts.append(makeAlert(.rising, group: group, period: series.periods[t], detector: detector.name,
                                    evidence: evidence, set: set))
        }
        return alerts
    }

    private func makeAlert(_ kind: Alert.Kind, group: GroupedSeries, period: Period, detector: String,
                           evidence: Evidence, set: ObservationSet) -> Alert {
        let match = set.resolver.resolve(name: group.sourceName, group: group.sourceGroup)
        var status: [String: SubstanceStatus] = [:]
        for entry in statusProvider.statuses(of: match, sourceName: group.sourceName, on: period.startDay) {
            status[entry.jurisdiction] = entry
        }
        return Alert(kind: kind, substance: group.substanceLabel, substanceID: match?.id, sourceName: group.sourceName,
                     mapping: match?.kind, classes: match?.classes ?? [], place: group.place, period: period, detector: detector,
                     evidence: evidence, status: status)
    }
}
