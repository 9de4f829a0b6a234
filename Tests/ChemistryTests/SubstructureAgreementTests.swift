import Chemistry
import Foundation
import Testing

/// Substructure match counts against RDKit's `len(mol.GetSubstructMatches(query))` (default parameters:
/// uniquify, maxMatches 1000; useChirality for the stereo set), committed by
/// scripts/reference/make_smarts_reference.py: RLewis's SMARTS filters, RDKit's substructure queries read as
/// SMARTS (as its timing script does) and as molecules, mutations of those SMARTS, and stereo fragments, on
/// 2,000 ChEMBL molecules.
@Suite("Substructure agreement with RDKit")
struct SubstructureAgreementTests {
    struct Pattern: Sendable {
        var index: Int
        var set: String
        var text: String
        var expected: [Int: Int]
    }

    struct Outcome: Sendable {
        var pairs: [String: Int] = [:]
        var agreements: [String: Int] = [:]
        var disagreements: [String] = []
        var unreadable: [String] = []

        mutating func add(_ other: Outcome) {
            for (k, v) in other.pairs { pairs[k, default: 0] += v }
            for (k, v) in other.agreements { agreements[k, default: 0] += v }
            disagreements += other.disagreements
            unreadable += other.unreadable
        }
    }

    static func molecules() -> [Molecule?] {
        ReferenceData.rows("SMARTS/molecules.tsv").map { try? Molecule(smiles: String($0[0])) }
    }

    static func patterns() -> [Pattern] {
        let rows = ReferenceData.rows("SMARTS/patterns.tsv")
        let counts = ReferenceData.rows("SMARTS/counts.tsv")
        var result: [Pattern] = []
        for (index, row) in rows.enumerated() where index < counts.count {
            var expected: [Int: Int] = [:]
            for item in counts[index][1].split(separator: " ") {
                let parts = item.split(separator: ":")
                if parts.count == 2, let m = Int(parts[0]), let c = Int(parts[1]) { expected[m] = c }
            }
            result.append(Pattern(index: index, set: String(row[0]), text: String(row[1]), expected: expected))
        }
        return result
    }

    /// Our query for a committed pattern: SMARTS, or a molecule for the `queries-smiles` set.
    static func query(_ pattern: Pattern) -> SubstructureQuery? {
        if pattern.set == "queries-smiles" {
            guard let molecule = try? Molecule(smiles: pattern.text) else { return nil }
            return SubstructureQuery(molecule: molecule)
        }
        return try? SubstructureQuery(smarts: pattern.text)
    }

    static func compare(_ patterns: ArraySlice<Pattern>, _ molecules: [Molecule?]) -> Outcome {
        var outcome = Outcome()
        for pattern in patterns {
            guard let query = query(pattern) else {
                outcome.unreadable.append("\(pattern.set) \(pattern.index) \(pattern.text)")
                continue
            }
            // The mutated set was counted on the first 200 molecules only.
            let count = pattern.set == "mutated" ? 200 : molecules.count
            for m in 0..<count {
                outcome.pairs[pattern.set, default: 0] += 1
                guard let molecule = molecules[m] else { continue }
                let ours = query.matchCount(molecule, useChirality: pattern.set == "stereo")
                let theirs = pattern.expected[m] ?? 0
                if ours == theirs {
                    outcome.agreements[pattern.set, default: 0] += 1
                } else if outcome.disagreements.count < 50 {
                    outcome.disagreements.append("\(pattern.set) '\(pattern.text)' molecule \(m): ours \(ours), RDKit \(theirs)")
                }
            }
        }
        return outcome
    }

    @Test("unique match counts equal RDKit's for at least 99.5% of pairs in every set")
    func counts() async {
        let molecules = Self.molecules()
        #expect(molecules.count == 2000)
        #expect(molecules.allSatisfy { $0 != nil }, "every reference molecule reads")
        let patterns = Self.patterns()
        #expect(patterns.count > 3700)
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunk = (patterns.count + workers - 1) / workers
        let outcome = await withTaskGroup(of: Outcome.self) { group in
            for start in stride(from: 0, to: patterns.count, by: chunk) {
                let slice = patterns[start..<min(patterns.count, start + chunk)]
                group.addTask { Self.compare(slice, molecules) }
            }
            var total = Outcome()
            for await part in group { total.add(part) }
            return total
        }
        #expect(outcome.unreadable.isEmpty, "\(outcome.unreadable.prefix(20))")
        for set in ["rlewis", "queries-smarts", "queries-smiles", "mutated", "stereo", "primitives"] {
            let pairs = outcome.pairs[set] ?? 0
            let agreements = outcome.agreements[set] ?? 0
            #expect(pairs > 100_000, "\(set): only \(pairs) pairs")
            let rate = Double(agreements) / Double(max(1, pairs))
            #expect(rate >= 0.995, "\(set): \(agreements) of \(pairs) agree (\(rate))")
        }
        #expect(outcome.disagreements.isEmpty, "\(outcome.disagreements.joined(separator: "\n"))")
    }

    @Test("mappings come in RDKit's order with RDKit's representative of each atom set")
    func mappings() throws {
        let molecules = Self.molecules()
        let patterns = Self.patterns()
        var compared = 0
        var different: [String] = []
        for row in ReferenceData.rows("SMARTS/mappings.tsv") {
            guard let p = Int(row[0]), let m = Int(row[1]), let molecule = molecules[m] else { continue }
            let query = try #require(Self.query(patterns[p]))
            let expected = row[2].split(separator: ";").map { $0.split(separator: ",").compactMap { Int($0) } }
            let ours = Array(query.mappings(in: molecule))
            compared += 1
            if ours != expected && different.count < 20 {
                different.append("'\(patterns[p].text)' molecule \(m): ours \(ours), RDKit \(expected)")
            }
        }
        #expect(compared > 500)
        #expect(different.isEmpty, "\(different.joined(separator: "\n"))")
    }
}
