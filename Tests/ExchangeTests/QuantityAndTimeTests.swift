import Exchange
import Law
import Testing

struct QuantityAndTimeTests {
    @Test("units normalise to grams, millilitres or tablets", arguments: [
        (2.5, QuantityUnit.kg, 2500.0, NormalizedUnit.g),
        (750, .mg, 0.75, .g),
        (12, .g, 12, .g),
        (40, .mL, 40, .mL),
        (1000, .tablets, 1000, .tablets),
    ])
    func normalisation(amount: Double, unit: QuantityUnit, value: Double, normalized: NormalizedUnit) {
        let q = Quantity(amount: amount, unit: unit)
        #expect(abs(q.normalized.value - value) < 1e-9)
        #expect(q.normalized.unit == normalized)
    }

    @Test func spellingsAreAccepted() {
        #expect(QuantityUnit(spelling: "Kilograms") == .kg)
        #expect(QuantityUnit(spelling: "ML") == .mL)
        #expect(QuantityUnit(spelling: "pound") == nil)
    }

    @Test func calendarDatesValidateAndRoundTrip() {
        #expect(CalendarDate(iso: "2024-02-29") != nil)
        #expect(CalendarDate(iso: "2023-02-29") == nil)
        #expect(CalendarDate(iso: "2023-13-01") == nil)
        #expect(CalendarDate(iso: "2023-1-01") == nil)
        for days in [-1, 0, 1, 19_000, 20_513, 2_932_896] {
            let date = CalendarDate(dayNumber: days)
            #expect(date?.dayNumber == days)
            #expect(date.flatMap { CalendarDate(iso: $0.description) } == date)
        }
        #expect(CalendarDate(dayNumber: 0)?.description == "1970-01-01")
        #expect(CalendarDate(dayNumber: 19_782)?.description == "2024-02-29")
        // A timestamp's day is the law's CalendarDate: the seizure date and the classification day are one type.
        #expect(Timestamp(millisecondsSinceEpoch: 1_709_210_096_789).calendarDate == CalendarDate(iso: "2024-02-29"))
    }

    @Test func timestampsRoundTrip() {
        let t = Timestamp(millisecondsSinceEpoch: 1_709_210_096_789)
        #expect(t.description == "2024-02-29T12:34:56.789Z")
        #expect(Timestamp(rfc3339: t.description) == t)
        #expect(Timestamp(rfc3339: "2024-02-29T12:34:56Z")?.millisecondsSinceEpoch == 1_709_210_096_000)
        #expect(Timestamp(rfc3339: "2024-02-29T12:34:56+01:00") == nil)
        #expect(Timestamp(rfc3339: "2024-02-29T25:00:00Z") == nil)
    }
}
