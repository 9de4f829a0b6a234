/// Reads the simplest series file, `period,count` per record (a header row is optional), for running a
/// detector or drawing a chart on any series a user has.
public enum CountSeriesReader {
    public struct Result: Sendable {
        public var series: TimeSeries
        public var issues: [ImportIssue]
        /// Periods missing between the first and last one, filled with 0.
        public var filledPeriods: [Period]
    }

    public enum ReadError: Error, Sendable, Equatable, CustomStringConvertible {
        case noData
        case mixedGranularity(record: Int)
        case duplicatePeriod(record: Int, period: Period)

        public var description: String {
            switch self {
            case .noData: "no period,count records"
            case .mixedGranularity(let record): "record \(record), column 1: periods mix years, months and weeks"
            case let .duplicatePeriod(record, period): "record \(record), column 1: period \(period) appears twice"
            }
        }
    }

    public static func read(path: String, label: String? = nil) throws -> Result {
        try read(CSVRecordsSource.path(path), label: label ?? path)
    }

    public static func read(text: String, label: String = "series") throws -> Result {
        try read(CSVRecordsSource.text(text), label: label)
    }

    enum CSVRecordsSource {
        case path(String)
        case text(String)
    }

    static func read(_ source: CSVRecordsSource, label: String) throws -> Result {
        let records: CSVRecords
        switch source {
        case .path(let path): records = try CSVRecords(path: path)
        case .text(let text): records = try CSVRecords(text: text)
        }
        var points: [(Period, Double)] = []
        var seen: Set<Period> = []
        var issues: [ImportIssue] = []
        func take(_ row: [String], record: Int) throws {
            guard row.count >= 2 else {
                issues.append(ImportIssue(record: record, column: 2, columnName: "count", message: "missing count"))
                return
            }
            guard let period = Period(parsing: row[0]) else {
                issues.append(ImportIssue(record: record, column: 1, columnName: "period",
                                          message: "'\(row[0])' is not a period (YYYY, YYYY-MM or YYYY-Www)"))
                return
            }
            guard let count = parseNumber(row[1].trimmingWhitespace()), count >= 0 else {
                issues.append(ImportIssue(record: record, column: 2, columnName: "count",
                                          message: "'\(row[1])' is not a non-negative number"))
                return
            }
            if let first = points.first, first.0.granularity != period.granularity {
                throw ReadError.mixedGranularity(record: record)
            }
            guard seen.insert(period).inserted else { throw ReadError.duplicatePeriod(record: record, period: period) }
            points.append((period, count))
        }
        // The header is optional: a first record that is a valid period and count is data.
        let header = records.header
        if header.count >= 2, Period(parsing: header[0]) != nil, parseNumber(header[1].trimmingWhitespace()) != nil {
            try take(header, record: 1)
        }
        while let row = records.next() {
            try take(row, record: records.recordNumber)
        }
        guard !points.isEmpty else { throw ReadError.noData }
        let series = TimeSeries(label: label, points: points)
        let filled = series.periods.filter { !seen.contains($0) }
        return Result(series: series, issues: issues, filledPeriods: filled)
    }
}
