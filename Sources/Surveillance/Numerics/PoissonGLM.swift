import Foundation

/// A (quasi-)Poisson generalised linear model with log link, fitted by iteratively reweighted least squares
/// exactly as R's `glm.fit` does it (start at y + 0.1, the same convergence test, the same working weights kept
/// from the last iteration), so that dispersion, hat values and standard errors agree with R to rounding.
///
/// Farrington's method and the GLM variant of CUSUM need it; the models are small (a handful of columns),
/// so the normal equations are solved by a Householder QR of the weighted design matrix.
struct PoissonGLM {
    /// Row-major design matrix, `columns` values per row.
    let design: [Double]
    let columns: Int
    let response: [Double]
    let priorWeights: [Double]

    struct Fit {
        var coefficients: [Double]
        var fitted: [Double]
        /// Working weights of the final iteration (computed from the means before its update, as R keeps them).
        var workingWeights: [Double]
        /// (X'WX)^-1 with the working weights above: `cov.unscaled` of `summary.glm`.
        var unscaledCovariance: [Double]
        var residualDegreesOfFreedom: Int
        var converged: Bool
        let columns: Int

        /// Pearson-type dispersion of a quasi-Poisson fit, `summary.glm(...)$dispersion`.
        func dispersion(response: [Double]) -> Double {
            var sum = 0.0
            for i in fitted.indices where workingWeights[i] > 0 {
                let mu = max(fitted[i], Double.ulpOfOne)
                let residual = (response[i] - fitted[i]) / mu
                sum += workingWeights[i] * residual * residual
            }
            return sum / Double(residualDegreesOfFreedom)
        }

        /// Diagonal of the hat matrix, `hatvalues()` of the model.
        func hatValues(design: [Double]) -> [Double] {
            var hats = [Double](repeating: 0, count: fitted.count)
            for i in fitted.indices {
                let row = i * columns
                hats[i] = workingWeights[i] * quadraticForm(design, at: row)
            }
            return hats
        }

        /// x' (X'WX)^-1 x for one row of values starting at `offset` in `values`.
        func quadraticForm(_ values: [Double], at offset: Int) -> Double {
            var total = 0.0
            for a in 0..<columns {
                var inner = 0.0
                for b in 0..<columns {
                    inner += unscaledCovariance[a * columns + b] * values[offset + b]
                }
                total += values[offset + a] * inner
            }
            return total
        }

        /// Linear predictor at a new row of covariates.
        func linearPredictor(_ x: [Double]) -> Double {
            var eta = 0.0
            for j in 0..<columns { eta += coefficients[j] * x[j] }
            return eta
        }
    }

    private static let maxIterations = 25
    private static let epsilon = 1e-8

    /// Fits the model; nil when the design is rank deficient or has no residual degrees of freedom.
    func fit() -> Fit? {
        let n = response.count
        let p = columns
        guard n > p, design.count == n * p, priorWeights.count == n else { return nil }
        var mu = response.map { $0 + 0.1 }
        var eta = mu.map { log($0) }
        var devianceOld = deviance(mu)
        var coefficients = [Double](repeating: 0, count: p)
        var previous: [Double]? = nil
        var working = [Double](repeating: 0, count: n)
        var covariance = [Double](repeating: 0, count: p * p)
        var converged = false
        for _ in 0..<Self.maxIterations {
            var z = [Double](repeating: 0, count: n)
            for i in 0..<n {
                let muEta = max(exp(eta[i]), Double.ulpOfOne)
                z[i] = eta[i] + (response[i] - mu[i]) / muEta
                working[i] = priorWeights[i] * muEta * muEta / mu[i]
            }
            guard let solution = Self.weightedLeastSquares(design: design, columns: p, target: z, weights: working)
            else { return nil }
            coefficients = solution.coefficients
            covariance = solution.inverseNormal
            var dev = Double.nan
            for _ in 0..<Self.maxIterations {
                for i in 0..<n {
                    var value = 0.0
                    for j in 0..<p { value += design[i * p + j] * coefficients[j] }
                    eta[i] = value
                    mu[i] = exp(value)
                }
                dev = deviance(mu)
                if dev.isFinite { break }
                // Step halving, as glm.fit does when the deviance diverges.
                guard let previous else { return nil }
                for j in 0..<p { coefficients[j] = (coefficients[j] + previous[j]) / 2 }
            }
            if abs(dev - devianceOld) / (abs(dev) + 0.1) < Self.epsilon {
                converged = true
                break
            }
            devianceOld = dev
            previous = coefficients
        }
        let used = priorWeights.filter { $0 != 0 }.count
        return Fit(coefficients: coefficients, fitted: mu, workingWeights: working, unscaledCovariance: covariance,
                   residualDegreesOfFreedom: used - p, converged: converged, columns: p)
    }

    private func deviance(_ mu: [Double]) -> Double {
        var total = 0.0
        for i in mu.indices {
            let y = response[i]
            let term = y > 0 ? y * log(y / mu[i]) - (y - mu[i]) : mu[i]
            total += 2 * priorWeights[i] * term
        }
        return total
    }

    /// Solves min Σ w_i (z_i − x_i'β)² by Householder QR of √w·X; returns β and (X'WX)^-1.
    static func weightedLeastSquares(design: [Double], columns p: Int, target: [Double], weights: [Double])
        -> (coefficients: [Double], inverseNormal: [Double])? {
        let n = target.count
        // Column-major copy of √w·X and √w·z.
        var a = [Double](repeating: 0, count: n * p)
        var b = [Double](repeating: 0, count: n)
        for i in 0..<n {
            let root = weights[i].squareRoot()
            for j in 0..<p { a[j * n + i] = root * design[i * p + j] }
            b[i] = root * target[i]
        }
        var diagonal = [Double](repeating: 0, count: p)
        for k in 0..<p {
            var norm = 0.0
            for i in k..<n { norm += a[k * n + i] * a[k * n + i] }
            norm = norm.squareRoot()
            var original = 0.0
            for i in 0..<n { original += a[k * n + i] * a[k * n + i] }
            if norm <= 1e-11 * max(original.squareRoot(), 1e-300) || norm == 0 { return nil }
            let alpha = a[k * n + k] > 0 ? -norm : norm
            // Householder vector v = x − alpha e_k stored in place.
            a[k * n + k] -= alpha
            var vNorm = 0.0
            for i in k..<n { vNorm += a[k * n + i] * a[k * n + i] }
            if vNorm > 0 {
                for j in (k + 1)..<max(p, k + 1) {
                    var dot = 0.0
                    for i in k..<n { dot += a[k * n + i] * a[j * n + i] }
                    let factor = 2 * dot / vNorm
                    for i in k..<n { a[j * n + i] -= factor * a[k * n + i] }
                }
                var dot = 0.0
                for i in k..<n { dot += a[k * n + i] * b[i] }
                let factor = 2 * dot / vNorm
                for i in k..<n { b[i] -= factor * a[k * n + i] }
            }
            diagonal[k] = alpha
        }
        // R is upper triangular: R[k][k] = diagonal[k], R[k][j] = a[j*n+k] for j > k.
        func r(_ row: Int, _ column: Int) -> Double { row == column ? diagonal[row] : a[column * n + row] }
        var beta = [Double](repeating: 0, count: p)
        for k in stride(from: p - 1, through: 0, by: -1) {
            var value = b[k]
            for j in (k + 1)..<max(p, k + 1) { value -= r(k, j) * beta[j] }
            beta[k] = value / diagonal[k]
        }
        // (R'R)^-1 = R^-1 R^-T.
        var inverseR = [Double](repeating: 0, count: p * p)   // row-major upper triangular
        for column in 0..<p {
            for row in stride(from: column, through: 0, by: -1) {
                var value = row == column ? 1.0 : 0.0
                for j in (row + 1)..<max(column + 1, row + 1) { value -= r(row, j) * inverseR[j * p + column] }
                inverseR[row * p + column] = value / diagonal[row]
            }
        }
        var inverseNormal = [Double](repeating: 0, count: p * p)
        for i in 0..<p {
            for j in 0..<p {
                var value = 0.0
                for k in max(i, j)..<p { value += inverseR[i * p + k] * inverseR[j * p + k] }
                inverseNormal[i * p + j] = value
            }
        }
        return (beta, inverseNormal)
    }
}
