/// Writes a common substructure as SMARTS: a depth-first walk over its atoms with ring-closure digits, each
/// atom written with what the options compared (`[#6]`, `*`, `[13*]`, ring and charge conditions) and each
/// bond with the bond types it joins in the two molecules (`-`, `:`, `-,:` ...), so the pattern matches both.
struct MCSSMARTSWriter {
    let left: MCSGraph
    let right: MCSGraph
    let options: MCSOptions

    /// The SMARTS for `atoms` and `bonds` (left/right index pairs), or "" when there are no atoms.
    func write(atoms: [(left: Int, right: Int)], bonds: [(left: Int, right: Int)]) -> String {
        guard !atoms.isEmpty else { return "" }
        // Local numbering of the substructure's atoms, in left index order.
        let members = atoms.map(\.left).sorted()
        var local = [Int: Int]()
        for (i, a) in members.enumerated() { local[a] = i }
        var rightOf = [Int: Int]()
        for pair in atoms { rightOf[pair.left] = pair.right }
        // Adjacency within the substructure: (neighbour, index into `bonds`), by neighbour index.
        var adjacency = [[(atom: Int, bond: Int)]](repeating: [], count: members.count)
        for (k, pair) in bonds.enumerated() {
            guard let u = local[Int(left.bondBegin[pair.left])], let v = local[Int(left.bondEnd[pair.left])] else { continue }
            adjacency[u].append((v, k))
            adjacency[v].append((u, k))
        }
        for i in adjacency.indices { adjacency[i].sort { $0.atom < $1.atom } }

        // Start at a terminal atom when there is one, as a person would write it.
        let start = adjacency.firstIndex { $0.count == 1 } ?? 0

        // First pass: depth-first order, tree bonds and ring-closure bonds.
        var order: [Int] = []
        var visited = [Bool](repeating: false, count: members.count)
        var treeBond = [Bool](repeating: false, count: bonds.count)
        var stack: [(atom: Int, next: Int)] = [(start, 0)]
        visited[start] = true
        order.append(start)
        while let top = stack.last {
            let neighbours = adjacency[top.atom]
            if top.next == neighbours.count { stack.removeLast(); continue }
            stack[stack.count - 1].next += 1
            let (n, k) = neighbours[top.next]
            if visited[n] { continue }
            visited[n] = true
            treeBond[k] = true
            order.append(n)
            stack.append((n, 0))
        }
        var position = [Int](repeating: 0, count: members.count)
        for (i, a) in order.enumerated() { position[a] = i }

        // Second pass: write in the same order. Ring bonds open at their earlier atom (a digit) and close at
        // the later one (bond and digit); digits freed at an atom are reused only after it.
        var out = ""
        var digitOf = [Int](repeating: 0, count: bonds.count)
        var inUse = Set<Int>()
        var frames: [(atom: Int, children: [(atom: Int, bond: Int)], next: Int, closes: Bool)] = []

        func emit(_ u: Int, parent: (atom: Int, bond: Int)?, closes: Bool) {
            if let parent { out += bondExpression(bonds[parent.bond], from: members[parent.atom], rightOf: rightOf) }
            out += atomExpression(members[u])
            var released: [Int] = []
            for (t, k) in adjacency[u] where !treeBond[k] {
                if position[t] < position[u] {
                    out += bondExpression(bonds[k], from: members[u], rightOf: rightOf)
                    out += Self.ringDigit(digitOf[k])
                    released.append(digitOf[k])
                } else {
                    var d = 1
                    while inUse.contains(d) { d += 1 }
                    inUse.insert(d)
                    digitOf[k] = d
                    out += Self.ringDigit(d)
                }
            }
            for d in released { inUse.remove(d) }
            let children = adjacency[u].filter { treeBond[$0.bond] && position[$0.atom] > position[u] }
            frames.append((u, children, 0, closes))
        }

        emit(start, parent: nil, closes: false)
        while let top = frames.last {
            if top.next == top.children.count {
                frames.removeLast()
                if top.closes { out += ")" }
                continue
            }
            frames[frames.count - 1].next += 1
            let child = top.children[top.next]
            let isLast = top.next == top.children.count - 1
            if !isLast { out += "(" }
            emit(child.atom, parent: (top.atom, child.bond), closes: !isLast)
        }
        return out
    }

    /// The ring-closure label: 1-9, then %10 to %99.
    static func ringDigit(_ d: Int) -> String { d < 10 ? String(d) : "%" + String(d) }

    /// The atom as the options compared it.
    func atomExpression(_ a: Int) -> String {
        var primitives: [String] = []
        switch options.atomComparison {
        case .any: primitives.append("*")
        case .elements:
            primitives.append("#\(left.atomicNumbers[a])")
            if options.matchValences { primitives.append("v\(left.valences[a])") }
        case .isotopes: primitives.append("\(left.isotopes[a])*")
        case .anyHeavyAtom:
            switch left.atomicNumbers[a] {
            case 0: primitives.append("#0")
            case 1: primitives.append("#1")
            default: primitives.append("!#0&!#1")
            }
        }
        if options.matchFormalCharge {
            let c = Int(left.charges[a])
            primitives.append(c < 0 ? "-\(-c)" : "+\(c)")
        }
        if options.ringMatchesRingOnly { primitives.append(left.atomInRing[a] ? "R" : "!R") }
        if primitives == ["*"] { return "*" }
        return "[" + primitives.joined(separator: "&") + "]"
    }

    /// The bond as the options compared it, written from atom `from` (a left index) to its other end.
    func bondExpression(_ pair: (left: Int, right: Int), from: Int, rightOf: [Int: Int]) -> String {
        var expression: String
        if options.bondComparison == .any {
            expression = "~"
        } else {
            let lt = left.bondTypes[pair.left]
            let rt = right.bondTypes[pair.right]
            let wildcard = BondOrder.unspecified.rawValue
            let zero = BondOrder.zero.rawValue
            if lt == wildcard || rt == wildcard || lt == zero || rt == zero {
                expression = "~"
            } else if lt == BondOrder.dative.rawValue || rt == BondOrder.dative.rawValue {
                // Written in the direction of the left bond; both directions when the right bond runs the
                // other way.
                let leftForward = Int(left.bondBegin[pair.left]) == from
                let rightBegin = Int(right.bondBegin[pair.right])
                let rightForward = rightOf[from] == rightBegin
                expression = leftForward == rightForward ? (leftForward ? "->" : "<-") : "->,<-"
            } else {
                let a = Self.orderSymbol(lt)
                let b = Self.orderSymbol(rt)
                expression = a == b ? a : a + "," + b
            }
        }
        if options.bondRingMatchesRingOnly {
            expression += left.bondInRing[pair.left] ? ";@" : ";!@"
        }
        return expression
    }

    static func orderSymbol(_ type: UInt8) -> String {
        switch BondOrder(rawValue: type) {
        case .single: return "-"
        case .double: return "="
        case .triple: return "#"
        case .quadruple: return "$"
        case .aromatic: return ":"
        default: return "~"
        }
    }
}
