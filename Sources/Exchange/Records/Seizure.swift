import Law

/// The physical form of seized material.
public enum SeizureForm: String, Codable, Sendable, CaseIterable, Hashable {
    case powder, tablet, capsule, liquid, paste, blotter, patch, crystal
    case plantMaterial = "plant_material"
    case other
}

/// A drug seizure as an agency reports it.
public struct Seizure: RecordContent {
    public static var kind: RecordKind { .seizure }

    public var date: CalendarDate
    public var place: Place
    public var substances: [SeizedSubstance]
    public var quantity: Quantity?
    /// Purity of the main substance, percent by mass.
    public var purityPercent: Double?
    public var form: SeizureForm?
    public var packaging: String?
    public var route: Route?
    public var exporterIdentifiers: [String]
    public var shipperIdentifiers: [String]
    public var grading: Grading?
    public var notes: String?
    /// The joint case this seizure belongs to.
    public var caseId: RecordID?
}
