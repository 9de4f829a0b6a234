import Foundation
import Law
import Testing

@Suite("law check")
struct LawCheckTests {
    @Test("the bundled knowledge base passes every check; disagreements with OPSIN are listed, not hidden")
    func bundledPasses() throws {
        let resources = try #require(KnowledgeBase.bundledResources)
        let report = LawCheck(resources: resources).run()
        #expect(report.errors.isEmpty, "\(report.errors.map(\.message))")
        #expect(report.examined["collision", default: 0] >= 400)
        #expect(report.examined["examples", default: 0] >= 38)
        #expect(report.examined["opsin", default: 0] >= 90)
        // The CFR's name for thiofentanyl, read literally, is a branched isomer: listed as a disagreement.
        #expect(report.disagreements.contains { $0.id == "us-1-thiofentanyl" && $0.field == "structure" })
        // Names OPSIN cannot read are listed too.
        #expect(report.disagreements.contains { $0.id == "us-1-pepap" && $0.field == "names.systematic" })
        #expect(report.findings.contains { $0.severity == .note && $0.id == "us-1-valerylfentanyl" })
    }

    @Test("the OPSIN report agrees on most names and counts what it compared")
    func opsinReport() throws {
        let resources = try #require(KnowledgeBase.bundledResources)
        let report = try OPSINReport.load(resources: resources)
        let agree = report.results.filter { $0.status == .agrees }.count
        #expect(agree >= 80)
        #expect(report.summary["agrees"] == agree)
        #expect(report.results.count == report.summary.values.reduce(0, +))
    }

    @Test("two entries of one list with the same structure collide")
    func structureCollision() throws {
        let dir = try Fixture.copyOfResources()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("lists/cn-nps-supplementary.json")
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        var entries = try #require(object["entries"] as? [[String: Any]])
        entries[1]["structure"] = entries[0]["structure"]
        object["entries"] = entries
        try JSONSerialization.data(withJSONObject: object).write(to: url)
        let report = LawCheck(resources: dir).run()
        #expect(report.errors.contains { $0.check == "collision" && $0.id == "cn-nps-furanylfentanyl" && $0.message.contains("cn-nps-carfentanil") })
        #expect(report.errors.contains { $0.check == "collision" && $0.message.contains("different structures") })
    }

    @Test("a stale OPSIN report is an error")
    func staleReport() throws {
        let dir = try Fixture.copyOfResources()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("checks/opsin-report.json")
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        var results = try #require(object["results"] as? [[String: Any]])
        results.removeFirst()
        object["results"] = results
        try JSONSerialization.data(withJSONObject: object).write(to: url)
        let report = LawCheck(resources: dir).run()
        #expect(report.errors.contains { $0.check == "opsin" && $0.message.contains("stale") })
    }

    @Test("a structure checker's problems become errors")
    func structureChecker() throws {
        let resources = try #require(KnowledgeBase.bundledResources)
        let report = LawCheck(resources: resources) { smiles, _ in smiles.contains("Br") ? ["contains bromine"] : [] }.run()
        #expect(report.errors.contains { $0.check == "structure" && $0.id == "us-1-brorphine" })
        #expect(report.examined["structure", default: 0] > 300)
    }
}
