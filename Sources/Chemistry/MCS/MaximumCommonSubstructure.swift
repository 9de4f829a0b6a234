/// Maximum common substructure of two molecules with RDKit `rdFMCS.FindMCS` semantics: the connected
/// substructure with the most bonds (then the most atoms) that both molecules contain, atoms and bonds
/// compared as `MCSOptions` says. Exact when it finishes within the timeout; otherwise the best found so far,
/// flagged `timedOut`. docs/CHEMISTRY.md describes the algorithm.
public enum MaximumCommonSubstructure {
    /// The maximum common substructure of `first` and `second`.
    public static func find(_ first: Molecule, _ second: Molecule, options: MCSOptions = MCSOptions()) -> MCSResult {
        search(MCSGraph(first, options: options), MCSGraph(second, options: options), options: options)
    }

    static func search(_ first: MCSGraph, _ second: MCSGraph, options: MCSOptions) -> MCSResult {
        // Without a floor the search always has an answer (possibly empty).
        search(first, second, options: options, minimumBonds: 0) ?? MCSResult(atomPairs: [], bondPairs: [], smarts: "", timedOut: false, searchNodes: 0)
    }

    /// The search; with `minimumBonds` > 0, `nil` when no common substructure has that many bonds (or none
    /// was found before the timeout).
    static func search(_ first: MCSGraph, _ second: MCSGraph, options: MCSOptions, minimumBonds: Int) -> MCSResult? {
        if minimumBonds > 0 && labelBound(first, second) < minimumBonds { return nil }
        let start = ContinuousClock.now
        let deadline = deadline(after: options.timeout, from: start)
        // RDKit's query is the molecule with fewer bonds (the first on a tie); its rings are the ones
        // completeRingsOnly checks.
        let swapped = second.bondCount < first.bondCount
        let left = swapped ? second : first
        let right = swapped ? first : second

        let engine = MCSSearch(left: left, right: right, options: options, deadline: deadline, minimumBonds: minimumBonds)
        engine.run()
        if minimumBonds > 0 && !engine.found { return nil }

        var atomPairs: [(left: Int, right: Int)]
        var bondPairs: [(left: Int, right: Int)]
        if engine.found && engine.bestBonds > 0 {
            atomPairs = engine.bestAtomPairs
            bondPairs = engine.bestBondPairs
        } else {
            bondPairs = []
            atomPairs = singleAtom(left, right, options: options).map { [$0] } ?? []
        }
        let smarts = MCSSMARTSWriter(left: left, right: right, options: options)
            .write(atoms: atomPairs, bonds: bondPairs)
        let firstAtoms = atomPairs.map { swapped ? MCSResult.AtomPair(first: $0.right, second: $0.left) : MCSResult.AtomPair(first: $0.left, second: $0.right) }
        let firstBonds = bondPairs.map { swapped ? MCSResult.BondPair(first: $0.right, second: $0.left) : MCSResult.BondPair(first: $0.left, second: $0.right) }
        return MCSResult(
            atomPairs: firstAtoms.sorted { $0.first < $1.first },
            bondPairs: firstBonds.sorted { $0.first < $1.first },
            smarts: smarts, timedOut: engine.timedOut, searchNodes: engine.nodes)
    }

    /// When a search that starts at `start` must stop: never for `nil`, infinity or more than 10⁹ seconds;
    /// at once for zero, negative or NaN.
    static func deadline(after timeout: Double?, from start: ContinuousClock.Instant) -> ContinuousClock.Instant? {
        guard let timeout else { return nil }
        if timeout.isNaN || timeout <= 0 { return start }
        if timeout > 1e9 { return nil }  // infinity too
        return start + .nanoseconds(Int64(timeout * 1e9))
    }

    /// RDKit's answer when no bond is shared: one atom of the query (the molecule with fewer bonds) that
    /// matches some atom of the other, the one with the highest degree, then charge, then atomic number,
    /// then index. Under `completeRingsOnly` ring atoms are not candidates (RDKit looks only at the first
    /// matching atom of the other molecule there; this takes any matching atom outside rings).
    static func singleAtom(_ left: MCSGraph, _ right: MCSGraph, options: MCSOptions) -> (left: Int, right: Int)? {
        var best: (left: Int, right: Int)?
        for a in 0..<left.atomCount {
            if options.completeRingsOnly && left.atomInRing[a] { continue }
            var partner = -1
            for b in 0..<right.atomCount where left.atomKeys[a] == right.atomKeys[b] {
                if options.completeRingsOnly && right.atomInRing[b] { continue }
                partner = b
                break
            }
            if partner < 0 { continue }
            if let current = best {
                let c = current.left
                let better: Bool
                if left.atomDegree[a] != left.atomDegree[c] {
                    better = left.atomDegree[a] > left.atomDegree[c]
                } else if left.charges[a] != left.charges[c] {
                    better = left.charges[a] > left.charges[c]
                } else if left.atomicNumbers[a] != left.atomicNumbers[c] {
                    better = left.atomicNumbers[a] > left.atomicNumbers[c]
                } else {
                    better = a > c
                }
                if better { best = (a, partner) }
            } else {
                best = (a, partner)
            }
        }
        return best
    }

    /// Bonds two molecules can share at most, counting bond labels (bond class and end-atom classes).
    static func labelBound(_ first: MCSGraph, _ second: MCSGraph) -> Int {
        let a = first.vertexLabels.sorted()
        let b = second.vertexLabels.sorted()
        var i = 0
        var j = 0
        var shared = 0
        while i < a.count && j < b.count {
            if a[i] < b[j] {
                i += 1
            } else if b[j] < a[i] {
                j += 1
            } else {
                shared += 1
                i += 1
                j += 1
            }
        }
        return shared
    }
}
