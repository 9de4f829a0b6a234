/// The geometry behind OpenSMILES' square-planar (`@SP1-3`), trigonal-bipyramidal (`@TB1-20`) and octahedral
/// (`@OH1-30`) classes, so a class can be re-expressed for another neighbour order.
///
/// Each class number places the neighbours, in the order they are written, on the positions of an ideal
/// shape: which positions are trans to each other (tables from the OpenSMILES specification) and, for TB and
/// OH, which way round the equatorial positions run. The handedness bits were fitted by
/// `scripts/reference/make_nontetrahedral_tables.py` so that every (class, order) pair RDKit 2026.09
/// canonicalizes to the same stereoisomer gets the same geometry here; one deviation from the
/// specification's tables follows RDKit (`@TB10` has axis b–d and `@TB11` axis b–e).
enum NonTetrahedralGeometry {
    /// Square planar classes as trans pairs of positions: U, 4 and Z shapes.
    static let squarePlanarTrans: [[Int]] = [
        [], [2, 3, 0, 1], [1, 0, 3, 2], [3, 2, 1, 0],
    ]

    static let bipyramidAxial: [(Int, Int)] = [
        (5, 5), (0, 4), (0, 4), (0, 3), (0, 3), (0, 2), (0, 2), (0, 1), (0, 1), (1, 4), (1, 3), (1, 4), (1, 3),
        (1, 2), (1, 2), (2, 4), (2, 3), (3, 4), (3, 4), (2, 3), (2, 4),
    ]
    static let bipyramidHand: [Int] = [0, 1, -1, 1, -1, 1, -1, 1, -1, 1, 1, -1, -1, 1, -1, 1, 1, 1, -1, -1, -1]

    static let octahedralTrans: [[Int]] = [
        [],
        [5, 3, 4, 1, 2, 0], [5, 3, 4, 1, 2, 0], [4, 3, 5, 1, 0, 2], [5, 4, 3, 2, 1, 0], [4, 5, 3, 2, 0, 1],
        [3, 4, 5, 0, 1, 2], [3, 5, 4, 0, 2, 1], [5, 2, 1, 4, 3, 0], [4, 2, 1, 5, 0, 3], [5, 2, 1, 4, 3, 0],
        [4, 2, 1, 5, 0, 3], [3, 2, 1, 0, 5, 4], [3, 2, 1, 0, 5, 4], [5, 4, 3, 2, 1, 0], [4, 5, 3, 2, 0, 1],
        [4, 3, 5, 1, 0, 2], [3, 5, 4, 0, 2, 1], [3, 4, 5, 0, 1, 2], [2, 4, 0, 5, 1, 3], [2, 5, 0, 4, 3, 1],
        [2, 3, 0, 1, 5, 4], [2, 3, 0, 1, 5, 4], [2, 5, 0, 4, 3, 1], [2, 4, 0, 5, 1, 3], [1, 0, 4, 5, 2, 3],
        [1, 0, 5, 4, 3, 2], [1, 0, 3, 2, 5, 4], [1, 0, 3, 2, 5, 4], [1, 0, 5, 4, 3, 2], [1, 0, 4, 5, 2, 3],
    ]
    static let octahedralHand: [Int] = [
        0, 1, -1, 1, 1, 1, 1, 1, 1, 1, -1, -1, 1, -1, -1, -1, -1, -1, -1, 1, 1, 1, -1, -1, -1, 1, 1, 1, -1, -1, -1,
    ]

    typealias Point = (Double, Double, Double)

    /// Ideal coordinates of each position for a class.
    static func positions(_ kind: Chirality.Kind, _ number: Int) -> [Point]? {
        switch kind {
        case .squarePlanar:
            guard number >= 1 && number <= 3 else { return nil }
            let trans = squarePlanarTrans[number]
            var result = [Point](repeating: (0, 0, 0), count: 4)
            result[0] = (1, 0, 0)
            result[trans[0]] = (-1, 0, 0)
            let others = (0..<4).filter { $0 != 0 && $0 != trans[0] }
            result[others[0]] = (0, 1, 0)
            result[others[1]] = (0, -1, 0)
            return result
        case .trigonalBipyramidal:
            guard number >= 1 && number <= 20 else { return nil }
            let (i, j) = bipyramidAxial[number]
            var result = [Point](repeating: (0, 0, 0), count: 5)
            result[i] = (0, 0, 1)
            result[j] = (0, 0, -1)
            var ring: [Point] = [(1, 0, 0), (-0.5, 0.8660254, 0), (-0.5, -0.8660254, 0)]
            if bipyramidHand[number] < 0 { ring.swapAt(1, 2) }
            for (k, p) in (0..<5).filter({ $0 != i && $0 != j }).enumerated() { result[p] = ring[k] }
            return result
        case .octahedral:
            guard number >= 1 && number <= 30 else { return nil }
            let trans = octahedralTrans[number]
            var result = [Point](repeating: (0, 0, 0), count: 6)
            result[0] = (0, 0, 1)
            result[trans[0]] = (0, 0, -1)
            let equatorial = (0..<6).filter { $0 != 0 && $0 != trans[0] }
            let p = equatorial[0], q = trans[p]
            let r = equatorial.filter { $0 != p && $0 != q }.min() ?? 0
            let s = trans[r]
            let order = octahedralHand[number] > 0 ? [p, r, q, s] : [p, s, q, r]
            let ring: [Point] = [(1, 0, 0), (0, 1, 0), (-1, 0, 0), (0, -1, 0)]
            for (k, x) in order.enumerated() { result[x] = ring[k] }
            return result
        default:
            return nil
        }
    }

    /// A rotation-invariant description of ligands placed on points: the trans pairs, plus the handedness
    /// of one cis triple for the chiral shapes.
    struct Key: Equatable {
        var transPartner: [Int]
        var handedness: Bool
    }

    static func key(_ points: [Point], chiral: Bool) -> Key {
        let n = points.count
        func dot(_ a: Point, _ b: Point) -> Double { a.0 * b.0 + a.1 * b.1 + a.2 * b.2 }
        var partner = [Int](repeating: -1, count: n)
        for a in 0..<n {
            for b in 0..<n where b != a && dot(points[a], points[b]) < -0.99 { partner[a] = b }
        }
        guard chiral else { return Key(transPartner: partner, handedness: false) }
        let cis = (1..<n).filter { partner[0] != $0 }
        guard let m1 = cis.first else { return Key(transPartner: partner, handedness: false) }
        // The first cis ligand neither trans to m1 nor coplanar with ligand 0 and m1 (the three equatorial
        // ligands of a trigonal bipyramid are coplanar).
        let a = points[0], b = points[m1]
        for m2 in cis where m2 != m1 && partner[m1] != m2 {
            let c = points[m2]
            let determinant = a.0 * (b.1 * c.2 - b.2 * c.1) - a.1 * (b.0 * c.2 - b.2 * c.0) + a.2 * (b.0 * c.1 - b.1 * c.0)
            if abs(determinant) > 0.1 { return Key(transPartner: partner, handedness: determinant > 0) }
        }
        return Key(transPartner: partner, handedness: false)
    }

    /// The class that describes, for the new order, the same geometry `chirality` describes for the old
    /// one; `permutation[i]` is the new position of the neighbour at old position `i`.
    static func convert(_ chirality: Chirality, permutation: [Int]) -> Chirality? {
        let n = permutation.count
        let maximum: Int
        switch chirality.kind {
        case .squarePlanar: maximum = 3; guard n == 4 else { return nil }
        case .trigonalBipyramidal: maximum = 20; guard n == 5 else { return nil }
        case .octahedral: maximum = 30; guard n == 6 else { return nil }
        default: return nil
        }
        guard let old = positions(chirality.kind, Int(chirality.number)) else { return nil }
        let chiral = chirality.kind != .squarePlanar
        // Ligand i keeps its identity i; under the old class it sits on old position i.
        let target = key(old, chiral: chiral)
        for candidate in 1...maximum {
            guard let new = positions(chirality.kind, candidate) else { continue }
            let placed = (0..<n).map { new[permutation[$0]] }
            if key(placed, chiral: chiral) == target { return Chirality(kind: chirality.kind, number: UInt8(candidate)) }
        }
        return nil
    }
}
