import Exchange
import Law
import Testing

struct WorkflowAndKeyTests {
    @Test func proposalStepsBelongToTheRightSide() {
        #expect(ProposalStatus.draft.step(to: .submitted) == .advanceAsProposer)
        #expect(ProposalStatus.submitted.step(to: .underReview) == .review)
        #expect(ProposalStatus.underReview.step(to: .accepted) == .review)
        #expect(ProposalStatus.underReview.step(to: .declined) == .review)
        #expect(ProposalStatus.underReview.step(to: .withdrawn) == .advanceAsProposer)
        #expect(ProposalStatus.draft.step(to: .accepted) == nil)
        for final in [ProposalStatus.accepted, .declined, .withdrawn] {
            #expect(final.isFinal)
            #expect(final.nextSteps.isEmpty)
        }
    }

    @Test func illegalStepIsAConflict() throws {
        var proposal = Proposal(substance: ProposedSubstance(name: "x", smiles: nil), jurisdiction: "CN", rationale: "r",
                                seizureIds: [], classification: nil, gapReport: nil, status: .draft, comments: [], history: [], decisionDate: nil)
        let caller = Caller(user: UserID(rawValue: "u"), userName: "u", agency: AgencyID(rawValue: "a"), country: "CN", role: .analyst, key: nil, readOnlyKey: false)
        let step = ProposalStepInput(to: .accepted, note: nil, decisionDate: nil)
        #expect(throws: ExchangeError.self) { try proposal.apply(step, by: caller, at: Timestamp(millisecondsSinceEpoch: 0)) }
        try proposal.apply(ProposalStepInput(to: .submitted, note: "go", decisionDate: nil), by: caller, at: Timestamp(millisecondsSinceEpoch: 0))
        #expect(proposal.status == .submitted)
        #expect(proposal.history.count == 1)
    }

    @Test func keysAreHashedAndParsed() throws {
        let now = Timestamp(millisecondsSinceEpoch: 1_000_000)
        let issued = APIKeyToken.issue(user: UserID(rawValue: "u"), label: "test", readOnly: false, now: now, expiresAt: now.adding(seconds: 60))
        #expect(!issued.key.secretHash.isEmpty)
        #expect(!issued.token.contains(issued.key.secretHash))
        let (id, secret) = try APIKeyToken.parse(issued.token)
        #expect(id == issued.key.id)
        #expect(APIKeyToken.matches(secret: secret, storedHash: issued.key.secretHash))
        #expect(!APIKeyToken.matches(secret: secret + "x", storedHash: issued.key.secretHash))
        #expect(issued.key.refusal(at: now) == nil)
        #expect(issued.key.refusal(at: now.adding(seconds: 61))?.code == "key_expired")
        #expect(throws: ExchangeError.self) { try APIKeyToken.parse("Bearer nonsense") }
        #expect(throws: ExchangeError.self) { try APIKeyToken.parse("acc_zz_") }
    }

    @Test func gapReportSplitsJurisdictions() {
        let c = Classification(outcome: .determined, asOf: CalendarDate(iso: "2025-01-01")!, engine: "test", determinations: [
            Determination(jurisdiction: "US", status: "controlled", basis: "class_rule", schedule: "I", citation: nil, explanation: ""),
            Determination(jurisdiction: "CN", status: "not_controlled", basis: "none", schedule: nil, citation: nil, explanation: ""),
            Determination(jurisdiction: "UN", status: "unknown", basis: "none", schedule: nil, citation: nil, explanation: ""),
            Determination(jurisdiction: "EU", status: "precursor", basis: "listed", schedule: nil, citation: nil, explanation: ""),
            Determination(jurisdiction: "GB", status: "scheduled", basis: "listed", schedule: "Class A", citation: nil, explanation: ""),
        ], reason: nil)
        let gap = GapReport(c)
        #expect(gap.controlledIn == ["GB", "US"])
        #expect(gap.precursorIn == ["EU"])
        #expect(gap.notControlledIn == ["CN"])
        #expect(gap.undeterminedIn == ["UN"])
        #expect(gap.hasGap)
    }
}
