import ArgumentParser
import Foundation
import Surveillance

/// `accord surveil detect`: runs one detector on a `period,count` CSV.
struct SurveilDetect: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detect",
        abstract: "Run EARS C1/C2/C3, CUSUM or Farrington on a period,count CSV; one JSON line per period.",
        discussion: """
        Each line: period, count, monitored, expected, threshold, alarm. Periods before the detector's \
        history is complete are printed with monitored false and null values.
        Parameters (--param name=value), with defaults:
          ears-c1/c2/c3: baseline=7 minSigma=0 alpha=0.001 (C1, C2) or 0.025 (C3)
          cusum: k=1.04 h=2.26 m=mean|glm|NUMBER trans=standard|rossi|anscombe|pearsonNegBin alpha=0.1 \
        first=(half the series)
          farrington: b=5 w=3 reweight=true weightsThreshold=2.58 alpha=0.05 trend=true pThresholdTrend=0.05 \
        limit54=5,4 powertrans=2/3|1/2|none noPeriods=1 pastWeeksNotIncluded=w thresholdMethod=delta|nbPlugin|muan
        """
    )

    @OptionGroup var detector: DetectorOptions

    @Argument(help: "CSV of period,count (header optional).")
    var file: String

    func run() async throws {
        let input = try SeriesInput.read(file)
        let spec = try detector.spec(for: input.series)
        let points: [DetectionPoint]
        do {
            points = try spec.run(input.series.values)
        } catch {
            throw ValidationError("\(file): \(error.description)")
        }
        var byIndex: [Int: DetectionPoint] = [:]
        for point in points { byIndex[point.index] = point }
        for (index, period) in input.series.periods.enumerated() {
            let point = byIndex[index]
            try Output.line(DetectLine(period: period.description, count: input.series.values[index],
                                       monitored: point != nil, expected: point?.expected,
                                       threshold: point?.threshold, alarm: point?.alarm ?? false))
        }
    }

    struct DetectLine: Encodable {
        var period: String
        var count: Double
        var monitored: Bool
        var expected: Double?
        var threshold: Double?
        var alarm: Bool

        enum CodingKeys: String, CodingKey { case period, count, monitored, expected, threshold, alarm }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(period, forKey: .period)
            try c.encode(count, forKey: .count)
            try c.encode(monitored, forKey: .monitored)
            if let expected { try c.encode(expected, forKey: .expected) } else { try c.encodeNil(forKey: .expected) }
            if let threshold { try c.encode(threshold, forKey: .threshold) } else { try c.encodeNil(forKey: .threshold) }
            try c.encode(alarm, forKey: .alarm)
        }
    }
}

/// Reads a `period,count` file and reports its problems on standard error.
enum SeriesInput {
    static func read(_ file: String) throws -> CountSeriesReader.Result {
        let result: CountSeriesReader.Result
        do {
            result = try CountSeriesReader.read(path: file)
        } catch let error as ImportError {
            throw ValidationError("\(file): \(error.description)")
        } catch let error as CountSeriesReader.ReadError {
            throw ValidationError("\(file): \(error.description)")
        }
        for issue in result.issues { Output.diagnostic("\(file): \(issue) (skipped)") }
        if !result.filledPeriods.isEmpty {
            Output.diagnostic("\(file): \(result.filledPeriods.count) missing period(s) counted as 0, first \(result.filledPeriods[0])")
        }
        return result
    }
}
