import Law
import Testing

@Suite("Timelines and gaps")
struct TimelineAndGapTests {
    @Test("a timeline lists every step of every listing of the substance, oldest first, with its citation")
    func timeline() throws {
        let kb = try Fixture.knowledgeBase()
        let t = SubstanceTimeline(substance: "carfentanil", knowledgeBase: kb)
        let jurisdictions = Set(t.events.map(\.jurisdiction))
        #expect(jurisdictions == ["US", "CN", "UN"])
        let dated = t.events.compactMap(\.sortDate)
        #expect(dated == dated.sorted())
        #expect(t.events.allSatisfy { !$0.step.citation.text.isEmpty })
        #expect(t.events.contains { $0.listing?.id == "cn-nps-carfentanil" && $0.step.effective?.description == "2017-03-01" })
        // Undated steps come last.
        if let firstUndated = t.events.firstIndex(where: { $0.sortDate == nil }) {
            #expect(t.events[firstUndated...].allSatisfy { $0.sortDate == nil })
        }
    }

    @Test("a timeline includes the class rules that controlled the substance, not those its listing kept it out of")
    func classInTimeline() throws {
        let kb = try Fixture.knowledgeBase()
        let acetyl = SubstanceTimeline(substance: "acetylfentanyl", knowledgeBase: kb)
        #expect(acetyl.events.contains { $0.rule?.id == "cn-frs" && $0.criteria.map(\.id) == ["1"] })
        // Listed in the US since 2017, before the class order of 2018: never controlled by the class there.
        #expect(!acetyl.events.contains { $0.rule?.id == "us-frs" })
        #expect(acetyl.events.contains { $0.listing?.id == "us-1-acetylfentanyl" && $0.step.kind == .permanent })
        // beta-Methyl fentanyl was controlled by the US class before its own listing of 2021.
        let betaMethyl = SubstanceTimeline(substance: "beta-methyl-fentanyl", knowledgeBase: kb)
        let order = betaMethyl.events.map { $0.rule?.id ?? $0.listing?.id ?? "" }
        let classStart = try #require(order.firstIndex(of: "us-frs"))
        let listing = try #require(order.firstIndex(of: "us-1-beta-methyl-fentanyl"))
        #expect(classStart < listing)
        // A continuation without its own date sorts after the step it continues, not at the end.
        let continuation = try #require(betaMethyl.events.firstIndex { $0.rule?.id == "us-frs" && $0.step.effective == nil })
        #expect(betaMethyl.events[continuation].sortDate == (try Fixture.date("2021-10-23")))
    }

    @Test("gaps between the US and China at the end of 2018 close on 2019-05-01 for class members")
    func gaps2018() throws {
        let kb = try Fixture.knowledgeBase()
        let gaps = GapAnalysis(knowledgeBase: kb).gaps(on: try Fixture.date("2018-12-31"), between: [.unitedStates, .china])
        let acetyl = try #require(gaps.first { $0.substance == "acetylfentanyl" })
        #expect(acetyl.statuses.map(\.jurisdiction) == ["US", "CN"])
        #expect(acetyl.statuses[0].status == .scheduled)
        #expect(acetyl.statuses[1].status != .scheduled)
        let closing = try #require(acetyl.closings.first)
        #expect(closing.jurisdiction == .china)
        #expect(closing.date == (try Fixture.date("2019-05-01")))
        #expect(closing.ref == "cn-frs")
        // Substances controlled in both are not gaps.
        #expect(!gaps.contains { $0.substance == "carfentanil" })
    }

    @Test("every gap has a controlled side with its basis and an open side; unknown sides make it uncertain")
    func gapsBothWays() throws {
        let kb = try Fixture.knowledgeBase()
        let gaps = GapAnalysis(knowledgeBase: kb).gaps(on: try Fixture.date("2024-06-01"), between: [.unitedStates, .china])
        for gap in gaps {
            #expect(gap.statuses.contains { $0.status == .scheduled || $0.status == .precursor })
            #expect(gap.statuses.contains { $0.status == .notControlled || $0.status == .unknown })
            #expect(gap.isCertain == !gap.statuses.contains { $0.status == .unknown })
        }
        // Every controlled side says what it rests on and cites it.
        for status in gaps.flatMap(\.statuses) where status.status == .scheduled || status.status == .precursor {
            #expect(status.basis != nil && status.citation != nil, "\(status.explanation)")
        }
        // Benzylfentanyl: a US List I chemical and a class member in China, so no gap.
        #expect(!gaps.contains { $0.substance == "benzylfentanyl" })
        // Bucinnazine is on China's narcotic list without a recorded date: unknown there, so it cannot open a gap.
        #expect(!gaps.contains { $0.substance == "bucinnazine" })
    }
}
