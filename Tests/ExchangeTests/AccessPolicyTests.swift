import Exchange
import Testing

/// The domain-level access table: for each distribution and each relation of the caller's agency to the
/// owner, which actions are allowed. Written out by hand from the sharing rules in docs/API.md.
struct AccessPolicyTests {
    static let owner = AgencyID(rawValue: "owner")
    static let partner = AgencyID(rawValue: "partner")
    static let member = AgencyID(rawValue: "member")
    static let stranger = AgencyID(rawValue: "stranger")
    static let group = WorkingGroup(id: WorkingGroupID(rawValue: "wg"), name: "Fentanyl precursors",
                                    members: [owner, member], createdAt: Timestamp(millisecondsSinceEpoch: 0))
    static let facts = SharingFacts(ownerPartners: [partner], workingGroup: group)

    static func caller(_ agency: AgencyID, _ role: Role = .analyst, readOnly: Bool = false, country: String = "US") -> Caller {
        Caller(user: UserID(rawValue: "u-\(agency)"), userName: "u", agency: agency, country: country, role: role,
               key: APIKeyID(rawValue: "k"), readOnlyKey: readOnly)
    }

    static func record(_ distribution: Distribution, kind: RecordKind = .seizure, jurisdiction: String? = nil) -> SharedRecordFacts {
        SharedRecordFacts(id: RecordID(rawValue: "r"), kind: kind, owner: owner, distribution: distribution, reviewingJurisdiction: jurisdiction)
    }

    /// (distribution, caller agency, can read, rule)
    static let readTable: [(Distribution, AgencyID, Bool, AccessDecision.Rule)] = [
        (.agency, owner, true, .ownerAgency),
        (.agency, partner, false, .agencyOnly),
        (.agency, member, false, .agencyOnly),
        (.agency, stranger, false, .agencyOnly),
        (.partners, owner, true, .ownerAgency),
        (.partners, partner, true, .partnerAgency),
        (.partners, member, false, .notAPartner),
        (.partners, stranger, false, .notAPartner),
        (.workingGroup(group.id), owner, true, .ownerAgency),
        (.workingGroup(group.id), partner, false, .notInWorkingGroup),
        (.workingGroup(group.id), member, true, .workingGroupMember),
        (.workingGroup(group.id), stranger, false, .notInWorkingGroup),
    ]

    @Test("reads follow the distribution", arguments: 0..<readTable.count)
    func reads(row: Int) {
        let (distribution, agency, allowed, rule) = Self.readTable[row]
        for role in Role.allCases {
            let decision = AccessPolicy.decide(Self.caller(agency, role), .read, record: Self.record(distribution), facts: Self.facts)
            #expect(decision.allowed == allowed, "\(distribution) \(agency) \(role)")
            #expect(decision.rule == rule)
        }
    }

    @Test("only the owner agency edits and retracts, whatever the distribution")
    func ownerOnlyEdits() {
        for distribution in [Distribution.agency, .partners, .workingGroup(Self.group.id)] {
            for action in [AccessAction.update, .retract, .advanceAsProposer] {
                #expect(AccessPolicy.decide(Self.caller(Self.owner), action, record: Self.record(distribution), facts: Self.facts).allowed)
                for other in [Self.partner, Self.member, Self.stranger] {
                    let decision = AccessPolicy.decide(Self.caller(other), action, record: Self.record(distribution), facts: Self.facts)
                    #expect(!decision.allowed)
                }
            }
        }
        let seen = AccessPolicy.decide(Self.caller(Self.partner), .update, record: Self.record(.partners), facts: Self.facts)
        #expect(seen.rule == .ownerOnly)
    }

    @Test("viewers and read-only keys never write")
    func writeNeedsRoleAndKey() {
        let record = Self.record(.agency)
        #expect(AccessPolicy.decide(Self.caller(Self.owner, .viewer), .update, record: record, facts: Self.facts).rule == .roleCannotWrite)
        #expect(AccessPolicy.decide(Self.caller(Self.owner, .administrator, readOnly: true), .update, record: record, facts: Self.facts).rule == .readOnlyKey)
        #expect(AccessPolicy.decide(Self.caller(Self.owner, .viewer), .create, record: nil, facts: Self.facts).rule == .roleCannotWrite)
        #expect(AccessPolicy.decide(Self.caller(Self.owner, .analyst), .create, record: nil, facts: Self.facts).allowed)
        #expect(AccessPolicy.decide(Self.caller(Self.owner, .viewer, readOnly: true), .read, record: record, facts: Self.facts).allowed)
    }

    @Test("reviewing needs visibility and the jurisdiction asked to act")
    func review() {
        let record = Self.record(.partners, kind: .proposal, jurisdiction: "CN")
        #expect(AccessPolicy.decide(Self.caller(Self.partner, country: "CN"), .review, record: record, facts: Self.facts).allowed)
        #expect(AccessPolicy.decide(Self.caller(Self.partner, country: "US"), .review, record: record, facts: Self.facts).rule == .notReviewingJurisdiction)
        #expect(AccessPolicy.decide(Self.caller(Self.stranger, country: "CN"), .review, record: record, facts: Self.facts).rule == .notAPartner)
    }

    @Test("a working group that no longer exists grants nothing")
    func missingGroup() {
        let facts = SharingFacts(ownerPartners: [], workingGroup: nil)
        let decision = AccessPolicy.decide(Self.caller(Self.member), .read, record: Self.record(.workingGroup(Self.group.id)), facts: facts)
        #expect(!decision.allowed)
        #expect(decision.rule == .notInWorkingGroup)
    }

    @Test("partnership changes take effect on the next decision")
    func partnershipReevaluated() {
        let record = Self.record(.partners)
        let before = SharingFacts(ownerPartners: [], workingGroup: nil)
        let after = SharingFacts(ownerPartners: [Self.stranger], workingGroup: nil)
        #expect(!AccessPolicy.decide(Self.caller(Self.stranger), .read, record: record, facts: before).allowed)
        #expect(AccessPolicy.decide(Self.caller(Self.stranger), .read, record: record, facts: after).allowed)
    }
}
