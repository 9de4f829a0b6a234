/// A participating organisation (a drug-enforcement or public-health agency) with its country.
public struct Agency: Codable, Sendable, Hashable {
    public let id: AgencyID
    public let name: String
    /// ISO 3166-1 alpha-2 code, or `UN` for a United Nations body; the jurisdiction it acts for.
    public let country: String
    public let createdAt: Timestamp

    public init(id: AgencyID, name: String, country: String, createdAt: Timestamp) {
        self.id = id
        self.name = name
        self.country = country
        self.createdAt = createdAt
    }
}

/// Codes accepted as a jurisdiction or an agency's country: two upper-case letters (ISO 3166-1 alpha-2
/// shape) or `UN`. The list of assigned ISO codes changes over time, so only the shape is checked.
public enum CountryCode {
    public static func isValid(_ code: String) -> Bool {
        let bytes = Array(code.utf8)
        return bytes.count == 2 && bytes.allSatisfy { $0 >= 65 && $0 <= 90 }
    }
}
