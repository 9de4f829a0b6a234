/// What every search over one target shares: the target, the compiled query and the options.
struct MatchEnvironment {
    let target: MatchTarget
    let query: SubstructureQuery.Compiled
    let useChirality: Bool
}

/// Answers of recursive sub-patterns per target atom, computed on first use, with the searches that compute
/// them (kept between questions so their buffers are reused). Allocates nothing until a sub-pattern is asked
/// about.
struct RecursiveMemo {
    /// `answers[graph * atomCount + atom]`: 0 unknown, 1 matches, 2 does not.
    private var answers: [UInt8] = []
    private var searches: [GraphSearch?] = []

    init() {}

    /// Whether sub-pattern `graph` matches with its first atom on target atom `atom`.
    mutating func matches(graph: Int, atom: Int, _ env: MatchEnvironment) -> Bool {
        let atomCount = env.target.atomCount
        if answers.isEmpty {
            answers = [UInt8](repeating: 0, count: env.query.graphs.count * atomCount)
            searches = [GraphSearch?](repeating: nil, count: env.query.graphs.count)
        }
        let key = graph * atomCount + atom
        let cached = answers[key]
        if cached != 0 { return cached == 1 }
        let search: GraphSearch
        if let existing = searches[graph] {
            search = existing
        } else {
            search = GraphSearch(graph: env.query.graphs[graph], plan: env.query.selectivePlans[graph], targetCount: atomCount)
            searches[graph] = search
        }
        search.restart(root: Int32(atom))
        let found = search.next(env, &self)
        answers[key] = found ? 1 : 2
        return found
    }
}

/// A resumable depth-first search for the mappings of one query graph into one target (VF2-style: candidates
/// for each query atom come from the neighbours of an already mapped atom, every query bond to a mapped atom
/// is checked at once, and atom tests are memoised per query atom and target atom).
///
/// All state is in plain buffers allocated once per search and freed with it, so the inner loop reads and
/// writes them without reference counting, uniqueness or bounds checks (every index is below the counts the
/// buffers were made for: query atoms, target atoms, and their product); a step allocates nothing. The search
/// is an explicit loop with a cursor per depth, so large queries cannot overflow the stack and `next` can stop
/// after each mapping and resume later.
final class GraphSearch {
    let graph: QueryGraph
    let plan: MatchPlan
    let queryCount: Int
    let targetCount: Int
    private let checksStereo: Bool
    /// One allocation holds all the working memory: `mapped`, `owner` and `cursors` (Int32), then
    /// `compatibility` (bytes).
    private let memory: UnsafeMutableRawPointer
    /// Query atom -> target atom, -1 when unmapped.
    private let mapped: UnsafeMutablePointer<Int32>
    /// Target atom -> query atom, -1 when free.
    private let owner: UnsafeMutablePointer<Int32>
    /// Per depth: next candidate position and its end.
    private let cursors: UnsafeMutablePointer<Int32>
    /// `query * targetCount + target`: 0 unknown, 1 compatible, 2 not.
    private let compatibility: UnsafeMutablePointer<UInt8>
    /// Depth of the last mapping returned, -1 before the first.
    private var depth = -1
    private var exhausted = false
    /// For anchored searches (recursive SMARTS): the only target atom the first plan step may take.
    private var root: Int32 = -1
    /// The first target atom the plan's first step tries (the screen has ruled out the ones before).
    private var firstCandidate: Int32 = 0

    init(graph: QueryGraph, plan: MatchPlan, targetCount: Int) {
        self.graph = graph
        self.plan = plan
        queryCount = graph.atomCount
        self.targetCount = targetCount
        checksStereo = graph.hasStereo
        let q = Swift.max(1, queryCount)
        let t = Swift.max(1, targetCount)
        let words = 3 * q + t
        memory = .allocate(byteCount: 4 * words + q * t, alignment: 4)
        let words32 = memory.bindMemory(to: Int32.self, capacity: words)
        mapped = words32
        owner = words32 + q
        cursors = words32 + q + t
        mapped.initialize(repeating: -1, count: q + t)
        cursors.initialize(repeating: 0, count: 2 * q)
        compatibility = (memory + 4 * words).bindMemory(to: UInt8.self, capacity: q * t)
        compatibility.initialize(repeating: 0, count: q * t)
    }

    deinit {
        memory.deallocate()
    }

    /// Starts the plan's first step at target atom `atom` instead of 0 (every atom before it is known not to
    /// fit the first query atom).
    func skipFirstCandidates(to atom: Int) {
        firstCandidate = Int32(atom)
    }

    /// The current mapping: the target atom of each query atom.
    var core: [Int32] { Array(mappedAtoms) }

    /// The current mapping read in place (valid until the search moves on), so counting allocates nothing
    /// per mapping.
    var mappedAtoms: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(start: mapped, count: queryCount) }

    /// Starts over, with the plan's first atom pinned to `root` (or free when `root` is -1). Memoised atom
    /// tests are kept: they do not depend on the root.
    func restart(root: Int32) {
        for q in 0..<queryCount where mapped[q] >= 0 {
            owner[Int(mapped[q])] = -1
            mapped[q] = -1
        }
        self.root = root
        depth = -1
        exhausted = false
    }

    /// Advances to the next complete mapping; false when there are no more.
    func next(_ env: MatchEnvironment, _ memo: inout RecursiveMemo) -> Bool {
        let n = queryCount
        guard n > 0, n <= targetCount, !exhausted else { return false }
        var d: Int
        if depth < 0 {
            d = 0
            startCursor(0, env)
        } else {
            d = n - 1
            unassign(Int(plan.order[d]))
        }
        while d >= 0 {
            let t = nextCandidate(d, env, &memo)
            if t >= 0 {
                assign(Int(plan.order[d]), t)
                if d == n - 1 {
                    if !env.useChirality || !checksStereo || stereoIsSatisfied(env) {
                        depth = d
                        return true
                    }
                    unassign(Int(plan.order[d]))
                    continue
                }
                d += 1
                startCursor(d, env)
            } else {
                d -= 1
                if d >= 0 { unassign(Int(plan.order[d])) }
            }
        }
        depth = -1
        exhausted = true
        return false
    }

    private func stereoIsSatisfied(_ env: MatchEnvironment) -> Bool {
        MatchStereo.isSatisfied(graph, core, env.target)
    }

    @inline(__always)
    private func assign(_ q: Int, _ t: Int) {
        mapped[q] = Int32(t)
        owner[t] = Int32(q)
    }

    @inline(__always)
    private func unassign(_ q: Int) {
        owner[Int(mapped[q])] = -1
        mapped[q] = -1
    }

    @inline(__always)
    private func startCursor(_ d: Int, _ env: MatchEnvironment) {
        let a = Int(plan.anchor[d])
        let cursor = cursors + 2 * d
        if a < 0 {
            if d == 0 && root >= 0 {
                cursor[0] = root
                cursor[1] = root + 1
            } else {
                cursor[0] = d == 0 ? firstCandidate : 0
                cursor[1] = Int32(targetCount)
            }
        } else {
            let image = Int(mapped[a])
            cursor[0] = env.target.offsets[image]
            cursor[1] = env.target.offsets[image + 1]
        }
    }

    /// The next target atom step `d`'s query atom can take, or -1.
    private func nextCandidate(_ d: Int, _ env: MatchEnvironment, _ memo: inout RecursiveMemo) -> Int {
        let plan = self.plan
        let q = Int(plan.order[d])
        let anchored = plan.anchor[d] >= 0
        let first = Int(plan.backStart[d])
        let last = Int(plan.backStart[d + 1])
        let cursor = cursors + 2 * d
        let owner = self.owner
        let core = mapped
        let end = Int(cursor[1])
        var p = Int(cursor[0])
        while p < end {
            let t = anchored ? Int(env.target.adjacentAtoms[p]) : p
            let position = p
            p += 1
            if owner[t] >= 0 { continue }
            if !atomCompatible(q, t, env, &memo) { continue }
            if anchored && !bondCompatible(Int(plan.anchorBond[d]), Int(env.target.adjacentBonds[position]), q, t, env) {
                continue
            }
            var ok = true
            var k = first
            while k < last {
                let image = Int(core[Int(plan.backAtoms[k])])
                let bond = env.target.bond(between: t, and: image)
                if bond < 0 || !bondCompatible(Int(plan.backBonds[k]), bond, q, t, env) {
                    ok = false
                    break
                }
                k += 1
            }
            if ok {
                cursor[0] = Int32(p)
                return t
            }
        }
        cursor[0] = Int32(p)
        return -1
    }

    /// Whether query atom `q` may map to target atom `t` on its own (degree, chirality label, expression).
    @inline(__always)
    private func atomCompatible(_ q: Int, _ t: Int, _ env: MatchEnvironment, _ memo: inout RecursiveMemo) -> Bool {
        let slot = compatibility + (q * targetCount + t)
        let cached = slot.pointee
        if cached != 0 { return cached == 1 }
        let graph = self.graph
        var ok = Int(graph.atomDegree[q]) <= env.target.degree(t)
        if ok && env.useChirality && graph.atomChirality[q].isTetrahedral && !env.target.atoms[t].chirality.isTetrahedral {
            ok = false
        }
        if ok {
            ok = Self.evaluate(graph.atomNodes, Int(graph.atomExpressionStart[q]), t, env, &memo)
        }
        slot.pointee = ok ? 1 : 2
        return ok
    }

    /// Whether query bond `qb` (with its atom `q` on target atom `t`) matches target bond `tb`.
    @inline(__always)
    private func bondCompatible(_ qb: Int, _ tb: Int, _ q: Int, _ t: Int, _ env: MatchEnvironment) -> Bool {
        let graph = self.graph
        var forward = true
        if graph.bondHasDative[qb] {
            let begin = Int(graph.bondBegin[qb])
            let beginImage = begin == q ? t : Int(mapped[begin])
            forward = Int(env.target.bonds[tb].begin) == beginImage
        }
        return Self.evaluate(graph.bondNodes, Int(graph.bondExpressionStart[qb]), env.target.bonds[tb], tb, forward, env)
    }

    /// Evaluates the atom expression rooted at node `i` on target atom `t`.
    static func evaluate(_ nodes: [AtomNode], _ i: Int, _ t: Int, _ env: MatchEnvironment, _ memo: inout RecursiveMemo) -> Bool {
        let node = nodes[i]
        var result: Bool
        switch node.kind {
        case .and:
            result = true
            var child = i + 1
            let end = i + Int(node.span)
            while child < end {
                if !evaluate(nodes, child, t, env, &memo) {
                    result = false
                    break
                }
                child += Int(nodes[child].span)
            }
        case .or:
            result = false
            var child = i + 1
            let end = i + Int(node.span)
            while child < end {
                if evaluate(nodes, child, t, env, &memo) {
                    result = true
                    break
                }
                child += Int(nodes[child].span)
            }
        case .always:
            result = true
        case .range:
            let value = env.target.value(node.property, t)
            result = value >= Int(node.lower) && value <= Int(node.upper)
        case .atomType:
            let atom = env.target.atoms[t]
            result = Int32(atom.atomicNumber) == node.lower && (atom.isAromatic ? 1 : 0) == node.upper
        case .inRingOfSize:
            result = env.target.isInRing(t, ofSize: Int(node.lower))
        case .ringSizeRange:
            result = env.target.isInRing(t, sizeFrom: Int(node.lower), to: Int(node.upper))
        case .recursive:
            result = memo.matches(graph: Int(node.lower), atom: t, env)
        }
        return result != node.negated
    }

    /// Evaluates the bond expression rooted at node `i` on target bond `bond`; `forward` says whether the
    /// query bond's begin atom sits on the target bond's begin atom (dative bonds have a direction).
    static func evaluate(_ nodes: [BondNode], _ i: Int, _ bond: Bond, _ index: Int, _ forward: Bool, _ env: MatchEnvironment) -> Bool {
        let node = nodes[i]
        let aromatic = MatchTarget.isAromatic(bond)
        var result: Bool
        switch node.kind {
        case .and:
            result = true
            var child = i + 1
            let end = i + Int(node.span)
            while child < end {
                if !evaluate(nodes, child, bond, index, forward, env) {
                    result = false
                    break
                }
                child += Int(nodes[child].span)
            }
        case .or:
            result = false
            var child = i + 1
            let end = i + Int(node.span)
            while child < end {
                if evaluate(nodes, child, bond, index, forward, env) {
                    result = true
                    break
                }
                child += Int(nodes[child].span)
            }
        case .always: result = true
        case .single: result = !aromatic && bond.order == .single
        case .double: result = !aromatic && bond.order == .double
        case .triple: result = !aromatic && bond.order == .triple
        case .quadruple: result = !aromatic && bond.order == .quadruple
        case .aromatic: result = aromatic
        case .singleOrAromatic: result = aromatic || bond.order == .single
        case .dative: result = bond.order == .dative && forward == node.donorIsBegin
        case .zero: result = bond.order == .zero
        case .ring: result = env.target.rings.isInRing(bond: index)
        }
        return result != node.negated
    }
}
