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
