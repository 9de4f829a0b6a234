/// The searcher for servers built without structure search: refuses with a clear reason (HTTP 501).
public struct UnavailableStructureSearcher: StructureSearcher {
    public let reason: String
    public init(reason: String) { self.reason = reason }
    public var keyScheme: String { "none" }
    public func keys(for structure: String) -> StructureKeys? { nil }
    public func substructure(_ smarts: String, in candidates: [StructureCandidate]) throws(StructureProblem) -> StructureSearchOutcome {
        throw StructureProblem(message: reason, position: nil, unavailable: true)
    }
    public func similar(to smiles: String, threshold: Double, top: Int?, in candidates: [StructureCandidate]) throws(StructureProblem) -> StructureSearchOutcome {
        throw StructureProblem(message: reason, position: nil, unavailable: true)
    }
}
