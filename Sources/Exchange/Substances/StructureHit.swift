/// A stored structure that matched a search: how often the pattern occurs in it (substructure search) or how
/// similar it is (similarity search).
public struct StructureHit: Sendable, Hashable {
    public let candidate: StructureCandidate
    /// Distinct occurrences of the SMARTS pattern (unique atom sets), counted up to the searcher's cap.
    public let matchCount: Int?
    /// Tanimoto similarity to the query.
    public let similarity: Double?

    public init(candidate: StructureCandidate, matchCount: Int?, similarity: Double?) {
        self.candidate = candidate
        self.matchCount = matchCount
        self.similarity = similarity
    }

    /// The order hits are listed and paged in: most similar first, then newest record first, then substance
    /// position.
    public static func ranksBefore(_ a: StructureHit, _ b: StructureHit) -> Bool {
        let sa = a.similarity ?? 0, sb = b.similarity ?? 0
        if sa != sb { return sa > sb }
        if a.candidate.sequence != b.candidate.sequence { return a.candidate.sequence > b.candidate.sequence }
        return a.candidate.substanceIndex < b.candidate.substanceIndex
    }
}
