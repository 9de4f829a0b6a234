import Law

/// A calendar period of a surveillance series: a year, a month or a week (52 per year, as R's `surveillance`
/// counts them; a 53rd week is folded into week 52 by importers that meet one).
///
/// Public sources publish at different granularities (NFLIS by year, DOSE and CBP by month, VSRR as 12-month
/// windows ending in a month), so one value type orders and labels all of them and steps between neighbours,
/// which the detectors need to see gaps as zero counts rather than as missing history.
public struct Period: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// How long one period lasts.
    public enum Granularity: String, Sendable, Codable, CaseIterable {
        case year, month, week

        /// Periods per year, the `frequency` seasonal detectors use.
        public var periodsPerYear: Int {
            switch self {
            case .year: 1
            case .month: 12
            case .week: 52
            }
        }
    }

    public let granularity: Granularity
    public let year: Int
    /// Month 1...12 or week 1...52; 1 for yearly periods.
    public let index: Int

    /// Creates a period, or nil when the month or week is out of range.
    public init?(granularity: Granularity, year: Int, index: Int = 1) {
        switch granularity {
        case .year: guard index == 1 else { return nil }
        case .month: guard (1...12).contains(index) else { return nil }
        case .week: guard (1...52).contains(index) else { return nil }
        }
        guard (1...9999).contains(year) else { return nil }
        self.granularity = granularity
        self.year = year
        self.index = index
    }

    public static func year(_ year: Int) -> Period? { Period(granularity: .year, year: year) }
    public static func month(_ year: Int, _ month: Int) -> Period? { Period(granularity: .month, year: year, index: month) }

    /// Parses the labels `description` writes: `2024`, `2024-03`, `2024-W05`; also `2024-3` and `2024/03`.
    public init?(parsing text: some StringProtocol) {
        let trimmed = text.trimmingWhitespace()
        if let year = Int(trimmed) {
            self.init(granularity: .year, year: year)
            return
        }
        let separators: Set<Character> = ["-", "/"]
        guard let cut = trimmed.firstIndex(where: { separators.contains($0) }),
              let year = Int(trimmed[..<cut]) else { return nil }
        var rest = trimmed[trimmed.index(after: cut)...]
        if rest.first == "W" || rest.first == "w" {
            rest = rest.dropFirst()
            guard let week = Int(rest) else { return nil }
            self.init(granularity: .week, year: year, index: week)
            return
        }
        // `2024-03-01` style dates name their month.
        if let dash = rest.firstIndex(where: { separators.contains($0) }) {
            let day = rest[rest.index(after: dash)...]
            guard let dayNumber = Int(day), (1...31).contains(dayNumber) else { return nil }
            rest = rest[..<dash]
        }
        guard let month = Int(rest) else { return nil }
        self.init(granularity: .month, year: year, index: month)
    }

    /// A running number for stepping and ordering within one granularity.
    public var ordinal: Int { year * granularity.periodsPerYear + (index - 1) }

    /// The period `steps` periods later (earlier when negative).
    public func advanced(by steps: Int) -> Period {
        let total = ordinal + steps
        let perYear = granularity.periodsPerYear
        let year = total >= 0 ? total / perYear : (total - perYear + 1) / perYear
        let index = total - year * perYear + 1
        return Period(unchecked: granularity, year: year, index: index)
    }

    /// Number of periods from `self` to `other` (positive when `other` is later); both must share a granularity.
    public func distance(to other: Period) -> Int { other.ordinal - ordinal }

    /// The first day of the period as `YYYY-MM-DD`, for comparisons with dated facts such as control dates.
    public var startDate: String {
        switch granularity {
        case .year: return "\(Self.pad(year, 4))-01-01"
        case .month: return "\(Self.pad(year, 4))-\(Self.pad(index, 2))-01"
        case .week:
            // Day of year of the week's Monday approximated as 7*(w-1)+1; weeks are labels here, not dates.
            let day = min(7 * (index - 1) + 1, 365)
            let monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            var remaining = day
            var month = 1
            for days in monthDays where remaining > days {
                remaining -= days
                month += 1
            }
            return "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(remaining, 2))"
        }
    }

    /// The first day of the period as a calendar date, the day control statuses are asked for.
    public var startDay: CalendarDate {
        let parts = startDate.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return .earliest }
        return CalendarDate(year: parts[0], month: parts[1], day: parts[2]) ?? .earliest
    }

    /// The last day of the period as `YYYY-MM-DD`.
    public var endDate: String {
        switch granularity {
        case .year: return "\(Self.pad(year, 4))-12-31"
        case .month:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            let monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            return "\(Self.pad(year, 4))-\(Self.pad(index, 2))-\(Self.pad(monthDays[index - 1], 2))"
        case .week:
            return advanced(by: 1).startDate
        }
    }

    public var description: String {
        switch granularity {
        case .year: "\(Self.pad(year, 4))"
        case .month: "\(Self.pad(year, 4))-\(Self.pad(index, 2))"
        case .week: "\(Self.pad(year, 4))-W\(Self.pad(index, 2))"
        }
    }

    public static func < (lhs: Period, rhs: Period) -> Bool {
        if lhs.granularity != rhs.granularity {
            return lhs.startDate < rhs.startDate
        }
        return lhs.ordinal < rhs.ordinal
    }

    private init(unchecked granularity: Granularity, year: Int, index: Int) {
        self.granularity = granularity
        self.year = year
        self.index = index
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

extension Period: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let period = Period(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a period label: \(text)")
        }
        self = period
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks (no Foundation needed).
    func trimmingWhitespace() -> Substring {
        let view = Substring(self)
        guard let first = view.firstIndex(where: { !$0.isWhitespace }),
              let last = view.lastIndex(where: { !$0.isWhitespace }) else { return view[view.endIndex...] }
        return view[first...last]
    }
}
