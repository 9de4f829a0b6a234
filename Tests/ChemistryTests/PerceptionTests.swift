import Chemistry
import Testing

/// `Molecule.perceive()` on hand-checked cases (each expected value was checked against RDKit 2026.09; see
/// docs/CHEMISTRY.md), including molecules built atom by atom as a molfile reader would.
@Suite("Perception")
struct PerceptionTests {
    func aromaticCounts(_ smiles: String) throws -> (atoms: Int, bonds: Int, rings: Int) {
        let m = try Molecule(smiles: smiles)
        return (m.atoms.filter(\.isAromatic).count, m.bonds.filter(\.isAromatic).count, m.ringInfo.ringCount)
    }

    /// A centre atom with `bonds` single bonds to carbons, built directly (no brackets, so hydrogens are
    /// computed), perceived.
    func centre(_ z: UInt8, charge: Int8 = 0, radicals: UInt8 = 0, bonds n: Int) throws -> Molecule {
        var atoms = [Atom(atomicNumber: z, formalCharge: charge, radicalElectrons: radicals)]
        var bonds: [Bond] = []
        for i in 0..<n {
            atoms.append(Atom(atomicNumber: 6))
            bonds.append(Bond(begin: 0, end: Int32(i + 1), order: .single))
        }
        var m = try Molecule(atoms: atoms, bonds: bonds)
        try m.perceive()
        return m
    }

    @Test("valence model: the isoelectronic rule and the hypervalent-anion exception")
    func effectiveElement() throws {
        let cases: [(UInt8, Int8, Int, Int)] = [
            (7, 1, 3, 1), (7, -1, 1, 1), (8, 1, 1, 2), (8, -1, 1, 0), (6, 1, 2, 1), (6, -1, 2, 1),
            (5, -1, 3, 1), (16, 1, 1, 2), (16, -1, 1, 0), (15, 1, 3, 1), (15, -1, 1, 1), (17, 1, 1, 1),
            (7, 2, 1, 2), (34, -1, 1, 0),
        ]
        for (z, charge, bonds, hydrogens) in cases {
            let m = try centre(z, charge: charge, bonds: bonds)
            #expect(m.atoms[0].implicitHydrogens == UInt8(hydrogens), "Z \(z) charge \(charge) bonds \(bonds)")
        }
        #expect(try centre(6, radicals: 1, bonds: 2).atoms[0].implicitHydrogens == 1)
        // Next allowed valence: S with five bonds takes one H (valence 6).
        #expect(try Molecule(smiles: "CS(C)(C)(C)C").totalHydrogens(of: 1) == 1)
        #expect(try Molecule(smiles: "CP(C)(C)C").totalHydrogens(of: 1) == 1)
        // Metals never get implicit hydrogens and never fail.
        #expect(try centre(26, bonds: 6).atoms[0].implicitHydrogens == 0)
        #expect(try centre(11, bonds: 3).atoms[0].implicitHydrogens == 0)
    }

    @Test("valence errors name the atom", arguments: [
        ("C(C)(C)(C)(C)C", 0), ("N(C)(C)(C)C", 0), ("C[N+](C)(C)(C)C", 1), ("CCl(C)C", 1),
        ("[Al](C)(C)(C)C", 0), ("CS(C)(C)(C)(C)(C)C", 1), ("[CH5]", 0), ("C[O+](C)(C)C", 1), ("B(C)(C)(C)C", 0),
    ])
    func valenceErrors(smiles: String, atom: Int) {
        do {
            _ = try Molecule(smiles: smiles)
            Issue.record("\(smiles) was accepted")
        } catch {
            #expect(error.code == .valence)
            #expect(error.atom == atom)
        }
    }

    @Test("a bare hydrogen with charge 2 is rejected; in brackets it is accepted (as RDKit)")
    func hydrogenCharge() throws {
        var m = try Molecule(atoms: [Atom(atomicNumber: 1, formalCharge: 2)], bonds: [])
        #expect(throws: PerceptionError.self) { try m.perceive() }
        #expect(try Molecule(smiles: "[H+2]").atomCount == 1)
    }

    @Test("aromatic hydrogen counts follow RDKit's aromatic rule")
    func aromaticHydrogens() throws {
        func h(_ s: String) throws -> [Int] {
            let m = try Molecule(smiles: s)
            return (0..<m.atomCount).map { m.totalHydrogens(of: $0) }
        }
        #expect(try h("c1ccccc1") == [1, 1, 1, 1, 1, 1])
        #expect(try h("c1cc[nH]c1") == [1, 1, 1, 1, 1])
        #expect(try h("Cn1cccc1") == [3, 0, 1, 1, 1, 1])
        #expect(try h("c1ccn2cncc2c1") == [1, 1, 1, 0, 1, 0, 1, 0, 1])
        #expect(try h("C1ccccC1") == [2, 1, 1, 1, 1, 2])  // kekulized as C1=CCCC=C1, as RDKit
        #expect(try h("c1ccoc1") == [1, 1, 1, 0, 1])
    }

    @Test("kekulization: every bond gets a Kekulé order; impossible input is rejected")
    func kekulization() throws {
        let naphthalene = try Molecule(smiles: "c1ccc2ccccc2c1")
        #expect(naphthalene.bonds.allSatisfy { $0.order == .single || $0.order == .double })
        for atom in 0..<naphthalene.atomCount {
            #expect(naphthalene.neighbors(of: atom).filter { naphthalene.bonds[$0.bond].order == .double }.count == 1)
        }
        for smiles in ["c1ccnc1", "O=c1ccco1", "c1cccccc1", "c1cccc1", "n1cccc1"] {
            do {
                _ = try Molecule(smiles: smiles)
                Issue.record("\(smiles) was accepted")
            } catch {
                #expect(error.code == .kekulization, "\(smiles)")
            }
        }
        #expect(try Molecule(smiles: "[O-][n+]1ccccc1").atoms.filter(\.isAromatic).count == 6)
        #expect(try Molecule(smiles: "O=n1ccccc1").atoms[0].formalCharge == -1)  // cleanUp first
        #expect(try aromaticCounts("c-1-c-c-c-c-c-1").atoms == 0)  // cyclohexane, as RDKit
        #expect(try aromaticCounts("C1:C:C:C:C:C:1").atoms == 6)
        #expect(try aromaticCounts("c1ccc1").atoms == 0)  // cyclobutadiene
        // An aromatic spiro atom must find a partner in each ring system (RDKit kekulizes them one by one).
        #expect(throws: SMILESError.self) { try Molecule(smiles: "CN1CCCNp12np(S)(S)np(Cl)(Cl)n2") }
        #expect(try aromaticCounts("n1p(Cl)(Cl)np(Cl)(Cl)np1(Cl)Cl").atoms == 0)
    }

    @Test("aromaticity: RDKit's model on its documented examples")
    func aromaticity() throws {
        #expect(try aromaticCounts("C1=CC=C2C=CC=CC2=C1") == (10, 11, 2))  // naphthalene
        #expect(try aromaticCounts("c1ccc2cccc-2cc1") == (10, 10, 2))  // azulene: fusion bond single
        #expect(try aromaticCounts("c1ccc2c(c1)-c1ccccc1-2") == (12, 12, 3))  // biphenylene
        #expect(try aromaticCounts("O=C1C=CC=CC=C1") == (7, 7, 1))  // tropone
        #expect(try aromaticCounts("O=C1C=CC(=O)C=C1").atoms == 0)  // quinone
        #expect(try aromaticCounts("C1=CC=CC1=O").atoms == 0)  // cyclopentadienone
        #expect(try aromaticCounts("C1=CC(=C)C=C1").atoms == 0)  // fulvene
        #expect(try aromaticCounts("C=c1ccc(=C)cc1") == (6, 6, 1))  // quinodimethane
        #expect(try aromaticCounts("c1cc2cc3ccc(cc4ccc(cc5ccc(cc1n2)[nH]5)n4)[nH]3") == (20, 22, 5))  // porphine
        #expect(try aromaticCounts("N1C=NC=C2N=CN=C12") == (9, 9, 2))
        #expect(try aromaticCounts("O=C1C=CC(=O)C2=C1OC=CO2") == (10, 10, 2))
        #expect(try aromaticCounts("[cH+]1cccccc1").atoms == 7)  // tropylium
        #expect(try aromaticCounts("[cH-]1cccc1").atoms == 5)  // cyclopentadienyl anion
        #expect(try aromaticCounts("O=c1cc1").atoms == 3)  // cyclopropenone (2 electrons)
        #expect(try aromaticCounts("C1=CC=CC=CC=C1").atoms == 0)  // cyclooctatetraene
        #expect(try aromaticCounts("c1ccccccccc1").atoms == 10)  // [10]annulene
        #expect(try aromaticCounts("O=S1C=CC=C1").atoms == 0)  // thiophene S-oxide
        #expect(try aromaticCounts("C1=C[SiH2]C=C1").atoms == 0)  // silole
        #expect(try aromaticCounts("C1=C[BH]C=C1").atoms == 0)  // borole
        #expect(try aromaticCounts("c1cc[siH]cc1").atoms == 6)
        #expect(try aromaticCounts("C1=CC=CC=CC=C[NH]1").atoms == 9)  // aza[9]annulene
        // Macrocycle rule: a plain ether O or S gives no electrons in rings of 9 or more atoms.
        #expect(try aromaticCounts("C1=CC=CC=CC=CO1").atoms == 0)
        #expect(try aromaticCounts("C1=CC=CC=CC=CS1").atoms == 0)
        #expect(try aromaticCounts("C1=CC=CC=CC=C[Se]1").atoms == 9)
        // A dummy atom counts one or two electrons, not zero (as RDKit).
        #expect(try aromaticCounts("C1=CC=CC=C*1").atoms == 0)
        #expect(try aromaticCounts("*1ccccc1").atoms == 6)
    }

    @Test("other aromaticity models")
    func models() throws {
        var azulene = try Molecule(smiles: "C1=CC=C2C=CC=CC2=C1", options: SMILESReadOptions(perceive: false))
        try azulene.perceive(aromaticity: .simple)
        #expect(azulene.atoms.filter(\.isAromatic).count == 10)
        var none = try Molecule(smiles: "c1ccccc1", options: SMILESReadOptions(perceive: false))
        try none.perceive(aromaticity: .none)
        #expect(none.atoms.allSatisfy { !$0.isAromatic } && none.aromaticityModel == AromaticityModel.none)
        var furan = try Molecule(smiles: "c1ccoc1", options: SMILESReadOptions(perceive: false))
        try furan.perceive(aromaticity: .mdl)
        #expect(furan.atoms.allSatisfy { !$0.isAromatic })
        var pyridine = try Molecule(smiles: "c1ccncc1", options: SMILESReadOptions(perceive: false))
        try pyridine.perceive(aromaticity: .mdl)
        #expect(pyridine.atoms.allSatisfy { $0.isAromatic })
    }

    @Test("rings are the relevant cycles (RDKit's RingInfo)")
    func rings() throws {
        let cases: [(String, Int, Int)] = [
            ("C12C3C4C1C5C2C3C45", 6, 5),  // cubane
            ("C1C2CC3CC1CC(C2)C3", 4, 3),  // adamantane
            ("C1CC2CCC1CC2", 3, 2),  // bicyclo[2.2.2]octane
            ("C12C3C1C4C2C34", 5, 4),  // prismane
            ("C1CC2CCC1C2", 2, 2),  // norbornane
            ("c1ccc2ccccc2c1", 2, 2),  // naphthalene
            ("C1CC1.C1CCC1", 2, 2),
            ("CCO", 0, 0),
        ]
        for (smiles, rings, cyclomatic) in cases {
            let m = try Molecule(smiles: smiles)
            #expect(m.ringInfo.ringCount == rings, "\(smiles)")
            #expect(m.ringInfo.cyclomaticNumber == cyclomatic, "\(smiles)")
            #expect(m.ringInfo.isComplete)
        }
        let norbornane = try Molecule(smiles: "C1CC2CCC1C2")
        #expect((0..<norbornane.atomCount).allSatisfy { norbornane.ringInfo.smallestRingSize(ofAtom: $0) == 5 })
        #expect(norbornane.ringInfo.ringCount(ofAtom: 2) == 2)
        let spiro = try Molecule(smiles: "C1CCC12CCC2")
        #expect(spiro.ringInfo.ringBondCount(ofAtom: 3) == 4)
        // Ring atoms are listed in cycle order from the lowest index, towards the lower neighbour.
        #expect(try Molecule(smiles: "C1CC2CCC1C2").ringInfo.atomRingsList.contains([0, 1, 2, 6, 5]))
        #expect(try Molecule(smiles: "CCC1CCCCC1").ringInfo.isInRing(bond: 1) == false)
        // Dative bonds are not ring bonds.
        #expect(try Molecule(smiles: "C1CN->[Cu]<-N1").ringInfo.ringCount == 0)
    }

    @Test("large ring systems stay fast and complete")
    func largeSystems() throws {
        // C60 fullerene: 12 pentagons and 20 hexagons.
        let c60 = try Molecule(smiles: "c12c3c4c5c1c1c6c7c2c2c8c3c3c9c4c4c%10c5c5c1c1c6c6c%11c7c2c2c7c8c3c3c8c9c4c4c9c%10c5c5c1c1c6c6c%11c2c2c7c3c3c8c4c4c9c5c1c1c6c2c3c41")
        #expect(c60.ringInfo.ringCount == 32 && c60.ringInfo.cyclomaticNumber == 31)
        // A 60-membered macrocycle.
        let macrocycle = try Molecule(smiles: "C1" + String(repeating: "C", count: 58) + "C1")
        #expect(macrocycle.ringInfo.ringCount == 1 && macrocycle.ringInfo.smallestRingSize(ofAtom: 30) == 60)
    }

    @Test("cleanUp rewrites hypervalent drawings before the valence check")
    func cleanUp() throws {
        let nitro = try Molecule(smiles: "CN(=O)=O")
        #expect(nitro.atoms.map(\.formalCharge) == [0, 1, 0, -1] || nitro.atoms.map(\.formalCharge) == [0, 1, -1, 0])
        let perchlorate = try Molecule(smiles: "O=Cl(=O)(=O)O")
        #expect(perchlorate.atoms[1].formalCharge == 3)
        let azide = try Molecule(smiles: "CN=N#N")
        #expect(azide.atoms.map(\.formalCharge) == [0, 0, 1, -1])
        let ylide = try Molecule(smiles: "CC=P(=O)C")
        #expect(ylide.atoms[2].formalCharge == 1 && ylide.atoms[3].formalCharge == -1)
        // Only when the doubly bonded carbon has another neighbour, as RDKit.
        #expect(try Molecule(smiles: "C=P(=O)C").atoms.allSatisfy { $0.formalCharge == 0 })
        let complex = try Molecule(smiles: "C[N](C)(C)[Cu]")
        #expect(complex.bonds[3].order == .dative && complex.bonds[3].begin == 1)
    }

    @Test("molfile-style input: aromatic bond type on atoms built by hand is kekulized")
    func builtMolecule() throws {
        var atoms = [Atom](repeating: Atom(atomicNumber: 6), count: 6)
        atoms.append(Atom(atomicNumber: 8))
        var bonds = (0..<6).map { Bond(begin: Int32($0), end: Int32(($0 + 1) % 6), order: .aromatic, isAromatic: true) }
        bonds.append(Bond(begin: 0, end: 6, order: .single))
        var phenol = try Molecule(atoms: atoms, bonds: bonds)
        try phenol.perceive()
        #expect(phenol.atoms.prefix(6).allSatisfy { $0.isAromatic })
        #expect(phenol.bonds.prefix(6).filter { $0.order == .double }.count == 3)
        #expect((0..<7).map { phenol.totalHydrogens(of: $0) } == [0, 1, 1, 1, 1, 1, 1])
        // Perceiving twice changes nothing.
        var again = phenol
        try again.perceive()
        #expect(again.atoms == phenol.atoms)
        #expect(again.bonds.map(\.isAromatic) == phenol.bonds.map(\.isAromatic))
        // A failed perception leaves the molecule unchanged.
        var broken = try Molecule(atoms: [Atom(atomicNumber: 6, isAromatic: true)], bonds: [])
        let before = broken.atoms
        #expect(throws: PerceptionError.self) { try broken.perceive() }
        #expect(broken.atoms == before)
    }

    @Test("radicals are assigned to atoms with a fixed hydrogen count")
    func radicals() throws {
        #expect(try Molecule(smiles: "[CH3]").atoms[0].radicalElectrons == 1)
        #expect(try Molecule(smiles: "[O]").atoms[0].radicalElectrons == 2)
        #expect(try Molecule(smiles: "[Na+]").atoms[0].radicalElectrons == 0)
        #expect(try Molecule(smiles: "[NH4+]").atoms[0].radicalElectrons == 0)
        #expect(try Molecule(smiles: "C").atoms[0].radicalElectrons == 0)
    }
}
