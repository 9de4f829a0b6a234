import Exchange
import Law

/// The columns a record kind is searched by, besides its JSON body.
protocol RecordIndexing {
    var eventDate: CalendarDate? { get }
    var indexedPlace: Place? { get }
    /// Each substance in order: lower-cased name, SMILES as sent, and the standardized SMILES searched.
    var indexedSubstances: [IndexedSubstance] { get }
}

extension Seizure: RecordIndexing {
    var eventDate: CalendarDate? { date }
    var indexedPlace: Place? { place }
    var indexedSubstances: [IndexedSubstance] {
        substances.map { IndexedSubstance(name: $0.name?.lowercased(), smiles: $0.smiles, structure: $0.structure?.standardizedSmiles) }
    }
}

extension JointCase: RecordIndexing {
    var eventDate: CalendarDate? { nil }
    var indexedPlace: Place? { nil }
    var indexedSubstances: [IndexedSubstance] { [] }
}

extension Proposal: RecordIndexing {
    var eventDate: CalendarDate? { decisionDate }
    var indexedPlace: Place? { nil }
    var indexedSubstances: [IndexedSubstance] {
        [IndexedSubstance(name: substance.name?.lowercased(), smiles: substance.smiles, structure: substance.structure?.standardizedSmiles)]
    }
}

/// The searchable columns of one substance of a record.
struct IndexedSubstance {
    let name: String?
    let smiles: String?
    let structure: String?
}
