/// The on-disk shape of the knowledge base files (a version number around the model values).
struct JurisdictionsFile: Decodable {
    let formatVersion: Int
    let jurisdictions: [Jurisdiction]
}

struct ListFile: Decodable {
    let formatVersion: Int
    let list: String
    let entries: [Listing]
}

struct RuleFile: Decodable {
    let formatVersion: Int
    let rule: ClassRule

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        formatVersion = try container.decode(Int.self, forKey: .formatVersion)
        rule = try ClassRule(from: decoder)
    }

    enum Keys: String, CodingKey { case formatVersion }
}

struct ExamplesFile: Decodable {
    let formatVersion: Int
    let examples: [RuleExample]
}

/// The file layout: where each kind of file lives under the resources directory.
enum KnowledgeBaseLayout {
    static let jurisdictions = "jurisdictions.json"
    static let examples = "rules/examples.json"
    static let opsinReport = "checks/opsin-report.json"
    static func rule(_ id: String) -> String { "rules/\(id).json" }
    /// The only format version this code reads.
    static let formatVersion = 1
}
