/// The target molecule as the matcher reads it: its arrays held directly (no copy; Swift arrays share their
/// storage) and the atom and bond facts SMARTS primitives compare, computed the way RDKit computes them on a
/// sanitized molecule. A class, so the searches over one target share it without copying.
final class MatchTarget {
    let atoms: [Atom]
    let bonds: [Bond]
    let offsets: [Int32]
    let adjacentAtoms: [Int32]
    let adjacentBonds: [Int32]
    let rings: RingInfo
    let atomCount: Int
    /// RDKit hybridization per atom, when the query has a `^` primitive.
    let hybridizations: [UInt8]?

    /// Reads the molecule; `hybridization` also computes RDKit's hybridization of every atom (for `^n`).
    init(_ molecule: Molecule, hybridization: Bool = false) {
        atoms = molecule.atoms
        bonds = molecule.bonds
        offsets = molecule.adjacencyOffsets
        adjacentAtoms = molecule.adjacentAtoms
        adjacentBonds = molecule.adjacentBonds
        atomCount = atoms.count
        let info = molecule.ringInfo
        if info.atomStats.count == atoms.count && info.bondStats.count == bonds.count {
            rings = info
        } else {
            // A molecule that was never perceived still gets ring facts, so ring primitives never read past
            // the ends of empty tables.
            var copy = molecule
            copy.perceiveRings()
            rings = copy.ringInfo
        }
        hybridizations = hybridization ? Hybridization.rdkitTypes(of: molecule) : nil
    }

    @inline(__always)
    func degree(_ atom: Int) -> Int { Int(offsets[atom + 1] - offsets[atom]) }

    /// The bond joining two atoms, or -1.
    @inline(__always)
    func bond(between a: Int, and b: Int) -> Int {
        var p = Int(offsets[a])
        let end = Int(offsets[a + 1])
        while p < end {
            if Int(adjacentAtoms[p]) == b { return Int(adjacentBonds[p]) }
            p += 1
        }
        return -1
    }

    /// RDKit's AROMATIC bond type: the aromatic flag of a perceived molecule, or an aromatic order on one
    /// that was not perceived.
    @inline(__always)
    static func isAromatic(_ bond: Bond) -> Bool { bond.isAromatic || bond.order == .aromatic }

    /// The value of an atom fact for one atom.
    @inline(__always)
    func value(_ property: AtomProperty, _ a: Int) -> Int {
        let atom = atoms[a]
        switch property {
        case .atomicNumber: return Int(atom.atomicNumber)
        case .isotope: return Int(atom.isotope)
        case .formalCharge: return Int(atom.formalCharge)
        case .radicalElectrons: return Int(atom.radicalElectrons)
        case .aromatic: return atom.isAromatic ? 1 : 0
        case .implicitHydrogenCount: return atom.totalHydrogens
        case .degree: return degree(a)
        case .totalDegree: return degree(a) + atom.totalHydrogens
        case .ringCount: return rings.ringCount(ofAtom: a)
        case .smallestRingSize: return rings.smallestRingSize(ofAtom: a)
        case .ringBondCount: return rings.ringBondCount(ofAtom: a)
        case .hydrogenCount:
            var count = atom.totalHydrogens
            for p in Int(offsets[a])..<Int(offsets[a + 1]) where atoms[Int(adjacentAtoms[p])].atomicNumber == 1 {
                count += 1
            }
            return count
        case .nonHydrogenDegree:
            // Deuterium and tritium count as heavy here, as in RDKit.
            var count = 0
            for p in Int(offsets[a])..<Int(offsets[a + 1]) {
                let n = atoms[Int(adjacentAtoms[p])]
                if n.atomicNumber != 1 || n.isotope > 1 { count += 1 }
            }
            return count
        case .heteroNeighbors, .aliphaticHeteroNeighbors:
            var count = 0
            for p in Int(offsets[a])..<Int(offsets[a + 1]) {
                let n = atoms[Int(adjacentAtoms[p])]
                if n.atomicNumber != 6 && n.atomicNumber != 1 && (property == .heteroNeighbors || !n.isAromatic) {
                    count += 1
                }
            }
            return count
        case .totalValence:
            return totalValence(a)
        case .hybridization:
            guard let hybridizations else { return 0 }
            return Int(hybridizations[a])
        }
    }

    /// Twice a bond's contribution to one end's valence (RDKit's `getTwiceValenceContrib`).
    @inline(__always)
    static func halfContribution(_ bond: Bond, at atom: Int) -> Int {
        if isAromatic(bond) { return 3 }
        switch bond.order {
        case .single: return 2
        case .double: return 4
        case .triple: return 6
        case .quadruple: return 8
        case .aromatic: return 3
        case .dative: return Int(bond.end) == atom ? 2 : 0
        case .zero, .unspecified: return 0
        }
    }

    /// RDKit's total valence: the explicit valence (bond orders, aromatic bonds rounded as RDKit rounds them,
    /// plus hydrogens) and the implicit hydrogens.
    func totalValence(_ a: Int) -> Int {
        let atom = atoms[a]
        var halves = 2 * atom.totalHydrogens
        var aromatic = atom.isAromatic
        for p in Int(offsets[a])..<Int(offsets[a + 1]) {
            let bond = bonds[Int(adjacentBonds[p])]
            halves += Self.halfContribution(bond, at: a)
            if Self.isAromatic(bond) { aromatic = true }
        }
        return ValenceModel.explicitValence(
            atomicNumber: Int(atom.atomicNumber), charge: Int(atom.formalCharge), accumulatedHalves: halves,
            isAromaticAtom: aromatic)
    }

    /// Whether some ring of exactly `size` atoms contains the atom (RDKit's `k<n>`; `k0` matches every atom).
    func isInRing(_ a: Int, ofSize size: Int) -> Bool {
        if size == 0 { return true }
        guard rings.isInRing(atom: a) else { return false }
        return rings.isInRing(atom: a, ofSize: size)
    }

    /// Whether some ring whose size is in `lower...upper` contains the atom (RDKit's `k{a-b}`).
    func isInRing(_ a: Int, sizeFrom lower: Int, to upper: Int) -> Bool {
        guard rings.isInRing(atom: a), lower <= upper else { return false }
        let target = Int32(a)
        for r in 0..<rings.ringCount {
            let size = rings.size(ofRing: r)
            if size >= lower && size <= upper && rings.atoms(ofRing: r).contains(target) { return true }
        }
        return false
    }
}
