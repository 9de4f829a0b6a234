import Foundation
import Law

/// Control statuses from the law engine (`SubstanceStatusEvaluator`) for every jurisdiction of the knowledge
/// base: scheduled, precursor, not controlled or unknown, with the listing or class rule and its citation.
///
/// It never invents a status: a name that denotes one of several substances gets the status they share, or
/// `unknown` naming each; an unidentified class member, or a name the knowledge base does not know, is
/// `unknown` with the reason (its structure would be needed).
public struct LawStatusProvider: ControlStatusProvider {
    public let knowledgeBase: KnowledgeBase
    public let jurisdictions: [JurisdictionCode]
    private let evaluator: SubstanceStatusEvaluator
    private let cache = StatusCache()

    public init(knowledgeBase: KnowledgeBase, jurisdictions: [JurisdictionCode]? = nil) {
        self.knowledgeBase = knowledgeBase
        self.jurisdictions = jurisdictions ?? knowledgeBase.jurisdictionCodes
        evaluator = SubstanceStatusEvaluator(knowledgeBase: knowledgeBase)
    }

    public func statuses(of substance: SubstanceMatch?, sourceName: String, on date: CalendarDate) -> [SubstanceStatus] {
        guard let substance else {
            return jurisdictions.map {
                SubstanceStatus(jurisdiction: $0.rawValue, status: .unknown,
                                explanation: "'\(sourceName)' does not name a substance of the knowledge base, so its status in \($0) on \(date) cannot be determined from the name; its structure would let the law engine decide.")
            }
        }
        let key = StatusCache.Key(id: substance.id, date: date)
        if let cached = cache.value(for: key) { return cached }
        let computed = jurisdictions.map { status(of: substance, in: $0, on: date) }
        cache.store(computed, for: key)
        return computed
    }

    func status(of match: SubstanceMatch, in jurisdiction: JurisdictionCode, on date: CalendarDate) -> SubstanceStatus {
        switch match.kind {
        case .substance:
            guard let key = match.candidates.first else { return classMember(match, in: jurisdiction, on: date) }
            return Self.summary(evaluator.status(ofSubstance: key, in: jurisdiction, on: date))
        case .oneOf:
            let each = match.candidates.map { evaluator.status(ofSubstance: $0, in: jurisdiction, on: date) }
            let described = zip(match.candidates, each).map { "\($0.0): \($0.1.status.rawValue)" }.joined(separator: "; ")
            if let first = each.first, each.allSatisfy({ $0.status == first.status }) {
                return SubstanceStatus(jurisdiction: jurisdiction.rawValue, status: first.status,
                                       schedule: Set(each.map(\.schedule)).count == 1 ? first.schedule : nil,
                                       explanation: "The source could not tell \(match.name) apart; each is \(first.status.rawValue) in \(jurisdiction) on \(date) (\(described)).")
            }
            return SubstanceStatus(jurisdiction: jurisdiction.rawValue, status: .unknown,
                                   explanation: "The source could not tell \(match.name) apart, and their statuses in \(jurisdiction) on \(date) differ (\(described)).")
        case .classMember:
            return classMember(match, in: jurisdiction, on: date)
        case .structure, .classCandidate:
            let each = match.candidates.map { (name: $0, status: Self.summary(evaluator.status(ofSubstance: $0, in: jurisdiction, on: date))) }
                + match.unlisted.map { (name: $0.label, status: unlisted($0, in: jurisdiction, on: date)) }
            if each.count == 1, let only = each.first { return only.status }
            let described = each.map { "\($0.name): \($0.status.status.rawValue)" }.joined(separator: "; ")
            if let first = each.first, each.allSatisfy({ $0.status.status == first.status.status }) {
                let schedules = Set(each.map(\.status.schedule))
                return SubstanceStatus(jurisdiction: jurisdiction.rawValue, status: first.status.status,
                                       schedule: schedules.count == 1 ? first.status.schedule : nil,
                                       explanation: "The source's name allows \(each.count) structures; each is \(first.status.status.rawValue) in \(jurisdiction) on \(date) (\(described)).")
            }
            return SubstanceStatus(jurisdiction: jurisdiction.rawValue, status: .unknown,
                                   explanation: "The source's name allows \(each.count) structures, and their statuses in \(jurisdiction) on \(date) differ (\(described)).")
        }
    }

    /// The status of a structure no knowledge-base substance has: controlled where a class rule it belongs to is in
    /// force; otherwise unknown, because a rule is pending or because nothing here reads the lists' scope
    /// clauses (isomers, esters, ethers, salts; a precursor's amides, carbamates or halides) on structures, which
    /// could still cover it. Never `not_controlled`.
    func unlisted(_ structure: UnlistedStructure, in jurisdiction: JurisdictionCode, on date: CalendarDate) -> SubstanceStatus {
        let code = jurisdiction.rawValue
        let what = "\(structure.label) (\(structure.smiles)), which no knowledge-base listing has by identity,"
        var open: [String] = []
        for rule in knowledgeBase.rules where rule.jurisdiction == jurisdiction && rule.kind == .structuralClass {
            if structure.classes.contains(where: { $0.id == rule.id }) {
                switch StepCoverage(steps: rule.steps).state(on: date) {
                case .inForce(let since, let lowerBound, let step):
                    return SubstanceStatus(jurisdiction: code, status: .scheduled, schedule: rule.schedule, basis: "class",
                                           reference: rule.id, since: since, citation: rule.steps[step].citation.text,
                                           explanation: "\(what) is controlled in \(code) on \(date) as one of the \(rule.name) (\(rule.id)), in force \(lowerBound ? "since at least" : "since") \(since).")
                case .unknown(_, let reason):
                    open.append("it is one of the \(rule.name) (\(rule.id)), but \(reason)")
                case .notYet, .ended:
                    continue
                }
            } else if structure.pending.contains(rule.id) {
                open.append("whether it is one of the \(rule.name) (\(rule.id)) awaits the structural class engine")
            }
        }
        let reason = open.isEmpty
            ? "no class rule in force that day covers it, and Accord does not read the lists' scope clauses (isomers, esters, ethers, salts; a precursor's amides, carbamates or halides) on structures"
            : open.joined(separator: "; ")
        return SubstanceStatus(jurisdiction: code, status: .unknown,
                               explanation: "Whether \(what) is controlled in \(code) on \(date) is unknown: \(reason).")
    }

    private func classMember(_ match: SubstanceMatch, in jurisdiction: JurisdictionCode, on date: CalendarDate) -> SubstanceStatus {
        let rules = match.classes.filter { $0.jurisdiction == jurisdiction.rawValue }.map(\.id).joined(separator: ", ")
        let which = rules.isEmpty ? "" : " It would be controlled as a member of \(rules) where that rule is in force, but the substance and so the rule's exclusions cannot be checked."
        return SubstanceStatus(jurisdiction: jurisdiction.rawValue, status: .unknown,
                               explanation: "The source does not identify the substance (\(match.name)); its status in \(jurisdiction) on \(date) needs the substance.\(which)")
    }

    /// The law engine's answer in the form alerts carry.
    static func summary(_ status: JurisdictionStatus) -> SubstanceStatus {
        SubstanceStatus(jurisdiction: status.jurisdiction.rawValue, status: status.status, schedule: status.schedule,
                        basis: status.basis?.rawValue, reference: status.listing?.id ?? status.rule?.id,
                        since: status.since, citation: status.citation?.text, explanation: status.explanation)
    }
}

/// Statuses already computed, per match and day: alerts and status series ask the same question many times.
final class StatusCache: @unchecked Sendable {
    struct Key: Hashable {
        var id: String
        var date: CalendarDate
    }

    private let lock = NSLock()
    private var values: [Key: [SubstanceStatus]] = [:]

    func value(for key: Key) -> [SubstanceStatus]? {
        lock.lock()
        defer { lock.unlock() }
        return values[key]
    }

    func store(_ statuses: [SubstanceStatus], for key: Key) {
        lock.lock()
        defer { lock.unlock() }
        if values.count > 100_000 { values.removeAll() }
        values[key] = statuses
    }
}
