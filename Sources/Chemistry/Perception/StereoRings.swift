/// The ring facts stereo perception needs, computed locally: which bonds lie on a ring (a bond is cyclic when
/// it is not a bridge of the graph) and the size of the smallest ring through a bond or atom (shortest detour).
/// Dative and zero-order bonds are left out, as in RDKit's ring finding.
struct RingSizes {
    // The adjacency of the molecule (not the molecule itself: copying it retains every array it holds).
    private let offsets: [Int32]
    private let adjacentAtoms: [Int32]
    private let adjacentBonds: [Int32]
    /// `true` for bonds that lie on at least one ring.
    let bondInRing: [Bool]

    init(_ molecule: Molecule) {
        offsets = molecule.adjacencyOffsets
        adjacentAtoms = molecule.adjacentAtoms
        adjacentBonds = molecule.adjacentBonds
        bondInRing = Self.cyclicBonds(molecule)
    }

    /// `(neighbour, bond)` pairs of an atom, in bond order.
    private func neighbors(_ a: Int) -> [(atom: Int, bond: Int)] {
        (Int(offsets[a])..<Int(offsets[a + 1])).map { (Int(adjacentAtoms[$0]), Int(adjacentBonds[$0])) }
    }

    private func bondBetween(_ a: Int, _ b: Int) -> Bool {
        for p in Int(offsets[a])..<Int(offsets[a + 1]) where Int(adjacentAtoms[p]) == b { return true }
        return false
    }

    static func counts(_ bond: Bond) -> Bool {
        bond.order != .dative && bond.order != .zero
    }

    func atomInRing(_ atom: Int) -> Bool {
        for p in Int(offsets[atom])..<Int(offsets[atom + 1]) where bondInRing[Int(adjacentBonds[p])] { return true }
        return false
    }

    /// The number of ring bonds at an atom.
    func ringBondCount(_ atom: Int) -> Int {
        var count = 0
        for p in Int(offsets[atom])..<Int(offsets[atom + 1]) where bondInRing[Int(adjacentBonds[p])] { count += 1 }
        return count
    }

    /// The size of the smallest ring through `bond` (which joins `x` and `y`), or nil when it is on no ring.
    func smallestRing(containingBond bond: Int, between x: Int, and y: Int) -> Int? {
        guard bondInRing[bond] else { return nil }
        return shortestPath(from: x, to: y, avoidingBond: bond, avoidingAtom: nil).map { $0.count }
    }

    /// The atoms of a shortest path between two atoms that does not use one bond (and optionally one atom),
    /// from `source` to `target` inclusive; nil when there is none.
    func shortestPath(from source: Int, to target: Int, avoidingBond: Int?, avoidingAtom: Int?) -> [Int]? {
        let n = offsets.count - 1
        var previous = [Int](repeating: -1, count: n)
        var seen = [Bool](repeating: false, count: n)
        if let avoidingAtom { seen[avoidingAtom] = true }
        seen[source] = true
        var queue = [source]
        var head = 0
        while head < queue.count {
            let a = queue[head]
            head += 1
            for p in Int(offsets[a])..<Int(offsets[a + 1]) {
                let other = Int(adjacentAtoms[p]), b = Int(adjacentBonds[p])
                guard b != avoidingBond && !seen[other] && bondInRing[b] else { continue }
                seen[other] = true
                previous[other] = a
                if other == target {
                    var path = [target]
                    var p = a
                    while p != -1 {
                        path.append(p)
                        p = previous[p]
                    }
                    return path.reversed()
                }
                queue.append(other)
            }
        }
        return nil
    }

    /// True when the atom lies on a three-membered ring.
    func atomInThreeRing(_ atom: Int) -> Bool {
        let nbrs = neighbors(atom).filter { bondInRing[$0.bond] }.map(\.atom)
        for i in 0..<nbrs.count {
            for j in (i + 1)..<max(nbrs.count, i + 1) where bondBetween(nbrs[i], nbrs[j]) {
                return true
            }
        }
        return false
    }

    /// A bridgehead: at least three ring bonds, and two of the smallest rings through pairs of them share two
    /// or more bonds (bridged systems such as norbornane or quinuclidine; fused rings share only one).
    func isBridgehead(_ atom: Int) -> Bool {
        let ringNeighbors = neighbors(atom).filter { bondInRing[$0.bond] }.map(\.atom)
        guard ringNeighbors.count >= 3 else { return false }
        var rings: [Set<UInt64>] = []
        for i in 0..<ringNeighbors.count {
            for j in (i + 1)..<ringNeighbors.count {
                guard let path = shortestPath(from: ringNeighbors[i], to: ringNeighbors[j], avoidingBond: nil, avoidingAtom: atom)
                else { continue }
                var bondsOfRing = Set<UInt64>()
                let cycle = [atom] + path + [atom]
                for k in 0..<(cycle.count - 1) {
                    let (x, y) = (min(cycle[k], cycle[k + 1]), max(cycle[k], cycle[k + 1]))
                    bondsOfRing.insert(UInt64(x) << 32 | UInt64(y))
                }
                rings.append(bondsOfRing)
            }
        }
        // Rings that are merely the envelope of two smaller rings are not counted (their every bond lies on a
        // smaller ring through this atom), as they are not relevant cycles.
        let minimal = rings.filter { ring in !rings.contains { $0.count < ring.count && $0.isSubset(of: ring) } }
        for i in 0..<minimal.count {
            for j in (i + 1)..<minimal.count where minimal[i].intersection(minimal[j]).count >= 2 { return true }
        }
        return false
    }

    /// Bridges found by an iterative depth-first search; every other (counted) bond is cyclic.
    private static func cyclicBonds(_ m: Molecule) -> [Bool] {
        let n = m.atomCount
        let offsets = m.adjacencyOffsets, adjacentAtoms = m.adjacentAtoms, adjacentBonds = m.adjacentBonds
        let counted = m.bonds.map(counts)
        var order = [Int](repeating: -1, count: n)
        var low = [Int](repeating: 0, count: n)
        var counter = 0
        var isBridge = [Bool](repeating: false, count: m.bondCount)
        var stack: [(atom: Int, via: Int, next: Int)] = []
        for root in 0..<n where order[root] == -1 {
            // Iterative depth-first search: (atom, bond used to enter it, next adjacency position).
            stack.append((root, -1, Int(offsets[root])))
            order[root] = counter
            low[root] = counter
            counter += 1
            while let top = stack.last {
                let a = top.atom
                if top.next < Int(offsets[a + 1]) {
                    stack[stack.count - 1].next += 1
                    let other = Int(adjacentAtoms[top.next]), b = Int(adjacentBonds[top.next])
                    guard b != top.via, counted[b] else { continue }
                    if order[other] == -1 {
                        order[other] = counter
                        low[other] = counter
                        counter += 1
                        stack.append((other, b, Int(offsets[other])))
                    } else {
                        low[a] = min(low[a], order[other])
                    }
                } else {
                    stack.removeLast()
                    if let parent = stack.last {
                        low[parent.atom] = min(low[parent.atom], low[a])
                        if low[a] > order[parent.atom] { isBridge[top.via] = true }
                    }
                }
            }
        }
        return (0..<m.bondCount).map { counted[$0] && !isBridge[$0] }
    }
}
