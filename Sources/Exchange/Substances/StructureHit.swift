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
