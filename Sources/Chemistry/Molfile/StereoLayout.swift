#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// 2D coordinates whose only job is to carry stereo into a molfile, for molecules that have none (read from
/// SMILES, say): V2000 and V3000 state double-bond configuration only through geometry, and RDKit ignores
/// atom parities, so a molfile without coordinates would lose stereo.
///
/// The layout walks a spanning tree breadth-first with 1.5 Å bonds at 120° (zigzag chains, neighbours spread
/// evenly around branched atoms) and puts the substituents of every cis/trans double bond on the sides its
/// configuration asks for. It is not a depiction: ring closures become long bonds and distant atoms may
/// overlap. The writer checks each attempt with the reader's own interpretation and tries another starting
/// atom when a drawing does not carry the stereo.
struct StereoLayout {
    let molecule: Molecule

    /// Coordinates for attempt number `attempt` (each attempt roots the walk at another atom and turns the
    /// first bonds differently).
    func coordinates(attempt: Int) -> [SIMD3<Double>] {
        let m = molecule
        let n = m.atomCount
        let bondLength = 1.5
        var position = [SIMD3<Double>](repeating: .zero, count: n)
        var placed = [Bool](repeating: false, count: n)
        var parent = [Int](repeating: -1, count: n)
        var zigzag = [Double](repeating: 1, count: n)
        var offsetX = 0.0
        var componentNumber = 0
        for start in 0..<n where !placed[start] {
            let component = Self.component(of: start, in: m)
            let root = component[(attempt * 7 + componentNumber * 3) % component.count]
            componentNumber += 1
            position[root] = SIMD3(offsetX, 0, 0)
            placed[root] = true
            var queue = [root]
            var head = 0
            while head < queue.count {
                let x = queue[head]
                head += 1
                var children = m.neighbors(of: x).map(\.atom).filter { !placed[$0] }
                guard !children.isEmpty else { continue }
                let d = m.degree(of: x)
                var directions: [Double] = []
                if parent[x] < 0 {
                    let turn = Double(attempt) * 0.37
                    for j in 0..<children.count { directions.append(turn + 2 * Double.pi * Double(j) / Double(d)) }
                } else {
                    let incoming = Self.angle(position[x] - position[parent[x]])
                    if d == 2 {
                        directions = [incoming + zigzag[x] * Double.pi / 3]
                    } else if d == 3 {
                        directions = [incoming + Double.pi / 3, incoming - Double.pi / 3]
                    } else {
                        let back = incoming + Double.pi
                        for j in 1..<d { directions.append(back + 2 * Double.pi * Double(j) / Double(d)) }
                    }
                    if let (target, side) = stereoRequirement(x, children: children, placed: placed, position: position, parent: parent[x]) {
                        // Side of a direction: left (+1) or right (-1) of the bond from the parent.
                        func sideOf(_ theta: Double) -> Double { Glibc_sin(theta - incoming) >= 0 ? 1 : -1 }
                        if d == 2 {
                            directions = [incoming + side * Double.pi / 3]
                        } else if let k = directions.firstIndex(where: { sideOf($0) == side }) {
                            children.removeAll { $0 == target }
                            children.insert(target, at: min(k, children.count))
                        }
                    }
                }
                for (k, child) in children.enumerated() {
                    // More children than directions only happens for atoms with ring closures still open.
                    let theta = directions[k % directions.count] + 0.5 * Double(k / directions.count)
                    position[child] = position[x] + SIMD3(bondLength * Glibc_cos(theta), bondLength * Glibc_sin(theta), 0)
                    placed[child] = true
                    parent[child] = x
                    zigzag[child] = -zigzag[x]
                    queue.append(child)
                }
            }
            offsetX = (component.map { position[$0].x }.max() ?? offsetX) + 3 * bondLength
        }
        return position
    }

    /// When the bond from `x` to its parent is a cis/trans double bond: which child of `x` must go on which
    /// side (+1 left, -1 right of the bond from the parent) for the drawing to show the configuration.
    private func stereoRequirement(
        _ x: Int, children: [Int], placed: [Bool], position: [SIMD3<Double>], parent p: Int
    ) -> (Int, Double)? {
        let m = molecule
        guard let b = m.bond(between: x, and: p), m.bonds[b].order == .double,
            m.bonds[b].stereo == .cis || m.bonds[b].stereo == .trans
        else { return nil }
        let (s0, s1) = (Int(m.bonds[b].stereoAtoms.0), Int(m.bonds[b].stereoAtoms.1))
        guard s0 >= 0, s1 >= 0 else { return nil }
        let (parentSide, childSide) = Int(m.bonds[b].begin) == p ? (s0, s1) : (s1, s0)
        // A neighbour of the parent that is already drawn tells where the parent's stereo atom is.
        guard let reference = m.neighbors(of: p).map(\.atom).first(where: { $0 != x && placed[$0] }) else { return nil }
        var cis = m.bonds[b].stereo == .cis
        // The parent's other neighbour lies on the other side of the double bond.
        if reference != parentSide { cis.toggle() }
        let axis = position[x] - position[p]
        let referenceSide: Double = Self.crossZ(axis, position[reference] - position[p]) >= 0 ? 1 : -1
        var side = cis ? referenceSide : -referenceSide
        if children.contains(childSide) { return (childSide, side) }
        // The stereo atom is a ring closure drawn elsewhere: put the other substituent on the other side.
        guard let other = children.first else { return nil }
        side = -side
        return (other, side)
    }

    private static func component(of start: Int, in m: Molecule) -> [Int] {
        var seen: Set<Int> = [start]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let a = queue[head]
            head += 1
            for (other, _) in m.neighbors(of: a) where seen.insert(other).inserted { queue.append(other) }
        }
        return queue.sorted()
    }

    private static func crossZ(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> Double { a.x * b.y - a.y * b.x }

    private static func angle(_ v: SIMD3<Double>) -> Double { Glibc_atan2(v.y, v.x) }
}

@inline(__always) private func Glibc_sin(_ x: Double) -> Double { sin(x) }
@inline(__always) private func Glibc_cos(_ x: Double) -> Double { cos(x) }
@inline(__always) private func Glibc_atan2(_ y: Double, _ x: Double) -> Double { atan2(y, x) }
