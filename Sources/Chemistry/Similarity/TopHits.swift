/// The best `k` hits seen so far: a binary heap with the worst kept hit on top, so a candidate is compared
/// with one value and the heap changes only when a better hit arrives.
struct TopHits {
    let k: Int
    private(set) var heap: [SimilarityHit] = []

    init(k: Int) {
        self.k = k
        heap.reserveCapacity(min(k, 1 << 16))
    }

    var isFull: Bool { heap.count >= k }

    /// The worst hit kept, when the heap is full.
    var worst: SimilarityHit? { isFull ? heap.first : nil }

    /// Adds a hit if it ranks before the worst kept one (or the heap is not full). Returns whether it changed.
    @discardableResult
    mutating func offer(_ hit: SimilarityHit) -> Bool {
        guard k > 0 else { return false }
        if heap.count < k {
            heap.append(hit)
            var i = heap.count - 1
            while i > 0 {
                let parent = (i - 1) >> 1
                guard SimilarityHit.ranksBefore(heap[parent], heap[i]) else { break }
                heap.swapAt(parent, i)
                i = parent
            }
            return true
        }
        guard SimilarityHit.ranksBefore(hit, heap[0]) else { return false }
        heap[0] = hit
        var i = 0
        while true {
            let l = 2 * i + 1, r = l + 1
            var worst = i
            if l < heap.count && SimilarityHit.ranksBefore(heap[worst], heap[l]) { worst = l }
            if r < heap.count && SimilarityHit.ranksBefore(heap[worst], heap[r]) { worst = r }
            if worst == i { break }
            heap.swapAt(i, worst)
            i = worst
        }
        return true
    }
}
