/// Aromaticity perception (RDKit's `setAromaticity`, docs/CHEMISTRY.md "Aromaticity"), run on the Kekulé
/// structure: electron donor types per ring atom, candidate rings, fused systems of rings sharing one bond,
/// and the Hückel rule over connected subsets of up to six rings.
extension Perceiver {
    enum DonorType: UInt8 {
        case vacant, one, two, oneOrTwo, any, none

        var electronRange: (Int, Int) {
            switch self {
            case .vacant, .none: return (0, 0)
            case .one: return (1, 1)
            case .two: return (2, 2)
            case .oneOrTwo, .any: return (1, 2)
            }
        }
    }

    /// Settings that distinguish the RDKit, simple and MDL models.
    struct AromaticityRules {
        var minimumRingSize = 0
        var maximumRingSize = 0
        var fused = true
        var minimumHuckelRingSize = 0
        var onlyOneElectronDonors = false
        var exocyclicBondsStealElectrons = true
        var allowThirdRow = true
        var allowTripleBonds = true
        var allowHigherExceptions = true
        var onlyCarbonOrNitrogen = false
        var allowExocyclicMultipleBonds = true
        var macrocycleEtherRule = true
    }

    static let maximumFusedRingSize = 24
    static let maximumRingsPerSubset = 6
    /// Subsets evaluated per fused system before giving up on larger subsets (RDKit has no such bound; a
    /// fused system that reaches it would take RDKit hours).
    static let maximumSubsetEvaluations = 2_000_000

    mutating func perceiveAromaticity(model: AromaticityModel) {
        var rules = AromaticityRules()
        switch model {
        case .rdkit: break
        case .simple:
            rules.minimumRingSize = 5
            rules.maximumRingSize = 6
            rules.fused = false
        case .mdl:
            rules.minimumHuckelRingSize = 6
            rules.onlyOneElectronDonors = true
            rules.exocyclicBondsStealElectrons = false
            rules.allowThirdRow = false
            rules.allowTripleBonds = false
            rules.allowHigherExceptions = false
            rules.onlyCarbonOrNitrogen = true
            rules.allowExocyclicMultipleBonds = false
            rules.macrocycleEtherRule = false
        case .none: return
        }
        perceiveAromaticity(rules)
    }

    private mutating func perceiveAromaticity(_ rules: AromaticityRules) {
        let ringCount = rings.ringCount
        guard ringCount > 0 else { return }
        let n = atoms.count
        var donor = [DonorType](repeating: .none, count: n)
        var isCandidate = [Bool](repeating: false, count: n)
        var seen = [Bool](repeating: false, count: n)
        var candidateRings: [Int] = []
        for r in 0..<ringCount {
            let size = rings.size(ofRing: r)
            if (rules.minimumRingSize > 0 && size < rules.minimumRingSize) || (rules.maximumRingSize > 0 && size > rules.maximumRingSize) {
                continue
            }
            var allCandidates = true
            var allDummy = true
            for a32 in rings.atoms(ofRing: r) {
                let a = Int(a32)
                if atoms[a].atomicNumber != 0 { allDummy = false }
                if seen[a] {
                    if !isCandidate[a] { allCandidates = false }
                    continue
                }
                seen[a] = true
                // The type is fixed when the atom is first seen, so ring order matters (as in RDKit).
                if rules.macrocycleEtherRule && size >= 9 && isPlainEtherLikeAtom(a) {
                    donor[a] = .none
                } else {
                    donor[a] = donorType(a, rules)
                }
                if rules.onlyOneElectronDonors && donor[a] != .one {
                    allCandidates = false
                    continue
                }
                isCandidate[a] = isAromaticCandidate(a, donor[a], rules)
                if !isCandidate[a] { allCandidates = false }
            }
            if allCandidates && !allDummy { candidateRings.append(r) }
        }
        guard !candidateRings.isEmpty else { return }
        var scratch = HuckelScratch(atomCount: n, bondCount: bonds.count)
        if !rules.fused {
            for r in candidateRings { huckelSubset([r], donor: donor, rules: rules, scratch: &scratch) }
            return
        }
        // Neighbouring candidate rings share exactly one bond and have at most 24 atoms.
        let c = candidateRings.count
        var neighbours = [[Int]](repeating: [], count: c)
        if c > 1 {
            var stamp = [Int32](repeating: -1, count: bonds.count)
            for i in 0..<c where rings.size(ofRing: candidateRings[i]) <= Perceiver.maximumFusedRingSize {
                for b in rings.bonds(ofRing: candidateRings[i]) { stamp[Int(b)] = Int32(i) }
                for j in (i + 1)..<c where rings.size(ofRing: candidateRings[j]) <= Perceiver.maximumFusedRingSize {
                    var shared = 0
                    for b in rings.bonds(ofRing: candidateRings[j]) where stamp[Int(b)] == Int32(i) { shared += 1 }
                    if shared == 1 {
                        neighbours[i].append(j)
                        neighbours[j].append(i)
                    }
                }
            }
        }
        var done = [Bool](repeating: false, count: c)
        for first in 0..<c where !done[first] {
            if neighbours[first].isEmpty {
                // A ring fused to no other candidate ring: Hückel on the ring itself.
                done[first] = true
                huckelSubset([candidateRings[first]], donor: donor, rules: rules, scratch: &scratch)
                continue
            }
            // Depth-first pick of the fused system, as RDKit's pickFusedRings.
            var system: [Int] = []
            var stack = [first]
            while let k = stack.popLast() {
                if done[k] { continue }
                done[k] = true
                system.append(k)
                for j in neighbours[k].reversed() where !done[j] { stack.append(j) }
            }
            applyHuckelToFusedSystem(system.map { candidateRings[$0] }, localRings: system, neighbours: neighbours, donor: donor, rules: rules, scratch: &scratch)
        }
    }

    /// Per-atom and per-bond counters reused across Hückel evaluations (reset after each use).
    struct HuckelScratch {
        var atomCount: [UInt8]
        var bondCount: [UInt8]
        var bondDone: [Bool]
        var doneCount = 0
        var touchedAtoms: [Int32] = []
        var touchedBonds: [Int32] = []

        init(atomCount n: Int, bondCount m: Int) {
            atomCount = [UInt8](repeating: 0, count: n)
            bondCount = [UInt8](repeating: 0, count: m)
            bondDone = [Bool](repeating: false, count: m)
        }
    }

    /// Neutral two-connected O or S without multiple bonds: in a ring of 9 or more atoms it gives no
    /// electrons (RDKit's macrocycle rule), so crown ethers and the like are never aromatic.
    private func isPlainEtherLikeAtom(_ a: Int) -> Bool {
        let z = atoms[a].atomicNumber
        guard (z == 8 || z == 16), atoms[a].formalCharge == 0, degree(a) == 2 else { return false }
        for p in Int(offsets[a])..<Int(offsets[a + 1]) where roundedContribution(bonds[Int(adjacentBonds[p])], at: a) >= 2 {
            return false
        }
        return true
    }

    /// Electrons available for the π system (RDKit's `countAtomElec`), or -1 when the atom cannot take part.
    func availableElectrons(_ a: Int) -> Int {
        let atom = atoms[a]
        let z = Int(atom.atomicNumber)
        let dv = ValenceModel.defaultValence(z)
        if dv <= 1 { return -1 }
        var degree = self.degree(a) + Int(explicitHydrogens[a]) + (noImplicit[a] ? 0 : Int(atom.implicitHydrogens))
        for p in Int(offsets[a])..<Int(offsets[a + 1]) where roundedContribution(bonds[Int(adjacentBonds[p])], at: a) == 0 {
            degree -= 1
        }
        if degree > 3 { return -1 }
        let lonePairElectrons = max(ElementTable.outerElectrons(z) - dv - Int(atom.formalCharge), 0)
        var electrons = (dv - degree) + lonePairElectrons - Int(atom.radicalElectrons)
        if electrons > 1 && Int(explicitValence[a]) - self.degree(a) > 1 { electrons = 1 }
        return electrons
    }

    private func donorType(_ a: Int, _ rules: AromaticityRules) -> DonorType {
        if atoms[a].atomicNumber == 0 {
            return hasCyclicMultipleBond(a) ? .one : .any
        }
        var electrons = availableElectrons(a)
        if electrons < 0 { return .none }
        let exocyclic = exocyclicMultipleBondPartner(a)
        if electrons == 0 {
            if exocyclic >= 0 { return .vacant }
            if hasCyclicMultipleBond(a) { return .one }
            return .none
        }
        if electrons == 1 {
            if exocyclic >= 0 {
                if rules.exocyclicBondsStealElectrons && isMoreElectronegative(exocyclic, than: a) { return .vacant }
                return .one
            }
            if hasMultipleBond(a) { return .one }
            if atoms[a].formalCharge == 1 { return .vacant }
            return .none
        }
        if exocyclic >= 0 && rules.exocyclicBondsStealElectrons && isMoreElectronegative(exocyclic, than: a) {
            electrons -= 1
        }
        return electrons % 2 == 1 ? .one : .two
    }

    /// More outer electrons, or as many and a smaller atomic number (RDKit's `moreElectroNegative`).
    private func isMoreElectronegative(_ a: Int, than b: Int) -> Bool {
        let za = Int(atoms[a].atomicNumber), zb = Int(atoms[b].atomicNumber)
        let ea = ElementTable.outerElectrons(za), eb = ElementTable.outerElectrons(zb)
        return ea > eb || (ea == eb && za < zb)
    }

    /// The partner of the first non-ring double or triple bond, or -1.
    private func exocyclicMultipleBondPartner(_ a: Int) -> Int {
        for p in Int(offsets[a])..<Int(offsets[a + 1]) {
            let b = Int(adjacentBonds[p])
            if rings.ringCount(ofBond: b) == 0 && halfContribution(bonds[b], at: a) >= 4 {
                return Int(adjacentAtoms[p])
            }
        }
        return -1
    }

    private func hasCyclicMultipleBond(_ a: Int) -> Bool {
        for p in Int(offsets[a])..<Int(offsets[a + 1]) {
            let b = Int(adjacentBonds[p])
            if rings.ringCount(ofBond: b) > 0 && halfContribution(bonds[b], at: a) >= 4 { return true }
        }
        return false
    }

    /// RDKit's `incidentMultipleBond`: the explicit valence is more than the number of bonded neighbours.
    private func hasMultipleBond(_ a: Int) -> Bool {
        var count = degree(a) + Int(explicitHydrogens[a])
        for p in Int(offsets[a])..<Int(offsets[a + 1]) where roundedContribution(bonds[Int(adjacentBonds[p])], at: a) == 0 {
            count -= 1
        }
        return Int(explicitValence[a]) != count
    }

    private func isAromaticCandidate(_ a: Int, _ donor: DonorType, _ rules: AromaticityRules) -> Bool {
        let atom = atoms[a]
        let z = Int(atom.atomicNumber)
        if rules.onlyCarbonOrNitrogen && z != 6 && z != 7 { return false }
        if !rules.allowThirdRow && z > 10 { return false }
        if z > 18 && (!rules.allowHigherExceptions || (z != 34 && z != 52)) { return false }
        if donor == .none { return false }
        if ValenceModel.defaultValence(z) > 0 {
            let total = Int(explicitValence[a]) + (noImplicit[a] ? 0 : Int(atom.implicitHydrogens))
            let effective = min(max(z - Int(atom.formalCharge), 0), ElementTable.maxAtomicNumber)
            if total > ValenceModel.defaultValence(effective) { return false }
        }
        if atom.radicalElectrons > 0 && (z != 6 || atom.formalCharge != 0) { return false }
        if Int(explicitValence[a]) - degree(a) > 1 {
            var multiple = 0
            for p in Int(offsets[a])..<Int(offsets[a + 1]) {
                let b = bonds[Int(adjacentBonds[p])]
                if isAromaticType(b) { continue }
                switch b.order {
                case .double: multiple += 1
                case .triple:
                    if !rules.allowTripleBonds { return false }
                    multiple += 1
                default: break
                }
                if multiple > 1 { return false }
            }
        }
        if !rules.allowExocyclicMultipleBonds {
            for p in Int(offsets[a])..<Int(offsets[a + 1]) {
                let b = Int(adjacentBonds[p])
                if (bonds[b].order == .double || bonds[b].order == .triple) && !isAromaticType(bonds[b]) && !rings.isInRing(bond: b) {
                    return false
                }
            }
        }
        return true
    }

    /// Hückel over every connected subset of up to six rings of one fused system, smallest subsets first,
    /// stopping once every bond of the system is aromatic (RDKit's `applyHuckelToFused`; RDKit tries every
    /// combination and skips the unconnected ones, which gives the same subsets).
    private mutating func applyHuckelToFusedSystem(
        _ system: [Int], localRings: [Int], neighbours: [[Int]], donor: [DonorType], rules: AromaticityRules,
        scratch: inout HuckelScratch
    ) {
        let count = system.count
        // Distinct bonds of the system.
        var systemBonds = 0
        for r in system {
            for b in rings.bonds(ofRing: r) where scratch.bondCount[Int(b)] == 0 {
                scratch.bondCount[Int(b)] = 1
                systemBonds += 1
            }
        }
        for r in system { for b in rings.bonds(ofRing: r) { scratch.bondCount[Int(b)] = 0 } }
        // Local neighbour lists (positions in `system`).
        var position = [Int: Int]()
        for (i, k) in localRings.enumerated() { position[k] = i }
        var localNeighbours = [[Int]](repeating: [], count: count)
        for (i, k) in localRings.enumerated() {
            localNeighbours[i] = neighbours[k].compactMap { position[$0] }.sorted()
        }
        scratch.doneCount = 0
        var evaluations = 0
        var level: [[Int]] = (0..<count).map { [$0] }
        var size = 1
        while size <= min(count, Perceiver.maximumRingsPerSubset) && scratch.doneCount < systemBonds {
            if size == 3 && count > 300 { break }
            for subset in level {
                evaluations += 1
                huckelSubset(subset.map { system[$0] }, donor: donor, rules: rules, scratch: &scratch)
            }
            if evaluations > Perceiver.maximumSubsetEvaluations { break }
            if size + 1 > min(count, Perceiver.maximumRingsPerSubset) { break }
            // Connected subsets one ring larger, each generated once (as sorted index lists).
            var next = Set<[Int]>()
            for subset in level {
                for i in subset {
                    for j in localNeighbours[i] where !subset.contains(j) {
                        var grown = subset
                        grown.append(j)
                        grown.sort()
                        next.insert(grown)
                    }
                }
                if next.count > Perceiver.maximumSubsetEvaluations { break }
            }
            level = next.sorted { $0.lexicographicallyPrecedes($1) }
            size += 1
        }
        for b in scratch.touchedBonds { scratch.bondDone[Int(b)] = false }
        scratch.touchedBonds.removeAll(keepingCapacity: true)
    }

    /// Applies the Hückel rule to the atoms in exactly one or two of the subset's rings; if it passes, marks
    /// the subset's atoms aromatic and every bond that occurs in exactly one of its rings.
    @discardableResult
    private mutating func huckelSubset(_ subset: [Int], donor: [DonorType], rules: AromaticityRules, scratch: inout HuckelScratch) -> Bool {
        scratch.touchedAtoms.removeAll(keepingCapacity: true)
        for r in subset {
            for a in rings.atoms(ofRing: r) {
                if scratch.atomCount[Int(a)] == 0 { scratch.touchedAtoms.append(a) }
                scratch.atomCount[Int(a)] &+= 1
            }
        }
        var lower = 0, upper = 0, anyCount = 0, counted = 0
        var tooManyAny = false
        for a32 in scratch.touchedAtoms {
            let a = Int(a32)
            let k = scratch.atomCount[a]
            scratch.atomCount[a] = 0
            guard k == 1 || k == 2 else { continue }
            counted += 1
            if donor[a] == .any {
                anyCount += 1
                if anyCount > 1 { tooManyAny = true }
            }
            let (lo, hi) = donor[a].electronRange
            lower += lo
            upper += hi
        }
        if tooManyAny || counted < rules.minimumHuckelRingSize { return false }
        var aromatic = false
        if upper >= 6 {
            var v = lower
            while v <= upper {
                if (v - 2) % 4 == 0 { aromatic = true; break }
                v += 1
            }
        } else if upper == 2 {
            aromatic = true
        }
        guard aromatic else { return false }
        var touched: [Int32] = []
        for r in subset {
            for a in rings.atoms(ofRing: r) { atoms[Int(a)].isAromatic = true }
            for b in rings.bonds(ofRing: r) {
                if scratch.bondCount[Int(b)] == 0 { touched.append(b) }
                scratch.bondCount[Int(b)] &+= 1
            }
        }
        for b32 in touched {
            let b = Int(b32)
            if scratch.bondCount[b] == 1 {
                bonds[b].isAromatic = true
                if !scratch.bondDone[b] {
                    scratch.bondDone[b] = true
                    scratch.doneCount += 1
                    scratch.touchedBonds.append(b32)
                }
            }
            scratch.bondCount[b] = 0
        }
        return true
    }
}
