import Foundation

/// The Farrington outbreak detector in its flexible form (Farrington et al. 1996; improved by Noufaily et al.
/// 2013), as R's `surveillance::farringtonFlexible` computes it.
///
/// For each monitored period a quasi-Poisson regression is fitted on the same season of the previous `b`
/// years (± `w` periods), optionally with a linear trend and with the rest of each year as seasonal blocks;
/// past outbreaks are down-weighted; the count alarms when it exceeds an upper prediction bound. This suits
/// established series with several years of history, such as monthly overdose deaths or weekly seizures.
public enum Farrington {
    /// How the upper bound is derived from the fitted model.
    public enum ThresholdMethod: String, Sendable, Codable, CaseIterable {
        /// Farrington's delta-method bound on a power-transformed scale.
        case delta
        /// Noufaily's negative-binomial plug-in quantile at the predicted mean.
        case nbPlugin
        /// The negative-binomial quantile at the upper confidence bound of the mean.
        case muan
    }

    /// Power transformation used by the `delta` threshold to correct skewness.
    public enum PowerTransform: String, Sendable, Codable, CaseIterable {
        case twoThirds = "2/3", half = "1/2", none

        var exponent: Double {
            switch self {
            case .twoThirds: 2.0 / 3
            case .half: 0.5
            case .none: 1
            }
        }
    }

    /// Parameters with the defaults of R `surveillance` 1.20's `farringtonFlexible`.
    public struct Parameters: Sendable, Hashable, Codable {
        /// Periods per year of the series (52 weekly, 12 monthly).
        public var frequency: Int
        /// Years of history (default 5).
        public var b: Int
        /// Half-width of the window around the same period in past years (default 3).
        public var w: Int
        /// Down-weight past outliers (default true).
        public var reweight: Bool
        /// Anscombe-residual cut-off for down-weighting: 2.58 improved, 1 original (default 2.58).
        public var weightsThreshold: Double
        /// One-sided level of the prediction bound (default 0.05).
        public var alpha: Double
        /// Fit a linear time trend when significant (default true).
        public var trend: Bool
        /// Significance level for keeping the trend (default 0.05).
        public var pThresholdTrend: Double
        /// Alarms need at least `limitCases` cases in the last `limitPeriods` periods (default 5 in 4).
        public var limitCases: Double
        public var limitPeriods: Int
        public var powerTransform: PowerTransform
        /// Number of seasonal blocks per year; 1 uses only the windows (default 1; Noufaily recommends 10).
        public var noPeriods: Int
        /// Most recent periods left out of the fit; nil means `w` (Noufaily recommends 26 for weekly data).
        public var pastPeriodsNotIncluded: Int?
        public var thresholdMethod: ThresholdMethod
        /// Zero-based index of the first monitored point; nil means `frequency·b + w` (R's default range).
        public var firstMonitored: Int?

        public init(frequency: Int = 52, b: Int = 5, w: Int = 3, reweight: Bool = true, weightsThreshold: Double = 2.58,
                    alpha: Double = 0.05, trend: Bool = true, pThresholdTrend: Double = 0.05, limitCases: Double = 5,
                    limitPeriods: Int = 4, powerTransform: PowerTransform = .twoThirds, noPeriods: Int = 1,
                    pastPeriodsNotIncluded: Int? = nil, thresholdMethod: ThresholdMethod = .delta,
                    firstMonitored: Int? = nil) {
            self.frequency = frequency
            self.b = b
            self.w = w
            self.reweight = reweight
            self.weightsThreshold = weightsThreshold
            self.alpha = alpha
            self.trend = trend
            self.pThresholdTrend = pThresholdTrend
            self.limitCases = limitCases
            self.limitPeriods = limitPeriods
            self.powerTransform = powerTransform
            self.noPeriods = noPeriods
            self.pastPeriodsNotIncluded = pastPeriodsNotIncluded
            self.thresholdMethod = thresholdMethod
            self.firstMonitored = firstMonitored
        }

        /// Noufaily et al.'s recommended settings (10 seasonal blocks, 26 periods left out, NB plug-in bound).
        public static func improved(frequency: Int = 52) -> Parameters {
            Parameters(frequency: frequency, noPeriods: 10, pastPeriodsNotIncluded: 26, thresholdMethod: .nbPlugin)
        }

        var leftOut: Int { pastPeriodsNotIncluded ?? w }
        var earliestMonitored: Int { frequency * b + w }
    }

    public static func detect(_ counts: [Double], parameters: Parameters = Parameters()) throws(DetectorError)
        -> [DetectionPoint] {
        try validateCounts(counts)
        try validate(parameters, count: counts.count)
        let first = parameters.firstMonitored ?? parameters.earliestMonitored
        var points: [DetectionPoint] = []
        points.reserveCapacity(counts.count - first)
        for k in first..<counts.count {
            points.append(point(at: k, counts: counts, parameters: parameters))
        }
        return points
    }

    private static func validate(_ p: Parameters, count: Int) throws(DetectorError) {
        func bad(_ name: String, _ value: Any, _ reason: String) -> DetectorError {
            .invalidParameter(name: name, value: "\(value)", reason: reason)
        }
        guard p.frequency >= 1 else { throw bad("frequency", p.frequency, "must be at least 1") }
        guard p.b >= 1 else { throw bad("b", p.b, "at least one past year is needed") }
        guard p.w >= 0, 2 * p.w + 1 <= p.frequency || p.frequency == 1 && p.w == 0 else {
            throw bad("w", p.w, "the window 2w+1 must fit in one year")
        }
        guard p.alpha > 0, p.alpha < 1 else { throw bad("alpha", p.alpha, "must lie strictly between 0 and 1") }
        guard p.limitCases >= 0, p.limitPeriods > 0 else {
            throw bad("limit54", "\(p.limitCases)/\(p.limitPeriods)", "needs cases >= 0 and periods > 0")
        }
        guard p.noPeriods >= 1 else { throw bad("noPeriods", p.noPeriods, "must be at least 1") }
        if p.noPeriods > 1 && p.frequency - 2 * p.w - 1 < p.noPeriods - 1 {
            throw bad("noPeriods", p.noPeriods, "more seasonal blocks than periods outside the window")
        }
        guard p.leftOut >= 0 else { throw bad("pastWeeksNotIncluded", p.leftOut, "must be >= 0") }
        let first = p.firstMonitored ?? p.earliestMonitored
        guard first >= p.earliestMonitored else {
            throw bad("first", first + 1, "the first monitored period needs b years and w periods of history")
        }
        guard count > first else {
            throw .seriesTooShort(method: "Farrington", needed: first + 1, got: count)
        }
    }

    /// Seasonal block of each past index for the fit at k (1-based positions as in R; 0 = not used), with
    /// the reference windows labelled `noPeriods`.
    static func blocks(k: Int, count: Int, parameters p: Parameters) -> [Int] {
        var factors = [Int](repeating: 0, count: count + 1)
        let blockCount = p.noPeriods
        for i in max(1, k - p.w)...k { factors[i] = blockCount }
        for year in 1...p.b {
            let reference = k - year * p.frequency
            for i in (reference - p.w)...(reference + p.w) where i >= 1 { factors[i] = blockCount }
            if blockCount != 1 {
                let gap = p.frequency - 2 * p.w - 1
                let base = gap / (blockCount - 1)
                let rest = gap % (blockCount - 1)
                var position = reference + p.w + 1
                for block in 1..<blockCount {
                    let length = base + (block <= rest ? 1 : 0)
                    for i in position..<(position + length) where i >= 1 && i <= count { factors[i] = block }
                    position += length
                }
            }
        }
        return factors
    }

    private struct Model {
        var fit: PoissonGLM.Fit
        var design: [Double]
        var columns: Int
        var prediction: [Double]   // covariates of the monitored point
        var hasTrend: Bool
        /// Overdispersion φ = max(1, dispersion of the final fit), as `farringtonFlexible` computes it.
        var phi: Double
        /// The dispersion R's `summary.glm` reports for the returned model, which feeds the trend test and the
        /// standard error of the prediction. `surveillance` stores the reweighting weights in the model's
        /// `weights` slot, so after reweighting this is Σ ω_i ((y_i − μ_i)/μ_i)² / df rather than the
        /// working-weight dispersion; we reproduce it so thresholds agree (see docs/SURVEILLANCE.md).
        var summaryDispersion: Double
    }

    static func point(at k0: Int, counts: [Double], parameters p: Parameters) -> DetectionPoint {
        let k = k0 + 1   // 1-based, as wtime in R
        let y = counts[k0]
        let none = DetectionPoint(index: k0, observed: y, expected: nil, threshold: nil, alarm: false)
        var factors = blocks(k: k, count: counts.count, parameters: p)
        for i in max(1, k - p.leftOut)...k { factors[i] = 0 }
        var rows: [Int] = []
        for i in 1...counts.count where factors[i] != 0 { rows.append(i) }
        let levels = Array(Set(rows.map { factors[$0] })).sorted()
        let response = rows.map { counts[$0 - 1] }
        let useBlocks = p.noPeriods != 1

        func build(trend: Bool) -> (design: [Double], columns: Int, prediction: [Double]) {
            var columns = 1 + (trend ? 1 : 0)
            let dummies = useBlocks ? Array(levels.dropFirst()) : []
            columns += dummies.count
            var design: [Double] = []
            design.reserveCapacity(rows.count * columns)
            func covariates(time: Int, level: Int) -> [Double] {
                var row: [Double] = [1]
                if trend { row.append(Double(time)) }
                for d in dummies { row.append(level == d ? 1 : 0) }
                return row
            }
            for i in rows { design += covariates(time: i, level: factors[i]) }
            return (design, columns, covariates(time: k, level: p.noPeriods))
        }

        func fitModel(trend: Bool) -> Model? {
            let (design, columns, prediction) = build(trend: trend)
            let unweighted = PoissonGLM(design: design, columns: columns, response: response,
                                        priorWeights: Array(repeating: 1, count: response.count))
            guard let first = unweighted.fit(), first.converged else { return nil }
            var fit = first
            var summaryDispersion = first.dispersion(response: response)
            if p.reweight {
                let phi = max(first.dispersion(response: response), 1)
                let hats = first.hatValues(design: design)
                var residuals = [Double](repeating: 0, count: response.count)
                for i in response.indices {
                    let mu = first.fitted[i]
                    let a = 1.5 * (pow(response[i], 2.0 / 3) * pow(mu, -1.0 / 6) - mu.squareRoot())
                    residuals[i] = a / (phi * (1 - hats[i])).squareRoot()
                }
                var total = 0.0
                for s in residuals { total += s > p.weightsThreshold ? 1 / (s * s) : 1 }
                let gamma = Double(residuals.count) / total
                let omega = residuals.map { $0 > p.weightsThreshold ? gamma / ($0 * $0) : gamma }
                let weighted = PoissonGLM(design: design, columns: columns, response: response, priorWeights: omega)
                guard let refit = weighted.fit() else { return nil }
                fit = refit
                var sum = 0.0
                for i in response.indices {
                    let residual = (response[i] - refit.fitted[i]) / max(refit.fitted[i], Double.ulpOfOne)
                    sum += omega[i] * residual * residual
                }
                summaryDispersion = sum / Double(refit.residualDegreesOfFreedom)
            }
            return Model(fit: fit, design: design, columns: columns, prediction: prediction, hasTrend: trend,
                         phi: max(fit.dispersion(response: response), 1), summaryDispersion: summaryDispersion)
        }

        var model: Model
        if p.trend {
            if let withTrend = fitModel(trend: true) {
                model = withTrend
            } else if let without = fitModel(trend: false) {
                model = without
            } else {
                return none
            }
        } else {
            guard let without = fitModel(trend: false) else { return none }
            model = without
        }
        if model.hasTrend {
            let rawDispersion = model.summaryDispersion
            let coefficient = model.fit.coefficients[1]
            let se = (model.fit.unscaledCovariance[1 * model.columns + 1] * rawDispersion).squareRoot()
            let pValue = Distributions.studentTTwoSidedP(coefficient / se,
                                                         degreesOfFreedom: Double(model.fit.residualDegreesOfFreedom))
            let predicted = exp(model.fit.linearPredictor(model.prediction))
            let maxResponse = response.max() ?? 0
            let keep = p.b >= 3 && pValue < p.pThresholdTrend && predicted <= maxResponse
            if !keep {
                guard let without = fitModel(trend: false) else { return none }
                model = without
            }
        }
        let rawDispersion = model.summaryDispersion
        let phi = model.phi
        let eta0 = model.fit.linearPredictor(model.prediction)
        let seEta0 = (model.fit.quadraticForm(model.prediction, at: 0) * rawDispersion).squareRoot()
        let z = Distributions.normalQuantile(1 - p.alpha)

        let upper: Double
        let score: Double
        let expected: Double
        switch p.thresholdMethod {
        case .delta:
            let mu0 = exp(eta0)
            let seMu0 = seEta0 * mu0
            let tau = phi + seMu0 * seMu0 / mu0
            let exponent = p.powerTransform.exponent
            let se: Double
            switch p.powerTransform {
            case .none: se = (mu0 * tau).squareRoot()
            case .half: se = (0.25 * tau).squareRoot()
            case .twoThirds: se = (4.0 / 9 * pow(mu0, 1.0 / 3) * tau).squareRoot()
            }
            let low = pow(pow(mu0, exponent) - z * se, 1 / exponent)
            let high = pow(pow(mu0, exponent) + z * se, 1 / exponent)
            // R sorts the pair with NaN first, so a NaN lower end leaves the upper end in place.
            upper = low.isNaN || high.isNaN ? (high.isNaN ? low : high) : max(low, high)
            score = (y - mu0) / (upper - mu0)
            expected = mu0
        case .nbPlugin, .muan:
            let mean = p.thresholdMethod == .nbPlugin ? exp(eta0) : exp(eta0 + z * seEta0)
            if mean.isInfinite {
                upper = .nan
            } else if phi > 1 {
                upper = Distributions.negativeBinomialQuantile(1 - p.alpha, size: mean / (phi - 1), prob: 1 / phi)
            } else {
                upper = Distributions.poissonQuantile(1 - p.alpha, mean: mean)
            }
            // R scores these bounds against the linear predictor; kept so alarms are decided identically.
            score = (y - eta0) / (upper - eta0)
            expected = exp(eta0)
        }
        var recent = 0.0
        for i in max(0, k0 - p.limitPeriods + 1)...k0 { recent += counts[i] }
        let enoughCases = recent >= p.limitCases
        let alarm = enoughCases && !score.isNaN && score > 1 && y != 0
        return DetectionPoint(index: k0, observed: y, expected: expected,
                              threshold: enoughCases ? upper.finiteOrNil : nil, alarm: alarm)
    }
}
