import ArgumentParser
import Foundation
import Law

/// `accord law check`: the knowledge base's consistency checks, one JSON line per finding and a summary line.
/// Exits non-zero when a check finds an error; disagreements with OPSIN are listed but are not errors.
struct LawCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the knowledge base: files, collisions, worked examples, OPSIN cross-check."
    )

    @Option(help: "Check this resources directory instead of the built-in knowledge base.")
    var resources: String?

    @Flag(help: "Also print the open questions the data record (notes).")
    var notes = false

    func run() async throws {
        let directory: URL
        if let resources {
            directory = URL(fileURLWithPath: resources)
        } else if let bundled = KnowledgeBase.bundledResources {
            directory = bundled
        } else {
            throw ValidationError("the built-in knowledge base is missing from the program's bundle")
        }
        let report = LawCheck(resources: directory).run()
        let out = JSONLineWriter()
        for f in report.findings where notes || f.severity != .note {
            try out.write(FindingLine(check: f.check, severity: f.severity.rawValue, file: f.file, id: f.id, field: f.field, message: f.message))
        }
        try out.write(SummaryLine(summary: .init(
            passed: report.passed, errors: report.errors.count, disagreements: report.disagreements.count,
            notes: report.findings.filter { $0.severity == .note }.count, examined: report.examined,
            structureChecks: "every recorded SMILES parsed and its formula compared; list collisions by standardized structure; class-rule examples evaluated by the engine")))
        if !report.passed {
            throw ExitCode(1)
        }
    }

    struct FindingLine: Encodable {
        let check: String
        let severity: String
        @NullEncoded var file: String?
        let id: String?
        @NullEncoded var field: String?
        let message: String
    }

    struct SummaryLine: Encodable {
        let summary: Summary

        struct Summary: Encodable {
            let passed: Bool
            let errors: Int
            let disagreements: Int
            let notes: Int
            let examined: [String: Int]
            let structureChecks: String

            enum CodingKeys: String, CodingKey {
                case passed, errors, disagreements, notes, examined
                case structureChecks = "structure_checks"
            }
        }
    }
}
