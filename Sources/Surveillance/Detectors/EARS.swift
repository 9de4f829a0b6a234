import Foundation

/// CDC's Early Aberration Reporting System detectors C1, C2 and C3, as R's `surveillance::earsC` defines them.
///
/// Built for short series with little history: each point is compared with the mean and standard deviation
/// of a moving baseline of recent points. C1 uses the `baseline` points just before t; C2 skips a guard band of
/// two points so a building outbreak does not raise its own baseline; C3 adds the positive excesses of the two
/// previous C2 statistics, which makes it the most sensitive of the three.
public enum EARS {
    public enum Method: String, Sendable, Codable, CaseIterable {
        case c1 = "C1", c2 = "C2", c3 = "C3"

        /// How many points before the first monitored one the method reads.
        func history(baseline: Int) -> Int {
            switch self {
            case .c1: baseline
            case .c2: baseline + 2
            case .c3: baseline + 4
            }
        }
    }

    /// Parameters with the CDC's (and R's) defaults.
    public struct Parameters: Sendable, Hashable, Codable {
        public var method: Method
        /// Baseline length in periods (default 7, minimum 3).
        public var baseline: Int
        /// Floor on the baseline standard deviation; Burkom suggests 0.5 or 1 for sparse data (default 0).
        public var minSigma: Double
        /// One-sided level; nil means the CDC's choice: 0.001 for C1 and C2, 0.025 for C3.
        public var alpha: Double?

        public init(method: Method = .c1, baseline: Int = 7, minSigma: Double = 0, alpha: Double? = nil) {
            self.method = method
            self.baseline = baseline
            self.minSigma = minSigma
            self.alpha = alpha
        }

        /// The level actually used.
        public var effectiveAlpha: Double { alpha ?? (method == .c3 ? 0.025 : 0.001) }
    }

    /// Runs the detector on every point that has enough history (from index `history(baseline)` on).
    public static func detect(_ counts: [Double], parameters: Parameters = Parameters()) throws(DetectorError)
        -> [DetectionPoint] {
        try validateCounts(counts)
        let baseline = parameters.baseline
        guard baseline >= 3 else {
            throw .invalidParameter(name: "baseline", value: "\(baseline)", reason: "the minimum baseline is 3")
        }
        guard parameters.minSigma >= 0, parameters.minSigma.isFinite else {
            throw .invalidParameter(name: "minSigma", value: "\(parameters.minSigma)", reason: "must be >= 0")
        }
        let alpha = parameters.effectiveAlpha
        guard alpha > 0, alpha < 1 else {
            throw .invalidParameter(name: "alpha", value: "\(alpha)", reason: "must lie strictly between 0 and 1")
        }
        let history = parameters.method.history(baseline: baseline)
        guard counts.count > history else {
            throw .seriesTooShort(method: "EARS \(parameters.method.rawValue)", needed: history + 1, got: counts.count)
        }
        let z = Distributions.normalQuantile(1 - alpha)
        let minSigma = parameters.minSigma
        var points: [DetectionPoint] = []
        points.reserveCapacity(counts.count - history)
        switch parameters.method {
        case .c1, .c2:
            let lag = parameters.method == .c1 ? 1 : 3
            for t in history..<counts.count {
                let (mean, sd) = meanAndSD(counts, from: t - lag - baseline + 1, to: t - lag)
                let threshold = mean + z * rMax(sd, minSigma)
                points.append(DetectionPoint(index: t, observed: counts[t], expected: mean,
                                             threshold: threshold.finiteOrNil, alarm: counts[t] > threshold))
            }
        case .c3:
            // C2 statistics for t-2 ... end, each against the C2 baseline (guard band of 2).
            func c2(_ t: Int) -> (statistic: Double, mean: Double, sigma: Double) {
                let (mean, sd) = meanAndSD(counts, from: t - 2 - baseline, to: t - 3)
                let sigma = rMax(sd, minSigma)
                return ((counts[t] - mean) / sigma, mean, sigma)
            }
            for t in history..<counts.count {
                let current = c2(t)
                let lag1 = rMax(0, c2(t - 1).statistic - 1)
                let lag2 = rMax(0, c2(t - 2).statistic - 1)
                let threshold = rMax(0, counts[t] + current.sigma * (z - (lag2 + lag1)))
                points.append(DetectionPoint(index: t, observed: counts[t], expected: current.mean,
                                             threshold: threshold.finiteOrNil, alarm: counts[t] > threshold))
            }
        }
        return points
    }

    /// Mean and sample standard deviation (n − 1) of counts[from...to].
    static func meanAndSD(_ counts: [Double], from: Int, to: Int) -> (Double, Double) {
        let n = Double(to - from + 1)
        var sum = 0.0
        for i in from...to { sum += counts[i] }
        let mean = sum / n
        var squares = 0.0
        for i in from...to { squares += (counts[i] - mean) * (counts[i] - mean) }
        return (mean, (squares / (n - 1)).squareRoot())
    }
}
