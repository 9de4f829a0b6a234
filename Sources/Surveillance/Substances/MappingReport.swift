/// How many distinct source names of a data set map to knowledge-base entries, and which do not: the figure
/// the name mapping is judged by, and the list an analyst works through.
public struct MappingReport: Sendable, Codable, Equatable {
    public var distinctNames: Int
    public var mappedNames: Int
    /// mappedNames / distinctNames (1 when there are no names).
    public var fraction: Double
    public var unmapped: [String]

    enum CodingKeys: String, CodingKey {
        case distinctNames = "distinct_names", mappedNames = "mapped_names", fraction, unmapped
    }
}

extension ObservationSet {
    /// The mapping report over distinct source names (each name counted once, whatever its group).
    public func mappingReport(source: SourceFormat? = nil) -> MappingReport {
        var mapped: [String: Bool] = [:]
        for observation in observations where source == nil || observation.source == source {
            let isMapped = match(for: observation) != nil
            mapped[observation.substance] = (mapped[observation.substance] ?? false) || isMapped
        }
        let count = mapped.values.filter { $0 }.count
        return MappingReport(distinctNames: mapped.count, mappedNames: count,
                             fraction: mapped.isEmpty ? 1 : Double(count) / Double(mapped.count),
                             unmapped: mapped.filter { !$0.value }.map(\.key).sorted())
    }
}
