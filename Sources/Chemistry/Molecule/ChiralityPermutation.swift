/// Re-expresses a stereo configuration written relative to one neighbour order relative to another order of
/// the same neighbours: how readers and writers convert between their own order and the reference order
/// of `Chirality`.
///
/// Orders are lists of neighbour identities (atom indices; -2 stands for an implicit hydrogen, -3 for the
/// lone pair of a three-connected centre). Tetrahedral stereo flips with the parity of the permutation;
/// square-planar, trigonal-bipyramidal and octahedral classes are mapped through their geometry
/// (`NonTetrahedralGeometry`). Allene stereo (`@AL`) refers to the allene's end atoms, not to the centre's
/// neighbours, so it is kept as written.
public enum ChiralityPermutation {
    /// Identity used for an implicit hydrogen in a neighbour order.
    public static let implicitHydrogen: Int32 = -2
    /// Identity used for the lone pair (missing fourth neighbour) of a three-connected tetrahedral centre.
    public static let lonePair: Int32 = -3

    /// The configuration `chirality` (relative to `from`) expressed relative to `to`; `nil` when the two
    /// lists do not hold the same distinct identities, or the class needs more neighbours than given.
    public static func convert(_ chirality: Chirality, from: [Int32], to: [Int32]) -> Chirality? {
        guard chirality.kind != .none else { return chirality }
        guard from.count == to.count else { return nil }
        if chirality.kind == .tetrahedral {
            // Four neighbours: the parity of the permutation, without allocating.
            guard from.count == 4 else { return nil }
            var position: UInt64 = 0  // 4 bits per entry
            var used = 0
            for i in 0..<4 {
                var j = 0
                while j < 4 && to[j] != from[i] { j += 1 }
                guard j < 4, used & (1 << j) == 0 else { return nil }
                used |= 1 << j
                position |= UInt64(j) << UInt64(4 * i)
            }
            var inversions = 0
            for i in 0..<4 {
                for k in (i + 1)..<4 where (position >> UInt64(4 * i)) & 15 > (position >> UInt64(4 * k)) & 15 {
                    inversions += 1
                }
            }
            return inversions % 2 == 1 ? chirality.inverted : chirality
        }
        // Position of each `from` identity in `to`.
        var permutation = [Int](repeating: -1, count: from.count)
        for (i, id) in from.enumerated() {
            guard let j = to.firstIndex(of: id) else { return nil }
            permutation[i] = j
        }
        // Identities must be distinct.
        var seen = [Bool](repeating: false, count: to.count)
        for j in permutation {
            if seen[j] { return nil }
            seen[j] = true
        }
        switch chirality.kind {
        case .none: return chirality
        case .allene: return chirality
        case .tetrahedral:
            guard from.count == 4 else { return nil }
            return isOdd(permutation) ? chirality.inverted : chirality
        case .squarePlanar, .trigonalBipyramidal, .octahedral:
            return NonTetrahedralGeometry.convert(chirality, permutation: permutation)
        }
    }

    /// Whether a permutation (given as the image of each position) is odd.
    public static func isOdd(_ permutation: [Int]) -> Bool {
        var visited = [Bool](repeating: false, count: permutation.count)
        var transpositions = 0
        for start in 0..<permutation.count where !visited[start] {
            var length = 0
            var i = start
            while !visited[i] {
                visited[i] = true
                i = permutation[i]
                length += 1
            }
            transpositions += length - 1
        }
        return transpositions % 2 == 1
    }
}
