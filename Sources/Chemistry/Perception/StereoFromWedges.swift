/// Tetrahedral configuration from wedged and hashed bonds on 2D coordinates.
///
/// The method is RDKit's (so that molfiles mean the same here as there): lift the wedged neighbours slightly
/// out of the plane (a tenth of the wedged bond's length, up for a wedge, down for a hash, so that the scale of
/// the drawing does not matter), order the bond vectors around the centre, take the
/// signed volume of the pseudo-3D arrangement, and refuse drawings where the marks contradict each other or the
/// geometry is degenerate (overlapping neighbours, opposite wedges on collinear bonds, the IUPAC ST-1.2.10
/// three-neighbour conflict). The first wedge at an atom that gives an answer decides it, in bond order.
extension Molecule {
    /// Sets the chirality of every atom at the narrow end of a wedge or hash from the 2D coordinates and
    /// returns the atoms whose marks could not be interpreted (they keep no chirality).
    ///
    /// - Parameters:
    ///   - marks: one mark per bond; wedges and hashes apply to the bond's `begin` atom.
    ///   - drawnOrders: bond orders as drawn, before kekulization, when they differ from `bonds` (an aromatic
    ///     bond is not single, so an aromatic atom is only a stereocentre when it is P or S, as in RDKit).
    @discardableResult
    public mutating func assignChiralityFromWedges(_ marks: [BondStereoMark], drawnOrders: [BondOrder]? = nil) -> [Int] {
        guard marks.count == bondCount, coordinates.count == atomCount else { return [] }
        var decided = [Bool](repeating: false, count: atomCount)
        var ambiguous: [Int] = []
        for b in 0..<bondCount where marks[b] == .wedge || marks[b] == .hash {
            let centre = Int(bonds[b].begin)
            if decided[centre] { continue }
            switch wedgeConfiguration(bond: b, marks: marks, drawnOrders: drawnOrders ?? bonds.map(\.order)) {
            case .some(let counterclockwiseInBondOrder?):
                decided[centre] = true
                ambiguous.removeAll { $0 == centre }
                atoms[centre].chirality = referenceChirality(
                    atom: centre, counterclockwiseInBondOrder: counterclockwiseInBondOrder)
            case .some(nil):
                break  // not a possible stereocentre (too many neighbours, multiple bonds): no mark, no warning
            case nil:
                if !ambiguous.contains(centre) { ambiguous.append(centre) }
            }
        }
        return ambiguous
    }

    /// Converts a configuration stated RDKit's way (relative to the neighbours in bond order, with the implicit
    /// neighbour of a three-connected atom, hydrogen or lone pair, counted last) into Accord's reference order,
    /// where an implicit hydrogen comes first (moving it from last to first is an odd permutation) and a lone
    /// pair stays last.
    func referenceChirality(atom: Int, counterclockwiseInBondOrder: Bool) -> Chirality {
        let tag: Chirality = counterclockwiseInBondOrder ? .counterclockwise : .clockwise
        return hasImplicitHydrogenFirst(atom) ? tag.inverted : tag
    }

    /// True when the atom's reference order starts with an implicit hydrogen: three graph neighbours and a
    /// hydrogen count (a three-connected atom without one has a lone pair, which comes last).
    func hasImplicitHydrogenFirst(_ atom: Int) -> Bool {
        degree(of: atom) == 3 && atoms[atom].totalHydrogens == 1
    }

    /// The configuration a wedged bond gives its `begin` atom: `.some(true)` counterclockwise and
    /// `.some(false)` clockwise in bond order (RDKit's convention), `.some(nil)` when the atom cannot be a
    /// stereocentre this way, nil when the drawing is ambiguous or contradictory.
    func wedgeConfiguration(bond wedged: Int, marks: [BondStereoMark], drawnOrders: [BondOrder]) -> Bool?? {
        let zeroTolerance = 1e-3
        let coordinateTolerance = 1e-4
        let volumeTolerance = 0.00174
        // A T-shaped three-neighbour drawing: the two bonds other than the wedge are this close to colinear.
        let tShapeTolerance = 0.00031
        let centre = Int(bonds[wedged].begin)
        let n = degree(of: centre)
        if n > 4 { return .some(nil) }
        let c = SIMD3(coordinates[centre].x, coordinates[centre].y, 0)
        let wedgedEnd = coordinates[Int(bonds[wedged].end)]
        let wedgeLength = ((wedgedEnd.x - c.x) * (wedgedEnd.x - c.x) + (wedgedEnd.y - c.y) * (wedgedEnd.y - c.y)).squareRoot()
        let lift = 0.1 * (wedgeLength > 0 ? wedgeLength : 1)
        var vectors: [SIMD3<Double>] = []
        var reference = -1
        var allSingle = true
        var hydrogenSeen = isProtium(Int(bonds[wedged].end))
        for (k, (other, b)) in neighbors(of: centre).enumerated() {
            var p = SIMD3(coordinates[other].x, coordinates[other].y, 0)
            if b == wedged {
                reference = k
                p.z = marks[b] == .wedge ? lift : -lift
            } else {
                if Int(bonds[b].begin) == centre && (marks[b] == .wedge || marks[b] == .hash) {
                    p.z = marks[b] == .wedge ? lift : -lift
                }
                if lengthSquared(p - c) < zeroTolerance { return nil }  // zero-length bond
            }
            if drawnOrders[b] != .single { allSingle = false }
            if isProtium(other) { hydrogenSeen = true }
            vectors.append(normalized(p - c))
        }
        if n < 3 || (hydrogenSeen && n < 4) { return nil }
        for i in 0..<n {
            for j in 0..<i where lengthSquared(vectors[i] - vectors[j]) < zeroTolerance { return nil }  // overlap
        }
        let element = atoms[centre].atomicNumber
        guard allSingle || element == 15 || element == 16 else { return .some(nil) }

        var order = [0, 1, 2, 3]
        var prefactor = 1.0
        if reference != 0 {
            order.swapAt(0, reference)
            prefactor = -1
        }
        if n == 4 && lengthSquared(cross(vectors[order[1]], vectors[order[2]])) < 10 * zeroTolerance
            && lengthSquared(cross(vectors[order[1]], vectors[order[0]])) > 10 * zeroTolerance
        {
            vectors[order[1]].z = -vectors[order[0]].z
        }
        if n == 3 {
            let v0 = vectors[order[0]]
            let cp01 = cross(v0, vectors[order[1]]), cp02 = cross(v0, vectors[order[2]])
            let dp01 = dot(v0, vectors[order[1]]), dp02 = dot(v0, vectors[order[2]])
            if Self.needsSwap(cp01, cp02, dp01, dp02, tolerance: zeroTolerance) {
                order.swapAt(1, 2)
                prefactor = -prefactor
            }
        } else {
            // Sort the other three bonds by their turn from bond 0 (side of it, then how far round).
            let v0 = vectors[order[0]]
            var keyed: [(sign: Double, turn: Double, index: Int)] = []
            for i in 1..<4 {
                let cp = cross(v0, vectors[order[i]])
                let sign: Double = cp.z < -zeroTolerance ? -1 : 1
                keyed.append((sign, sign * dot(v0, vectors[order[i]]), order[i]))
            }
            keyed.sort { a, b in
                if a.sign != b.sign { return a.sign > b.sign }
                if a.turn != b.turn { return a.turn > b.turn }
                return a.index > b.index
            }
            var changed = 0
            for i in 1..<4 where order[i] != keyed[i - 1].index {
                order[i] = keyed[i - 1].index
                changed += 1
            }
            if changed == 2 { prefactor = -prefactor }  // a transposition; 3 changes is a rotation
        }
        // Opposite wedges on bonds pointing the same way or straight apart contradict each other, except the
        // sugar-style drawing of neighbouring bonds 180 degrees apart.
        for i in 0..<n {
            for j in (i + 1)..<max(n, i + 1) where vectors[order[i]].z * vectors[order[j]].z < -zeroTolerance {
                if lengthSquared(cross(vectors[order[i]], vectors[order[j]])) < 0.01 {
                    if n == 4 && abs(dot(vectors[order[i]], vectors[order[j]]) + 1) < zeroTolerance
                        && (j - i == 1 || (i == 0 && j == 3))
                    {
                        vectors[order[j]].z = 0
                        continue
                    }
                    return nil
                }
            }
        }
        if n == 3 {
            var conflict = false
            let v0 = vectors[order[0]], v1 = vectors[order[1]], v2 = vectors[order[2]]
            if v1.z * v0.z < -coordinateTolerance && abs(v2.z) < coordinateTolerance {
                conflict = cross(v2, v0).z * cross(v2, v1).z < -1e-4
            } else if v2.z * v0.z < -coordinateTolerance && abs(v1.z) < coordinateTolerance {
                conflict = cross(v1, v0).z * cross(v1, v2).z < -coordinateTolerance
            }
            if conflict { return nil }
        }
        var flat1 = vectors[order[1]]
        flat1.z = 0
        var flat2 = vectors[order[2]]
        flat2.z = 0
        var cross12 = cross(flat1, flat2)
        if n == 3 {
            if lengthSquared(cross12) < tShapeTolerance {
                // T-shaped drawing: the two collinear bonds are taken to point the other way from the wedge.
                flat1.z = -vectors[order[0]].z
                flat2.z = -vectors[order[0]].z
                cross12 = cross(flat1, flat2)
            }
        } else if lengthSquared(cross12) < 10 * zeroTolerance && abs(vectors[order[3]].z) < coordinateTolerance {
            vectors[order[3]].z = -vectors[order[0]].z
        }
        var volume = dot(cross12, vectors[order[0]])
        if n == 4 {
            let dot12 = dot(vectors[order[1]], vectors[order[2]])
            var flat3 = vectors[order[3]]
            flat3.z = 0
            let volume2 = dot(cross(flat1, flat3), vectors[order[0]])
            let dot13 = dot(vectors[order[1]], vectors[order[3]])
            if abs(volume) < zeroTolerance {
                if abs(volume2) < zeroTolerance { return nil }
                volume = volume2
                prefactor = -prefactor
            } else if volume * volume2 > 0 && abs(volume2) > volumeTolerance && dot12 < dot13 {
                volume = volume2
                prefactor = -prefactor
            } else if abs(volume) < volumeTolerance && abs(volume2) > volumeTolerance {
                if volume * volume2 < 0 { prefactor = -prefactor }
                volume = volume2
            }
        }
        volume *= prefactor
        if volume > volumeTolerance { return .some(true) }
        if volume < -volumeTolerance { return .some(false) }
        return nil
    }

    /// Whether bonds 1 and 2 of a three-neighbour centre must swap so that 0-1-2 runs one way round.
    private static func needsSwap(
        _ cp01: SIMD3<Double>, _ cp02: SIMD3<Double>, _ dp01: Double, _ dp02: Double, tolerance: Double
    ) -> Bool {
        if abs(dp01) - 1 > -tolerance { return cp02.z < 0 }
        if abs(dp02) - 1 > -tolerance && cp01.z < 0 { return true }
        if cp01.z * cp02.z < -tolerance { return cp01.z < cp02.z }
        if dp01 * dp02 < -tolerance { return dp01 < dp02 }
        return abs(dp01) > abs(dp02)
    }

    /// A hydrogen atom without an isotope label (deuterium and tritium count as distinct neighbours).
    @inline(__always)
    func isProtium(_ atom: Int) -> Bool {
        atoms[atom].atomicNumber == 1 && atoms[atom].isotope == 0
    }
}

@inline(__always)
func cross(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> SIMD3<Double> {
    SIMD3(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x)
}

@inline(__always)
func dot(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> Double {
    a.x * b.x + a.y * b.y + a.z * b.z
}

@inline(__always)
func lengthSquared(_ a: SIMD3<Double>) -> Double { dot(a, a) }

@inline(__always)
func normalized(_ a: SIMD3<Double>) -> SIMD3<Double> {
    let l = lengthSquared(a).squareRoot()
    return l > 0 ? a / l : a
}
