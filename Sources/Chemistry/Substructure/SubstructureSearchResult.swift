/// The answer of a screened substructure search.
public struct SubstructureSearchResult: Sendable, Hashable {
    /// Indices of the molecules the query matches, increasing.
    public let matches: [Int]
    /// How many molecules the screen ruled out without running the matcher.
    public let rejectedByScreen: Int

    public init(matches: [Int], rejectedByScreen: Int) {
        self.matches = matches
        self.rejectedByScreen = rejectedByScreen
    }
}
