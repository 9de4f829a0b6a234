/// What reading a SMARTS produces: the pattern's query graph and the graphs of its recursive sub-patterns.
///
/// `graphs[0]` is the pattern itself; every `$(...)`, at any nesting depth, adds a graph that
/// `AtomNode.Kind.recursive` nodes refer to by index. A sub-pattern's atom 0 is the atom the recursive
/// primitive tests.
struct SMARTSPattern: Sendable {
    var graphs: [QueryGraph]
    /// The title after the first whitespace, trimmed ("" when absent).
    var name: String

    /// Reads a SMARTS the way RDKit's `MolFromSmarts` does, or throws an error naming the problem and its
    /// column.
    init(_ smarts: String) throws(SMARTSError) {
        self = try SMARTSParser.parse(smarts)
    }

    init(graphs: [QueryGraph], name: String) {
        self.graphs = graphs
        self.name = name
    }
}
