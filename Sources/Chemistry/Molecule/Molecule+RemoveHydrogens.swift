/// Hydrogen atoms become hydrogen counts, as RDKit's `RemoveHs` does by default when molfiles are read.
extension Molecule {
    /// The molecule with ordinary hydrogen atoms folded into their neighbours' `explicitHydrogens`.
    ///
    /// A hydrogen atom stays an atom when removing it would lose information: it carries an isotope, it has no
    /// neighbour or more than one, its neighbour is a hydrogen or a dummy atom, its neighbour has
    /// non-tetrahedral stereo, or it is the only substituent defining a cis/trans double bond. Tetrahedral
    /// chirality is re-expressed for the new neighbour order, double-bond stereo atoms move to the remaining
    /// neighbour, and coordinates, name and data fields are kept.
    ///
    /// Unlike RDKit, a hydrogen removed from an atom whose valence model gives no implicit hydrogens (a metal)
    /// is kept as an explicit count rather than dropped, so no hydrogen is ever lost.
    public func removingHydrogens() -> Molecule {
        let n = atomCount
        var remove = [Bool](repeating: false, count: n)
        var anyRemoved = false
        for h in 0..<n where shouldRemoveHydrogen(h) {
            remove[h] = true
            anyRemoved = true
        }
        guard anyRemoved else { return self }

        var newAtoms = atoms
        for h in 0..<n where remove[h] {
            let heavy = neighbors(of: h)[0].atom
            newAtoms[heavy].explicitHydrogens &+= 1
        }
        // Re-express tetrahedral chirality: hydrogens that become counts move to the front of the reference
        // order; more than one such hydrogen leaves no configuration to speak of.
        for a in 0..<n where !remove[a] && atoms[a].chirality.isTetrahedral {
            let removedHere = neighbors(of: a).filter { remove[$0.atom] }
            if removedHere.isEmpty { continue }
            let implicitBefore = atoms[a].totalHydrogens
            guard implicitBefore + removedHere.count == 1 else {
                newAtoms[a].chirality = .none
                continue
            }
            // Old reference order: graph neighbours in bond order (no implicit hydrogen before removal).
            let old = neighbors(of: a).map(\.atom)
            let hydrogen = removedHere[0].atom
            let new = [hydrogen] + old.filter { $0 != hydrogen }
            if permutationIsOdd(from: old, to: new) {
                newAtoms[a].chirality = atoms[a].chirality.inverted
            }
        }

        var newIndex = [Int32](repeating: -1, count: n)
        var kept: [Atom] = []
        kept.reserveCapacity(n)
        for a in 0..<n where !remove[a] {
            newIndex[a] = Int32(kept.count)
            kept.append(newAtoms[a])
        }
        var newBonds: [Bond] = []
        newBonds.reserveCapacity(bondCount)
        var newBondIndex = [Int32](repeating: -1, count: bondCount)
        for (i, bond) in bonds.enumerated() where !remove[Int(bond.begin)] && !remove[Int(bond.end)] {
            newBondIndex[i] = Int32(newBonds.count)
            var b = bond
            b.begin = newIndex[Int(bond.begin)]
            b.end = newIndex[Int(bond.end)]
            if b.stereo == .cis || b.stereo == .trans || b.stereo == .either {
                var (s0, s1) = (Int(bond.stereoAtoms.0), Int(bond.stereoAtoms.1))
                var flip = false
                var lost = false
                for (stereoAtom, end) in [(s0, Int(bond.begin)), (s1, Int(bond.end))] where stereoAtom >= 0 && remove[stereoAtom] {
                    let replacement = neighbors(of: end).map(\.atom).first { $0 != stereoAtom && $0 != bond.other(Int32(end)).asInt && !remove[$0] }
                    if let replacement {
                        if stereoAtom == s0 { s0 = replacement } else { s1 = replacement }
                        flip.toggle()
                    } else {
                        lost = true
                    }
                }
                if lost {
                    b.stereo = .none
                    b.stereoAtoms = (-1, -1)
                } else {
                    if flip && b.stereo != .either { b.stereo = b.stereo == .cis ? .trans : .cis }
                    b.stereoAtoms = (s0 >= 0 ? newIndex[s0] : -1, s1 >= 0 ? newIndex[s1] : -1)
                }
            }
            newBonds.append(b)
        }
        var result = Molecule(uncheckedAtoms: kept, bonds: newBonds)
        result.name = name
        result.properties = properties
        if coordinates.count == n {
            result.coordinates = (0..<n).filter { !remove[$0] }.map { coordinates[$0] }
        }
        result.hasThreeDimensionalCoordinates = hasThreeDimensionalCoordinates
        // Hydrogens lie on no ring, so the rings are the same; only their atom and bond numbers change.
        result.aromaticityModel = aromaticityModel
        if ringInfo.atomStats.count == n && ringInfo.bondStats.count == bondCount {
            result.ringInfo = ringInfo.renumbered(atomIndex: newIndex, bondIndex: newBondIndex)
        } else if aromaticityModel != nil {
            result.perceiveRings()
        }
        return result
    }

    /// RDKit's default `RemoveHs` rules for one atom.
    private func shouldRemoveHydrogen(_ h: Int) -> Bool {
        let atom = atoms[h]
        guard atom.atomicNumber == 1, atom.isotope == 0, degree(of: h) == 1 else { return false }
        let (heavy, _) = neighbors(of: h)[0]
        let neighbor = atoms[heavy]
        if neighbor.atomicNumber <= 1 { return false }  // H2, or a dummy atom
        if neighbor.chirality.kind != .none && !neighbor.chirality.isTetrahedral { return false }
        // The only substituent at one end of a stereo double bond defines it.
        if degree(of: heavy) == 2 {
            for (_, b) in neighbors(of: heavy) where bonds[b].order == .double {
                if bonds[b].stereo == .cis || bonds[b].stereo == .trans { return false }
            }
        }
        return true
    }
}

extension Int32 {
    fileprivate var asInt: Int { Int(self) }
}
