/// Finds the relevant cycles of a molecule graph (see `RingInfo`).
///
/// 1. Bridges and biconnected blocks by one iterative Tarjan pass (ring bonds are the bonds of blocks with
///    more than one bond). A block with as many bonds as atoms is a single ring: the common case, done
///    without any search.
/// 2. Other blocks go through Vismara's algorithm: for every vertex r (in index order), a breadth-first
///    search restricted to lower-numbered vertices yields candidate cycles ("prototypes") made of two
///    shortest paths from r that meet only at r, closed by an edge (odd cycles) or a vertex (even cycles).
///    Sorted by length, a prototype is relevant when it is independent (over GF(2)) of all shorter
///    prototypes; then every cycle of its family (any choice of the two shortest paths) is relevant.
enum RingPerception {
    /// Prototype count above which a block is not searched further (documented in `RingInfo`).
    static let maximumPrototypes = 2_000_000

    static func perceive(
        atomCount n: Int, bonds: [Bond], offsets: [Int32], adjacentAtoms: [Int32], adjacentBonds: [Int32]
    ) -> RingInfo {
        var info = RingInfo(atomCount: n, bondCount: bonds.count)
        if bonds.count < 3 || n < 3 { info.cyclomaticNumber = 0; return info }
        var eligible = [Bool](repeating: true, count: bonds.count)
        var eligibleCount = 0
        for (i, b) in bonds.enumerated() {
            if b.order == .dative || b.order == .zero { eligible[i] = false } else { eligibleCount += 1 }
        }

        // Iterative Tarjan: discovery times, low links, and an edge stack that yields the blocks.
        var disc = [Int32](repeating: -1, count: n)
        var low = [Int32](repeating: 0, count: n)
        var parentBond = [Int32](repeating: -1, count: n)
        var iterator = [Int32](repeating: 0, count: n)
        var edgeStack: [Int32] = []
        var blocks: [[Int32]] = []
        var time: Int32 = 0
        var components = 0
        var callStack: [Int32] = []
        for root in 0..<n where disc[root] < 0 {
            components += 1
            disc[root] = time; low[root] = time; time += 1
            iterator[root] = offsets[root]
            callStack.append(Int32(root))
            while let v32 = callStack.last {
                let v = Int(v32)
                let p = Int(iterator[v])
                if p < Int(offsets[v + 1]) {
                    iterator[v] += 1
                    let b = Int(adjacentBonds[p])
                    guard eligible[b], Int32(b) != parentBond[v] else { continue }
                    let w = Int(adjacentAtoms[p])
                    if disc[w] < 0 {
                        edgeStack.append(Int32(b))
                        parentBond[w] = Int32(b)
                        disc[w] = time; low[w] = time; time += 1
                        iterator[w] = offsets[w]
                        callStack.append(Int32(w))
                    } else if disc[w] < disc[v] {
                        edgeStack.append(Int32(b))
                        low[v] = min(low[v], disc[w])
                    }
                } else {
                    callStack.removeLast()
                    guard let u32 = callStack.last else { break }
                    let u = Int(u32)
                    low[u] = min(low[u], low[v])
                    if low[v] >= disc[u] {
                        // Pop the block hanging below the tree edge u-v.
                        let treeBond = parentBond[v]
                        var block: [Int32] = []
                        while let e = edgeStack.popLast() {
                            block.append(e)
                            if e == treeBond { break }
                        }
                        if block.count > 1 { blocks.append(block) }
                    }
                }
            }
        }
        info.cyclomaticNumber = eligibleCount - n + components
        if blocks.isEmpty { return info }

        var rings: [[Int32]] = []
        var complete = true
        info.blockCount = blocks.count
        for (blockIndex, block) in blocks.enumerated() {
            for b in block {
                info.bondIsCyclic[Int(b)] = true
                info.bondBlock[Int(b)] = Int32(blockIndex)
            }
            var blockRings: [[Int32]] = []
            let ok = relevantCycles(of: block, bonds: bonds, into: &blockRings, budget: RingInfo.maximumRings - rings.count)
            if !ok { complete = false }
            rings.append(contentsOf: blockRings)
        }
        info.isComplete = complete
        // Per-atom ring-bond counts come from the cyclic bonds, so they stay exact even when bounded.
        for (i, b) in bonds.enumerated() where info.bondIsCyclic[i] {
            info.atomRingBonds[Int(b.begin)] += 1
            info.atomRingBonds[Int(b.end)] += 1
        }
        // Normalize each ring (start at its lowest atom, towards the lower neighbour), then sort by size.
        var normalized: [[Int32]] = rings.map(normalize)
        normalized.sort { a, b in a.count != b.count ? a.count < b.count : a.lexicographicallyPrecedes(b) }
        info.ringAtomList.reserveCapacity(normalized.reduce(0) { $0 + $1.count })
        for ring in normalized {
            let size = Int32(ring.count)
            for (k, a) in ring.enumerated() {
                let next = ring[(k + 1) % ring.count]
                info.ringAtomList.append(a)
                var bondIndex: Int32 = -1
                for p in Int(offsets[Int(a)])..<Int(offsets[Int(a) + 1]) where adjacentAtoms[p] == next {
                    bondIndex = adjacentBonds[p]
                    break
                }
                info.ringBondList.append(bondIndex)
                let ai = Int(a)
                info.atomRings[ai] += 1
                if info.atomSmallestRing[ai] == 0 || size < info.atomSmallestRing[ai] { info.atomSmallestRing[ai] = size }
                if bondIndex >= 0 {
                    let bi = Int(bondIndex)
                    info.bondRings[bi] += 1
                    if info.bondSmallestRing[bi] == 0 || size < info.bondSmallestRing[bi] { info.bondSmallestRing[bi] = size }
                }
            }
            info.ringOffsets.append(Int32(info.ringAtomList.count))
        }
        return info
    }

    /// Rotates and reflects a cycle so it starts at its lowest atom and continues to the lower neighbour.
    static func normalize(_ ring: [Int32]) -> [Int32] {
        guard ring.count > 2 else { return ring }
        var start = 0
        for (i, a) in ring.enumerated() where a < ring[start] { start = i }
        let n = ring.count
        let forward = ring[(start + 1) % n] < ring[(start + n - 1) % n]
        var out = [Int32]()
        out.reserveCapacity(n)
        for k in 0..<n { out.append(ring[forward ? (start + k) % n : (start - k + n) % n]) }
        return out
    }

    /// Appends the relevant cycles of one biconnected block (as atom sequences); returns `false` when a
    /// bound stopped the search early.
    static func relevantCycles(of block: [Int32], bonds: [Bond], into rings: inout [[Int32]], budget: Int) -> Bool {
        // Local numbering: vertices sorted by atom index (this is Vismara's order), edges as given.
        var atomsOfBlock: [Int32] = []
        atomsOfBlock.reserveCapacity(block.count)
        for b in block {
            atomsOfBlock.append(bonds[Int(b)].begin)
            atomsOfBlock.append(bonds[Int(b)].end)
        }
        atomsOfBlock.sort()
        var unique: [Int32] = []
        for a in atomsOfBlock where unique.last != a { unique.append(a) }
        let n = unique.count
        let m = block.count
        func local(_ atom: Int32) -> Int {
            var lo = 0, hi = n - 1
            while lo < hi {
                let mid = (lo + hi) / 2
                if unique[mid] < atom { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        // Local adjacency (CSR).
        var degree = [Int](repeating: 0, count: n + 1)
        var ends = [(Int, Int)](repeating: (0, 0), count: m)
        for (e, b) in block.enumerated() {
            let u = local(bonds[Int(b)].begin), v = local(bonds[Int(b)].end)
            ends[e] = (u, v)
            degree[u] += 1
            degree[v] += 1
        }
        if m == n {
            // A single cycle: walk it.
            guard budget > 0 else { return false }
            var cycle: [Int32] = [unique[0]]
            var previous = -1
            var current = 0
            while true {
                var next = -1
                for (e, (u, v)) in ends.enumerated() where e != previous {
                    if u == current { next = v; previous = e; break }
                    if v == current { next = u; previous = e; break }
                }
                if next <= 0 { break }
                cycle.append(unique[next])
                current = next
            }
            rings.append(cycle)
            return true
        }
        var start = [Int](repeating: 0, count: n + 1)
        for v in 0..<n { start[v + 1] = start[v] + degree[v] }
        var fill = start
        var nbr = [Int](repeating: 0, count: 2 * m)
        var nbrEdge = [Int](repeating: 0, count: 2 * m)
        for (e, (u, v)) in ends.enumerated() {
            nbr[fill[u]] = v; nbrEdge[fill[u]] = e; fill[u] += 1
            nbr[fill[v]] = u; nbrEdge[fill[v]] = e; fill[v] += 1
        }
        let cyclomatic = m - n + 1
        var search = VismaraSearch(n: n, m: m, start: start, nbr: nbr, nbrEdge: nbrEdge)

        // 1. Prototypes (without their edge sets yet).
        var prototypes: [Prototype] = []
        for r in 0..<n {
            search.bfs(from: r)
            for y in search.order where y != r {
                var predecessors: [Int] = []
                for p in start[y]..<start[y + 1] {
                    let z = nbr[p]
                    guard z <= r, search.dist[z] >= 0 else { continue }
                    if search.dist[z] + 1 == search.dist[y] {
                        predecessors.append(z)
                    } else if search.dist[z] == search.dist[y], z < y, z != r {
                        if search.pathsDisjoint(y, z, root: r) {
                            prototypes.append(Prototype(root: r, a: y, b: z, middle: -1, length: 2 * Int(search.dist[y]) + 1))
                        }
                    }
                }
                if predecessors.count > 1 {
                    for i in 0..<predecessors.count {
                        for j in (i + 1)..<predecessors.count where search.pathsDisjoint(predecessors[i], predecessors[j], root: r) {
                            prototypes.append(Prototype(root: r, a: predecessors[i], b: predecessors[j], middle: y, length: 2 * Int(search.dist[y])))
                        }
                    }
                }
            }
            if prototypes.count > maximumPrototypes { return false }
        }
        prototypes.sort { $0.length < $1.length }

        // 2. Relevance by Gaussian elimination over GF(2), one length at a time.
        let words = (m + 63) / 64
        var basis = GF2Basis(bits: m)
        var relevant: [Int] = []
        var index = 0
        var currentRoot = -1
        while index < prototypes.count && basis.rank < cyclomatic {
            let length = prototypes[index].length
            var groupEnd = index
            while groupEnd < prototypes.count && prototypes[groupEnd].length == length { groupEnd += 1 }
            var vectors: [[UInt64]] = []
            vectors.reserveCapacity(groupEnd - index)
            for k in index..<groupEnd {
                let proto = prototypes[k]
                if proto.root != currentRoot {
                    search.bfs(from: proto.root)
                    currentRoot = proto.root
                }
                var vector = [UInt64](repeating: 0, count: words)
                search.addPathEdges(to: proto.a, into: &vector)
                search.addPathEdges(to: proto.b, into: &vector)
                if proto.middle >= 0 {
                    search.addEdge(between: proto.a, and: proto.middle, into: &vector)
                    search.addEdge(between: proto.b, and: proto.middle, into: &vector)
                } else {
                    search.addEdge(between: proto.a, and: proto.b, into: &vector)
                }
                if !basis.isInSpan(vector) { relevant.append(k) }
                vectors.append(vector)
            }
            for vector in vectors { basis.insert(vector) }
            index = groupEnd
        }

        // 3. Every member of a relevant family.
        var complete = true
        var seen = Set<[Int32]>()
        relevant.sort { prototypes[$0].root < prototypes[$1].root }
        currentRoot = -1
        for k in relevant {
            let proto = prototypes[k]
            if proto.root != currentRoot {
                search.bfs(from: proto.root)
                currentRoot = proto.root
            }
            let pathsA = search.allShortestPaths(to: proto.a, limit: budget)
            let pathsB = search.allShortestPaths(to: proto.b, limit: budget)
            if pathsA.count >= budget || pathsB.count >= budget { complete = false }
            for pa in pathsA {
                for pb in pathsB {
                    if rings.count >= budget { return false }
                    // pa and pb run from the root; the cycle is root..a (middle) b..root.
                    var cycle = pa
                    if proto.middle >= 0 { cycle.append(proto.middle) }
                    cycle.append(contentsOf: pb.dropFirst().reversed())
                    var distinct = Set<Int>()
                    var simple = true
                    for v in cycle where !distinct.insert(v).inserted { simple = false; break }
                    guard simple else { continue }
                    let atoms = cycle.map { unique[$0] }
                    let key = normalize(atoms)
                    if seen.insert(key).inserted { rings.append(atoms) }
                }
            }
        }
        return complete
    }

    struct Prototype {
        var root: Int
        /// Odd cycle: the edge a-b closes it; even cycle: the vertex `middle` joins a and b.
        var a: Int
        var b: Int
        var middle: Int
        var length: Int
    }

    /// Breadth-first search state for one root, restricted to vertices numbered below the root.
    struct VismaraSearch {
        let n: Int
        let m: Int
        let start: [Int]
        let nbr: [Int]
        let nbrEdge: [Int]
        var dist: [Int32]
        var firstPredecessor: [Int]
        var firstPredecessorEdge: [Int]
        var order: [Int] = []
        var stamp: [Int]
        var currentStamp = 0
        var root = 0

        init(n: Int, m: Int, start: [Int], nbr: [Int], nbrEdge: [Int]) {
            self.n = n
            self.m = m
            self.start = start
            self.nbr = nbr
            self.nbrEdge = nbrEdge
            dist = [Int32](repeating: -1, count: n)
            firstPredecessor = [Int](repeating: -1, count: n)
            firstPredecessorEdge = [Int](repeating: -1, count: n)
            stamp = [Int](repeating: 0, count: n)
        }

        mutating func bfs(from r: Int) {
            for v in order { dist[v] = -1; firstPredecessor[v] = -1; firstPredecessorEdge[v] = -1 }
            order.removeAll(keepingCapacity: true)
            root = r
            dist[r] = 0
            order.append(r)
            var head = 0
            while head < order.count {
                let v = order[head]
                head += 1
                for p in start[v]..<start[v + 1] {
                    let w = nbr[p]
                    guard w < r, dist[w] < 0 else { continue }
                    dist[w] = dist[v] + 1
                    firstPredecessor[w] = v
                    firstPredecessorEdge[w] = nbrEdge[p]
                    order.append(w)
                }
            }
        }

        /// Whether the fixed shortest paths from the root to `a` and to `b` share only the root.
        mutating func pathsDisjoint(_ a: Int, _ b: Int, root r: Int) -> Bool {
            currentStamp += 1
            var v = a
            while v != r && v >= 0 {
                stamp[v] = currentStamp
                v = firstPredecessor[v]
            }
            v = b
            while v != r && v >= 0 {
                if stamp[v] == currentStamp { return false }
                v = firstPredecessor[v]
            }
            return true
        }

        func addPathEdges(to target: Int, into vector: inout [UInt64]) {
            var v = target
            while v != root && v >= 0 {
                let e = firstPredecessorEdge[v]
                vector[e >> 6] ^= 1 << UInt64(e & 63)
                v = firstPredecessor[v]
            }
        }

        func addEdge(between a: Int, and b: Int, into vector: inout [UInt64]) {
            for p in start[a]..<start[a + 1] where nbr[p] == b {
                let e = nbrEdge[p]
                vector[e >> 6] ^= 1 << UInt64(e & 63)
                return
            }
        }

        /// Every shortest path from the root to `target` inside the restricted search, as vertex lists that
        /// start at the root; at most `limit` of them.
        func allShortestPaths(to target: Int, limit: Int) -> [[Int]] {
            var results: [[Int]] = []
            var path: [Int] = [target]
            var choice: [Int] = [start[target]]
            // Depth-first walk back along predecessors (dist decreasing by one each step).
            while let top = path.last {
                if top == root {
                    results.append(path.reversed())
                    if results.count >= limit { return results }
                    path.removeLast()
                    choice.removeLast()
                    continue
                }
                var advanced = false
                while choice[choice.count - 1] < start[top + 1] {
                    let p = choice[choice.count - 1]
                    choice[choice.count - 1] += 1
                    let w = nbr[p]
                    if (w < root || w == root) && dist[w] >= 0 && dist[w] + 1 == dist[top] {
                        path.append(w)
                        choice.append(start[w])
                        advanced = true
                        break
                    }
                }
                if !advanced {
                    path.removeLast()
                    choice.removeLast()
                }
            }
            return results
        }
    }

    /// A basis of GF(2) vectors in echelon form, keyed by each row's lowest set bit.
    struct GF2Basis {
        var rows: [[UInt64]] = []
        var pivotRow: [Int]
        var rank: Int { rows.count }

        init(bits: Int) { pivotRow = [Int](repeating: -1, count: bits) }

        func reduce(_ vector: [UInt64]) -> [UInt64] {
            var v = vector
            for w in 0..<v.count {
                while v[w] != 0 {
                    let bit = w * 64 + v[w].trailingZeroBitCount
                    let row = pivotRow[bit]
                    if row < 0 { return v }
                    for k in w..<v.count { v[k] ^= rows[row][k] }
                }
            }
            return v
        }

        func isInSpan(_ vector: [UInt64]) -> Bool {
            reduce(vector).allSatisfy { $0 == 0 }
        }

        mutating func insert(_ vector: [UInt64]) {
            let v = reduce(vector)
            for w in 0..<v.count where v[w] != 0 {
                pivotRow[w * 64 + v[w].trailingZeroBitCount] = rows.count
                rows.append(v)
                return
            }
        }
    }
}
