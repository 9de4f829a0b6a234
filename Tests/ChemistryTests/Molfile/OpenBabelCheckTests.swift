import Chemistry
import Foundation
import Testing

/// Local checks on Open Babel's test files, which are GPL and so are never committed: `scripts/check-openbabel`
/// copies them into a temporary folder with RDKit's answers and runs this suite with `ACCORD_OPENBABEL_CHECK`
/// set to that folder. Without the variable the suite is skipped (and says so); the committed agreement tests
/// cover the same code on permissively licensed sets.
@Suite(
    "Open Babel test files (local check, not committed)",
    .enabled(if: OpenBabelCheckFolder.path != nil, "runs only from scripts/check-openbabel (Open Babel's GPL test files are not committed)"))
struct OpenBabelCheckTests {
    static func path(_ name: String) throws -> String {
        try #require(OpenBabelCheckFolder.path.map { URL(fileURLWithPath: $0).appendingPathComponent(name).path })
    }

    /// stereo/*.mol, read as one SD file, against RDKit's reading of the same records: tetrahedral centres and
    /// double bonds (2D wedges, 3D coordinates, parities), formulas and masses.
    @Test("stereo/*.mol: stereo, formula and masses equal RDKit's")
    func stereo() throws {
        let agreement = try SDFAgreementTests.compare(
            path: try Self.path("openbabel_stereo.sdf"),
            references: try MoleculeReference.load(path: try Self.path("openbabel_stereo.reference.jsonl")))
        print(agreement.summary("openbabel stereo/*.mol"))
        for e in agreement.examples { print("  " + e) }
        for q in ["read", "atoms", "formula", "average_mass", "monoisotopic_mass", "heavy_atoms", "tetrahedral", "double_bonds"] {
            #expect(agreement.rate(q) >= 0.999, "\(q): \(agreement.rate(q))")
        }
    }

    /// attype.00.smi with formularesults.txt: Open Babel's formula (Hill order, charge appended) and
    /// monoisotopic mass (3 decimals) are model-independent, so ours must equal them; its average masses use an
    /// older table of atomic weights (C 12.0107 rather than 12.011), so those are compared with RDKit's.
    @Test("attype.00.smi: formula and monoisotopic mass equal Open Babel's, average mass RDKit's")
    func formulas() throws {
        let reader = try LineReader(path: try Self.path("openbabel_formula.tsv"))
        _ = try reader.readLine()  // header
        var agreement = Agreement()
        var averageWithinOpenBabelWeights = 0
        while let line = try reader.readLine() {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 10 else { continue }
            let smiles = f[0]
            let rdkitReads = f[4] == "1"
            let molecule = try? Molecule(smiles: smiles)
            agreement.check("read (as RDKit)", (molecule != nil) == rdkitReads, "\(smiles): RDKit ok=\(rdkitReads)")
            guard let m = molecule, rdkitReads else { continue }
            agreement.check("formula vs Open Babel", m.molecularFormula == f[1], "\(smiles): \(m.molecularFormula) vs \(f[1])")
            agreement.check("formula vs RDKit", m.molecularFormula == f[5], "\(smiles): \(m.molecularFormula) vs \(f[5])")
            let obExact = Double(f[3]) ?? .nan
            agreement.check("monoisotopic vs Open Babel", abs(m.monoisotopicMass - obExact) < 1e-3,
                "\(smiles): \(m.monoisotopicMass) vs \(f[3])")
            agreement.check("monoisotopic vs RDKit", abs(m.monoisotopicMass - (Double(f[7]) ?? .nan)) < 1e-3,
                "\(smiles): \(m.monoisotopicMass) vs \(f[7])")
            agreement.check("average vs RDKit", abs(m.averageMass - (Double(f[6]) ?? .nan)) < 1e-3,
                "\(smiles): \(m.averageMass) vs \(f[6])")
            agreement.check("heavy atoms vs RDKit", m.heavyAtomCount == Int(f[8]), "\(smiles)")
            agreement.check("charge vs RDKit", m.netCharge == Int(f[9]), "\(smiles)")
            if abs(m.averageMass - (Double(f[2]) ?? .nan)) < 1e-3 { averageWithinOpenBabelWeights += 1 }
        }
        print(agreement.summary("openbabel attype.00.smi"))
        print("  average mass within 1e-3 of Open Babel's own (older atomic weights): \(averageWithinOpenBabelWeights)")
        for e in agreement.examples { print("  " + e) }
        for q in agreement.total.keys { #expect(agreement.rate(q) >= 0.999, "\(q): \(agreement.rate(q))") }
    }
}

/// The folder `scripts/check-openbabel` prepared, from `ACCORD_OPENBABEL_CHECK`.
enum OpenBabelCheckFolder {
    static var path: String? { ProcessInfo.processInfo.environment["ACCORD_OPENBABEL_CHECK"] }
}
