/// One molecule prepared for maximum-common-substructure searches against many others: its comparison keys,
/// bond lists and ring tables are computed once, so each further comparison only prepares the other
/// molecule. This is the fast path for "how much of fentanyl does each of these share?".
///
/// Roles follow RDKit's `FindMCS([query, target])`: the molecule with fewer bonds is the one whose rings
/// `completeRingsOnly` checks and whose atom a single-atom answer is chosen from; on a tie, the query.
public struct MCSQuery: Sendable {
    /// The prepared molecule.
    public let molecule: Molecule
    /// The options every search with this query uses.
    public let options: MCSOptions
    let graph: MCSGraph

    public init(_ molecule: Molecule, options: MCSOptions = MCSOptions()) {
        self.molecule = molecule
        self.options = options
        graph = MCSGraph(molecule, options: options)
    }

    /// The maximum common substructure of the query (`first` in the result) and `target` (`second`).
    public func find(in target: Molecule) -> MCSResult {
        MaximumCommonSubstructure.search(graph, MCSGraph(target, options: options), options: options)
    }

    /// The maximum common substructure of the query and `target` if it has at least `bonds` bonds, `nil`
    /// otherwise (or when the timeout came before one that large was found). Much cheaper than `find(in:)`
    /// on dissimilar molecules, since every branch that cannot reach the size is cut: for questions like
    /// "which of these share most of fentanyl?".
    public func find(in target: Molecule, atLeast bonds: Int) -> MCSResult? {
        MaximumCommonSubstructure.search(graph, MCSGraph(target, options: options), options: options, minimumBonds: bonds)
    }

    /// The maximum common substructure of the query and a target prepared beforehand (with this query's
    /// options; a target prepared with other options is prepared again).
    public func find(in target: MCSQuery) -> MCSResult {
        MaximumCommonSubstructure.search(graph, graph(of: target), options: options)
    }

    /// An upper bound on the bonds the query can share with `target`, from bond labels alone (no search):
    /// for screening many molecules before searching the promising ones.
    public func bondUpperBound(for target: MCSQuery) -> Int {
        MaximumCommonSubstructure.labelBound(graph, graph(of: target))
    }

    private func graph(of target: MCSQuery) -> MCSGraph {
        target.options == options ? target.graph : MCSGraph(target.molecule, options: options)
    }
}
