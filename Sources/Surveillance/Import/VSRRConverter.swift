/// CDC VSRR provisional drug overdose death counts (data.cdc.gov `xkb8-kh2a`): one record per state, month
/// and indicator. Values are 12-month-ending sums: the `period` of an observation is the month the window
/// ends in. `Data Value` is blank when suppressed (the footnote says why); `Predicted Value` adjusts for
/// reporting delay and is imported as its own measure.
struct VSRRConverter: RecordConverter {
    static let columns = ["State", "Year", "Month", "Indicator", "Data Value"]
    let state, year, month, indicator, value: Int
    let predicted: Int?

    init(records: CSVRecords) throws(ImportError) {
        let p = try records.require(Self.columns)
        (state, year, month, indicator, value) = (p[0], p[1], p[2], p[3], p[4])
        predicted = records.position(of: "Predicted Value")
    }

    func observations(from row: [String], report: inout ImportReport) throws(FieldError) -> [Observation] {
        let place = try Fields.text(row, state, name: "State")
        let year = try Fields.year(row, year)
        let month = try Fields.month(row, month)
        let indicator = try Fields.text(row, indicator, name: "Indicator")
        guard let period = Period.month(year, month) else { throw FieldError(column: self.month, message: "bad month") }
        var made: [Observation] = []
        if try row.field(value).isEmpty {
            report.suppressedCells += 1
        } else {
            made.append(Observation(source: .vsrr, measure: "deaths_12_month_ending", substance: indicator,
                                    place: place, period: period,
                                    value: try Fields.count(row, value, name: "Data Value")))
        }
        if let predicted, predicted < row.count {
            if try row.field(predicted).isEmpty {
                report.unavailableCells += 1
            } else {
                made.append(Observation(source: .vsrr, measure: "predicted_deaths_12_month_ending",
                                        substance: indicator, place: place, period: period,
                                        value: try Fields.count(row, predicted, name: "Predicted Value")))
            }
        }
        return made
    }
}
