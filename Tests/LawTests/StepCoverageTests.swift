@testable import Law
import Testing

/// The engine's reading of dated steps, on synthetic histories whose answers follow from the rules in
/// `StepCoverage`'s documentation.
@Suite("Step coverage")
struct StepCoverageTests {
    static func step(_ kind: ListingStep.Kind, effective: String? = nil, unknown: String? = nil, notBefore: String? = nil,
                     inForce: String? = nil, until: String? = nil, lapsed: Bool = false, continues: Bool = false) -> ListingStep {
        ListingStep(kind: kind, effective: effective.flatMap { try? PartialDate(parsing: $0) }, effectiveUnknown: unknown,
                    notBefore: notBefore.flatMap { try? CalendarDate(parsing: $0) },
                    inForce: inForce.flatMap { try? CalendarDate(parsing: $0) }.map { .init(date: $0, source: "test source") },
                    until: until.flatMap { try? CalendarDate(parsing: $0) }, untilNote: nil, lapsed: lapsed,
                    continues: continues, citation: Citation(text: "test citation"), note: nil)
    }

    static func state(_ steps: [ListingStep], _ day: String) throws -> StepState {
        StepCoverage(steps: steps).state(on: try CalendarDate(parsing: day))
    }

    @Test("a permanent listing: not yet the day before, in force on the day and after")
    func permanent() throws {
        let steps = [Self.step(.permanent, effective: "2017-06-07")]
        #expect(try Self.state(steps, "2017-06-06") == .notYet(from: CalendarDate(parsing: "2017-06-07")))
        #expect(try Self.state(steps, "2017-06-07") == .inForce(since: CalendarDate(parsing: "2017-06-07"), sinceIsLowerBound: false, step: 0))
        #expect(try Self.state(steps, "2030-01-01").isInForce)
    }

    @Test("a temporary order that lapses ends; one whose sequel is unrecorded becomes unknown")
    func temporaryEnd() throws {
        let lapsed = [Self.step(.temporary, effective: "2016-05-12", until: "2018-05-12", lapsed: true)]
        #expect(try Self.state(lapsed, "2018-05-12").isInForce)
        #expect(try Self.state(lapsed, "2018-05-13") == .ended(on: CalendarDate(parsing: "2018-05-13"), step: 0))
        let open = [Self.step(.temporary, effective: "2016-05-12", until: "2018-05-12")]
        guard case .unknown(let step, let reason) = try Self.state(open, "2018-05-13") else {
            Issue.record("expected unknown")
            return
        }
        #expect(step == 0)
        #expect(reason.contains("2018-05-12"))
    }

    @Test("a gap between a temporary order and a later permanent rule is not controlled only if the lapse is recorded")
    func gap() throws {
        let steps = [Self.step(.temporary, effective: "2021-03-01", until: "2023-03-01", lapsed: true),
                     Self.step(.permanent, effective: "2023-03-06")]
        #expect(try Self.state(steps, "2023-03-03") == .ended(on: CalendarDate(parsing: "2023-03-02"), step: 0))
        #expect(try Self.state(steps, "2023-03-06") == .inForce(since: CalendarDate(parsing: "2023-03-06"), sinceIsLowerBound: false, step: 1))
    }

    @Test("continuing steps form one uninterrupted run, even across an extension of unknown length")
    func continuation() throws {
        let steps = [Self.step(.temporary, effective: "2018-02-01", until: "2020-02-01"),
                     Self.step(.extension, continues: true),
                     Self.step(.permanent, effective: "2020-11-25", continues: true)]
        for day in ["2018-02-01", "2020-02-02", "2020-06-30", "2020-11-25", "2024-01-01"] {
            #expect(try Self.state(steps, day) == .inForce(since: CalendarDate(parsing: "2018-02-01"), sinceIsLowerBound: false,
                                                           step: day < "2020-02-02" ? 0 : (day < "2020-11-25" ? 1 : 2)))
        }
        // Without the continuation of the permanent step, the months after the extension began are unknown.
        let broken = [steps[0], steps[1], Self.step(.permanent, effective: "2020-11-25")]
        guard case .unknown = try Self.state(broken, "2020-06-30") else {
            Issue.record("expected unknown")
            return
        }
        #expect(try Self.state(broken, "2020-11-25").isInForce)
    }

    @Test("an unknown effective date with a publication date and an attestation: not yet, unknown, then in force")
    func attestation() throws {
        let steps = [Self.step(.listing, unknown: "not recorded", notBefore: "2007-04-23", inForce: "2020-05-15")]
        #expect(try Self.state(steps, "2007-04-22") == .notYet(from: CalendarDate(parsing: "2007-04-23")))
        guard case .unknown(_, let reason) = try Self.state(steps, "2010-01-01") else {
            Issue.record("expected unknown")
            return
        }
        #expect(reason.contains("not recorded"))
        #expect(try Self.state(steps, "2020-05-15") == .inForce(since: CalendarDate(parsing: "2020-05-15"), sinceIsLowerBound: true, step: 0))
    }

    @Test("no date at all: unknown on every day, never 'not controlled'")
    func undated() throws {
        let steps = [Self.step(.listing, unknown: "edition not retrieved")]
        for day in ["1900-01-01", "2024-06-01"] {
            guard case .unknown = try Self.state(steps, day) else {
                Issue.record("expected unknown on \(day)")
                continue
            }
        }
    }

    @Test("a month-precision date: not yet before the month, unknown inside it, in force after it")
    func monthPrecision() throws {
        let steps = [Self.step(.listing, effective: "2018-02")]
        #expect(try Self.state(steps, "2018-01-31") == .notYet(from: CalendarDate(parsing: "2018-02-01")))
        guard case .unknown = try Self.state(steps, "2018-02-14") else {
            Issue.record("expected unknown inside the month")
            return
        }
        #expect(try Self.state(steps, "2018-02-28") == .inForce(since: CalendarDate(parsing: "2018-02-28"), sinceIsLowerBound: true, step: 0))
    }

    @Test("a removal ends control on its day")
    func removal() throws {
        let steps = [Self.step(.permanent, effective: "1971-05-01"), Self.step(.removal, effective: "2019-01-01")]
        #expect(try Self.state(steps, "2018-12-31").isInForce)
        #expect(try Self.state(steps, "2019-01-01") == .ended(on: CalendarDate(parsing: "2019-01-01"), step: 1))
    }

    @Test("amendments change scope, not status")
    func amendment() throws {
        let steps = [Self.step(.permanent, effective: "2020-05-15"), Self.step(.amendment, unknown: "not retrieved", notBefore: "2023-10-31")]
        #expect(try Self.state(steps, "2024-01-01") == .inForce(since: CalendarDate(parsing: "2020-05-15"), sinceIsLowerBound: false, step: 0))
    }

    @Test("the next certain start after a day")
    func nextStart() throws {
        let coverage = StepCoverage(steps: [Self.step(.announcement, effective: "2019-05-01")])
        #expect(coverage.nextCertainStart(after: try CalendarDate(parsing: "2019-01-01")) == (try CalendarDate(parsing: "2019-05-01")))
        #expect(coverage.nextCertainStart(after: try CalendarDate(parsing: "2019-05-01")) == nil)
    }
}
