// The work of `accord classify` without the command-line tool's other dependencies, so it can be built in
// release quickly and timed against RDKit (scripts/bench/classify-vs-rdkit):
//
//   law-bench FILE [NEAREST] [DATE]   classify every 'SMILES [name]' line of FILE and write the same JSON lines
//                                     as `accord classify` (`Classification.jsonLine`) on standard output
//
// It loads the bundled knowledge base and builds the engine's structure index inside the timed process, as the
// command does.
import Chemistry
import Foundation
import Law

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
let output = TextOutput(descriptor: 1)
var index = 0
for raw in String(decoding: data, as: UTF8.self).split(separator: "\n") {
    let parts = raw.split(separator: " ", maxSplits: 1)
    guard let first = parts.first else { continue }
    let smiles = String(first)
    let name = parts.count > 1 ? String(parts[1]) : nil
    do {
        let c = engine.classify(try Molecule(smiles: smiles), on: day, options: options)
        output.write(c.jsonLine(index: index, name: name, input: smiles))
    } catch {
        output.write(Classification.errorJSONLine(index: index, name: name, input: smiles, date: day, error: "column \(error.column): \(error.message)"))
    }
    output.write("\n")
    index += 1
}
try? output.flush()
