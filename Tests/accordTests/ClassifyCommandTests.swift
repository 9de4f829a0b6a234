import Foundation
import Testing

/// `accord classify`, `accord timeline SMILES` and `accord gaps FILE` run as separate processes.
@Suite("accord classify")
struct ClassifyCommandTests {
    static func objects(_ result: AccordProcess) throws -> [[String: Any]] {
        try result.lines.map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
            return try #require(object as? [String: Any])
        }
    }

    static func jurisdiction(_ object: [String: Any], _ code: String) throws -> [String: Any] {
        let list = try #require(object["jurisdictions"] as? [[String: Any]])
        return try #require(list.first { $0["code"] as? String == code })
    }

    @Test("the bundled example: every line has the issue's fields; bad lines get an error with line and column")
    func example() throws {
        let result = try AccordProcess.run(["classify", "--date", "2024-06-01", "Examples/opioids.smi"])
        #expect(result.status == 0)
        let objects = try Self.objects(result)
        #expect(objects.count == 40)
        for o in objects {
            for key in ["index", "name", "input", "standardized_smiles", "date", "jurisdictions", "nearest", "error"] {
                #expect(o.keys.contains(key), "missing \(key)")
            }
            if o["error"] is NSNull {
                for j in try #require(o["jurisdictions"] as? [[String: Any]]) {
                    for key in ["code", "status", "basis", "schedule", "entry", "rule", "criteria", "effective", "citation", "explanation"] {
                        #expect(j.keys.contains(key), "missing jurisdictions.\(key)")
                    }
                }
            }
        }
        let fentanyl = try #require(objects.first { $0["name"] as? String == "fentanyl" })
        let us = try Self.jurisdiction(fentanyl, "US")
        #expect(us["status"] as? String == "scheduled")
        #expect(us["basis"] as? String == "listing")
        #expect(us["entry"] as? String == "us-2-fentanyl")
        let broken = try #require(objects.first { $0["name"] as? String == "broken-ring-closure" })
        #expect((broken["error"] as? String)?.contains("column") == true)
        #expect((broken["jurisdictions"] as? [Any])?.isEmpty == true)
    }

    @Test("a salt of a listed substance finds its listing and reports the standardization")
    func salt() throws {
        let result = try AccordProcess.run(["classify", "--date", "2024-06-01", "CC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1.Cl acetylfentanyl HCl"])
        let o = try #require(try Self.objects(result).first)
        #expect(o["name"] as? String == "acetylfentanyl HCl")
        #expect((o["standardization"] as? [String])?.first?.hasPrefix("removed fragments") == true)
        #expect(o["substances"] as? [String] == ["acetylfentanyl"])
        #expect(try Self.jurisdiction(o, "US")["entry"] as? String == "us-1-acetylfentanyl")
        let china = try Self.jurisdiction(o, "CN")
        #expect(china["rule"] as? String == "cn-frs")
        #expect((china["criteria"] as? [[String: Any]])?.first?["id"] as? String == "1")
    }

    @Test("an unlisted class member: the class, its criteria in words, the date it took effect; nearest substances")
    func classMember() throws {
        let smiles = "O=C(C1CCCC1)N(c1ccccc1)C1CCN(CCc2cccs2)CC1"
        let o = try #require(try Self.objects(try AccordProcess.run(["classify", "--date", "2024-06-01", smiles])).first)
        let us = try Self.jurisdiction(o, "US")
        #expect(us["status"] as? String == "scheduled" && us["basis"] as? String == "class" && us["rule"] as? String == "us-frs")
        #expect(us["effective"] as? String == "2018-02-06")
        let criteria = try #require(us["criteria"] as? [[String: Any]])
        #expect(criteria.map { $0["id"] as? String } == ["A", "E"])
        #expect((criteria[1]["explanation"] as? String)?.contains("cyclopentanecarbonyl") == true)
        let nearest = try #require(o["nearest"] as? [[String: Any]])
        #expect(nearest.count == 3)
        #expect(nearest.allSatisfy { $0["name"] is String && $0["similarity"] is Double && $0["codes"] is [String] })
        let before = try #require(try Self.objects(try AccordProcess.run(["classify", "--date", "2018-02-05", smiles])).first)
        #expect(try Self.jurisdiction(before, "US")["status"] as? String != "scheduled")
    }

    @Test("bad arguments and inputs: usage errors exit 64, unreadable files 66, bad SMILES arguments are records")
    func badInput() throws {
        #expect(try AccordProcess.run(["classify", "--date", "2024-02-30", "CCO"]).status == 64)
        #expect(try AccordProcess.run(["classify", "--nearest", "-1", "CCO"]).status == 64)
        #expect(try AccordProcess.run(["classify", "./missing.smi"]).status == 66)
        let bad = try AccordProcess.run(["classify", "C1CC"])
        #expect(bad.status == 0)
        let o = try #require(try Self.objects(bad).first)
        #expect((o["error"] as? String)?.contains("column 2") == true)
        let stdin = try AccordProcess.run(["classify", "-"], input: "CCO ethanol\n\n# comment\n")
        #expect(try Self.objects(stdin).count == 1)
    }

    @Test("timeline by SMILES and gaps over a file of structures")
    func timelineAndGaps() throws {
        let salt = try AccordProcess.run(["timeline", "CC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1.Cl"])
        #expect(try Self.objects(salt).contains { $0["substance"] as? String == "acetylfentanyl" })
        let designed = try Self.objects(try AccordProcess.run(["timeline", "O=C(C1CCCC1)N(c1ccccc1)C1CCN(CCc2cccs2)CC1"]))
        #expect(designed.contains { $0["rule"] as? String == "us-frs" && $0["date"] as? String == "2018-02-06" })
        #expect(designed.contains { $0["rule"] as? String == "cn-frs" && $0["date"] as? String == "2019-05-01" })
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("accord-gaps-\(UUID().uuidString).smi")
        try "O=C(C1CCCC1)N(c1ccccc1)C1CCN(CCc2cccs2)CC1 designed\nC1CC broken\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let gaps = try AccordProcess.run(["gaps", "--date", "2018-12-31", "--between", "US,CN", file.path])
        #expect(gaps.status == 0)
        let line = try #require(try Self.objects(gaps).first { $0["name"] as? String == "designed" })
        #expect(line["controlled_in"] as? [String] == ["US"])
        let closes = try #require(line["closes"] as? [[String: Any]])
        #expect(closes.first?["date"] as? String == "2019-05-01" && closes.first?["ref"] as? String == "cn-frs")
        #expect(gaps.standardError.contains("record 2"))
    }
}
