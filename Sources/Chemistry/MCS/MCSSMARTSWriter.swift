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
        let n = members.count
        var local = [Int32](repeating: -1, count: left.atomCount)
        for (i, a) in members.enumerated() { local[a] = Int32(i) }
        var rightOf = [Int32](repeating: -1, count: left.atomCount)
        for pair in atoms { rightOf[pair.left] = Int32(pair.right) }

        // Adjacency within the substructure (CSR), each atom's neighbours by local index:
        // `neighbour[k]` joined by `via[k]` (an index into `bonds`) for k in offsets[u] ..< offsets[u + 1].
        var offsets = [Int](repeating: 0, count: n + 1)
        for pair in bonds {
            offsets[Int(local[Int(left.bondBegin[pair.left])]) + 1] += 1
            offsets[Int(local[Int(left.bondEnd[pair.left])]) + 1] += 1
        }
        for u in 0..<n { offsets[u + 1] += offsets[u] }
        var fill = offsets
        var neighbour = [Int](repeating: 0, count: 2 * bonds.count)
        var via = [Int](repeating: 0, count: 2 * bonds.count)
        for (k, pair) in bonds.enumerated() {
            let u = Int(local[Int(left.bondBegin[pair.left])]), v = Int(local[Int(left.bondEnd[pair.left])])
            neighbour[fill[u]] = v; via[fill[u]] = k; fill[u] += 1
            neighbour[fill[v]] = u; via[fill[v]] = k; fill[v] += 1
        }
        for u in 0..<n {  // insertion sort: an atom has a handful of neighbours
            var i = offsets[u] + 1
            while i < offsets[u + 1] {
                var j = i
                while j > offsets[u] && neighbour[j - 1] > neighbour[j] {
                    neighbour.swapAt(j - 1, j)
                    via.swapAt(j - 1, j)
                    j -= 1
                }
                i += 1
            }
        }

        // Start at a terminal atom when there is one, as a person would write it.
        var start = 0
        for u in 0..<n where offsets[u + 1] - offsets[u] == 1 { start = u; break }

        // First pass: depth-first order (`position`) and which bonds are tree bonds.
        var position = [Int](repeating: -1, count: n)
        var treeBond = [Bool](repeating: false, count: bonds.count)
        var stack: [(atom: Int, next: Int)] = [(start, offsets[start])]
        var visited = 0
        position[start] = visited
        visited += 1
        while let top = stack.last {
            if top.next == offsets[top.atom + 1] { stack.removeLast(); continue }
            stack[stack.count - 1].next += 1
            let t = neighbour[top.next]
            if position[t] >= 0 { continue }
            position[t] = visited
            visited += 1
            treeBond[via[top.next]] = true
            stack.append((t, offsets[t]))
        }

        // Second pass, in the same order. A ring bond opens at its earlier atom (a digit) and closes at the
        // later one (bond, then digit); digits freed at an atom are reused only after it.
        var out = ""
        out.reserveCapacity(8 * n + 6 * bonds.count)
        var digitOf = [Int](repeating: 0, count: bonds.count)
        var digitInUse = [Bool](repeating: false, count: 100)  // grows past 99 (written %(100) ...)
        var released: [Int] = []
        // Frames: the atom, the cursor over its neighbours, and whether a branch ")" closes after it.
        var frames: [(atom: Int, next: Int, closes: Bool)] = []

        func emit(_ u: Int, parent: (atom: Int, bond: Int)?, closes: Bool) {
            if let parent { appendBond(bonds[parent.bond], from: members[parent.atom], rightOf: rightOf, to: &out) }
            appendAtom(members[u], to: &out)
            released.removeAll(keepingCapacity: true)
            for k in offsets[u]..<offsets[u + 1] where !treeBond[via[k]] {
                let t = neighbour[k], b = via[k]
                if position[t] < position[u] {
                    appendBond(bonds[b], from: members[u], rightOf: rightOf, to: &out)
                    Self.appendRingDigit(digitOf[b], to: &out)
                    released.append(digitOf[b])
                } else {
                    var d = 1
                    while d < digitInUse.count && digitInUse[d] { d += 1 }
                    if d == digitInUse.count { digitInUse.append(false) }
                    digitInUse[d] = true
                    digitOf[b] = d
                    Self.appendRingDigit(d, to: &out)
                }
            }
            for d in released { digitInUse[d] = false }
            frames.append((u, offsets[u], closes))
        }

        /// The next tree child of `u` at or after neighbour position `k`, if any.
        func nextChild(_ u: Int, from k: Int) -> Int? {
            var k = k
            while k < offsets[u + 1] {
                if treeBond[via[k]] && position[neighbour[k]] > position[u] { return k }
                k += 1
            }
            return nil
        }

        emit(start, parent: nil, closes: false)
        while let top = frames.last {
            guard let k = nextChild(top.atom, from: top.next) else {
                frames.removeLast()
                if top.closes { out += ")" }
                continue
            }
            frames[frames.count - 1].next = k + 1
            let isLast = nextChild(top.atom, from: k + 1) == nil
            if !isLast { out += "(" }
            emit(neighbour[k], parent: (top.atom, via[k]), closes: !isLast)
        }
        return out
    }

    /// The ring-closure label: 1-9, then %10 to %99, then %(100) and up (RDKit's extension).
    static func appendRingDigit(_ d: Int, to out: inout String) {
        if d < 10 {
            out += String(d)
        } else if d < 100 {
            out += "%" + String(d)
        } else {
            out += "%(" + String(d) + ")"
        }
    }

    /// The atom as the options compared it.
    func appendAtom(_ a: Int, to out: inout String) {
        let ring = options.ringMatchesRingOnly ? (left.atomInRing[a] ? "&R" : "&!R") : ""
        var extra = ""
        if options.atomComparison == .elements && options.matchValences { extra += "&v" + String(left.valences[a]) }
        if options.matchFormalCharge {
            let c = Int(left.charges[a])
            extra += c < 0 ? "&-" + String(-c) : "&+" + String(c)
        }
        extra += ring
        switch options.atomComparison {
        case .any:
            if extra.isEmpty { out += "*" } else { out += "[*" + extra + "]" }
        case .elements: out += "[#" + String(left.atomicNumbers[a]) + extra + "]"
        case .isotopes: out += "[" + String(left.isotopes[a]) + "*" + extra + "]"
        case .anyHeavyAtom:
            switch left.atomicNumbers[a] {
            case 0: out += "[#0" + extra + "]"
            case 1: out += "[#1" + extra + "]"
            default: out += "[!#0&!#1" + extra + "]"
            }
        }
    }

    /// The bond as the options compared it, written from atom `from` (a left index) to its other end.
    func appendBond(_ pair: (left: Int, right: Int), from: Int, rightOf: [Int32], to out: inout String) {
        if options.bondComparison == .any {
            out += "~"
        } else {
            let lt = left.bondTypes[pair.left]
            let rt = right.bondTypes[pair.right]
            let wildcard = BondOrder.unspecified.rawValue
            let zero = BondOrder.zero.rawValue
            if lt == wildcard || rt == wildcard || lt == zero || rt == zero {
                out += "~"
            } else if lt == BondOrder.dative.rawValue || rt == BondOrder.dative.rawValue {
                // Written in the direction of the left bond; both directions when the right bond runs the
                // other way.
                let leftForward = Int(left.bondBegin[pair.left]) == from
                let rightForward = rightOf[from] == right.bondBegin[pair.right]
                out += leftForward == rightForward ? (leftForward ? "->" : "<-") : "->,<-"
            } else {
                out += Self.orderSymbol(lt)
                if rt != lt { out += "," + Self.orderSymbol(rt) }
            }
        }
        if options.bondRingMatchesRingOnly {
            out += left.bondInRing[pair.left] ? ";@" : ";!@"
        }
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
