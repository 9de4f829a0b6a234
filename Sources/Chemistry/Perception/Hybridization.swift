/// RDKit's hybridization of each atom of a perceived molecule (what its sanitization stores and SMARTS `^n`
/// reads), computed on demand: conjugation first (`setConjugation`), then the orbital count rule
/// (`setHybridization`).
enum Hybridization: UInt8 {
    case unspecified = 0
    case s = 1
    case sp = 2
    case sp2 = 3
    case sp3 = 4
    case sp3d = 5
    case sp3d2 = 6
    /// Square-planar centres (RDKit's SP2D).
    case sp2d = 7

    /// The hybridization of every atom, as raw values.
    static func rdkitTypes(of molecule: Molecule) -> [UInt8] {
        let target = MatchTarget(molecule)
        let conjugated = conjugatedBonds(target)
        var result = [UInt8](repeating: 0, count: target.atomCount)
        for a in 0..<target.atomCount {
            result[a] = hybridization(of: a, target, conjugated).rawValue
        }
        return result
    }

    /// Hydrogens that are not graph atoms plus graph neighbours (RDKit's total degree).
    private static func totalDegree(_ a: Int, _ target: MatchTarget) -> Int {
        target.degree(a) + target.atoms[a].totalHydrogens
    }

    private static func hybridization(of a: Int, _ target: MatchTarget, _ conjugated: [Bool]) -> Hybridization {
        let atom = target.atoms[a]
        if atom.atomicNumber == 0 { return .unspecified }
        let degree = totalDegree(a, target)
        switch atom.chirality.kind {
        case .tetrahedral where degree == 4: return .sp3
        case .squarePlanar where degree >= 2 && degree <= 4: return .sp2d
        case .trigonalBipyramidal where degree >= 2 && degree <= 5: return .sp3d
        case .octahedral where degree >= 2 && degree <= 6: return .sp3d2
        default: break
        }
        let orbitals = atom.atomicNumber < 89 ? bondsPlusLonePairs(a, target) : degree
        switch orbitals {
        case 0, 1: return .s
        case 2: return .sp
        case 3: return .sp2
        case 4:
            // SP2 when conjugated (the second O of O=CO), unless more than three neighbours.
            if degree > 3 { return .sp3 }
            for p in Int(target.offsets[a])..<Int(target.offsets[a + 1]) where conjugated[Int(target.adjacentBonds[p])] {
                return .sp2
            }
            return .sp3
        case 5: return .sp3d
        case 6: return .sp3d2
        default: return .unspecified
        }
    }

    private static func bondsPlusLonePairs(_ a: Int, _ target: MatchTarget) -> Int {
        let atom = target.atoms[a]
        var degree = totalDegree(a, target)
        for p in Int(target.offsets[a])..<Int(target.offsets[a + 1]) {
            let bond = target.bonds[Int(target.adjacentBonds[p])]
            if bond.order == .zero || (bond.order == .dative && Int(bond.end) != a) { degree -= 1 }
        }
        if atom.atomicNumber <= 1 { return degree }
        let outer = ElementTable.outerElectrons(Int(atom.atomicNumber))
        let valence = target.totalValence(a)
        let charge = Int(atom.formalCharge)
        let free = outer - (valence + charge)
        if valence + outer - charge < 8 {
            let radicals = Int(atom.radicalElectrons)
            return degree + (free - radicals) / 2 + radicals
        }
        return degree + free / 2
    }

    /// RDKit's `setConjugation`: aromatic bonds, and around atoms with two or three substituents each
    /// multiple bond together with the bonds to other conjugation candidates.
    private static func conjugatedBonds(_ target: MatchTarget) -> [Bool] {
        var conjugated = target.bonds.map { MatchTarget.isAromatic($0) }
        var candidate = [Int8](repeating: -1, count: target.atomCount)
        func isCandidate(_ a: Int) -> Bool {
            if candidate[a] < 0 { candidate[a] = isConjugationCandidate(a, target) ? 1 : 0 }
            return candidate[a] == 1
        }
        for a in 0..<target.atomCount {
            guard isCandidate(a) else { continue }
            let substituents = target.degree(a) + target.atoms[a].totalHydrogens
            guard substituents >= 2 && substituents <= 3 else { continue }
            let range = Int(target.offsets[a])..<Int(target.offsets[a + 1])
            for p in range {
                let bond1 = Int(target.adjacentBonds[p])
                guard MatchTarget.halfContribution(target.bonds[bond1], at: a) >= 3 else { continue }
                for p2 in range where p2 != p {
                    let other = Int(target.adjacentAtoms[p2])
                    let otherSubstituents = target.degree(other) + target.atoms[other].totalHydrogens
                    if otherSubstituents > 3 { continue }
                    if isCandidate(other) {
                        conjugated[bond1] = true
                        conjugated[Int(target.adjacentBonds[p2])] = true
                    }
                }
            }
        }
        return conjugated
    }

    /// RDKit's `isAtomConjugCand`: first-row atoms or atoms outside groups 15 and 16 (and terminal group-16
    /// atoms), with electrons to give to a π system.
    private static func isConjugationCandidate(_ a: Int, _ target: MatchTarget) -> Bool {
        let atom = target.atoms[a]
        let z = Int(atom.atomicNumber)
        let outer = ElementTable.outerElectrons(z)
        guard z <= 10 || (outer != 5 && outer != 6) || (outer == 6 && totalDegree(a, target) < 2) else { return false }
        return availableElectrons(a, target) > 0
    }

    /// RDKit's `countAtomElec` on the final molecule.
    private static func availableElectrons(_ a: Int, _ target: MatchTarget) -> Int {
        let atom = target.atoms[a]
        let z = Int(atom.atomicNumber)
        let dv = ElementTable.defaultValence(z)
        if dv <= 1 { return -1 }
        var degree = totalDegree(a, target)
        var halves = 2 * Int(atom.explicitHydrogens)
        var aromatic = atom.isAromatic
        for p in Int(target.offsets[a])..<Int(target.offsets[a + 1]) {
            let bond = target.bonds[Int(target.adjacentBonds[p])]
            let contribution = MatchTarget.halfContribution(bond, at: a)
            if contribution == 0 { degree -= 1 }
            halves += contribution
            if MatchTarget.isAromatic(bond) { aromatic = true }
        }
        if degree > 3 { return -1 }
        let lonePairElectrons = max(ElementTable.outerElectrons(z) - dv - Int(atom.formalCharge), 0)
        var electrons = (dv - degree) + lonePairElectrons - Int(atom.radicalElectrons)
        let explicitValence = ValenceModel.explicitValence(
            atomicNumber: z, charge: Int(atom.formalCharge), accumulatedHalves: halves, isAromaticAtom: aromatic)
        if electrons > 1 && explicitValence - target.degree(a) > 1 { electrons = 1 }
        return electrons
    }
}
