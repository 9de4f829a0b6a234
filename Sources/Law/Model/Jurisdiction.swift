/// A legal order whose controls Accord records: a country, or the UN conventions. It owns its control lists
/// and names the class-wide rules that apply in it.
public struct Jurisdiction: Sendable, Hashable, Codable {
    public let code: JurisdictionCode
    public let name: String
    public let nameZh: String?
    /// The statutes and regulations the lists come from.
    public let authority: String
    /// Ids of the class rules (in `rules/`) of this jurisdiction.
    public let classRules: [String]
    /// Why the jurisdiction has no class rules, when it has none (the UN: substances are added one by one).
    public let noClassRulesNote: String?
    public let lists: [ControlList]
}
