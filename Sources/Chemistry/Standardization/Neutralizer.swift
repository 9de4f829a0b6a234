/// Neutralizes charged acids and bases by moving hydrogens, the way RDKit's `rdMolStandardize.Uncharger`
/// does (docs/CHEMISTRY.md "Standardization"):
///
/// 1. Positive atoms with hydrogens (`[NH+]`, `[NH3+]`) can lose one per charge; positive atoms without
///    hydrogens (quaternary ammonium, `[n+]` in an N-alkyl pyridinium) cannot, so their charge must stay
///    balanced by anions. Charges inside a group that balances itself (nitro `[N+](=O)[O-]`, N-oxides) are
///    left alone: an atom next to an opposite charge is not counted.
/// 2. Anions are neutralized by adding a hydrogen (boron-like "early" atoms by losing one), non-acid anions
///    first, then acid anions (carboxylate, sulfonate, phosphate, nitrate, halate, tetrazolide), each group
///    in canonical rank order, but only as many as exceed the charge of the cations that must stay: a
///    betaine (`C[N+](C)(C)CC(=O)[O-]`) keeps its zwitterion.
/// 3. While the molecule is still positive, protonated bases give up their hydrogens, in canonical rank
///    order (carbocations gain one).
///
/// One deliberate difference from RDKit: when the cations that must stay outnumber the anions, RDKit
/// neutralizes every anion (its surplus count goes negative and never reaches zero); we leave them, so the
/// molecule's net charge moves towards zero instead of away from it.
struct Neutralizer {
    var molecule: Molecule
    /// (atom, its charge before) for every atom changed.
    private(set) var changed: [(atom: Int, charge: Int)] = []

    init(_ molecule: Molecule) {
        self.molecule = molecule
    }

    mutating func run() {
        let m = molecule
        let n = m.atomCount
        var anyCharge = false
        for a in m.atoms where a.formalCharge != 0 { anyCharge = true; break }
        guard anyCharge else { return }

        var negativeNeighbours = [Int](repeating: 0, count: n)
        var positiveNeighbours = [Int](repeating: 0, count: n)
        // As RDKit's patterns: an anion is a -1 atom, a cation +1 to +4.
        for b in m.bonds {
            let x = Int(b.begin), y = Int(b.end)
            let cx = m.atoms[x].formalCharge, cy = m.atoms[y].formalCharge
            if cy == -1 { negativeNeighbours[x] += 1 }
            if cx == -1 { negativeNeighbours[y] += 1 }
            if cy >= 1 && cy <= 4 { positiveNeighbours[x] += 1 }
            if cx >= 1 && cx <= 4 { positiveNeighbours[y] += 1 }
        }
        let ranks = m.canonicalRanking().ranks
        func byRank(_ atoms: [Int]) -> [Int] { atoms.sorted { ranks[$0] < ranks[$1] } }

        var protonatedBases: [Int] = []
        var chargeThatStays = 0
        var anions: [Int] = []
        var acids: [Int] = []
        for a in 0..<n {
            let atom = m.atoms[a]
            let charge = Int(atom.formalCharge)
            if charge >= 1 && charge <= 4 {
                if atom.totalHydrogens > 0 && (negativeNeighbours[a] == 0 || negativeNeighbours[a] >= 2) {
                    protonatedBases.append(a)
                } else if atom.totalHydrogens == 0 && negativeNeighbours[a] == 0 {
                    chargeThatStays += charge
                }
            } else if charge == -1 {
                let acid = isAcidAnion(a)
                if acid {
                    acids.append(a)
                } else if positiveNeighbours[a] == 0 {
                    anions.append(a)
                }
            }
        }
        // Acid anions that balance a charge in their own group (one per unit of the neighbour's charge, as
        // in nitrate) are not counted.
        acids = byRank(acids)
        var balanced = [Int](repeating: 0, count: n)
        var countedAcids: [Int] = []
        for a in acids {
            var skip = false
            for nb in m.neighbors(of: a) where m.atoms[nb.atom].formalCharge > 0 {
                if balanced[nb.atom] < Int(m.atoms[nb.atom].formalCharge) {
                    balanced[nb.atom] += 1
                    skip = true
                }
                break
            }
            if !skip { countedAcids.append(a) }
        }
        let negatives = byRank(anions) + countedAcids
        var surplus = negatives.count - chargeThatStays
        for a in negatives where surplus > 0 {
            if removeNegativeCharge(a) { surplus -= 1 }
        }

        var netCharge = 0
        for atom in molecule.atoms { netCharge += Int(atom.formalCharge) }
        guard netCharge > 0 else { return }
        for a in byRank(protonatedBases) {
            while molecule.atoms[a].formalCharge > 0 && netCharge > 0 {
                guard removePositiveCharge(a) else { break }
                netCharge -= 1
            }
            if netCharge == 0 { break }
        }
    }

    /// Carboxylate, carbonate, sulfinate/sulfonate/sulfate and thio analogues; phosphite/phosphate and
    /// nitrate; halite/halate/perhalate; tetrazolide (the acid anions of RDKit's Uncharger).
    func isAcidAnion(_ a: Int) -> Bool {
        let m = molecule
        let atom = m.atoms[a]
        let z = atom.atomicNumber
        if z == 7 && atom.isAromatic && atom.formalCharge == -1 { return isTetrazoleNitrogen(a) }
        guard (z == 8 || z == 16), !atom.isAromatic, atom.formalCharge == -1 else { return false }
        for nb in m.neighbors(of: a) {
            let bond = m.bonds[nb.bond]
            guard bond.order == .single || bond.isAromatic else { continue }
            let y = m.atoms[nb.atom]
            guard !y.isAromatic else { continue }
            switch (y.atomicNumber, y.formalCharge) {
            case (6, 0), (16, 0):
                if hasDoubleBondToChalcogen(nb.atom, excluding: a) { return true }
            case (7, 1), (15, 1):
                if hasDoubleBondToChalcogen(nb.atom, excluding: a) && hasAnionicChalcogen(nb.atom, excluding: a, oxygenOnly: false) {
                    return true
                }
            case (17, 1...3), (35, 1...3), (53, 1...3):
                if z == 8 && hasAnionicChalcogen(nb.atom, excluding: a, oxygenOnly: true) { return true }
            default:
                break
            }
        }
        return false
    }

    private func hasDoubleBondToChalcogen(_ centre: Int, excluding x: Int) -> Bool {
        for nb in molecule.neighbors(of: centre) where nb.atom != x {
            let bond = molecule.bonds[nb.bond]
            let other = molecule.atoms[nb.atom]
            if bond.order == .double && !bond.isAromatic && !other.isAromatic && (other.atomicNumber == 8 || other.atomicNumber == 16) {
                return true
            }
        }
        return false
    }

    private func hasAnionicChalcogen(_ centre: Int, excluding x: Int, oxygenOnly: Bool) -> Bool {
        for nb in molecule.neighbors(of: centre) where nb.atom != x {
            let bond = molecule.bonds[nb.bond]
            let other = molecule.atoms[nb.atom]
            guard bond.order == .single || bond.isAromatic, !other.isAromatic, other.formalCharge == -1 else { continue }
            if other.atomicNumber == 8 || (!oxygenOnly && other.atomicNumber == 16) { return true }
        }
        return false
    }

    /// An aromatic nitrogen in a five-membered aromatic ring of four nitrogens and one carbon.
    private func isTetrazoleNitrogen(_ a: Int) -> Bool {
        let rings = molecule.ringInfo
        for r in 0..<rings.ringCount where rings.size(ofRing: r) == 5 && rings.atoms(ofRing: r).contains(Int32(a)) {
            var nitrogens = 0, carbons = 0
            for x in rings.atoms(ofRing: r) {
                let atom = molecule.atoms[Int(x)]
                guard atom.isAromatic else { break }
                if atom.atomicNumber == 7 { nitrogens += 1 } else if atom.atomicNumber == 6 { carbons += 1 }
            }
            if nitrogens == 4 && carbons == 1 { return true }
        }
        return false
    }

    /// Adds a hydrogen to an anion (or, for boron-like atoms, removes one); false when neither is possible.
    private mutating func removeNegativeCharge(_ a: Int) -> Bool {
        let atom = molecule.atoms[a]
        let early = ValenceModel.isEarlyAtom(Int(atom.atomicNumber))
        if early && atom.totalHydrogens == 0 { return false }
        setHydrogens(a, atom.totalHydrogens + (early ? -1 : 1), charge: Int(atom.formalCharge) + 1)
        return true
    }

    /// Removes a hydrogen from a cation (carbon and boron-like atoms gain one instead); false when the atom
    /// has no hydrogen to give.
    private mutating func removePositiveCharge(_ a: Int) -> Bool {
        let atom = molecule.atoms[a]
        let z = Int(atom.atomicNumber)
        let gains = z == 6 || ValenceModel.isEarlyAtom(z)
        if !gains && atom.totalHydrogens == 0 { return false }
        setHydrogens(a, atom.totalHydrogens + (gains ? 1 : -1), charge: Int(atom.formalCharge) - 1)
        return true
    }

    private mutating func setHydrogens(_ a: Int, _ hydrogens: Int, charge: Int) {
        changed.append((a, Int(molecule.atoms[a].formalCharge)))
        molecule.updateAtom(a) { atom in
            atom.explicitHydrogens = UInt8(clamping: max(0, hydrogens))
            atom.implicitHydrogens = 0
            atom.noImplicit = true
            atom.formalCharge = Int8(clamping: charge)
        }
    }
}
