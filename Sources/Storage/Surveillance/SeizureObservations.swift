import Exchange
import Foundation
import Law
import SQLKit
import Surveillance

/// Turns the exchange's seizure records into surveillance observations (source `exchange`): per substance,
/// country and month, one `seizure_events` per seizure and the seizure's quantity in its normalised unit
/// (`seizure_grams`, `seizure_tablets`, `seizure_millilitres`).
///
/// A substance recorded with a structure but no name is named `structure:<SMILES>`, so the first seizure of a
/// structure no listing names is still seen. The quantity is that of the seized material, so a seizure with
/// several substances counts it under each of them (summing quantities over substances counts such material
/// more than once). Retracted seizures count for nothing.
public enum SeizureObservations {
    /// The measure a normalised unit is counted under.
    public static func measure(for unit: NormalizedUnit) -> String {
        switch unit {
        case .g: "seizure_grams"
        case .tablets: "seizure_tablets"
        case .mL: "seizure_millilitres"
        }
    }

    public static func observations(of record: Record<Seizure>) -> [Observation] {
        guard record.metadata.retraction == nil else { return [] }
        let seizure = record.content
        guard let period = Period.month(seizure.date.year, seizure.date.month) else { return [] }
        var made: [Observation] = []
        var seen = Set<String>()
        for substance in seizure.substances {
            let name = substance.name.flatMap { $0.isEmpty ? nil : $0 }
                ?? substance.smiles.map { SubstanceCatalog.structurePrefix + $0 }
            guard let name, seen.insert(name).inserted else { continue }
            made.append(Observation(source: .exchange, measure: "seizure_events", substance: name,
                                    place: seizure.place.country, period: period, value: 1))
            if let quantity = seizure.quantity {
                made.append(Observation(source: .exchange, measure: measure(for: quantity.normalized.unit), substance: name,
                                        place: seizure.place.country, period: period,
                                        value: quantity.normalized.value))
            }
        }
        return made
    }
}

extension ExchangeStore {
    /// The observations of every seizure `caller` may read (retracted ones excluded), optionally within a
    /// range of seizure dates: the SQL narrows the rows to the caller's agency's view and the access decision
    /// confirms each record, as for listing.
    public func seizureObservations(for caller: Caller, from: CalendarDate? = nil, to: CalendarDate? = nil) async throws -> [Observation] {
        try await backend.read { db in
            let directory = try await Self.sharingDirectory(db)
            var conditions: [SQLQueryString] = ["r.kind = 'seizure'", "r.retracted = 0", Self.visibility(caller)]
            if let from { conditions.append("r.event_date >= \(bind: from.description)") }
            if let to { conditions.append("r.event_date <= \(bind: to.description)") }
            var sql: SQLQueryString = "SELECT r.body AS body FROM records r WHERE "
            sql += conditions.joined(separator: " AND ")
            sql += " ORDER BY r.seq"
            var observations: [Observation] = []
            for row in try await db.raw(sql).all() {
                let record = try ExchangeJSON.decodeStored(Record<Seizure>.self, from: Data(try row.string("body").utf8))
                guard directory.decide(caller, .read, record.facts).allowed else { continue }
                observations += SeizureObservations.observations(of: record)
            }
            return observations
        }
    }
}
