/// A query as the matcher reads it: atoms and bonds carrying flattened expressions, with a compressed
/// adjacency table like `Molecule`'s. The SMARTS parser and molecule queries both produce it.
///
/// Neighbour order is bond-index order, and bonds are numbered as RDKit numbers them (chain bonds as written,
/// ring closures after them by ring number), so that the RDKit-order search visits mappings in RDKit's order.
/// Immutable and shared by reference: every search over every target reads the same arrays.
final class QueryGraph: Sendable {
    /// An atom before flattening.
    struct Atom: Sendable {
        var expression: AtomExpression
        /// Tetrahedral stereo relative to the atom's reference order (see `Chirality`): an implicit hydrogen
        /// first when the query asks for exactly one (`[C@H]`), then neighbours in bond order.
        var chirality: Chirality = .none
        /// The reference order of `chirality` starts with an implicit hydrogen (the query asks for exactly one
        /// hydrogen that is not a graph atom).
        var referenceHasHydrogen = false
        /// `[C:3]`; 0 when absent. Matching ignores it.
        var mapNumber: Int32 = 0
    }

    /// A bond before flattening.
    struct Bond: Sendable {
        var begin: Int32
        var end: Int32
        var expression: BondExpression
        /// RDKit's bond type for the query bond is DOUBLE (`=` first in its expression): only such bonds
        /// carry cis/trans stereo into chirality-aware matching.
        var isDoubleType = false
        var stereo: BondStereo = .none
        var stereoAtoms: (Int32, Int32) = (-1, -1)
    }

    let atomCount: Int
    let bondCount: Int
    /// Atom `a`'s expression is `atomNodes[atomExpressionStart[a]...]` (its root node's `span` long).
    let atomNodes: [AtomNode]
    let atomExpressionStart: [Int32]
    let atomChirality: [Chirality]
    let atomReferenceHasHydrogen: [Bool]
    let atomMapNumbers: [Int32]
    let bondNodes: [BondNode]
    let bondExpressionStart: [Int32]
    let bondBegin: [Int32]
    let bondEnd: [Int32]
    let bondIsDoubleType: [Bool]
    let bondStereo: [BondStereo]
    let bondStereoAtoms: [(Int32, Int32)]
    let bondHasDative: [Bool]
    /// Number of query bonds per atom.
    let atomDegree: [Int32]
    /// CSR adjacency in bond-index order.
    let adjacencyOffsets: [Int32]
    let adjacentAtoms: [Int32]
    let adjacentBonds: [Int32]
    /// Whether any atom carries tetrahedral stereo or any bond cis/trans stereo (chirality-aware matching
    /// has nothing to check otherwise).
    let hasStereo: Bool

    init(atoms: [Atom], bonds: [Bond]) {
        atomCount = atoms.count
        bondCount = bonds.count
        var nodes: [AtomNode] = []
        var starts: [Int32] = []
        starts.reserveCapacity(atoms.count)
        for atom in atoms {
            starts.append(Int32(nodes.count))
            nodes.append(contentsOf: atom.expression.nodes)
        }
        atomNodes = nodes
        atomExpressionStart = starts
        atomChirality = atoms.map(\.chirality)
        atomReferenceHasHydrogen = atoms.map(\.referenceHasHydrogen)
        atomMapNumbers = atoms.map(\.mapNumber)
        var bNodes: [BondNode] = []
        var bStarts: [Int32] = []
        for bond in bonds {
            bStarts.append(Int32(bNodes.count))
            bNodes.append(contentsOf: bond.expression.nodes)
        }
        bondNodes = bNodes
        bondExpressionStart = bStarts
        bondBegin = bonds.map(\.begin)
        bondEnd = bonds.map(\.end)
        bondIsDoubleType = bonds.map(\.isDoubleType)
        bondStereo = bonds.map(\.stereo)
        bondStereoAtoms = bonds.map(\.stereoAtoms)
        bondHasDative = bonds.map(\.expression.hasDative)

        var degree = [Int32](repeating: 0, count: atoms.count + 1)
        for b in bonds {
            degree[Int(b.begin)] += 1
            degree[Int(b.end)] += 1
        }
        var offsets = [Int32](repeating: 0, count: atoms.count + 1)
        var running: Int32 = 0
        for a in 0..<atoms.count {
            offsets[a] = running
            running += degree[a]
        }
        offsets[atoms.count] = running
        var fill = offsets
        var nbrAtoms = [Int32](repeating: 0, count: Int(running))
        var nbrBonds = [Int32](repeating: 0, count: Int(running))
        for (i, b) in bonds.enumerated() {
            let p = Int(fill[Int(b.begin)])
            nbrAtoms[p] = b.end
            nbrBonds[p] = Int32(i)
            fill[Int(b.begin)] += 1
            let q = Int(fill[Int(b.end)])
            nbrAtoms[q] = b.begin
            nbrBonds[q] = Int32(i)
            fill[Int(b.end)] += 1
        }
        atomDegree = (0..<atoms.count).map { offsets[$0 + 1] - offsets[$0] }
        adjacencyOffsets = offsets
        adjacentAtoms = nbrAtoms
        adjacentBonds = nbrBonds
        hasStereo = atoms.contains { $0.chirality.isTetrahedral }
            || bonds.contains { $0.isDoubleType && ($0.stereo == .cis || $0.stereo == .trans) }
    }

    @inline(__always)
    func degree(of atom: Int) -> Int { Int(adjacencyOffsets[atom + 1] - adjacencyOffsets[atom]) }

    /// The root node of atom `atom`'s expression.
    @inline(__always)
    func atomExpression(_ atom: Int) -> AtomExpression {
        let start = Int(atomExpressionStart[atom])
        return AtomExpression(nodes: Array(atomNodes[start..<(start + Int(atomNodes[start].span))]))
    }

    /// The bond joining two query atoms, or `nil`.
    func bond(between a: Int, and b: Int) -> Int? {
        for p in Int(adjacencyOffsets[a])..<Int(adjacencyOffsets[a + 1]) where Int(adjacentAtoms[p]) == b {
            return Int(adjacentBonds[p])
        }
        return nil
    }
}
