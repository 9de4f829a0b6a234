import Chemistry
import Testing

/// Agreement with RDKit 2026.09 `rdFMCS.FindMCS` (reference answers from
/// scripts/reference/make_mcs_reference.py): pairs among 40 fentanyl analogs and 200 random pairs of approved
/// drugs, with default options and with ringMatchesRingOnly + completeRingsOnly. The brief's bar is 95% equal
/// atom counts; each test also pins the known disagreements so a regression fails above the bar too, and
/// checks every answer from first principles (`MCSValidation`).
@Suite("MCS agreement with RDKit")
struct MCSAgreementTests {
    static func options(_ label: Substring) -> MCSOptions {
        label == "ring_complete" ? MCSOptions(ringMatchesRingOnly: true, completeRingsOnly: true, timeout: 60)
            : MCSOptions(timeout: 60)
    }

    struct Outcome {
        var pairs = 0
        var sameAtoms = 0
        var sameBonds = 0
        var rdkitTimedOut = 0
        var oursTimedOut = 0
        var disagreements: [String] = []
        var invalid: [String] = []

        mutating func add(_ first: Molecule, _ second: Molecule, _ row: [Substring], _ options: MCSOptions, _ name: String) {
            let r = first.maximumCommonSubstructure(with: second, options: options)
            pairs += 1
            if row[5] == "1" { rdkitTimedOut += 1 }
            if r.timedOut { oursTimedOut += 1 }
            if String(r.atomCount) == row[3] { sameAtoms += 1 } else {
                disagreements.append("\(name): RDKit \(row[3]) atoms \(row[4]) bonds, ours \(r.atomCount)/\(r.bondCount) (\(r.smarts))")
            }
            if String(r.bondCount) == row[4] { sameBonds += 1 }
            let problems = MCSValidation.problems(r, first, second, options)
            if !problems.isEmpty { invalid.append("\(name): \(problems)") }
        }

        func check(minimumRate: Double = 0.95, knownDisagreements: Int) {
            #expect(pairs > 0, "reference file missing or empty")
            let rate = Double(sameAtoms) / Double(max(pairs, 1))
            #expect(rate >= minimumRate, "atom counts agree on \(sameAtoms)/\(pairs)")
            #expect(disagreements.count <= knownDisagreements, "\(disagreements.joined(separator: "\n"))")
            #expect(sameBonds >= sameAtoms - knownDisagreements)
            #expect(invalid.isEmpty, "\(invalid.joined(separator: "\n"))")
            #expect(oursTimedOut == 0)
        }
    }

    @Test("fentanyl analog pairs", arguments: ["default", "ring_complete"])
    func fentanylAnalogs(label: String) throws {
        let analogs = try ReferenceData.rows("MCS/fentanyl_analogs.smi").map { try Molecule(smiles: String($0[0])) }
        #expect(analogs.count == 40)
        var outcome = Outcome()
        for row in ReferenceData.rows("MCS/fentanyl_pairs.tsv") where row[2] == label {
            guard let i = Int(row[0]), let j = Int(row[1]), i < analogs.count, j < analogs.count else { continue }
            outcome.add(analogs[i], analogs[j], row, Self.options(row[2]), "analogs \(i) and \(j)")
        }
        #expect(outcome.pairs == 780)
        outcome.check(knownDisagreements: 0)
    }

    /// The one known disagreement (ring_complete): ataluren / tipiracil hydrochloride, where RDKit answers a
    /// single atom although a one-bond substructure (`[#6&!R]-;!@[#6&R]`, a chain carbon on a ring carbon)
    /// satisfies every condition; RDKit's seed growth records one-bond answers only in some seed orders.
    @Test("approved drug pairs", arguments: ["default", "ring_complete"])
    func drugs(label: String) throws {
        var outcome = Outcome()
        for row in ReferenceData.rows("MCS/drug_pairs.tsv") where row[2] == Substring(label) {
            outcome.add(try Molecule(smiles: String(row[0])), try Molecule(smiles: String(row[1])), row, Self.options(row[2]), "\(row[0]) / \(row[1])")
        }
        #expect(outcome.pairs == 200)
        outcome.check(knownDisagreements: label == "ring_complete" ? 1 : 0)
    }
}
