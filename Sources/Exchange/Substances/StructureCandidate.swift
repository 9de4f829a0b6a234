/// A stored structure that a search may return: the record it belongs to, the substance's position, and the
/// keys stored for it. Candidates are built only from records the caller may read.
public struct StructureCandidate: Sendable, Hashable {
    public let record: RecordID
    /// The record's storage sequence (larger is newer): hits are ordered and paged by it.
    public let sequence: Int64
    public let substanceIndex: Int
    /// The SMILES as submitted.
    public let smiles: String
    /// The standardized SMILES that is searched (the submitted SMILES for records stored before structures
    /// were standardized).
    public let structure: String
    /// Stored keys of `structure`, when there are any.
    public let keys: StructureKeys?

    public init(record: RecordID, sequence: Int64, substanceIndex: Int, smiles: String, structure: String, keys: StructureKeys?) {
        self.record = record
        self.sequence = sequence
        self.substanceIndex = substanceIndex
        self.smiles = smiles
        self.structure = structure
        self.keys = keys
    }

    /// The same candidate with other keys.
    public func with(keys: StructureKeys?) -> StructureCandidate {
        StructureCandidate(record: record, sequence: sequence, substanceIndex: substanceIndex, smiles: smiles, structure: structure, keys: keys)
    }
}
