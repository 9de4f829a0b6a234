/// A regular series of values, one per consecutive period, as detectors and charts consume it.
///
/// Sources list only periods with data; a `TimeSeries` fills the periods in between with zeros (no report is
/// a count of zero for NFLIS, CBP and Accord seizures), so position t is always period `start + t`.
public struct TimeSeries: Sendable, Hashable, Codable {
    /// Human-readable name of what the series counts, e.g. `nflis drug_reports Acetyl fentanyl OH`.
    public var label: String
    public var periods: [Period]
    public var values: [Double]

    public init(label: String, periods: [Period], values: [Double]) {
        self.label = label
        self.periods = periods
        self.values = values
    }

    /// Builds a regular series from sparse (period, value) pairs, summing duplicates and filling gaps with 0,
    /// over `range` when given, else from the first to the last period present.
    public init(label: String, points: [(Period, Double)], range: ClosedRange<Period>? = nil) {
        self.label = label
        var sums: [Period: Double] = [:]
        for (period, value) in points { sums[period, default: 0] += value }
        guard let first = range?.lowerBound ?? sums.keys.min(), let last = range?.upperBound ?? sums.keys.max(),
              first.granularity == last.granularity, first <= last else {
            periods = []
            values = []
            return
        }
        let length = first.distance(to: last) + 1
        periods = (0..<length).map { first.advanced(by: $0) }
        values = periods.map { sums[$0] ?? 0 }
    }

    public var isEmpty: Bool { values.isEmpty }
}
