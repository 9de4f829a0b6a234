import Law
import Testing

@Suite("Calendar dates")
struct CalendarDateTests {
    @Test("ISO dates parse exactly and print back", arguments: ["2018-02-06", "2000-02-29", "1964-12-13", "0001-01-01", "9999-12-31"])
    func roundTrip(_ text: String) throws {
        let date = try CalendarDate(parsing: text)
        #expect(date.description == text)
    }

    @Test("malformed or impossible dates are rejected with the text and the reason",
          arguments: ["2023-02-29", "1900-02-29", "2018-13-01", "2018-00-10", "2018-04-31", "2018-2-6", "2018/02/06",
                      "20180206", "", "2018-02-06T00:00", "abcd-ef-gh", "0000-01-01", "2018-02-6 "])
    func rejected(_ text: String) {
        do {
            _ = try CalendarDate(parsing: text)
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.text == text)
            #expect(!error.reason.isEmpty)
        }
    }

    @Test("day numbers count days from 1970-01-01 and invert")
    func dayNumbers() throws {
        #expect(try CalendarDate(parsing: "1970-01-01").dayNumber == 0)
        #expect(try CalendarDate(parsing: "2000-03-01").dayNumber == 11_017)
        #expect(try CalendarDate(parsing: "1969-12-31").dayNumber == -1)
        var previous: CalendarDate?
        for n in stride(from: -719_162, through: 2_932_896, by: 997) {
            let d = try #require(CalendarDate(dayNumber: n))
            #expect(d.dayNumber == n)
            if let p = previous { #expect(p < d) }
            previous = d
        }
        #expect(CalendarDate(dayNumber: -719_163) == nil)
        #expect(CalendarDate(dayNumber: 2_932_897) == nil)
    }

    @Test("adding days crosses month, year and leap-day boundaries and clamps at the ends")
    func addingDays() throws {
        #expect(try CalendarDate(parsing: "2020-02-28").adding(days: 1).description == "2020-02-29")
        #expect(try CalendarDate(parsing: "2021-02-28").adding(days: 1).description == "2021-03-01")
        #expect(try CalendarDate(parsing: "2019-12-31").adding(days: 1).description == "2020-01-01")
        #expect(try CalendarDate(parsing: "2018-02-06").adding(days: -37).description == "2017-12-31")
        #expect(CalendarDate.latest.adding(days: 5) == .latest)
        #expect(CalendarDate.earliest.adding(days: -5) == .earliest)
    }

    @Test("partial dates stand for the days they can be")
    func partialDates() throws {
        let month = try PartialDate(parsing: "2018-02")
        #expect(month.precision == .month)
        #expect(month.first.description == "2018-02-01")
        #expect(month.last.description == "2018-02-28")
        #expect(month.exactDay == nil)
        #expect(month.description == "2018-02")
        let leap = try PartialDate(parsing: "2024-02")
        #expect(leap.last.description == "2024-02-29")
        let year = try PartialDate(parsing: "1964")
        #expect(year.first.description == "1964-01-01")
        #expect(year.last.description == "1964-12-31")
        let day = try PartialDate(parsing: "2019-05-01")
        #expect(day.exactDay?.description == "2019-05-01")
        for bad in ["2018-13", "18-02", "2018-2", "201", "2018-02-30", "x018"] {
            #expect(throws: DateParseError.self) { try PartialDate(parsing: bad) }
        }
    }
}
