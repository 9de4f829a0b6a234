// The work of `accord classify` without the command-line tool's other dependencies, so it can be built in
// release quickly and timed against RDKit (scripts/bench/classify-vs-rdkit):
//
//   law-bench FILE [NEAREST] [DATE]   classify every 'SMILES [name]' line of FILE and write the same JSON lines
//                                     as `accord classify` (same fields, same encoder) on standard output
//
// It loads the bundled knowledge base and builds the engine's structure index inside the timed process, as the
// command does.
import Chemistry
import Foundation
import Law

struct Line: Encodable {
    struct Answer: Encodable {
        let code, status: String
        let basis, schedule, list, entry, rule, effective, citation, url: String?
        let criteria: [[String: String]]
        let effectiveIsLowerBound: Bool
        let explanation: String
        let alsoListed: [String]
    }
    struct Class: Encodable {
        let rule: String
        let member: Bool?
        let criteria: [[String: String]]
        let explanation: String
    }
    struct Near: Encodable {
        let name, substance: String
        let similarity: Double
        let codes: [String]
        let commonAtoms: Int?
        let commonSMARTS: String?
    }
    let index: Int
    let name, input, standardizedSMILES, analogue, error: String?
    let standardization, substances: [String]
    let date: String
    let jurisdictions: [Answer]
    let classes: [Class]
    let nearest: [Near]
}

let arguments = CommandLine.arguments
guard arguments.count >= 2, let data = FileManager.default.contents(atPath: arguments[1]) else {
    FileHandle.standardError.write(Data("usage: law-bench FILE [NEAREST] [DATE]\n".utf8))
    exit(2)
}
let nearest = arguments.count > 2 ? Int(arguments[2]) ?? 3 : 3
let day = (arguments.count > 3 ? try? CalendarDate(parsing: arguments[3]) : nil) ?? CalendarDate(year: 2026, month: 1, day: 1) ?? .earliest
let kb: KnowledgeBase
do {
    kb = try KnowledgeBase.bundled()
} catch {
    FileHandle.standardError.write(Data("cannot load the knowledge base: \(error)\n".utf8))
    exit(1)
}
let engine = DeterminationEngine(knowledgeBase: kb)
let options = DeterminationEngine.Options(nearest: nearest)
let encoder = JSONEncoder()
encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
let output = TextOutput(descriptor: 1)
var index = 0
for raw in String(decoding: data, as: UTF8.self).split(separator: "\n") {
    let parts = raw.split(separator: " ", maxSplits: 1)
    guard let first = parts.first else { continue }
    let smiles = String(first)
    let name = parts.count > 1 ? String(parts[1]) : nil
    let line: Line
    do {
        let c = engine.classify(try Molecule(smiles: smiles), on: day, options: options)
        line = Line(
            index: index, name: name, input: smiles, standardizedSMILES: c.identity.standardizedSMILES, analogue: c.analogueNote, error: nil,
            standardization: c.identity.report.steps.map(\.description), substances: c.substances, date: day.description,
            jurisdictions: c.jurisdictions.map { s in
                Line.Answer(code: s.jurisdiction.rawValue, status: s.status.rawValue, basis: s.basis?.rawValue, schedule: s.schedule,
                            list: s.listing?.list ?? s.rule?.list, entry: s.listing?.id, rule: s.rule?.id, effective: s.since?.description,
                            citation: s.citation?.text, url: s.citation?.url, criteria: s.criteria.map { ["id": $0.id, "explanation": $0.explanation] },
                            effectiveIsLowerBound: s.sinceIsLowerBound, explanation: s.explanation, alsoListed: s.alsoListed.map(\.id))
            },
            classes: c.classEvaluations.map { Line.Class(rule: $0.rule, member: $0.member, criteria: $0.criteria.map { ["id": $0.id, "explanation": $0.explanation] }, explanation: $0.explanation) },
            nearest: c.nearest.map { Line.Near(name: $0.name, substance: $0.substance, similarity: $0.similarity, codes: $0.codes.map(\.rawValue), commonAtoms: $0.commonAtoms, commonSMARTS: $0.commonSMARTS) })
    } catch {
        line = Line(index: index, name: name, input: smiles, standardizedSMILES: nil, analogue: nil, error: "column \(error.column): \(error.message)",
                    standardization: [], substances: [], date: day.description, jurisdictions: [], classes: [], nearest: [])
    }
    if let bytes = try? encoder.encode(line) { output.write(bytes: bytes) }
    output.write("\n")
    index += 1
}
try? output.flush()
