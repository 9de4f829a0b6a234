/// The periods in which a sequence of steps is certainly, or possibly, in force.
///
/// Steps that `continue` their predecessor form a chain with no gap. A chain is certainly in force from the
/// first day any of its steps is known in force (its effective date, an attestation, or the day after the
/// predecessor's end that it continues) to the end of its last step (the last day of a temporary order, the
/// last attested day when a temporary order's end is unknown, or for ever). It is possibly in force from its
/// earliest possible start (effective date, publication date) to the end of its last step. A day in neither
/// kind of period is before the first possible start (not yet) or after an end (ended, when the end is a
/// recorded removal or lapse; otherwise unknown).
public struct StepCoverage: Sendable {
    struct Chain: Sendable {
        var members: [Int]
        /// The earliest day each member can have taken effect, parallel to `members`.
        var memberStarts: [CalendarDate]
        var certainStart: CalendarDate?
        var certainEnd: CalendarDate
        var possibleStart: CalendarDate
        var possibleEnd: CalendarDate
        var endedBy: (day: CalendarDate, step: Int, recorded: Bool)?

        /// The last member that can have taken effect by `day` (whose citation applies that day).
        func member(on day: CalendarDate) -> Int {
            var chosen = members[0]
            for (member, start) in zip(members, memberStarts) where start <= day {
                chosen = member
            }
            return chosen
        }
    }

    public let steps: [ListingStep]
    let chains: [Chain]

    public init(steps: [ListingStep]) {
        self.steps = steps
        var chains: [Chain] = []
        var previousUntil: CalendarDate?
        var previousPossibleStart: CalendarDate?
        for (i, s) in steps.enumerated() where s.kind != .amendment && s.kind != .removal {
            let continuesChain = s.continues && !chains.isEmpty
            var possible = s.effective?.first ?? s.notBefore
            if possible == nil {
                if continuesChain, let u = previousUntil {
                    possible = u.adding(days: 1)
                } else if continuesChain {
                    possible = previousPossibleStart
                }
            }
            if possible == nil {
                possible = .earliest
            }
            var certain: [CalendarDate] = []
            if let e = s.effective { certain.append(e.last) }
            if let a = s.inForce { certain.append(a.date) }
            if continuesChain, s.effective == nil, let u = previousUntil { certain.append(u.adding(days: 1)) }
            let certainStart = certain.min()
            let stepEnd: CalendarDate
            switch s.kind {
            case .temporary, .extension:
                stepEnd = s.until ?? [certainStart, s.inForce?.date].compactMap { $0 }.max() ?? .earliest
            default:
                stepEnd = s.until ?? .latest
            }
            let possibleEnd = s.until ?? .latest
            if continuesChain {
                var chain = chains.removeLast()
                chain.members.append(i)
                chain.memberStarts.append(possible ?? .earliest)
                if let c = certainStart { chain.certainStart = min(chain.certainStart ?? c, c) }
                chain.certainEnd = stepEnd
                chain.possibleEnd = possibleEnd
                chain.possibleStart = min(chain.possibleStart, possible ?? .earliest)
                chains.append(chain)
            } else {
                chains.append(Chain(members: [i], memberStarts: [possible ?? .earliest], certainStart: certainStart, certainEnd: stepEnd,
                                    possibleStart: possible ?? .earliest, possibleEnd: possibleEnd, endedBy: nil))
            }
            previousUntil = s.until
            previousPossibleStart = possible
        }
        // Recorded ends: a lapse at the end of a chain, or a removal that cuts every chain begun before it.
        for c in chains.indices {
            if let last = chains[c].members.last, steps[last].lapsed, let u = steps[last].until {
                chains[c].endedBy = (u.adding(days: 1), last, true)
            }
        }
        for (i, s) in steps.enumerated() where s.kind == .removal {
            guard let day = s.effective?.first else { continue }
            for c in chains.indices where chains[c].possibleStart < day {
                chains[c].certainEnd = min(chains[c].certainEnd, day.adding(days: -1))
                chains[c].possibleEnd = min(chains[c].possibleEnd, day.adding(days: -1))
                chains[c].endedBy = (day, i, true)
            }
        }
        self.chains = chains
    }

    /// The state on `day`.
    public func state(on day: CalendarDate) -> StepState {
        guard !chains.isEmpty else { return .unknown(step: nil, reason: "no dated step that starts control is recorded") }
        let certain = chains.filter { chain in
            guard let start = chain.certainStart else { return false }
            return start <= day && day <= chain.certainEnd
        }
        if !certain.isEmpty {
            // The newest step that can apply that day gives the citation; the run started at the earliest
            // certain start among the chains covering the day.
            var step = certain[0].member(on: day)
            var stepStart = CalendarDate.earliest
            for chain in certain {
                let m = chain.member(on: day)
                let start = chain.memberStarts[chain.members.firstIndex(of: m) ?? 0]
                if start >= stepStart {
                    step = m
                    stepStart = start
                }
            }
            let since = certain.compactMap(\.certainStart).min() ?? day
            let before = since.adding(days: -1)
            let lowerBound = since > .earliest && chains.contains { $0.possibleStart <= before && before <= $0.possibleEnd }
            return .inForce(since: since, sinceIsLowerBound: lowerBound, step: step)
        }
        for chain in chains where chain.possibleStart <= day && day <= chain.possibleEnd {
            let step = chain.member(on: day)
            return .unknown(step: step, reason: uncertainty(chain: chain, step: step, day: day))
        }
        let first = chains.map(\.possibleStart).min() ?? .earliest
        if day < first {
            return .notYet(from: first)
        }
        // After the end of every chain that started before the day.
        let previous = chains.filter { $0.possibleStart <= day }.max { $0.possibleEnd < $1.possibleEnd }
        if let chain = previous, let end = chain.endedBy, end.recorded, end.day <= day {
            return .ended(on: end.day, step: end.step)
        }
        let last = previous?.members.last ?? chains[0].members[0]
        let s = steps[last]
        let until = s.until.map { "ran until \($0)" } ?? "has no recorded end date"
        return .unknown(step: last, reason: "the \(s.kind.rawValue) step (\(s.citation.text)) \(until); what followed is not recorded")
    }

    /// The first day after `day` on which the steps certainly put control in force, if any.
    public func nextCertainStart(after day: CalendarDate) -> CalendarDate? {
        chains.compactMap(\.certainStart).filter { $0 > day }.min()
    }

    private func uncertainty(chain: Chain, step: Int, day: CalendarDate) -> String {
        let s = steps[step]
        if let start = chain.certainStart, day < start {
            let why = s.effectiveUnknown.map { " (\($0))" } ?? ""
            if let e = s.effective, e.precision != .day {
                return "took effect in \(e), on a day not recorded; in force from \(start) at the latest"
            }
            return "the effective date is not recorded\(why); it is known in force from \(start)"
        }
        if let start = chain.certainStart, day > chain.certainEnd {
            return "in force until at least \(chain.certainEnd) (known from \(start)); its end is not recorded"
        }
        return s.effectiveUnknown.map { "the effective date is not recorded (\($0))" }
            ?? "the effective date is not recorded"
    }
}
