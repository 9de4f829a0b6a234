/// The one function that decides every read and write of a shared record.
///
/// Writes need a writing role and a key that is not read-only; reads and writes then need the record to be
/// visible to the caller's agency through its distribution; editing and retracting need the caller's agency to
/// own the record; reviewing a proposal needs the caller's agency to act for the jurisdiction asked to act.
public enum AccessPolicy {
    public static func decide(_ caller: Caller, _ action: AccessAction, record: SharedRecordFacts?, facts: SharingFacts) -> AccessDecision {
        var steps: [String] = []
        if action != .read {
            if caller.readOnlyKey {
                return deny(.readOnlyKey, "the API key \(caller.key?.rawValue ?? "") is read-only; \(action.rawValue) changes data", steps)
            }
            steps.append("key allows writing")
            guard caller.role.canWrite else {
                return deny(.roleCannotWrite, "role \(caller.role.rawValue) may only read; \(action.rawValue) needs analyst or administrator", steps)
            }
            steps.append("role \(caller.role.rawValue) may write")
        }
        guard let record else {
            if action == .create { return allow(.mayCreate, "role \(caller.role.rawValue) may create records for agency \(caller.agency)", steps) }
            return deny(.notApplicable, "\(action.rawValue) needs an existing record", steps)
        }
        if action == .create {
            return deny(.notApplicable, "create does not apply to an existing record", steps)
        }

        let visibility = visible(caller, record, facts)
        steps.append(visibility.explanation)
        guard visibility.allowed else { return deny(visibility.rule, visibility.explanation, steps) }

        switch action {
        case .read, .comment:
            return allow(visibility.rule, visibility.explanation, steps)
        case .update, .retract, .advanceAsProposer:
            guard caller.agency == record.owner else {
                return deny(.ownerOnly, "only the owner agency \(record.owner) may \(action.rawValue) this \(record.kind.rawValue); your agency \(caller.agency) can see it but not change it", steps)
            }
            return allow(.ownerAgency, "your agency \(caller.agency) owns this \(record.kind.rawValue)", steps)
        case .review:
            guard let jurisdiction = record.reviewingJurisdiction, jurisdiction == caller.country else {
                let asked = record.reviewingJurisdiction ?? "no jurisdiction"
                return deny(.notReviewingJurisdiction, "the proposal asks \(asked) to act; your agency acts for \(caller.country)", steps)
            }
            return allow(.reviewingJurisdiction, "your agency acts for \(jurisdiction), the jurisdiction asked to act", steps)
        case .create:
            return deny(.notApplicable, "create does not apply to an existing record", steps)
        }
    }

    static func visible(_ caller: Caller, _ record: SharedRecordFacts, _ facts: SharingFacts) -> AccessDecision {
        if caller.agency == record.owner {
            return allow(.ownerAgency, "your agency \(caller.agency) owns the record", [])
        }
        switch record.distribution {
        case .agency:
            return deny(.agencyOnly, "the record is distributed to its owner agency \(record.owner) only", [])
        case .workingGroup(let id):
            guard let group = facts.workingGroup, group.id == id else {
                return deny(.notInWorkingGroup, "the record is distributed to working group \(id), which no longer exists", [])
            }
            if group.members.contains(caller.agency) {
                return allow(.workingGroupMember, "the record is distributed to working group '\(group.name)' (\(id)), of which your agency is a member", [])
            }
            return deny(.notInWorkingGroup, "the record is distributed to working group '\(group.name)' (\(id)), of which your agency \(caller.agency) is not a member", [])
        case .partners:
            if facts.ownerPartners.contains(caller.agency) {
                return allow(.partnerAgency, "the record is distributed to the partners of \(record.owner), and your agency is one", [])
            }
            return deny(.notAPartner, "the record is distributed to the partners of \(record.owner), and your agency \(caller.agency) is not one", [])
        }
    }

    static func allow(_ rule: AccessDecision.Rule, _ explanation: String, _ steps: [String]) -> AccessDecision {
        AccessDecision(allowed: true, rule: rule, explanation: explanation, steps: steps)
    }

    static func deny(_ rule: AccessDecision.Rule, _ explanation: String, _ steps: [String]) -> AccessDecision {
        AccessDecision(allowed: false, rule: rule, explanation: explanation, steps: steps)
    }
}
