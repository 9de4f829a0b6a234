extension SubstructureScreen {
    /// The screen of a compiled query (SMARTS or molecule query): every molecule the query matches has all of
    /// its bits, so a library can skip, without matching, every molecule whose screen lacks one.
    ///
    /// Only facts every match must carry go in: an atom's element when its expression requires one element
    /// (`C`, `[#7]`, `[N;H1]`, `[Cl,Cl]`), a bond's class when its expression requires one (`-`, `=`, `#`,
    /// `:`, alone or inside `;`/`&`), and the query's own paths, branch points and rings. Recursive
    /// sub-patterns add nothing (they constrain atoms the main graph already has). A query with no certain
    /// element gives few bits and prunes little; it never prunes wrongly.
    public func queryFingerprint(of query: SubstructureQuery) -> Fingerprint {
        let graph = query.compiled.graphs[0]
        var elements = [UInt8?](repeating: nil, count: graph.atomCount)
        for atom in 0..<graph.atomCount {
            // Atomic number 0 stays uncertain: a dummy atom in a molecule query matches any element.
            if let z = graph.atomExpression(atom).requiredAtomicNumber, z >= 1, z <= ElementTable.maxAtomicNumber {
                elements[atom] = UInt8(z)
            }
        }
        var ends: [(Int32, Int32)] = []
        var classes: [ScreenGraph.BondClass?] = []
        ends.reserveCapacity(graph.bondCount)
        classes.reserveCapacity(graph.bondCount)
        for bond in 0..<graph.bondCount {
            ends.append((graph.bondBegin[bond], graph.bondEnd[bond]))
            classes.append(Self.requiredBondClass(graph.bondNodes, Int(graph.bondExpressionStart[bond])))
        }
        let screenGraph = ScreenGraph(elements: elements, aromatic: [Bool?](repeating: nil, count: graph.atomCount),
                                      bondEnds: ends, bondClasses: classes)
        return fingerprint(of: screenGraph)
    }

    /// The one bond class the expression rooted at `index` requires, or nil when it admits several.
    static func requiredBondClass(_ nodes: [BondNode], _ index: Int) -> ScreenGraph.BondClass? {
        let node = nodes[index]
        if node.negated { return nil }
        switch node.kind {
        case .single: return .single
        case .double: return .double
        case .triple: return .triple
        case .aromatic: return .aromatic
        case .and:
            // Every operand must hold, so one certain operand decides.
            var child = index + 1
            let end = index + Int(node.span)
            while child < end {
                if let bondClass = requiredBondClass(nodes, child) { return bondClass }
                child += Int(nodes[child].span)
            }
            return nil
        case .or:
            // Certain only when every alternative requires the same class.
            var child = index + 1
            let end = index + Int(node.span)
            var common: ScreenGraph.BondClass?
            while child < end {
                guard let bondClass = requiredBondClass(nodes, child) else { return nil }
                if let c = common, c != bondClass { return nil }
                common = bondClass
                child += Int(nodes[child].span)
            }
            return common
        default: return nil
        }
    }
}
