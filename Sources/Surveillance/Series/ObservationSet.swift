import Law

/// Imported observations with their substances resolved, answering series questions: per substance, per
/// class, per place, per control status.
///
/// Names are resolved once per distinct (name, group) pair, and names the resolver does not know are kept and
/// listed (`unmappedNames`), never dropped.
public struct ObservationSet: Sendable {
    public private(set) var observations: [Observation] = []
    public let resolver: any SubstanceResolver
    private var matches: [NameKey: SubstanceMatch?] = [:]

    struct NameKey: Hashable {
        var name: String
        var group: String?
    }

    public init(resolver: any SubstanceResolver = NoSubstanceResolver(), observations: [Observation] = []) {
        self.resolver = resolver
        append(contentsOf: observations)
    }

    public mutating func append(_ observation: Observation) {
        let key = NameKey(name: observation.substance, group: observation.substanceGroup)
        if matches[key] == nil {
            matches[key] = .some(resolver.resolve(name: observation.substance, group: observation.substanceGroup))
        }
        observations.append(observation)
    }

    public mutating func append(contentsOf more: [Observation]) {
        for observation in more { append(observation) }
    }

    /// The knowledge-base entry of an observation's substance, if any.
    public func match(for observation: Observation) -> SubstanceMatch? {
        matches[NameKey(name: observation.substance, group: observation.substanceGroup)] ?? nil
    }

    /// How observations of one substance are grouped: by knowledge-base entry when mapped, else by the
    /// source's grouping (NFLIS base), else by the name itself.
    public func substanceKey(for observation: Observation) -> String {
        if let match = match(for: observation) { return match.id }
        return observation.substanceGroup ?? observation.substance
    }

    /// A readable name for the group `substanceKey` puts an observation in.
    public func substanceLabel(for observation: Observation) -> String {
        if let match = match(for: observation) { return match.name }
        return observation.substanceGroup ?? observation.substance
    }

    /// Distinct source names and whether each maps, for the mapping report.
    public var nameMapping: [(name: String, group: String?, match: SubstanceMatch?)] {
        matches.map { ($0.key.name, $0.key.group, $0.value) }.sorted { $0.name < $1.name }
    }

    /// Distinct source names the resolver could not map.
    public var unmappedNames: [String] {
        Array(Set(matches.filter { $0.value == nil }.map(\.key.name))).sorted()
    }

    /// The regular series of the observations a query selects, summed over the selected places and substances.
    public func series(_ query: SeriesQuery, statusProvider: any ControlStatusProvider = NoControlStatus()) -> TimeSeries {
        let points = selected(query, statusProvider: statusProvider).map { ($0.period, $0.value) }
        let range: ClosedRange<Period>? = {
            guard let from = query.from, let to = query.to, from <= to else { return nil }
            return from...to
        }()
        var series = TimeSeries(label: query.label, points: points, range: range)
        if range == nil, let from = query.from, let first = series.periods.first, from < first,
           from.granularity == first.granularity {
            series = TimeSeries(label: query.label, points: points, range: from...(series.periods.last ?? from))
        }
        return series
    }

    /// The observations a query selects, in stored order. The substance selector is decided once per distinct
    /// name and group (and period start, for a status), not once per observation.
    public func selected(_ query: SeriesQuery, statusProvider: any ControlStatusProvider = NoControlStatus()) -> [Observation] {
        struct Decision: Hashable {
            var name: NameKey
            var day: String?
        }
        var decided: [Decision: Bool] = [:]
        var statusDependsOnDay = false
        if case .status = query.substance { statusDependsOnDay = true }
        return observations.filter { o in
            guard query.selectsOutsideSubstance(o) else { return false }
            let key = Decision(name: NameKey(name: o.substance, group: o.substanceGroup),
                               day: statusDependsOnDay ? o.period.startDate : nil)
            if let known = decided[key] { return known }
            let answer = query.selectsSubstance(o, in: self, statusProvider: statusProvider)
            decided[key] = answer
            return answer
        }
    }

    /// One series per (source, measure, substance group, place), for detectors run over everything.
    public func groupedSeries(source: SourceFormat? = nil, measures: Set<String>? = nil) -> [GroupedSeries] {
        var groups: [GroupKey: [(Period, Double)]] = [:]
        var labels: [GroupKey: String] = [:]
        var names: [GroupKey: (String, String?)] = [:]
        for observation in observations {
            if let source, observation.source != source { continue }
            if let measures, !measures.contains(observation.measure) { continue }
            let key = GroupKey(source: observation.source, measure: observation.measure,
                               substance: substanceKey(for: observation), place: observation.place,
                               granularity: observation.period.granularity)
            groups[key, default: []].append((observation.period, observation.value))
            if labels[key] == nil {
                labels[key] = substanceLabel(for: observation)
                names[key] = (observation.substance, observation.substanceGroup)
            }
        }
        // Series of one source and measure share the source's full period range, so a substance first seen
        // in 2016 has zeros from the start of the data rather than starting at 2016.
        var spans: [SpanKey: ClosedRange<Period>] = [:]
        for (key, points) in groups {
            let span = SpanKey(source: key.source, measure: key.measure, granularity: key.granularity)
            for (period, _) in points {
                if let existing = spans[span] {
                    spans[span] = min(existing.lowerBound, period)...max(existing.upperBound, period)
                } else {
                    spans[span] = period...period
                }
            }
        }
        return groups.map { key, points in
            let span = spans[SpanKey(source: key.source, measure: key.measure, granularity: key.granularity)]
            let label = "\(key.source.rawValue) \(key.measure) \(labels[key] ?? key.substance) \(key.place)"
            let (name, group) = names[key] ?? (key.substance, nil)
            return GroupedSeries(source: key.source, measure: key.measure, substanceKey: key.substance,
                                 substanceLabel: labels[key] ?? key.substance, sourceName: name, sourceGroup: group,
                                 place: key.place, series: TimeSeries(label: label, points: points, range: span))
        }.sorted { ($0.series.label) < ($1.series.label) }
    }

    struct GroupKey: Hashable {
        var source: SourceFormat
        var measure: String
        var substance: String
        var place: String
        var granularity: Period.Granularity
    }

    struct SpanKey: Hashable {
        var source: SourceFormat
        var measure: String
        var granularity: Period.Granularity
    }
}

/// A series of one substance group in one place, with what it is of.
public struct GroupedSeries: Sendable {
    public var source: SourceFormat
    public var measure: String
    public var substanceKey: String
    public var substanceLabel: String
    /// One of the source's names for the substance (for reports and status look-ups of unmapped names).
    public var sourceName: String
    public var sourceGroup: String?
    public var place: String
    public var series: TimeSeries
}

/// Which observations a series is made of.
public struct SeriesQuery: Sendable {
    /// Which substances: any, a source name or group, a knowledge-base entry, a class, or a control status.
    public enum Substance: Sendable, Hashable {
        case any
        /// Matches the source name or its group by normalised key (`p-fluorofentanyl` finds `P-FLUOROFENTANYL`).
        case named(String)
        case entry(id: String)
        /// Every substance whose entry belongs to the class, by rule id or name (`us-frs`, `fentanyl-related
        /// substances`, which names the US and the Chinese class).
        case inClass(String)
        /// Every substance with this status in this jurisdiction at the start of each observation's period.
        case status(jurisdiction: String, status: ControlStatus)
    }

    public var source: SourceFormat?
    public var measure: String?
    public var substance: Substance
    /// Places to sum over; nil means all.
    public var places: Set<String>?
    public var from: Period?
    public var to: Period?

    public init(source: SourceFormat? = nil, measure: String? = nil, substance: Substance = .any,
                places: Set<String>? = nil, from: Period? = nil, to: Period? = nil) {
        self.source = source
        self.measure = measure
        self.substance = substance
        self.places = places
        self.from = from
        self.to = to
    }

    public var label: String {
        var parts: [String] = []
        if let source { parts.append(source.rawValue) }
        if let measure { parts.append(measure) }
        switch substance {
        case .any: parts.append("all substances")
        case .named(let name): parts.append(name)
        case .entry(let id): parts.append(id)
        case .inClass(let name): parts.append("class \(name)")
        case let .status(jurisdiction, status): parts.append("\(status.rawValue) in \(jurisdiction)")
        }
        parts.append(places.map { $0.sorted().joined(separator: "+") } ?? "all places")
        return parts.joined(separator: " ")
    }

    /// Source, measure, place and period.
    func selectsOutsideSubstance(_ o: Observation) -> Bool {
        if let source, o.source != source { return false }
        if let measure, o.measure != measure { return false }
        if let places, !places.contains(o.place) { return false }
        if let from, o.period < from { return false }
        if let to, to < o.period { return false }
        return true
    }

    /// The substance selector alone: it depends only on the name and group (and, for a status, the period's
    /// first day), so callers can remember its answer per distinct name.
    func selectsSubstance(_ o: Observation, in set: ObservationSet, statusProvider: any ControlStatusProvider) -> Bool {
        switch substance {
        case .any:
            return true
        case .named(let name):
            let wanted = NameNormalizer.key(name)
            return NameNormalizer.keys(o.substance).contains(wanted)
                || o.substanceGroup.map { NameNormalizer.keys($0).contains(wanted) } == true
        case .entry(let id):
            return set.match(for: o).map { $0.kind == .substance && $0.id == id } == true
        case .inClass(let name):
            return set.match(for: o)?.isInClass(name) == true
        case let .status(jurisdiction, status):
            let statuses = statusProvider.statuses(of: set.match(for: o), sourceName: o.substance,
                                                   on: o.period.startDay)
            return statuses.contains { $0.jurisdiction == jurisdiction && $0.status == status }
        }
    }
}
