/// A day in the proleptic Gregorian calendar, with no time of day and no time zone: the unit in which laws
/// take effect. Comparing, hashing and counting days never depend on where the program runs.
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Builds a date, or `nil` when the day does not exist (2023-02-29, month 13) or the year is outside
    /// 1...9999 (the range ISO dates can be written in without a sign).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CalendarDate.daysInMonth(year: year, month: month) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` exactly (ten characters, real day), as dates are written in the knowledge base and
    /// on the command line.
    public init(parsing text: String) throws(DateParseError) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
            throw DateParseError(text: text, reason: "expected a date written YYYY-MM-DD")
        }
        guard let y = CalendarDate.number(bytes[0..<4]), let m = CalendarDate.number(bytes[5..<7]),
              let d = CalendarDate.number(bytes[8..<10]) else {
            throw DateParseError(text: text, reason: "expected digits in YYYY-MM-DD")
        }
        guard let date = CalendarDate(year: y, month: m, day: d) else {
            throw DateParseError(text: text, reason: "no such day")
        }
        self = date
    }

    /// Days since 1970-01-01 (negative before), so that date arithmetic is integer arithmetic.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `dayNumber` days after 1970-01-01; `nil` outside years 1...9999.
    public init?(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.init(year: y, month: m, day: d)
    }

    /// The date `days` later (earlier when negative), clamped to the representable range.
    public func adding(days: Int) -> CalendarDate {
        CalendarDate(dayNumber: dayNumber + days) ?? (days < 0 ? .earliest : .latest)
    }

    /// The first representable day, used as "since always" in interval arithmetic.
    public static let earliest = CalendarDate(uncheckedYear: 1, month: 1, day: 1)
    /// The last representable day, used as "for ever" in interval arithmetic.
    public static let latest = CalendarDate(uncheckedYear: 9999, month: 12, day: 31)

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public var description: String {
        CalendarDate.pad(year, 4) + "-" + CalendarDate.pad(month, 2) + "-" + CalendarDate.pad(day, 2)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try CalendarDate(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    private init(uncheckedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for b in digits {
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(b - UInt8(ascii: "0"))
        }
        return value
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}

/// A date that could not be read, with the text and what was wrong with it.
public struct DateParseError: Error, Sendable, Hashable, CustomStringConvertible {
    public let text: String
    public let reason: String
    public var description: String { "'\(text)': \(reason)" }
}
