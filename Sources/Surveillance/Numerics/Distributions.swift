import Foundation

/// The few probability functions the detectors need, written to agree with R's `qnorm`, `pt`, `qpois` and
/// `qnbinom` to well below the 1e-6 tolerance the reference tests use.
public enum Distributions {
    /// Standard-normal quantile (Wichura's algorithm AS 241, accurate to about 1e-16), so that EARS and
    /// Farrington thresholds use the same z as R's `qnorm(1 - alpha)`.
    public static func normalQuantile(_ p: Double) -> Double {
        if p.isNaN || p < 0 || p > 1 { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        let q = p - 0.5
        if abs(q) <= 0.425 {
            let r = 0.180625 - q * q
            let num = ((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r
                + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r
                + 133.14166789178437745) * r + 3.387132872796366608
            let den = ((((((5226.495278852545925 * r + 28729.085735721942674) * r + 39307.89580009271061) * r
                + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r
                + 42.313330701600911252) * r + 1.0
            return q * num / den
        }
        var r = q < 0 ? p : 1 - p
        r = (-log(r)).squareRoot()
        var value: Double
        if r <= 5 {
            r -= 1.6
            let num = ((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177)
                * r + 1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r
                + 4.6303378461565452959) * r + 1.42343711074968357734
            let den = ((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r
                + 0.0151986665636164571966) * r + 0.14810397642748007459) * r + 0.68976733498510000455) * r
                + 1.6763848301838038494) * r + 2.05319162663775882187) * r + 1.0
            value = num / den
        } else {
            r -= 5
            let num = ((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r
                + 0.0012426609473880784386) * r + 0.026532189526576123093) * r + 0.29656057182850489123) * r
                + 1.7848265399172913358) * r + 5.4637849111641143699) * r + 6.6579046435011037772
            let den = ((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r
                + 1.8463183175100546818e-5) * r + 7.868691311456132591e-4) * r + 0.0148753612908506148525) * r
                + 0.13692988092273580531) * r + 0.59983220655588793769) * r + 1.0
            value = num / den
        }
        return q < 0 ? -value : value
    }

    /// Standard-normal distribution function, via the complementary error function.
    public static func normalCDF(_ x: Double) -> Double {
        0.5 * erfc(-x / 2.0.squareRoot())
    }

    /// Two-sided p-value of a t statistic with `df` degrees of freedom, as `summary.glm` reports for a
    /// coefficient of a quasi-Poisson model (Farrington's trend test).
    public static func studentTTwoSidedP(_ t: Double, degreesOfFreedom df: Double) -> Double {
        if t.isNaN || df.isNaN || df <= 0 { return .nan }
        if t.isInfinite { return 0 }
        let x = df / (df + t * t)
        return regularizedIncompleteBeta(x, a: df / 2, b: 0.5)
    }

    /// Smallest integer `k` with P(X ≤ k) ≥ p for X ~ Poisson(mean), R's `qpois(p, mean)`.
    public static func poissonQuantile(_ p: Double, mean: Double) -> Double {
        guard mean.isFinite, mean >= 0, p >= 0, p <= 1 else { return .nan }
        if mean == 0 { return 0 }
        if p == 1 { return .infinity }
        let sd = mean.squareRoot()
        return discreteQuantile(p, start: max(0, (mean + normalQuantile(p) * sd).rounded(.down)), mode: mean.rounded(.down),
                                logPMF: { k in k * log(mean) - mean - lgamma(k + 1) },
                                ratioDown: { k in k / mean })
    }

    /// Smallest integer `k` with P(X ≤ k) ≥ p for X negative binomial with `size` and success probability
    /// `prob` (R's `qnbinom(p, size, prob)`), the plug-in threshold of the improved Farrington method.
    public static func negativeBinomialQuantile(_ p: Double, size: Double, prob: Double) -> Double {
        guard size.isFinite, size > 0, prob > 0, prob <= 1, p >= 0, p <= 1 else { return .nan }
        if prob == 1 { return 0 }
        if p == 1 { return .infinity }
        let q = 1 - prob
        let mean = size * q / prob
        // With φ barely above 1 the size is astronomically large and the distribution is Poisson to within
        // rounding, while lgamma differences of such sizes lose all precision.
        if size > 1e10 { return poissonQuantile(p, mean: mean) }
        let sd = (size * q).squareRoot() / prob
        let mode = size > 1 ? ((size - 1) * q / prob).rounded(.down) : 0
        let logPrefix = size * log(prob) - lgamma(size)
        return discreteQuantile(p, start: max(0, (mean + normalQuantile(p) * sd).rounded(.down)), mode: mode,
                                logPMF: { k in logPrefix + lgamma(k + size) - lgamma(k + 1) + k * log(q) },
                                ratioDown: { k in k / ((k - 1 + size) * q) })
    }

    /// Quantile search for a unimodal distribution on 0, 1, 2, ...: sums the mass at and below `start` by the
    /// ratio pmf(k-1)/pmf(k) until the terms are negligible, then steps to the smallest k with F(k) ≥ p.
    private static func discreteQuantile(_ p: Double, start: Double, mode: Double, logPMF: (Double) -> Double,
                                         ratioDown: (Double) -> Double) -> Double {
        let startPMF = exp(logPMF(start))
        var cdf = startPMF
        var term = startPMF
        var k = start
        while k > 0 {
            term *= ratioDown(k)
            k -= 1
            cdf += term
            if k < mode && term <= cdf * 1e-18 { break }
        }
        var x = start
        var pmfAtX = startPMF
        if cdf >= p {
            // Step down while the mass below x still reaches p.
            while x > 0 && cdf - pmfAtX >= p {
                cdf -= pmfAtX
                pmfAtX *= ratioDown(x)
                x -= 1
            }
        } else {
            while cdf < p {
                x += 1
                pmfAtX = exp(logPMF(x))
                cdf += pmfAtX
                if pmfAtX == 0 && x > mode { break }
            }
        }
        return x
    }

    /// Regularised incomplete beta function I_x(a, b), by the continued fraction evaluated with the modified
    /// Lentz method (on the side of the symmetry relation where it converges fast).
    public static func regularizedIncompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
        if x < (a + 1) / (a + b + 2) {
            return exp(logFront) * betaContinuedFraction(x, a: a, b: b) / a
        }
        return 1 - exp(logFront) * betaContinuedFraction(1 - x, a: b, b: a) / b
    }

    private static func betaContinuedFraction(_ x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var result = d
        for m in 1...10_000 {
            let m = Double(m)
            let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 + even * d
            if abs(d) < tiny { d = tiny }
            c = 1 + even / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            result *= d * c
            let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 + odd * d
            if abs(d) < tiny { d = tiny }
            c = 1 + odd / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            result *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return result
    }
}
