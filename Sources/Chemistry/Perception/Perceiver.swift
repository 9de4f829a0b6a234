/// Working state of one `Molecule.perceive()` run: the molecule's arrays plus what RDKit caches on its atoms
/// between sanitization steps (explicit valence, explicit-H count, no-implicit flag), so each step sees
/// exactly the values RDKit's would.
struct Perceiver {
    var atoms: [Atom]
    var bonds: [Bond]
    let offsets: [Int32]
    let adjacentAtoms: [Int32]
    let adjacentBonds: [Int32]
    var rings = RingInfo()
    /// RDKit's cached explicit valence (set by the valence step, refreshed where RDKit refreshes it).
    var explicitValence: [Int32]
    /// RDKit's view of each atom's explicit-H count and no-implicit flag; perception changes them only where
    /// RDKit does (pyrrole-type `[nH]` after kekulization), while `Atom` keeps what the input said.
    var explicitHydrogens: [UInt8]
    var noImplicit: [Bool]

    init(_ molecule: Molecule) {
        atoms = molecule.atoms
        bonds = molecule.bonds
        offsets = molecule.adjacencyOffsets
        adjacentAtoms = molecule.adjacentAtoms
        adjacentBonds = molecule.adjacentBonds
        explicitValence = [Int32](repeating: 0, count: atoms.count)
        explicitHydrogens = atoms.map(\.explicitHydrogens)
        noImplicit = atoms.map(\.noImplicit)
    }

    /// RDKit's sanitization, in its order (see docs/CHEMISTRY.md).
    mutating func run(aromaticity model: AromaticityModel) throws(PerceptionError) {
        cleanUp()
        cleanUpOrganometallics()
        rings = RingPerception.perceive(
            atomCount: atoms.count, bonds: bonds, offsets: offsets, adjacentAtoms: adjacentAtoms,
            adjacentBonds: adjacentBonds)
        try assignValences()
        try kekulize()
        assignRadicals()
        perceiveAromaticity(model: model)
        try finalValenceCheck()
    }

    // MARK: - Bond contributions

    /// A bond as RDKit types it: a Kekulé single or double bond flagged aromatic is RDKit's AROMATIC.
    @inline(__always)
    func isAromaticType(_ b: Bond) -> Bool {
        b.order == .aromatic || (b.isAromatic && (b.order == .single || b.order == .double))
    }

    /// Twice the bond's contribution to `atom`'s valence (RDKit's `getTwiceValenceContrib`).
    @inline(__always)
    func halfContribution(_ b: Bond, at atom: Int) -> Int {
        if isAromaticType(b) { return 3 }
        switch b.order {
        case .single: return 2
        case .double: return 4
        case .triple: return 6
        case .quadruple: return 8
        case .aromatic: return 3
        case .dative: return Int(b.end) == atom ? 2 : 0
        case .zero, .unspecified: return 0
        }
    }

    /// The bond's contribution rounded as RDKit's `std::lround(getValenceContrib)` (aromatic 1.5 → 2).
    @inline(__always)
    func roundedContribution(_ b: Bond, at atom: Int) -> Int {
        (halfContribution(b, at: atom) + 1) / 2
    }

    @inline(__always)
    func degree(_ atom: Int) -> Int { Int(offsets[atom + 1] - offsets[atom]) }

    /// RDKit's `isAromaticAtom`: the atom is flagged aromatic or has an aromatic bond.
    @inline(__always)
    func isAromaticAtom(_ atom: Int) -> Bool {
        if atoms[atom].isAromatic { return true }
        for p in Int(offsets[atom])..<Int(offsets[atom + 1]) where isAromaticType(bonds[Int(adjacentBonds[p])]) {
            return true
        }
        return false
    }

    /// Bond orders plus explicit hydrogens, in half units.
    @inline(__always)
    func accumulatedHalves(_ atom: Int, explicitH: Int) -> Int {
        var accum = 2 * explicitH
        for p in Int(offsets[atom])..<Int(offsets[atom + 1]) {
            accum += halfContribution(bonds[Int(adjacentBonds[p])], at: atom)
        }
        return accum
    }

    /// RDKit's explicit valence of an atom, with `aromaticFlag` overriding the atom's own flag (cleanUp
    /// looks at nitrogen as if it were not aromatic).
    func computeExplicitValence(_ atom: Int, aromaticFlag: Bool? = nil) -> Int {
        let a = atoms[atom]
        var aromatic = aromaticFlag ?? a.isAromatic
        if !aromatic {
            for p in Int(offsets[atom])..<Int(offsets[atom + 1]) where isAromaticType(bonds[Int(adjacentBonds[p])]) {
                aromatic = true
                break
            }
        }
        return ValenceModel.explicitValence(
            atomicNumber: Int(a.atomicNumber), charge: Int(a.formalCharge),
            accumulatedHalves: accumulatedHalves(atom, explicitH: Int(explicitHydrogens[atom])), isAromaticAtom: aromatic)
    }

    /// Implicit hydrogens under RDKit's rules for a given explicit valence; `nil` when strict checking fails.
    func computeImplicitHydrogens(_ atom: Int, explicitValence ev: Int) -> ValenceModel.ImplicitResult {
        if noImplicit[atom] { return .count(0) }
        let a = atoms[atom]
        return ValenceModel.implicitHydrogens(
            atomicNumber: Int(a.atomicNumber), charge: Int(a.formalCharge), radicals: Int(a.radicalElectrons),
            explicitValence: ev, isAromaticAtom: isAromaticAtom(atom))
    }

    func symbol(_ atom: Int) -> String { atoms[atom].symbol }

    // MARK: - Valence (RDKit's first updatePropertyCache(strict))

    /// Computes every atom's explicit valence and implicit hydrogens, rejecting impossible valences.
    mutating func assignValences() throws(PerceptionError) {
        for i in 0..<atoms.count {
            let ev = computeExplicitValence(i)
            let a = atoms[i]
            if ValenceModel.exceedsMaximumValence(atomicNumber: Int(a.atomicNumber), charge: Int(a.formalCharge), explicitValence: ev) {
                throw valenceError(i, ev)
            }
            explicitValence[i] = Int32(ev)
            switch computeImplicitHydrogens(i, explicitValence: ev) {
            case .count(let h): atoms[i].implicitHydrogens = UInt8(clamping: h)
            case .aromaticValenceNotAllowed: throw aromaticValenceError(i, ev)
            case .valenceTooHigh: throw valenceError(i, ev)
            case .unreasonableHydrogenCharge: throw hydrogenChargeError(i)
            }
        }
    }

    func valenceError(_ atom: Int, _ ev: Int) -> PerceptionError {
        let a = atoms[atom]
        let charge = a.formalCharge == 0 ? "" : " with charge \(a.formalCharge > 0 ? "+" : "")\(a.formalCharge)"
        let allowed = ElementTable.valences(ValenceModel.effectiveAtomicNumber(Int(a.atomicNumber), charge: Int(a.formalCharge)))
            .filter { $0 >= 0 }.map(String.init).joined(separator: ", ")
        return PerceptionError(
            .valence,
            "atom \(atom + 1) (\(symbol(atom))\(charge)) has valence \(ev), more than allowed (\(allowed.isEmpty ? "none" : allowed)); remove a bond, lower a bond order or change the charge",
            atom: atom)
    }

    func aromaticValenceError(_ atom: Int, _ ev: Int) -> PerceptionError {
        PerceptionError(
            .valence,
            "aromatic atom \(atom + 1) (\(symbol(atom))) has valence \(ev), which is not an allowed valence; check its bonds, charge and hydrogen count",
            atom: atom)
    }

    func hydrogenChargeError(_ atom: Int) -> PerceptionError {
        PerceptionError(
            .chargeOnHydrogen,
            "hydrogen atom \(atom + 1) has charge \(atoms[atom].formalCharge), which no valence allows; use 0, +1 or -1",
            atom: atom)
    }

    // MARK: - Radicals (RDKit's assignRadicals)

    /// Gives atoms whose hydrogen count is fixed (bracket atoms) the unpaired electrons their valence leaves.
    mutating func assignRadicals() {
        for i in 0..<atoms.count where noImplicit[i] && atoms[i].atomicNumber != 0 {
            let z = Int(atoms[i].atomicNumber)
            let charge = Int(atoms[i].formalCharge)
            let outer = ElementTable.outerElectrons(z)
            let valences = ElementTable.valences(z)
            if !(valences.count == 1 && valences[0] == -1) {
                let total = (accumulatedHalves(i, explicitH: Int(explicitHydrogens[i])) + 0) / 2  // truncation of accum + 0.1
                let baseCount = (z == 1 || z == 2) ? 2 : 8
                var radicals = baseCount - outer - total + charge
                if radicals < 0 {
                    radicals = 0
                    if valences.count > 1 {
                        for v in valences where Int(v) - total + charge >= 0 {
                            radicals = Int(v) - total + charge
                            break
                        }
                    }
                }
                let radicals2 = outer - total - charge
                if radicals2 >= 0 { radicals = min(radicals, radicals2) }
                atoms[i].radicalElectrons = UInt8(clamping: radicals)
            } else if degree(i) > 0 {
                atoms[i].radicalElectrons = 0
            } else {
                let valenceElectrons = max(outer - charge, 0)
                atoms[i].radicalElectrons = UInt8(valenceElectrons % 2)
            }
        }
    }

    // MARK: - Final check (RDKit's adjustHs and last updatePropertyCache(strict))

    /// Recomputes hydrogens with the aromatic bonds counted as 1.5, keeping hydrogens an aromatic atom would
    /// otherwise lose, and rejects valences that only show up now (as RDKit's final step does).
    mutating func finalValenceCheck() throws(PerceptionError) {
        for i in 0..<atoms.count {
            let a = atoms[i]
            var rdExplicit = Int(explicitHydrogens[i])
            let original = noImplicit[i] ? 0 : Int(a.implicitHydrogens)
            var ev = ValenceModel.explicitValence(
                atomicNumber: Int(a.atomicNumber), charge: Int(a.formalCharge),
                accumulatedHalves: accumulatedHalves(i, explicitH: rdExplicit), isAromaticAtom: isAromaticAtom(i))
            if !noImplicit[i], case .count(let updated) = computeImplicitHydrogens(i, explicitValence: ev), updated < original {
                rdExplicit += original - updated
                ev = ValenceModel.explicitValence(
                    atomicNumber: Int(a.atomicNumber), charge: Int(a.formalCharge),
                    accumulatedHalves: accumulatedHalves(i, explicitH: rdExplicit), isAromaticAtom: isAromaticAtom(i))
            }
            if ValenceModel.exceedsMaximumValence(atomicNumber: Int(a.atomicNumber), charge: Int(a.formalCharge), explicitValence: ev) {
                throw valenceError(i, ev)
            }
            var implicit = 0
            switch computeImplicitHydrogens(i, explicitValence: ev) {
            case .count(let h): implicit = h
            case .aromaticValenceNotAllowed: throw aromaticValenceError(i, ev)
            case .valenceTooHigh: throw valenceError(i, ev)
            case .unreasonableHydrogenCharge: throw hydrogenChargeError(i)
            }
            // Our atom keeps the input's explicit count; everything else is implicit.
            let total = rdExplicit + implicit
            atoms[i].implicitHydrogens = UInt8(clamping: max(0, total - Int(a.explicitHydrogens)))
        }
    }
}
