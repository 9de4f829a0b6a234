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
        let evaluator = SubstanceStatusEvaluator(knowledgeBase: kb)
        self.init(substance: substance, listings: kb.listings(ofSubstance: substance),
                  evidence: kb.jurisdictionCodes.flatMap { evaluator.classEvidence(substance: substance, jurisdiction: $0) }, knowledgeBase: kb)
    }

    /// The history of a substance given by its listings and the class rules' conclusions for its structure
    /// (worked examples, or the structural engine's evaluations).
    public init(substance: String, listings: [Listing], evidence: [(rule: ClassRule, expectation: RuleExample.Expectation)], knowledgeBase kb: KnowledgeBase) {
        self.substance = substance
        var events: [TimelineEvent] = []
        for listing in listings {
            for (step, date) in zip(listing.steps, SubstanceTimeline.sortDates(listing.steps)) {
                events.append(TimelineEvent(substance: substance, jurisdiction: listing.jurisdiction, listing: listing, rule: nil,
                                            criteria: [], step: step, sortDate: date))
            }
        }
        for code in kb.jurisdictionCodes {
            for (rule, expectation) in evidence where rule.jurisdiction == code && expectation.member != false {
                // A class whose exclusion (a listing in force when the class began) kept the substance out
                // throughout is not part of its history.
                if let ex = expectation.excludedBy, let listing = kb.listing(id: ex),
                   let start = rule.steps.first?.effective?.first,
                   StepCoverage(steps: listing.steps).state(on: start).isInForce {
                    continue
                }
                for (step, date) in zip(rule.steps, SubstanceTimeline.sortDates(rule.steps)) {
                    events.append(TimelineEvent(substance: substance, jurisdiction: code, listing: nil, rule: rule,
                                                criteria: expectation.criteria, step: step, sortDate: date))
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

    /// The day each step is sorted by; a continuation without its own date follows the end of the step it
    /// continues.
    static func sortDates(_ steps: [ListingStep]) -> [CalendarDate?] {
        var out: [CalendarDate?] = []
        var previousUntil: CalendarDate?
        for step in steps {
            let continued = step.continues ? previousUntil?.adding(days: 1) : nil
            out.append(step.effective?.first ?? step.notBefore ?? continued ?? step.inForce?.date)
            previousUntil = step.until ?? (step.continues ? previousUntil : nil)
        }
        return out
    }
}
