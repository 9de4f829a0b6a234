/// The exact search behind `MaximumCommonSubstructure`: a branch and bound over bond-to-bond mappings in the
/// style of McSplit (McCreesh, Prosser and Trimble, IJCAI 2017), run on the two line graphs (one vertex per
/// bond), so that maximising mapped vertices maximises common bonds, as RDKit's FMCS does.
///
/// The unmapped bonds of both molecules are kept partitioned into *domains*: a domain is a set of left bonds
/// and a set of right bonds that carry the same label and stand in the same relation to every bond mapped so
/// far. Mapping bond v = (x, y) to w = (p, q), with x → p and y → q, splits every domain into the bonds that
/// touch x (respectively p), those that touch y (q), and the rest. Labels that name the shared atom keep the
/// atom mapping consistent by construction: a left bond and a right bond stay together only if they meet
/// the mapped bonds at corresponding atoms, which rules out the triangle/star exchange that plain line-graph
/// matching allows. The bound is mapped bonds plus, over domains, the smaller side; once something is mapped,
/// only bonds reachable from the mapped atoms through bonds still in play are counted (`connectedBound`).
///
/// The common substructure must be connected, so after the first pair only domains that touch the mapped
/// bonds are branched on. Ties on bonds are broken by more atoms (fewer ring closures), as RDKit does.
///
/// All working memory is allocated once per search (`deinit` frees it), the search stack included; the search
/// loop allocates nothing and does not recurse.
final class MCSSearch {
    struct Domain {
        var l: Int32
        var r: Int32
        var leftLength: Int32
        var rightLength: Int32
        var adjacent: Bool
    }

    // Inputs (left is the molecule whose rings `completeRingsOnly` checks).
    private let left: MCSGraph
    private let right: MCSGraph
    private let nL: Int
    private let nR: Int
    private let completeRings: Bool
    private let deadline: ContinuousClock.Instant?
    private let maximumAtoms: Int

    // Working memory.
    private let lBegin: UnsafeMutablePointer<Int32>
    private let lEnd: UnsafeMutablePointer<Int32>
    private let rBegin: UnsafeMutablePointer<Int32>
    private let rEnd: UnsafeMutablePointer<Int32>
    private let lAtomKey: UnsafeMutablePointer<UInt64>
    private let rAtomKey: UnsafeMutablePointer<UInt64>
    private let leftOrder: UnsafeMutablePointer<Int32>
    private let rightOrder: UnsafeMutablePointer<Int32>
    private let lRank: UnsafeMutablePointer<Int32>
    private let rRank: UnsafeMutablePointer<Int32>
    /// The domain lists of all levels, as one stack: level k's list starts where level k - 1's ends
    /// (`Frame.start`). Grows when a refinement needs more room, so memory follows the domains actually
    /// created, not the worst case.
    private var domains: UnsafeMutablePointer<Domain>
    private var domainCapacity: Int
    private let frames: UnsafeMutablePointer<Frame>
    private let lAtomMap: UnsafeMutablePointer<Int32>
    private let rAtomMap: UnsafeMutablePointer<Int32>
    private let lAtomUse: UnsafeMutablePointer<Int32>
    /// The mapped left atoms, in the order they were mapped.
    private let currentAtoms: UnsafeMutablePointer<Int32>
    private let currentLeft: UnsafeMutablePointer<Int32>
    private let currentRight: UnsafeMutablePointer<Int32>
    private let bestLeft: UnsafeMutablePointer<Int32>
    private let bestRight: UnsafeMutablePointer<Int32>
    private let bestAtomLeft: UnsafeMutablePointer<Int32>
    private let bestAtomRight: UnsafeMutablePointer<Int32>
    private let leftInSolution: UnsafeMutablePointer<Bool>
    private let ringMark: UnsafeMutablePointer<UInt8>
    /// Per left bond: the stamp of the last `ringsCanClose` check that found it still in a domain.
    private let aliveStamp: UnsafeMutablePointer<UInt32>
    private var stamp: UInt32 = 0
    // Connectivity bound: bonds at each atom (CSR), and per-search stamps for reachability.
    private let lIncidenceOffsets: UnsafeMutablePointer<Int32>
    private let lIncidence: UnsafeMutablePointer<Int32>
    private let rIncidenceOffsets: UnsafeMutablePointer<Int32>
    private let rIncidence: UnsafeMutablePointer<Int32>
    private let lBondMark: UnsafeMutablePointer<UInt32>
    private let rBondMark: UnsafeMutablePointer<UInt32>
    private let lAtomMark: UnsafeMutablePointer<UInt32>
    private let rAtomMark: UnsafeMutablePointer<UInt32>
    private let atomQueue: UnsafeMutablePointer<Int32>
    private var reachStamp: UInt32 = 0
    private let capacity: Int

    // Search state.
    private var mapped = 0
    private var atoms = 0
    private(set) var bestBonds = 0
    private(set) var bestAtoms = 0
    /// Whether `bestBonds`/`bestAtoms` describe a mapping found (not the floor set by `minimumBonds`).
    private(set) var found = false
    private(set) var nodes = 0
    private(set) var timedOut = false

    /// `minimumBonds` > 0 makes the search ignore (and prune) everything smaller: `bestBonds` stays below it
    /// when nothing that large exists.
    init(left: MCSGraph, right: MCSGraph, options: MCSOptions, deadline: ContinuousClock.Instant?, minimumBonds: Int = 0) {
        if minimumBonds > 0 {
            bestBonds = minimumBonds - 1
            bestAtoms = Int.max
        }
        self.left = left
        self.right = right
        nL = left.bondCount
        nR = right.bondCount
        completeRings = options.completeRingsOnly
        self.deadline = deadline
        maximumAtoms = min(left.atomCount, right.atomCount)
        capacity = min(nL, nR)
        lBegin = .allocate(capacity: max(nL, 1))
        lEnd = .allocate(capacity: max(nL, 1))
        rBegin = .allocate(capacity: max(nR, 1))
        rEnd = .allocate(capacity: max(nR, 1))
        lAtomKey = .allocate(capacity: max(left.atomCount, 1))
        rAtomKey = .allocate(capacity: max(right.atomCount, 1))
        leftOrder = .allocate(capacity: max(nL, 1))
        rightOrder = .allocate(capacity: max(nR, 1))
        lRank = .allocate(capacity: max(nL, 1))
        rRank = .allocate(capacity: max(nR, 1))
        domainCapacity = max(4 * (nL + 1), 64)
        domains = .allocate(capacity: domainCapacity)
        frames = .allocate(capacity: capacity + 2)
        lAtomMap = .allocate(capacity: max(left.atomCount, 1))
        rAtomMap = .allocate(capacity: max(right.atomCount, 1))
        lAtomUse = .allocate(capacity: max(left.atomCount, 1))
        currentAtoms = .allocate(capacity: max(left.atomCount, 1))
        currentLeft = .allocate(capacity: max(capacity, 1))
        currentRight = .allocate(capacity: max(capacity, 1))
        bestLeft = .allocate(capacity: max(capacity, 1))
        bestRight = .allocate(capacity: max(capacity, 1))
        bestAtomLeft = .allocate(capacity: max(maximumAtoms, 1))
        bestAtomRight = .allocate(capacity: max(maximumAtoms, 1))
        leftInSolution = .allocate(capacity: max(nL, 1))
        ringMark = .allocate(capacity: max(left.ringCount, 1))
        aliveStamp = .allocate(capacity: max(nL, 1))
        lIncidenceOffsets = .allocate(capacity: left.atomCount + 1)
        lIncidence = .allocate(capacity: max(2 * nL, 1))
        rIncidenceOffsets = .allocate(capacity: right.atomCount + 1)
        rIncidence = .allocate(capacity: max(2 * nR, 1))
        lBondMark = .allocate(capacity: max(2 * nL, 1))
        rBondMark = .allocate(capacity: max(2 * nR, 1))
        lAtomMark = .allocate(capacity: max(left.atomCount, 1))
        rAtomMark = .allocate(capacity: max(right.atomCount, 1))
        atomQueue = .allocate(capacity: max(left.atomCount, right.atomCount, 1))
        Self.incidence(left, offsets: lIncidenceOffsets, bonds: lIncidence)
        Self.incidence(right, offsets: rIncidenceOffsets, bonds: rIncidence)
        lBondMark.initialize(repeating: 0, count: max(2 * nL, 1))
        rBondMark.initialize(repeating: 0, count: max(2 * nR, 1))
        lAtomMark.initialize(repeating: 0, count: max(left.atomCount, 1))
        rAtomMark.initialize(repeating: 0, count: max(right.atomCount, 1))

        for i in 0..<nL {
            lBegin[i] = left.bondBegin[i]
            lEnd[i] = left.bondEnd[i]
            leftInSolution[i] = false
            aliveStamp[i] = 0
        }
        for i in 0..<nR { rBegin[i] = right.bondBegin[i]; rEnd[i] = right.bondEnd[i] }
        for a in 0..<left.atomCount { lAtomKey[a] = left.atomKeys[a]; lAtomMap[a] = -1; lAtomUse[a] = 0 }
        for a in 0..<right.atomCount { rAtomKey[a] = right.atomKeys[a]; rAtomMap[a] = -1 }
        for r in 0..<left.ringCount { ringMark[r] = 0 }
        // Rank: bonds with more neighbouring bonds first (they split domains most), then index order.
        Self.rank(left.lineDegree, into: lRank)
        Self.rank(right.lineDegree, into: rRank)
    }

    deinit {
        lBegin.deallocate(); lEnd.deallocate(); rBegin.deallocate(); rEnd.deallocate()
        lAtomKey.deallocate(); rAtomKey.deallocate()
        leftOrder.deallocate(); rightOrder.deallocate(); lRank.deallocate(); rRank.deallocate()
        domains.deallocate(); frames.deallocate()
        lAtomMap.deallocate(); rAtomMap.deallocate(); lAtomUse.deallocate()
        currentAtoms.deallocate(); currentLeft.deallocate(); currentRight.deallocate(); bestLeft.deallocate(); bestRight.deallocate()
        bestAtomLeft.deallocate(); bestAtomRight.deallocate()
        leftInSolution.deallocate(); ringMark.deallocate(); aliveStamp.deallocate()
        lIncidenceOffsets.deallocate(); lIncidence.deallocate(); rIncidenceOffsets.deallocate(); rIncidence.deallocate()
        lBondMark.deallocate(); rBondMark.deallocate(); lAtomMark.deallocate(); rAtomMark.deallocate()
        atomQueue.deallocate()
    }

    /// The bonds at each atom, as CSR.
    private static func incidence(_ g: MCSGraph, offsets: UnsafeMutablePointer<Int32>, bonds: UnsafeMutablePointer<Int32>) {
        for a in 0...g.atomCount { offsets[a] = 0 }
        for b in 0..<g.bondCount {
            offsets[Int(g.bondBegin[b]) + 1] += 1
            offsets[Int(g.bondEnd[b]) + 1] += 1
        }
        for a in 0..<g.atomCount { offsets[a + 1] += offsets[a] }
        var fill = [Int32](repeating: 0, count: g.atomCount)
        for b in 0..<g.bondCount {
            for a in [Int(g.bondBegin[b]), Int(g.bondEnd[b])] {
                bonds[Int(offsets[a] + fill[a])] = Int32(b)
                fill[a] += 1
            }
        }
    }

    private static func rank(_ degree: [Int32], into rank: UnsafeMutablePointer<Int32>) {
        let order = degree.indices.sorted { degree[$0] != degree[$1] ? degree[$0] > degree[$1] : $0 < $1 }
        for (position, vertex) in order.enumerated() { rank[vertex] = Int32(position) }
    }

    /// The best mapping found: left and right bond indices, pairwise.
    var bestBondPairs: [(left: Int, right: Int)] {
        (0..<bestBonds).map { (Int(bestLeft[$0]), Int(bestRight[$0])) }
    }

    /// The best mapping's atoms: left and right atom indices, pairwise.
    var bestAtomPairs: [(left: Int, right: Int)] {
        (0..<bestAtoms).map { (Int(bestAtomLeft[$0]), Int(bestAtomRight[$0])) }
    }

    /// Runs the search to the end or to the deadline.
    func run() {
        guard nL > 0, nR > 0 else { return }
        // Initial domains: left and right bonds grouped by label, one domain per label present on both sides.
        let leftSorted = (0..<nL).sorted { left.vertexLabels[$0] < left.vertexLabels[$1] }
        let rightSorted = (0..<nR).sorted { right.vertexLabels[$0] < right.vertexLabels[$1] }
        var count = 0
        var i = 0
        var j = 0
        var lFill = 0
        var rFill = 0
        while i < nL && j < nR {
            let a = left.vertexLabels[leftSorted[i]]
            let b = right.vertexLabels[rightSorted[j]]
            if a < b { i += 1; continue }
            if b < a { j += 1; continue }
            let lStart = lFill
            let rStart = rFill
            while i < nL && left.vertexLabels[leftSorted[i]] == a {
                leftOrder[lFill] = Int32(leftSorted[i]); lFill += 1; i += 1
            }
            while j < nR && right.vertexLabels[rightSorted[j]] == a {
                rightOrder[rFill] = Int32(rightSorted[j]); rFill += 1; j += 1
            }
            domains[count] = Domain(
                l: Int32(lStart), r: Int32(rStart), leftLength: Int32(lFill - lStart),
                rightLength: Int32(rFill - rStart), adjacent: false)
            count += 1
        }
        guard count > 0 else { return }
        search(initialCount: count)
    }

    /// One level of the search's own stack; level k has k bonds mapped. The search keeps its own stack so
    /// that a molecule with thousands of bonds cannot overflow the thread's.
    struct Frame {
        enum Stage: UInt8 {
            /// Count the node, record the mapping if it is the best so far.
            case enter
            /// Bound, then choose the domain and the left bond v to branch on.
            case choose
            /// Take the next right bond w for v (or, when none is left, leave v out).
            case nextRight
            /// Map v to w in the next orientation the atoms allow, and descend.
            case nextOrientation
            /// Back from below: undo the mapping of v.
            case returned
        }

        var stage: Stage
        /// Where this level's domain list starts in `domains`, and how many domains it has.
        var start: Int32
        var count: Int32
        var chosen: Int32 = 0
        var v: Int32 = 0
        var w: Int32 = 0
        var rightTotal: Int32 = 0
        var previousRank: Int32 = -1
        var orientation: Int32 = 0
        // What the mapping below this frame changed, to undo it.
        var x: Int32 = 0
        var y: Int32 = 0
        var added: Int32 = 0

        init(start: Int, count: Int) {
            stage = .enter
            self.start = Int32(start)
            self.count = Int32(count)
        }
    }

    /// Explores every extension of the empty mapping, depth first, whose level-0 domains are the first
    /// `initialCount` of `domains`.
    private func search(initialCount: Int) {
        var level = 0
        frames[0] = Frame(start: 0, count: initialCount)
        while level >= 0 {
            let base = domains + Int(frames[level].start)
            switch frames[level].stage {
            case .enter:
                nodes &+= 1
                if nodes & 255 == 0, let deadline, ContinuousClock.now >= deadline {
                    timedOut = true
                    return
                }
                if mapped > bestBonds || (mapped == bestBonds && atoms > bestAtoms) {
                    if !completeRings || ringsAreClosed() { recordBest() }
                }
                frames[level].stage = .choose

            case .choose:
                if choose(&frames[level], base) {
                    frames[level].stage = .nextRight
                } else {
                    level -= 1  // nothing better below: back to the parent, which undoes its mapping
                }

            case .nextRight:
                if nextRight(&frames[level], base) {
                    frames[level].orientation = 0
                    frames[level].stage = .nextOrientation
                } else {
                    // Every w tried; now leave v out (it stays out of its domain below this level).
                    let chosen = Int(frames[level].chosen)
                    base[chosen].rightLength += 1
                    if base[chosen].leftLength == 0 {
                        frames[level].count -= 1
                        base[chosen] = base[Int(frames[level].count)]
                    }
                    frames[level].stage = .choose
                }

            case .nextOrientation:
                let f = frames[level]
                guard let (x, y, p, q) = orientation(Int(f.v), Int(f.w), Int(f.orientation)) else {
                    frames[level].stage = .nextRight
                    continue
                }
                frames[level].orientation += 1
                let added = map(v: Int(f.v), w: Int(f.w), x: x, y: y, p: p, q: q)
                frames[level].x = Int32(x)
                frames[level].y = Int32(y)
                frames[level].added = Int32(added)
                frames[level].stage = .returned
                // The children go right after this level's list; each domain splits into at most three.
                let childStart = Int(f.start) + Int(f.count)
                reserveDomains(childStart + min(3 * Int(f.count), nL))
                let parent = domains + Int(f.start)
                let childCount = refine(parent, Int(f.count), into: domains + childStart, x: x, y: y, p: p, q: q)
                level += 1
                frames[level] = Frame(start: childStart, count: childCount)

            case .returned:
                let f = frames[level]
                unmap(v: Int(f.v), x: Int(f.x), y: Int(f.y), added: Int(f.added))
                frames[level].stage = .nextOrientation
            }
        }
    }

    /// Makes room for `needed` domains in the stack (moving it when it grows).
    private func reserveDomains(_ needed: Int) {
        guard needed > domainCapacity else { return }
        let grown = max(needed, 2 * domainCapacity)
        let moved = UnsafeMutablePointer<Domain>.allocate(capacity: grown)
        moved.moveInitialize(from: domains, count: domainCapacity)
        domains.deallocate()
        domains = moved
        domainCapacity = grown
    }

    /// Bounds the current mapping and, when something better may lie below, chooses the domain and the
    /// left bond v to branch on (taken out of its domain). Returns false when the level is finished.
    private func choose(_ frame: inout Frame, _ base: UnsafeMutablePointer<Domain>) -> Bool {
        let count = Int(frame.count)
        // Bound: every domain adds at most its smaller side. Domains touching the mapped atoms are
        // reachable as they are; the others only through bonds still in play (see `connectedBound`).
        var touching = mapped
        var loose = 0
        for d in 0..<count {
            let m = Int(min(base[d].leftLength, base[d].rightLength))
            if base[d].adjacent { touching += m } else { loose += m }
        }
        let bound = touching + loose
        if bound < bestBonds { return false }
        if bound == bestBonds {
            let atomBound = min(maximumAtoms, atoms + (bound - mapped) + (mapped == 0 ? 1 : 0))
            if atomBound <= bestAtoms { return false }
        }
        if mapped > 0 && loose > 0 && touching <= bestBonds {
            let connected = connectedBound(base, count)
            if connected < bestBonds { return false }
            if connected == bestBonds && min(maximumAtoms, atoms + (connected - mapped)) <= bestAtoms { return false }
        }
        if completeRings && mapped > 0 && !ringsCanClose(base, count) { return false }

        // The domain (touching the mapped bonds, once there are any) with the smallest larger side.
        var chosen = -1
        var chosenSize = Int32.max
        for d in 0..<count where base[d].leftLength > 0 && base[d].rightLength > 0 {
            if mapped > 0 && !base[d].adjacent { continue }
            let size = max(base[d].leftLength, base[d].rightLength)
            if size < chosenSize { chosenSize = size; chosen = d }
        }
        if chosen < 0 { return false }

        // Its left bond of best rank, moved to the end of the domain and taken out.
        let dl = Int(base[chosen].l)
        let leftLength = Int(base[chosen].leftLength)
        var vPosition = dl
        for p in dl..<(dl + leftLength) where lRank[Int(leftOrder[p])] < lRank[Int(leftOrder[vPosition])] {
            vPosition = p
        }
        let v = leftOrder[vPosition]
        leftOrder[vPosition] = leftOrder[dl + leftLength - 1]
        leftOrder[dl + leftLength - 1] = v
        base[chosen].leftLength -= 1

        frame.chosen = Int32(chosen)
        frame.v = v
        frame.rightTotal = base[chosen].rightLength
        frame.previousRank = -1
        base[chosen].rightLength -= 1  // the w being tried sits at the end, out of the domain
        return true
    }

    /// The next right bond of the chosen domain in rank order, moved to the domain's end. False when all
    /// have been tried.
    private func nextRight(_ frame: inout Frame, _ base: UnsafeMutablePointer<Domain>) -> Bool {
        let dr = Int(base[Int(frame.chosen)].r)
        let total = Int(frame.rightTotal)
        var wPosition = -1
        var wRank = Int32.max
        for p in dr..<(dr + total) {
            let rank = rRank[Int(rightOrder[p])]
            if rank > frame.previousRank && rank < wRank { wRank = rank; wPosition = p }
        }
        if wPosition < 0 { return false }
        frame.previousRank = wRank
        let w = rightOrder[wPosition]
        rightOrder[wPosition] = rightOrder[dr + total - 1]
        rightOrder[dr + total - 1] = w
        frame.w = w
        return true
    }

    /// The k-th way to lay v = (a, b) onto w = (c, d) as x → p, y → q: fixed by an end already mapped,
    /// otherwise each orientation whose atom classes agree (the first bond of a mapping).
    private func orientation(_ v: Int, _ w: Int, _ k: Int) -> (Int, Int, Int, Int)? {
        let a = Int(lBegin[v]), b = Int(lEnd[v])
        let c = Int(rBegin[w]), d = Int(rEnd[w])
        if lAtomMap[a] >= 0 {
            let pa = Int(lAtomMap[a])
            return k == 0 ? (a, b, pa, pa == c ? d : c) : nil
        }
        if lAtomMap[b] >= 0 {
            let pb = Int(lAtomMap[b])
            return k == 0 ? (b, a, pb, pb == c ? d : c) : nil
        }
        var index = 0
        if lAtomKey[a] == rAtomKey[c] && lAtomKey[b] == rAtomKey[d] {
            if k == index { return (a, b, c, d) }
            index += 1
        }
        if lAtomKey[a] == rAtomKey[d] && lAtomKey[b] == rAtomKey[c] && k == index { return (a, b, d, c) }
        return nil
    }

    /// Maps v = (x, y) to w = (p, q) with x → p and y → q; returns how many atoms were newly mapped.
    private func map(v: Int, w: Int, x: Int, y: Int, p: Int, q: Int) -> Int {
        var added = 0
        if lAtomUse[x] == 0 {
            lAtomMap[x] = Int32(p); rAtomMap[p] = Int32(x)
            currentAtoms[atoms + added] = Int32(x)
            added += 1
        }
        lAtomUse[x] += 1
        if lAtomUse[y] == 0 {
            lAtomMap[y] = Int32(q); rAtomMap[q] = Int32(y)
            currentAtoms[atoms + added] = Int32(y)
            added += 1
        }
        lAtomUse[y] += 1
        currentLeft[mapped] = Int32(v)
        currentRight[mapped] = Int32(w)
        leftInSolution[v] = true
        mapped += 1
        atoms += added
        return added
    }

    private func unmap(v: Int, x: Int, y: Int, added: Int) {
        mapped -= 1
        atoms -= added
        leftInSolution[v] = false
        lAtomUse[x] -= 1
        if lAtomUse[x] == 0 { rAtomMap[Int(lAtomMap[x])] = -1; lAtomMap[x] = -1 }
        lAtomUse[y] -= 1
        if lAtomUse[y] == 0 { rAtomMap[Int(lAtomMap[y])] = -1; lAtomMap[y] = -1 }
    }

    /// Splits each of the parent's domains into bonds touching x (p), touching y (q), and the rest, writing
    /// the non-empty pairs as the next level's domains; returns their number.
    private func refine(
        _ parent: UnsafeMutablePointer<Domain>, _ count: Int, into child: UnsafeMutablePointer<Domain>, x: Int, y: Int,
        p: Int, q: Int
    ) -> Int {
        var childCount = 0
        let x32 = Int32(x), y32 = Int32(y), p32 = Int32(p), q32 = Int32(q)
        for d in 0..<count {
            let domain = parent[d]
            if domain.leftLength == 0 || domain.rightLength == 0 { continue }
            let l = Int(domain.l), r = Int(domain.r)
            let (l1, l2) = partition(leftOrder, l, Int(domain.leftLength), lBegin, lEnd, x32, y32)
            let (r1, r2) = partition(rightOrder, r, Int(domain.rightLength), rBegin, rEnd, p32, q32)
            let l0 = Int(domain.leftLength) - l1 - l2
            let r0 = Int(domain.rightLength) - r1 - r2
            if l1 > 0 && r1 > 0 {
                child[childCount] = Domain(l: Int32(l), r: Int32(r), leftLength: Int32(l1), rightLength: Int32(r1), adjacent: true)
                childCount += 1
            }
            if l2 > 0 && r2 > 0 {
                child[childCount] = Domain(
                    l: Int32(l + l1), r: Int32(r + r1), leftLength: Int32(l2), rightLength: Int32(r2), adjacent: true)
                childCount += 1
            }
            if l0 > 0 && r0 > 0 {
                child[childCount] = Domain(
                    l: Int32(l + l1 + l2), r: Int32(r + r1 + r2), leftLength: Int32(l0), rightLength: Int32(r0),
                    adjacent: domain.adjacent)
                childCount += 1
            }
        }
        return childCount
    }

    /// Reorders `order[start ..< start + length]` as: bonds touching `a`, bonds touching `b`, the rest, and
    /// returns the sizes of the first two groups.
    @inline(__always)
    private func partition(
        _ order: UnsafeMutablePointer<Int32>, _ start: Int, _ length: Int, _ begin: UnsafeMutablePointer<Int32>,
        _ end: UnsafeMutablePointer<Int32>, _ a: Int32, _ b: Int32
    ) -> (Int, Int) {
        // Three-way partition (Dijkstra's flag): [start, low) touch a, [low, mid) touch b, [high, end) rest.
        var low = start
        var mid = start
        var high = start + length
        while mid < high {
            let e = Int(order[mid])
            let u = begin[e], v = end[e]
            if u == a || v == a {
                let t = order[low]; order[low] = order[mid]; order[mid] = t
                low += 1
                mid += 1
            } else if u == b || v == b {
                mid += 1
            } else {
                high -= 1
                let t = order[high]; order[high] = order[mid]; order[mid] = t
            }
        }
        return (low - start, mid - low)
    }

    private func recordBest() {
        found = true
        bestBonds = mapped
        bestAtoms = atoms
        for i in 0..<mapped { bestLeft[i] = currentLeft[i]; bestRight[i] = currentRight[i] }
        for i in 0..<atoms {
            bestAtomLeft[i] = currentAtoms[i]
            bestAtomRight[i] = lAtomMap[Int(currentAtoms[i])]
        }
    }

    /// A tighter bound once something is mapped: the substructure stays connected, so only bonds that can
    /// be reached from the mapped atoms through bonds still in some domain (on each side) can be added.
    /// Counts, per domain, the smaller of its reachable left and right bonds.
    private func connectedBound(_ base: UnsafeMutablePointer<Domain>, _ count: Int) -> Int {
        reachStamp &+= 2
        if reachStamp < 2 {
            lBondMark.update(repeating: 0, count: max(2 * nL, 1))
            rBondMark.update(repeating: 0, count: max(2 * nR, 1))
            lAtomMark.update(repeating: 0, count: max(left.atomCount, 1))
            rAtomMark.update(repeating: 0, count: max(right.atomCount, 1))
            reachStamp = 2
        }
        let alive = reachStamp &- 1  // bond is in a usable domain
        let reached = reachStamp  // bond is reachable
        // The left side (the smaller molecule) first: often it alone settles the question.
        var d = 0
        while d < count {
            let domain = base[d]
            d &+= 1
            if domain.leftLength > 0 && domain.rightLength > 0 {
                mark(leftOrder + Int(domain.l), Int(domain.leftLength), lBondMark, alive)
            }
        }
        reach(currentLeft, lBegin, lEnd, lIncidenceOffsets, lIncidence, lBondMark, lAtomMark, alive, reached)
        var leftBound = mapped
        d = 0
        while d < count {
            let domain = base[d]
            d &+= 1
            if domain.leftLength == 0 || domain.rightLength == 0 { continue }
            let cl = domain.adjacent ? Int(domain.leftLength) : countMarked(leftOrder + Int(domain.l), Int(domain.leftLength), lBondMark, reached)
            leftBound &+= min(cl, Int(domain.rightLength))
        }
        if leftBound < bestBonds || (leftBound == bestBonds && atoms + (leftBound - mapped) <= bestAtoms) {
            return leftBound
        }
        // Then the right side, counting only domains with reachable left bonds.
        d = 0
        while d < count {
            let domain = base[d]
            d &+= 1
            if domain.leftLength > 0 && domain.rightLength > 0 {
                mark(rightOrder + Int(domain.r), Int(domain.rightLength), rBondMark, alive)
            }
        }
        reach(currentRight, rBegin, rEnd, rIncidenceOffsets, rIncidence, rBondMark, rAtomMark, alive, reached)
        var bound = mapped
        d = 0
        while d < count {
            let domain = base[d]
            d &+= 1
            if domain.leftLength == 0 || domain.rightLength == 0 { continue }
            if domain.adjacent {
                bound &+= Int(min(domain.leftLength, domain.rightLength))
                continue
            }
            let cl = countMarked(leftOrder + Int(domain.l), Int(domain.leftLength), lBondMark, reached)
            if cl == 0 { continue }
            let cr = countMarked(rightOrder + Int(domain.r), Int(domain.rightLength), rBondMark, reached)
            bound &+= min(cl, cr)
        }
        return bound
    }

    @inline(__always)
    private func mark(_ list: UnsafeMutablePointer<Int32>, _ count: Int, _ marks: UnsafeMutablePointer<UInt32>, _ value: UInt32) {
        var i = 0
        while i < count {
            marks[Int(list[i])] = value
            i &+= 1
        }
    }

    @inline(__always)
    private func countMarked(
        _ list: UnsafeMutablePointer<Int32>, _ count: Int, _ marks: UnsafeMutablePointer<UInt32>, _ value: UInt32
    ) -> Int {
        var n = 0
        var i = 0
        while i < count {
            if marks[Int(list[i])] == value { n &+= 1 }
            i &+= 1
        }
        return n
    }

    /// Marks `reached` the usable (`alive`) bonds reachable from the mapped bonds' atoms, breadth first.
    @inline(__always)
    private func reach(
        _ mappedBonds: UnsafeMutablePointer<Int32>, _ begin: UnsafeMutablePointer<Int32>, _ end: UnsafeMutablePointer<Int32>,
        _ offsets: UnsafeMutablePointer<Int32>, _ incidence: UnsafeMutablePointer<Int32>, _ bondMark: UnsafeMutablePointer<UInt32>,
        _ atomMark: UnsafeMutablePointer<UInt32>, _ alive: UInt32, _ reached: UInt32
    ) {
        var head = 0, tail = 0
        var i = 0
        while i < mapped {
            let b = Int(mappedBonds[i])
            enqueue(begin[b], atomMark, reached, &tail)
            enqueue(end[b], atomMark, reached, &tail)
            i &+= 1
        }
        while head < tail {
            let a = Int(atomQueue[head])
            head &+= 1
            var k = Int(offsets[a])
            let last = Int(offsets[a &+ 1])
            while k < last {
                let b = Int(incidence[k])
                k &+= 1
                guard bondMark[b] == alive else { continue }
                bondMark[b] = reached
                let u = begin[b]
                enqueue(Int(u) == a ? end[b] : u, atomMark, reached, &tail)
            }
        }
    }

    @inline(__always)
    private func enqueue(_ atom: Int32, _ mark: UnsafeMutablePointer<UInt32>, _ reached: UInt32, _ tail: inout Int) {
        if mark[Int(atom)] == reached { return }
        mark[Int(atom)] = reached
        atomQueue[tail] = atom
        tail += 1
    }

    /// Whether some extension can still pass `ringsAreClosed`: a ring entered through one of its own
    /// (unshared) bonds needs all its unshared bonds, so if one of them is neither mapped nor left in any
    /// domain, no extension of this mapping is acceptable.
    private func ringsCanClose(_ base: UnsafeMutablePointer<Domain>, _ count: Int) -> Bool {
        stamp &+= 1
        if stamp == 0 {
            for i in 0..<nL { aliveStamp[i] = 0 }
            stamp = 1
        }
        for d in 0..<count where base[d].rightLength > 0 {
            let l = Int(base[d].l)
            for p in l..<(l + Int(base[d].leftLength)) { aliveStamp[Int(leftOrder[p])] = stamp }
        }
        for i in 0..<mapped {
            let b = Int(currentLeft[i])
            let first = Int(left.bondRingOffsets[b])
            guard Int(left.bondRingOffsets[b + 1]) - first == 1 else { continue }
            let r = Int(left.bondRings[first])
            for k in Int(left.ringOffsets[r])..<Int(left.ringOffsets[r + 1]) {
                let e = Int(left.ringBonds[k])
                if leftInSolution[e] || aliveStamp[e] == stamp { continue }
                if left.bondRingOffsets[e + 1] - left.bondRingOffsets[e] == 1 { return false }
            }
        }
        return true
    }

    /// RDKit's test that the left molecule's rings are complete in the current mapping
    /// (`checkIfRingsAreClosed` in FMCS): every ring reached by a bond that lies in that ring only must be
    /// present whole, except for bonds it shares with another such ring; a mapping that reaches rings only
    /// through fused bonds must contain one of those rings whole.
    private func ringsAreClosed() -> Bool {
        let ringCount = left.ringCount
        if ringCount == 0 { return true }
        var anyPrivate = false
        for i in 0..<mapped {
            let b = Int(currentLeft[i])
            let first = Int(left.bondRingOffsets[b])
            if Int(left.bondRingOffsets[b + 1]) - first == 1 {
                ringMark[Int(left.bondRings[first])] = 1
                anyPrivate = true
            }
        }
        var closed = true
        if anyPrivate {
            ringLoop: for r in 0..<ringCount where ringMark[r] == 1 {
                for k in Int(left.ringOffsets[r])..<Int(left.ringOffsets[r + 1]) {
                    let b = Int(left.ringBonds[k])
                    if leftInSolution[b] { continue }
                    var shared = false
                    for s in Int(left.bondRingOffsets[b])..<Int(left.bondRingOffsets[b + 1]) {
                        let other = Int(left.bondRings[s])
                        if other != r && ringMark[other] == 1 { shared = true; break }
                    }
                    if !shared { closed = false; break ringLoop }
                }
            }
        } else {
            var anyFused = false
            for i in 0..<mapped {
                let b = Int(currentLeft[i])
                let first = Int(left.bondRingOffsets[b])
                let last = Int(left.bondRingOffsets[b + 1])
                if last - first > 1 {
                    anyFused = true
                    for s in first..<last { ringMark[Int(left.bondRings[s])] = 2 }
                }
            }
            if anyFused {
                closed = false
                ringLoop: for r in 0..<ringCount where ringMark[r] == 2 {
                    for k in Int(left.ringOffsets[r])..<Int(left.ringOffsets[r + 1])
                    where !leftInSolution[Int(left.ringBonds[k])] {
                        continue ringLoop
                    }
                    closed = true
                    break
                }
            }
        }
        for r in 0..<ringCount { ringMark[r] = 0 }
        return closed
    }
}
