import Law

/// A seizure as submitted and structurally checked, before references are resolved and structures classified.
public struct SeizureDraft: Sendable {
    public let sharing: SharingInput
    public let date: CalendarDate
    public let place: Place
    public let substances: [SubstanceInput]
    public let quantity: Quantity?
    public let purityPercent: Double?
    public let form: SeizureForm?
    public let packaging: String?
    public let route: Route?
    public let exporterIdentifiers: [String]
    public let shipperIdentifiers: [String]
    public let grading: Grading?
    public let notes: String?
    public let caseId: RecordID?
    /// For updates: the version being replaced.
    public let version: Int?

    /// Reads a create (`forUpdate == false`) or update body.
    public static func parse(_ json: JSONValue, limits: InputLimits, forUpdate: Bool) throws(ExchangeError) -> SeizureDraft {
        var r = try ObjectReader(json, limits: limits)
        let version = forUpdate ? try r.integer("version", in: 1...Int(Int32.max), required: true) : nil
        let sharing = try SharingInput.read(&r)
        guard let dateText = try r.string("date", maxLength: 10, required: true), let date = CalendarDate(iso: dateText) else {
            throw ExchangeError.invalid("date", "must be a date written YYYY-MM-DD", code: "invalid_value")
        }
        let place = try r.object("place", required: true) { (p: inout ObjectReader) throws(ExchangeError) in try Place.read(&p) }
        let substances = try r.array("substances") { (value, path) throws(ExchangeError) in try SubstanceInput.read(value, path: path, limits: limits) }
        if substances.isEmpty {
            throw ExchangeError.invalid("substances", "list at least one substance (a name and/or a structure)", code: "missing_field")
        }
        let quantity = try r.object("quantity") { (q: inout ObjectReader) throws(ExchangeError) in try Quantity.read(&q) }
        let purity = try r.number("purity_percent", in: 0...100)
        var form: SeizureForm?
        if let text = try r.choice("form", SeizureForm.allCases.map(\.rawValue)) { form = SeizureForm(rawValue: text) }
        let packaging = try r.string("packaging")
        let route = try r.object("route") { (q: inout ObjectReader) throws(ExchangeError) in try Route.read(&q) }
        let exporters = try r.strings("exporter_identifiers")
        let shippers = try r.strings("shipper_identifiers")
        let grading = try r.object("grading") { (q: inout ObjectReader) throws(ExchangeError) in try Grading.read(&q) }
        let notes = try r.string("notes", maxLength: limits.maxLongText)
        let caseId = try readRecordID(&r, "case_id")
        try r.finish()
        guard let place else { throw ExchangeError.invalid("place", "is required", code: "missing_field") }
        return SeizureDraft(sharing: sharing, date: date, place: place, substances: substances, quantity: quantity,
                            purityPercent: purity, form: form, packaging: packaging, route: route,
                            exporterIdentifiers: exporters, shipperIdentifiers: shippers, grading: grading,
                            notes: notes, caseId: caseId, version: version)
    }

    /// The seizure content, given the checked substances.
    public func seizure(substances: [SeizedSubstance]) -> Seizure {
        Seizure(date: date, place: place, substances: substances, quantity: quantity, purityPercent: purityPercent,
                form: form, packaging: packaging, route: route, exporterIdentifiers: exporterIdentifiers,
                shipperIdentifiers: shipperIdentifiers, grading: grading, notes: notes, caseId: caseId)
    }
}
