import Law
import Testing

/// Every listing determines to itself before, on and after its dates, and known histories read as the
/// Federal Register, the CND and the Chinese announcements record them.
@Suite("Listing status over time")
struct ListingStatusTests {
    static func state(_ id: String, _ day: String) throws -> StepState {
        let kb = try Fixture.knowledgeBase()
        let listing = try #require(kb.listing(id: id), "no listing \(id)")
        return StepCoverage(steps: listing.steps).state(on: try Fixture.date(day))
    }

    @Test("every listing with a known first day: not yet the day before, in force on it and the day after")
    func everyDatedListing() throws {
        let kb = try Fixture.knowledgeBase()
        var checked = 0
        for listing in kb.listings {
            guard let first = listing.steps.first, let day = first.effective?.exactDay, first.notBefore == nil else { continue }
            let coverage = StepCoverage(steps: listing.steps)
            #expect(coverage.state(on: day.adding(days: -1)) == .notYet(from: day), "\(listing.id)")
            #expect(coverage.state(on: day).isInForce, "\(listing.id) on \(day)")
            #expect(coverage.state(on: day.adding(days: 1)).isInForce, "\(listing.id) after \(day)")
            checked += 1
        }
        #expect(checked >= 60)
    }

    @Test("every listing in force on some day determines its substance to itself in its jurisdiction, its salt and stereo forms too")
    func everyListingDeterminesToItself() throws {
        let kb = try Fixture.knowledgeBase()
        let evaluator = SubstanceStatusEvaluator(knowledgeBase: kb)
        var checked = 0
        for listing in kb.listings where listing.form != .preparation {
            let coverage = StepCoverage(steps: listing.steps)
            // A day on which the listing is certainly in force: its first certain day, or an attested day.
            let candidates = listing.steps.compactMap { $0.effective?.last } + listing.steps.compactMap { $0.inForce?.date }
            guard let day = candidates.sorted().first(where: { coverage.state(on: $0).isInForce }) else { continue }
            let status = evaluator.status(ofSubstance: listing.substance, in: listing.jurisdiction, on: day)
            let expected: ControlStatus = kb.list(code: listing.list)?.control == .precursor ? .precursor : .scheduled
            // The substance is controlled that day; by this listing, or by another of its listings in force
            // (the compound rather than a salt-only listing; a drug schedule rather than a precursor list).
            #expect(status.status == .scheduled || status.status == expected, "\(listing.id) on \(day): \(status.explanation)")
            #expect(status.basis == .listing, "\(listing.id)")
            let inForceIDs = ([status.listing?.id] + status.alsoListed.map(\.id)).compactMap { $0 }
            #expect(inForceIDs.contains(listing.id), "\(listing.id) on \(day): \(inForceIDs)")
            checked += 1
        }
        #expect(checked >= 150)
    }

    @Test("acetyl fentanyl in the US: temporary order of 2015 (date unknown), permanent from 2017-06-07")
    func acetylFentanyl() throws {
        #expect(try Self.state("us-1-acetylfentanyl", "2015-07-16") == .notYet(from: Fixture.date("2015-07-17")))
        guard case .unknown = try Self.state("us-1-acetylfentanyl", "2016-01-01") else {
            Issue.record("the 2015 temporary order's effective date is not recorded: expected unknown")
            return
        }
        #expect(try Self.state("us-1-acetylfentanyl", "2017-06-07") == .inForce(since: Fixture.date("2017-06-07"), sinceIsLowerBound: true, step: 1))
    }

    @Test("valeryl fentanyl: temporary 2018-02-01, extended, permanent 2020-11-25, without a gap")
    func valerylFentanyl() throws {
        #expect(try Self.state("us-1-valerylfentanyl", "2018-01-31") == .notYet(from: Fixture.date("2018-02-01")))
        for day in ["2018-02-01", "2020-02-01", "2020-02-02", "2020-08-01", "2020-11-25", "2025-01-01"] {
            guard case .inForce(let since, _, _) = try Self.state("us-1-valerylfentanyl", day) else {
                Issue.record("not in force on \(day)")
                continue
            }
            #expect(since == (try Fixture.date("2018-02-01")))
        }
    }

    @Test("beta-hydroxythiofentanyl: extended through 2019-05-12, then unknown (the sequel is not recorded)")
    func betaHydroxythiofentanyl() throws {
        #expect(try Self.state("us-1-beta-hydroxythiofentanyl", "2019-05-12").isInForce)
        guard case .unknown(_, let reason) = try Self.state("us-1-beta-hydroxythiofentanyl", "2019-05-13") else {
            Issue.record("expected unknown after the extension")
            return
        }
        #expect(reason.contains("2019-05-12"))
    }

    @Test("China: carfentanil from 2017-03-01; NPP and 4-ANPP from February 2018 (day unknown)")
    func china() throws {
        #expect(try Self.state("cn-nps-carfentanil", "2017-02-28") == .notYet(from: Fixture.date("2017-03-01")))
        #expect(try Self.state("cn-nps-carfentanil", "2017-03-01").isInForce)
        #expect(try Self.state("cn-precursor-npp", "2018-01-31") == .notYet(from: Fixture.date("2018-02-01")))
        guard case .unknown = try Self.state("cn-precursor-anpp", "2018-02-10") else {
            Issue.record("expected unknown inside February 2018")
            return
        }
        #expect(try Self.state("cn-precursor-anpp", "2018-03-01").isInForce)
        // Fentanyl on the medical list: known in force from the 2025 white paper; earlier dates are not recorded.
        #expect(try Self.state("cn-narcotic-fentanyl", "2025-03-04").isInForce)
        guard case .unknown = try Self.state("cn-narcotic-fentanyl", "2020-01-01") else {
            Issue.record("expected unknown before the attestation")
            return
        }
    }

    @Test("UN: CND 2018 decisions unknown during March 2018, in force after; fentanyl in the year 1964")
    func unitedNations() throws {
        #expect(try Self.state("un61-1-carfentanil", "2018-02-28") == .notYet(from: Fixture.date("2018-03-01")))
        #expect(try Self.state("un61-1-carfentanil", "2018-04-01").isInForce)
        #expect(try Self.state("un61-4-carfentanil", "2018-04-01").isInForce)
        #expect(try Self.state("un61-1-fentanyl", "1963-12-31") == .notYet(from: Fixture.date("1964-01-01")))
        #expect(try Self.state("un61-1-fentanyl", "1965-01-01").isInForce)
        #expect(try Self.state("un88-1-norfentanyl", "2022-04-01").isInForce)
        guard case .unknown = try Self.state("un88-1-4-piperidone", "2025-01-01") else {
            Issue.record("the CND decision on 4-piperidone was not retrieved: expected unknown")
            return
        }
        #expect(try Self.state("un88-1-4-piperidone", "2024-03-18") == .notYet(from: Fixture.date("2024-03-19")))
    }
}
