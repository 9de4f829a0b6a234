extension Molecule {
    /// The molecule with the chosen hydrogen atoms turned into hydrogen counts on their neighbours (as a
    /// SMILES reader folds `[H]`), and for each old atom its new index (-1 for folded ones).
    ///
    /// Only hydrogens with one single bond to a non-hydrogen atom without a square-planar, bipyramidal or
    /// octahedral class are folded. Tetrahedral stereo on the neighbour is re-expressed with the hydrogen
    /// as its implicit one; a cis/trans bond that referred to the hydrogen refers to the other substituent
    /// (or loses its stereo when there is none). The result needs `perceive()` for rings.
    func foldingHydrogenAtoms(_ fold: [Bool]) -> (molecule: Molecule, newIndex: [Int32]) {
        let n = atomCount
        var folded = [Bool](repeating: false, count: n)
        var gained = [Int](repeating: 0, count: n)
        for h in 0..<n where fold[h] && atoms[h].atomicNumber == 1 && degree(of: h) == 1 {
            let (heavy, bond) = neighbors(of: h)[0]
            guard bonds[bond].order == .single, atoms[heavy].atomicNumber != 1 else { continue }
            switch atoms[heavy].chirality.kind {
            case .squarePlanar, .trigonalBipyramidal, .octahedral: continue
            default: break
            }
            folded[h] = true
            gained[heavy] += 1
        }
        var newIndex = [Int32](repeating: -1, count: n)
        var newAtoms: [Atom] = []
        for a in 0..<n where !folded[a] {
            newIndex[a] = Int32(newAtoms.count)
            var atom = atoms[a]
            atom.explicitHydrogens = UInt8(clamping: Int(atom.explicitHydrogens) + gained[a])
            if gained[a] > 0 && atom.chirality.kind != .none {
                atom.chirality = foldedChirality(a, folded: folded, newHydrogens: atom.totalHydrogens)
            }
            newAtoms.append(atom)
        }
        var newBonds: [Bond] = []
        for b in bonds where !folded[Int(b.begin)] && !folded[Int(b.end)] {
            var copy = b
            copy.begin = newIndex[Int(b.begin)]
            copy.end = newIndex[Int(b.end)]
            if b.stereo != .none && b.stereoAtoms.0 >= 0 && b.stereoAtoms.1 >= 0 {
                var stereo = b.stereo
                var ends = [b.stereoAtoms.0, b.stereoAtoms.1]
                let centres = [Int(b.begin), Int(b.end)]
                for k in 0..<2 where folded[Int(ends[k])] {
                    let partner = centres[1 - k]
                    var replacement: Int32 = -1
                    for nb in neighbors(of: centres[k]) where nb.atom != partner && !folded[nb.atom] {
                        replacement = Int32(nb.atom)
                    }
                    ends[k] = replacement
                    if stereo == .cis { stereo = .trans } else if stereo == .trans { stereo = .cis }
                }
                if ends[0] >= 0 && ends[1] >= 0 {
                    copy.stereo = stereo
                    copy.stereoAtoms = (newIndex[Int(ends[0])], newIndex[Int(ends[1])])
                } else {
                    copy.stereo = .none
                    copy.stereoAtoms = (-1, -1)
                }
            }
            newBonds.append(copy)
        }
        var result = Molecule(uncheckedAtoms: newAtoms, bonds: newBonds)
        result.name = name
        result.properties = properties
        if coordinates.count == n {
            result.coordinates = (0..<n).filter { !folded[$0] }.map { coordinates[$0] }
            result.hasThreeDimensionalCoordinates = hasThreeDimensionalCoordinates
        }
        return (result, newIndex)
    }

    /// The tetrahedral configuration of `a` once its folded hydrogen atoms are counted instead of bonded:
    /// the hydrogen takes the implicit hydrogen's place at the front of the reference order. Centres left
    /// with two or more hydrogens have no configuration.
    private func foldedChirality(_ a: Int, folded: [Bool], newHydrogens: Int) -> Chirality {
        let chirality = atoms[a].chirality
        guard chirality.kind == .tetrahedral, newHydrogens == 1 else { return chirality.kind == .tetrahedral ? .none : chirality }
        var from: [Int32] = []
        if atoms[a].totalHydrogens == 1 { from.append(ChiralityPermutation.implicitHydrogen) }
        var to: [Int32] = [ChiralityPermutation.implicitHydrogen]
        for nb in neighbors(of: a) {
            from.append(folded[nb.atom] ? ChiralityPermutation.implicitHydrogen : Int32(nb.atom))
            if !folded[nb.atom] { to.append(Int32(nb.atom)) }
        }
        if from.count == 3 {
            from.append(ChiralityPermutation.lonePair)
            to.append(ChiralityPermutation.lonePair)
        }
        return ChiralityPermutation.convert(chirality, from: from, to: to) ?? .none
    }
}
