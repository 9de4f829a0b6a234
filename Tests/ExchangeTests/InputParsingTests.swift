import Exchange
import Foundation
import Testing

struct InputParsingTests {
    let limits = InputLimits()

    func json(_ text: String) throws -> JSONValue { try JSONValue.parse(Data(text.utf8)) }

    static let minimal = #"{"distribution":{"level":"agency"},"tlp":"amber","date":"2025-03-01","place":{"country":"US"},"substances":[{"name":"fentanyl"}]}"#

    func parseError(_ text: String) -> ExchangeError? {
        do {
            _ = try SeizureDraft.parse(try json(text), limits: limits, forUpdate: false)
            return nil
        } catch let error as ExchangeError {
            return error
        } catch {
            return ExchangeError(.internal, code: "unexpected", "\(error)")
        }
    }

    @Test func minimalSeizureParses() throws {
        let draft = try SeizureDraft.parse(try json(Self.minimal), limits: limits, forUpdate: false)
        #expect(draft.place.country == "US")
        #expect(draft.substances.first?.name == "fentanyl")
        #expect(draft.sharing.tlp == .amber)
    }

    @Test func malformedJSONIsRefused() {
        #expect(throws: ExchangeError.self) { try JSONValue.parse(Data("{\"a\":".utf8)) }
        #expect(throws: ExchangeError.self) { try JSONValue.parse(Data()) }
    }

    @Test("each problem names its field", arguments: [
        (#"{"distribution":{"level":"agency"},"tlp":"amber","date":"2025-03-01","place":{"country":"US"},"substances":[{"name":"f"}],"colour":"red"}"#, "colour", "unknown_field"),
        (#"{"distribution":{"level":"agency"},"tlp":"amber","date":"2025-02-30","place":{"country":"US"},"substances":[{"name":"f"}]}"#, "date", "invalid_value"),
        (#"{"distribution":{"level":"agency"},"tlp":"amber","date":"2025-03-01","place":{"country":"usa"},"substances":[{"name":"f"}]}"#, "place.country", "too_long"),
        (#"{"distribution":{"level":"agency"},"tlp":"amber","date":"2025-03-01","place":{"country":"us"},"substances":[{"name":"f"}]}"#, "place.country", "invalid_value"),
        (#"{"distribution":{"level":"agency"},"tlp":"amber","date":"2025-03-01","place":{"country":"US"},"substances":[{}]}"#, "substances[0]", "missing_field"),
        (#"{"distribution":{"level":"agency"},"tlp":"amber","date":"2025-03-01","place":{"country":"US"},"substances":[{"name":5}]}"#, "substances[0].name", "wrong_type"),
        (#"{"distribution":{"level":"agency"},"tlp":"amber","date":"2025-03-01","place":{"country":"US"},"substances":[{"name":"f"}],"quantity":{"amount":"2","unit":"kg"}}"#, "quantity.amount", "wrong_type"),
        (#"{"distribution":{"level":"agency"},"tlp":"amber","date":"2025-03-01","place":{"country":"US"},"substances":[{"name":"f"}],"quantity":{"amount":2,"unit":"lb"}}"#, "quantity.unit", "invalid_value"),
        (#"{"distribution":{"level":"agency"},"tlp":"amber","date":"2025-03-01","place":{"country":"US"},"substances":[{"name":"f"}],"purity_percent":101}"#, "purity_percent", "out_of_range"),
        (#"{"distribution":{"level":"everyone"},"tlp":"amber","date":"2025-03-01","place":{"country":"US"},"substances":[{"name":"f"}]}"#, "distribution.level", "invalid_value"),
        (#"{"distribution":{"level":"partners"},"tlp":"red","date":"2025-03-01","place":{"country":"US"},"substances":[{"name":"f"}]}"#, "tlp", "tlp_distribution_conflict"),
        (#"{"distribution":{"level":"agency"},"date":"2025-03-01","place":{"country":"US"},"substances":[{"name":"f"}]}"#, "tlp", "missing_field"),
        (#"{"distribution":{"level":"agency"},"tlp":"amber","date":"2025-03-01","place":{"country":"US"},"substances":[{"name":"f"}],"grading":{"source_reliability":"G","information_credibility":"1"}}"#, "grading.source_reliability", "invalid_value"),
        (#"{"distribution":{"level":"agency"},"tlp":"amber","date":"2025-03-01","place":{"country":"US","coordinates":{"latitude":91,"longitude":0}},"substances":[{"name":"f"}]}"#, "place.coordinates.latitude", "out_of_range"),
        (#"{"distribution":{"level":"agency"},"tlp":"amber","date":"2025-03-01","place":{"country":"US"},"substances":[{"name":"f"}],"case_id":"x'; DROP TABLE records;--"}"#, "case_id", "invalid_value"),
        (#"[1,2]"#, "$", "wrong_type"),
    ])
    func fieldErrors(body: String, field: String, code: String) {
        let error = parseError(body)
        #expect(error?.field == field, "\(String(describing: error))")
        #expect(error?.code == code)
        #expect(error?.category == .invalid)
    }

    @Test func longTextIsRefusedNotTruncated() {
        let notes = String(repeating: "x", count: limits.maxLongText + 1)
        let body = Self.minimal.dropLast() + #","notes":"\#(notes)"}"#
        let error = parseError(String(body))
        #expect(error?.code == "too_long")
        #expect(error?.field == "notes")
    }

    @Test func tooManyItemsAreRefused() {
        let items = Array(repeating: #"{"name":"x"}"#, count: limits.maxListItems + 1).joined(separator: ",")
        let body = #"{"distribution":{"level":"agency"},"tlp":"amber","date":"2025-03-01","place":{"country":"US"},"substances":[\#(items)]}"#
        #expect(parseError(body)?.code == "too_many_items")
    }

    @Test func sqlMetacharactersAreKeptVerbatim() throws {
        let text = #"Robert'); DROP TABLE records;-- \" % _ \\"#
        let body = #"{"distribution":{"level":"agency"},"tlp":"amber","date":"2025-03-01","place":{"country":"US","city":"\#(text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))"},"substances":[{"name":"f"}]}"#
        let draft = try SeizureDraft.parse(try json(body), limits: limits, forUpdate: false)
        #expect(draft.place.city == text)
    }

    @Test func updatesNeedTheVersion() {
        #expect(throws: ExchangeError.self) { try SeizureDraft.parse(try json(Self.minimal), limits: limits, forUpdate: true) }
    }
}
