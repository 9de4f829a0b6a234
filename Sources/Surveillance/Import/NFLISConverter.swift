/// DEA NFLIS-Drug public query export: one record per substance, state and year with the number of drug
/// reports. `SUBSTANCE_DESCRIPTION` is the laboratory's name (often with a systematic name in parentheses);
/// `BASE_DESCRIPTION` the base substance it belongs to.
struct NFLISConverter: RecordConverter {
    static let columns = ["YYYY", "DRUG_REPORTS", "SUBSTANCE_DESCRIPTION", "BASE_DESCRIPTION", "STATE"]
    let year, reports, substance, base, state: Int

    init(records: CSVRecords) throws(ImportError) {
        let p = try records.require(Self.columns)
        (year, reports, substance, base, state) = (p[0], p[1], p[2], p[3], p[4])
    }

    func observations(from row: [String], report: inout ImportReport) throws(FieldError) -> [Observation] {
        let year = try Fields.year(row, year)
        let count = try Fields.count(row, reports, name: "DRUG_REPORTS")
        let substance = try Fields.text(row, substance, name: "SUBSTANCE_DESCRIPTION")
        let base = String(try row.field(base))
        let state = try Fields.text(row, state, name: "STATE")
        guard let period = Period.year(year) else { throw FieldError(column: self.year, message: "bad year") }
        return [Observation(source: .nflis, measure: "drug_reports", substance: substance,
                            substanceGroup: base.isEmpty ? nil : base, place: state, period: period, value: count)]
    }
}
