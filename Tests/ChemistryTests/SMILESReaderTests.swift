import Chemistry
import Testing

/// The OpenSMILES grammar, section by section, plus RDKit's extensions and the error reporting.
@Suite("SMILES reader")
struct SMILESReaderTests {
    func hydrogens(_ m: Molecule) -> [Int] { (0..<m.atomCount).map { m.totalHydrogens(of: $0) } }

    /// The error a SMILES gives, or nil when it reads.
    func failure(_ smiles: String) -> SMILESError? {
        do {
            _ = try Molecule(smiles: smiles)
            return nil
        } catch {
            return error
        }
    }

    /// Tetrahedral configuration of `atom`, relative to an order given by atom indices (-2: implicit H).
    func configuration(_ m: Molecule, _ atom: Int, relativeTo order: [Int32]) -> Chirality? {
        var reference: [Int32] = []
        if m.atoms[atom].totalHydrogens == 1 { reference.append(ChiralityPermutation.implicitHydrogen) }
        for nb in m.neighbors(of: atom) { reference.append(Int32(nb.atom)) }
        if reference.count == 3 { reference.append(ChiralityPermutation.lonePair) }
        return ChiralityPermutation.convert(m.atoms[atom].chirality, from: reference, to: order)
    }

    // MARK: 3.1 Atoms

    @Test("organic subset atoms get implicit hydrogens; bracket atoms keep exactly what is written")
    func atoms() throws {
        let ethanol = try Molecule(smiles: "CCO")
        #expect(ethanol.atomCount == 3 && ethanol.bondCount == 2)
        #expect(hydrogens(ethanol) == [3, 2, 1])
        let bracket = try Molecule(smiles: "[CH3]C[O]")
        #expect(hydrogens(bracket) == [3, 2, 0])
        #expect(bracket.atoms[0].noImplicit && !bracket.atoms[1].noImplicit)
        let halogens = try Molecule(smiles: "ClCBr.FI")
        #expect(halogens.atoms.map(\.atomicNumber) == [17, 6, 35, 9, 53])
        let boron = try Molecule(smiles: "B(C)C")
        #expect(hydrogens(boron) == [1, 3, 3])
        let star = try Molecule(smiles: "*C")
        #expect(star.atoms[0].atomicNumber == 0 && hydrogens(star) == [0, 3])
    }

    @Test("bracket atoms: isotope, element, hydrogen count, charge, atom class")
    func bracketAtoms() throws {
        let m = try Molecule(smiles: "[13CH2+:7][2H]")
        #expect(m.atoms[0].isotope == 13)
        #expect(m.atoms[0].explicitHydrogens == 2)
        #expect(m.atoms[0].formalCharge == 1)
        #expect(m.atoms[0].mapNumber == 7)
        #expect(m.atoms[1].isotope == 2 && m.atomCount == 2)
        #expect(try Molecule(smiles: "[O--]").atoms[0].formalCharge == -2)
        #expect(try Molecule(smiles: "[Fe+3]").atoms[0].formalCharge == 3)
        #expect(try Molecule(smiles: "[Fe++]").atoms[0].formalCharge == 2)
        #expect(try Molecule(smiles: "[C-0]").atoms[0].formalCharge == 0)
        #expect(try Molecule(smiles: "[N-3]").atoms[0].formalCharge == -3)
        #expect(try Molecule(smiles: "[Og]").atoms[0].atomicNumber == 118)
        #expect(try Molecule(smiles: "[*H2]").atoms[0].explicitHydrogens == 2)
        #expect(try Molecule(smiles: "[0C]").atoms[0].isotope == 0)
        #expect(try Molecule(smiles: "[C:1234567890]").atoms[0].mapNumber == 1_234_567_890)
    }

    @Test("aromatic symbols, organic and in brackets")
    func aromaticSymbols() throws {
        #expect(try Molecule(smiles: "c1cc[se]c1").atoms.filter(\.isAromatic).count == 5)
        #expect(try Molecule(smiles: "c1cc[te]c1").atoms.filter(\.isAromatic).count == 5)
        #expect(try Molecule(smiles: "c1cc[siH]cc1").atoms.filter(\.isAromatic).count == 6)
        #expect(try Molecule(smiles: "b1ccccc1").atoms[0].isAromatic)
        #expect(failure("[cl]")?.code == .notAromaticElement)
        #expect(failure("[ge]1cccc1")?.code == .notAromaticElement)
    }

    // MARK: 3.2 Bonds

    @Test("bond symbols and implicit bonds")
    func bonds() throws {
        let m = try Molecule(smiles: "C-C.C=C.C#C.C$C")
        #expect(m.bonds.map(\.order) == [.single, .double, .triple, .quadruple])
        let benzene = try Molecule(smiles: "c1ccccc1")
        #expect(benzene.bonds.allSatisfy { $0.isAromatic })
        #expect(benzene.bonds.filter { $0.order == .double }.count == 3)
        let dative = try Molecule(smiles: "C->[Fe]")
        #expect(dative.bonds[0].order == .dative && dative.bonds[0].begin == 0)
        let reversed = try Molecule(smiles: "[Fe]<-C")
        #expect(reversed.bonds[0].order == .dative && reversed.bonds[0].begin == 1)
        // RDKit keeps an aromatic bond between non-aromatic atoms outside rings.
        let odd = try Molecule(smiles: "C:C")
        #expect(odd.bonds[0].order == .aromatic && !odd.bonds[0].isAromatic)
        #expect(hydrogens(odd) == [2, 2])
        // Between aromatic rings the implicit bond becomes single.
        let biphenyl = try Molecule(smiles: "c1ccccc1c1ccccc1")
        #expect(biphenyl.bonds[5].order == .single && !biphenyl.bonds[5].isAromatic)
    }

    // MARK: 3.3 Branches, 3.4 rings, 3.5 components

    @Test("branches and ring closures, with RDKit's bond order for ring-closure bonds")
    func branchesAndRings() throws {
        let m = try Molecule(smiles: "CC(C)(C)C")
        #expect(m.degree(of: 1) == 4)
        let rings = try Molecule(smiles: "C1CC2CC1CC2")
        // Ring-closure bonds come after the chain bonds, ordered by ring number.
        #expect(rings.bonds.suffix(2).map { [$0.begin, $0.end] } == [[4, 0], [6, 2]])
        let ordered = try Molecule(smiles: "C%10CC%10C1CC1")
        #expect(ordered.bonds.suffix(2).map { [$0.begin, $0.end] } == [[5, 3], [2, 0]])
        #expect(try Molecule(smiles: "C%(123)CC%(123)").ringInfo.ringCount == 1)
        #expect(try Molecule(smiles: "C1CC1C1CC1").ringInfo.ringCount == 2)
        #expect(try Molecule(smiles: "C=1CC=1").bonds.filter { $0.order == .double }.count == 1)
        #expect(try Molecule(smiles: "C1CC=1").bonds.filter { $0.order == .double }.count == 1)
        #expect(try Molecule(smiles: "C1.C1").bondCount == 1)
        #expect(try Molecule(smiles: "C(C)1CC1").ringInfo.ringCount == 1)
        let components = try Molecule(smiles: "[Na+].[Cl-]")
        #expect(components.atomCount == 2 && components.bondCount == 0)
    }

    @Test("a title after whitespace is the name; leading spaces are skipped; empty input is an empty molecule")
    func titles() throws {
        #expect(try Molecule(smiles: "CCO ethanol").name == "ethanol")
        #expect(try Molecule(smiles: "CCO\tethyl alcohol  ").name == "ethyl alcohol")
        #expect(try Molecule(smiles: "  CCO").atomCount == 3)
        #expect(try Molecule(smiles: "CCO\n").atomCount == 3)
        #expect(try Molecule(smiles: "").isEmpty)
    }

    // MARK: 3.6 Hydrogens

    @Test("ordinary [H] atoms fold into their neighbour; special ones stay")
    func hydrogenAtoms() throws {
        let methane = try Molecule(smiles: "[H]C([H])([H])[H]")
        #expect(methane.atomCount == 1 && hydrogens(methane) == [4])
        #expect(try Molecule(smiles: "[2H]C").atomCount == 2)
        #expect(try Molecule(smiles: "[H][H]").atomCount == 2)
        #expect(try Molecule(smiles: "[H]").atomCount == 1)
        #expect(try Molecule(smiles: "[H+]").atomCount == 1)
        #expect(try Molecule(smiles: "[H:1]C").atomCount == 2)
        #expect(try Molecule(smiles: "*[H]").atomCount == 2)
        let noRemoval = try Molecule(smiles: "[H]C", options: SMILESReadOptions(removeHydrogens: false))
        #expect(noRemoval.atomCount == 2 && noRemoval.totalHydrogens(of: 1) == 4)
        let pyrrole = try Molecule(smiles: "[H]n1cccc1")
        #expect(pyrrole.atomCount == 5 && pyrrole.atoms[0].isAromatic && hydrogens(pyrrole)[0] == 1)
    }

    // MARK: 3.7 Stereochemistry

    @Test("tetrahedral stereo is converted into the reference order")
    func tetrahedral() throws {
        // Same atom order, written differently: F C Cl Br (and the implicit H).
        // The same molecule written with Cl and Br swapped: compare relative to H, F, Cl, Br in each.
        let a = try Molecule(smiles: "F[C@H](Cl)Br")
        let b = try Molecule(smiles: "F[C@@H](Br)Cl")
        let hydrogen = ChiralityPermutation.implicitHydrogen
        #expect(configuration(a, 1, relativeTo: [hydrogen, 0, 2, 3]) == configuration(b, 1, relativeTo: [hydrogen, 0, 3, 2]))
        #expect(configuration(a, 1, relativeTo: [hydrogen, 0, 2, 3]) != configuration(try Molecule(smiles: "F[C@H](Br)Cl"), 1, relativeTo: [hydrogen, 0, 3, 2]))
        // The implicit H of a leading atom comes first: [C@@H](F)(Cl)Br is F[C@H](Cl)Br (RDKit agrees).
        let c = try Molecule(smiles: "[C@@H](F)(Cl)Br")
        let d = try Molecule(smiles: "[C@H](F)(Cl)Br")
        let order2: [Int32] = [ChiralityPermutation.implicitHydrogen, 1, 2, 3]
        #expect(configuration(c, 0, relativeTo: order2) == .clockwise)
        #expect(configuration(d, 0, relativeTo: order2) == .counterclockwise)
        // An explicit [H] atom folded away keeps the configuration: [H][C@@](F)(Cl)Br is F[C@H](Cl)Br.
        let e = try Molecule(smiles: "[H][C@@](F)(Cl)Br")
        #expect(e.atomCount == 4)
        #expect(configuration(e, 0, relativeTo: order2) == configuration(try Molecule(smiles: "[C@@H](F)(Cl)Br"), 0, relativeTo: order2))
        // Ring closures count where the digit is written: C[C@H]1CCO1 is C[C@@H](CC1)O1 (RDKit agrees).
        let f = try Molecule(smiles: "C[C@H]1CCO1")
        let g = try Molecule(smiles: "C[C@@H](CC1)O1")
        let order3: [Int32] = [ChiralityPermutation.implicitHydrogen, 0, 2, 4]
        #expect(configuration(f, 1, relativeTo: order3) != nil)
        #expect(configuration(f, 1, relativeTo: order3) == configuration(g, 1, relativeTo: order3))
        let gInverted = try Molecule(smiles: "C[C@H](CC1)O1")
        #expect(configuration(f, 1, relativeTo: order3) != configuration(gInverted, 1, relativeTo: order3))
        // @TH1/@TH2 are @/@@.
        let h = try Molecule(smiles: "F[C@TH1](Cl)(Br)I")
        let i = try Molecule(smiles: "F[C@](Cl)(Br)I")
        #expect(h.atoms[1].chirality == i.atoms[1].chirality)
        // Three-connected centres: the lone pair does not move with the written order (RDKit agrees that
        // C[S@](=O)CC and [S@](C)(=O)CC are the same).
        let j = try Molecule(smiles: "C[S@](=O)CC")
        let k = try Molecule(smiles: "[S@](C)(=O)CC")
        let orderJ: [Int32] = [0, 2, 3, ChiralityPermutation.lonePair]
        let orderK: [Int32] = [1, 2, 3, ChiralityPermutation.lonePair]
        #expect(configuration(j, 1, relativeTo: orderJ) == configuration(k, 0, relativeTo: orderK))
    }

    @Test("non-tetrahedral classes are re-expressed through their geometry")
    func nonTetrahedral() throws {
        // U shape with F trans to Br equals the Z shape written F Cl I Br.
        let a = try Molecule(smiles: "[Pt@SP1](F)(Cl)(Br)I")
        let b = try Molecule(smiles: "[Pt@SP3](F)(Cl)(I)Br")
        let orderA: [Int32] = [1, 2, 3, 4]  // F Cl Br I in a
        let orderB: [Int32] = [1, 2, 4, 3]  // F Cl Br I in b
        func relative(_ m: Molecule, _ order: [Int32]) -> Chirality? {
            ChiralityPermutation.convert(m.atoms[0].chirality, from: m.neighbors(of: 0).map { Int32($0.atom) }, to: order)
        }
        #expect(relative(a, orderA) != nil)
        #expect(relative(a, orderA) == relative(b, orderB))
        #expect(relative(a, orderA) != relative(try Molecule(smiles: "[Pt@SP2](F)(Cl)(Br)I"), orderA))
        let oh = try Molecule(smiles: "[Fe@OH1](F)(Cl)(Br)(I)(O)N")
        #expect(oh.atoms[0].chirality.kind == .octahedral)
        #expect(try Molecule(smiles: "[P@TB7](F)(Cl)(Br)(I)O").atoms[0].chirality.kind == .trigonalBipyramidal)
        #expect(failure("[C@TH3]")?.code == .invalidChirality)
        #expect(failure("[Fe@OH31]")?.code == .invalidChirality)
        #expect(failure("[Fe@TB21]")?.code == .invalidChirality)
        #expect(failure("[Fe@SP4]")?.code == .invalidChirality)
        #expect(failure("[C@@@]")?.code == .invalidChirality)
    }

    @Test("double-bond stereo from / and \\ marks, as RDKit reads them")
    func doubleBondStereo() throws {
        func stereo(_ smiles: String) throws -> (BondStereo, Int32, Int32) {
            let m = try Molecule(smiles: smiles)
            guard let b = m.bonds.first(where: { $0.order == .double }) else { return (.none, -1, -1) }
            return (b.stereo, b.stereoAtoms.0, b.stereoAtoms.1)
        }
        #expect(try stereo("F/C=C/F") == (.trans, 0, 3))
        #expect(try stereo("F/C=C\\F") == (.cis, 0, 3))
        #expect(try stereo("F\\C=C\\F") == (.trans, 0, 3))
        #expect(try stereo("C(/F)=C/F") == (.cis, 1, 3))
        #expect(try stereo("F/C(/Cl)=C/F").0 == .trans)  // consistent marks on both neighbours
        #expect(try stereo("F/C(\\Cl)=C/F").0 == BondStereo.none)  // contradictory marks: ignored, as RDKit
        #expect(try stereo("F/C=C/1.Cl1") == (.trans, 0, 3))
        #expect(try stereo("F/C=C1.Cl/1") == (.cis, 0, 3))
        #expect(try stereo("F/C=C/1.Cl/1") == (.cis, 0, 3))  // the closing mark wins
        #expect(try stereo("C/1=C/CCCCC1").0 == BondStereo.none)  // 7-ring: no stereo
        #expect(try stereo("C/1=C/CCCCCC1").0 == .cis)  // 8-ring: kept
        #expect(try stereo("C/C=C/c1ccccc1").0 == .trans)
        #expect(try stereo("F/C=N/F").0 == .trans)
        // A stereo-defining [H] stays when it is the only neighbour; otherwise the other neighbour takes over.
        let kept = try Molecule(smiles: "[H]/C=C/C")
        #expect(kept.atomCount == 4 && kept.bonds.first { $0.order == .double }?.stereo == .trans)
        #expect(try stereo("[H]/C(C)=C/C") == (.cis, 1, 3))
        let conjugated = try Molecule(smiles: "F/C=C/C=C/F")
        #expect(conjugated.bonds.filter { $0.stereo == .trans }.count == 2)
    }

    // MARK: Errors

    @Test("syntax errors name the problem and its column")
    func syntaxErrors() {
        let cases: [(String, SMILESError.Code, Int)] = [
            ("C(C", .unbalancedParenthesis, 4),
            ("CC)C", .unbalancedParenthesis, 3),
            ("(C)C", .unbalancedParenthesis, 1),
            ("C()C", .emptyBranch, 2),
            ("C((C))", .emptyBranch, 3),
            ("C(1)CC1", .invalidRingNumber, 3),
            ("C(.C)C", .misplacedDot, 3),
            ("CC[Xx]C", .unknownElement, 4),
            ("CX", .unknownElement, 2),
            ("Na", .unknownElement, 1),
            ("C==C", .unexpectedCharacter, 3),
            ("C.", .misplacedDot, 2),
            (".C", .misplacedDot, 1),
            ("C..C", .misplacedDot, 3),
            ("C=", .bondWithoutAtom, 2),
            ("[C", .unclosedBracketAtom, 1),
            ("C]", .unexpectedCharacter, 2),
            ("[]", .unknownElement, 1),
            ("[CH10]", .invalidHydrogenCount, 3),
            ("[C+++]", .invalidCharge, 3),
            ("[C+01]", .invalidCharge, 3),
            ("[013C]", .invalidIsotope, 2),
            ("[C:]", .invalidAtomClass, 3),
            ("C1CC", .unclosedRing, 2),
            ("C11", .ringClosureToSelf, 3),
            ("C1C1", .duplicateBond, 4),
            ("C=1CC-1", .conflictingRingBond, 6),
            ("C%1C", .invalidRingNumber, 2),
            ("C%()C", .invalidRingNumber, 2),
            ("C$", .bondWithoutAtom, 2),
            ("C<C", .unexpectedCharacter, 2),
            ("C^C", .unexpectedCharacter, 2),
        ]
        for (smiles, code, column) in cases {
            let error = failure(smiles)
            #expect(error?.code == code, "\(smiles): \(String(describing: error))")
            #expect(error?.column == column, "\(smiles): \(String(describing: error))")
        }
    }

    @Test("chemistry errors point at the atom's column")
    func chemistryErrors() {
        let valence = failure("CC(C)(C)(C)(C)C")
        #expect(valence?.code == .valence && valence?.atom == 1 && valence?.column == 2)
        let kekule = failure("Cc1ccnc1")
        #expect(kekule?.code == .kekulization && kekule?.column != nil)
        let outside = failure("Cc")
        #expect(outside?.code == .aromaticOutsideRing && outside?.atom == 1 && outside?.column == 2)
        // Atom numbers in messages count atoms as written, even after [H] atoms were folded away.
        let afterHydrogen = failure("[H]CC(C)(C)(C)(C)C")
        #expect(afterHydrogen?.atom == 2 && afterHydrogen?.message.contains("atom 3") == true)
    }

    @Test("the description shows the SMILES with a caret under the column")
    func description() {
        let error = failure("CC(C")
        #expect(error?.description == "a branch '(' is never closed; add ')' at column 5\n  CC(C\n      ^")
        let long = failure(String(repeating: "C", count: 100) + "X" + String(repeating: "C", count: 100))
        #expect(long?.column == 101)
        #expect(long?.description.contains("...") == true)
    }
}
