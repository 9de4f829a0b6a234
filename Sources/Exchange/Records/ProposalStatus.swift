/// The steps of a scheduling proposal.
///
/// ```
/// draft ──submit──▶ submitted ──start review──▶ under_review ──▶ accepted | declined
///   └───────────────────┴──────────withdraw───────────┘──▶ withdrawn
/// ```
/// The proposing agency submits and withdraws; agencies acting for the jurisdiction asked to act start the
/// review and decide. Accepted, declined and withdrawn are final.
public enum ProposalStatus: String, Codable, Sendable, CaseIterable, Hashable {
    case draft, submitted
    case underReview = "under_review"
    case accepted, declined, withdrawn

    /// Who may make the step from this status to `next`, or nil if the step does not exist.
    public func step(to next: ProposalStatus) -> AccessAction? {
        switch (self, next) {
        case (.draft, .submitted), (.draft, .withdrawn), (.submitted, .withdrawn), (.underReview, .withdrawn):
            return .advanceAsProposer
        case (.submitted, .underReview), (.underReview, .accepted), (.underReview, .declined):
            return .review
        default:
            return nil
        }
    }

    public var isFinal: Bool { self == .accepted || self == .declined || self == .withdrawn }

    /// Statuses reachable in one step, for error messages.
    public var nextSteps: [ProposalStatus] { ProposalStatus.allCases.filter { step(to: $0) != nil } }
}
