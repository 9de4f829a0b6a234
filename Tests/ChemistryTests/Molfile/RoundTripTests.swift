import Chemistry
import Foundation
import Testing

/// Writes every molecule of the SDF sets as V2000, V3000 and SDF and reads it back: the same molecule must come
/// back (atoms, hydrogens, bonds, tetrahedral and double-bond stereo, name and data fields).
@Suite("Molfile write-then-read")
struct RoundTripTests {
    static let sets = [
        "molfile/mols.1000.sdf.gz", "molfile/cdk2.sdf", "molfile/chembl_2d.sdf.gz", "molfile/chembl_v3000.sdf.gz",
        "molfile/chembl_3d.sdf.gz", "molfile/chembl_parity.sdf.gz",
    ]

    /// Hydrogens stay atoms, so nothing depends on the valence model.
    static let keepHydrogens = MolfileReadOptions(removeHydrogens: false)

    @Test(
        "V2000, V3000 and SDF give back the same molecule (hydrogens kept as atoms)",
        arguments: ["molfile/mols.1000.sdf.gz", "molfile/cdk2.sdf", "molfile/chembl_3d.sdf.gz"])
    func roundTripWithHydrogenAtoms(sdf: String) throws {
        try Self.roundTrip(sdf: sdf, options: Self.keepHydrogens)
    }

    @Test("V2000, V3000 and SDF give back the same molecule (read as RDKit reads, hydrogens folded)", arguments: sets)
    func roundTripDefault(sdf: String) throws {
        try Self.roundTrip(sdf: sdf, options: MolfileReadOptions())
    }

    static func roundTrip(sdf: String, options: MolfileReadOptions) throws {
        let reader = try SDFReader(path: try #require(TestResources.path(sdf)), options: options)
        var checked = 0
        var failures: [String] = []
        for record in reader {
            guard let original = record.molecule else { continue }
            checked += 1
            var flat = original
            flat.coordinates = []
            for (version, molecule) in [(MolfileVersion.v2000, original), (.v3000, original), (.v2000, flat)] {
                do {
                    let text = try molecule.molfile(version: version)
                    let back = try MolfileReader.read(text, options: options).molecule
                    if let d = StructureComparison.difference(original, back) {
                        let kind = molecule.coordinates.isEmpty ? "without coordinates" : "\(version)"
                        failures.append("record \(record.number) \(kind): \(d)")
                    }
                    if back.name != original.name { failures.append("record \(record.number) \(version): name") }
                } catch {
                    failures.append("record \(record.number) \(version): \(error)")
                }
            }
            do {
                let sdfText = try SDFWriter.record(original)
                guard let back = SDFReader(text: sdfText, options: options).next(), let m = back.molecule else {
                    failures.append("record \(record.number) SDF: not read back")
                    continue
                }
                if let d = StructureComparison.difference(original, m) { failures.append("record \(record.number) SDF: \(d)") }
                if m.properties.map(\.key) != original.properties.map(\.key) || m.properties.map(\.value) != original.properties.map(\.value) {
                    failures.append("record \(record.number) SDF: data fields differ")
                }
            } catch {
                failures.append("record \(record.number) SDF: \(error)")
            }
        }
        print("\(sdf): \(checked) molecules, \(failures.count) round-trip failures")
        for f in failures.prefix(10) { print("  " + f) }
        #expect(checked > 0)
        #expect(failures.count == 0)
    }

    /// Molecules from SMILES have no coordinates: the writer lays them out so that the molfile carries their
    /// stereo. Every `stride`-th molecule of the SMILES sets, to keep debug-build test time reasonable;
    /// `scripts/test-molfile-roundtrip-full` checks all of them in a release build.
    @Test("molecules read from SMILES come back from V2000 and V3000", arguments: [
        ("molfile/chembl_20_chiral.reference.tsv.gz", 5), ("molfile/first_5K.reference.tsv.gz", 5),
        ("molfile/chembl_drugs.reference.tsv", 2),
    ])
    func smilesSets(resource: String, stride: Int) throws {
        let rows = try FormulaAgreementTests.rows(resource)
        let stride = ProcessInfo.processInfo.environment["ACCORD_FULL_ROUNDTRIP"] == nil ? stride : 1
        var checked = 0
        var failures: [String] = []
        for (i, row) in rows.enumerated() where i % stride == 0 {
            guard let original = try? Molecule(smiles: row.smiles) else { continue }
            checked += 1
            for version in [MolfileVersion.v2000, .v3000] {
                do {
                    let back = try Molecule(molfile: try original.molfile(version: version))
                    if let d = StructureComparison.difference(original, back) { failures.append("\(row.smiles) \(version): \(d)") }
                } catch {
                    failures.append("\(row.smiles) \(version): \(error)")
                }
            }
        }
        print("\(resource): \(checked) molecules from SMILES, \(failures.count) round-trip failures")
        for f in failures.prefix(10) { print("  " + f) }
        #expect(checked > 0)
        #expect(failures.count == 0)
    }
}
