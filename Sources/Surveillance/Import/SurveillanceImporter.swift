/// Streaming import of the public surveillance formats into observations.
///
/// Records are read one at a time and each observation is handed to `emit` as soon as it is made, so large
/// files need no more memory than one record. A record that cannot be read is reported in the returned
/// `ImportReport` (record and column) and skipped; only an unreadable file or a header without the format's
/// columns stops the import.
public enum SurveillanceImporter {
    public static func importFile(_ format: SourceFormat, path: String,
                                  emit: (Observation) throws -> Void) throws -> ImportReport {
        try run(format, records: CSVRecords(path: path), emit: emit)
    }

    public static func importText(_ format: SourceFormat, text: String,
                                  emit: (Observation) throws -> Void) throws -> ImportReport {
        try run(format, records: CSVRecords(text: text), emit: emit)
    }

    /// Convenience for tests and small files: collects every observation.
    public static func importText(_ format: SourceFormat, text: String) throws -> ([Observation], ImportReport) {
        var observations: [Observation] = []
        let report = try importText(format, text: text) { observations.append($0) }
        return (observations, report)
    }

    public static func importFile(_ format: SourceFormat, path: String) throws -> ([Observation], ImportReport) {
        var observations: [Observation] = []
        let report = try importFile(format, path: path) { observations.append($0) }
        return (observations, report)
    }

    static func converter(for format: SourceFormat, records: CSVRecords) throws(ImportError) -> any RecordConverter {
        switch format {
        case .nflis: try NFLISConverter(records: records)
        case .dose: try DOSEConverter(records: records)
        case .cbp: try CBPConverter(records: records)
        case .vsrr: try VSRRConverter(records: records)
        case .accord: try AccordSeizureConverter(records: records)
        case .exchange: throw ImportError.unknownFormat(format.rawValue)
        }
    }

    private static func run(_ format: SourceFormat, records: CSVRecords,
                            emit: (Observation) throws -> Void) throws -> ImportReport {
        var converter = try converter(for: format, records: records)
        var report = ImportReport(format: format)
        while let row = records.next() {
            report.records += 1
            let made: [Observation]
            do {
                made = try converter.observations(from: row, report: &report)
            } catch {
                let name = error.column < records.header.count ? records.header[error.column] : nil
                report.issues.append(ImportIssue(record: records.recordNumber, column: error.column + 1,
                                                 columnName: name, message: error.message))
                continue
            }
            for observation in made {
                try emit(observation)
                report.observations += 1
            }
        }
        return report
    }
}

/// Turns one CSV record of a format into observations.
protocol RecordConverter {
    init(records: CSVRecords) throws(ImportError)
    mutating func observations(from row: [String], report: inout ImportReport) throws(FieldError) -> [Observation]
}

/// Shared field readers that name the column at fault.
enum Fields {
    static func text(_ row: [String], _ column: Int, name: String) throws(FieldError) -> String {
        let value = try row.field(column)
        guard !value.isEmpty else { throw FieldError(column: column, message: "\(name) is empty") }
        return String(value)
    }

    static func count(_ row: [String], _ column: Int, name: String) throws(FieldError) -> Double {
        let text = try row.field(column)
        guard let value = parseNumber(text) else {
            throw FieldError(column: column, message: "\(name) '\(text)' is not a number")
        }
        guard value >= 0 else { throw FieldError(column: column, message: "\(name) \(text) is negative") }
        return value
    }

    static func year(_ row: [String], _ column: Int) throws(FieldError) -> Int {
        let text = try row.field(column)
        guard let year = Int(text), (1900...2100).contains(year) else {
            throw FieldError(column: column, message: "year '\(text)' is not a year between 1900 and 2100")
        }
        return year
    }

    static let monthAbbreviations = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]

    /// A month given as a number, an abbreviation or a full English name.
    static func month(_ row: [String], _ column: Int) throws(FieldError) -> Int {
        let text = try row.field(column)
        if let number = Int(text), (1...12).contains(number) { return number }
        let upper = text.uppercased()
        if upper.count >= 3, let index = monthAbbreviations.firstIndex(of: String(upper.prefix(3))) {
            let full = ["JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER",
                        "OCTOBER", "NOVEMBER", "DECEMBER"][index]
            if upper.count == 3 || upper == full || (upper.hasSuffix(".") && upper.count == 4) { return index + 1 }
        }
        throw FieldError(column: column, message: "month '\(text)' is not a month")
    }
}
