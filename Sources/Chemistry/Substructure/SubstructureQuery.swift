/// A substructure query compiled once and matched against any number of molecules, from any number of
/// threads (it is an immutable value; each match keeps its own working state).
///
/// Build it from SMARTS (`init(smarts:)`, read as RDKit's `MolFromSmarts`) or from a molecule used as a query
/// (`init(molecule:)`, matched as RDKit matches a `MolFromSmiles` query). Matching follows RDKit's
/// `GetSubstructMatches`: the target is read as perceived (aromatic flags, rings, hydrogen counts), mappings
/// are listed by query atom, `uniquify` keeps one mapping per set of target atoms, and `max` (default 1000)
/// stops the search once that many (distinct, when uniquifying) matches are found, as RDKit's `maxMatches`.
public struct SubstructureQuery: Sendable {
    /// Everything matching reads: the graphs, their search plans, and what screens targets cheaply.
    final class Compiled: Sendable {
        /// `graphs[0]` is the query; the others are recursive sub-patterns.
        let graphs: [QueryGraph]
        /// Per graph, the fail-fast plan (for sub-patterns, rooted at their first atom).
        let selectivePlans: [MatchPlan]
        /// RDKit's visiting order for the query graph, used when the order decides the answer (which mappings
        /// are listed, and which one stands for each atom set).
        let rdkitPlan: MatchPlan
        let usesHybridization: Bool
        /// Elements other than carbon the query needs, with how many atoms of each.
        let requiredElements: [(element: UInt8, count: Int32)]
        /// The first atom of the selective plan can be tested without recursive sub-patterns, so a scan for
        /// its candidates needs no working state.
        let firstAtomIsPlain: Bool

        init(graphs: [QueryGraph]) {
            self.graphs = graphs
            var plans: [MatchPlan] = []
            for (index, graph) in graphs.enumerated() {
                plans.append(index == 0 ? MatchPlan.selective(graph) : MatchPlan.selective(graph, root: 0))
            }
            selectivePlans = plans
            rdkitPlan = MatchPlan.rdkitOrder(graphs[0])
            usesHybridization = graphs.contains { $0.atomNodes.contains { $0.kind == .range && $0.property == .hybridization } }
            var counts: [Int: Int32] = [:]
            let main = graphs[0]
            for atom in 0..<main.atomCount {
                if let z = main.atomExpression(atom).requiredAtomicNumber, z != 6, z >= 0, z <= ElementTable.maxAtomicNumber {
                    counts[z, default: 0] += 1
                }
            }
            requiredElements = counts.sorted { $0.key < $1.key }.map { (UInt8($0.key), $0.value) }
            if main.atomCount > 0, let first = plans[0].order.first {
                firstAtomIsPlain = !main.atomExpression(Int(first)).nodes.contains { $0.kind == .recursive }
            } else {
                firstAtomIsPlain = false
            }
        }
    }

    let compiled: Compiled
    /// The SMARTS the query was read from, or nil for a molecule query.
    public let smarts: String?
    /// The title written after the SMARTS, or the molecule's name.
    public let name: String

    /// Reads a SMARTS as RDKit's `MolFromSmarts` does (Daylight SMARTS with RDKit's extensions; see
    /// docs/CHEMISTRY.md). Throws an error naming the problem and its column.
    public init(smarts: String) throws(SMARTSError) {
        let pattern = try SMARTSPattern(smarts)
        self.init(graphs: pattern.graphs, smarts: smarts, name: pattern.name)
    }

    init(graphs: [QueryGraph], smarts: String?, name: String) {
        compiled = Compiled(graphs: graphs)
        self.smarts = smarts
        self.name = name
    }

    /// Number of atoms in the query (not counting recursive sub-patterns).
    public var atomCount: Int { compiled.graphs[0].atomCount }

    /// Number of bonds in the query.
    public var bondCount: Int { compiled.graphs[0].bondCount }

    /// Whether the query occurs in `target` at least once.
    public func matches(_ target: Molecule, useChirality: Bool = false) -> Bool {
        guard atomCount <= target.atomCount else { return false }
        let env = environment(target, useChirality: useChirality)
        let first = firstCandidate(env)
        guard first >= 0 else { return false }
        // A lone atom with nothing else to check has matched once the screen found it.
        if atomCount == 1 && compiled.firstAtomIsPlain && !(useChirality && compiled.graphs[0].hasStereo)
            && !compiled.graphs[0].atomChirality[0].isTetrahedral
        {
            return true
        }
        var memo = RecursiveMemo()
        let search = GraphSearch(graph: compiled.graphs[0], plan: compiled.selectivePlans[0], targetCount: target.atomCount)
        search.skipFirstCandidates(to: first)
        return search.next(env, &memo)
    }

    /// How many times the query occurs in `target`, as `len(mol.GetSubstructMatches(query, uniquify=...,
    /// maxMatches=...))` in RDKit 2026.09: with `uniquify` the distinct atom sets, at most `max` of them;
    /// without, the mappings, at most `max`. `max <= 0` means no limit.
    public func matchCount(_ target: Molecule, uniquify: Bool = true, max: Int = 1000, useChirality: Bool = false) -> Int {
        guard atomCount <= target.atomCount else { return 0 }
        let limit = max > 0 ? max : Int.max
        let env = environment(target, useChirality: useChirality)
        let first = firstCandidate(env)
        guard first >= 0 else { return 0 }
        var memo = RecursiveMemo()
        let search = GraphSearch(graph: compiled.graphs[0], plan: compiled.selectivePlans[0], targetCount: target.atomCount)
        search.skipFirstCandidates(to: first)
        var deduplicator = MatchDeduplicator(targetCount: target.atomCount)
        var count = 0
        while count < limit && search.next(env, &memo) {
            if !uniquify || deduplicator.insert(search.mappedAtoms) { count += 1 }
        }
        return count
    }

    /// The mappings of the query into `target`, each listing the target atom of every query atom in query
    /// atom order, found lazily in RDKit's order: the same mappings, in the same order, as RDKit's
    /// `GetSubstructMatches` with the same `uniquify` and `maxMatches`.
    public func mappings(in target: Molecule, uniquify: Bool = true, max: Int = 1000, useChirality: Bool = false) -> SubstructureMappings {
        SubstructureMappings(query: self, target: target, uniquify: uniquify, limit: max > 0 ? max : Int.max, useChirality: useChirality)
    }

    /// Cheap tests that rule a target out without any working state: enough atoms of each element other than
    /// carbon the query names, and at least one target atom for the first atom of the search. Returns the
    /// first target atom that can take the search's first query atom (0 when that was not tested), or -1
    /// when the target cannot match.
    func firstCandidate(_ env: MatchEnvironment) -> Int {
        let required = compiled.requiredElements
        if !required.isEmpty {
            let atoms = env.target.atoms
            for (element, count) in required {
                var found: Int32 = 0
                for atom in atoms where atom.atomicNumber == element {
                    found += 1
                    if found >= count { break }
                }
                if found < count { return -1 }
            }
        }
        if compiled.firstAtomIsPlain {
            let graph = compiled.graphs[0]
            let first = Int(compiled.selectivePlans[0].order[0])
            let start = Int(graph.atomExpressionStart[first])
            let degree = graph.degree(of: first)
            var memo = RecursiveMemo()
            for t in 0..<env.target.atomCount where env.target.degree(t) >= degree {
                if GraphSearch.evaluate(graph.atomNodes, start, t, env, &memo) { return t }
            }
            return -1
        }
        return 0
    }

    func environment(_ target: Molecule, useChirality: Bool) -> MatchEnvironment {
        MatchEnvironment(
            target: MatchTarget(target, hybridization: compiled.usesHybridization), query: compiled, useChirality: useChirality)
    }
}

/// The mappings of a query into one target, found lazily: iterating stops the search as soon as the caller
/// stops asking.
public struct SubstructureMappings: Sequence {
    let query: SubstructureQuery
    let target: Molecule
    let uniquify: Bool
    let limit: Int
    let useChirality: Bool

    public func makeIterator() -> Iterator {
        Iterator(self)
    }

    public struct Iterator: IteratorProtocol {
        private let environment: MatchEnvironment
        private let search: GraphSearch
        private var memo: RecursiveMemo
        private var deduplicator: MatchDeduplicator
        private let uniquify: Bool
        private let limit: Int
        private var returned = 0
        private let possible: Bool

        init(_ mappings: SubstructureMappings) {
            let query = mappings.query
            environment = query.environment(mappings.target, useChirality: mappings.useChirality)
            search = GraphSearch(graph: query.compiled.graphs[0], plan: query.compiled.rdkitPlan, targetCount: mappings.target.atomCount)
            memo = RecursiveMemo()
            deduplicator = MatchDeduplicator(targetCount: mappings.target.atomCount)
            uniquify = mappings.uniquify
            limit = mappings.limit
            possible = query.atomCount <= mappings.target.atomCount
        }

        public mutating func next() -> [Int]? {
            guard possible, returned < limit else { return nil }
            while search.next(environment, &memo) {
                if uniquify && !deduplicator.insert(search.mappedAtoms) { continue }
                returned += 1
                return search.core.map { Int($0) }
            }
            return nil
        }
    }
}
