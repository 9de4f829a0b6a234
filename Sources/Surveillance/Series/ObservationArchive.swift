import Foundation

/// Imported observations kept in a data directory as JSON lines (`surveillance/observations.jsonl`), so
/// `accord surveil import` and later `series`/`alerts` runs share them.
///
/// Re-importing a revised file replaces the values it contains (provisional data are revised) instead of
/// adding to them: an observation is identified by source, measure, substance, group, place and period.
/// This is the store used until the exchange database (Storage) holds surveillance tables.
public struct ObservationArchive: Sendable {
    public let url: URL

    public init(dataDirectory: String) {
        url = URL(fileURLWithPath: dataDirectory).appendingPathComponent("surveillance")
            .appendingPathComponent("observations.jsonl")
    }

    struct Key: Hashable {
        var source: SourceFormat
        var measure: String
        var substance: String
        var group: String?
        var place: String
        var period: Period

        init(_ o: Observation) {
            source = o.source
            measure = o.measure
            substance = o.substance
            group = o.substanceGroup
            place = o.place
            period = o.period
        }
    }

    /// Every stored observation (none when the archive does not exist yet).
    public func load() throws -> [Observation] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        let data = try Data(contentsOf: url)
        let decoder = JSONDecoder()
        var observations: [Observation] = []
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            lineNumber += 1
            do {
                observations.append(try decoder.decode(Observation.self, from: Data(line)))
            } catch {
                throw ArchiveError.corruptLine(path: url.path, line: lineNumber)
            }
        }
        return observations
    }

    /// Merges one import: its observations are summed per identity (several seizures in one month), then
    /// replace stored values with the same identity. Returns how many identities were new and replaced.
    @discardableResult
    public func merge(_ imported: [Observation]) throws -> (added: Int, replaced: Int) {
        var incoming: [Key: Observation] = [:]
        var order: [Key] = []
        for observation in imported {
            let key = Key(observation)
            if var existing = incoming[key] {
                existing.value += observation.value
                incoming[key] = existing
            } else {
                incoming[key] = observation
                order.append(key)
            }
        }
        var stored = try load()
        var replaced = 0
        for index in stored.indices {
            let key = Key(stored[index])
            if let replacement = incoming.removeValue(forKey: key) {
                stored[index] = replacement
                replaced += 1
            }
        }
        let added = order.compactMap { incoming[$0] }
        stored += added
        try write(stored)
        return (added.count, replaced)
    }

    private func write(_ observations: [Observation]) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = Data()
        for observation in observations {
            data.append(try encoder.encode(observation))
            data.append(UInt8(ascii: "\n"))
        }
        try data.write(to: url, options: .atomic)
    }
}

public enum ArchiveError: Error, CustomStringConvertible {
    case corruptLine(path: String, line: Int)

    public var description: String {
        switch self {
        case let .corruptLine(path, line): "\(path), line \(line): not a stored observation"
        }
    }
}
