/// Determines a known substance's status in a jurisdiction on a day from the knowledge base alone, without
/// chemistry: its listings (by substance key), the class rules it is known to meet (a worked example with its
/// structure), and how complete the jurisdiction's recorded lists are. A structure from outside the
/// knowledge base needs the structural engine.
public struct SubstanceStatusEvaluator: Sendable {
    public let knowledgeBase: KnowledgeBase

    public init(knowledgeBase: KnowledgeBase) {
        self.knowledgeBase = knowledgeBase
    }

    /// The status of `substance` (a substance key) in `jurisdiction` on `date`.
    public func status(ofSubstance substance: String, in jurisdiction: JurisdictionCode, on date: CalendarDate) -> JurisdictionStatus {
        status(name: knowledgeBase.displayName(ofSubstance: substance), listings: knowledgeBase.listings(ofSubstance: substance),
               evidence: classEvidence(substance: substance, jurisdiction: jurisdiction), in: jurisdiction, on: date)
    }

    /// The status of a substance known by its listings (any jurisdiction; those of `jurisdiction` count) and
    /// the class rules' conclusions for its structure (`evidence`: worked examples, or the structural engine's
    /// evaluations). `name` is how the explanation names it.
    public func status(name: String, listings: [Listing], evidence allEvidence: [(rule: ClassRule, expectation: RuleExample.Expectation)],
                       in jurisdiction: JurisdictionCode, on date: CalendarDate) -> JurisdictionStatus {
        let kb = knowledgeBase
        let jurisdictionName = SubstanceStatusEvaluator.inSentence(kb.jurisdiction(code: jurisdiction)?.name ?? jurisdiction.rawValue)
        let entries = listings.filter { $0.jurisdiction == jurisdiction }
        let evidence = allEvidence.filter { $0.rule.jurisdiction == jurisdiction }
        let main = entries.filter { $0.form != .preparation }
        let evaluated = main.map { (listing: $0, state: StepCoverage(steps: $0.steps).state(on: date)) }
        let inForce = evaluated.filter { $0.state.isInForce }
        let preparationsInForce = entries.filter { $0.form == .preparation && StepCoverage(steps: $0.steps).state(on: date).isInForce }

        // 1. A listing in force.
        if let primary = inForce.min(by: { rank($0.listing) < rank($1.listing) }),
           case .inForce(let since, let lowerBound, let step) = primary.state {
            let listing = primary.listing
            let status = controlStatus(of: listing)
            let others = inForce.map(\.listing).filter { $0.id != listing.id } + preparationsInForce
            let sinceText = lowerBound ? "since at least \(since)" : "since \(since)"
            let form = listing.formNote.map { " (\($0))" } ?? ""
            return JurisdictionStatus(
                jurisdiction: jurisdiction, date: date, status: status, basis: .listing, listing: listing, rule: nil,
                criteria: [], since: since, sinceIsLowerBound: lowerBound, citation: listing.steps[step].citation,
                explanation: "\(name) is \(status == .precursor ? "a regulated precursor" : "controlled") in \(jurisdictionName) on \(date): listed in \(listName(listing))\(form), \(listing.paragraph), \(sinceText) (\(listing.steps[step].citation.text)).",
                alsoListed: others)
        }
        // 2. A class rule in force that the substance is known to meet.
        for (rule, expectation) in evidence where expectation.member == true {
            let ruleState = StepCoverage(steps: rule.steps).state(on: date)
            guard case .inForce(let since, let lowerBound, let step) = ruleState else { continue }
            let criteria = expectation.criteria.map { "\($0.id): \($0.explanation)" }.joined(separator: "; ")
            var also = ""
            if let ex = expectation.excludedBy, let listing = kb.listing(id: ex) {
                also = " It is also named in \(listName(listing)) (\(listing.paragraph)), which keeps it under that listing where the listing is in force."
            }
            return JurisdictionStatus(
                jurisdiction: jurisdiction, date: date, status: .scheduled, basis: .class, listing: nil, rule: rule,
                criteria: expectation.criteria, since: since, sinceIsLowerBound: lowerBound, citation: rule.steps[step].citation,
                explanation: "\(name) is controlled in \(jurisdictionName) on \(date) as one of the \(rule.name) (\(rule.id)), criteria \(criteria), in force \(lowerBound ? "since at least" : "since") \(since).\(also)",
                alsoListed: preparationsInForce)
        }
        // 3. A listing or rule whose dates or criteria leave the day open.
        if let open = evaluated.first(where: { if case .unknown = $0.state { return true } else { return false } }),
           case .unknown(let step, let reason) = open.state {
            return JurisdictionStatus(
                jurisdiction: jurisdiction, date: date, status: .unknown, basis: .listing, listing: open.listing, rule: nil,
                criteria: [], since: nil, sinceIsLowerBound: false, citation: step.map { open.listing.steps[$0].citation },
                explanation: "Whether \(name) is controlled in \(jurisdictionName) on \(date) is unknown: it is listed in \(listName(open.listing)) (\(open.listing.paragraph)), but \(reason).",
                alsoListed: preparationsInForce)
        }
        for (rule, expectation) in evidence {
            let ruleState = StepCoverage(steps: rule.steps).state(on: date)
            let unsettled = expectation.member == nil && ruleState.isInForce
            let ruleOpen: Bool = { if case .unknown = ruleState, expectation.member != false { return true } else { return false } }()
            guard unsettled || ruleOpen else { continue }
            let why = unsettled ? (expectation.note ?? "the rule's text does not settle it") : "the rule's own dates leave the day open"
            return JurisdictionStatus(
                jurisdiction: jurisdiction, date: date, status: .unknown, basis: .class, listing: nil, rule: rule,
                criteria: expectation.criteria, since: nil, sinceIsLowerBound: false, citation: rule.steps.first?.citation,
                explanation: "Whether \(name) is controlled in \(jurisdictionName) on \(date) as one of the \(rule.name) (\(rule.id)) is unknown: \(why).",
                alsoListed: preparationsInForce)
        }
        // Class rules in force that were evaluated and do not cover it: say why, so the reader sees the rule was
        // considered.
        let rejected = evidence.filter { $0.expectation.member == false && StepCoverage(steps: $0.rule.steps).state(on: date).isInForce }
            .map { " \($0.rule.name) (\($0.rule.id)) do not include it: \($0.expectation.note ?? "it does not meet the definition")." }
            .joined()
        // 4. Listed, but not on that day.
        if let listed = evaluated.first {
            let when: String
            switch listed.state {
            case .notYet(let from): when = "its listing takes effect no earlier than \(from)"
            case .ended(let on, _): when = "its listing ended on \(on)"
            default: when = "its listing is not in force"
            }
            return notControlled(substance: name, jurisdiction: jurisdiction, jurisdictionName: jurisdictionName, date: date,
                                 why: "\(when) (\(listName(listed.listing)), \(listed.listing.paragraph))", listing: listed.listing,
                                 also: preparationsInForce, rejected: rejected)
        }
        // 5. Not listed at all: "not controlled" only where every recorded list is complete on that day.
        let lists = kb.jurisdiction(code: jurisdiction)?.lists ?? []
        let incomplete = lists.filter { ($0.completeThrough ?? .earliest) < date }
        if !incomplete.isEmpty {
            // The lists by name; what each one lacks is in `accord law list` and docs/LAW.md.
            let which = incomplete.map(\.name).joined(separator: "; ")
            return JurisdictionStatus(
                jurisdiction: jurisdiction, date: date, status: .unknown, basis: nil, listing: nil, rule: nil, criteria: [],
                since: nil, sinceIsLowerBound: false, citation: nil,
                explanation: "Whether \(name) is controlled in \(jurisdictionName) on \(date) is unknown: no recorded listing or class rule covers it, but the recorded lists are not complete for that day (\(which)).\(rejected)",
                alsoListed: preparationsInForce)
        }
        return notControlled(substance: name, jurisdiction: jurisdiction, jurisdictionName: jurisdictionName, date: date,
                             why: "no listing or class rule covers it, and every recorded list of \(jurisdictionName) is complete for that day",
                             listing: nil, also: preparationsInForce, rejected: rejected)
    }

    /// The class rules of `jurisdiction` with what their worked examples conclude for the substance's structure.
    public func classEvidence(substance: String, jurisdiction: JurisdictionCode) -> [(rule: ClassRule, expectation: RuleExample.Expectation)] {
        guard let structure = knowledgeBase.structure(ofSubstance: substance) else { return [] }
        var out: [(ClassRule, RuleExample.Expectation)] = []
        for rule in knowledgeBase.rules where rule.jurisdiction == jurisdiction && rule.kind != .analogueProvision {
            for example in rule.examples where example.skeletonKey == structure.skeletonKey {
                if let e = example.expectations.first(where: { $0.rule == rule.id }) {
                    out.append((rule, e))
                }
            }
        }
        return out
    }

    /// The first day after `date` on which the substance is certainly controlled in `jurisdiction` by a
    /// recorded listing or class rule, with the citation that brings it about.
    public func nextControl(ofSubstance substance: String, in jurisdiction: JurisdictionCode, after date: CalendarDate) -> (date: CalendarDate, citation: Citation, ref: String)? {
        nextControl(listings: knowledgeBase.listings(ofSubstance: substance), evidence: classEvidence(substance: substance, jurisdiction: jurisdiction),
                    in: jurisdiction, after: date)
    }

    /// `nextControl(ofSubstance:in:after:)` for a substance given by its listings and class evidence.
    public func nextControl(listings: [Listing], evidence: [(rule: ClassRule, expectation: RuleExample.Expectation)],
                            in jurisdiction: JurisdictionCode, after date: CalendarDate) -> (date: CalendarDate, citation: Citation, ref: String)? {
        var best: (date: CalendarDate, citation: Citation, ref: String)?
        func consider(_ day: CalendarDate?, _ steps: [ListingStep], _ ref: String) {
            guard let day else { return }
            let coverage = StepCoverage(steps: steps)
            guard case .inForce(_, _, let step) = coverage.state(on: day) else { return }
            if let current = best, current.date <= day { return }
            best = (day, steps[step].citation, ref)
        }
        for listing in listings where listing.jurisdiction == jurisdiction && listing.form != .preparation {
            consider(StepCoverage(steps: listing.steps).nextCertainStart(after: date), listing.steps, listing.id)
        }
        for (rule, expectation) in evidence where rule.jurisdiction == jurisdiction && expectation.member == true {
            consider(StepCoverage(steps: rule.steps).nextCertainStart(after: date), rule.steps, rule.id)
        }
        return best
    }

    /// A jurisdiction's name as it reads inside a sentence ("the United States", "China").
    static func inSentence(_ name: String) -> String {
        name.hasPrefix("United") ? "the " + name : name
    }

    private func controlStatus(of listing: Listing) -> ControlStatus {
        knowledgeBase.list(code: listing.list)?.control == .precursor ? .precursor : .scheduled
    }

    private func listName(_ listing: Listing) -> String {
        knowledgeBase.list(code: listing.list)?.name ?? listing.list
    }

    /// Drugs before precursors, the compound before a salt-only or bulk listing.
    private func rank(_ listing: Listing) -> Int {
        (controlStatus(of: listing) == .scheduled ? 0 : 10) + (listing.form == .substance ? 0 : 1)
    }

    private func notControlled(substance: String, jurisdiction: JurisdictionCode, jurisdictionName: String, date: CalendarDate,
                               why: String, listing: Listing?, also: [Listing], rejected: String = "") -> JurisdictionStatus {
        JurisdictionStatus(jurisdiction: jurisdiction, date: date, status: .notControlled, basis: nil, listing: listing, rule: nil,
                           criteria: [], since: nil, sinceIsLowerBound: false, citation: nil,
                           explanation: "\(substance) is not controlled in \(jurisdictionName) on \(date): \(why).\(rejected)", alsoListed: also)
    }
}
