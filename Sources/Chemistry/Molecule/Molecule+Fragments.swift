extension Molecule {
    /// The connected components, each as its atom indices in increasing order, listed by their lowest atom.
    ///
    /// Why: salts, solvents and mixtures arrive as one record with several fragments (`CCN.Cl`); the
    /// standardizer and reports work fragment by fragment.
    public func fragments() -> [[Int]] {
        let n = atomCount
        var component = [Int32](repeating: -1, count: n)
        var result: [[Int]] = []
        var stack: [Int] = []
        for start in 0..<n where component[start] < 0 {
            let id = Int32(result.count)
            var members: [Int] = []
            component[start] = id
            stack.append(start)
            while let a = stack.popLast() {
                members.append(a)
                for nb in neighbors(of: a) where component[nb.atom] < 0 {
                    component[nb.atom] = id
                    stack.append(nb.atom)
                }
            }
            members.sort()
            result.append(members)
        }
        return result
    }

    /// The molecule made of the given atoms and the bonds between them, atoms in the given order, bonds in
    /// their original relative order. Returns nil when an index is out of range or repeated.
    ///
    /// Stereo carries over when every neighbour of a stereo atom is kept (whole fragments); a mark that
    /// loses a neighbour is removed, and a cis/trans bond that loses a stereo atom loses its stereo. Rings
    /// are found again; name and properties carry over, coordinates follow their atoms.
    public func extracting(atoms kept: [Int]) -> Molecule? {
        let n = atomCount
        var newIndex = [Int32](repeating: -1, count: n)
        for (i, a) in kept.enumerated() {
            guard a >= 0, a < n, newIndex[a] < 0 else { return nil }
            newIndex[a] = Int32(i)
        }
        var newAtoms = kept.map { atoms[$0] }
        var newBonds: [Bond] = []
        for b in bonds where newIndex[Int(b.begin)] >= 0 && newIndex[Int(b.end)] >= 0 {
            var copy = b
            copy.begin = newIndex[Int(b.begin)]
            copy.end = newIndex[Int(b.end)]
            if b.stereoAtoms.0 >= 0 && b.stereoAtoms.1 >= 0 {
                let s0 = newIndex[Int(b.stereoAtoms.0)], s1 = newIndex[Int(b.stereoAtoms.1)]
                if s0 >= 0 && s1 >= 0 {
                    copy.stereoAtoms = (s0, s1)
                } else {
                    copy.stereo = .none
                    copy.stereoAtoms = (-1, -1)
                }
            }
            newBonds.append(copy)
        }
        // An atom that lost a neighbour cannot keep a configuration written relative to it.
        for (i, a) in kept.enumerated() where atoms[a].chirality.kind != .none {
            for nb in neighbors(of: a) where newIndex[nb.atom] < 0 {
                newAtoms[i].chirality = .none
                break
            }
        }
        var result = Molecule(uncheckedAtoms: newAtoms, bonds: newBonds)
        result.name = name
        result.properties = properties
        if coordinates.count == n {
            result.coordinates = kept.map { coordinates[$0] }
            result.hasThreeDimensionalCoordinates = hasThreeDimensionalCoordinates
        }
        result.aromaticityModel = aromaticityModel
        if ringInfo.ringCount > 0 || aromaticityModel != nil { result.perceiveRings() }
        return result
    }
}
