/// Tetrahedral configuration from 3D coordinates and from molfile atom parities.
extension Molecule {
    /// Sets the chirality of every possible tetrahedral centre from 3D coordinates: the sign of the volume
    /// spanned by its first three neighbours. Atoms that cannot be tetrahedral centres are left alone: fewer than
    /// three neighbours, more than four in total, or (except S and Se, which may carry a lone pair) anything but
    /// four neighbours with at most one hydrogen. Which of these are real stereocentres is decided later by
    /// `removeNonStereogenicChirality()`.
    ///
    /// Hydrogen counts must be known (run perception first), as RDKit's `assignChiralTypesFrom3D` needs them.
    public mutating func assignChiralityFrom3D() {
        guard coordinates.count == atomCount else { return }
        let zeroVolume = 0.1
        for a in 0..<atomCount {
            atoms[a].chirality = .none
            let d = degree(of: a)
            let total = d + atoms[a].totalHydrogens
            guard d >= 3, total <= 4 else { continue }
            let z = atoms[a].atomicNumber
            if z != 16 && z != 34 && (total != 4 || totalHydrogens(of: a) > 1) { continue }
            let nbrs = neighbors(of: a)
            let c = coordinates[a]
            let v1 = coordinates[nbrs[0].atom] - c
            let v2 = coordinates[nbrs[1].atom] - c
            let v3 = coordinates[nbrs[2].atom] - c
            let volume = dot(v1, cross(v2, v3))
            if volume > zeroVolume {
                atoms[a].chirality = referenceChirality(atom: a, counterclockwiseInBondOrder: true)
            } else if volume < -zeroVolume {
                atoms[a].chirality = referenceChirality(atom: a, counterclockwiseInBondOrder: false)
            }
        }
    }

    /// Sets chirality from molfile atom parities (1 odd, 2 even; 0 and 3 say nothing), for connection tables
    /// without usable coordinates. The parity is defined on the neighbours numbered by atom index with an
    /// implicit hydrogen numbered last: looking with the highest-numbered neighbour pointing away, 1 means the
    /// other three run clockwise in increasing order, 2 anticlockwise.
    public mutating func assignChiralityFromParity(_ parities: [UInt8]) {
        guard parities.count == atomCount else { return }
        for a in 0..<atomCount where parities[a] == 1 || parities[a] == 2 {
            let d = degree(of: a)
            guard d == 4 || (d == 3 && atoms[a].totalHydrogens <= 1) else { continue }
            // Parity 1 is clockwise relative to the neighbours sorted by index (implicit neighbour last).
            var byIndex = neighbors(of: a).map(\.atom)
            let bondOrder = byIndex
            byIndex.sort()
            var clockwise = parities[a] == 1
            if permutationIsOdd(from: bondOrder, to: byIndex) { clockwise.toggle() }
            atoms[a].chirality = referenceChirality(atom: a, counterclockwiseInBondOrder: !clockwise)
        }
    }
}

/// Whether rearranging `from` into `to` (the same distinct elements) takes an odd number of swaps.
func permutationIsOdd(from: [Int], to: [Int]) -> Bool {
    var current = from
    var swaps = 0
    for i in 0..<current.count where current[i] != to[i] {
        guard let j = current[(i + 1)...].firstIndex(of: to[i]) else { continue }
        current.swapAt(i, j)
        swaps += 1
    }
    return swaps % 2 == 1
}
