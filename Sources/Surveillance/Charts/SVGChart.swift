import Foundation

/// A line chart of a surveillance series as a standalone SVG document: observed counts, the detector's
/// expected values and threshold, and alarms marked so they stand out on screen and on a black-and-white
/// printout (shapes and dash patterns differ, not only colours).
public struct SVGChart: Sendable {
    public var width: Double = 960
    public var height: Double = 480
    public var title: String
    public var subtitle: String?
    /// Label of the y axis, e.g. `drug reports per year`.
    public var yLabel: String

    public init(title: String, subtitle: String? = nil, yLabel: String = "count") {
        self.title = title
        self.subtitle = subtitle
        self.yLabel = yLabel
    }

    private static let observedColor = "#1f4e79"
    private static let expectedColor = "#5a5a5a"
    private static let thresholdColor = "#c55a11"
    private static let alarmColor = "#c00000"

    /// Renders `series` with the detector output for its monitored points (none for a plain series chart).
    public func render(_ series: TimeSeries, detection: [DetectionPoint] = []) -> String {
        let left = 78.0, right = 24.0, bottom = 74.0
        // Long parameter lists wrap at commas so they stay inside the page.
        let subtitleLines = subtitle.map { Self.wrap($0, limit: Int((width - left - right) / 6.8)) } ?? []
        let top = 64.0 + 18.0 * Double(subtitleLines.count)
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let n = series.values.count
        var maximum = series.values.max() ?? 0
        for point in detection {
            if let t = point.threshold { maximum = max(maximum, t) }
            if let e = point.expected { maximum = max(maximum, e) }
        }
        let ticks = Self.niceTicks(maximum: max(maximum, 1))
        let topValue = ticks.last ?? 1
        func x(_ index: Int) -> Double {
            n <= 1 ? left + plotWidth / 2 : left + plotWidth * Double(index) / Double(n - 1)
        }
        func y(_ value: Double) -> Double { top + plotHeight * (1 - value / topValue) }

        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(f(width))" height="\(f(height))" viewBox="0 0 \(f(width)) \(f(height))" font-family="Helvetica, Arial, sans-serif">
        <title>\(Self.escape(title))</title>
        <desc>\(Self.escape(subtitle ?? series.label)). \(n) periods\(series.periods.first.map { " from \($0)" } ?? "")\(series.periods.last.map { " to \($0)" } ?? ""); \(detection.filter(\.alarm).count) alarms.</desc>
        <rect width="100%" height="100%" fill="#ffffff"/>
        <text x="\(f(left))" y="30" font-size="19" font-weight="bold" fill="#111111">\(Self.escape(title))</text>

        """
        for (line, text) in subtitleLines.enumerated() {
            svg += "<text x=\"\(f(left))\" y=\"\(f(54 + 18 * Double(line)))\" font-size=\"13\" fill=\"#444444\">\(Self.escape(text))</text>\n"
        }
        // A light band marks the periods the detector monitored.
        if let first = detection.first?.index, let last = detection.last?.index, n > 1 {
            let x0 = max(left, x(first) - plotWidth / Double(2 * (n - 1)))
            let x1 = min(left + plotWidth, x(last) + plotWidth / Double(2 * (n - 1)))
            svg += "<rect x=\"\(f(x0))\" y=\"\(f(top))\" width=\"\(f(x1 - x0))\" height=\"\(f(plotHeight))\" fill=\"#eef3f9\"/>\n"
            svg += "<text x=\"\(f(x1 - 4))\" y=\"\(f(top + 14))\" text-anchor=\"end\" font-size=\"11\" fill=\"#5b7290\">monitored by the detector</text>\n"
        }
        // Grid and y axis.
        svg += "<g font-size=\"12\" fill=\"#333333\">\n"
        for tick in ticks {
            let ty = y(tick)
            svg += "<line x1=\"\(f(left))\" y1=\"\(f(ty))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(ty))\" stroke=\"#d9d9d9\" stroke-width=\"1\"/>\n"
            svg += "<text x=\"\(f(left - 8))\" y=\"\(f(ty + 4))\" text-anchor=\"end\">\(Self.tickLabel(tick))</text>\n"
        }
        svg += "<line x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(top + plotHeight))\" stroke=\"#333333\"/>\n"
        svg += "<line x1=\"\(f(left))\" y1=\"\(f(top + plotHeight))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(top + plotHeight))\" stroke=\"#333333\"/>\n"
        svg += "<text transform=\"translate(18 \(f(top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\" font-size=\"13\">\(Self.escape(yLabel))</text>\n"
        // X labels: at most about one per 70 pixels, on round steps.
        if n > 0 {
            let step = Self.labelStep(count: n, width: plotWidth, granularity: series.periods[0].granularity)
            var index = 0
            while index < n {
                let tx = x(index)
                svg += "<line x1=\"\(f(tx))\" y1=\"\(f(top + plotHeight))\" x2=\"\(f(tx))\" y2=\"\(f(top + plotHeight + 5))\" stroke=\"#333333\"/>\n"
                svg += "<text x=\"\(f(tx))\" y=\"\(f(top + plotHeight + 20))\" text-anchor=\"middle\">\(Self.escape(series.periods[index].description))</text>\n"
                index += step
            }
        }
        svg += "</g>\n"
        // Threshold and expected lines, broken where the detector gives none.
        svg += Self.polyline(detection.map { ($0.index, $0.threshold) }, x: x, y: y, color: Self.thresholdColor,
                             dash: "7 4", width: 2)
        svg += Self.polyline(detection.map { ($0.index, $0.expected) }, x: x, y: y, color: Self.expectedColor,
                             dash: "2 3", width: 2)
        // Observed line and points.
        svg += Self.polyline(series.values.indices.map { ($0, series.values[$0]) }, x: x, y: y,
                             color: Self.observedColor, dash: nil, width: 2.2)
        if n <= 120 {
            for index in 0..<n {
                svg += "<circle cx=\"\(f(x(index)))\" cy=\"\(f(y(series.values[index])))\" r=\"2.6\" fill=\"\(Self.observedColor)\"/>\n"
            }
        }
        // Alarms: a red disc in a ring, smaller when points are dense so neighbours stay apart.
        let spacing = n > 1 ? plotWidth / Double(n - 1) : plotWidth
        let disc = min(7, max(3.5, spacing * 1.6)), ring = disc + 3.5
        for point in detection where point.alarm && point.index < n {
            let cx = x(point.index), cy = y(point.observed)
            svg += "<circle cx=\"\(f(cx))\" cy=\"\(f(cy))\" r=\"\(f(disc))\" fill=\"\(Self.alarmColor)\" stroke=\"#ffffff\" stroke-width=\"1.5\"><title>\(Self.escape(series.periods[point.index].description)): \(Self.tickLabel(point.observed)) above threshold \(point.threshold.map(Self.tickLabel) ?? "?")</title></circle>\n"
            svg += "<circle cx=\"\(f(cx))\" cy=\"\(f(cy))\" r=\"\(f(ring))\" fill=\"none\" stroke=\"\(Self.alarmColor)\" stroke-width=\"1.5\"/>\n"
        }
        // Legend below the plot.
        let legendY = height - 22
        var lx = left
        svg += "<g font-size=\"13\" fill=\"#222222\">\n"
        func entry(_ label: String, _ mark: String) {
            svg += mark
            svg += "<text x=\"\(f(lx + 34))\" y=\"\(f(legendY + 4))\">\(Self.escape(label))</text>\n"
            lx += 34 + Double(label.count) * 7.2 + 26
        }
        entry("observed", "<line x1=\"\(f(lx))\" y1=\"\(f(legendY))\" x2=\"\(f(lx + 26))\" y2=\"\(f(legendY))\" stroke=\"\(Self.observedColor)\" stroke-width=\"2.2\"/>\n")
        if detection.contains(where: { $0.expected != nil }) {
            entry("expected", "<line x1=\"\(f(lx))\" y1=\"\(f(legendY))\" x2=\"\(f(lx + 26))\" y2=\"\(f(legendY))\" stroke=\"\(Self.expectedColor)\" stroke-width=\"2\" stroke-dasharray=\"2 3\"/>\n")
        }
        if detection.contains(where: { $0.threshold != nil }) {
            entry("threshold", "<line x1=\"\(f(lx))\" y1=\"\(f(legendY))\" x2=\"\(f(lx + 26))\" y2=\"\(f(legendY))\" stroke=\"\(Self.thresholdColor)\" stroke-width=\"2\" stroke-dasharray=\"7 4\"/>\n")
        }
        if !detection.isEmpty {
            let alarms = detection.filter(\.alarm).count
            entry("alarm (\(alarms))", "<circle cx=\"\(f(lx + 13))\" cy=\"\(f(legendY))\" r=\"6\" fill=\"\(Self.alarmColor)\"/><circle cx=\"\(f(lx + 13))\" cy=\"\(f(legendY))\" r=\"9\" fill=\"none\" stroke=\"\(Self.alarmColor)\" stroke-width=\"1.5\"/>\n")
        }
        svg += "</g>\n</svg>\n"
        return svg
    }

    /// Splits text at ", " so that no line is longer than `limit` characters (a single long item stays whole).
    static func wrap(_ text: String, limit: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for item in text.components(separatedBy: ", ") {
            let candidate = current.isEmpty ? item : current + ", " + item
            if candidate.count > limit && !current.isEmpty {
                lines.append(current + ",")
                current = item
            } else {
                current = candidate
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// A polyline per run of defined values.
    private static func polyline(_ points: [(Int, Double?)], x: (Int) -> Double, y: (Double) -> Double, color: String,
                                 dash: String?, width: Double) -> String {
        var out = ""
        var run: [String] = []
        func flush() {
            if run.count >= 2 {
                out += "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"\(f(width))\" stroke-linejoin=\"round\""
                    + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + " points=\"\(run.joined(separator: " "))\"/>\n"
            } else if run.count == 1 {
                let parts = run[0].split(separator: ",")
                if parts.count == 2, let px = Double(parts[0]), let py = Double(parts[1]) {
                    out += "<line x1=\"\(f(px - 5))\" y1=\"\(f(py))\" x2=\"\(f(px + 5))\" y2=\"\(f(py))\" stroke=\"\(color)\" stroke-width=\"\(f(width))\"/>\n"
                }
            }
            run = []
        }
        var lastIndex: Int? = nil
        for (index, value) in points {
            guard let value, value.isFinite else {
                flush()
                lastIndex = nil
                continue
            }
            if let lastIndex, index != lastIndex + 1 { flush() }
            run.append("\(f(x(index))),\(f(y(value)))")
            lastIndex = index
        }
        flush()
        return out
    }

    /// 4–8 round tick values from 0 to at least `maximum`.
    static func niceTicks(maximum: Double) -> [Double] {
        let rough = maximum / 5
        let magnitude = pow(10, (log10(rough)).rounded(.down))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
        var ticks: [Double] = []
        var value = 0.0
        while value < maximum + step * 0.001 {
            ticks.append(value)
            value += step
        }
        ticks.append(value)
        return ticks
    }

    static func labelStep(count: Int, width: Double, granularity: Period.Granularity) -> Int {
        let fit = max(1, Int(width / 70))
        let needed = Int((Double(count) / Double(fit)).rounded(.up))
        let candidates: [Int]
        switch granularity {
        case .month: candidates = [1, 2, 3, 6, 12, 24, 60]
        case .week: candidates = [1, 2, 4, 13, 26, 52, 104]
        case .year: candidates = [1, 2, 5, 10, 20, 50]
        }
        return candidates.first { $0 >= needed } ?? needed
    }

    static func tickLabel(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 {
            let digits = String(Int(value))
            // Thousands separators make large counts readable.
            var out = ""
            for (i, c) in digits.reversed().enumerated() {
                if i > 0 && i % 3 == 0 && c != "-" { out.append(",") }
                out.append(c)
            }
            return String(out.reversed())
        }
        return String(format: "%.1f", value)
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}

private func f(_ value: Double) -> String { String(format: "%.1f", value) }
