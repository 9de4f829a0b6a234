import Foundation
import Law
import Testing

@Suite("Knowledge base loading")
struct KnowledgeBaseLoadingTests {
    @Test("the bundled knowledge base loads and covers the three jurisdictions")
    func bundled() throws {
        let kb = try Fixture.knowledgeBase()
        #expect(kb.jurisdictionCodes == ["US", "CN", "UN"])
        let counts = Dictionary(grouping: kb.listings, by: \.list).mapValues(\.count)
        // Coverage floors: the researched lists are larger than these; shrinking below them is a regression.
        #expect(counts["us-csa-schedule-i", default: 0] >= 130)
        #expect(counts["us-csa-schedule-ii", default: 0] >= 50)
        #expect(counts["us-list-i-chemicals", default: 0] >= 6)
        #expect(counts["cn-narcotic-drugs", default: 0] >= 110)
        #expect(counts["cn-nps-supplementary", default: 0] >= 10)
        #expect(counts["cn-precursor-chemicals", default: 0] >= 2)
        #expect(counts["un-1961-schedule-i", default: 0] >= 40)
        #expect(counts["un-1988-table-i", default: 0] >= 5)
        #expect(kb.rules.map(\.id).sorted() == ["cn-frs", "cn-nitazenes", "us-analogue-act", "us-frs"])
        #expect(kb.examples.count >= 38)
        #expect(kb.jurisdiction(code: "UN")?.noClassRulesNote?.isEmpty == false)
    }

    @Test("every listing has a citation on every step, and either a structure or the reason it has none")
    func completeness() throws {
        for l in try Fixture.knowledgeBase().listings {
            #expect(!l.steps.isEmpty, "\(l.id)")
            for s in l.steps {
                #expect(!s.citation.text.isEmpty, "\(l.id)")
                #expect(s.effective != nil || s.effectiveUnknown != nil || s.continues, "\(l.id)")
            }
            #expect(l.structure != nil || l.noStructure != nil, "\(l.id)")
            if l.jurisdiction == .china { #expect(l.names.legal != nil || l.names.english != nil, "\(l.id)") }
        }
    }

    @Test("names, synonyms, Chinese names and CAS numbers find the substance")
    func nameLookup() throws {
        let kb = try Fixture.knowledgeBase()
        #expect(kb.substances(named: "Acetyl fentanyl") == ["acetylfentanyl"])
        #expect(kb.substances(named: "acetyl-fentanyl") == ["acetylfentanyl"])
        #expect(kb.substances(named: "芬太尼") == ["fentanyl"])
        #expect(kb.substances(named: "437-38-7") == ["fentanyl"])
        #expect(kb.substances(named: "4-ANPP") == ["anpp"])
        #expect(kb.substances(named: "N-(1-phenethylpiperidin-4-yl)-N-phenylbutyramide") == ["butyrfentanyl"])
        #expect(kb.substances(named: "no such thing").isEmpty)
    }

    // MARK: broken files

    static func load(_ directory: URL) -> [KnowledgeBaseProblem] {
        do {
            _ = try KnowledgeBaseLoader.load(directory: directory)
            return []
        } catch {
            return error.problems
        }
    }

    /// Edits one JSON file of a copy of the resources with `edit` and returns the loader's problems.
    static func problems(file: String, _ edit: (inout [String: Any]) throws -> Void) throws -> [KnowledgeBaseProblem] {
        let dir = try Fixture.copyOfResources()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent(file)
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        try edit(&object)
        try JSONSerialization.data(withJSONObject: object).write(to: url)
        return load(dir)
    }

    static func editEntry(_ object: inout [String: Any], at index: Int, _ edit: (inout [String: Any]) -> Void) throws {
        var entries = try #require(object["entries"] as? [[String: Any]])
        edit(&entries[index])
        object["entries"] = entries
    }

    static func editStep(_ entry: inout [String: Any], at index: Int, _ edit: (inout [String: Any]) -> Void) {
        guard var steps = entry["steps"] as? [[String: Any]], steps.indices.contains(index) else { return }
        edit(&steps[index])
        entry["steps"] = steps
    }

    @Test("a bad date names the file, the entry and the field")
    func badDate() throws {
        let problems = try Self.problems(file: "lists/us-csa-schedule-i.json") { o in
            try Self.editEntry(&o, at: 2) { e in Self.editStep(&e, at: 1) { $0["effective"] = "2017-02-30" } }
        }
        let p = try #require(problems.first)
        #expect(problems.count == 1)
        #expect(p.file == "lists/us-csa-schedule-i.json")
        #expect(p.id == "us-1-acetylfentanyl")
        #expect(p.field == "steps[1].effective")
        #expect(p.message.contains("2017-02-30"))
    }

    @Test("a missing citation, an unknown list code and a missing reason are each reported")
    func semanticProblems() throws {
        let problems = try Self.problems(file: "lists/cn-nps-supplementary.json") { o in
            try Self.editEntry(&o, at: 0) { e in Self.editStep(&e, at: 0) { $0["citation"] = ["text": " ", "url": NSNull()] } }
            try Self.editEntry(&o, at: 1) { $0["list"] = "cn-nowhere" }
            try Self.editEntry(&o, at: 2) { e in Self.editStep(&e, at: 0) { $0["effective"] = NSNull(); $0["effectiveUnknown"] = NSNull() } }
        }
        #expect(problems.contains { $0.id == "cn-nps-carfentanil" && $0.field == "steps[0].citation" })
        #expect(problems.contains { $0.id == "cn-nps-furanylfentanyl" && $0.field == "list" && $0.message.contains("cn-nowhere") })
        #expect(problems.contains { $0.id == "cn-nps-acrylfentanyl" && $0.field == "steps[0].effective" })
    }

    @Test("duplicate ids, steps out of order and overlapping temporary orders are rejected")
    func structuralProblems() throws {
        let problems = try Self.problems(file: "lists/us-csa-schedule-i.json") { o in
            var entries = try #require(o["entries"] as? [[String: Any]])
            entries.append(entries[0])
            // Steps out of order: the permanent step of acetyl fentanyl moved before its temporary step.
            if var steps = entries[2]["steps"] as? [[String: Any]] {
                steps.swapAt(0, 1)
                entries[2]["steps"] = steps
            }
            o["entries"] = entries
        }
        #expect(problems.contains { $0.id == "us-1-acetyl-alpha-methylfentanyl" && $0.message.contains("duplicate id") })
        #expect(problems.contains { $0.id == "us-1-acetylfentanyl" && $0.message.contains("out of order") })

        let overlap = try Self.problems(file: "lists/us-csa-schedule-i.json") { o in
            var entries = try #require(o["entries"] as? [[String: Any]])
            let i = try #require(entries.firstIndex { ($0["id"] as? String) == "us-1-acrylfentanyl" })
            if var steps = entries[i]["steps"] as? [[String: Any]] {
                steps[1]["kind"] = "temporary"
                steps[1]["effective"] = "2018-01-01"
                steps[1]["continues"] = false
                entries[i]["steps"] = steps
            }
            o["entries"] = entries
        }
        #expect(overlap.contains { $0.id == "us-1-acrylfentanyl" && $0.message.contains("overlaps") })
    }

    @Test("an unknown step kind, a wrong format version, invalid JSON and a missing file are reported, not trapped")
    func brokenFiles() throws {
        let kind = try Self.problems(file: "lists/un-1988-table-i.json") { o in
            try Self.editEntry(&o, at: 0) { e in Self.editStep(&e, at: 0) { $0["kind"] = "rumour" } }
        }
        #expect(kind.contains { $0.id == "un88-1-npp" && $0.field == "steps[0].kind" })
        let version = try Self.problems(file: "rules/us-frs.json") { $0["formatVersion"] = 7 }
        #expect(version.contains { $0.file == "rules/us-frs.json" && $0.field == "formatVersion" })

        let dir = try Fixture.copyOfResources()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("{\"formatVersion\": 1, \"list\": ".utf8).write(to: dir.appendingPathComponent("lists/un-1961-schedule-iv.json"))
        try FileManager.default.removeItem(at: dir.appendingPathComponent("rules/cn-nitazenes.json"))
        let problems = Self.load(dir)
        #expect(problems.contains { $0.file == "lists/un-1961-schedule-iv.json" && $0.message.contains("not valid JSON") })
        #expect(problems.contains { $0.file == "rules/cn-nitazenes.json" && $0.message.contains("cannot be read") })
    }

    @Test("examples must name real rules, criteria and listings")
    func brokenExamples() throws {
        let problems = try Self.problems(file: "rules/examples.json") { o in
            var examples = try #require(o["examples"] as? [[String: Any]])
            var expectations = try #require(examples[1]["expectations"] as? [[String: Any]])
            expectations[0]["excludedBy"] = "us-1-nothing"
            expectations[1]["criteria"] = [["id": "9", "explanation": "no such criterion"]]
            examples[1]["expectations"] = expectations
            o["examples"] = examples
        }
        #expect(problems.contains { $0.id == "a-thiophene" && $0.field == "expectations[0].excludedBy" })
        #expect(problems.contains { $0.id == "a-thiophene" && $0.field == "expectations[1].criteria" })
    }
}
