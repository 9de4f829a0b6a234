/// One library fingerprint that a search returned.
public struct SimilarityHit: Sendable, Hashable {
    /// The fingerprint's input index in the library (the order it was added or read).
    public var index: Int
    /// Its similarity to the query.
    public var similarity: Double

    public init(index: Int, similarity: Double) {
        self.index = index
        self.similarity = similarity
    }

    /// The order searches return hits in: decreasing similarity, then increasing index, so that equal
    /// inputs always give the same list.
    @inlinable
    public static func ranksBefore(_ x: SimilarityHit, _ y: SimilarityHit) -> Bool {
        x.similarity != y.similarity ? x.similarity > y.similarity : x.index < y.index
    }
}
