/// A stored structure that a search may return: the record it belongs to and the substance's position.
public struct StructureCandidate: Sendable, Hashable {
    public let record: RecordID
    public let substanceIndex: Int
    public let smiles: String

    public init(record: RecordID, substanceIndex: Int, smiles: String) {
        self.record = record
        self.substanceIndex = substanceIndex
        self.smiles = smiles
    }
}

/// A structure that matched a search, with its similarity when the search was by similarity.
public struct StructureHit: Sendable, Hashable, Codable {
    public let record: RecordID
    public let substanceIndex: Int
    public let smiles: String
    public let similarity: Double?

    public init(record: RecordID, substanceIndex: Int, smiles: String, similarity: Double?) {
        self.record = record
        self.substanceIndex = substanceIndex
        self.smiles = smiles
        self.similarity = similarity
    }
}

/// Substructure and similarity search over stored structures, injected from the chemistry core.
/// Candidates are already restricted to what the caller may read.
public protocol StructureSearcher: Sendable {
    /// Structures containing the SMARTS pattern. Throws for an invalid pattern, naming the column.
    func substructure(_ smarts: String, in candidates: [StructureCandidate]) throws(StructureProblem) -> [StructureHit]
    /// Structures whose Tanimoto similarity to `smiles` is at least `threshold`, most similar first.
    func similar(to smiles: String, threshold: Double, in candidates: [StructureCandidate]) throws(StructureProblem) -> [StructureHit]
}

/// The searcher for servers built without structure search: refuses with a clear reason (HTTP 501).
public struct UnavailableStructureSearcher: StructureSearcher {
    public let reason: String
    public init(reason: String) { self.reason = reason }
    public func substructure(_ smarts: String, in candidates: [StructureCandidate]) throws(StructureProblem) -> [StructureHit] {
        throw StructureProblem(message: reason, position: nil, unavailable: true)
    }
    public func similar(to smiles: String, threshold: Double, in candidates: [StructureCandidate]) throws(StructureProblem) -> [StructureHit] {
        throw StructureProblem(message: reason, position: nil, unavailable: true)
    }
}
