import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Surveillance

@Suite("Charts and series files")
struct ChartAndInputTests {
    final class ElementCounter: NSObject, XMLParserDelegate {
        var counts: [String: Int] = [:]
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            counts[name, default: 0] += 1
        }
    }

    @Test("the SVG is well-formed XML with the series, detector lines, alarms and escaped text")
    func svg() throws {
        let counts: [Double] = [3, 4, 2, 5, 3, 4, 3, 4, 3, 30, 4, 3, 5]
        let series = TimeSeries(label: "test & <series>",
                                points: counts.enumerated().map { (Period.month(2020, 1)!.advanced(by: $0.offset), $0.element) })
        let detection = try EARS.detect(counts, parameters: EARS.Parameters(method: .c1))
        #expect(detection.filter(\.alarm).count == 1)
        let svg = SVGChart(title: "Seizures <&> \"test\"", subtitle: "ears-c1", yLabel: "events").render(series, detection: detection)
        let parser = XMLParser(data: Data(svg.utf8))
        let counter = ElementCounter()
        parser.delegate = counter
        #expect(parser.parse(), "SVG must parse: \(parser.parserError.map { "\($0)" } ?? "")")
        #expect(counter.counts["svg"] == 1)
        #expect((counter.counts["polyline"] ?? 0) >= 3)   // observed, expected, threshold
        #expect(svg.contains("alarm (1)"))
        #expect(svg.contains("Seizures &lt;&amp;&gt; &quot;test&quot;"))
        #expect(svg.contains(">2020-01<"))
        let plain = SVGChart(title: "plain").render(series)
        #expect(!plain.contains("threshold"))
        #expect(SVGChart(title: "empty").render(TimeSeries(label: "e", periods: [], values: [])).contains("</svg>"))
    }

    @Test("tick labels are round and readable")
    func ticks() {
        #expect(SVGChart.niceTicks(maximum: 13_000) == [0, 5000, 10000, 15000])
        #expect(SVGChart.niceTicks(maximum: 7).first == 0)
        #expect((SVGChart.niceTicks(maximum: 7).last ?? 0) >= 7)
        #expect(SVGChart.tickLabel(12236) == "12,236")
    }

    @Test("period,count files: optional header, gaps filled with 0, bad records named, duplicates rejected")
    func countSeries() throws {
        let result = try CountSeriesReader.read(text: "period,count\n2020-01,3\n2020-03,5\n2020-04,x\n2020-05,\"1,200\"\n")
        #expect(result.series.values == [3, 0, 5, 0, 1200])
        #expect(result.filledPeriods.map(\.description) == ["2020-02", "2020-04"])
        #expect(result.issues.map { "\($0.record):\($0.column ?? 0)" } == ["4:2"])
        let headerless = try CountSeriesReader.read(text: "2019,10\n2020,12\n")
        #expect(headerless.series.values == [10, 12])
        #expect(throws: CountSeriesReader.ReadError.duplicatePeriod(record: 2, period: Period.year(2019)!)) {
            _ = try CountSeriesReader.read(text: "2019,10\n2019,12\n")
        }
        #expect(throws: CountSeriesReader.ReadError.self) { _ = try CountSeriesReader.read(text: "2019,1\n2019-02,3\n") }
        #expect(throws: CountSeriesReader.ReadError.noData) { _ = try CountSeriesReader.read(text: "period,count\n") }
    }

    @Test("detector specs parse R's parameter names and reject unknown or malformed ones")
    func specs() throws {
        let spec = try DetectorSpec.parse(method: "farrington", parameters: ["b": "3", "w": "1", "limit54": "0,4",
                                                                             "thresholdMethod": "nbPlugin"], frequency: 12)
        guard case .farrington(let p) = spec else { Issue.record("not farrington"); return }
        #expect(p.b == 3 && p.w == 1 && p.limitCases == 0 && p.frequency == 12 && p.thresholdMethod == .nbPlugin)
        #expect(spec.parameters["pastWeeksNotIncluded"] == "1")
        #expect(throws: DetectorError.self) { _ = try DetectorSpec.parse(method: "cusum", parameters: ["x": "1"]) }
        #expect(throws: DetectorError.self) { _ = try DetectorSpec.parse(method: "ears-c1", parameters: ["baseline": "two"]) }
        #expect(throws: DetectorError.self) { _ = try DetectorSpec.parse(method: "shewhart", parameters: [:]) }
        #expect(throws: DetectorError.self) { _ = try EARS.detect([1, 2, 3], parameters: EARS.Parameters()) }
        #expect(throws: DetectorError.self) { _ = try EARS.detect([1, 2, 3, 4, -1, 2, 3, 4, 5], parameters: EARS.Parameters()) }
        #expect(throws: DetectorError.self) { _ = try CUSUM.detect([0, 0, 0, 4], parameters: CUSUM.Parameters()) }
        #expect(throws: DetectorError.self) {
            _ = try Farrington.detect(Array(repeating: 3, count: 100), parameters: Farrington.Parameters(frequency: 52))
        }
    }
}
