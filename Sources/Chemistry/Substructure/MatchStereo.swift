/// The stereo test of chirality-aware matching, applied to each complete mapping as RDKit applies it
/// (`useChirality=True`):
/// - a query atom marked `@`/`@@` with at least three query neighbours must sit on a target atom with the same
///   configuration, the query's missing fourth neighbour (its hydrogen or lone pair) standing for the target
///   neighbour the query leaves unmatched;
/// - a query double bond with cis/trans marks on a non-aromatic target double bond must have the same
///   relative configuration, and that target bond must have one.
///
/// Configurations are compared geometrically through `ChiralityPermutation`, both sides being stored in the
/// reference order of `Chirality`.
enum MatchStereo {
    /// Identity used for "the neighbour the query does not name" in neighbour orders.
    static let unnamed: Int32 = -4

    static func isSatisfied(_ graph: QueryGraph, _ core: [Int32], _ target: MatchTarget) -> Bool {
        for q in 0..<graph.atomCount where graph.atomChirality[q].isTetrahedral {
            if !tetrahedralAgrees(graph, q, core, target) { return false }
        }
        for b in 0..<graph.bondCount where graph.bondIsDoubleType[b] {
            let stereo = graph.bondStereo[b]
            guard stereo == .cis || stereo == .trans else { continue }
            if !doubleBondAgrees(graph, b, core, target) { return false }
        }
        return true
    }

    static func tetrahedralAgrees(_ graph: QueryGraph, _ q: Int, _ core: [Int32], _ target: MatchTarget) -> Bool {
        let queryDegree = graph.degree(of: q)
        // With fewer than three neighbours the query names no configuration; the target only had to be chiral.
        guard queryDegree >= 3 else { return true }
        let t = Int(core[q])
        let targetChirality = target.atoms[t].chirality
        guard targetChirality.isTetrahedral, queryDegree <= target.degree(t) else { return false }
        var from: [Int32] = []
        from.reserveCapacity(4)
        if graph.atomReferenceHasHydrogen[q] { from.append(unnamed) }
        for p in Int(graph.adjacencyOffsets[q])..<Int(graph.adjacencyOffsets[q + 1]) {
            from.append(core[Int(graph.adjacentAtoms[p])])
        }
        if from.count == 3 { from.append(unnamed) }
        // A mark on an atom with five written neighbours has no tetrahedral meaning.
        guard from.count == 4 else { return true }
        var to: [Int32] = []
        to.reserveCapacity(4)
        if target.atoms[t].totalHydrogens == 1 { to.append(ChiralityPermutation.implicitHydrogen) }
        for p in Int(target.offsets[t])..<Int(target.offsets[t + 1]) { to.append(target.adjacentAtoms[p]) }
        if to.count == 3 { to.append(ChiralityPermutation.lonePair) }
        guard to.count == 4 else { return false }
        for i in 0..<4 where !from.contains(to[i]) { to[i] = unnamed }
        guard let converted = ChiralityPermutation.convert(graph.atomChirality[q], from: from, to: to) else { return false }
        return converted.number == targetChirality.number
    }

    static func doubleBondAgrees(_ graph: QueryGraph, _ b: Int, _ core: [Int32], _ target: MatchTarget) -> Bool {
        let beginImage = core[Int(graph.bondBegin[b])]
        let endImage = core[Int(graph.bondEnd[b])]
        let tb = target.bond(between: Int(beginImage), and: Int(endImage))
        guard tb >= 0 else { return false }
        let bond = target.bonds[tb]
        // Only a non-aromatic double bond in the target is compared, as in RDKit.
        if MatchTarget.isAromatic(bond) || bond.order != .double { return true }
        guard bond.stereo == .cis || bond.stereo == .trans else { return false }
        let (q0, q1) = graph.bondStereoAtoms[b]
        guard q0 >= 0, q1 >= 0 else { return true }
        let image0 = core[Int(q0)]
        let image1 = core[Int(q1)]
        var matched = 0
        if beginImage == bond.begin {
            if image0 == bond.stereoAtoms.0 { matched += 1 }
            if image1 == bond.stereoAtoms.1 { matched += 1 }
        } else {
            if image0 == bond.stereoAtoms.1 { matched += 1 }
            if image1 == bond.stereoAtoms.0 { matched += 1 }
        }
        let same = graph.bondStereo[b] == bond.stereo
        // One stereo atom matched and one not means the reference flipped sides.
        return same ? matched != 1 : matched == 1
    }
}
