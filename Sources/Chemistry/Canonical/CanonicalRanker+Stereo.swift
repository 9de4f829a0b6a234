/// A stereo mark as canonical ranking sees it.
struct StereoElement {
    enum Kind { case tetrahedral, general, doubleBond }
    var kind: Kind
    /// The centre, or the double bond's begin atom.
    var atom: Int32
    /// The double bond's end atom (-1 for centres).
    var other: Int32
    /// The double bond (-1 for centres).
    var bond: Int32
    /// Centres: the reference order of `Chirality` (-2 for the implicit hydrogen, -3 for the lone pair).
    /// Double bonds: the substituents of the begin atom, then those of the end atom, as
    /// `[begin0, begin1, end0, end1]` with -1 where an end has one substituent.
    var references: [Int32]
    var chirality: Chirality
    var stereo: BondStereo
    /// The double bond's stereo atoms, `.0` at the begin atom.
    var stereoAtoms: (Int32, Int32)
}

/// Which stereo marks are real, and their labels relative to the current classes.
///
/// The rules follow RDKit's legacy stereo perception (the default of RDKit 2026.09's `MolFromSmiles`), so
/// that the stereo we keep is the stereo RDKit keeps:
/// - a tetrahedral centre needs three or four neighbours counting hydrogens, at most one hydrogen, and,
///   when it has three neighbours and no hydrogen, to be a nitrogen in a three-membered ring or at a
///   bridgehead (and not conjugated), a phosphorus or arsenic, or a sulfoxide- or sulfonium-like sulfur or
///   selenium;
/// - its neighbours must be in distinct classes, except for ring stereo: a ring atom whose two ring
///   neighbours are equivalent keeps its mark when another such marked atom sits in the same ring system
///   (cis/trans-1,4-disubstituted cyclohexanes);
/// - a cis/trans double bond needs one or two substituents at each end, in distinct classes, and must not
///   be in a ring of fewer than 8 atoms;
/// - allene (`@AL`) marks are dropped, as RDKit drops them; square-planar, trigonal-bipyramidal and
///   octahedral classes are kept when their neighbour count fits the class.
/// Labels found for some elements split classes, which can make other elements' neighbours distinct
/// (a pseudo-asymmetric centre between two enantiomeric ones), so labelling repeats until nothing changes.
extension CanonicalRanker {
    mutating func gatherStereoElements() {
        let m = molecule
        for a in 0..<n where m.atoms[a].chirality.kind != .none {
            let chirality = m.atoms[a].chirality
            var references: [Int32] = []
            if m.atoms[a].totalHydrogens == 1 { references.append(ChiralityPermutation.implicitHydrogen) }
            for nb in m.neighbors(of: a) { references.append(Int32(nb.atom)) }
            switch chirality.kind {
            case .none:
                continue
            case .allene:
                droppedCount += 1
            case .tetrahedral:
                if references.count == 3 { references.append(ChiralityPermutation.lonePair) }
                guard references.count == 4, chirality.number == 1 || chirality.number == 2, isLegalTetrahedralCentre(a) else {
                    droppedCount += 1
                    continue
                }
                elements.append(
                    StereoElement(
                        kind: .tetrahedral, atom: Int32(a), other: -1, bond: -1, references: references, chirality: chirality,
                        stereo: .none, stereoAtoms: (-1, -1)))
            case .squarePlanar, .trigonalBipyramidal, .octahedral:
                let expected = chirality.kind == .squarePlanar ? 4 : chirality.kind == .trigonalBipyramidal ? 5 : 6
                guard references.count == expected else {
                    droppedCount += 1
                    continue
                }
                elements.append(
                    StereoElement(
                        kind: .general, atom: Int32(a), other: -1, bond: -1, references: references, chirality: chirality,
                        stereo: .none, stereoAtoms: (-1, -1)))
            }
        }
        for (b, bond) in m.bonds.enumerated() where bond.stereo == .cis || bond.stereo == .trans {
            if let element = doubleBondElement(b, bond) {
                elements.append(element)
            } else {
                droppedCount += 1
            }
        }
        dropped = [Bool](repeating: false, count: elements.count)
    }

    /// The element for a cis/trans bond, or nil when the mark cannot describe stereo.
    func doubleBondElement(_ b: Int, _ bond: Bond) -> StereoElement? {
        guard bond.order == .double, !bond.isAromatic else { return nil }
        let size = molecule.ringInfo.smallestRingSize(ofBond: b)
        if size > 0 && size < 8 { return nil }
        let a = Int(bond.begin), c = Int(bond.end)
        var references: [Int32] = [-1, -1, -1, -1]
        var count = 0
        for nb in molecule.neighbors(of: a) where nb.atom != c {
            guard count < 2 else { return nil }
            references[count] = Int32(nb.atom)
            count += 1
        }
        guard count > 0 else { return nil }
        count = 0
        for nb in molecule.neighbors(of: c) where nb.atom != a {
            guard count < 2 else { return nil }
            references[2 + count] = Int32(nb.atom)
            count += 1
        }
        guard count > 0 else { return nil }
        var stereoAtoms = bond.stereoAtoms
        let atBegin = { (x: Int32) in x >= 0 && (references[0] == x || references[1] == x) }
        let atEnd = { (x: Int32) in x >= 0 && (references[2] == x || references[3] == x) }
        if !(atBegin(stereoAtoms.0) && atEnd(stereoAtoms.1)) {
            guard atBegin(stereoAtoms.1) && atEnd(stereoAtoms.0) else { return nil }
            stereoAtoms = (stereoAtoms.1, stereoAtoms.0)
        }
        return StereoElement(
            kind: .doubleBond, atom: Int32(a), other: Int32(c), bond: Int32(b), references: references, chirality: .none,
            stereo: bond.stereo, stereoAtoms: stereoAtoms)
    }

    // MARK: - Which centres can be stereogenic

    /// RDKit's legal tetrahedral centre (by element, neighbours and hydrogens; not yet by symmetry).
    func isLegalTetrahedralCentre(_ a: Int) -> Bool {
        let m = molecule
        let atom = m.atoms[a]
        let hydrogens = atom.totalHydrogens
        var degree = 0
        for nb in m.neighbors(of: a) {
            let order = m.bonds[nb.bond].order
            if order != .zero && order != .unspecified { degree += 1 }
        }
        let total = degree + hydrogens
        guard total >= 3 && total <= 4 else { return false }
        let z = Int(atom.atomicNumber)
        if degree < 3 && z != 15 && z != 33 { return false }
        guard degree == 3 else { return true }
        if hydrogens == 1 {
            // A hydrogen atom in the graph plus a hydrogen count: two hydrogens.
            for nb in m.neighbors(of: a) where m.atoms[nb.atom].atomicNumber == 1 && m.atoms[nb.atom].isotope == 0 {
                return false
            }
            return true
        }
        switch z {
        case 15, 33:
            return true
        case 16, 34:
            var valence = 0
            for nb in m.neighbors(of: a) {
                switch m.bonds[nb.bond].order {
                case .single: valence += 1
                case .double: valence += 2
                case .triple: valence += 3
                case .dative: valence += Int(m.bonds[nb.bond].end) == a ? 1 : 0
                default: break
                }
            }
            return valence == 4 || (valence == 3 && atom.formalCharge == 1)
        case 7:
            return isSaturatedUnconjugatedNitrogen(a) && (isInThreeMemberedRing(a) || isBridgehead(a))
        default:
            return false
        }
    }

    /// An sp3 nitrogen: no multiple or aromatic bond on it, none on its neighbours (which would make its
    /// lone pair conjugated).
    func isSaturatedUnconjugatedNitrogen(_ a: Int) -> Bool {
        let m = molecule
        if m.atoms[a].isAromatic { return false }
        for nb in m.neighbors(of: a) {
            let bond = m.bonds[nb.bond]
            if bond.isAromatic || (bond.order != .single && bond.order != .dative) { return false }
            if m.atoms[nb.atom].isAromatic { return false }
            for nb2 in m.neighbors(of: nb.atom) where nb2.atom != a {
                let other = m.bonds[nb2.bond]
                if other.isAromatic || other.order == .double || other.order == .triple { return false }
            }
        }
        return true
    }

    func isInThreeMemberedRing(_ a: Int) -> Bool {
        molecule.ringInfo.smallestRingSize(ofAtom: a) == 3
    }

    /// RDKit's bridgehead: three or more ring bonds, in two rings that share at least two bonds.
    func isBridgehead(_ a: Int) -> Bool {
        let rings = molecule.ringInfo
        guard rings.ringBondCount(ofAtom: a) >= 3 else { return false }
        var containing: [Int] = []
        for r in 0..<rings.ringCount where rings.atoms(ofRing: r).contains(Int32(a)) { containing.append(r) }
        guard containing.count >= 2 else { return false }
        for i in 0..<containing.count {
            let first = Set(rings.bonds(ofRing: containing[i]))
            for j in (i + 1)..<containing.count {
                var shared = 0
                for b in rings.bonds(ofRing: containing[j]) where first.contains(b) { shared += 1 }
                if shared >= 2 { return true }
            }
        }
        return false
    }

    /// RDKit's ring-stereo candidate: a ring atom whose stereo can be relative to another ring atom's.
    func isRingStereoCandidate(_ a: Int, _ classOf: [Int32]) -> Bool {
        let m = molecule
        let rings = m.ringInfo
        guard rings.isInRing(atom: a) else { return false }
        if m.atoms[a].atomicNumber == 7 && m.degree(of: a) + m.atoms[a].totalHydrogens == 3
            && !isInThreeMemberedRing(a) && !isBridgehead(a)
        {
            return false
        }
        var nonRing: [Int32] = []
        var ringClasses: [Int32] = []
        for nb in m.neighbors(of: a) {
            if rings.isInRing(bond: nb.bond) {
                ringClasses.append(classOf[nb.atom])
            } else {
                nonRing.append(classOf[nb.atom])
            }
        }
        let distinctRing = Set(ringClasses).count
        switch nonRing.count {
        case 2: return nonRing[0] != nonRing[1]
        case 1: return ringClasses.count >= 2
        case 0: return (ringClasses.count == 4 && distinctRing == 3) || (ringClasses.count == 3 && distinctRing == 2)
        default: return false
        }
    }

    // MARK: - Labels

    /// The element's configuration relative to the classes of its neighbours, or nil while two of them
    /// share a class. Tetrahedral: 1 or 2; other centres: class kind and number; double bonds: cis 1 or
    /// trans 2 relative to the higher-class substituent at each end, shifted into the upper half.
    func stereoLabel(_ e: StereoElement, _ classOf: [Int32]) -> UInt32? {
        switch e.kind {
        case .tetrahedral:
            let r = e.references
            let k0 = r[0] < 0 ? -1 : classOf[Int(r[0])]
            let k1 = r[1] < 0 ? -1 : classOf[Int(r[1])]
            let k2 = r[2] < 0 ? -1 : classOf[Int(r[2])]
            let k3 = r[3] < 0 ? -1 : classOf[Int(r[3])]
            if k0 == k1 || k0 == k2 || k0 == k3 || k1 == k2 || k1 == k3 || k2 == k3 { return nil }
            var inversions = 0
            if k0 > k1 { inversions += 1 }
            if k0 > k2 { inversions += 1 }
            if k0 > k3 { inversions += 1 }
            if k1 > k2 { inversions += 1 }
            if k1 > k3 { inversions += 1 }
            if k2 > k3 { inversions += 1 }
            let number = UInt32(e.chirality.number)
            return inversions & 1 == 1 ? 3 - number : number
        case .general:
            let keys = e.references.map { $0 < 0 ? Int32(-1) : classOf[Int($0)] }
            if Set(keys).count != keys.count { return nil }
            let sorted = zip(keys, e.references).sorted { $0.0 < $1.0 }.map(\.1)
            guard let converted = ChiralityPermutation.convert(e.chirality, from: e.references, to: sorted) else { return nil }
            return UInt32(converted.kind.rawValue) << 8 | UInt32(converted.number)
        case .doubleBond:
            guard let first = higherClass(e.references[0], e.references[1], classOf),
                let second = higherClass(e.references[2], e.references[3], classOf)
            else { return nil }
            let flipped = (e.stereoAtoms.0 != first) != (e.stereoAtoms.1 != second)
            let cis = (e.stereo == .cis) != flipped
            return (cis ? 1 : 2) << 16
        }
    }

    /// The substituent of higher class (the only one when `y` is -1), or nil when both share a class.
    func higherClass(_ x: Int32, _ y: Int32, _ classOf: [Int32]) -> Int32? {
        if y < 0 { return x }
        let cx = classOf[Int(x)], cy = classOf[Int(y)]
        if cx == cy { return nil }
        return cx > cy ? x : y
    }

    /// Labels every element whose neighbours have become distinct and refines with the new labels, until
    /// no new label appears.
    mutating func applyStereoLabels(_ p: inout CanonicalPartition) {
        while true {
            var changed = false
            for i in elements.indices where !dropped[i] && !p.determined[i] {
                guard let label = stereoLabel(elements[i], p.classOf) else { continue }
                p.determined[i] = true
                changed = true
                p.label[Int(elements[i].atom)] &+= label
                if elements[i].kind == .doubleBond { p.label[Int(elements[i].other)] &+= label }
            }
            guard changed else { return }
            activateAllCells(p)
            refine(&p)
        }
    }

    func hasUndeterminedElements(_ p: CanonicalPartition) -> Bool {
        for i in elements.indices where !dropped[i] && !p.determined[i] { return true }
        return false
    }

    /// Drops the elements that stay undetermined and are not stereogenic: double bonds with equivalent
    /// substituents at an end, centres with equivalent neighbours unless they are ring stereo with a
    /// partner in the same ring system. Square-planar and similar classes stay (the search orders them).
    mutating func dropNonStereogenic(_ p: CanonicalPartition) {
        var candidate = [Bool](repeating: false, count: n)
        var candidates: [Int] = []
        for i in elements.indices where !dropped[i] && !p.determined[i] {
            switch elements[i].kind {
            case .general:
                continue
            case .doubleBond:
                dropped[i] = true
                droppedCount += 1
            case .tetrahedral:
                let a = Int(elements[i].atom)
                if isRingStereoCandidate(a, p.classOf) {
                    candidate[a] = true
                    candidates.append(i)
                } else {
                    dropped[i] = true
                    droppedCount += 1
                }
            }
        }
        guard !candidates.isEmpty else { return }
        // Ring systems (atoms joined by ring bonds) holding two or more candidates keep them.
        let rings = molecule.ringInfo
        var system = [Int32](repeating: -1, count: n)
        var perSystem: [Int] = []
        for i in candidates {
            let start = Int(elements[i].atom)
            guard system[start] < 0 else { continue }
            let id = Int32(perSystem.count)
            perSystem.append(0)
            var stack = [start]
            system[start] = id
            while let a = stack.popLast() {
                if candidate[a] { perSystem[Int(id)] += 1 }
                for nb in molecule.neighbors(of: a) where rings.isInRing(bond: nb.bond) && system[nb.atom] < 0 {
                    system[nb.atom] = id
                    stack.append(nb.atom)
                }
            }
        }
        for i in candidates where perSystem[Int(system[Int(elements[i].atom)])] < 2 {
            dropped[i] = true
            droppedCount += 1
        }
    }
}
