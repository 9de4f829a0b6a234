import Law

/// A workflow step as submitted: the status to move to and an optional note.
public struct ProposalStepInput: Sendable {
    public let to: ProposalStatus
    public let note: String?
    public let decisionDate: CalendarDate?

    public init(to: ProposalStatus, note: String?, decisionDate: CalendarDate?) {
        self.to = to
        self.note = note
        self.decisionDate = decisionDate
    }

    public static func parse(_ json: JSONValue, limits: InputLimits) throws(ExchangeError) -> ProposalStepInput {
        var r = try ObjectReader(json, limits: limits)
        guard let text = try r.choice("to", ProposalStatus.allCases.map(\.rawValue), required: true), let to = ProposalStatus(rawValue: text) else {
            throw ExchangeError.invalid("to", "is required", code: "missing_field")
        }
        let note = try r.string("note", maxLength: limits.maxLongText)
        var decisionDate: CalendarDate?
        if let dateText = try r.string("decision_date", maxLength: 10) {
            guard let date = CalendarDate(iso: dateText) else {
                throw ExchangeError.invalid("decision_date", "must be a date written YYYY-MM-DD", code: "invalid_value")
            }
            guard to == .accepted || to == .declined else {
                throw ExchangeError.invalid("decision_date", "only an accepted or declined step has a decision date", code: "invalid_value")
            }
            decisionDate = date
        }
        try r.finish()
        return ProposalStepInput(to: to, note: note, decisionDate: decisionDate)
    }
}
