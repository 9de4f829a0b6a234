/// One result of `accord law check`: an error (the data are wrong), a disagreement between the recorded data
/// and an outside reference (listed, never hidden), or a note (an open question the data record).
public struct LawCheckFinding: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable, Codable {
        case error
        case disagreement
        case note
    }

    /// Which check produced it ("load", "collision", "examples", "opsin", "structure", "formula").
    public let check: String
    public let severity: Severity
    public let file: String?
    public let id: String?
    public let field: String?
    public let message: String
}

/// Everything `law check` found, with how many items each check examined.
public struct LawCheckReport: Sendable {
    public let findings: [LawCheckFinding]
    /// Check name -> number of items it examined.
    public let examined: [String: Int]

    public var errors: [LawCheckFinding] { findings.filter { $0.severity == .error } }
    public var disagreements: [LawCheckFinding] { findings.filter { $0.severity == .disagreement } }
    public var passed: Bool { errors.isEmpty }
}
