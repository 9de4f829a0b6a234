import Exchange

/// The columns a record kind is searched by, besides its JSON body.
protocol RecordIndexing {
    var eventDate: CalendarDate? { get }
    var indexedPlace: Place? { get }
    /// (lower-cased name, SMILES) of each substance, in order.
    var indexedSubstances: [(name: String?, smiles: String?)] { get }
}

extension Seizure: RecordIndexing {
    var eventDate: CalendarDate? { date }
    var indexedPlace: Place? { place }
    var indexedSubstances: [(name: String?, smiles: String?)] { substances.map { ($0.name?.lowercased(), $0.smiles) } }
}

extension JointCase: RecordIndexing {
    var eventDate: CalendarDate? { nil }
    var indexedPlace: Place? { nil }
    var indexedSubstances: [(name: String?, smiles: String?)] { [] }
}

extension Proposal: RecordIndexing {
    var eventDate: CalendarDate? { decisionDate }
    var indexedPlace: Place? { nil }
    var indexedSubstances: [(name: String?, smiles: String?)] { [(substance.name?.lowercased(), substance.smiles)] }
}
