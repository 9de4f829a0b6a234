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
        if bonds.count < 3 || n < 3 { return info }
        var eligibleCount = 0
        for b in bonds where b.order != .dative && b.order != .zero { eligibleCount += 1 }

        // Iterative Tarjan: discovery times, low links, and an edge stack that yields the blocks.
        struct Visit {
            var discovered: Int32 = -1
            var low: Int32 = 0
            var parentBond: Int32 = -1
            var next: Int32 = 0
        }
        var visit = [Visit](repeating: Visit(), count: n)
        var edgeStack: [Int32] = []
        var blockBonds: [Int32] = []
        var blockStart: [Int32] = [0]
        var time: Int32 = 0
        var components = 0
        var callStack: [Int32] = []
        for root in 0..<n where visit[root].discovered < 0 {
            components += 1
            visit[root] = Visit(discovered: time, low: time, parentBond: -1, next: offsets[root])
            time += 1
            callStack.append(Int32(root))
            while let v32 = callStack.last {
                let v = Int(v32)
                let p = Int(visit[v].next)
                if p < Int(offsets[v + 1]) {
                    visit[v].next += 1
                    let b = Int(adjacentBonds[p])
                    let order = bonds[b].order
                    guard order != .dative && order != .zero, Int32(b) != visit[v].parentBond else { continue }
                    let w = Int(adjacentAtoms[p])
                    if visit[w].discovered < 0 {
                        edgeStack.append(Int32(b))
                        visit[w] = Visit(discovered: time, low: time, parentBond: Int32(b), next: offsets[w])
                        time += 1
                        callStack.append(Int32(w))
                    } else if visit[w].discovered < visit[v].discovered {
                        edgeStack.append(Int32(b))
                        visit[v].low = min(visit[v].low, visit[w].discovered)
                    }
                } else {
                    callStack.removeLast()
                    guard let u32 = callStack.last else { break }
                    let u = Int(u32)
                    visit[u].low = min(visit[u].low, visit[v].low)
                    if visit[v].low >= visit[u].discovered {
                        // Pop the block hanging below the tree edge u-v; single bonds are bridges.
                        let treeBond = visit[v].parentBond
                        let mark = blockBonds.count
                        while let e = edgeStack.popLast() {
                            blockBonds.append(e)
                            if e == treeBond { break }
                        }
                        if blockBonds.count - mark > 1 {
                            blockStart.append(Int32(blockBonds.count))
                        } else {
                            blockBonds.removeLast(blockBonds.count - mark)
                        }
                    }
                }
            }
        }
        info.cyclomaticNumber = eligibleCount - n + components
        let blockCount = blockStart.count - 1
        guard blockCount > 0 else { return info }
        info.blockCount = blockCount
        for k in 0..<blockCount {
            for b in blockBonds[Int(blockStart[k])..<Int(blockStart[k + 1])] {
                info.bondStats[Int(b)].cyclic = true
                info.bondStats[Int(b)].block = Int32(k)
            }
        }

        var rings = RingList()
        var complete = true
        var blockDegree = [Int32](repeating: 0, count: n)
        for k in 0..<blockCount {
            let slice = blockBonds[Int(blockStart[k])..<Int(blockStart[k + 1])]
            let m = slice.count
            var blockAtoms = 0
            for b in slice {
                let u = Int(bonds[Int(b)].begin), v = Int(bonds[Int(b)].end)
                if blockDegree[u] == 0 { blockAtoms += 1 }
                blockDegree[u] += 1
                if blockDegree[v] == 0 { blockAtoms += 1 }
                blockDegree[v] += 1
            }
            let budget = RingInfo.maximumRings - rings.count
            if m == blockAtoms && budget > 0 {
                // A single ring: walk it from its lowest atom towards the lower neighbour.
                var first = Int.max
                for b in slice { first = min(first, Int(bonds[Int(b)].begin), Int(bonds[Int(b)].end)) }
                var cycle: [Int32] = []
                cycle.reserveCapacity(m)
                var previous = -1, current = first
                repeat {
                    cycle.append(Int32(current))
                    var candidates = (Int.max, Int.max)
                    for p in Int(offsets[current])..<Int(offsets[current + 1]) where info.bondStats[Int(adjacentBonds[p])].block == Int32(k) {
                        let w = Int(adjacentAtoms[p])
                        if candidates.0 == Int.max { candidates.0 = w } else { candidates.1 = w }
                    }
                    let next: Int
                    if previous < 0 {
                        next = min(candidates.0, candidates.1)
                    } else {
                        next = candidates.0 == previous ? candidates.1 : candidates.0
                    }
                    previous = current
                    current = next
                } while current != first && cycle.count <= m
                rings.append(cycle)
            } else if m == blockAtoms + 1 && budget > 2 {
                // Two fused or bridged rings (a theta graph): three paths join the two branch atoms. The
                // two cycles through the shortest path are relevant; the third only when the two shortest
                // paths are equally long (bicyclo[2.2.2]octane has 3 rings, norbornane and naphthalene 2).
                var branch = -1
                for b in slice where branch < 0 {
                    let u = Int(bonds[Int(b)].begin), v = Int(bonds[Int(b)].end)
                    if blockDegree[u] == 3 { branch = u } else if blockDegree[v] == 3 { branch = v }
                }
                var paths: [[Int32]] = []
                for p in Int(offsets[branch])..<Int(offsets[branch + 1]) where info.bondStats[Int(adjacentBonds[p])].block == Int32(k) {
                    var path: [Int32] = [Int32(branch)]
                    var previous = branch, current = Int(adjacentAtoms[p])
                    while true {
                        path.append(Int32(current))
                        if blockDegree[current] != 2 { break }
                        var next = -1
                        for q in Int(offsets[current])..<Int(offsets[current + 1])
                        where info.bondStats[Int(adjacentBonds[q])].block == Int32(k) && Int(adjacentAtoms[q]) != previous {
                            next = Int(adjacentAtoms[q])
                        }
                        previous = current
                        current = next
                    }
                    paths.append(path)
                }
                paths.sort { $0.count < $1.count }
                func cycle(_ a: [Int32], _ b: [Int32]) -> [Int32] {
                    var c = a
                    c.append(contentsOf: b.dropFirst().dropLast().reversed())
                    return c
                }
                rings.append(normalize(cycle(paths[0], paths[1])))
                rings.append(normalize(cycle(paths[0], paths[2])))
                if paths[0].count == paths[1].count { rings.append(normalize(cycle(paths[1], paths[2]))) }
            } else {
                var found: [[Int32]] = []
                let ok = m <= 64
                    ? relevantCyclesSmall(of: Array(slice), bonds: bonds, into: &found, budget: budget)
                    : relevantCycles(of: Array(slice), bonds: bonds, into: &found, budget: budget)
                if !ok { complete = false }
                for ring in found { rings.append(normalize(ring)) }
            }
            for b in slice {
                blockDegree[Int(bonds[Int(b)].begin)] = 0
                blockDegree[Int(bonds[Int(b)].end)] = 0
            }
        }
        info.isComplete = complete
        // Per-atom ring-bond counts come from the cyclic bonds, so they stay exact even when bounded.
        for (i, b) in bonds.enumerated() where info.bondStats[i].cyclic {
            info.atomStats[Int(b.begin)].ringBonds += 1
            info.atomStats[Int(b.end)].ringBonds += 1
        }
        // Rings sorted by size, then by atoms.
        var order = Array(0..<rings.count)
        if rings.count > 1 {
            order.sort { x, y in
                let sx = rings.size(x), sy = rings.size(y)
                if sx != sy { return sx < sy }
                return rings.atoms(x).lexicographicallyPrecedes(rings.atoms(y))
            }
        }
        info.ringAtomList.reserveCapacity(rings.atomList.count)
        info.ringBondList.reserveCapacity(rings.atomList.count)
        info.ringOffsets.reserveCapacity(rings.count + 1)
        for r in order {
            let ring = rings.atoms(r)
            let size = Int32(ring.count)
            var k = ring.startIndex
            while k < ring.endIndex {
                let a = ring[k]
                let next = k + 1 < ring.endIndex ? ring[k + 1] : ring[ring.startIndex]
                info.ringAtomList.append(a)
                var bondIndex: Int32 = -1
                for p in Int(offsets[Int(a)])..<Int(offsets[Int(a) + 1]) where adjacentAtoms[p] == next {
                    bondIndex = adjacentBonds[p]
                    break
                }
                info.ringBondList.append(bondIndex)
                let ai = Int(a)
                info.atomStats[ai].rings += 1
                if info.atomStats[ai].smallest == 0 || size < info.atomStats[ai].smallest { info.atomStats[ai].smallest = size }
                if bondIndex >= 0 {
                    let bi = Int(bondIndex)
                    info.bondStats[bi].rings += 1
                    if info.bondStats[bi].smallest == 0 || size < info.bondStats[bi].smallest { info.bondStats[bi].smallest = size }
                }
                k += 1
            }
            info.ringOffsets.append(Int32(info.ringAtomList.count))
        }
        return info
    }

    /// Rings as one flat list while they are being found.
    struct RingList {
        var atomList: [Int32] = []
        var offsets: [Int32] = [0]
        var count: Int { offsets.count - 1 }
        mutating func append(_ ring: [Int32]) {
            atomList.append(contentsOf: ring)
            offsets.append(Int32(atomList.count))
        }
        func size(_ r: Int) -> Int { Int(offsets[r + 1] - offsets[r]) }
        func atoms(_ r: Int) -> ArraySlice<Int32> { atomList[Int(offsets[r])..<Int(offsets[r + 1])] }
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

    /// Vismara's algorithm for blocks of at most 64 bonds (every fused ring system of a drug-like molecule),
    /// with each cycle's bond set in one 64-bit word; the same result as `relevantCycles`, without the
    /// allocations.
    static func relevantCyclesSmall(of block: [Int32], bonds: [Bond], into rings: inout [[Int32]], budget: Int) -> Bool {
        var search = SmallBlockSearch(block: block, bonds: bonds)
        return search.run(into: &rings, budget: budget)
    }

    /// State of one small-block search (a struct, so the hot loops touch plain arrays).
    struct SmallBlockSearch {
        struct Candidate {
            var root: Int32, a: Int32, b: Int32, middle: Int32
            var length: Int32
            var mask: UInt64
        }

        var unique: [Int32] = []
        var n = 0
        var m = 0
        var start: [Int] = []
        var nbr: [Int] = []
        var nbrEdge: [Int] = []
        var dist: [Int32] = []
        var pathMask: [UInt64] = []  // edges of the first shortest path from the root
        var pathVertices: [UInt64] = []  // its vertices other than the root (n <= 64 since m <= 64 and m >= n)
        var order: [Int] = []
        var firstPredecessor: [Int] = []
        var pathCount: [Int32] = []  // shortest paths from the root, saturating
        var candidates: [Candidate] = []
        var pivotRow = [UInt64](repeating: 0, count: 64)
        var hasPivot: UInt64 = 0
        var rank = 0

        init(block: [Int32], bonds: [Bond]) {
            unique.reserveCapacity(2 * block.count)
            for b in block {
                unique.append(bonds[Int(b)].begin)
                unique.append(bonds[Int(b)].end)
            }
            unique.sort()
            var w = 0
            for i in 0..<unique.count where w == 0 || unique[w - 1] != unique[i] {
                unique[w] = unique[i]
                w += 1
            }
            unique.removeLast(unique.count - w)
            n = unique.count
            m = block.count
            start = [Int](repeating: 0, count: n + 1)
            var ends = [(Int, Int)](repeating: (0, 0), count: m)
            for (e, b) in block.enumerated() {
                let u = local(bonds[Int(b)].begin), v = local(bonds[Int(b)].end)
                ends[e] = (u, v)
                start[u + 1] += 1
                start[v + 1] += 1
            }
            for v in 0..<n { start[v + 1] += start[v] }
            var fill = start
            nbr = [Int](repeating: 0, count: 2 * m)
            nbrEdge = [Int](repeating: 0, count: 2 * m)
            for (e, (u, v)) in ends.enumerated() {
                nbr[fill[u]] = v; nbrEdge[fill[u]] = e; fill[u] += 1
                nbr[fill[v]] = u; nbrEdge[fill[v]] = e; fill[v] += 1
            }
            dist = [Int32](repeating: -1, count: n)
            pathMask = [UInt64](repeating: 0, count: n)
            pathVertices = [UInt64](repeating: 0, count: n)
            order = [Int](repeating: 0, count: n)
            firstPredecessor = [Int](repeating: -1, count: n)
            pathCount = [Int32](repeating: 0, count: n)
        }

        func local(_ atom: Int32) -> Int {
            var lo = 0, hi = unique.count - 1
            while lo < hi {
                let mid = (lo + hi) / 2
                if unique[mid] < atom { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }

        /// Breadth-first search from `r` over vertices numbered below it; returns how many were reached.
        mutating func search(_ r: Int) -> Int {
            for v in 0..<n { dist[v] = -1 }
            dist[r] = 0
            pathMask[r] = 0
            pathVertices[r] = 0
            pathCount[r] = 1
            firstPredecessor[r] = -1
            order[0] = r
            var head = 0, tail = 1
            while head < tail {
                let v = order[head]
                head += 1
                for p in start[v]..<start[v + 1] {
                    let x = nbr[p]
                    guard x < r else { continue }
                    if dist[x] < 0 {
                        dist[x] = dist[v] + 1
                        pathMask[x] = pathMask[v] | (1 << UInt64(nbrEdge[p]))
                        pathVertices[x] = pathVertices[v] | (1 << UInt64(x))
                        pathCount[x] = pathCount[v]
                        firstPredecessor[x] = v
                        order[tail] = x
                        tail += 1
                    } else if dist[x] == dist[v] + 1 {
                        pathCount[x] = min(pathCount[x] &+ pathCount[v], 1 << 20)
                    }
                }
            }
            return tail
        }

        mutating func collectCandidates() {
            var predecessors = [Int](repeating: 0, count: 8)
            for r in 0..<n {
                let reached = search(r)
                for k in 1..<max(reached, 1) {
                    let y = order[k]
                    var count = 0
                    for p in start[y]..<start[y + 1] {
                        let z = nbr[p]
                        guard z <= r, dist[z] >= 0 else { continue }
                        if dist[z] + 1 == dist[y] {
                            if count == predecessors.count { predecessors.append(0) }
                            predecessors[count] = p
                            count += 1
                        } else if dist[z] == dist[y], z < y, pathVertices[y] & pathVertices[z] == 0 {
                            candidates.append(Candidate(
                                root: Int32(r), a: Int32(y), b: Int32(z), middle: -1, length: 2 * dist[y] + 1,
                                mask: pathMask[y] | pathMask[z] | (1 << UInt64(nbrEdge[p]))))
                        }
                    }
                    if count > 1 {
                        for i in 0..<count {
                            let pi = predecessors[i], a = nbr[pi]
                            for j in (i + 1)..<count {
                                let pj = predecessors[j], b = nbr[pj]
                                guard pathVertices[a] & pathVertices[b] == 0 else { continue }
                                candidates.append(Candidate(
                                    root: Int32(r), a: Int32(a), b: Int32(b), middle: Int32(y), length: 2 * dist[y],
                                    mask: pathMask[a] | pathMask[b] | (1 << UInt64(nbrEdge[pi])) | (1 << UInt64(nbrEdge[pj]))))
                            }
                        }
                    }
                }
            }
        }

        /// Reduces a bond set by the basis (GF(2) elimination on 64-bit rows); 0 when it is in the span.
        func reduce(_ v: UInt64) -> UInt64 {
            var x = v
            while x != 0 {
                let bit = x.trailingZeroBitCount
                if hasPivot & (1 << UInt64(bit)) == 0 { return x }
                x ^= pivotRow[bit]
            }
            return 0
        }

        mutating func insert(_ v: UInt64) {
            let x = reduce(v)
            guard x != 0 else { return }
            let bit = x.trailingZeroBitCount
            pivotRow[bit] = x
            hasPivot |= 1 << UInt64(bit)
            rank += 1
        }

        mutating func run(into rings: inout [[Int32]], budget: Int) -> Bool {
            let cyclomatic = m - n + 1
            collectCandidates()
            candidates.sort { $0.length < $1.length }
            // Relevance: independent of all shorter candidates.
            var relevant: [Int] = []
            var index = 0
            while index < candidates.count && rank < cyclomatic {
                let length = candidates[index].length
                var end = index
                while end < candidates.count && candidates[end].length == length { end += 1 }
                for k in index..<end where reduce(candidates[k].mask) != 0 { relevant.append(k) }
                for k in index..<end { insert(candidates[k].mask) }
                index = end
            }
            // Every member of each relevant family: all pairs of shortest paths from the root.
            var complete = true
            var seen: [UInt64] = []
            var currentRoot = -1
            for k in relevant {
                let c = candidates[k]
                if Int(c.root) != currentRoot {
                    _ = search(Int(c.root))
                    currentRoot = Int(c.root)
                }
                if rings.count >= budget { return false }
                if pathCount[Int(c.a)] == 1 && pathCount[Int(c.b)] == 1 {
                    // One shortest path to each end: the family is the candidate itself.
                    if seen.contains(c.mask) { continue }
                    seen.append(c.mask)
                    var cycle: [Int32] = []
                    cycle.reserveCapacity(Int(c.length))
                    var v = Int(c.a)
                    while v >= 0 {
                        cycle.append(unique[v])
                        v = firstPredecessor[v]
                    }
                    cycle.reverse()
                    if c.middle >= 0 { cycle.append(unique[Int(c.middle)]) }
                    v = Int(c.b)
                    while v >= 0 && v != currentRoot {
                        cycle.append(unique[v])
                        v = firstPredecessor[v]
                    }
                    rings.append(cycle)
                    continue
                }
                let pathsA = RingPerception.shortestPaths(to: Int(c.a), root: currentRoot, dist: dist, start: start, nbr: nbr, nbrEdge: nbrEdge, limit: budget)
                let pathsB = RingPerception.shortestPaths(to: Int(c.b), root: currentRoot, dist: dist, start: start, nbr: nbr, nbrEdge: nbrEdge, limit: budget)
                if pathsA.count >= budget || pathsB.count >= budget { complete = false }
                let closing: UInt64
                if c.middle >= 0 {
                    closing = RingPerception.edgeBit(Int(c.a), Int(c.middle), start, nbr, nbrEdge)
                        | RingPerception.edgeBit(Int(c.b), Int(c.middle), start, nbr, nbrEdge)
                } else {
                    closing = RingPerception.edgeBit(Int(c.a), Int(c.b), start, nbr, nbrEdge)
                }
                for pa in pathsA {
                    for pb in pathsB {
                        if rings.count >= budget { return false }
                        guard pa.vertices & pb.vertices == 0 else { continue }
                        let mask = pa.edges | pb.edges | closing
                        if seen.contains(mask) { continue }
                        seen.append(mask)
                        var cycle = pa.path.map { unique[$0] }
                        if c.middle >= 0 { cycle.append(unique[Int(c.middle)]) }
                        for v in pb.path.dropFirst().reversed() { cycle.append(unique[v]) }
                        rings.append(cycle)
                    }
                }
            }
            return complete
        }
    }

    static func edgeBit(_ a: Int, _ b: Int, _ start: [Int], _ nbr: [Int], _ nbrEdge: [Int]) -> UInt64 {
        for p in start[a]..<start[a + 1] where nbr[p] == b { return 1 << UInt64(nbrEdge[p]) }
        return 0
    }

    /// Every shortest path from the root to `target` within the restricted search (vertex lists from the
    /// root, with their edge and non-root vertex masks); at most `limit`.
    static func shortestPaths(
        to target: Int, root: Int, dist: [Int32], start: [Int], nbr: [Int], nbrEdge: [Int], limit: Int
    ) -> [(path: [Int], edges: UInt64, vertices: UInt64)] {
        var results: [(path: [Int], edges: UInt64, vertices: UInt64)] = []
        var path: [Int] = [target]
        var edges: [UInt64] = [0]
        var choice: [Int] = [start[target]]
        while let top = path.last {
            if top == root {
                var vertices: UInt64 = 0
                for v in path where v != root { vertices |= 1 << UInt64(v) }
                results.append((path.reversed(), edges[edges.count - 1], vertices))
                if results.count >= limit { return results }
                path.removeLast(); edges.removeLast(); choice.removeLast()
                continue
            }
            var advanced = false
            while choice[choice.count - 1] < start[top + 1] {
                let p = choice[choice.count - 1]
                choice[choice.count - 1] += 1
                let w = nbr[p]
                if w <= root && dist[w] >= 0 && dist[w] + 1 == dist[top] {
                    path.append(w)
                    edges.append(edges[edges.count - 1] | (1 << UInt64(nbrEdge[p])))
                    choice.append(start[w])
                    advanced = true
                    break
                }
            }
            if !advanced {
                path.removeLast(); edges.removeLast(); choice.removeLast()
            }
        }
        return results
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
        var start = [Int](repeating: 0, count: n + 1)
        for v in 0..<n { start[v + 1] = start[v] + degree[v] }
        var fill = start
        var nbr = [Int](repeating: 0, count: 2 * m)
        var nbrEdge = [Int](repeating: 0, count: 2 * m)
        for (e, (u, v)) in ends.enumerated() {
            nbr[fill[u]] = v; nbrEdge[fill[u]] = e; fill[u] += 1
            nbr[fill[v]] = u; nbrEdge[fill[v]] = e; fill[v] += 1
        }
        /// Walks from `from` through `first` until a vertex whose degree is not 2 (or `from` again).
        func trace(from: Int, first: Int) -> [Int] {
            var path = [from]
            var previous = from
            var current = first
            while true {
                path.append(current)
                if current == from || start[current + 1] - start[current] != 2 { return path }
                let a = nbr[start[current]], b = nbr[start[current] + 1]
                let next = a == previous ? b : a
                previous = current
                current = next
            }
        }
        if m == n {
            // A single cycle.
            guard budget > 0 else { return false }
            var path = trace(from: 0, first: nbr[start[0]])
            path.removeLast()
            rings.append(path.map { unique[$0] })
            return true
        }
        if m == n + 1 {
            // Two fused or bridged rings (a theta graph): three paths join the two branch atoms. The two
            // cycles through the shortest path are relevant; the third only when the two shortest paths
            // are equally long (bicyclo[2.2.2]octane has 3 rings, norbornane and naphthalene 2).
            guard budget > 2, let a = (0..<n).first(where: { start[$0 + 1] - start[$0] == 3 }) else { return false }
            var paths = (start[a]..<start[a + 1]).map { trace(from: a, first: nbr[$0]) }
            paths.sort { $0.count < $1.count }
            func cycle(_ p: [Int], _ q: [Int]) -> [Int32] {
                // Both paths run from a to the other branch atom: p, then q backwards without its ends.
                var c = p.map { unique[$0] }
                for v in q.dropFirst().dropLast().reversed() { c.append(unique[v]) }
                return c
            }
            rings.append(cycle(paths[0], paths[1]))
            rings.append(cycle(paths[0], paths[2]))
            if paths[0].count == paths[1].count { rings.append(cycle(paths[1], paths[2])) }
            return true
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
