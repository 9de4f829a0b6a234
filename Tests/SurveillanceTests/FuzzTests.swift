import Law
import Testing
@testable import Surveillance

/// Random and mutated input never traps: importers report issues, detectors throw or answer.
@Suite("Fuzzing")
struct FuzzTests {
    /// SplitMix64, so failures reproduce from the seed.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let samples: [(SourceFormat, String)] = [
        (.nflis, "LABTYPE,RPTAGGR,YYYY,PERIOD,DRUG_REPORTS,QUERY_RUN_DATE,SUBSTANCE_ID,SUBSTANCE_DESCRIPTION,BASE_ID,BASE_DESCRIPTION,DRUG_CATEGORY_CODE,DRUG_CATEGORY_DESCRIPTION,STATE,STATE_LONG_NAME,STATE_FIPS\n\"L,S\",D,2019,2019,12,x,1,\"FENTANYL (A; B)\",1,Fentanyl,33,c,OH,Ohio,39\n"),
        (.dose, "jurisdiction,month,year,time_frame,dataset,count_alldrug,count_opioid\nAK,3,2019,monthly,ED,12,suppressed\nAK,all,2019,annual,HOSP,NA,4\n"),
        (.cbp, "FY,Month (abbv),Component,Region,Land Filter,Area of Responsibility,Drug Type,Count of Event,Sum Qty (lbs)\n2020,OCT,O,R,L,SAN DIEGO FIELD OFFICE,Fentanyl,3,1.5\n"),
        (.vsrr, "State,Year,Month,Period,Indicator,Data Value,Percent Complete,Percent Pending Investigation,State Name,Footnote,Footnote Symbol,Predicted Value\nAK,2022,January,12 month-ending,\"Opioids (T40.0-T40.4,T40.6)\",\"1,268\",100,0.3,Alaska,,,\n"),
        (.accord, "date,place,substance,structure,quantity_g\n2024-03-05,US,fentanyl,CCC,12.5\n"),
    ]

    static let alphabet: [Character] = Array("0123456789,\"\n\r -;()abcXYZ.%NA\u{FEFF}é")

    static func mutate(_ text: String, using rng: inout Generator) -> String {
        var characters = Array(text)
        for _ in 0..<Int.random(in: 1...8, using: &rng) {
            guard !characters.isEmpty else { break }
            let position = Int.random(in: 0..<characters.count, using: &rng)
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: characters.remove(at: position)
            case 1: characters.insert(alphabet.randomElement(using: &rng) ?? "x", at: position)
            case 2: characters[position] = alphabet.randomElement(using: &rng) ?? "x"
            default:
                let end = min(characters.count, position + Int.random(in: 1...20, using: &rng))
                characters.insert(contentsOf: characters[position..<end], at: end)
            }
        }
        return String(characters)
    }

    @Test("mutated files are imported or reported, never crash", arguments: 0..<5)
    func importers(sample: Int) throws {
        var rng = Generator(state: UInt64(sample) &* 7919 &+ 17)
        let (format, text) = Self.samples[sample]
        for _ in 0..<400 {
            let input = Self.mutate(text, using: &rng)
            do {
                var count = 0
                let report = try SurveillanceImporter.importText(format, text: input) { _ in count += 1 }
                #expect(report.observations == count)
                #expect(report.issues.allSatisfy { $0.record >= 2 })
            } catch is ImportError {
                // A damaged header is an acceptable, named failure.
            }
            _ = try? CountSeriesReader.read(text: input)
            _ = Period(parsing: input)
            _ = NameNormalizer.keys(input)
        }
    }

    @Test("detectors answer or throw on random, sparse and constant series")
    func detectors() {
        var rng = Generator(state: 42)
        for round in 0..<60 {
            let n = Int.random(in: 0...140, using: &rng)
            let kind = round % 4
            let counts: [Double] = (0..<n).map { _ in
                switch kind {
                case 0: Double(Int.random(in: 0...3, using: &rng))
                case 1: Double.random(in: 0...1, using: &rng) < 0.9 ? 0 : Double(Int.random(in: 1...50, using: &rng))
                case 2: 4
                default: Double(Int.random(in: 0...100_000, using: &rng))
                }
            }
            for method in EARS.Method.allCases {
                if let points = try? EARS.detect(counts, parameters: EARS.Parameters(method: method)) {
                    #expect(points.allSatisfy { $0.threshold.map { !$0.isNaN } ?? true })
                }
            }
            _ = try? CUSUM.detect(counts, parameters: CUSUM.Parameters(expected: .harmonicGLM, frequency: 12))
            _ = try? CUSUM.detect(counts)
            _ = try? Farrington.detect(counts, parameters: Farrington.Parameters(frequency: 12, b: 2, w: 1))
            _ = try? Farrington.detect(counts, parameters: Farrington.Parameters(frequency: 12, b: 3, w: 2, noPeriods: 4,
                                                                                thresholdMethod: .nbPlugin))
        }
    }
}

extension FuzzTests {
    @Test("mutated substance names resolve or stay unmapped, and their statuses are the law engine's words")
    func names() throws {
        let catalog = try LawMappingTests.catalog()
        let provider = LawStatusProvider(knowledgeBase: try LawMappingTests.kb())
        var rng = Generator(state: 4242)
        let seeds = ["CYCLOPROPYL/CROTONYL FENTANYL", "CIS-3-METHYLFENTANYL", "P-FLUOROFENTANYL, SALT UNDETERMINED",
                     "FENTANYL-RELATED SUBSTANCE (UNSPECIFIED)", "ACETYL FENTANYL (N-(1-PHENETHYLPIPERIDIN-4-YL)-N-PHENYLACETAMIDE)",
                     "structure:CCC(=O)N", "α-methylfentanyl", "(±)-/", "/", "p-", "()", ""]
        let date = try CalendarDate(parsing: "2021-01-01")
        for _ in 0..<300 {
            let name = Self.mutate(seeds.randomElement(using: &rng) ?? "", using: &rng)
            _ = NameNormalizer.keys(name)
            let match = catalog.resolve(name: name, group: Bool.random(using: &rng) ? nil : Self.mutate(name, using: &rng))
            if let match {
                #expect(!match.id.isEmpty)
                #expect(match.kind != .substance || match.candidates.count == 1)
            }
            #expect(provider.statuses(of: match, sourceName: name, on: date).count == 3)
        }
    }
}
