/// One seizure recorded in Accord, reduced to what surveillance counts: when, where, what and how much.
///
/// The exchange keeps full seizure records; surveillance needs only these fields, so the exchange (or the CSV
/// export below) turns each record into observations that series sum per substance, place and month.
public struct SeizureRecord: Sendable, Hashable, Codable {
    public var period: Period
    /// Jurisdiction, e.g. an ISO country code (`US`, `CN`) or a state.
    public var place: String
    /// The substance name as recorded; may be empty when only a structure is known.
    public var substance: String
    /// A structure identity (e.g. canonical SMILES or InChIKey), so a first seizure of an unlisted structure
    /// is still recognised as new.
    public var structureKey: String?
    /// Net quantity in grams, when weighed.
    public var quantityGrams: Double?

    public init(period: Period, place: String, substance: String, structureKey: String? = nil,
                quantityGrams: Double? = nil) {
        self.period = period
        self.place = place
        self.substance = substance
        self.structureKey = structureKey
        self.quantityGrams = quantityGrams
    }

    /// The name series and alerts use: the substance name, or `structure:<key>` when no name was recorded.
    public var substanceLabel: String {
        if !substance.isEmpty { return substance }
        return "structure:\(structureKey ?? "unknown")"
    }

    /// One seizure event, and its weight when known.
    public var observations: [Observation] {
        var made = [Observation(source: .accord, measure: "seizure_events", substance: substanceLabel,
                                substanceGroup: structureKey, place: place, period: period, value: 1)]
        if let quantityGrams {
            made.append(Observation(source: .accord, measure: "seizure_grams", substance: substanceLabel,
                                    substanceGroup: structureKey, place: place, period: period, value: quantityGrams))
        }
        return made
    }
}

/// Accord's seizure export: `date` (YYYY-MM-DD or YYYY-MM), `place`, `substance`, and optional `structure`
/// and `quantity_g` columns; one record per seizure, counted per month.
struct AccordSeizureConverter: RecordConverter {
    static let columns = ["date", "place", "substance"]
    let date, place, substance: Int
    let structure, quantity: Int?

    init(records: CSVRecords) throws(ImportError) {
        let p = try records.require(Self.columns)
        (date, place, substance) = (p[0], p[1], p[2])
        structure = records.position(of: "structure")
        quantity = records.position(of: "quantity_g")
    }

    func observations(from row: [String], report: inout ImportReport) throws(FieldError) -> [Observation] {
        let dateText = try row.field(date)
        guard let parsed = Period(parsing: dateText), parsed.granularity == .month else {
            throw FieldError(column: date, message: "date '\(dateText)' is not YYYY-MM-DD or YYYY-MM")
        }
        let place = try Fields.text(row, place, name: "place")
        let name = String(try row.field(substance))
        var key: String? = nil
        if let structure {
            let text = String(try row.field(structure))
            key = text.isEmpty ? nil : text
        }
        guard !name.isEmpty || key != nil else {
            throw FieldError(column: substance, message: "neither a substance nor a structure is given")
        }
        var grams: Double? = nil
        if let quantity, !(try row.field(quantity)).isEmpty {
            grams = try Fields.count(row, quantity, name: "quantity_g")
        }
        return SeizureRecord(period: parsed, place: place, substance: name, structureKey: key, quantityGrams: grams)
            .observations
    }
}
