/// The screen's view of a compiled substructure query (SMARTS or a molecule used as a query): only the facts
/// every matching target atom or bond must have.
extension ScreenGraph {
    /// Elements come from `AtomExpression.requiredAtomicNumber` (an element the expression forces, through
    /// `and`, `or` of one element and element primitives; never through negation). A bond's class is certain
    /// when every kind of target bond its expression can match falls in the same screen class (see
    /// `certainClass`). Aromaticity is left uncertain: no feature reads it.
    init(query graph: QueryGraph) {
        var elements: [UInt8?] = []
        elements.reserveCapacity(graph.atomCount)
        for atom in 0..<graph.atomCount {
            if let z = graph.atomExpression(atom).requiredAtomicNumber, z >= 0, z <= Int(UInt8.max) {
                elements.append(UInt8(z))
            } else {
                elements.append(nil)
            }
        }
        var ends: [(Int32, Int32)] = []
        var classes: [BondClass?] = []
        ends.reserveCapacity(graph.bondCount)
        classes.reserveCapacity(graph.bondCount)
        for bond in 0..<graph.bondCount {
            ends.append((graph.bondBegin[bond], graph.bondEnd[bond]))
            let start = Int(graph.bondExpressionStart[bond])
            let span = Int(graph.bondNodes[start].span)
            classes.append(Self.certainClass(Array(graph.bondNodes[start..<(start + span)])))
        }
        self.init(elements: elements, aromatic: [Bool?](repeating: nil, count: graph.atomCount), bondEnds: ends, bondClasses: classes)
    }

    /// The screen class every target bond matching `nodes` has, or nil when two matching kinds of bond differ
    /// (or a matching kind has no class). Target bonds are enumerated by what the matcher reads: order, the
    /// aromatic flag, whether the bond is in a ring and which end the query bond starts at. Ring membership and
    /// direction are unknown to the screen, so every combination counts.
    static func certainClass(_ nodes: [BondNode]) -> BondClass? {
        let orders: [BondOrder] = [.unspecified, .single, .double, .triple, .quadruple, .aromatic, .dative, .zero]
        var found: BondClass?
        var any = false
        for order in orders {
            for flagged in [false, true] {
                var matches = false
                for inRing in [false, true] {
                    for forward in [false, true] where evaluate(nodes, 0, order: order, flagged: flagged, inRing: inRing, forward: forward) {
                        matches = true
                    }
                }
                guard matches else { continue }
                let bond = Bond(begin: 0, end: 1, order: order, isAromatic: flagged)
                guard let c = bondClass(bond) else { return nil }
                if any && found != c { return nil }
                found = c
                any = true
            }
        }
        return found
    }

    /// Evaluates a bond expression as the matcher does (`GraphSearch.evaluate`) for one kind of target bond.
    private static func evaluate(_ nodes: [BondNode], _ i: Int, order: BondOrder, flagged: Bool, inRing: Bool, forward: Bool) -> Bool {
        let node = nodes[i]
        let aromatic = flagged || order == .aromatic
        var result: Bool
        switch node.kind {
        case .and, .or:
            let isAnd = node.kind == .and
            result = isAnd
            var child = i + 1
            let end = i + Int(node.span)
            while child < end {
                if evaluate(nodes, child, order: order, flagged: flagged, inRing: inRing, forward: forward) != isAnd {
                    result = !isAnd
                    break
                }
                child += Int(nodes[child].span)
            }
        case .always: result = true
        case .single: result = !aromatic && order == .single
        case .double: result = !aromatic && order == .double
        case .triple: result = !aromatic && order == .triple
        case .quadruple: result = !aromatic && order == .quadruple
        case .aromatic: result = aromatic
        case .singleOrAromatic: result = aromatic || order == .single
        case .dative: result = order == .dative && forward == node.donorIsBegin
        case .zero: result = order == .zero
        case .ring: result = inRing
        }
        return result != node.negated
    }
}
