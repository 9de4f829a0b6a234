/// An atom fact a SMARTS primitive compares with a number (RDKit's atom "data functions"). Every value is
/// read from the perceived target, so it agrees with what RDKit reads from a sanitized molecule.
enum AtomProperty: UInt8, Sendable, Hashable {
    /// `#n`, element symbols.
    case atomicNumber
    /// `[13C]`: the mass number, 0 for natural abundance.
    case isotope
    /// `+n`, `-n`.
    case formalCharge
    /// Unpaired electrons (only from molecule queries).
    case radicalElectrons
    /// `H<n>`: every hydrogen, counts and hydrogen-atom neighbours alike.
    case hydrogenCount
    /// `h<n>`: hydrogens that are not graph atoms.
    case implicitHydrogenCount
    /// `D<n>`: bonded atoms, explicit hydrogen atoms included.
    case degree
    /// `X<n>`: bonded atoms plus hydrogens that are not graph atoms.
    case totalDegree
    /// `d<n>` (RDKit): bonded atoms other than protium (deuterium and tritium count).
    case nonHydrogenDegree
    /// `v<n>`: explicit plus implicit valence.
    case totalValence
    /// `R<n>`: how many rings (relevant cycles) contain the atom.
    case ringCount
    /// `r<n>`: the size of the smallest ring containing the atom (0 outside rings).
    case smallestRingSize
    /// `x<n>`: ring bonds on the atom.
    case ringBondCount
    /// `z<n>` (RDKit): neighbours that are neither carbon nor hydrogen.
    case heteroNeighbors
    /// `Z<n>` (RDKit): non-aromatic neighbours that are neither carbon nor hydrogen.
    case aliphaticHeteroNeighbors
    /// `^n` (RDKit): hybridization, numbered as RDKit's `HybridizationType` (S=1, SP=2, SP2=3, SP3=4, SP3D=5,
    /// SP3D2=6).
    case hybridization
    /// `a` (1) and `A` (0).
    case aromatic
}

/// One node of an atom expression, stored flattened in prefix order: a composite node is followed by its
/// children, and `span` (the node count of its subtree) lets an evaluator skip a child it does not need.
/// Flat arrays of 16-byte nodes keep evaluation free of pointers, allocation and dynamic dispatch.
struct AtomNode: Sendable, Hashable {
    enum Kind: UInt8, Sendable, Hashable {
        /// All children must match.
        case and
        /// At least one child must match.
        case or
        /// Matches every atom (`*`, and the placeholder a chirality mark leaves).
        case always
        /// `lower <= property <= upper`.
        case range
        /// Element and aromaticity at once (`C`, `c`, `[N]`): `lower` is the atomic number, `upper` 1 for
        /// aromatic and 0 for aliphatic.
        case atomType
        /// RDKit's `k<n>`: some ring of exactly `lower` atoms contains the atom (`k0` matches every atom).
        case inRingOfSize
        /// RDKit's `k{a-b}`: some ring whose size is in `lower...upper` contains the atom.
        case ringSizeRange
        /// `$(...)`: the sub-pattern `lower` (an index into the pattern's graphs) matches with its first atom
        /// on this atom.
        case recursive
    }

    var kind: Kind
    var property: AtomProperty
    /// The node's result is inverted (`!`).
    var negated: Bool
    /// Nodes in this subtree, this one included.
    var span: Int32
    var lower: Int32
    var upper: Int32

    init(_ kind: Kind, property: AtomProperty = .atomicNumber, lower: Int32 = 0, upper: Int32 = 0, negated: Bool = false) {
        self.kind = kind
        self.property = property
        self.negated = negated
        self.span = 1
        self.lower = lower
        self.upper = upper
    }

    /// `property == value`.
    static func equals(_ property: AtomProperty, _ value: Int32) -> AtomNode {
        AtomNode(.range, property: property, lower: value, upper: value)
    }

    /// `property >= value`.
    static func atLeast(_ property: AtomProperty, _ value: Int32) -> AtomNode {
        AtomNode(.range, property: property, lower: value, upper: Int32.max)
    }
}

/// A tree of `AtomNode`s in prefix order, built by the SMARTS parser and by molecule queries.
struct AtomExpression: Sendable, Hashable {
    var nodes: [AtomNode]

    init(_ node: AtomNode) { nodes = [node] }
    init(nodes: [AtomNode]) { self.nodes = nodes }

    /// Matches everything.
    static let always = AtomExpression(AtomNode(.always))

    /// The expression with its result inverted.
    func negated() -> AtomExpression {
        var copy = self
        copy.nodes[0].negated.toggle()
        return copy
    }

    /// `kind` (`.and` or `.or`) over the operands, flattening operands of the same kind so chains stay
    /// shallow.
    static func combine(_ kind: AtomNode.Kind, _ operands: [AtomExpression]) -> AtomExpression {
        if operands.count == 1 { return operands[0] }
        var children: [AtomNode] = []
        for operand in operands {
            if operand.nodes[0].kind == kind && !operand.nodes[0].negated {
                children.append(contentsOf: operand.nodes.dropFirst())
            } else {
                children.append(contentsOf: operand.nodes)
            }
        }
        var root = AtomNode(kind)
        root.span = Int32(children.count + 1)
        return AtomExpression(nodes: [root] + children)
    }

    /// The atomic number every matching atom must have, when the expression forces one (used to order the
    /// search and to screen targets); `nil` otherwise.
    var requiredAtomicNumber: Int? { Self.requiredAtomicNumber(nodes, 0) }

    private static func requiredAtomicNumber(_ nodes: [AtomNode], _ index: Int) -> Int? {
        let node = nodes[index]
        if node.negated { return nil }
        switch node.kind {
        case .atomType: return Int(node.lower)
        case .range where node.property == .atomicNumber && node.lower == node.upper: return Int(node.lower)
        case .and:
            var child = index + 1
            let end = index + Int(node.span)
            while child < end {
                if let z = requiredAtomicNumber(nodes, child) { return z }
                child += Int(nodes[child].span)
            }
            return nil
        case .or:
            var child = index + 1
            let end = index + Int(node.span)
            var common: Int?
            while child < end {
                guard let z = requiredAtomicNumber(nodes, child) else { return nil }
                if let c = common, c != z { return nil }
                common = z
                child += Int(nodes[child].span)
            }
            return common
        default: return nil
        }
    }
}
