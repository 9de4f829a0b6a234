/// A detector with its parameters, as a value: what the CLI parses from `--method` and `--param`, what alert
/// rules hold, and what alerts cite as evidence.
public enum DetectorSpec: Sendable, Hashable {
    case ears(EARS.Parameters)
    case cusum(CUSUM.Parameters)
    case farrington(Farrington.Parameters)

    /// `ears-c1`, `ears-c2`, `ears-c3`, `cusum` or `farrington`.
    public var name: String {
        switch self {
        case .ears(let p): "ears-\(p.method.rawValue.lowercased())"
        case .cusum: "cusum"
        case .farrington: "farrington"
        }
    }

    /// Every parameter with the value used, defaults included, so evidence is reproducible.
    public var parameters: [String: String] {
        switch self {
        case .ears(let p):
            return ["baseline": "\(p.baseline)", "minSigma": fmt(p.minSigma), "alpha": fmt(p.effectiveAlpha)]
        case .cusum(let p):
            let m: String
            switch p.expected {
            case .baselineMean: m = "mean"
            case .constant(let value): m = fmt(value)
            case .harmonicGLM: m = "glm"
            }
            var result = ["k": fmt(p.k), "h": fmt(p.h), "m": m, "trans": p.transform.rawValue,
                          "first": p.firstMonitored.map { "\($0 + 1)" } ?? "half"]
            if p.transform == .pearsonNegBin { result["alpha"] = fmt(p.negativeBinomialAlpha) }
            if case .harmonicGLM = p.expected {
                result["frequency"] = "\(p.frequency)"
                result["startIndex"] = "\(p.startIndexInYear)"
            }
            return result
        case .farrington(let p):
            return ["frequency": "\(p.frequency)", "b": "\(p.b)", "w": "\(p.w)", "reweight": "\(p.reweight)",
                    "weightsThreshold": fmt(p.weightsThreshold), "alpha": fmt(p.alpha), "trend": "\(p.trend)",
                    "pThresholdTrend": fmt(p.pThresholdTrend),
                    "limit54": "\(fmt(p.limitCases)),\(p.limitPeriods)", "powertrans": p.powerTransform.rawValue,
                    "noPeriods": "\(p.noPeriods)", "pastWeeksNotIncluded": "\(p.leftOut)",
                    "thresholdMethod": p.thresholdMethod.rawValue]
        }
    }

    public func run(_ counts: [Double]) throws(DetectorError) -> [DetectionPoint] {
        switch self {
        case .ears(let p): try EARS.detect(counts, parameters: p)
        case .cusum(let p): try CUSUM.detect(counts, parameters: p)
        case .farrington(let p): try Farrington.detect(counts, parameters: p)
        }
    }

    /// Builds a detector from a method name and `name=value` parameters (names as in R's `surveillance`).
    /// `frequency` and `startIndex` describe the series when the caller knows them (periods per year, position
    /// of the first period in its year); an explicit parameter overrides them.
    public static func parse(method: String, parameters: [String: String], frequency: Int = 52,
                             startIndex: Int = 1) throws(DetectorError) -> DetectorSpec {
        var reader = ParameterReader(values: parameters)
        let spec: DetectorSpec
        switch method.lowercased() {
        case "ears-c1", "ears-c2", "ears-c3":
            let kind: EARS.Method = method.lowercased() == "ears-c1" ? .c1 : method.lowercased() == "ears-c2" ? .c2 : .c3
            var p = EARS.Parameters(method: kind)
            p.baseline = try reader.int("baseline") ?? p.baseline
            p.minSigma = try reader.double("minSigma") ?? p.minSigma
            p.alpha = try reader.double("alpha")
            spec = .ears(p)
        case "cusum":
            var p = CUSUM.Parameters(frequency: frequency, startIndexInYear: startIndex)
            p.k = try reader.double("k") ?? p.k
            p.h = try reader.double("h") ?? p.h
            if let m = reader.take("m") {
                switch m.lowercased() {
                case "glm": p.expected = .harmonicGLM
                case "mean": p.expected = .baselineMean
                default:
                    guard let value = Double(m) else {
                        throw .invalidParameter(name: "m", value: m, reason: "expected a number, 'mean' or 'glm'")
                    }
                    p.expected = .constant(value)
                }
            }
            if let trans = reader.take("trans") {
                guard let transform = CUSUM.Transform(rawValue: trans) else {
                    throw .invalidParameter(name: "trans", value: trans, reason: "expected one of "
                        + CUSUM.Transform.allCases.map(\.rawValue).joined(separator: ", "))
                }
                p.transform = transform
            }
            p.negativeBinomialAlpha = try reader.double("alpha") ?? p.negativeBinomialAlpha
            if let first = try reader.int("first") { p.firstMonitored = first - 1 }
            p.frequency = try reader.int("frequency") ?? p.frequency
            p.startIndexInYear = try reader.int("startIndex") ?? p.startIndexInYear
            spec = .cusum(p)
        case "farrington":
            var p = Farrington.Parameters(frequency: frequency)
            p.frequency = try reader.int("frequency") ?? p.frequency
            p.b = try reader.int("b") ?? p.b
            p.w = try reader.int("w") ?? p.w
            p.reweight = try reader.bool("reweight") ?? p.reweight
            p.weightsThreshold = try reader.double("weightsThreshold") ?? p.weightsThreshold
            p.alpha = try reader.double("alpha") ?? p.alpha
            p.trend = try reader.bool("trend") ?? p.trend
            p.pThresholdTrend = try reader.double("pThresholdTrend") ?? p.pThresholdTrend
            if let limit = reader.take("limit54") {
                let parts = limit.split(whereSeparator: { $0 == "," || $0 == "/" })
                guard parts.count == 2, let cases = Double(parts[0]), let periods = Int(parts[1]) else {
                    throw .invalidParameter(name: "limit54", value: limit, reason: "expected CASES,PERIODS e.g. 5,4")
                }
                p.limitCases = cases
                p.limitPeriods = periods
            }
            if let power = reader.take("powertrans") {
                guard let transform = Farrington.PowerTransform(rawValue: power) else {
                    throw .invalidParameter(name: "powertrans", value: power, reason: "expected 2/3, 1/2 or none")
                }
                p.powerTransform = transform
            }
            p.noPeriods = try reader.int("noPeriods") ?? p.noPeriods
            p.pastPeriodsNotIncluded = try reader.int("pastWeeksNotIncluded") ?? p.pastPeriodsNotIncluded
            if let method = reader.take("thresholdMethod") {
                guard let threshold = Farrington.ThresholdMethod(rawValue: method) else {
                    throw .invalidParameter(name: "thresholdMethod", value: method,
                                            reason: "expected delta, nbPlugin or muan")
                }
                p.thresholdMethod = threshold
            }
            if let first = try reader.int("first") { p.firstMonitored = first - 1 }
            spec = .farrington(p)
        default:
            throw .invalidParameter(name: "method", value: method,
                                    reason: "expected ears-c1, ears-c2, ears-c3, cusum or farrington")
        }
        if let unknown = reader.remaining.first {
            throw .invalidParameter(name: unknown, value: parameters[unknown] ?? "",
                                    reason: "not a parameter of \(method)")
        }
        return spec
    }
}

private func fmt(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
}

/// Reads typed values out of `name=value` pairs, remembering which were used.
private struct ParameterReader {
    var values: [String: String]

    mutating func take(_ name: String) -> String? { values.removeValue(forKey: name) }

    var remaining: [String] { values.keys.sorted() }

    mutating func int(_ name: String) throws(DetectorError) -> Int? {
        guard let text = take(name) else { return nil }
        guard let value = Int(text) else { throw .invalidParameter(name: name, value: text, reason: "expected an integer") }
        return value
    }

    mutating func double(_ name: String) throws(DetectorError) -> Double? {
        guard let text = take(name) else { return nil }
        guard let value = Double(text), value.isFinite else {
            throw .invalidParameter(name: name, value: text, reason: "expected a number")
        }
        return value
    }

    mutating func bool(_ name: String) throws(DetectorError) -> Bool? {
        guard let text = take(name) else { return nil }
        switch text.lowercased() {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw .invalidParameter(name: name, value: text, reason: "expected true or false")
        }
    }
}
