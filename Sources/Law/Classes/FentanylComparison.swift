import Chemistry

/// A molecule compared with fentanyl region by region, after mapping fentanyl's 4-anilidopiperidine core
/// (piperidine N1 to C6, and the amide nitrogen on C4) onto it. The class definitions of both countries are
/// phrased as modifications of these regions: the acyl group and the ring on the amide nitrogen, the
/// piperidine ring's substituents, and the phenethyl group on N1.
struct FentanylComparison: Sendable {
    /// A group as found: its canonical SMILES with `*` at the attachment, and its name when known.
    struct Group: Sendable, Hashable {
        let key: String
        let name: String?
        var label: String { name ?? "the group \(key)" }
    }

    enum Acyl: Sendable, Hashable {
        case unchanged
        /// R-C(=O)- with R a carbon or hydrogen.
        case replaced(Group)
        /// RO-C(=O)- (a carbamate).
        case alkoxycarbonyl(Group)
        /// Another group whose status as an "acyl group" the text leaves open: carbamoyl, thioacyl, sulfonyl...
        case questionable(Group, what: String)
        case notAcyl(Group)
        case removed
    }

    enum AmideRing: Sendable, Hashable {
        case unchanged
        case aromaticMonocycle(Group)
        case nonAromatic(Group)
        case fused(Group)
        case notDirect(Group)
        case removed
    }

    struct Substituent: Sendable, Hashable {
        let group: Group
        let kind: SubstituentKind
        /// Where it sits ("position 3 of the piperidine ring", "the ethyl bridge, next to the ring").
        let place: String

        var description: String {
            let label = group.name ?? group.key
            return label == kind.word ? "\(label) substituent on \(place)" : "\(kind.word) (\(label)) substituent on \(place)"
        }
    }

    /// The group on the piperidine nitrogen, read as "ring - CH2 - CH2 -" where it has that shape.
    struct NitrogenGroup: Sendable, Hashable {
        let group: Group
        /// The ring at the end of a two-carbon bridge, when there is one (nil: no such ring; `shape` says why).
        let ring: Group?
        let ringIsMonocycle: Bool
        /// The ring itself (without its substituents) is a benzene ring, as in fentanyl.
        let ringIsBenzene: Bool
        let ringSubstituents: [Substituent]
        let bridgeSubstituents: [Substituent]
        /// Why the group is not "a ring on a saturated two-carbon bridge", or nil when it is.
        let shape: String?
        var isPhenethyl: Bool { group.key == FentanylComparison.phenethylKey }
    }

    let acyl: Acyl
    let amideRing: AmideRing
    let piperidineSubstituents: [Substituent]
    /// nil: N1 carries hydrogen (the phenethyl group removed).
    let nitrogenGroup: NitrogenGroup?
    /// Regions joined by a new ring (a fused or bridged system across regions), in words.
    let joins: [String]

    static let propionylKey = key("*C(=O)CC")
    static let phenylKey = key("*c1ccccc1")
    static let phenethylKey = key("*CCc1ccccc1")

    static func key(_ smiles: String) -> String {
        (try? Molecule(smiles: smiles))?.canonicalSMILES(options: CanonicalSMILESOptions(isomeric: false)) ?? smiles
    }

    /// The core: piperidine N1, C2, C3, C4 (bearing the acyclic amide nitrogen), C5, C6.
    static let coreSMARTS = "[#7X3;!a]1-[#6;!a]-[#6;!a]-[#6;!a](-[#7X3;!a;!R])-[#6;!a]-[#6;!a]-1"

    /// Every reading of `m` as a modified fentanyl: one per mapping of the core and per choice of which amide
    /// substituent is the acyl group. Empty when the molecule lacks the core.
    static func comparisons(of m: Molecule, core: SubstructureQuery, names: GroupNames) -> [FentanylComparison] {
        guard core.matches(m) else { return [] }
        var out: [FentanylComparison] = []
        var seen = Set<[Int]>()
        for mapping in core.mappings(in: m, uniquify: false, max: 24) {
            // C2/C6 and C3/C5 swaps give the same reading.
            let signature = [mapping[0], mapping[3], mapping[4]]
            guard seen.insert(signature).inserted else { continue }
            out += readings(m, mapping: mapping, names: names)
        }
        return out
    }

    private static func readings(_ m: Molecule, mapping: [Int], names: GroupNames) -> [FentanylComparison] {
        let n1 = mapping[0], c4 = mapping[3], amideN = mapping[4]
        let ring = [mapping[0], mapping[1], mapping[2], mapping[3], mapping[5], mapping[6]]
        let positions = [mapping[1]: 2, mapping[2]: 3, mapping[3]: 4, mapping[5]: 3, mapping[6]: 2]
        var isCore = [Bool](repeating: false, count: m.atomCount)
        for a in ring { isCore[a] = true }
        isCore[amideN] = true
        // Components of the molecule without the core, and where each attaches.
        var component = [Int](repeating: -1, count: m.atomCount)
        var members: [[Int]] = []
        for start in 0..<m.atomCount where !isCore[start] && component[start] < 0 {
            let id = members.count
            var list: [Int] = []
            var stack = [start]
            component[start] = id
            while let a = stack.popLast() {
                list.append(a)
                for nb in m.neighbors(of: a) where !isCore[nb.atom] && component[nb.atom] < 0 {
                    component[nb.atom] = id
                    stack.append(nb.atom)
                }
            }
            members.append(list)
        }
        var attachments = [[(anchor: Int, root: Int)]](repeating: [], count: members.count)
        for a in ring + [amideN] {
            for nb in m.neighbors(of: a) where !isCore[nb.atom] {
                attachments[component[nb.atom]].append((a, nb.atom))
            }
        }
        func region(_ anchor: Int) -> String {
            if anchor == n1 { return "the group on the piperidine nitrogen" }
            if anchor == amideN { return "the amide nitrogen's groups" }
            return "the piperidine ring"
        }
        var joins: [String] = []
        var amideBranches: [(root: Int, atoms: [Int])] = []
        var substituents: [Substituent] = []
        var nitrogenBranch: (root: Int, atoms: [Int])?
        for (id, list) in attachments.enumerated() where !list.isEmpty {
            if list.count > 1 {
                let regions = Array(Set(list.map { region($0.anchor) })).sorted()
                joins.append(regions.count == 1
                             ? "a ring is formed on \(regions[0]) (a fused, bridged or spiro ring system)"
                             : "a ring joins \(regions.joined(separator: " and "))")
                continue
            }
            let (anchor, root) = list[0]
            let atoms = members[id]
            if anchor == amideN {
                amideBranches.append((root, atoms))
            } else if anchor == n1 {
                nitrogenBranch = (root, atoms)
            } else {
                let key = GroupNames.key(m, branch: atoms, anchor: anchor)
                let kind = SubstituentKind.classify(m, atoms: atoms, root: root, anchor: anchor)
                let where_ = anchor == c4 ? "position 4 of the piperidine ring" : "position \(positions[anchor] ?? 0) of the piperidine ring"
                substituents.append(Substituent(group: Group(key: key, name: names.name(forKey: key)), kind: kind, place: where_))
            }
        }
        let nitrogen = nitrogenBranch.map { nitrogenGroup(m, anchor: n1, root: $0.root, atoms: $0.atoms, names: names) }
        // Which amide substituent is the acyl group: try each way and let the rule pick the reading that fits.
        var assignments: [(acyl: (root: Int, atoms: [Int])?, ring: (root: Int, atoms: [Int])?)] = []
        switch amideBranches.count {
        case 0: assignments = [(nil, nil)]
        case 1: assignments = [(amideBranches[0], nil), (nil, amideBranches[0])]
        default: assignments = [(amideBranches[0], amideBranches[1]), (amideBranches[1], amideBranches[0])]
        }
        return assignments.map { assignment in
            let acyl = assignment.acyl.map { acylChange(m, anchor: amideN, root: $0.root, atoms: $0.atoms, names: names) } ?? .removed
            let ring = assignment.ring.map { ringChange(m, anchor: amideN, root: $0.root, atoms: $0.atoms, names: names) } ?? .removed
            return FentanylComparison(acyl: acyl, amideRing: ring, piperidineSubstituents: substituents, nitrogenGroup: nitrogen, joins: joins)
        }
    }

    private static func group(_ m: Molecule, _ atoms: [Int], anchor: Int, names: GroupNames) -> Group {
        let key = GroupNames.key(m, branch: atoms, anchor: anchor)
        return Group(key: key, name: names.name(forKey: key))
    }

    private static func acylChange(_ m: Molecule, anchor: Int, root: Int, atoms: [Int], names: GroupNames) -> Acyl {
        let g = group(m, atoms, anchor: anchor, names: names)
        if g.key == propionylKey { return .unchanged }
        let r = m.atoms[root]
        var doubleO = 0, doubleS = 0, single: [Int] = []
        for nb in m.neighbors(of: root) where nb.atom != anchor {
            let z = m.atoms[nb.atom].atomicNumber
            if m.bonds[nb.bond].order == .double && z == 8 { doubleO += 1 } else if m.bonds[nb.bond].order == .double && z == 16 { doubleS += 1 } else { single.append(nb.atom) }
        }
        if r.atomicNumber == 6 && !r.isAromatic && doubleO == 1 && single.count <= 1 {
            guard let next = single.first else { return .replaced(g) }  // formyl
            switch m.atoms[next].atomicNumber {
            case 6: return .replaced(g)
            case 8: return .alkoxycarbonyl(g)
            case 7: return .questionable(g, what: "a carbamoyl group")
            default: return .questionable(g, what: "a carbonyl group bonded to \(m.atoms[next].symbol)")
            }
        }
        if r.atomicNumber == 6 && !r.isAromatic && doubleS == 1 { return .questionable(g, what: "a thioacyl group") }
        if r.atomicNumber == 16 && doubleO == 2 { return .questionable(g, what: "a sulfonyl group") }
        if r.atomicNumber == 16 && doubleO == 1 { return .questionable(g, what: "a sulfinyl group") }
        if r.atomicNumber == 15 && doubleO == 1 { return .questionable(g, what: "a phosphoryl group") }
        return .notAcyl(g)
    }

    private static func ringChange(_ m: Molecule, anchor: Int, root: Int, atoms: [Int], names: GroupNames) -> AmideRing {
        let g = group(m, atoms, anchor: anchor, names: names)
        if g.key == phenylKey { return .unchanged }
        guard m.ringInfo.isInRing(atom: root) else { return .notDirect(g) }
        guard let ringAtoms = monocycle(m, containing: root) else { return .fused(g) }
        guard ringAtoms.allSatisfy({ m.atoms[$0].isAromatic }) else { return .nonAromatic(g) }
        return .aromaticMonocycle(g)
    }

    /// The atoms of the ring containing `atom` when it is a ring of its own (no atom shared with another ring).
    static func monocycle(_ m: Molecule, containing atom: Int) -> [Int]? {
        let info = m.ringInfo
        guard info.ringCount(ofAtom: atom) == 1 else { return nil }
        for r in 0..<info.ringCount {
            let ring = info.atoms(ofRing: r).map(Int.init)
            guard ring.contains(atom) else { continue }
            return ring.allSatisfy({ info.ringCount(ofAtom: $0) == 1 }) ? ring : nil
        }
        return nil
    }

    private static func nitrogenGroup(_ m: Molecule, anchor n1: Int, root ca: Int, atoms: [Int], names: GroupNames) -> NitrogenGroup {
        let whole = group(m, atoms, anchor: n1, names: names)
        func plain(_ shape: String) -> NitrogenGroup {
            NitrogenGroup(group: whole, ring: nil, ringIsMonocycle: false, ringIsBenzene: false, ringSubstituents: [], bridgeSubstituents: [], shape: shape)
        }
        func isBridgeCarbon(_ a: Int) -> Bool {
            m.atoms[a].atomicNumber == 6 && !m.atoms[a].isAromatic && !m.ringInfo.isInRing(atom: a)
        }
        guard isBridgeCarbon(ca) else {
            return plain(m.ringInfo.isInRing(atom: ca) ? "a ring is bonded directly to the piperidine nitrogen, without the ethyl bridge" : "it does not start with a carbon chain")
        }
        var candidate: (cb: Int, ring: Int)?
        var ringOnCa = false
        for nb in m.neighbors(of: ca) where nb.atom != n1 {
            if m.ringInfo.isInRing(atom: nb.atom) { ringOnCa = true }
            guard isBridgeCarbon(nb.atom), m.bonds[nb.bond].order == .single else { continue }
            for nb2 in m.neighbors(of: nb.atom) where nb2.atom != ca && m.ringInfo.isInRing(atom: nb2.atom) && m.bonds[nb2.bond].order == .single {
                let better = candidate.map { m.atoms[nb2.atom].isAromatic && !m.atoms[$0.ring].isAromatic } ?? true
                if better { candidate = (nb.atom, nb2.atom) }
            }
        }
        guard let (cb, r) = candidate else {
            if ringOnCa { return plain("the ring is one carbon from the piperidine nitrogen, not two (the bridge is shortened)") }
            let unsaturated = m.neighbors(of: ca).contains { $0.atom != n1 && m.bonds[$0.bond].order != .single }
            return plain(unsaturated ? "the ethyl bridge is unsaturated" : "there is no ring two carbons from the piperidine nitrogen (the ring is removed, or the bridge is lengthened)")
        }
        // The ring part: everything reachable from the ring atom without crossing the bridge.
        let inBranch = Set(atoms)
        var ringPart: [Int] = []
        var seen: Set<Int> = [r, cb, ca, n1]
        var stack = [r]
        while let a = stack.popLast() {
            ringPart.append(a)
            for nb in m.neighbors(of: a) where inBranch.contains(nb.atom) && seen.insert(nb.atom).inserted { stack.append(nb.atom) }
        }
        let ringGroup = group(m, ringPart, anchor: cb, names: names)
        let ringAtoms = monocycle(m, containing: r)
        var ringSubstituents: [Substituent] = []
        if let ringAtoms {
            let ringSet = Set(ringAtoms)
            ringSubstituents = substituents(m, of: ringAtoms, within: Set(ringPart).subtracting(ringSet), names: names) { _ in "the phenethyl group's ring" }
        }
        let bridgeAtoms = inBranch.subtracting(ringPart).subtracting([ca, cb])
        let bridge = substituents(m, of: [ca, cb], within: bridgeAtoms, names: names) {
            $0 == ca ? "the ethyl bridge (alpha, next to the piperidine nitrogen)" : "the ethyl bridge (beta, next to the ring)"
        }
        let benzene = ringAtoms.map { $0.count == 6 && $0.allSatisfy { m.atoms[$0].atomicNumber == 6 && m.atoms[$0].isAromatic } } ?? false
        return NitrogenGroup(group: whole, ring: ringGroup, ringIsMonocycle: ringAtoms != nil, ringIsBenzene: benzene, ringSubstituents: ringSubstituents,
                             bridgeSubstituents: bridge, shape: nil)
    }

    /// The substituents on `anchors` made of atoms in `pool`, one per bond from an anchor into the pool.
    private static func substituents(_ m: Molecule, of anchors: [Int], within pool: Set<Int>, names: GroupNames,
                                     place: (Int) -> String) -> [Substituent] {
        var out: [Substituent] = []
        var taken = Set<Int>()
        for anchor in anchors {
            for nb in m.neighbors(of: anchor) where pool.contains(nb.atom) && !taken.contains(nb.atom) {
                var atoms: [Int] = []
                var stack = [nb.atom]
                taken.insert(nb.atom)
                while let a = stack.popLast() {
                    atoms.append(a)
                    for n2 in m.neighbors(of: a) where pool.contains(n2.atom) && taken.insert(n2.atom).inserted { stack.append(n2.atom) }
                }
                let key = GroupNames.key(m, branch: atoms, anchor: anchor)
                out.append(Substituent(group: Group(key: key, name: names.name(forKey: key)),
                                       kind: SubstituentKind.classify(m, atoms: atoms, root: nb.atom, anchor: anchor), place: place(anchor)))
            }
        }
        return out
    }
}
