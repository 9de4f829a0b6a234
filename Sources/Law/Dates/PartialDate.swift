/// A date known to the day, the month or only the year, as the sources give it ("February 2018", "CND 2019").
/// It stands for the interval of days it could be, so that the engine can say "not yet" before the interval,
/// "in force" after it and "unknown" inside it, instead of inventing a day.
public struct PartialDate: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Precision: String, Sendable, Hashable {
        case day, month, year
    }

    public let precision: Precision
    /// The earliest day the date can be.
    public let first: CalendarDate
    /// The latest day the date can be.
    public let last: CalendarDate

    public init(_ date: CalendarDate) {
        self.init(precision: .day, first: date, last: date)
    }

    private init(precision: Precision, first: CalendarDate, last: CalendarDate) {
        self.precision = precision
        self.first = first
        self.last = last
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    public init(parsing text: String) throws(DateParseError) {
        let bytes = Array(text.utf8)
        switch bytes.count {
        case 10:
            self.init(try CalendarDate(parsing: text))
        case 7:
            guard bytes[4] == UInt8(ascii: "-"), let y = CalendarDate.number(bytes[0..<4]),
                  let m = CalendarDate.number(bytes[5..<7]), let start = CalendarDate(year: y, month: m, day: 1),
                  let end = CalendarDate(year: y, month: m, day: CalendarDate.daysInMonth(year: y, month: m)) else {
                throw DateParseError(text: text, reason: "expected a month written YYYY-MM")
            }
            self.init(precision: .month, first: start, last: end)
        case 4:
            guard let y = CalendarDate.number(bytes[0..<4]), let start = CalendarDate(year: y, month: 1, day: 1),
                  let end = CalendarDate(year: y, month: 12, day: 31) else {
                throw DateParseError(text: text, reason: "expected a year written YYYY")
            }
            self.init(precision: .year, first: start, last: end)
        default:
            throw DateParseError(text: text, reason: "expected YYYY-MM-DD, YYYY-MM or YYYY")
        }
    }

    /// The exact day, when the date is known to the day.
    public var exactDay: CalendarDate? { precision == .day ? first : nil }

    public var description: String {
        switch precision {
        case .day: return first.description
        case .month: return String(first.description.prefix(7))
        case .year: return String(first.description.prefix(4))
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try PartialDate(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
