/// Admiralty (NATO) grading of a report: how reliable the source is (A–F) and how credible the information
/// is (1–6), so partners can weigh what they receive.
public struct Grading: Codable, Sendable, Hashable {
    public let sourceReliability: String
    public let informationCredibility: String

    public static let reliabilities = ["A", "B", "C", "D", "E", "F"]
    public static let credibilities = ["1", "2", "3", "4", "5", "6"]

    static func read(_ reader: inout ObjectReader) throws(ExchangeError) -> Grading {
        Grading(sourceReliability: try reader.choice("source_reliability", reliabilities, required: true) ?? "F",
                informationCredibility: try reader.choice("information_credibility", credibilities, required: true) ?? "6")
    }
}
