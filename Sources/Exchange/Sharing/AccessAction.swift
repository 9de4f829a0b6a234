/// What a caller wants to do with a record; the access decision is asked about exactly one action.
public enum AccessAction: String, Codable, Sendable, CaseIterable, Hashable {
    case read
    case create
    case update
    case retract
    /// Add a comment to a scheduling proposal.
    case comment
    /// Move a proposal through the proposer's steps (submit, withdraw).
    case advanceAsProposer = "advance_as_proposer"
    /// Move a proposal through the reviewer's steps (start review, accept, decline).
    case review
}
