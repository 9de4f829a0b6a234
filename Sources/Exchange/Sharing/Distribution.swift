/// Who may see a record, chosen by its owner agency. Changing it is an audited edit; the server never
/// narrows or widens it on its own.
public enum Distribution: Hashable, Sendable {
    /// Only the owner agency.
    case agency
    /// The member agencies of one named working group (the owner must be a member).
    case workingGroup(WorkingGroupID)
    /// The owner agency's partner agencies, as the partnership list stands when the record is read.
    case partners

    /// The level's wire name.
    public var level: String {
        switch self {
        case .agency: "agency"
        case .workingGroup: "working_group"
        case .partners: "partners"
        }
    }

    public var workingGroup: WorkingGroupID? {
        if case .workingGroup(let id) = self { return id }
        return nil
    }

    public static let levels = ["agency", "working_group", "partners"]
}

extension Distribution: Codable {
    enum CodingKeys: String, CodingKey { case level, workingGroup }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .level) {
        case "agency": self = .agency
        case "partners": self = .partners
        case "working_group": self = .workingGroup(try container.decode(WorkingGroupID.self, forKey: .workingGroup))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .level, in: container, debugDescription: "unknown distribution level \(other)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(level, forKey: .level)
        if let workingGroup { try container.encode(workingGroup, forKey: .workingGroup) }
    }
}
