/// The answer of the access decision, with the rule that decided it and the reasoning in words, so
/// `GET /api/v1/access/explain` and every 403 say the same thing.
public struct AccessDecision: Sendable, Hashable, Codable {
    /// The rule that decided. Allowing and denying rules have distinct names.
    public enum Rule: String, Sendable, Hashable, Codable {
        case ownerAgency = "owner_agency"
        case workingGroupMember = "working_group_member"
        case partnerAgency = "partner_agency"
        case mayCreate = "may_create"
        case reviewingJurisdiction = "reviewing_jurisdiction"
        // denials
        case agencyOnly = "agency_only"
        case notInWorkingGroup = "not_in_working_group"
        case notAPartner = "not_a_partner"
        case readOnlyKey = "read_only_key"
        case roleCannotWrite = "role_cannot_write"
        case ownerOnly = "owner_only"
        case notReviewingJurisdiction = "not_reviewing_jurisdiction"
        case notApplicable = "not_applicable"
    }

    public let allowed: Bool
    public let rule: Rule
    public let explanation: String
    /// Each check made, in order, in words.
    public let steps: [String]

    public init(allowed: Bool, rule: Rule, explanation: String, steps: [String]) {
        self.allowed = allowed
        self.rule = rule
        self.explanation = explanation
        self.steps = steps
    }
}
