import Chemistry

/// Checks an MCS answer from first principles, without trusting the search: the mapping is one-to-one,
/// every bond pair joins corresponding atoms, matched atoms and bonds are compatible under the options, the
/// substructure is connected, and under `completeRingsOnly` the rings of the molecule with fewer bonds are
/// complete as RDKit's rule requires.
enum MCSValidation {
    static func bondType(_ m: Molecule, _ b: Int) -> BondOrder {
        m.bonds[b].isAromatic ? .aromatic : m.bonds[b].order
    }

    static func atomsCompatible(_ a: Molecule, _ i: Int, _ b: Molecule, _ j: Int, _ o: MCSOptions) -> Bool {
        let x = a.atoms[i], y = b.atoms[j]
        switch o.atomComparison {
        case .any: break
        case .elements: if x.atomicNumber != y.atomicNumber { return false }
        case .isotopes: if x.isotope != y.isotope { return false }
        case .anyHeavyAtom: if x.atomicNumber != y.atomicNumber && (x.atomicNumber < 2 || y.atomicNumber < 2) { return false }
        }
        if o.matchFormalCharge && x.formalCharge != y.formalCharge { return false }
        if o.ringMatchesRingOnly && a.ringInfo.isInRing(atom: i) != b.ringInfo.isInRing(atom: j) { return false }
        return true
    }

    static func bondsCompatible(_ a: Molecule, _ i: Int, _ b: Molecule, _ j: Int, _ o: MCSOptions) -> Bool {
        let x = bondType(a, i), y = bondType(b, j)
        switch o.bondComparison {
        case .any: break
        case .orderExact: if x != y { return false }
        case .order:
            let fold = { (t: BondOrder) in t == .aromatic ? BondOrder.single : t }
            if fold(x) != fold(y) { return false }
        }
        if (o.ringMatchesRingOnly || o.completeRingsOnly) && a.ringInfo.isInRing(bond: i) != b.ringInfo.isInRing(bond: j) {
            return false
        }
        return true
    }

    static func problems(_ r: MCSResult, _ a: Molecule, _ b: Molecule, _ o: MCSOptions) -> [String] {
        var problems: [String] = []
        var map = [Int: Int]()
        var used = Set<Int>()
        for p in r.atomPairs {
            guard p.first >= 0, p.first < a.atomCount, p.second >= 0, p.second < b.atomCount else {
                problems.append("atom pair \(p) out of range"); continue
            }
            if map[p.first] != nil || !used.insert(p.second).inserted { problems.append("atom pair \(p) repeats an atom") }
            map[p.first] = p.second
            if !atomsCompatible(a, p.first, b, p.second, o) { problems.append("atoms \(p) are not compatible") }
        }
        var bondFirst = Set<Int>(), bondSecond = Set<Int>()
        var touched = Set<Int>()
        for p in r.bondPairs {
            guard p.first >= 0, p.first < a.bondCount, p.second >= 0, p.second < b.bondCount else {
                problems.append("bond pair \(p) out of range"); continue
            }
            if !bondFirst.insert(p.first).inserted || !bondSecond.insert(p.second).inserted {
                problems.append("bond pair \(p) repeats a bond")
            }
            let x = a.bonds[p.first], y = b.bonds[p.second]
            let ends = Set([map[Int(x.begin)] ?? -1, map[Int(x.end)] ?? -1])
            if ends != Set([Int(y.begin), Int(y.end)]) { problems.append("bond pair \(p) does not join corresponding atoms") }
            if !bondsCompatible(a, p.first, b, p.second, o) { problems.append("bonds \(p) are not compatible") }
            touched.insert(Int(x.begin))
            touched.insert(Int(x.end))
        }
        if r.bondCount > 0 {
            if touched != Set(map.keys) { problems.append("the atoms are not exactly the ends of the bonds") }
            // Connected: walk the common bonds from one atom.
            var neighbours = [Int: [Int]]()
            for p in r.bondPairs {
                let bond = a.bonds[p.first]
                neighbours[Int(bond.begin), default: []].append(Int(bond.end))
                neighbours[Int(bond.end), default: []].append(Int(bond.begin))
            }
            var seen: Set<Int> = [touched.min() ?? 0]
            var frontier = Array(seen)
            while let u = frontier.popLast() {
                for t in neighbours[u, default: []] where seen.insert(t).inserted { frontier.append(t) }
            }
            if seen != touched { problems.append("the common substructure is not connected") }
        } else if r.atomCount > 1 {
            problems.append("\(r.atomCount) atoms without bonds")
        }
        if r.smarts.isEmpty != r.isEmpty { problems.append("SMARTS '\(r.smarts)' for \(r.atomCount) atoms") }
        if o.completeRingsOnly && r.bondCount > 0 {
            // RDKit checks the rings of its query: the molecule with fewer bonds, the first on a tie.
            let queryIsFirst = a.bondCount <= b.bondCount
            let query = queryIsFirst ? a : b
            let bonds = Set(r.bondPairs.map { queryIsFirst ? $0.first : $0.second })
            if let problem = ringProblem(query, bonds) { problems.append(problem) }
        }
        return problems
    }

    /// RDKit's `completeRingsOnly` rule (FMCS `checkIfRingsAreClosed`) on the query's chosen bonds.
    static func ringProblem(_ m: Molecule, _ bonds: Set<Int>) -> String? {
        let rings = (0..<m.ringInfo.ringCount).map { Set(m.ringInfo.bonds(ofRing: $0).map(Int.init)) }
        func ringsOf(_ b: Int) -> [Int] { rings.indices.filter { rings[$0].contains(b) } }
        let entered = Set(bonds.compactMap { b -> Int? in
            let r = ringsOf(b)
            return r.count == 1 ? r[0] : nil
        })
        if !entered.isEmpty {
            for r in entered {
                for b in rings[r] where !bonds.contains(b) && !ringsOf(b).contains(where: { $0 != r && entered.contains($0) }) {
                    return "ring \(r) is entered but bond \(b) is missing"
                }
            }
            return nil
        }
        let fused = Set(bonds.flatMap { b -> [Int] in
            let r = ringsOf(b)
            return r.count > 1 ? r : []
        })
        if fused.isEmpty || fused.contains(where: { rings[$0].isSubset(of: bonds) }) { return nil }
        return "only fused ring bonds, and no ring is complete"
    }
}
