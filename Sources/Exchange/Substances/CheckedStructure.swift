/// A submitted structure as the chemistry core read it, stored next to the SMILES the client sent (which is
/// kept verbatim): its canonical SMILES, the canonical SMILES of its standardized parent (largest organic
/// fragment, neutralized) and what standardization changed, so a reader sees why the two differ.
public struct CheckedStructure: Codable, Sendable, Hashable {
    /// Canonical SMILES of the whole submitted structure, salts and all.
    public let canonicalSmiles: String
    /// Canonical SMILES of the standardized parent: what structure search runs over.
    public let standardizedSmiles: String
    /// The standardization steps that changed the structure, in words (empty when it was already standard).
    public let standardization: [String]

    public init(canonicalSmiles: String, standardizedSmiles: String, standardization: [String]) {
        self.canonicalSmiles = canonicalSmiles
        self.standardizedSmiles = standardizedSmiles
        self.standardization = standardization
    }
}
