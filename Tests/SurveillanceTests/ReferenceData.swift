import Foundation
import Testing

/// Loads the R-computed reference answers (Resources/reference, written by
/// scripts/reference/make_surveillance_reference.R).
struct ReferenceData {
    struct Series {
        var id: String
        var frequency: Int
        var startYear: Int
        var startIndex: Int
        var counts: [Double]
    }

    struct Run {
        var id: Int
        var series: String
        var method: String
        var parameters: [String: String]
        var rows: [Row] = []
    }

    struct Row {
        var t: Int          // 1-based
        var threshold: Double?
        var alarm: Bool?
        var expected: Double?
    }

    var series: [String: Series] = [:]
    var runs: [Run] = []

    static func resource(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: "Resources/\(name)", withExtension: nil))
        return try String(contentsOf: url, encoding: .utf8)
    }

    static func load() throws -> ReferenceData {
        var data = ReferenceData()
        for line in try resource("reference/series.csv").split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let id = f[0]
            if data.series[id] == nil {
                data.series[id] = Series(id: id, frequency: Int(f[1]) ?? 0, startYear: Int(f[2]) ?? 0,
                                         startIndex: Int(f[3]) ?? 0, counts: [])
            }
            data.series[id]?.counts.append(Double(f[5]) ?? .nan)
        }
        var byID: [Int: Run] = [:]
        for line in try resource("reference/runs.csv").split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            var parameters: [String: String] = [:]
            for pair in f[3].split(separator: ";") {
                let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
                parameters[kv[0]] = kv.count > 1 ? kv[1] : ""
            }
            let id = Int(f[0]) ?? -1
            byID[id] = Run(id: id, series: f[1], method: f[2], parameters: parameters)
        }
        for line in try resource("reference/results.csv").split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let row = Row(t: Int(f[1]) ?? -1, threshold: Double(f[2]), alarm: f[3] == "NA" ? nil : f[3] == "1",
                          expected: Double(f[4]))
            byID[Int(f[0]) ?? -1]?.rows.append(row)
        }
        data.runs = byID.keys.sorted().compactMap { byID[$0] }
        return data
    }
}
