/// How two fingerprints' overlap becomes a similarity in [0, 1].
///
/// With `a` and `b` the on-bit counts of query and target and `c` the count of bits they share:
/// - Tanimoto: c / (a + b − c);
/// - Tversky(α, β): c / (α(a − c) + β(b − c) + c), which weighs bits only the query has (α) against bits only
///   the target has (β): α = 1, β = 0 asks "how much of the query is in the target".
/// Both are 0 when the denominator is 0 (two empty fingerprints), as in RDKit.
public enum SimilarityMetric: Sendable, Hashable, CustomStringConvertible {
    case tanimoto
    case tversky(alpha: Double, beta: Double)

    /// The similarity for on-bit counts `a` (query), `b` (target) and `c` (shared), computed in `Double` the
    /// way RDKit does, so equal inputs give bit-identical values.
    @inlinable
    public func similarity(a: Int, b: Int, common c: Int) -> Double {
        switch self {
        case .tanimoto:
            let denominator = a + b - c
            return denominator == 0 ? 0 : Double(c) / Double(denominator)
        case .tversky(let alpha, let beta):
            let denominator = alpha * Double(a - c) + beta * Double(b - c) + Double(c)
            return denominator == 0 ? 0 : Double(c) / denominator
        }
    }

    /// The largest similarity any target with `b` on bits can reach against a query with `a` (all of the
    /// smaller set shared): the BitBound that lets a search skip whole popcount buckets.
    @inlinable
    public func bound(a: Int, b: Int) -> Double {
        similarity(a: a, b: b, common: min(a, b))
    }

    /// The smallest shared count `c` (0 ... min(a, b)) whose similarity reaches `threshold`, or `nil` when none
    /// does. Similarity grows with `c` for fixed `a` and `b`, so a search compares integer counts in its inner
    /// loop and still agrees exactly with the floating-point test.
    @inlinable
    public func minimumCommon(a: Int, b: Int, threshold: Double) -> Int? {
        let top = min(a, b)
        guard similarity(a: a, b: b, common: top) >= threshold else { return nil }
        var lo = 0, hi = top
        while lo < hi {
            let mid = (lo + hi) >> 1
            if similarity(a: a, b: b, common: mid) >= threshold { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    /// Checks the weights: Tversky needs finite, non-negative α and β.
    public func validate() throws(FingerprintError) {
        if case .tversky(let alpha, let beta) = self {
            guard alpha.isFinite, beta.isFinite, alpha >= 0, beta >= 0 else {
                throw FingerprintError(.invalidParameter, "Tversky weights must be finite and non-negative, not \(alpha) and \(beta)")
            }
        }
    }

    public var description: String {
        switch self {
        case .tanimoto: return "tanimoto"
        case .tversky(let alpha, let beta): return "tversky(\(alpha), \(beta))"
        }
    }
}
