/// One criterion of a class definition: its id as the law numbers it ("A", "1"), the legal words, a summary,
/// and Accord's reading of it (what counts and what does not), which the worked examples exercise.
public struct RuleCriterion: Sendable, Hashable, Codable, Identifiable {
    public let id: String
    public let quote: String?
    public let summary: String
    public let reading: [String]
}
