/// How many distinct source names of a data set map to knowledge-base entries, and which do not: the figure
/// the name mapping is judged by, and the list an analyst works through.
///
/// A name *maps* when Accord knows what it denotes and can hand it to the law engine: a knowledge-base substance
/// (or one of several), a structure or set of candidate structures the knowledge base does not list (its class
/// membership possibly still pending), or a class named without its member. The finer counts say how far each
/// name got: `listedNames` denote knowledge-base substances, `identifiedNames` denote known substances or
/// structures (every mapped name except a bare class), and `decidedNames` need nothing more from the mapping for
/// the law engine to answer (a listed substance, or unlisted structures whose class membership is settled).
public struct MappingReport: Sendable, Codable, Equatable {
    public var distinctNames: Int
    public var mappedNames: Int
    /// mappedNames / distinctNames (1 when there are no names).
    public var fraction: Double
    public var unmapped: [String]
    public var listedNames: Int
    public var identifiedNames: Int
    public var decidedNames: Int
    /// Distinct names per mapping kind (`substance`, `one_of`, `structure`, `class_candidate`, `class_member`).
    public var kinds: [String: Int]

    enum CodingKeys: String, CodingKey {
        case distinctNames = "distinct_names", mappedNames = "mapped_names", fraction, unmapped
        case listedNames = "listed_names", identifiedNames = "identified_names", decidedNames = "decided_names", kinds
    }
}

extension ObservationSet {
    /// The mapping report over distinct source names (each name counted once, whatever its group: the best
    /// match any of its groups gives).
    public func mappingReport(source: SourceFormat? = nil) -> MappingReport {
        var best: [String: SubstanceMatch?] = [:]
        for observation in observations where source == nil || observation.source == source {
            let match = self.match(for: observation)
            if let existing = best[observation.substance], Self.rank(existing) >= Self.rank(match) { continue }
            best[observation.substance] = .some(match)
        }
        let matches = best.values.map { $0 }
        let mapped = matches.filter { $0 != nil }.count
        var kinds: [String: Int] = [:]
        for case let match? in matches { kinds[match.kind.rawValue, default: 0] += 1 }
        return MappingReport(
            distinctNames: best.count, mappedNames: mapped,
            fraction: best.isEmpty ? 1 : Double(mapped) / Double(best.count),
            unmapped: best.filter { $0.value == nil }.map(\.key).sorted(),
            listedNames: matches.filter { $0?.kind == .substance || $0?.kind == .oneOf }.count,
            identifiedNames: matches.filter { $0 != nil && $0?.kind != .classMember }.count,
            decidedNames: matches.filter { $0?.isDecided == true }.count,
            kinds: kinds)
    }

    /// How far a match got, to pick the best of a name's groups.
    static func rank(_ match: SubstanceMatch?) -> Int {
        guard let match else { return 0 }
        switch match.kind {
        case .classMember: return 1
        case .classCandidate: return 2
        case .structure: return 3
        case .oneOf: return 4
        case .substance: return 5
        }
    }
}
