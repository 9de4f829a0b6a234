import Chemistry
import Testing

/// Reads the committed SDF sets and compares every record with RDKit's reading of it
/// (`scripts/reference/make_molfile_reference.py`).
@Suite("SDF sets agree with RDKit")
struct SDFAgreementTests {
    static func compare(sdf: String, reference: String) throws -> Agreement {
        try compare(path: try #require(TestResources.path(sdf)), references: try MoleculeReference.load(reference))
    }

    /// Every record of the SD file at `path` against RDKit's reading of it, quantity by quantity.
    static func compare(path: String, references refs: [MoleculeReference]) throws -> Agreement {
        let reader = try SDFReader(path: path)
        var agreement = Agreement()
        var n = 0
        for record in reader {
            guard n < refs.count else {
                agreement.check("records", false, "extra record \(record.number)")
                break
            }
            let ref = refs[n]
            n += 1
            agreement.check("read", (record.molecule != nil) == ref.ok, "record \(record.number): \(record.error?.description ?? "read") vs RDKit ok=\(ref.ok)")
            guard let m = record.molecule, ref.ok else { continue }
            agreement.check("atoms", m.atomCount == ref.atoms && m.bondCount == ref.bonds,
                "record \(record.number): \(m.atomCount)/\(m.bondCount) vs \(ref.atoms ?? -1)/\(ref.bonds ?? -1)")
            agreement.check("formula", m.molecularFormula == ref.formula, "record \(record.number): \(m.molecularFormula) vs \(ref.formula ?? "")")
            let iso = MolecularFormula(m, isotopes: .separate(abbreviateHydrogen: true)).text
            agreement.check("formula_iso", iso == ref.formula_iso, "record \(record.number): \(iso) vs \(ref.formula_iso ?? "")")
            agreement.check("average_mass", abs(m.averageMass - (ref.mw ?? .nan)) < 1e-3, "record \(record.number): \(m.averageMass) vs \(ref.mw ?? .nan)")
            agreement.check("monoisotopic_mass", abs(m.monoisotopicMass - (ref.exact ?? .nan)) < 1e-3, "record \(record.number): \(m.monoisotopicMass) vs \(ref.exact ?? .nan)")
            agreement.check("heavy_atoms", m.heavyAtomCount == ref.heavy, "record \(record.number)")
            agreement.check("charge", m.netCharge == ref.charge, "record \(record.number)")
            let ours = StereoComparison.centres(m), theirs = StereoComparison.centres(ref)
            agreement.check("tetrahedral", ours == theirs, "record \(record.number): \(ours) vs \(theirs)")
            let ourBonds = StereoComparison.doubleBonds(m, relativeTo: ref), theirBonds = StereoComparison.doubleBonds(ref)
            agreement.check("double_bonds", ourBonds == theirBonds, "record \(record.number): \(ourBonds) vs \(theirBonds)")
        }
        agreement.check("records", n == refs.count, "\(n) records read, RDKit read \(refs.count)")
        return agreement
    }

    @Test("every record agrees with RDKit", arguments: [
        ("molfile/mols.1000.sdf.gz", "molfile/mols.1000.reference.jsonl.gz"),
        ("molfile/cdk2.sdf", "molfile/cdk2.reference.jsonl"),
        ("molfile/chembl_2d.sdf.gz", "molfile/chembl_2d.reference.jsonl.gz"),
        ("molfile/chembl_v3000.sdf.gz", "molfile/chembl_v3000.reference.jsonl.gz"),
        ("molfile/chembl_3d.sdf.gz", "molfile/chembl_3d.reference.jsonl.gz"),
        ("molfile/chembl_parity.sdf.gz", "molfile/chembl_parity.reference.jsonl.gz"),
    ])
    func sets(sdf: String, reference: String) throws {
        let agreement = try Self.compare(sdf: sdf, reference: reference)
        print(agreement.summary(sdf))
        for e in agreement.examples { print("  " + e) }
        for q in ["read", "atoms", "formula", "formula_iso", "average_mass", "monoisotopic_mass", "heavy_atoms", "charge", "tetrahedral", "double_bonds", "records"] {
            #expect(agreement.rate(q) >= 0.999, "\(sdf) \(q): \(agreement.rate(q))")
        }
    }
}
