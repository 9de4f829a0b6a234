extension Proposal {
    /// Applies a workflow step already allowed by the access decision. Throws `invalid_transition` for a
    /// step the workflow does not have.
    public mutating func apply(_ step: ProposalStepInput, by caller: Caller, at now: Timestamp) throws(ExchangeError) {
        guard status.step(to: step.to) != nil else {
            let options = status.nextSteps.map(\.rawValue)
            throw ExchangeError.conflict(code: "invalid_transition",
                                         "a proposal that is \(status.rawValue) cannot become \(step.to.rawValue)" + (options.isEmpty ? "; it is final" : "; possible: \(options.joined(separator: ", "))"),
                                         field: "to")
        }
        history.append(ProposalTransition(from: status, to: step.to, at: now, agency: caller.agency, user: caller.user, note: step.note))
        status = step.to
        if step.to == .accepted || step.to == .declined {
            decisionDate = step.decisionDate ?? now.calendarDate
        }
    }
}
