/// One node of a bond expression, flattened in prefix order like `AtomNode`.
///
/// Bond primitives test the target bond as RDKit types it after sanitization: a bond flagged aromatic is
/// AROMATIC whatever its Kekulé order, so `-` and `=` never match aromatic bonds and `:` matches only them.
struct BondNode: Sendable, Hashable {
    enum Kind: UInt8, Sendable, Hashable {
        case and
        case or
        /// `~`, and the placeholder of a molecule query's unspecified bond.
        case always
        /// `-`: a non-aromatic single bond.
        case single
        /// `=`: a non-aromatic double bond.
        case double
        /// `#`.
        case triple
        /// `$`.
        case quadruple
        /// `:`.
        case aromatic
        /// No bond symbol in SMARTS, `/` or `\`: single or aromatic.
        case singleOrAromatic
        /// `->` / `<-`: a dative bond whose donor is the atom the query bond begins at.
        case dative
        /// RDKit's ZERO bond type (only from molecule queries).
        case zero
        /// `@`: the bond is in a ring.
        case ring
    }

    var kind: Kind
    var negated: Bool
    /// For `.dative`: the donor is the query bond's begin atom (otherwise its end atom).
    var donorIsBegin: Bool
    var span: Int32

    init(_ kind: Kind, negated: Bool = false, donorIsBegin: Bool = true) {
        self.kind = kind
        self.negated = negated
        self.donorIsBegin = donorIsBegin
        self.span = 1
    }
}

/// A tree of `BondNode`s in prefix order.
struct BondExpression: Sendable, Hashable {
    var nodes: [BondNode]

    init(_ node: BondNode) { nodes = [node] }
    init(nodes: [BondNode]) { self.nodes = nodes }

    static let singleOrAromatic = BondExpression(BondNode(.singleOrAromatic))

    func negated() -> BondExpression {
        var copy = self
        copy.nodes[0].negated.toggle()
        return copy
    }

    /// `kind` (`.and` or `.or`) over the operands, flattening operands of the same kind.
    static func combine(_ kind: BondNode.Kind, _ operands: [BondExpression]) -> BondExpression {
        if operands.count == 1 { return operands[0] }
        var children: [BondNode] = []
        for operand in operands {
            if operand.nodes[0].kind == kind && !operand.nodes[0].negated {
                children.append(contentsOf: operand.nodes.dropFirst())
            } else {
                children.append(contentsOf: operand.nodes)
            }
        }
        var root = BondNode(kind)
        root.span = Int32(children.count + 1)
        return BondExpression(nodes: [root] + children)
    }

    /// Whether the expression contains a dative primitive (such bonds are matched with their direction).
    var hasDative: Bool { nodes.contains { $0.kind == .dative } }

    /// The expression for the same bond written in the other direction (dative donors swap ends).
    func reversed() -> BondExpression {
        var copy = self
        for i in copy.nodes.indices where copy.nodes[i].kind == .dative { copy.nodes[i].donorIsBegin.toggle() }
        return copy
    }
}
