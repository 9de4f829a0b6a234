/// The kinds of shared record.
public enum RecordKind: String, Codable, Sendable, CaseIterable, Hashable {
    case seizure
    case jointCase = "case"
    case proposal
}
