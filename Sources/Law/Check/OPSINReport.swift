import Foundation

/// The committed result of `scripts/reference/check_opsin.py`: OPSIN's reading of every systematic name the
/// law gives, compared with the recorded structure by InChIKey.
public struct OPSINReport: Sendable, Hashable, Codable {
    public let formatVersion: Int
    public let tools: [String: String]
    public let comparison: String
    public let summary: [String: Int]
    public let results: [Result]

    public struct Result: Sendable, Hashable, Codable {
        public let entry: String
        public let name: String
        public let status: Status
        public let opsinSmiles: String?
        public let opsinInchikey: String?
        public let recordedSmiles: String?
        public let recordedInchikey: String?
    }

    public enum Status: String, Sendable, Hashable, Codable {
        case agrees
        case agreesConstitution = "agrees-constitution"
        case disagrees
        case unparsed
        case noRecordedStructure = "no-recorded-structure"
    }

    /// Reads the report from a resources directory; a missing or malformed report is a problem, not a trap.
    public static func load(resources: URL) throws(KnowledgeBaseError) -> OPSINReport {
        var reader = FileReader(directory: resources)
        guard let report: OPSINReport = reader.decode(KnowledgeBaseLayout.opsinReport) else {
            throw KnowledgeBaseError(problems: reader.problems)
        }
        return report
    }
}
