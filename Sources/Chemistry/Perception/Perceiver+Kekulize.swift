/// Kekulization of aromatic input (RDKit's `Kekulize`, docs/CHEMISTRY.md "Kekulization").
///
/// RDKit marks the atoms that can take a double bond with an exact test and then places double bonds with
/// a greedy walk and limited backtracking. We use the same candidate test and then an exact maximum
/// matching on the candidates joined by aromatic ring bonds, which succeeds and fails on the same molecules
/// (it cannot give up early as a backtracking limit can).
extension Perceiver {
    mutating func kekulize() throws(PerceptionError) {
        let n = atoms.count
        // Quick exit: nothing aromatic, nothing to do.
        var anyAromatic = false
        for a in atoms where a.isAromatic { anyAromatic = true; break }
        if !anyAromatic {
            for b in bonds where isAromaticType(b) { anyAromatic = true; break }
        }
        guard anyAromatic else { return }

        // 1. Candidates, and the aromatic bonds that will start as single (RDKit's markDbondCands).
        var candidate = [Bool](repeating: false, count: n)
        var optional = [Bool](repeating: false, count: n)
        var makeSingle: [Int] = []
        let wasAromaticBond = bonds.map(\.isAromatic)
        let hasDummy = atoms.contains { $0.atomicNumber == 0 }
        let ringNotCandidate = hasDummy ? ringsWithoutSingleRingAromaticAtom() : []
        for i in 0..<n where rings.isInRing(atom: i) {
            let a = atoms[i]
            let isDummy = a.atomicNumber == 0
            guard isDummy || isAromaticAtom(i) else { continue }
            var sbo = 0
            var ignored = 0
            var nonAromaticNeighbours = 0
            for p in Int(offsets[i])..<Int(offsets[i + 1]) {
                let b = Int(adjacentBonds[p])
                let bond = bonds[b]
                let other = Int(adjacentAtoms[p])
                if atoms[other].atomicNumber != 0 && !atoms[other].isAromatic && rings.isInRing(bond: b) {
                    nonAromaticNeighbours += 1
                }
                if bond.isAromatic && (bond.order == .single || bond.order == .double || bond.order == .aromatic) {
                    sbo += 1
                    makeSingle.append(b)
                } else {
                    let contribution = roundedContribution(bond, at: i)
                    sbo += contribution
                    if contribution == 0 { ignored += 1 }
                }
            }
            if isDummy {
                let ringCount = rings.ringCount(ofAtom: i)
                var nonCandidateRings = 0
                for r in 0..<rings.ringCount where ringNotCandidate[r] && rings.atoms(ofRing: r).contains(Int32(i)) {
                    nonCandidateRings += 1
                }
                if nonAromaticNeighbours < ringCount && nonCandidateRings < ringCount {
                    candidate[i] = true
                    optional[i] = true
                }
                continue
            }
            let implicitH = noImplicit[i] ? 0 : Int(a.implicitHydrogens)
            sbo += Int(explicitHydrogens[i]) + implicitH
            let z = Int(a.atomicNumber)
            var charge = Int(a.formalCharge)
            if ValenceModel.isEarlyAtom(z) { charge = -charge }
            if z == 6 && charge > 0 { charge = -charge }
            var dv = ValenceModel.defaultValence(z) + charge
            let totalValence = Int(explicitValence[i]) + implicitH
            let radicals = Int(a.radicalElectrons)
            let totalDegree = degree(i) + implicitH - ignored
            var vi = 1
            while totalValence > dv && vi < ValenceModel.valenceCount(z) && ValenceModel.valence(z, vi) > 0 {
                dv = ValenceModel.valence(z, vi) + charge
                vi += 1
            }
            // Aromatic N-oxides written without charges (O=n1ccccc1) when cleanUp did not apply.
            if totalValence == 5 && sbo == 4 && dv == 3 && totalDegree == 3 && radicals == 0 && charge == 0
                && Int(explicitHydrogens[i]) + implicitH == 0 && (z == 7 || z == 15 || z == 33)
            {
                dv = 5
            }
            if totalDegree + radicals >= dv { continue }
            if dv == sbo + 1 + radicals || (radicals == 0 && noImplicit[i] && dv == sbo + 2) {
                candidate[i] = true
            }
        }
        for b in makeSingle { bonds[b].order = .single }

        // 2. Match candidates over aromatic ring bonds (or any ring bond to a dummy atom), one fused
        // system (biconnected block) at a time as RDKit does: an aromatic atom shared by two systems (a spiro
        // atom) must find a partner in each.
        var blockAtoms = [[Int]](repeating: [], count: rings.blockCount)
        for b in 0..<bonds.count {
            let block = rings.block(ofBond: b)
            guard block >= 0 else { continue }
            if candidate[Int(bonds[b].begin)] { blockAtoms[block].append(Int(bonds[b].begin)) }
            if candidate[Int(bonds[b].end)] { blockAtoms[block].append(Int(bonds[b].end)) }
        }
        var local = [Int](repeating: -1, count: n)
        for (block, listed) in blockAtoms.enumerated() where !listed.isEmpty {
            var vertices: [Int] = []
            for i in listed.sorted() where vertices.last != i { vertices.append(i) }
            for (k, i) in vertices.enumerated() { local[i] = k }
            var start = [Int](repeating: 0, count: vertices.count + 1)
            var neighbours: [Int] = []
            var edgeBond: [Int] = []
            for (k, i) in vertices.enumerated() {
                for p in Int(offsets[i])..<Int(offsets[i + 1]) {
                    let other = Int(adjacentAtoms[p])
                    let b = Int(adjacentBonds[p])
                    guard rings.block(ofBond: b) == block, local[other] >= 0 else { continue }
                    guard wasAromaticBond[b] || atoms[i].atomicNumber == 0 || atoms[other].atomicNumber == 0 else { continue }
                    neighbours.append(local[other])
                    edgeBond.append(b)
                }
                start[k + 1] = neighbours.count
            }
            var matching = MaximumMatching(vertexCount: vertices.count, start: start, neighbours: neighbours)
            if vertices.contains(where: { optional[$0] }) {
                // Cover every required candidate first (optional dummies may stay unmatched), then grow the
                // matching, which never unmatches a vertex.
                matching = coverRequired(vertices: vertices, optional: optional, start: start, neighbours: neighbours)
            } else {
                matching.seedGreedily()
            }
            matching.augment()
            for (k, i) in vertices.enumerated() where matching.mate[k] < 0 && !optional[i] {
                throw PerceptionError(
                    .kekulization,
                    "cannot kekulize: aromatic atom \(i + 1) (\(symbol(i))) finds no partner for a double bond; an aromatic nitrogen with a hydrogen must be written [nH], and aromatic rings need a valid alternation",
                    atom: i)
            }
            for k in 0..<vertices.count {
                let mate = matching.mate[k]
                guard mate > k else { continue }
                for p in start[k]..<start[k + 1] where neighbours[p] == mate {
                    bonds[edgeBond[p]].order = .double
                    break
                }
            }
            for i in vertices { local[i] = -1 }
        }

        // 3. Clear the flags; aromatic atoms must be in rings.
        for b in 0..<bonds.count { bonds[b].isAromatic = false }
        for i in 0..<n where atoms[i].isAromatic && !rings.isInRing(atom: i) {
            throw PerceptionError(
                .aromaticOutsideRing,
                "atom \(i + 1) (\(symbol(i))) is written aromatic but is not in a ring; write it as an aliphatic (capitalized) atom",
                atom: i)
        }
        for i in 0..<n where atoms[i].isAromatic {
            atoms[i].isAromatic = false
            // Pyrrole-type [nH]: RDKit turns the written hydrogen back into an implicit one.
            let z = atoms[i].atomicNumber
            if (z == 7 || z == 15) && atoms[i].formalCharge == 0 && explicitHydrogens[i] == 1 {
                noImplicit[i] = false
                explicitHydrogens[i] = 0
                let ev = computeExplicitValence(i)
                explicitValence[i] = Int32(ev)
                if case .count(let h) = computeImplicitHydrogens(i, explicitValence: ev) {
                    atoms[i].implicitHydrogens = UInt8(clamping: h)
                }
            }
        }
    }

    /// RDKit marks a ring "not a candidate" when none of its atoms is aromatic and in that ring only.
    private func ringsWithoutSingleRingAromaticAtom() -> [Bool] {
        var result = [Bool](repeating: true, count: rings.ringCount)
        for r in 0..<rings.ringCount {
            for a in rings.atoms(ofRing: r) where isAromaticAtom(Int(a)) && rings.ringCount(ofAtom: Int(a)) == 1 {
                result[r] = false
                break
            }
        }
        return result
    }

    /// A matching that covers every required vertex, found by letting optional vertices pair up freely
    /// (a perfect matching of the graph plus a clique on the optional vertices, restricted to real edges).
    private func coverRequired(vertices: [Int], optional: [Bool], start: [Int], neighbours: [Int]) -> MaximumMatching {
        let count = vertices.count
        let optionalLocal = (0..<count).filter { optional[vertices[$0]] }
        let extra = (count % 2 == 1) ? 1 : 0
        let total = count + extra
        var augmentedStart = [Int](repeating: 0, count: total + 1)
        var augmented: [Int] = []
        var isVirtual: [Bool] = []
        for k in 0..<total {
            if k < count {
                for p in start[k]..<start[k + 1] {
                    augmented.append(neighbours[p])
                    isVirtual.append(false)
                }
                if optional[vertices[k]] {
                    for o in optionalLocal where o != k { augmented.append(o); isVirtual.append(true) }
                    if extra == 1 { augmented.append(count); isVirtual.append(true) }
                }
            } else {
                for o in optionalLocal { augmented.append(o); isVirtual.append(true) }
            }
            augmentedStart[k + 1] = augmented.count
        }
        var full = MaximumMatching(vertexCount: total, start: augmentedStart, neighbours: augmented)
        full.seedGreedily()
        full.augment()
        var result = MaximumMatching(vertexCount: count, start: start, neighbours: neighbours)
        for k in 0..<count {
            let mate = full.mate[k]
            guard mate > k, mate < count else { continue }
            var real = false
            for p in start[k]..<start[k + 1] where neighbours[p] == mate { real = true; break }
            if real { result.match(k, mate) }
        }
        return result
    }
}
