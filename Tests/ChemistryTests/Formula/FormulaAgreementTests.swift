import Chemistry
import Foundation
import Testing

/// Formulas, masses, heavy-atom counts and charges of the SMILES sets against RDKit's
/// (`scripts/reference/make_molfile_reference.py`): CalcMolFormula (merged and separate isotopes), MolWt and
/// ExactMolWt to 1e-3, GetNumHeavyAtoms, GetFormalCharge.
@Suite("Formulas and masses agree with RDKit")
struct FormulaAgreementTests {
    struct Row {
        let smiles: String
        let ok: Bool
        let fields: [String]
    }

    static func rows(_ resource: String) throws -> [Row] {
        let reader = LineReader(bytes: try #require(TestResources.bytes(resource)))
        var rows: [Row] = []
        _ = try reader.readLine()  // header
        while let line = try reader.readLine() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            rows.append(Row(smiles: fields[0], ok: fields[1] == "1", fields: fields))
        }
        return rows
    }

    @Test("SMILES sets", arguments: [
        "molfile/chembl_20_chiral.reference.tsv.gz", "molfile/first_5K.reference.tsv.gz",
        "molfile/chembl_drugs.reference.tsv",
    ])
    func smilesSets(resource: String) throws {
        let rows = try Self.rows(resource)
        var agreement = Agreement()
        for (i, row) in rows.enumerated() {
            let molecule = try? Molecule(smiles: row.smiles)
            agreement.check("read", (molecule != nil) == row.ok, "line \(i + 2): \(row.smiles) read=\(molecule != nil) RDKit=\(row.ok)")
            guard let m = molecule, row.ok else { continue }
            let f = row.fields
            agreement.check("formula", m.molecularFormula == f[2], "\(row.smiles): \(m.molecularFormula) vs \(f[2])")
            let iso = MolecularFormula(m, isotopes: .separate(abbreviateHydrogen: true)).text
            agreement.check("formula_iso", iso == f[3], "\(row.smiles): \(iso) vs \(f[3])")
            agreement.check("average_mass", abs(m.averageMass - (Double(f[4]) ?? .nan)) < 1e-3, "\(row.smiles): \(m.averageMass) vs \(f[4])")
            agreement.check("monoisotopic_mass", abs(m.monoisotopicMass - (Double(f[5]) ?? .nan)) < 1e-3, "\(row.smiles): \(m.monoisotopicMass) vs \(f[5])")
            agreement.check("heavy_atoms", m.heavyAtomCount == Int(f[6]), "\(row.smiles): \(m.heavyAtomCount) vs \(f[6])")
            agreement.check("charge", m.netCharge == Int(f[7]), "\(row.smiles): \(m.netCharge) vs \(f[7])")
        }
        print(agreement.summary(resource))
        for e in agreement.examples { print("  " + e) }
        for q in ["formula", "formula_iso", "average_mass", "monoisotopic_mass", "heavy_atoms", "charge"] {
            #expect(agreement.rate(q) >= 0.999, "\(resource) \(q): \(agreement.rate(q))")
        }
    }

    @Test("isotope, charge, dummy-atom and hydrogen corner cases, in every isotope mode")
    func cornerCases() throws {
        let rows = try Self.rows("molfile/formula_cases.reference.tsv")
        #expect(rows.count > 40)
        for row in rows {
            let m = try Molecule(smiles: row.smiles)
            let f = row.fields
            #expect(m.molecularFormula == f[1], "\(row.smiles)")
            #expect(MolecularFormula(m, isotopes: .separate(abbreviateHydrogen: true)).text == f[2], "\(row.smiles)")
            #expect(MolecularFormula(m, isotopes: .separate(abbreviateHydrogen: false)).text == f[3], "\(row.smiles)")
            #expect(abs(m.averageMass - (Double(f[4]) ?? .nan)) < 1e-4, "\(row.smiles): \(m.averageMass) vs \(f[4])")
            #expect(abs(m.monoisotopicMass - (Double(f[5]) ?? .nan)) < 1e-4, "\(row.smiles): \(m.monoisotopicMass) vs \(f[5])")
            #expect(m.heavyAtomCount == Int(f[6]), "\(row.smiles)")
            #expect(m.netCharge == Int(f[7]), "\(row.smiles)")
        }
    }
}
