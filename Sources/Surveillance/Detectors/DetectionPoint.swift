/// One monitored time point of a detector run: what was expected, the alarm threshold and the decision.
///
/// Detectors report every point they monitor so an analyst (and a chart) can see how close a count came to
/// alarming, not only the alarms. `expected` and `threshold` are nil where the method gives none: R's
/// `surveillance` reports `NA` there (e.g. EARS C3 when the baseline has no variation, Farrington when fewer
/// than `limit54` cases were seen, or when its model does not converge).
public struct DetectionPoint: Sendable, Hashable, Codable {
    /// Zero-based index into the series.
    public var index: Int
    public var observed: Double
    public var expected: Double?
    /// Upper bound: counts above it (EARS, Farrington) or a CUSUM reaching `h` alarm.
    public var threshold: Double?
    public var alarm: Bool

    public init(index: Int, observed: Double, expected: Double?, threshold: Double?, alarm: Bool) {
        self.index = index
        self.observed = observed
        self.expected = expected
        self.threshold = threshold
        self.alarm = alarm
    }
}

/// Why a detector cannot run on a series with the given parameters.
public enum DetectorError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The series has fewer points than the method's history needs before its first monitored point.
    case seriesTooShort(method: String, needed: Int, got: Int)
    /// A parameter is outside its documented domain.
    case invalidParameter(name: String, value: String, reason: String)
    /// A count is negative, infinite or not a number (position is zero-based).
    case invalidCount(index: Int, value: Double)

    public var description: String {
        switch self {
        case let .seriesTooShort(method, needed, got):
            "\(method) needs at least \(needed) periods before its first monitored one; the series has \(got)"
        case let .invalidParameter(name, value, reason):
            "parameter \(name)=\(value): \(reason)"
        case let .invalidCount(index, value):
            "count at position \(index + 1) is \(value); counts must be finite and non-negative"
        }
    }
}

/// Detectors expect plain counts; this rejects what would silently poison means and variances.
func validateCounts(_ counts: [Double]) throws(DetectorError) {
    for (index, value) in counts.enumerated() where !value.isFinite || value < 0 {
        throw .invalidCount(index: index, value: value)
    }
}

/// R's `pmax` for two numbers: a NaN on either side wins, unlike Swift's `max`.
@inline(__always)
func rMax(_ a: Double, _ b: Double) -> Double {
    if a.isNaN || b.isNaN { return .nan }
    return a > b ? a : b
}

extension Double {
    /// nil for NaN, so NA values of R map to absent JSON fields rather than to invalid numbers.
    var finiteOrNil: Double? { isNaN ? nil : self }
}
