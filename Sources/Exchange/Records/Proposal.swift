/// A comment on a scheduling proposal, by any agency that can read it.
public struct ProposalComment: Codable, Sendable, Hashable {
    public let at: Timestamp
    public let agency: AgencyID
    public let user: UserID
    public let text: String
}

extension ProposalComment {
    public init(caller: Caller, at: Timestamp, text: String) {
        self.init(at: at, agency: caller.agency, user: caller.user, text: text)
    }
}

/// One workflow step taken.
public struct ProposalTransition: Codable, Sendable, Hashable {
    public let from: ProposalStatus
    public let to: ProposalStatus
    public let at: Timestamp
    public let agency: AgencyID
    public let user: UserID
    public let note: String?
}

/// The substance a proposal asks to control.
public struct ProposedSubstance: Codable, Sendable, Hashable {
    public let name: String?
    public let smiles: String?

    public init(name: String?, smiles: String?) {
        self.name = name
        self.smiles = smiles
    }
}

/// A request that a jurisdiction place a substance under control, with its evidence and decision workflow.
public struct Proposal: RecordContent {
    public static var kind: RecordKind { .proposal }

    public var substance: ProposedSubstance
    /// The jurisdiction asked to act (country code or `UN`).
    public var jurisdiction: String
    public var rationale: String
    /// Seizures offered as evidence.
    public var seizureIds: [RecordID]
    /// The law engine's answer for the structure when the proposal was written, and the gap it shows.
    public var classification: Classification?
    public var gapReport: GapReport?
    public var status: ProposalStatus
    public var comments: [ProposalComment]
    public var history: [ProposalTransition]
    /// The day the jurisdiction accepted or declined.
    public var decisionDate: CalendarDate?

    public var reviewingJurisdiction: String? { jurisdiction }

    public init(substance: ProposedSubstance, jurisdiction: String, rationale: String, seizureIds: [RecordID],
                classification: Classification?, gapReport: GapReport?, status: ProposalStatus,
                comments: [ProposalComment], history: [ProposalTransition], decisionDate: CalendarDate?) {
        self.substance = substance
        self.jurisdiction = jurisdiction
        self.rationale = rationale
        self.seizureIds = seizureIds
        self.classification = classification
        self.gapReport = gapReport
        self.status = status
        self.comments = comments
        self.history = history
        self.decisionDate = decisionDate
    }
}

/// A proposal as submitted.
public struct ProposalDraft: Sendable {
    public let sharing: SharingInput
    public let substance: SubstanceInput
    public let jurisdiction: String
    public let rationale: String
    public let seizureIds: [RecordID]
    public let version: Int?

    public static func parse(_ json: JSONValue, limits: InputLimits, forUpdate: Bool) throws(ExchangeError) -> ProposalDraft {
        var r = try ObjectReader(json, limits: limits)
        let version = forUpdate ? try r.integer("version", in: 1...Int(Int32.max), required: true) : nil
        let sharing = try SharingInput.read(&r)
        guard let substanceValue = r.value("substance") else {
            throw ExchangeError.invalid("substance", "is required", code: "missing_field")
        }
        let substance = try SubstanceInput.read(substanceValue, path: "substance", limits: limits)
        let jurisdiction = try readCountry(&r, "jurisdiction", required: true) ?? ""
        let rationale = try r.requiredString("rationale", maxLength: limits.maxLongText)
        guard !rationale.isEmpty else { throw ExchangeError.invalid("rationale", "must not be empty", code: "missing_field") }
        let seizures = try readRecordIDs(&r, "seizure_ids")
        try r.finish()
        return ProposalDraft(sharing: sharing, substance: substance, jurisdiction: jurisdiction, rationale: rationale,
                             seizureIds: unique(seizures), version: version)
    }
}

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

/// A comment as submitted.
public struct CommentInput: Sendable {
    public let text: String

    public static func parse(_ json: JSONValue, limits: InputLimits) throws(ExchangeError) -> CommentInput {
        var r = try ObjectReader(json, limits: limits)
        let text = try r.requiredString("text", maxLength: limits.maxLongText)
        guard !text.isEmpty else { throw ExchangeError.invalid("text", "must not be empty", code: "missing_field") }
        try r.finish()
        return CommentInput(text: text)
    }
}

/// A retraction as submitted: the reason is required, so partners learn why a record was withdrawn.
public struct RetractionInput: Sendable {
    public let reason: String
    public let version: Int

    public static func parse(_ json: JSONValue, limits: InputLimits) throws(ExchangeError) -> RetractionInput {
        var r = try ObjectReader(json, limits: limits)
        let version = try r.integer("version", in: 1...Int(Int32.max), required: true) ?? 0
        let reason = try r.requiredString("reason", maxLength: limits.maxLongText)
        guard !reason.isEmpty else { throw ExchangeError.invalid("reason", "must not be empty", code: "missing_field") }
        try r.finish()
        return RetractionInput(reason: reason, version: version)
    }
}
