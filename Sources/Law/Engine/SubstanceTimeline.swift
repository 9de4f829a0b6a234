/// One dated step in the history of a substance: a listing step, or a step of a class rule the substance is
/// known to meet.
public struct TimelineEvent: Sendable, Hashable {
    public let substance: String
    public let jurisdiction: JurisdictionCode
    /// The listing, when the event is a listing step.
    public let listing: Listing?
    /// The class rule, when the event is a rule step.
    public let rule: ClassRule?
    /// The criteria met, for a rule step.
    public let criteria: [RuleExample.CriterionMatch]
    public let step: ListingStep
    /// The day the event is sorted by: its effective date's first day, else its publication date, else the
    /// day it is attested in force; `nil` when undated (sorted last).
    public let sortDate: CalendarDate?
}

/// The history of a substance across jurisdictions, oldest first.
public struct SubstanceTimeline: Sendable {
    public let substance: String
    public let events: [TimelineEvent]

    public init(substance: String, knowledgeBase kb: KnowledgeBase) {
        self.substance = substance
        var events: [TimelineEvent] = []
        for listing in kb.listings(ofSubstance: substance) {
            for step in listing.steps {
                events.append(TimelineEvent(substance: substance, jurisdiction: listing.jurisdiction, listing: listing, rule: nil,
                                            criteria: [], step: step, sortDate: SubstanceTimeline.sortDate(step)))
            }
        }
        let evaluator = SubstanceStatusEvaluator(knowledgeBase: kb)
        for code in kb.jurisdictionCodes {
            for (rule, expectation) in evaluator.classEvidence(substance: substance, jurisdiction: code) where expectation.member != false {
                for step in rule.steps {
                    events.append(TimelineEvent(substance: substance, jurisdiction: code, listing: nil, rule: rule,
                                                criteria: expectation.criteria, step: step, sortDate: SubstanceTimeline.sortDate(step)))
                }
            }
        }
        // Stable sort: dated events by day, undated ones last in their recorded order.
        self.events = events.enumerated().sorted { a, b in
            switch (a.element.sortDate, b.element.sortDate) {
            case let (x?, y?): return x != y ? x < y : a.offset < b.offset
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.offset < b.offset
            }
        }.map(\.element)
    }

    static func sortDate(_ step: ListingStep) -> CalendarDate? {
        step.effective?.first ?? step.notBefore ?? step.inForce?.date
    }
}
