import Foundation
import Testing
@testable import Surveillance

@Suite("Importers")
struct ImporterTests {
    static func path(_ name: String) throws -> String {
        try #require(Bundle.module.url(forResource: "Resources/\(name)", withExtension: nil)).path
    }

    @Test("NFLIS: every record of the public file becomes one observation")
    func nflisFull() throws {
        let (observations, report) = try SurveillanceImporter.importFile(
            .nflis, path: Self.path("nflis_fentanyl_reports_by_state_year.csv"))
        #expect(report.records == 6472)
        #expect(report.issues.isEmpty)
        #expect(observations.count == 6472)
        let first = try #require(observations.first)
        #expect(first.substance == "P-FLUOROFENTANYL")
        #expect(first.substanceGroup == "para-Fluorofentanyl")
        #expect(first.place == "OH")
        #expect(first.period == Period.year(2022))
        #expect(first.value == 2693)
        #expect(first.measure == "drug_reports")
    }

    @Test("NFLIS: bad records are reported with record and column, and skipped")
    func nflisBadRows() throws {
        let text = """
        LABTYPE,RPTAGGR,YYYY,PERIOD,DRUG_REPORTS,QUERY_RUN_DATE,SUBSTANCE_ID,SUBSTANCE_DESCRIPTION,BASE_ID,BASE_DESCRIPTION,DRUG_CATEGORY_CODE,DRUG_CATEGORY_DESCRIPTION,STATE,STATE_LONG_NAME,STATE_FIPS
        "Local,State",DrugReport,2019,2019,12,x,1,FENTANYL,1,Fentanyl,33,"Fentanyl, and related",OH,Ohio,39
        "Local,State",DrugReport,20x9,2019,12,x,1,FENTANYL,1,Fentanyl,33,c,OH,Ohio,39
        "Local,State",DrugReport,2019,2019,-4,x,1,FENTANYL,1,Fentanyl,33,c,OH,Ohio,39
        "Local,State",DrugReport,2019,2019,seven,x,1,FENTANYL,1,Fentanyl,33,c,OH,Ohio,39

        "Local,State",DrugReport,2019,2019,3,x,1,,1,Fentanyl,33,c,OH,Ohio,39
        "Local,State",DrugReport,2019,2019,3
        "Local,State",DrugReport,2020,2020,"1,204",x,1,"ACETYL FENTANYL (N-(1-PHENETHYLPIPERIDIN-4-YL)-N-PHENYLACETAMIDE), SALT UNDETERMINED",2,Acetyl fentanyl,33,c,FL,Florida,12
        """
        let (observations, report) = try SurveillanceImporter.importText(.nflis, text: text)
        #expect(observations.count == 2)
        #expect(observations.last?.value == 1204)
        #expect(observations.last?.substance.hasSuffix("SALT UNDETERMINED") == true)
        let issues = report.issues.map { "\($0.record):\($0.column ?? 0):\($0.columnName ?? "")" }
        #expect(issues == ["3:3:YYYY", "4:5:DRUG_REPORTS", "5:5:DRUG_REPORTS", "7:8:SUBSTANCE_DESCRIPTION",
                           "8:8:SUBSTANCE_DESCRIPTION"])
        #expect(report.issues[1].message.contains("negative"))
        #expect(report.issues[2].description.contains("'seven' is not a number"))
    }

    @Test("a header without the format's columns stops the import and names them")
    func missingColumns() throws {
        #expect(throws: ImportError.self) {
            _ = try SurveillanceImporter.importText(.cbp, text: "FY,Month (abbv),Drug Type\n2020,JAN,Fentanyl\n")
        }
        do {
            _ = try SurveillanceImporter.importText(.nflis, text: "YYYY,STATE\n2020,OH\n")
            Issue.record("expected an error")
        } catch let error as ImportError {
            #expect(error.description.contains("DRUG_REPORTS"))
            #expect(error.description.contains("SUBSTANCE_DESCRIPTION"))
        }
        #expect(throws: ImportError.emptyFile) { _ = try SurveillanceImporter.importText(.dose, text: "") }
        #expect(throws: ImportError.self) {
            _ = try SurveillanceImporter.importFile(.dose, path: "/nonexistent/file.csv")
        }
    }

    @Test("DOSE: monthly and annual periods, ED and HOSP, suppressed and NA cells counted not imported")
    func dose() throws {
        let (observations, report) = try SurveillanceImporter.importFile(
            .dose, path: Self.path("cdc_dose_ed_visits_excerpt.csv"))
        #expect(report.records == 312)
        #expect(report.issues.isEmpty)
        #expect(report.suppressedCells > 0)
        #expect(report.unavailableCells > 0)
        #expect(observations.count + report.suppressedCells + report.unavailableCells == 312 * 8)
        // AK,all,2018,annual,ED: count_alldrug 792, count_cocaine suppressed, count_fentanyl NA.
        let annual = observations.filter { $0.place == "AK" && $0.period == Period.year(2018) && $0.measure == "ed_visits" }
        #expect(annual.first { $0.substance == "alldrug" }?.value == 792)
        #expect(annual.contains { $0.substance == "cocaine" } == false)
        #expect(observations.contains { $0.period.granularity == .month && $0.measure == "hospitalizations" })
    }

    @Test("CBP: fiscal months map to calendar months; events and pounds are separate measures")
    func cbp() throws {
        let (observations, report) = try SurveillanceImporter.importFile(
            .cbp, path: Self.path("cbp_fentanyl_seizures_fy19_fy23.csv"))
        #expect(report.records == 523)
        #expect(report.issues.isEmpty)
        #expect(observations.count == 2 * 523)
        let periods = Set(observations.map(\.period))
        #expect(periods.min() == Period.month(2018, 10))
        #expect(periods.max() == Period.month(2023, 9))
        let first = try #require(observations.first)
        #expect(first.period == Period.month(2019, 4))
        #expect(first.place == "LAREDO FIELD OFFICE")
        #expect(observations[1].measure == "seizure_pounds")
        #expect(abs(observations[1].value - 26.45547144) < 1e-9)
    }

    @Test("VSRR: 12-month-ending values, predicted values, quoted thousands, suppressed and bad records")
    func vsrr() throws {
        let (observations, report) = try SurveillanceImporter.importFile(.vsrr, path: Self.path("vsrr_sample.csv"))
        #expect(report.records == 10)
        #expect(report.suppressedCells == 1)
        #expect(report.issues.map(\.record) == [10, 11])
        #expect(report.issues.map(\.columnName) == ["Month", "Data Value"])
        let us = observations.filter { $0.place == "US" && $0.substance == "Number of Drug Overdose Deaths" }
        #expect(us.map(\.value).sorted() == [107_622, 109_413])
        #expect(observations.contains { $0.substance == "Synthetic opioids, excl. methadone (T40.4)" && $0.place == "AK" })
        #expect(observations.filter { $0.substance == "Methadone (T40.3)" }.isEmpty)
    }

    @Test("Accord seizures: one event per record, grams summed, structure-only seizures kept")
    func accordSeizures() throws {
        let text = """
        date,place,substance,structure,quantity_g
        2024-03-05,US,para-fluorofentanyl,,12.5
        2024-03-20,US,para-fluorofentanyl,,2
        2024-04-01,CN,,CCC(=O)N(c1ccccc1)C1CCN(CCc2ccc(F)cc2)CC1,
        2024-13-01,CN,fentanyl,,1
        2024-04-02,CN,,,1
        """
        var set = ObservationSet()
        let report = try SurveillanceImporter.importText(.accord, text: text) { set.append($0) }
        #expect(report.issues.map(\.record) == [5, 6])
        let events = set.series(SeriesQuery(source: .accord, measure: "seizure_events", places: ["US"]))
        #expect(events.values == [2])
        let grams = set.series(SeriesQuery(measure: "seizure_grams", substance: .named("p-fluorofentanyl")))
        #expect(grams.values == [14.5])
        #expect(set.observations.contains { $0.substance.hasPrefix("structure:") && $0.place == "CN" })
    }
}
