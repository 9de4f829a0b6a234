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
        }
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
