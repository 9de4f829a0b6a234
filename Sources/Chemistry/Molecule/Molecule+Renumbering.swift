extension Molecule {
    /// The same molecule with its atoms in a new order: `order[new] = old`. Returns nil unless `order` is a
    /// permutation of the atom indices.
    ///
    /// Why: canonical output walks a molecule in canonical order, and tests shuffle atoms to check that
    /// answers do not depend on input order. Bonds are re-listed by their new end atoms (lower first, except
    /// that a dative bond keeps its donor as `begin`), tetrahedral and other atom stereo is re-expressed for
    /// the new reference order (`Chirality`), a cis/trans bond's stereo atoms become the lowest-numbered
    /// substituent at each end, and rings, coordinates, name and properties carry over.
    public func renumbered(_ order: [Int]) -> Molecule? {
        let n = atomCount
        guard order.count == n else { return nil }
        var newAtom = [Int32](repeating: -1, count: n)
        for (new, old) in order.enumerated() {
            guard old >= 0, old < n, newAtom[old] < 0 else { return nil }
            newAtom[old] = Int32(new)
        }

        var newAtoms = [Atom]()
        newAtoms.reserveCapacity(n)
        for old in order { newAtoms.append(atoms[old]) }

        // Bonds sorted by (lower new end, higher new end).
        var keyed: [(key: UInt64, old: Int32)] = []
        keyed.reserveCapacity(bondCount)
        for (i, b) in bonds.enumerated() {
            let x = UInt64(UInt32(newAtom[Int(b.begin)])), y = UInt64(UInt32(newAtom[Int(b.end)]))
            keyed.append((min(x, y) << 32 | max(x, y), Int32(i)))
        }
        keyed.sort { $0.key < $1.key }
        var newBond = [Int32](repeating: 0, count: bondCount)
        var newBonds = [Bond]()
        newBonds.reserveCapacity(bondCount)
        for (position, entry) in keyed.enumerated() {
            newBond[Int(entry.old)] = Int32(position)
            var b = bonds[Int(entry.old)]
            let begin = newAtom[Int(b.begin)], end = newAtom[Int(b.end)]
            if b.order == .dative || begin < end {
                b.begin = begin
                b.end = end
            } else {
                b.begin = end
                b.end = begin
            }
            if b.stereoAtoms.0 >= 0 && b.stereoAtoms.1 >= 0 {
                // stereoAtoms.0 belongs to the old begin; keep it with the atom it is bonded to.
                let s0 = newAtom[Int(bonds[Int(entry.old)].stereoAtoms.0)]
                let s1 = newAtom[Int(bonds[Int(entry.old)].stereoAtoms.1)]
                b.stereoAtoms = newAtom[Int(bonds[Int(entry.old)].begin)] == b.begin ? (s0, s1) : (s1, s0)
            } else {
                b.stereoAtoms = (-1, -1)
            }
            newBonds.append(b)
        }

        var result = Molecule(uncheckedAtoms: newAtoms, bonds: newBonds)
        result.name = name
        result.properties = properties
        if coordinates.count == n {
            result.coordinates = order.map { coordinates[$0] }
        }
        result.hasThreeDimensionalCoordinates = hasThreeDimensionalCoordinates
        result.ringInfo = ringInfo.renumbered(newAtom: newAtom, newBond: newBond)
        result.aromaticityModel = aromaticityModel

        // Atom stereo relative to the new reference order.
        for old in 0..<n where atoms[old].chirality.kind != .none {
            let chirality = atoms[old].chirality
            guard chirality.kind != .allene else { continue }
            let new = Int(newAtom[old])
            var from: [Int32] = []
            if atoms[old].totalHydrogens == 1 { from.append(ChiralityPermutation.implicitHydrogen) }
            for nb in neighbors(of: old) { from.append(newAtom[nb.atom]) }
            var to: [Int32] = []
            if atoms[old].totalHydrogens == 1 { to.append(ChiralityPermutation.implicitHydrogen) }
            for nb in result.neighbors(of: new) { to.append(Int32(nb.atom)) }
            if chirality.kind == .tetrahedral && from.count == 3 {
                from.append(ChiralityPermutation.lonePair)
                to.append(ChiralityPermutation.lonePair)
            }
            if let converted = ChiralityPermutation.convert(chirality, from: from, to: to) {
                result.atoms[new].chirality = converted
            }
        }
        // Cis/trans relative to the lowest-numbered substituent at each end.
        for b in 0..<result.bondCount where result.bonds[b].stereo == .cis || result.bonds[b].stereo == .trans {
            result.normalizeStereoAtoms(b)
        }
        return result
    }

    /// Re-expresses a cis/trans bond relative to the lowest-numbered substituent at each end.
    mutating func normalizeStereoAtoms(_ b: Int) {
        let bond = bonds[b]
        let begin = Int(bond.begin), end = Int(bond.end)
        guard bond.stereoAtoms.0 >= 0, bond.stereoAtoms.1 >= 0 else { return }
        var lowBegin = Int32.max, lowEnd = Int32.max
        for nb in neighbors(of: begin) where nb.atom != end { lowBegin = min(lowBegin, Int32(nb.atom)) }
        for nb in neighbors(of: end) where nb.atom != begin { lowEnd = min(lowEnd, Int32(nb.atom)) }
        guard lowBegin != Int32.max, lowEnd != Int32.max else { return }
        let flips = (bond.stereoAtoms.0 != lowBegin) != (bond.stereoAtoms.1 != lowEnd)
        bonds[b].stereoAtoms = (lowBegin, lowEnd)
        if flips { bonds[b].stereo = bond.stereo == .cis ? .trans : .cis }
    }
}
