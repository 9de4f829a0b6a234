/// The order in which a search maps query atoms, fixed once per query: step `k` maps `order[k]`, taking its
/// candidates from the target neighbours of the atom `anchor[k]` was mapped to (or from every target atom when
/// `anchor[k]` is -1, for the first atom of each query component), and checking the query bonds to atoms
/// mapped earlier.
///
/// Because which query atoms are mapped at each depth does not depend on the target, a plan is static: the
/// search keeps no per-step decisions, only a cursor per depth.
final class MatchPlan: Sendable {
    let order: [Int32]
    let anchor: [Int32]
    /// The query bond joining `order[k]` and `anchor[k]` (-1 when there is no anchor).
    let anchorBond: [Int32]
    /// Step `k`'s other bonds to earlier atoms are `backAtoms/backBonds[backStart[k]..<backStart[k + 1]]`.
    let backStart: [Int32]
    let backAtoms: [Int32]
    let backBonds: [Int32]

    private init(_ builder: Builder) {
        order = builder.order
        anchor = builder.anchor
        anchorBond = builder.anchorBond
        backStart = builder.backStart
        backAtoms = builder.backAtoms
        backBonds = builder.backBonds
    }

    /// The arrays while a plan is put together.
    private struct Builder {
        var order: [Int32] = []
        var anchor: [Int32] = []
        var anchorBond: [Int32] = []
        var backStart: [Int32] = [0]
        var backAtoms: [Int32] = []
        var backBonds: [Int32] = []

        mutating func append(_ atom: Int, anchor: Int, graph: QueryGraph, mapped: [Bool]) {
            order.append(Int32(atom))
            self.anchor.append(Int32(anchor))
            var anchorBondIndex: Int32 = -1
            for p in Int(graph.adjacencyOffsets[atom])..<Int(graph.adjacencyOffsets[atom + 1]) {
                let other = Int(graph.adjacentAtoms[p])
                guard mapped[other] else { continue }
                if other == anchor && anchorBondIndex < 0 {
                    anchorBondIndex = graph.adjacentBonds[p]
                } else {
                    backAtoms.append(Int32(other))
                    backBonds.append(graph.adjacentBonds[p])
                }
            }
            anchorBond.append(anchorBondIndex)
            backStart.append(Int32(backAtoms.count))
        }
    }

    /// The plan that visits mappings in exactly the order RDKit's VF2 does: query atom 0 first, then always
    /// the lowest-numbered unmapped atom bonded to a mapped one, candidates taken from the neighbours of the
    /// image of its first mapped neighbour (in bond order); a new component starts at its lowest atom and
    /// tries every target atom. With this order `maxMatches` caps and keeps the same mappings RDKit keeps.
    static func rdkitOrder(_ graph: QueryGraph) -> MatchPlan {
        var plan = Builder()
        let n = graph.atomCount
        var mapped = [Bool](repeating: false, count: n)
        var queued = [Bool](repeating: false, count: n)
        // Unmapped atoms bonded to mapped ones, lowest number first.
        var terminal = PlanHeap()
        var nextUnmapped = 0
        for _ in 0..<n {
            var next = -1
            while let top = terminal.pop() {
                if !mapped[top.atom] {
                    next = top.atom
                    break
                }
            }
            if next < 0 {
                while mapped[nextUnmapped] { nextUnmapped += 1 }
                next = nextUnmapped
            }
            var anchor = -1
            for p in Int(graph.adjacencyOffsets[next])..<Int(graph.adjacencyOffsets[next + 1]) where mapped[Int(graph.adjacentAtoms[p])] {
                anchor = Int(graph.adjacentAtoms[p])
                break
            }
            plan.append(next, anchor: anchor, graph: graph, mapped: mapped)
            mapped[next] = true
            for p in Int(graph.adjacencyOffsets[next])..<Int(graph.adjacencyOffsets[next + 1]) {
                let other = Int(graph.adjacentAtoms[p])
                if !mapped[other] && !queued[other] {
                    queued[other] = true
                    terminal.push(PlanHeap.Entry(bonds: 0, rarity: 0, atom: other))
                }
            }
        }
        return MatchPlan(plan)
    }

    /// A plan that fails fast: it starts each component at its rarest, most constrained atom (or at `root`,
    /// for recursive sub-patterns anchored on atom 0) and grows the mapped part through the atom with the
    /// most bonds to it, then the rarest. Built in O((atoms + bonds) log atoms), so huge queries compile fast.
    static func selective(_ graph: QueryGraph, root: Int? = nil) -> MatchPlan {
        var plan = Builder()
        let n = graph.atomCount
        let rarity = (0..<n).map { estimatedFrequency(graph, atom: $0) }
        // Component starts: rarest first, then most bonded, then lowest number.
        let starts = (0..<n).sorted {
            (rarity[$0], -graph.degree(of: $0), $0) < (rarity[$1], -graph.degree(of: $1), $1)
        }
        var nextStart = 0
        var mapped = [Bool](repeating: false, count: n)
        var bondsToMapped = [Int](repeating: 0, count: n)
        // Unmapped atoms bonded to mapped ones; an atom is pushed again whenever it gains a mapped neighbour,
        // and stale entries are skipped when popped.
        var frontier = PlanHeap()
        for placed in 0..<n {
            var next = -1
            while let top = frontier.pop() {
                if !mapped[top.atom] && -top.bonds == bondsToMapped[top.atom] {
                    next = top.atom
                    break
                }
            }
            if next < 0 {
                if placed == 0, let root {
                    next = root
                } else {
                    while mapped[starts[nextStart]] { nextStart += 1 }
                    next = starts[nextStart]
                }
            }
            // Candidates come from the mapped neighbour whose image has the fewest neighbours, which we
            // cannot know; take the rarest mapped neighbour (rare atoms tend to have few neighbours).
            var anchor = -1
            for p in Int(graph.adjacencyOffsets[next])..<Int(graph.adjacencyOffsets[next + 1]) {
                let other = Int(graph.adjacentAtoms[p])
                if mapped[other] && (anchor < 0 || rarity[other] < rarity[anchor]) { anchor = other }
            }
            plan.append(next, anchor: anchor, graph: graph, mapped: mapped)
            mapped[next] = true
            for p in Int(graph.adjacencyOffsets[next])..<Int(graph.adjacencyOffsets[next + 1]) {
                let other = Int(graph.adjacentAtoms[p])
                guard !mapped[other] else { continue }
                bondsToMapped[other] += 1
                frontier.push(PlanHeap.Entry(bonds: -bondsToMapped[other], rarity: rarity[other], atom: other))
            }
        }
        return MatchPlan(plan)
    }

    /// A rough share of drug-like atoms an atom expression matches, for ordering only.
    static func estimatedFrequency(_ graph: QueryGraph, atom: Int) -> Double {
        let expression = graph.atomExpression(atom)
        var frequency: Double
        switch expression.requiredAtomicNumber {
        case .some(6): frequency = 0.7
        case .some(7), .some(8): frequency = 0.12
        case .some(9), .some(16), .some(17): frequency = 0.02
        case .some(35), .some(53), .some(15): frequency = 0.005
        case .some(1): frequency = 0.002
        case .some: frequency = 0.001
        case .none: frequency = 1.0
        }
        // Every further primitive narrows the atom down a little.
        let primitives = expression.nodes.filter { $0.kind != .and && $0.kind != .or && $0.kind != .always }.count
        if primitives > 1 { frequency *= pow(0.7, Double(primitives - 1)) }
        return frequency
    }
}

/// A binary min-heap of plan candidates ordered by (bonds, rarity, atom); used only while plans are built.
private struct PlanHeap {
    struct Entry {
        /// Minus the number of bonds to mapped atoms (more bonds first), 0 when unused.
        var bonds: Int
        var rarity: Double
        var atom: Int

        func precedes(_ other: Entry) -> Bool {
            (bonds, rarity, atom) < (other.bonds, other.rarity, other.atom)
        }
    }

    private var entries: [Entry] = []

    mutating func push(_ entry: Entry) {
        entries.append(entry)
        var child = entries.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard entries[child].precedes(entries[parent]) else { break }
            entries.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Entry? {
        guard let first = entries.first else { return nil }
        let last = entries.removeLast()
        if !entries.isEmpty {
            entries[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var smallest = parent
                if left < entries.count && entries[left].precedes(entries[smallest]) { smallest = left }
                if right < entries.count && entries[right].precedes(entries[smallest]) { smallest = right }
                if smallest == parent { break }
                entries.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return first
    }
}

/// `x` to a small whole power, without Foundation.
private func pow(_ x: Double, _ n: Double) -> Double {
    var result = 1.0
    var k = Int(n)
    while k > 0 {
        result *= x
        k -= 1
    }
    return result
}
