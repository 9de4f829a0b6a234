/// Cis/trans configuration of double bonds from 2D or 3D coordinates.
extension Molecule {
    /// Sets `stereo` and `stereoAtoms` of every double bond that can carry cis/trans stereo from the
    /// coordinates: the dihedral angle between one neighbour at each end (below 90 degrees is cis).
    ///
    /// As in RDKit, a double bond is considered when it is not aromatic, both ends have another neighbour, it is
    /// in no ring smaller than 8, and it is not already marked unknown. A crossed double bond, a wavy bond at
    /// either end, or a neighbour collinear with the double bond makes the configuration `.either`. Ends whose
    /// two substituents are equivalent are not stereo; `removeNonStereogenicChirality()` clears those.
    ///
    /// - Parameters:
    /// - Parameter marks: one mark per bond (crossed double bonds, wavy single bonds); empty when there are
    ///   none. Run it before removing hydrogens, so that wavy bonds to hydrogens count.
    public mutating func assignDoubleBondStereoFromCoordinates(marks: [BondStereoMark] = []) {
        guard coordinates.count == atomCount else { return }
        let hasMarks = marks.count == bondCount
        var rings: RingSizes? = nil
        for b in 0..<bondCount {
            let bond = bonds[b]
            guard bond.order == .double, !bond.isAromatic else { continue }
            if hasMarks && marks[b] == .crossed {
                setEitherStereo(bond: b)
                continue
            }
            if bond.stereo == .either { continue }
            bonds[b].stereo = .none
            bonds[b].stereoAtoms = (-1, -1)
            let begin = Int(bond.begin), end = Int(bond.end)
            guard degree(of: begin) > 1, degree(of: end) > 1 else { continue }
            if rings == nil { rings = RingSizes(self) }
            if let smallest = rings?.smallestRing(containingBond: b, between: begin, and: end), smallest < 8 { continue }
            guard var side1 = controllingNeighbors(of: begin, across: b, marks: hasMarks ? marks : nil),
                var side2 = controllingNeighbors(of: end, across: b, marks: hasMarks ? marks : nil)
            else {
                setEitherStereo(bond: b)  // a wavy bond at one end
                continue
            }
            guard !side1.isEmpty, !side2.isEmpty else { continue }
            let pBegin = coordinates[begin], pEnd = coordinates[end]
            // A neighbour collinear with the double bond cannot say which side it is on; try the other one.
            if isLinear(coordinates[side1[0]] - pBegin, pEnd - pBegin) {
                if side1.count == 2 && !isLinear(coordinates[side1[1]] - pBegin, pEnd - pBegin) {
                    side1.swapAt(0, 1)
                } else {
                    setEitherStereo(bond: b)
                    continue
                }
            }
            if isLinear(coordinates[side2[0]] - pEnd, pBegin - pEnd) {
                // RDKit measures the second neighbour at this end from the double bond's begin atom; kept so
                // that the rare collinear drawings are read the same way.
                if side2.count == 2 && !isLinear(coordinates[side2[1]] - pBegin, pBegin - pEnd) {
                    side2.swapAt(0, 1)
                } else {
                    setEitherStereo(bond: b)
                    continue
                }
            }
            let a = side1[0], d = side2[0]
            let n1 = cross(pBegin - coordinates[a], pEnd - pBegin)
            let n2 = cross(pEnd - pBegin, coordinates[d] - pEnd)
            let cosine = dot(n1, n2)
            bonds[b].stereoAtoms = (Int32(a), Int32(d))
            // Dihedral below 90 degrees: same side (cis); RDKit counts exactly 90 as trans.
            bonds[b].stereo = cosine > 0 ? .cis : .trans
        }
    }

    /// Marks a double bond's configuration as explicitly unknown, relative to its lowest-numbered neighbours
    /// (the stereo atoms of an unknown bond carry no meaning but keep the bond well-formed).
    mutating func setEitherStereo(bond b: Int) {
        let begin = Int(bonds[b].begin), end = Int(bonds[b].end)
        let first = neighbors(of: begin).map(\.atom).filter { $0 != end }.min()
        let second = neighbors(of: end).map(\.atom).filter { $0 != begin }.max()
        bonds[b].stereo = .either
        bonds[b].stereoAtoms = (Int32(first ?? -1), Int32(second ?? -1))
    }

    /// The neighbours of `atom` (other than across `doubleBond`) joined by single or aromatic bonds, in bond
    /// order; nil when one of its single bonds is wavy (the configuration is unknown).
    private func controllingNeighbors(of atom: Int, across doubleBond: Int, marks: [BondStereoMark]?) -> [Int]? {
        var result: [Int] = []
        for (other, b) in neighbors(of: atom) where b != doubleBond {
            let bond = bonds[b]
            guard bond.order == .single || bond.isAromatic else { continue }
            if let marks, marks[b] == .wavy { return nil }
            result.append(other)
        }
        return result
    }

    /// Within 2 degrees of pointing exactly away from each other (or too short to tell).
    private func isLinear(_ v1: SIMD3<Double>, _ v2: SIMD3<Double>) -> Bool {
        let lengths = lengthSquared(v1) * lengthSquared(v2)
        if lengths < 1e-6 { return true }
        return dot(v1, v2) < -0.999388 * lengths.squareRoot()
    }
}
