import Exchange
import Foundation
import SQLKit
import Surveillance

/// What one import of a surveillance file did to the database.
public struct SurveillanceImport: Sendable, Codable, Hashable {
    public let id: String
    public let format: SourceFormat
    /// The file's name as given (for provenance only).
    public let fileName: String
    public let importedAt: Timestamp
    public let actorUser: String
    /// CSV records read (header excluded), observations made, and records skipped with an issue.
    public let records: Int
    public let observations: Int
    public let skippedRecords: Int
    /// Distinct observation identities the import wrote: new ones, and ones whose value it replaced.
    public let added: Int
    public let replaced: Int
}

extension ExchangeStore {
    /// Rows per INSERT statement: well under both databases' limits on bound parameters.
    static let observationBatch = 200

    /// Stores one imported file's observations in one transaction with its audit entry
    /// (`surveillance.import`). Observations repeated within the import (several seizures in one month) are
    /// summed; an identity already stored (same source, measure, substance, group, place, period) takes the new
    /// value, so re-importing a revised file replaces its values instead of adding to them.
    public func importObservations(_ observations: [Observation], report: ImportReport, fileName: String,
                                   actor: AuditActor) async throws -> SurveillanceImport {
        guard SourceFormat.importable.contains(report.format) else {
            throw ExchangeError(.invalid, code: "not_importable", "\(report.format.rawValue) observations are built from exchange records and cannot be imported", field: "format")
        }
        var summed: [ObservationKey: Observation] = [:]
        var order: [ObservationKey] = []
        for observation in observations {
            guard observation.source == report.format else {
                throw ExchangeError(.invalid, code: "mixed_sources", "an import of \(report.format.rawValue) holds a \(observation.source.rawValue) observation", field: "format")
            }
            guard observation.value.isFinite else {
                throw ExchangeError(.invalid, code: "invalid_value", "observation \(observation.substance) \(observation.place) \(observation.period) has a value that is not a number")
            }
            let key = ObservationKey(observation)
            if var existing = summed[key] {
                existing.value += observation.value
                summed[key] = existing
            } else {
                summed[key] = observation
                order.append(key)
            }
        }
        let rows = order.compactMap { summed[$0] }
        let id = IdentifierFactory.make()
        let now = Timestamp.now()
        let source = report.format
        return try await backend.write { db in
            var stored = Set<ObservationKey>()
            for row in try await db.raw("""
                SELECT source, measure, substance, substance_group, place, period FROM surveillance_observations
                WHERE source = \(bind: source.rawValue)
                """).all() {
                stored.insert(try Self.observationKey(row))
            }
            let replaced = rows.filter { stored.contains(ObservationKey($0)) }.count
            let summary = SurveillanceImport(id: id, format: source, fileName: fileName, importedAt: now, actorUser: actor.user,
                                             records: report.records, observations: report.observations,
                                             skippedRecords: report.issues.count, added: rows.count - replaced, replaced: replaced)
            try await db.raw("""
                INSERT INTO surveillance_imports (id, format, file_name, imported_at, actor_user, records, observations, added,
                                                  replaced, skipped_records)
                VALUES (\(bind: id), \(bind: source.rawValue), \(bind: fileName), \(bind: now.description), \(bind: actor.user),
                        \(bind: summary.records), \(bind: summary.observations), \(bind: summary.added), \(bind: summary.replaced),
                        \(bind: summary.skippedRecords))
                """).run()
            var start = 0
            while start < rows.count {
                let batch = rows[start..<min(start + Self.observationBatch, rows.count)]
                var sql: SQLQueryString = """
                    INSERT INTO surveillance_observations (source, measure, substance, substance_group, place, period, value, import_id)
                    VALUES
                    """
                for (index, o) in batch.enumerated() {
                    sql += index == 0 ? " " : ", "
                    sql += """
                        (\(bind: o.source.rawValue), \(bind: o.measure), \(bind: o.substance), \(bind: o.substanceGroup ?? ""),
                         \(bind: o.place), \(bind: o.period.description), \(bind: o.value), \(bind: id))
                        """
                }
                sql += """
                     ON CONFLICT (source, measure, substance, substance_group, place, period)
                    DO UPDATE SET value = excluded.value, import_id = excluded.import_id
                    """
                try await db.raw(sql).run()
                start += Self.observationBatch
            }
            try await Self.appendAudit(db, actor: actor, action: "surveillance.import", subjectKind: "surveillance_import",
                                       subjectId: id, before: nil, after: try ExchangeJSON.encode(summary), at: now)
            return summary
        }
    }

    /// Every stored observation, optionally of one source and measure, in a stable order.
    public func surveillanceObservations(source: SourceFormat? = nil, measure: String? = nil) async throws -> [Observation] {
        try await backend.read { db in
            var sql: SQLQueryString = "SELECT source, measure, substance, substance_group, place, period, value FROM surveillance_observations"
            var conditions: [SQLQueryString] = []
            if let source { conditions.append("source = \(bind: source.rawValue)") }
            if let measure { conditions.append("measure = \(bind: measure)") }
            if !conditions.isEmpty {
                sql += " WHERE "
                sql += conditions.joined(separator: " AND ")
            }
            sql += " ORDER BY source, measure, substance, substance_group, place, period"
            return try await db.raw(sql).all().map { row in
                let key = try Self.observationKey(row)
                return Observation(source: key.source, measure: key.measure, substance: key.substance,
                                   substanceGroup: key.group.isEmpty ? nil : key.group, place: key.place, period: key.period,
                                   value: try row.decode(column: "value", as: Double.self))
            }
        }
    }

    /// The imports, newest first.
    public func surveillanceImports() async throws -> [SurveillanceImport] {
        try await backend.read { db in
            try await db.raw("SELECT * FROM surveillance_imports ORDER BY imported_at DESC, id").all().map { row in
                let format = try row.string("format")
                guard let source = SourceFormat(rawValue: format) else {
                    throw ExchangeError(.internal, code: "corrupt_row", "surveillance import holds the unknown format '\(format)'")
                }
                return SurveillanceImport(id: try row.string("id"), format: source, fileName: try row.string("file_name"),
                                          importedAt: try row.timestamp("imported_at"), actorUser: try row.string("actor_user"),
                                          records: try row.int("records"), observations: try row.int("observations"),
                                          skippedRecords: try row.int("skipped_records"), added: try row.int("added"),
                                          replaced: try row.int("replaced"))
            }
        }
    }

    static func observationKey(_ row: any SQLRow) throws -> ObservationKey {
        let sourceText = try row.string("source"), periodText = try row.string("period")
        guard let source = SourceFormat(rawValue: sourceText) else {
            throw ExchangeError(.internal, code: "corrupt_row", "surveillance observation holds the unknown source '\(sourceText)'")
        }
        guard let period = Period(parsing: periodText) else {
            throw ExchangeError(.internal, code: "corrupt_row", "surveillance observation holds '\(periodText)', not a period")
        }
        return ObservationKey(source: source, measure: try row.string("measure"), substance: try row.string("substance"),
                              group: try row.string("substance_group"), place: try row.string("place"), period: period)
    }
}

/// The identity of a stored observation: everything but its value ('' for no group, as stored).
struct ObservationKey: Hashable {
    var source: SourceFormat
    var measure: String
    var substance: String
    var group: String
    var place: String
    var period: Period

    init(source: SourceFormat, measure: String, substance: String, group: String, place: String, period: Period) {
        self.source = source
        self.measure = measure
        self.substance = substance
        self.group = group
        self.place = place
        self.period = period
    }

    init(_ o: Observation) {
        self.init(source: o.source, measure: o.measure, substance: o.substance, group: o.substanceGroup ?? "", place: o.place,
                  period: o.period)
    }
}
