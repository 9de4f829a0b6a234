/// CBP drug seizure statistics: one record per fiscal year, month, component, region, area of responsibility
/// (field office or Border Patrol sector) and drug type, with the number of seizure events and the pounds
/// seized. The fiscal year starts in October, so October–December belong to the previous calendar year.
struct CBPConverter: RecordConverter {
    static let columns = ["FY", "Month (abbv)", "Area of Responsibility", "Drug Type", "Count of Event", "Sum Qty (lbs)"]
    let fiscalYear, month, area, drug, events, pounds: Int

    init(records: CSVRecords) throws(ImportError) {
        let p = try records.require(Self.columns)
        (fiscalYear, month, area, drug, events, pounds) = (p[0], p[1], p[2], p[3], p[4], p[5])
    }

    func observations(from row: [String], report: inout ImportReport) throws(FieldError) -> [Observation] {
        let fiscal = try Fields.year(row, fiscalYear)
        let month = try Fields.month(row, month)
        let place = try Fields.text(row, area, name: "Area of Responsibility")
        let drug = try Fields.text(row, drug, name: "Drug Type")
        let count = try Fields.count(row, events, name: "Count of Event")
        let weight = try Fields.count(row, pounds, name: "Sum Qty (lbs)")
        guard let period = Period.month(month >= 10 ? fiscal - 1 : fiscal, month) else {
            throw FieldError(column: self.month, message: "bad month")
        }
        return [
            Observation(source: .cbp, measure: "seizure_events", substance: drug, place: place, period: period,
                        value: count),
            Observation(source: .cbp, measure: "seizure_pounds", substance: drug, place: place, period: period,
                        value: weight),
        ]
    }
}
