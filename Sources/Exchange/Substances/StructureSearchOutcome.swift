/// What a structure search found: the hits, and how many candidates the substructure screen let through to
/// the matcher (nil for similarity search).
public struct StructureSearchOutcome: Sendable, Hashable {
    public let hits: [StructureHit]
    public let screened: Int?

    public init(hits: [StructureHit], screened: Int?) {
        self.hits = hits
        self.screened = screened
    }
}
