/// CDC DOSE dashboard download (jurisdiction counts and rates): one record per jurisdiction, period and data
/// set (`ED` visits or `HOSP` hospitalisations) with one `count_<drug>` column per drug group. Monthly records
/// give months 1–12, annual ones `all`. `suppressed` and `NA` cells are counted in the report, not imported.
struct DOSEConverter: RecordConverter {
    static let columns = ["jurisdiction", "month", "year", "dataset"]
    let jurisdiction, month, year, dataset: Int
    /// (column position, drug name) for every `count_` column.
    let counts: [(Int, String)]

    init(records: CSVRecords) throws(ImportError) {
        let p = try records.require(Self.columns)
        (jurisdiction, month, year, dataset) = (p[0], p[1], p[2], p[3])
        counts = records.header.enumerated().compactMap { index, name in
            name.hasPrefix("count_") ? (index, String(name.dropFirst("count_".count))) : nil
        }
        if counts.isEmpty { throw .missingColumns(["count_<drug>"], header: records.header) }
    }

    func observations(from row: [String], report: inout ImportReport) throws(FieldError) -> [Observation] {
        let place = try Fields.text(row, jurisdiction, name: "jurisdiction")
        let year = try Fields.year(row, year)
        let monthText = try row.field(month)
        let period: Period?
        if monthText.lowercased() == "all" {
            period = .year(year)
        } else {
            period = .month(year, try Fields.month(row, month))
        }
        guard let period else { throw FieldError(column: month, message: "bad period") }
        let measure: String
        switch try row.field(dataset).uppercased() {
        case "ED": measure = "ed_visits"
        case "HOSP": measure = "hospitalizations"
        case let other: throw FieldError(column: dataset, message: "dataset '\(other)' is neither ED nor HOSP")
        }
        var made: [Observation] = []
        for (column, drug) in counts {
            let text = try row.field(column)
            switch text.lowercased() {
            case "suppressed":
                report.suppressedCells += 1
            case "na", "":
                report.unavailableCells += 1
            default:
                let value = try Fields.count(row, column, name: "count_\(drug)")
                made.append(Observation(source: .dose, measure: measure, substance: drug, place: place, period: period,
                                        value: value))
            }
        }
        return made
    }
}
