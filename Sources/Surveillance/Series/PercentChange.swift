/// A change between two values stated honestly: the exact percentage and ratio, and no percentage at all
/// when the starting value is zero (a rise from nothing is "new", not "+∞%").
///
/// News reports round freely (582 → 3,946 fentanyl deaths was reported as "600%"; it is +578%, 6.8 times);
/// alerts carry the computed figure so an analyst can quote it.
public struct PercentChange: Sendable, Hashable, Codable, CustomStringConvertible {
    public var from: Double
    public var to: Double

    public init(from: Double, to: Double) {
        self.from = from
        self.to = to
    }

    /// (to − from)/from × 100, nil when `from` is 0.
    public var percent: Double? { from == 0 ? nil : (to - from) / from * 100 }

    /// to/from, nil when `from` is 0.
    public var ratio: Double? { from == 0 ? nil : to / from }

    /// The percentage rounded half away from zero to whole percent, e.g. +578.
    public var roundedPercent: Int? { percent.map { Int($0.rounded(.toNearestOrAwayFromZero)) } }

    /// `+578% (582 → 3946, ×6.8)`, `new (0 → 12)`, or `no change`.
    public var description: String {
        guard let percent = roundedPercent, let ratio else {
            return to == 0 ? "no change (0 → 0)" : "new (0 → \(Self.format(to)))"
        }
        let sign = percent > 0 ? "+" : ""
        let times = (ratio * 10).rounded(.toNearestOrAwayFromZero) / 10
        return "\(sign)\(percent)% (\(Self.format(from)) → \(Self.format(to)), ×\(Self.format(times)))"
    }

    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}
