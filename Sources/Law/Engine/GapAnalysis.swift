/// A substance controlled in some of the compared jurisdictions and not (or not known to be) in others.
public struct ControlGap: Sendable, Hashable {
    public let substance: String
    public let name: String
    public let date: CalendarDate
    /// The status in each compared jurisdiction, in the order asked.
    public let statuses: [JurisdictionStatus]
    /// For each jurisdiction where the substance is not controlled on `date`, the first later day a recorded
    /// listing or class rule controls it (that date closes the gap), with its citation.
    public let closings: [Closing]

    public struct Closing: Sendable, Hashable {
        public let jurisdiction: JurisdictionCode
        public let date: CalendarDate
        public let citation: Citation
        /// The listing or rule id that brings control.
        public let ref: String
    }

    /// `true` when every uncontrolled side is known not to control it (no `unknown`).
    public var isCertain: Bool { !statuses.contains { $0.status == .unknown } }
}

/// Compares jurisdictions on a day, substance by substance (by substance key, without chemistry).
public struct GapAnalysis: Sendable {
    public let knowledgeBase: KnowledgeBase

    public init(knowledgeBase: KnowledgeBase) {
        self.knowledgeBase = knowledgeBase
    }

    /// Every known substance controlled (as a drug or a precursor) in at least one of `jurisdictions` and not
    /// controlled, or of unknown status, in at least one other, sorted by substance key.
    public func gaps(on date: CalendarDate, between jurisdictions: [JurisdictionCode]) -> [ControlGap] {
        let evaluator = SubstanceStatusEvaluator(knowledgeBase: knowledgeBase)
        var out: [ControlGap] = []
        for key in knowledgeBase.substanceKeys {
            let statuses = jurisdictions.map { evaluator.status(ofSubstance: key, in: $0, on: date) }
            let controlled = statuses.filter { $0.status == .scheduled || $0.status == .precursor }
            let open = statuses.filter { $0.status == .notControlled || $0.status == .unknown }
            guard !controlled.isEmpty, !open.isEmpty else { continue }
            let closings = open.compactMap { s -> ControlGap.Closing? in
                guard let next = evaluator.nextControl(ofSubstance: key, in: s.jurisdiction, after: date) else { return nil }
                return ControlGap.Closing(jurisdiction: s.jurisdiction, date: next.date, citation: next.citation, ref: next.ref)
            }
            out.append(ControlGap(substance: key, name: knowledgeBase.displayName(ofSubstance: key), date: date,
                                  statuses: statuses, closings: closings))
        }
        return out
    }
}
