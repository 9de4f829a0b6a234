import Chemistry
import Testing

/// A deterministic random number generator (SplitMix64), so shuffles are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Canonical ranking: symmetry classes, order independence, and which stereo survives.
@Suite("Canonical ranking")
struct CanonicalRankingTests {
    /// Everything a canonicalized molecule says about atoms, bonds and stereo, as comparable text. Aromatic
    /// bonds are compared as aromatic (their Kekulé order depends on how the input was kekulized).
    static func description(_ m: Molecule) -> [String] {
        var parts: [String] = []
        for a in m.atoms {
            parts.append(
                "\(a.atomicNumber) \(a.formalCharge) \(a.isotope) \(a.totalHydrogens) \(a.isAromatic) \(a.radicalElectrons) \(a.chirality.kind.rawValue)/\(a.chirality.number) \(a.mapNumber)"
            )
        }
        for b in m.bonds {
            let order = b.isAromatic ? "ar" : "\(b.order.rawValue)"
            parts.append("\(b.begin)-\(b.end) \(order) \(b.stereo.rawValue) \(b.stereoAtoms.0),\(b.stereoAtoms.1)")
        }
        return parts
    }

    static func shuffled(_ m: Molecule, _ rng: inout SeededGenerator) -> Molecule? {
        var order = Array(0..<m.atomCount)
        order.shuffle(using: &rng)
        return m.renumbered(order)
    }

    static let varied = [
        "CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1",  // fentanyl
        "CC(=O)O[C@H]1C=C[C@H]2[C@H]3CC4=C5C(=C(OC(C)=O)C=C4)O[C@@H]1[C@]52CCN3C",  // heroin
        "C[C@H]1CC[C@H](C)CC1", "C[C@H]1CC[C@@H](C)CC1", "N[C@@H]1CC[C@H](C(=O)O)CC1",
        "O[C@@H](C(=O)O)[C@H](O)C(=O)O", "O[C@H](C(=O)O)[C@H](O)C(=O)O",  // tartaric acids
        "OC[C@H](O)[C@H](O)[C@H](O)CO", "C/C=C/C=C\\C", "F/C(Cl)=C(\\Br)I", "C/C=N/O",
        "[13CH3][C@H](N)C(=O)O", "[2H]C([2H])([2H])Oc1ccccc1", "C[N+](C)(C)CC(=O)[O-]", "[Na+].[Cl-].CCO",
        "c1ccc2c(c1)[nH]c1ccccc12", "C1CC2CCC1CC2", "C12C3C4C1C5C2C3C45", "[CH3:1][CH2:2]O",
        "C[C@@]12CCC3c4ccc(O)cc4CC[C@H]3[C@@H]1CC[C@@H]2O", "[NH3][Pt@SP1]([NH3])(Cl)Cl",
        "C1=CC=CC=CC=C1", "OC1=CC=CC=C1", "CC(C)(C)c1cc(C(C)(C)C)cc(C(C)(C)C)c1",
    ]

    @Test("ranks are a permutation and symmetry classes are their lowest rank")
    func permutation() throws {
        for smiles in Self.varied {
            let m = try Molecule(smiles: smiles)
            let ranking = m.canonicalRanking()
            #expect(Set(ranking.ranks.map(Int.init)) == Set(0..<m.atomCount), "\(smiles)")
            // Each class is numbered by the lowest rank of its atoms.
            var lowest: [Int32: Int32] = [:]
            for a in 0..<m.atomCount {
                lowest[ranking.symmetryClasses[a]] = min(lowest[ranking.symmetryClasses[a]] ?? .max, ranking.ranks[a])
            }
            for (cls, rank) in lowest { #expect(cls == rank, "\(smiles)") }
            #expect(ranking.order.count == m.atomCount)
            for (rank, atom) in ranking.order.enumerated() { #expect(Int(ranking.ranks[Int(atom)]) == rank) }
        }
    }

    @Test("phenol's ortho and meta carbons pair up; the other atoms are alone")
    func phenolSymmetry() throws {
        let m = try Molecule(smiles: "Oc1ccccc1")
        let c = m.canonicalRanking().symmetryClasses
        #expect(c[2] == c[6])  // ortho
        #expect(c[3] == c[5])  // meta
        #expect(Set(c).count == 5)
        #expect(m.canonicalRanking().symmetryClassCount == 5)
    }

    @Test("the canonical molecule does not depend on the input atom order")
    func orderIndependence() throws {
        var rng = SeededGenerator(seed: 11)
        for smiles in Self.varied {
            let m = try Molecule(smiles: smiles)
            let reference = Self.description(m.canonicalized())
            for _ in 0..<25 {
                let shuffled = try #require(Self.shuffled(m, &rng))
                #expect(Self.description(shuffled.canonicalized()) == reference, "\(smiles)")
            }
        }
    }

    @Test("different stereoisomers and isotopologues stay different; non-isomeric ranking merges them")
    func isomers() throws {
        let pairs = [
            ("C[C@H]1CC[C@H](C)CC1", "C[C@H]1CC[C@@H](C)CC1"), ("C/C=C/C", "C/C=C\\C"),
            ("N[C@@H](C)C(=O)O", "N[C@H](C)C(=O)O"), ("O[C@@H](C(=O)O)[C@H](O)C(=O)O", "O[C@H](C(=O)O)[C@H](O)C(=O)O"),
            ("[13CH3]CO", "CCO"), ("[NH3][Pt@SP1]([NH3])(Cl)Cl", "[NH3][Pt@SP2]([NH3])(Cl)Cl"),
        ]
        for (x, y) in pairs {
            let a = try Molecule(smiles: x), b = try Molecule(smiles: y)
            #expect(Self.description(a.canonicalized()) != Self.description(b.canonicalized()), "\(x) vs \(y)")
            let flat = CanonicalRankingOptions(isomeric: false)
            #expect(Self.description(a.canonicalized(options: flat)) == Self.description(b.canonicalized(options: flat)), "\(x) vs \(y)")
        }
    }

    /// (SMILES, stereo marks kept, marks dropped), following RDKit's legacy stereo perception.
    static let stereoCases: [(String, Int, Int)] = [
        ("C[C@H](C)O", 0, 1),  // two equivalent methyls
        ("C[C@H](N)O", 1, 0),
        ("C[C@H]1CC[C@H](C)CC1", 2, 0),  // ring stereo: cis/trans-1,4
        ("C[C@H]1CCCCC1", 0, 1),  // ring neighbours equivalent, no partner
        ("C[C@@H]1CC[C@@]2(CC1)OCCO2", 0, 2),  // spiro ketal: not stereogenic
        ("C/C(C)=C/C", 0, 1),  // two methyls on one end
        ("C/C=C/C", 1, 0),
        ("C[N@](CC)CCC", 0, 1),  // amine nitrogen inverts
        ("C[N@]1CC1C", 1, 0),  // an aziridine nitrogen does not
        ("C[S@](=O)CC", 1, 0),  // sulfoxide
        ("CC=[C@AL1]=CC", 0, 1),  // allene marks are dropped, as RDKit drops them
        ("OC[C@H](O)[C@H](O)[C@@H](O)CO", 2, 1),  // C2-symmetric pentitol: the middle carbon is not a centre
        ("OC[C@H](O)[C@H](O)[C@H](O)CO", 3, 0),  // meso pentitol: the middle carbon is pseudo-asymmetric
        ("[2H][C@H](C)O", 1, 0),  // deuterium makes the centre
    ]

    @Test("stereo that is not real is dropped, real stereo is kept", arguments: stereoCases)
    func stereoCleanup(smiles: String, kept: Int, dropped: Int) throws {
        let m = try Molecule(smiles: smiles)
        let ranking = m.canonicalRanking()
        let keptCount = ranking.keptAtomStereo.filter { $0 }.count + ranking.keptBondStereo.filter { $0 }.count
        #expect(keptCount == kept)
        #expect(ranking.droppedStereoCount == dropped)
        let canonical = m.canonicalized()
        let marks = canonical.atoms.filter { $0.chirality.kind != .none }.count
            + canonical.bonds.filter { $0.stereo == .cis || $0.stereo == .trans }.count
        #expect(marks == kept)
        #expect(ranking.isExhaustive)
    }

    @Test("the two enantiomers of alanine rank alike but keep opposite configurations")
    func enantiomers() throws {
        let l = try Molecule(smiles: "N[C@@H](C)C(=O)O"), d = try Molecule(smiles: "N[C@H](C)C(=O)O")
        #expect(l.canonicalRanking().ranks == d.canonicalRanking().ranks)
        let lc = l.canonicalized(), dc = d.canonicalized()
        let centre = try #require(lc.atoms.firstIndex { $0.chirality.kind == .tetrahedral })
        #expect(lc.atoms[centre].chirality == dc.atoms[centre].chirality.inverted)
    }

    @Test("an empty molecule and a single atom rank without trouble")
    func tiny() throws {
        #expect(Molecule().canonicalRanking().ranks.isEmpty)
        #expect(Molecule().canonicalized().atomCount == 0)
        #expect(try Molecule(smiles: "[Na+]").canonicalRanking().ranks == [0])
    }

    @Test("renumbering rejects anything but a permutation")
    func renumberingChecks() throws {
        let m = try Molecule(smiles: "CCO")
        #expect(m.renumbered([0, 1]) == nil)
        #expect(m.renumbered([0, 1, 1]) == nil)
        #expect(m.renumbered([0, 1, 3]) == nil)
        let r = try #require(m.renumbered([2, 0, 1]))
        #expect(r.atoms.map(\.atomicNumber) == [8, 6, 6])
        #expect(r.bond(between: 0, and: 2) != nil)
        #expect(r.ringInfo.ringCount == 0)
    }

    @Test("rings survive renumbering")
    func ringsRenumbered() throws {
        let m = try Molecule(smiles: "c1ccc2ccccc2c1CC1CC1")
        var rng = SeededGenerator(seed: 3)
        for _ in 0..<10 {
            let r = try #require(Self.shuffled(m, &rng))
            var fresh = r
            fresh.perceiveRings()
            #expect(Set(r.ringInfo.atomRingsList.map { Set($0) }) == Set(fresh.ringInfo.atomRingsList.map { Set($0) }))
            for ring in 0..<r.ringInfo.ringCount {
                // Documented cycle order: lowest atom first, towards its lower ring neighbour; bond k joins atoms
                // k and k + 1.
                let atoms = r.ringInfo.atoms(ofRing: ring).map(Int.init)
                let bonds = r.ringInfo.bonds(ofRing: ring).map(Int.init)
                #expect(atoms.first == atoms.min())
                #expect(atoms[1] < atoms[atoms.count - 1])
                for k in 0..<atoms.count {
                    #expect(r.bond(between: atoms[k], and: atoms[(k + 1) % atoms.count]) == bonds[k])
                }
            }
            for a in 0..<r.atomCount {
                #expect(r.ringInfo.ringCount(ofAtom: a) == fresh.ringInfo.ringCount(ofAtom: a))
                #expect(r.ringInfo.smallestRingSize(ofAtom: a) == fresh.ringInfo.smallestRingSize(ofAtom: a))
            }
            for b in 0..<r.bondCount { #expect(r.ringInfo.isInRing(bond: b) == fresh.ringInfo.isInRing(bond: b)) }
        }
    }
}

/// Symmetry classes against RDKit's (scripts/reference/make_canon_reference.py, `symmetry_classes.tsv`).
@Suite("Symmetry classes agree with RDKit")
struct SymmetryClassAgreementTests {
    /// Class labels renamed by first appearance, so two labellings compare equal exactly when they group
    /// the atoms the same way.
    static func grouping<T: Hashable>(_ labels: [T]) -> [Int] {
        var names: [T: Int] = [:]
        return labels.map { label in
            if let n = names[label] { return n }
            names[label] = names.count
            return names.count - 1
        }
    }

    @Test("atoms RDKit cannot tell apart are exactly the atoms we cannot tell apart")
    func agreement() throws {
        let rows = ReferenceData.rows("Canonical/symmetry_classes.tsv")
        #expect(rows.count >= 2900)
        var agree = 0
        var disagreements: [String] = []
        for row in rows {
            let m = try Molecule(smiles: String(row[1]))
            let theirs = row[2].split(separator: " ").compactMap { Int($0) }
            let ours = m.canonicalRanking(options: CanonicalRankingOptions(isomeric: true)).symmetryClasses
            if ours.count == theirs.count && Self.grouping(ours) == Self.grouping(theirs) {
                agree += 1
            } else {
                disagreements.append("\(row[1]): ours \(ours) RDKit \(theirs)")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10).joined(separator: "\n"))")
        #expect(agree == rows.count)
    }
}
