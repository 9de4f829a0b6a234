import Law

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
    /// The SMILES as the client sent it, never rewritten.
    public let smiles: String?
    /// What the chemistry core read from `smiles`.
    public let structure: CheckedStructure?

    public init(name: String?, smiles: String?, structure: CheckedStructure? = nil) {
        self.name = name
        self.smiles = smiles
        self.structure = structure
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
