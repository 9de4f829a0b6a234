/// Similarity searches over an arena: threshold, top-k and brute force, multi-threaded, with BitBound pruning.
///
/// BitBound (Swamidass and Baldi, 2007): a target with `b` bits can reach at most `metric.bound(a, b)` against a
/// query with `a` bits, so whole popcount buckets are skipped, and inside a bucket the threshold becomes a
/// minimum shared-bit count, compared as an integer. Pruning never changes the answer: every search returns
/// exactly what comparing the query with every fingerprint would (the tests check this on real libraries).
extension FingerprintArena {
    /// Fingerprints whose similarity to `query` is at least `threshold`, best first (ties by input index).
    ///
    /// `threads` defaults to every core; 1 runs on the calling thread.
    public func search(
        _ query: Fingerprint, threshold: Double, metric: SimilarityMetric = .tanimoto, threads: Int? = nil
    ) throws(FingerprintError) -> [SimilarityHit] {
        let q = try prepare(query, threshold: threshold, metric: metric)
        let plan = BucketPlan(arena: self, queryBits: q.bits, threshold: threshold, metric: metric)
        guard plan.lowRow < plan.highRow else { return [] }
        let parts = partCount(rows: plan.highRow - plan.lowRow, threads: threads)
        var results = [[SimilarityHit]](repeating: [], count: parts)
        results.withUnsafeMutableBufferPointer { slots in
            let slotBase = slots.baseAddress
            q.words.withUnsafeBufferPointer { qw in
                guard let qBase = qw.baseAddress, let slotBase else { return }
                let query = SharedReadPointer(pointer: qBase), slots = SharedPointer(pointer: slotBase)
                ParallelWork.run(parts: parts) { part in
                    let qp = query.pointer
                    let span = plan.highRow - plan.lowRow
                    let start = plan.lowRow + span * part / parts
                    let end = plan.lowRow + span * (part + 1) / parts
                    slots.pointer[part] = scanThreshold(qp, a: q.bits, rows: start..<end, plan: plan, metric: metric)
                }
            }
        }
        var hits = results.flatMap { $0 }
        hits.sort(by: SimilarityHit.ranksBefore)
        return hits
    }

    /// The `k` fingerprints most similar to `query` (with similarity at least `threshold`), best first, ties
    /// by input index.
    public func search(
        _ query: Fingerprint, top k: Int, threshold: Double = 0, metric: SimilarityMetric = .tanimoto,
        threads: Int? = nil
    ) throws(FingerprintError) -> [SimilarityHit] {
        guard k >= 0 else { throw FingerprintError(.invalidParameter, "top-k needs k >= 0, not \(k)") }
        let q = try prepare(query, threshold: threshold, metric: metric)
        guard k > 0 && count > 0 else { return [] }
        let order = bucketsByBound(a: q.bits, metric: metric, threshold: threshold)
        let parts = partCount(rows: count, threads: threads)
        var results = [[SimilarityHit]](repeating: [], count: parts)
        results.withUnsafeMutableBufferPointer { slots in
            let slotBase = slots.baseAddress
            q.words.withUnsafeBufferPointer { qw in
                guard let qBase = qw.baseAddress, let slotBase else { return }
                let query = SharedReadPointer(pointer: qBase), slots = SharedPointer(pointer: slotBase)
                ParallelWork.run(parts: parts) { part in
                    let qp = query.pointer
                    slots.pointer[part] = scanTop(
                        qp, a: q.bits, k: k, threshold: threshold, order: order, part: part, parts: parts, metric: metric)
                }
            }
        }
        var hits = results.flatMap { $0 }
        hits.sort(by: SimilarityHit.ranksBefore)
        if hits.count > k { hits.removeSubrange(k...) }
        return hits
    }

    /// The similarity of `query` to every fingerprint, in input order (RDKit's `BulkTanimotoSimilarity`).
    public func similarities(
        to query: Fingerprint, metric: SimilarityMetric = .tanimoto, threads: Int? = nil
    ) throws(FingerprintError) -> [Double] {
        let q = try prepare(query, threshold: 0, metric: metric)
        var out = [Double](repeating: 0, count: count)
        let parts = partCount(rows: count, threads: threads)
        let w = wordsPerFingerprint
        out.withUnsafeMutableBufferPointer { result in
            let resultBase = result.baseAddress
            q.words.withUnsafeBufferPointer { qw in
                guard let qBase = qw.baseAddress, let resultBase else { return }
                let query = SharedReadPointer(pointer: qBase), results = SharedPointer(pointer: resultBase)
                let count = self.count
                ParallelWork.run(parts: parts) { part in
                    let qp = query.pointer
                    let resultBase = results.pointer
                    let start = count * part / parts, end = count * (part + 1) / parts
                    guard start < end else { return }
                    var p = popcountOfRow(start)
                    var row = start
                    let base = fingerprintBase
                    let a = q.bits
                    let isTanimoto = metric == .tanimoto
                    while row < end {
                        let bucketEnd = min(buckets[p + 1], end)
                        if isTanimoto {
                            // The common case without the metric's dispatch: c / (a + b - c).
                            let sum = a &+ p
                            while row < bucketEnd {
                                let c = PopcountKernel.commonBits(qp, base + row &* w, words: w)
                                let denominator = sum &- c
                                resultBase[inputIndex(ofRow: row)] = denominator == 0 ? 0 : Double(c) / Double(denominator)
                                row &+= 1
                            }
                        } else {
                            while row < bucketEnd {
                                let c = PopcountKernel.commonBits(qp, base + row &* w, words: w)
                                resultBase[inputIndex(ofRow: row)] = metric.similarity(a: a, b: p, common: c)
                                row &+= 1
                            }
                        }
                        p += 1
                    }
                }
            }
        }
        return out
    }

    // MARK: - Internals

    struct PreparedQuery {
        var words: [UInt64]
        var bits: Int
    }

    func prepare(_ query: Fingerprint, threshold: Double, metric: SimilarityMetric) throws(FingerprintError) -> PreparedQuery {
        guard query.bitCount == bitCount else {
            throw FingerprintError(.lengthMismatch, "the query has \(query.bitCount) bits but the library's fingerprints have \(bitCount)")
        }
        guard !threshold.isNaN else { throw FingerprintError(.invalidParameter, "the threshold is not a number") }
        try metric.validate()
        return PreparedQuery(words: query.words.map { $0.littleEndian }, bits: query.popcount)
    }

    func partCount(rows: Int, threads: Int?) -> Int {
        let wanted = max(1, threads ?? ParallelWork.coreCount)
        // Below ~4,000 rows a thread costs more than it saves.
        return max(1, min(wanted, rows / 4096 + 1))
    }

    /// The popcount bucket that row `row` is in.
    func popcountOfRow(_ row: Int) -> Int {
        var lo = 0, hi = bitCount
        while lo < hi {
            let mid = (lo + hi + 1) >> 1
            if buckets[mid] <= row { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// For a threshold search: the minimum shared-bit count per bucket (or -1 when the bucket cannot reach the
    /// threshold) and the contiguous rows worth reading.
    struct BucketPlan: Sendable {
        var minimumCommon: [Int]
        var lowRow = 0
        var highRow = 0

        init(arena: FingerprintArena, queryBits a: Int, threshold: Double, metric: SimilarityMetric) {
            minimumCommon = [Int](repeating: -1, count: arena.bitCount + 1)
            var first = -1, last = -1
            for b in 0...arena.bitCount where arena.buckets[b + 1] > arena.buckets[b] {
                if let c = metric.minimumCommon(a: a, b: b, threshold: threshold) {
                    minimumCommon[b] = c
                    if first < 0 { first = b }
                    last = b
                }
            }
            if first >= 0 {
                lowRow = arena.buckets[first]
                highRow = arena.buckets[last + 1]
            }
        }
    }

    func scanThreshold(
        _ q: UnsafePointer<UInt64>, a: Int, rows: Range<Int>, plan: BucketPlan, metric: SimilarityMetric
    ) -> [SimilarityHit] {
        var hits: [SimilarityHit] = []
        guard !rows.isEmpty else { return hits }
        let w = wordsPerFingerprint
        let base = fingerprintBase
        var p = popcountOfRow(rows.lowerBound)
        var row = rows.lowerBound
        while row < rows.upperBound {
            let bucketEnd = min(buckets[p + 1], rows.upperBound)
            let need = plan.minimumCommon[p]
            if need >= 0 {
                while row < bucketEnd {
                    let c = PopcountKernel.commonBits(q, base + row &* w, words: w)
                    if c >= need {
                        hits.append(SimilarityHit(index: inputIndex(ofRow: row), similarity: metric.similarity(a: a, b: p, common: c)))
                    }
                    row &+= 1
                }
            }
            row = bucketEnd
            p += 1
        }
        return hits
    }

    /// Non-empty buckets that can reach `threshold`, best bound first (ties: the bucket nearer the query's
    /// popcount, then the smaller), with their bounds.
    func bucketsByBound(a: Int, metric: SimilarityMetric, threshold: Double) -> [(bucket: Int, bound: Double)] {
        var order: [(bucket: Int, bound: Double)] = []
        for b in 0...bitCount where buckets[b + 1] > buckets[b] {
            let bound = metric.bound(a: a, b: b)
            if bound >= threshold { order.append((b, bound)) }
        }
        order.sort { x, y in
            if x.bound != y.bound { return x.bound > y.bound }
            let dx = abs(x.bucket - a), dy = abs(y.bucket - a)
            return dx != dy ? dx < dy : x.bucket < y.bucket
        }
        return order
    }

    func scanTop(
        _ q: UnsafePointer<UInt64>, a: Int, k: Int, threshold: Double, order: [(bucket: Int, bound: Double)],
        part: Int, parts: Int, metric: SimilarityMetric
    ) -> [SimilarityHit] {
        var top = TopHits(k: k)
        let w = wordsPerFingerprint
        let base = fingerprintBase
        for (b, bound) in order {
            if let worst = top.worst, bound < worst.similarity { break }
            let size = buckets[b + 1] - buckets[b]
            let start = buckets[b] + size * part / parts
            let end = buckets[b] + size * (part + 1) / parts
            var floor = max(threshold, top.worst?.similarity ?? threshold)
            guard var need = metric.minimumCommon(a: a, b: b, threshold: floor) else { continue }
            var row = start
            while row < end {
                let c = PopcountKernel.commonBits(q, base + row &* w, words: w)
                if c >= need {
                    let hit = SimilarityHit(index: inputIndex(ofRow: row), similarity: metric.similarity(a: a, b: b, common: c))
                    if top.offer(hit), let worst = top.worst, worst.similarity > floor {
                        floor = worst.similarity
                        guard let raised = metric.minimumCommon(a: a, b: b, threshold: floor) else { break }
                        need = raised
                    }
                }
                row += 1
            }
        }
        return top.heap
    }
}
