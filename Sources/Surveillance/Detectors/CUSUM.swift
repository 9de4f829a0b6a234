import Foundation

/// The approximate Poisson CUSUM of Rossi et al. (1999), as R's `surveillance::algo.cusum` computes it.
///
/// CUSUM accumulates standardised excesses over an expected count, so it catches sustained, gradual rises (a
/// new analog whose seizure reports creep up month after month) that spike detectors like EARS miss.
/// The statistic is S_t = max(0, S_{t−1} + z_t − k), alarming when S_t ≥ h; the threshold reported per
/// point is the count that would make S_t reach h.
public enum CUSUM {
    /// How the expected count m is obtained.
    public enum Expected: Sendable, Hashable, Codable {
        /// The mean of all counts before the first monitored point (R's default, `m = NULL`).
        case baselineMean
        /// A fixed expected count.
        case constant(Double)
        /// A Poisson GLM with one harmonic, log m_t = α + β·cos(2πt/f) + γ·sin(2πt/f), fitted on the baseline
        /// (R's `m = "glm"`); needs the series' frequency and the position of its first point within the year.
        case harmonicGLM
    }

    /// How counts are standardised before accumulating.
    public enum Transform: String, Sendable, Codable, CaseIterable {
        /// (y − m)/√m.
        case standard
        /// Rossi's (y − 3m + 2√(ym))/(2√m), closer to normal for small counts.
        case rossi
        /// Anscombe's 3/2·(y^{2/3} − m^{2/3})/m^{1/6}.
        case anscombe
        /// (y − m)/√(m + α·m²) for overdispersed counts (α = `negativeBinomialAlpha`).
        case pearsonNegBin
    }

    /// Parameters with R's defaults (k = 1.04, h = 2.26, standard transform, baseline mean).
    public struct Parameters: Sendable, Hashable, Codable {
        /// Reference value subtracted at each step.
        public var k: Double
        /// Decision interval.
        public var h: Double
        public var expected: Expected
        public var transform: Transform
        /// Overdispersion α of the negative-binomial Pearson transform (R's default 0.1).
        public var negativeBinomialAlpha: Double
        /// Zero-based index of the first monitored point; the points before it form the baseline.
        /// nil means half the series (R has no default here).
        public var firstMonitored: Int?
        /// Periods per year, for `.harmonicGLM` (52 weekly, 12 monthly).
        public var frequency: Int
        /// Position (1-based) of the series' first point within its year, for `.harmonicGLM`.
        public var startIndexInYear: Int

        public init(k: Double = 1.04, h: Double = 2.26, expected: Expected = .baselineMean,
                    transform: Transform = .standard, negativeBinomialAlpha: Double = 0.1, firstMonitored: Int? = nil,
                    frequency: Int = 52, startIndexInYear: Int = 1) {
            self.k = k
            self.h = h
            self.expected = expected
            self.transform = transform
            self.negativeBinomialAlpha = negativeBinomialAlpha
            self.firstMonitored = firstMonitored
            self.frequency = frequency
            self.startIndexInYear = startIndexInYear
        }

        /// The first monitored index for a series of `count` points.
        public func start(forCount count: Int) -> Int { firstMonitored ?? max(1, count / 2) }
    }

    public static func detect(_ counts: [Double], parameters: Parameters = Parameters()) throws(DetectorError)
        -> [DetectionPoint] {
        try validateCounts(counts)
        let first = parameters.start(forCount: counts.count)
        guard first >= 1 else {
            throw .invalidParameter(name: "first", value: "\(first)", reason: "at least one baseline point is needed")
        }
        guard counts.count > first else {
            throw .seriesTooShort(method: "CUSUM", needed: first + 1, got: counts.count)
        }
        guard parameters.k.isFinite, parameters.h.isFinite, parameters.h > 0 else {
            throw .invalidParameter(name: "h", value: "\(parameters.h)", reason: "k must be finite and h positive")
        }
        let monitored = first..<counts.count
        let means = try expectedCounts(counts, first: first, parameters: parameters)
        let k = parameters.k
        let h = parameters.h
        let alpha = parameters.negativeBinomialAlpha
        var cusum = 0.0
        var points: [DetectionPoint] = []
        points.reserveCapacity(monitored.count)
        for (offset, t) in monitored.enumerated() {
            let m = means[offset]
            let y = counts[t]
            let standardised: Double
            switch parameters.transform {
            case .standard: standardised = (y - m) / m.squareRoot()
            case .rossi: standardised = (y - 3 * m + 2 * (y * m).squareRoot()) / (2 * m.squareRoot())
            case .anscombe: standardised = 1.5 * (pow(y, 2.0 / 3) - pow(m, 2.0 / 3)) / pow(m, 1.0 / 6)
            case .pearsonNegBin: standardised = (y - m) / (m + alpha * m * m).squareRoot()
            }
            let previous = cusum
            var bound: Double
            switch parameters.transform {
            case .standard:
                bound = (m.squareRoot() * (h + k - previous) + m).rounded(.up)
            case .rossi:
                let root = m.squareRoot()
                let m32 = pow(m, 1.5)
                bound = 2 * h * root + 2 * k * root - 2 * previous * root + 5 * m
                    - 2 * (4 * m * m + 2 * m32 * h + 2 * m32 * k - 2 * m32 * previous).squareRoot()
            case .anscombe:
                let base = (2.0 / 3) * pow(m, 1.0 / 6) * (h + k - previous) + pow(m, 2.0 / 3)
                bound = base < 0 ? 0 : pow(base, 1.5)
            case .pearsonNegBin:
                bound = (m + alpha * m * m).squareRoot() * (h + k - previous) + m
            }
            if bound.isNaN || bound < 0 { bound = 0 }
            cusum = rMax(0, cusum + (standardised - k))
            points.append(DetectionPoint(index: t, observed: y, expected: m, threshold: bound, alarm: cusum >= h))
        }
        return points
    }

    /// The expected count m_t for each monitored point.
    static func expectedCounts(_ counts: [Double], first: Int, parameters: Parameters) throws(DetectorError)
        -> [Double] {
        let n = counts.count - first
        switch parameters.expected {
        case .baselineMean:
            let mean = counts[0..<first].reduce(0, +) / Double(first)
            guard mean > 0 else {
                throw .invalidParameter(name: "m", value: "0",
                                        reason: "the baseline mean is 0, so counts cannot be standardised")
            }
            return Array(repeating: mean, count: n)
        case .constant(let m):
            guard m > 0, m.isFinite else {
                throw .invalidParameter(name: "m", value: "\(m)", reason: "the expected count must be positive")
            }
            return Array(repeating: m, count: n)
        case .harmonicGLM:
            let frequency = Double(parameters.frequency)
            guard frequency > 1 else {
                throw .invalidParameter(name: "frequency", value: "\(parameters.frequency)",
                                        reason: "a seasonal GLM needs more than one period per year")
            }
            func row(_ index: Int) -> [Double] {
                let t = Double(parameters.startIndexInYear + index)   // R: start[2] + (index+1) - 1
                return [1, cos(2 * Double.pi / frequency * t), sin(2 * Double.pi / frequency * t)]
            }
            var design: [Double] = []
            for i in 0..<first { design += row(i) }
            let model = PoissonGLM(design: design, columns: 3, response: Array(counts[0..<first]),
                                   priorWeights: Array(repeating: 1, count: first))
            guard let fit = model.fit() else {
                throw .invalidParameter(name: "m", value: "glm",
                                        reason: "the seasonal GLM could not be fitted on \(first) baseline points")
            }
            return (first..<counts.count).map { exp(fit.linearPredictor(row($0))) }
        }
    }
}
