/// The search keys of one stored structure (screen and similarity fingerprints, encoded as text by the
/// searcher), kept in the database so that a search does not re-read every structure.
///
/// Keys are derived data: `scheme` names how they were made, and keys of another scheme are recomputed.
public struct StructureKeys: Sendable, Hashable {
    /// The standardized SMILES the keys belong to.
    public let structure: String
    /// The searcher's key scheme, e.g. `screen-1;morgan-r2-2048`.
    public let scheme: String
    /// Substructure screen, as the searcher encodes it.
    public let screen: String
    /// Similarity fingerprint, as the searcher encodes it.
    public let similarity: String

    public init(structure: String, scheme: String, screen: String, similarity: String) {
        self.structure = structure
        self.scheme = scheme
        self.screen = screen
        self.similarity = similarity
    }
}
