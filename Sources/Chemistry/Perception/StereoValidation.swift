/// Which stereo marks describe real stereoisomerism, following RDKit's legacy `assignStereochemistry` (the
/// default in RDKit 2026.09) so that a drawing or a 3D structure yields the stereocentres RDKit reports.
extension Molecule {
    /// Removes tetrahedral chirality from atoms that cannot be stereocentres and cis/trans stereo from double
    /// bonds that cannot be stereogenic, and returns how many marks were removed.
    ///
    /// An atom keeps its chirality when it is a possible centre (three or four neighbours counting hydrogens;
    /// three-connected N only in a three-ring or at a bridgehead, three-connected P and As always,
    /// three-connected S and Se as sulfoxide-like or sulfonium-like centres) and its neighbours are pairwise
    /// topologically distinct. Ring atoms whose ring neighbours are equivalent (cis/trans-1,4-disubstituted
    /// cyclohexane) keep it when another such atom in the same ring system is marked too. A double bond keeps
    /// cis/trans unless an end has two equivalent substituents or more than two.
    ///
    /// Hydrogen counts must be perceived, and hydrogens should be implicit (as after `removingHydrogens()`).
    @discardableResult
    public mutating func removeNonStereogenicStereo() -> Int {
        guard atoms.contains(where: { $0.chirality.isTetrahedral }) || bonds.contains(where: { $0.stereo == .cis || $0.stereo == .trans })
        else { return 0 }
        let rings = RingSizes(self)
        var removed = 0
        // Like RDKit's legacy perception, label the centres and double bonds whose substituents differ, then
        // let those labels split the symmetry classes further (two mirror-image centres, or a cis and a trans
        // branch, make their neighbourhoods differ), and repeat until nothing more can be labelled.
        var labels = [UInt8](repeating: 0, count: atomCount)
        var classes = legacySymmetryClasses(labels: labels)
        var keep = [Bool](repeating: false, count: atomCount)
        var keepBond = [Bool](repeating: false, count: bondCount)
        while true {
            var labelled = false
            for a in 0..<atomCount where atoms[a].chirality.isTetrahedral && !keep[a] {
                let (legal, duplicates) = potentialStereocentre(a, classes: classes, rings: rings)
                if legal && !duplicates {
                    keep[a] = true
                    labels[a] |= rankLabel(a, classes: classes)
                    labelled = true
                }
            }
            for b in 0..<bondCount where (bonds[b].stereo == .cis || bonds[b].stereo == .trans) && !keepBond[b] {
                if doubleBondCanBeStereo(b, classes: classes) {
                    keepBond[b] = true
                    let label = doubleBondLabel(b, classes: classes) << 2
                    labels[Int(bonds[b].begin)] |= label
                    labels[Int(bonds[b].end)] |= label
                    labelled = true
                }
            }
            guard labelled else { break }
            classes = legacySymmetryClasses(labels: labels)
        }
        var ringCandidate = [Bool](repeating: false, count: atomCount)
        for a in 0..<atomCount where atoms[a].chirality.isTetrahedral && !keep[a] && rings.atomInRing(a) {
            ringCandidate[a] = candidateForRingStereo(a, classes: classes, rings: rings)
        }
        // Ring stereo: candidates that see another candidate through ring bonds keep their marks.
        var partnered = [Bool](repeating: false, count: atomCount)
        var visited = [Bool](repeating: false, count: atomCount)
        for start in 0..<atomCount where ringCandidate[start] && !visited[start] {
            var system: [Int] = []
            var queue = [start]
            visited[start] = true
            var head = 0
            while head < queue.count {
                let a = queue[head]
                head += 1
                if ringCandidate[a] { system.append(a) }
                for (other, b) in neighbors(of: a) where rings.bondInRing[b] && !visited[other] {
                    visited[other] = true
                    queue.append(other)
                }
            }
            if system.count > 1 {
                for a in system { partnered[a] = true }
            }
        }
        for a in 0..<atomCount where atoms[a].chirality.isTetrahedral && !keep[a] && !partnered[a] {
            atoms[a].chirality = .none
            removed += 1
        }
        for b in 0..<bondCount where bonds[b].stereo == .cis || bonds[b].stereo == .trans {
            if !keepBond[b] {
                bonds[b].stereo = .none
                bonds[b].stereoAtoms = (-1, -1)
                removed += 1
            }
        }
        return removed
    }

    /// Whether a bond counts towards an atom's stereo neighbours (dative bonds only at their acceptor end).
    private func affectsChirality(_ b: Int, at atom: Int) -> Bool {
        let bond = bonds[b]
        switch bond.order {
        case .unspecified, .zero: return false
        case .dative: return Int(bond.begin) != atom
        default: return true
        }
    }

    /// (can the atom be a tetrahedral centre at all, do two of its neighbours share a symmetry class).
    private func potentialStereocentre(_ a: Int, classes: [Int32], rings: RingSizes) -> (Bool, Bool) {
        var stereoDegree = 0
        for (_, b) in neighbors(of: a) where affectsChirality(b, at: a) { stereoDegree += 1 }
        let hydrogens = atoms[a].totalHydrogens
        let total = stereoDegree + hydrogens
        let z = atoms[a].atomicNumber
        var legal = true
        if total > 4 || total < 3 {
            legal = false
        } else if stereoDegree < 3 && z != 15 && z != 33 {
            legal = false
        } else if stereoDegree == 3 {
            if hydrogens == 1 {
                if neighbors(of: a).contains(where: { isProtium($0.atom) }) { legal = false }
            } else {
                legal = false
                switch z {
                case 7: legal = rings.atomInThreeRing(a) || rings.isBridgehead(a)
                case 15, 33: legal = true
                case 16, 34:
                    let valence = explicitValence(of: a)
                    legal = valence == 4 || (valence == 3 && atoms[a].formalCharge == 1)
                default: break
                }
            }
        }
        guard legal else { return (false, false) }
        var seen = Set<Int32>()
        for (other, b) in neighbors(of: a) where affectsChirality(b, at: a) {
            if !seen.insert(classes[other]).inserted { return (true, true) }
        }
        return (true, false)
    }

    /// RDKit's conditions for a ring atom whose stereo only means something relative to another ring atom.
    private func candidateForRingStereo(_ a: Int, classes: [Int32], rings: RingSizes) -> Bool {
        if atoms[a].atomicNumber == 7 && degree(of: a) + atoms[a].totalHydrogens == 3 && !rings.atomInThreeRing(a)
            && !rings.isBridgehead(a)
        {
            return false
        }
        var outside: [Int] = []
        var inside = 0
        var insideClasses = Set<Int32>()
        for (other, b) in neighbors(of: a) {
            if rings.bondInRing[b] {
                inside += 1
                insideClasses.insert(classes[other])
            } else {
                outside.append(other)
            }
        }
        switch outside.count {
        case 2: return classes[outside[0]] != classes[outside[1]]
        case 1: return inside >= 2
        case 0: return (inside == 4 && insideClasses.count == 3) || (inside == 3 && insideClasses.count == 2)
        default: return false
        }
    }

    /// A double bond is stereogenic when both ends have two or three neighbours and no end has two equivalent
    /// substituents.
    private func doubleBondCanBeStereo(_ b: Int, classes: [Int32]) -> Bool {
        for end in [Int(bonds[b].begin), Int(bonds[b].end)] {
            let d = degree(of: end)
            guard d == 2 || d == 3 else { return false }
            let others = neighbors(of: end).filter { $0.bond != b }.map(\.atom)
            if others.count == 2 && classes[others[0]] == classes[others[1]] { return false }
        }
        return true
    }

    /// Bond orders plus stated hydrogens, as a whole number (aromatic bonds count 1.5, rounded up).
    func explicitValence(of a: Int) -> Int {
        var halfUnits = 2 * Int(atoms[a].explicitHydrogens)
        for (_, b) in neighbors(of: a) {
            let bond = bonds[b]
            halfUnits += bond.isAromatic ? 3 : bond.order == .dative ? (Int(bond.end) == a ? 2 : 0) : bond.order.valenceHalfUnits
        }
        return (halfUnits + 1) / 2
    }

    /// A label telling apart the two configurations of a stereogenic double bond (Z-like 1, E-like 2):
    /// whether the highest-class substituents at its two ends are cis.
    private func doubleBondLabel(_ b: Int, classes: [Int32]) -> UInt8 {
        let bond = bonds[b]
        let (begin, end) = (Int(bond.begin), Int(bond.end))
        func highest(_ x: Int, partner: Int) -> Int {
            neighbors(of: x).map(\.atom).filter { $0 != partner }.max { classes[$0] < classes[$1] } ?? -1
        }
        var cis = bond.stereo == .cis
        if highest(begin, partner: end) != Int(bond.stereoAtoms.0) { cis.toggle() }
        if highest(end, partner: begin) != Int(bond.stereoAtoms.1) { cis.toggle() }
        return cis ? 1 : 2
    }

    /// A label telling apart the two configurations of a centre whose neighbours all differ: the chirality
    /// seen through the neighbours sorted by symmetry class (1 or 2, like RDKit's rank-based R/S).
    private func rankLabel(_ a: Int, classes: [Int32]) -> UInt8 {
        let inBondOrder = neighbors(of: a).map(\.atom)
        let byClass = inBondOrder.sorted { classes[$0] < classes[$1] }
        // RDKit's convention counts an implicit hydrogen last; Accord's reference order counts it first.
        var counterclockwise = atoms[a].chirality == .counterclockwise
        if hasImplicitHydrogenFirst(a) { counterclockwise.toggle() }
        var odd = permutationIsOdd(from: inBondOrder, to: byClass)
        if inBondOrder.count == 3 && atoms[a].totalHydrogens == 1 { odd.toggle() }
        if odd { counterclockwise.toggle() }
        return counterclockwise ? 2 : 1
    }

    /// Symmetry classes as RDKit's legacy CIP ranking sees them: start from element, isotope, map number and
    /// any stereo label already given, then repeatedly split classes by the neighbours' classes (each weighted by
    /// twice the bond order, aromatic bonds 3) and the number of attached hydrogens, until no class splits.
    func legacySymmetryClasses(labels: [UInt8] = []) -> [Int32] {
        let n = atomCount
        guard n > 0 else { return [] }
        // Each refinement round gives an atom the signature (its class, the multiset of its neighbours' classes
        // with their summed bond weights, its hydrogen count), hashed to 64 bits; atoms are then re-ranked by
        // (class, signature), so classes only ever split.
        var weights = [Int32](repeating: 0, count: adjacentAtoms.count)
        for a in 0..<n {
            for p in Int(adjacencyOffsets[a])..<Int(adjacencyOffsets[a + 1]) {
                weights[p] = Int32(twiceBondOrder(Int(adjacentBonds[p]), towards: Int(adjacentAtoms[p])))
            }
        }
        var signatures = [UInt64](repeating: 0, count: n)
        for a in 0..<n {
            let atom = atoms[a]
            var h = Self.mix(0, UInt64(atom.atomicNumber))
            h = Self.mix(h, UInt64(atom.isotope))
            h = Self.mix(h, UInt64(atom.mapNumber))
            signatures[a] = Self.mix(h, UInt64(labels.isEmpty ? 0 : labels[a]))
        }
        var classes = [Int32](repeating: 0, count: n)
        var classCount = Self.rank(classes: &classes, signatures: signatures)
        var scratch: [(cls: Int32, weight: Int32)] = []
        while classCount < n {
            for a in 0..<n {
                scratch.removeAll(keepingCapacity: true)
                for p in Int(adjacencyOffsets[a])..<Int(adjacencyOffsets[a + 1]) {
                    scratch.append((classes[Int(adjacentAtoms[p])], weights[p]))
                }
                scratch.sort { $0.cls < $1.cls }
                var h: UInt64 = 0x5bd1_e995
                var i = 0
                while i < scratch.count {
                    var weight = scratch[i].weight
                    var j = i + 1
                    while j < scratch.count && scratch[j].cls == scratch[i].cls {
                        weight += scratch[j].weight
                        j += 1
                    }
                    if weight > 0 { h = Self.mix(Self.mix(h, UInt64(scratch[i].cls) + 1), UInt64(weight)) }
                    i = j
                }
                signatures[a] = Self.mix(h, UInt64(atoms[a].totalHydrogens) | 1 << 40)
            }
            let newCount = Self.rank(classes: &classes, signatures: signatures)
            if newCount == classCount { break }
            classCount = newCount
        }
        return classes
    }

    @inline(__always)
    private static func mix(_ h: UInt64, _ v: UInt64) -> UInt64 {
        var x = (h ^ v) &+ 0x9E37_79B9_7F4A_7C15
        x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
        x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
        return x ^ (x >> 31)
    }

    /// Renumbers atoms by (current class, signature) in order of first appearance; returns the number of
    /// classes. Only equality of classes matters to the callers, not their order.
    private static func rank(classes: inout [Int32], signatures: [UInt64]) -> Int {
        var ids: [UInt64: Int32] = [:]
        ids.reserveCapacity(classes.count)
        for i in classes.indices {
            let key = mix(UInt64(UInt32(bitPattern: classes[i])), signatures[i])
            if let id = ids[key] {
                classes[i] = id
            } else {
                let id = Int32(ids.count)
                ids[key] = id
                classes[i] = id
            }
        }
        return ids.count
    }

    private func twiceBondOrder(_ b: Int, towards neighbor: Int) -> Int {
        let bond = bonds[b]
        if bond.isAromatic { return 3 }
        // RDKit ignores d-orbital contributions of three- or four-connected P (convention b of CIP 1966).
        if bond.order == .double && atoms[neighbor].atomicNumber == 15 {
            let d = degree(of: neighbor)
            if d == 3 || d == 4 { return 1 }
        }
        switch bond.order {
        case .single, .dative: return 2
        case .double: return 4
        case .triple: return 6
        case .quadruple: return 8
        case .aromatic: return 3
        case .unspecified, .zero: return 0
        }
    }
}
