/// Maximum cardinality matching in a general graph (Edmonds' blossom algorithm, breadth-first form), used to
/// place the double bonds of aromatic input: a Kekulé structure exists exactly when the double-bond
/// candidates have a matching that covers each of them.
///
/// Graphs here are small (the candidate atoms of one molecule), so the O(V³) form is plenty; a greedy pass
/// seeds the matching so that most molecules need no augmenting search at all.
struct MaximumMatching {
    let vertexCount: Int
    /// Adjacency in CSR form over local vertex numbers.
    let start: [Int]
    let neighbours: [Int]
    /// `mate[v]` is v's partner, or -1.
    private(set) var mate: [Int]

    private var parent: [Int]
    private var base: [Int]
    private var inQueue: [Bool]
    private var inBlossom: [Bool]
    private var queue: [Int] = []

    init(vertexCount: Int, start: [Int], neighbours: [Int]) {
        self.vertexCount = vertexCount
        self.start = start
        self.neighbours = neighbours
        mate = [Int](repeating: -1, count: vertexCount)
        // The search arrays are allocated only if an augmenting search is needed (rarely, after the greedy
        // seed).
        parent = []
        base = []
        inQueue = []
        inBlossom = []
    }

    /// Matches greedily, visiting vertices with fewest neighbours first (they have the fewest choices).
    mutating func seedGreedily() {
        // Degree-1 vertices first (chain ends), then the rest in order; augmenting fixes any bad choice.
        for pass in 0..<2 {
            for v in 0..<vertexCount where mate[v] < 0 && (pass == 1 || start[v + 1] - start[v] == 1) {
                for p in start[v]..<start[v + 1] where mate[neighbours[p]] < 0 {
                    mate[v] = neighbours[p]
                    mate[neighbours[p]] = v
                    break
                }
            }
        }
    }

    /// Fixes an initial pair (used to pre-match optional vertices); both must be free.
    mutating func match(_ a: Int, _ b: Int) {
        mate[a] = b
        mate[b] = a
    }

    /// Augments from every free vertex in `roots` (all vertices when nil) until no augmenting path is left.
    /// Augmenting never unmatches a vertex.
    mutating func augment() {
        for v in 0..<vertexCount where mate[v] < 0 {
            if parent.isEmpty {
                parent = [Int](repeating: -1, count: vertexCount)
                base = Array(0..<vertexCount)
                inQueue = [Bool](repeating: false, count: vertexCount)
                inBlossom = [Bool](repeating: false, count: vertexCount)
            }
            if let end = findAugmentingPath(from: v) {
                var u = end
                while u >= 0 {
                    let pu = parent[u]
                    let next = mate[pu]
                    mate[u] = pu
                    mate[pu] = u
                    u = next
                }
            }
        }
    }

    private func lowestCommonAncestor(_ a0: Int, _ b0: Int) -> Int {
        var seen = [Bool](repeating: false, count: vertexCount)
        var a = a0
        while true {
            a = base[a]
            seen[a] = true
            if mate[a] < 0 { break }
            a = parent[mate[a]]
        }
        var b = b0
        while true {
            b = base[b]
            if seen[b] { return b }
            b = parent[mate[b]]
        }
    }

    private mutating func markPath(_ v0: Int, _ b: Int, _ child0: Int) {
        var v = v0
        var child = child0
        while base[v] != b {
            inBlossom[base[v]] = true
            inBlossom[base[mate[v]]] = true
            parent[v] = child
            child = mate[v]
            v = parent[mate[v]]
        }
    }

    private mutating func findAugmentingPath(from root: Int) -> Int? {
        for i in 0..<vertexCount {
            parent[i] = -1
            base[i] = i
            inQueue[i] = false
        }
        queue.removeAll(keepingCapacity: true)
        inQueue[root] = true
        queue.append(root)
        var head = 0
        while head < queue.count {
            let v = queue[head]
            head += 1
            for p in start[v]..<start[v + 1] {
                let to = neighbours[p]
                if base[v] == base[to] || mate[v] == to { continue }
                if to == root || (mate[to] >= 0 && parent[mate[to]] >= 0) {
                    let current = lowestCommonAncestor(v, to)
                    for i in 0..<vertexCount { inBlossom[i] = false }
                    markPath(v, current, to)
                    markPath(to, current, v)
                    for i in 0..<vertexCount where inBlossom[base[i]] {
                        base[i] = current
                        if !inQueue[i] {
                            inQueue[i] = true
                            queue.append(i)
                        }
                    }
                } else if parent[to] < 0 {
                    parent[to] = v
                    if mate[to] < 0 { return to }
                    inQueue[mate[to]] = true
                    queue.append(mate[to])
                }
            }
        }
        return nil
    }
}
