/// RDKit's `cleanUp` and `cleanUpOrganometallics`: rewrite a few hypervalent drawings into the charge-separated
/// forms the valence model accepts, before any valence is checked.
extension Perceiver {
    /// Nitro and N-oxides (`CN(=O)=O` → `C[N+](=O)[O-]`), azides written `N=N#N`, P(V) ylides
    /// (`C=P(=O)X` → `C=[P+]([O-])X`) and halogen oxides (`O=Cl(=O)(=O)O` → `[O-][Cl+3]([O-])([O-])O`).
    mutating func cleanUp() {
        for i in 0..<atoms.count {
            switch atoms[i].atomicNumber {
            case 7: cleanUpNitrogen(i)
            case 15: cleanUpPhosphorus(i)
            case 17, 35, 53: cleanUpHalogen(i)
            default: break
            }
        }
    }

    /// Whether the atom has a double, triple or aromatic bond (a valence of 5 needs one).
    private func hasMultipleBond(_ atom: Int) -> Bool {
        for p in Int(offsets[atom])..<Int(offsets[atom + 1]) {
            switch bonds[Int(adjacentBonds[p])].order {
            case .double, .triple, .quadruple, .aromatic: return true
            default: continue
            }
        }
        return false
    }

    private mutating func cleanUpNitrogen(_ atom: Int) {
        guard atoms[atom].formalCharge == 0, hasMultipleBond(atom) else { return }
        // RDKit clears the atom's own aromatic flag for this test (aromatic bonds still count as aromatic).
        guard computeExplicitValence(atom, aromaticFlag: false) == 5 else { return }
        for p in Int(offsets[atom])..<Int(offsets[atom + 1]) {
            let other = Int(adjacentAtoms[p])
            let b = Int(adjacentBonds[p])
            let order = bonds[b].order
            let plainDouble = order == .double && !bonds[b].isAromatic
            let plainTriple = order == .triple && !bonds[b].isAromatic
            if atoms[other].atomicNumber == 8 && atoms[other].formalCharge == 0 && plainDouble {
                bonds[b].order = .single
                atoms[atom].formalCharge = 1
                atoms[other].formalCharge = -1
                return
            }
            if atoms[other].atomicNumber == 7 && atoms[other].formalCharge == 0 && plainTriple {
                bonds[b].order = .double
                atoms[atom].formalCharge = 1
                atoms[other].formalCharge = -1
                return
            }
        }
    }

    private mutating func cleanUpPhosphorus(_ atom: Int) {
        guard atoms[atom].formalCharge == 0, degree(atom) == 3, hasMultipleBond(atom), computeExplicitValence(atom) == 5 else { return }
        var doubleToOxygen = -1
        var oxygen = -1
        var hasDoubleToCarbonOrNitrogen = false
        for p in Int(offsets[atom])..<Int(offsets[atom + 1]) {
            let other = Int(adjacentAtoms[p])
            let b = Int(adjacentBonds[p])
            let isDouble = bonds[b].order == .double && !bonds[b].isAromatic
            let z = atoms[other].atomicNumber
            if z == 8 && atoms[other].formalCharge == 0 && isDouble {
                doubleToOxygen = b
                oxygen = other
            } else if (z == 6 || z == 7) && degree(other) >= 2 && isDouble {
                hasDoubleToCarbonOrNitrogen = true
            }
        }
        if hasDoubleToCarbonOrNitrogen && doubleToOxygen >= 0 {
            atoms[oxygen].formalCharge = -1
            bonds[doubleToOxygen].order = .single
            atoms[atom].formalCharge = 1
        }
    }

    private mutating func cleanUpHalogen(_ atom: Int) {
        guard degree(atom) > 0, hasMultipleBond(atom) || degree(atom) > 1 else { return }
        let ev = computeExplicitValence(atom)
        guard atoms[atom].formalCharge == 0, ev == 7 || ev == 5 || ev == 3 else { return }
        for p in Int(offsets[atom])..<Int(offsets[atom + 1]) where atoms[Int(adjacentAtoms[p])].atomicNumber != 8 {
            return
        }
        var charge = 0
        for p in Int(offsets[atom])..<Int(offsets[atom + 1]) {
            let b = Int(adjacentBonds[p])
            if bonds[b].order == .double && !bonds[b].isAromatic {
                bonds[b].order = .single
                charge += 1
                atoms[Int(adjacentAtoms[p])].formalCharge = -1
            }
        }
        atoms[atom].formalCharge = Int8(clamping: charge)
    }

    /// A single bond from a non-metal above its valence (e.g. a four-bonded neutral N) to a metal becomes a
    /// dative bond from the non-metal to the metal.
    mutating func cleanUpOrganometallics() {
        guard atoms.contains(where: { ValenceModel.isMetal(Int($0.atomicNumber)) }) else { return }
        var needed = false
        for i in 0..<atoms.count where isHypervalentNonMetal(i) && !noDative(i) {
            for p in Int(offsets[i])..<Int(offsets[i + 1]) {
                let b = bonds[Int(adjacentBonds[p])]
                if b.order == .single && !b.isAromatic && ValenceModel.isMetal(Int(atoms[Int(adjacentAtoms[p])].atomicNumber)) {
                    needed = true
                    break
                }
            }
            if needed { break }
        }
        guard needed else { return }
        // RDKit walks atoms in canonical-rank order and breaks ties between metals by rank; we use atom
        // order, which gives the same result unless one atom is bonded to two equivalent metals.
        for i in 0..<atoms.count where isHypervalentNonMetal(i) && !noDative(i) {
            var best = -1
            var bestDatives = Int.max
            for p in Int(offsets[i])..<Int(offsets[i + 1]) {
                let b = Int(adjacentBonds[p])
                let metal = Int(adjacentAtoms[p])
                guard bonds[b].order == .single, !bonds[b].isAromatic, ValenceModel.isMetal(Int(atoms[metal].atomicNumber)) else { continue }
                let datives = dativeCount(metal)
                if datives < bestDatives {
                    bestDatives = datives
                    best = b
                }
            }
            if best >= 0 {
                bonds[best].order = .dative
                if Int(bonds[best].begin) != i {
                    bonds[best].end = bonds[best].begin
                    bonds[best].begin = Int32(i)
                }
            }
        }
    }

    private func dativeCount(_ atom: Int) -> Int {
        var count = 0
        for p in Int(offsets[atom])..<Int(offsets[atom + 1]) where bonds[Int(adjacentBonds[p])].order == .dative {
            count += 1
        }
        return count
    }

    private func noDative(_ atom: Int) -> Bool {
        let z = atoms[atom].atomicNumber
        return z == 1 || z == 2 || z == 9 || z == 10
    }

    private func isHypervalentNonMetal(_ atom: Int) -> Bool {
        let z = Int(atoms[atom].atomicNumber)
        if ValenceModel.isMetal(z) || z == 0 { return false }
        let ev = computeExplicitValence(atom)
        let effective = z - Int(atoms[atom].formalCharge)
        if effective <= 0 || effective > ElementTable.maxAtomicNumber { return false }
        let last = Int(ElementTable.valences(effective).last ?? -1)
        return last > 0 && ev > last && ev <= 4
    }
}
