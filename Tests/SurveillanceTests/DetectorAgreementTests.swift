import Testing
@testable import Surveillance

/// Our detectors against R `surveillance` 1.20.3 on real (NFLIS, DOSE, CBP) and synthetic series with injected
/// outbreaks: same monitored points, alarms equal, thresholds equal to 1e-6 relative.
@Suite("Detectors agree with R surveillance")
struct DetectorAgreementTests {
    static let reference: ReferenceData? = try? ReferenceData.load()

    static func run(_ run: ReferenceData.Run, _ series: ReferenceData.Series) throws -> [DetectionPoint] {
        let p = run.parameters
        func double(_ key: String) -> Double? { p[key].flatMap(Double.init) }
        func int(_ key: String) -> Int? { p[key].flatMap(Int.init) }
        switch run.method {
        case "ears-c1", "ears-c2", "ears-c3":
            let method: EARS.Method = run.method == "ears-c1" ? .c1 : run.method == "ears-c2" ? .c2 : .c3
            return try EARS.detect(series.counts, parameters: EARS.Parameters(
                method: method, baseline: int("baseline") ?? 7, minSigma: double("minSigma") ?? 0,
                alpha: double("alpha")))
        case "cusum":
            let transform = try #require(CUSUM.Transform(rawValue: p["trans"] ?? ""))
            let expected: CUSUM.Expected = p["m"] == "glm" ? .harmonicGLM : .baselineMean
            return try CUSUM.detect(series.counts, parameters: CUSUM.Parameters(
                k: double("k") ?? 1.04, h: double("h") ?? 2.26, expected: expected, transform: transform,
                firstMonitored: (int("first") ?? 1) - 1, frequency: series.frequency,
                startIndexInYear: series.startIndex))
        case "farrington":
            let limit = (p["limit54"] ?? "5/4").split(separator: "/").compactMap { Double($0) }
            return try Farrington.detect(series.counts, parameters: Farrington.Parameters(
                frequency: series.frequency, b: int("b") ?? 5, w: int("w") ?? 3, reweight: p["reweight"] == "1",
                weightsThreshold: double("weightsThreshold") ?? 2.58, alpha: double("alpha") ?? 0.05,
                trend: p["trend"] == "1", pThresholdTrend: double("pThresholdTrend") ?? 0.05,
                limitCases: limit.first ?? 5, limitPeriods: Int(limit.last ?? 4),
                powerTransform: try #require(Farrington.PowerTransform(rawValue: p["powertrans"] ?? "")),
                noPeriods: int("noPeriods") ?? 1, pastPeriodsNotIncluded: int("pastWeeksNotIncluded"),
                thresholdMethod: try #require(Farrington.ThresholdMethod(rawValue: p["thresholdMethod"] ?? ""))))
        default:
            Issue.record("unknown method \(run.method)")
            return []
        }
    }

    @Test("reference data is present and covers every method")
    func coverage() throws {
        let data = try #require(Self.reference)
        let methods = Set(data.runs.map(\.method))
        #expect(methods == ["ears-c1", "ears-c2", "ears-c3", "cusum", "farrington"])
        #expect(data.series.count >= 20)
        #expect(data.runs.count >= 200)
    }

    @Test("thresholds and alarms equal R's", arguments: ["ears-c1", "ears-c2", "ears-c3", "cusum", "farrington"])
    func agreement(method: String) throws {
        let data = try #require(Self.reference)
        var compared = 0
        var alarms = 0
        for run in data.runs where run.method == method {
            let series = try #require(data.series[run.series])
            let points = try Self.run(run, series)
            try #require(points.count == run.rows.count, "\(run.series) \(run.parameters): point count")
            for (point, row) in zip(points, run.rows) {
                let context = "\(run.series) \(run.method) \(run.parameters) t=\(row.t)"
                #expect(point.index == row.t - 1, "\(context)")
                if let expectedThreshold = row.threshold {
                    let ours = try #require(point.threshold, "\(context): R has threshold \(expectedThreshold)")
                    let scale = max(abs(expectedThreshold), 1e-12)
                    #expect(abs(ours - expectedThreshold) / scale <= 1e-6,
                            "\(context): threshold \(ours) vs R \(expectedThreshold)")
                } else {
                    #expect(point.threshold == nil, "\(context): R has NA, we have \(point.threshold ?? .nan)")
                }
                #expect(point.alarm == (row.alarm ?? false), "\(context): alarm")
                if let e = row.expected, method != "farrington" || row.threshold != nil {
                    let ours = try #require(point.expected)
                    #expect(abs(ours - e) / max(abs(e), 1e-12) <= 1e-6, "\(context): expected \(ours) vs R \(e)")
                }
                compared += 1
                if point.alarm { alarms += 1 }
            }
        }
        #expect(compared > 500)
        #expect(alarms > 0, "the reference series must contain alarms for \(method)")
    }
}
