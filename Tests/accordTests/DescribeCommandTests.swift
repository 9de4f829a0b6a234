import Foundation
import Testing

/// `accord describe` run as a separate process on real and broken input.
@Suite("accord describe")
struct DescribeCommandTests {
    /// One output line decoded, with the field order checked against the documented order.
    static func objects(_ result: AccordProcess) throws -> [[String: Any]] {
        try result.lines.map { line in
            let keys = [
                "index", "name", "smiles", "formula", "average_mass", "monoisotopic_mass", "heavy_atoms", "charge",
                "rings", "aromatic_atoms", "canonical_smiles", "error",
            ]
            var position = line.startIndex
            for key in keys {
                guard let range = line.range(of: "\"\(key)\":", range: position..<line.endIndex) else {
                    Issue.record("field \(key) missing or out of order in \(line)")
                    break
                }
                position = range.upperBound
            }
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
            return try #require(object as? [String: Any])
        }
    }

    @Test("the bundled example: every molecule described, broken lines reported with line and column")
    func example() throws {
        let result = try AccordProcess.run(["describe", "Examples/opioids.smi"])
        #expect(result.status == 0)
        let objects = try Self.objects(result)
        #expect(objects.count == 40)
        let fentanyl = try #require(objects.first { $0["name"] as? String == "fentanyl" })
        #expect(fentanyl["formula"] as? String == "C22H28N2O")
        #expect(fentanyl["smiles"] as? String == "CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1")
        #expect((fentanyl["average_mass"] as? Double).map { abs($0 - 336.479) < 1e-3 } == true)
        #expect(fentanyl["heavy_atoms"] as? Int == 25)
        #expect(fentanyl["rings"] as? Int == 3)
        #expect(fentanyl["aromatic_atoms"] as? Int == 12)
        #expect(fentanyl["error"] is NSNull)
        let morphine = try #require(objects.first { $0["name"] as? String == "morphine" })
        #expect(morphine["rings"] as? Int == 5)
        #expect(morphine["aromatic_atoms"] as? Int == 6)
        // The canonical SMILES is the same whatever the atom order it was written in.
        let canonical = try #require(fentanyl["canonical_smiles"] as? String)
        let reordered = try Self.objects(try AccordProcess.run(["describe", "O=C(CC)N(C1CCN(CCc2ccccc2)CC1)c1ccccc1"]))
        #expect(reordered.first?["canonical_smiles"] as? String == canonical)
        #expect(reordered.first?["smiles"] as? String != fentanyl["smiles"] as? String)
        let broken = objects.filter { !($0["error"] is NSNull) }
        #expect(broken.count == 3)
        #expect((broken[0]["error"] as? String)?.hasPrefix("line 44, column 20:") == true)
        #expect(broken.allSatisfy { $0["formula"] is NSNull && $0["smiles"] is NSNull && $0["canonical_smiles"] is NSNull })
        #expect(broken.allSatisfy { $0["rings"] is NSNull && $0["aromatic_atoms"] is NSNull })
        // Indices count records, not lines: comments and blank lines are skipped.
        #expect(objects.map { $0["index"] as? Int } == (0..<40).map { Optional($0) })
    }

    @Test("SDF input, plain and gzip-compressed, with record and line numbers in errors")
    func sdf() throws {
        let plain = try AccordProcess.run(["describe", "Tests/ChemistryTests/Resources/molfile/cdk2.sdf"])
        #expect(plain.status == 0)
        #expect(try Self.objects(plain).count == 47)
        let compressed = try AccordProcess.run(["describe", "Tests/ChemistryTests/Resources/molfile/chembl_v3000.sdf.gz"])
        #expect(try Self.objects(compressed).count == 300)

        let broken = """
            bad
              test

              2  1  0  0  0  0  0  0  0  0999 V2000
                0.0000    0.0000    0.0000 C   0  0  0  0  0  0  0  0  0  0  0  0
                1.5000    0.0000    0.0000 O   0  0  0  0  0  0  0  0  0  0  0  0
              1  3  1  0
            M  END
            $$$$
            good
              test

              1  0  0  0  0  0  0  0  0  0999 V2000
                0.0000    0.0000    0.0000 N   0  0  0  0  0  0  0  0  0  0  0  0
            M  END
            $$$$

            """
        let result = try AccordProcess.run(["describe", "--format", "sdf", "-"], input: broken)
        #expect(result.status == 0)
        let objects = try Self.objects(result)
        #expect(objects.count == 2)
        #expect((objects[0]["error"] as? String)?.hasPrefix("record 1, line 7:") == true)
        #expect(objects[1]["formula"] as? String == "H3N")
        #expect(objects[1]["name"] as? String == "good")
    }

    @Test("SMILES on the command line and on standard input; names with quotes and tabs are escaped")
    func arguments() throws {
        let args = try AccordProcess.run(["describe", "c1ccccc1 benzene", "[NH4+]"])
        let objects = try Self.objects(args)
        #expect(objects.map { $0["formula"] as? String } == ["C6H6", "H4N+"])
        #expect(objects[1]["charge"] as? Int == 1)
        let piped = try AccordProcess.run(["describe"], input: "CCO \"quoted\" name\twith\ttabs \\ and more\n\n# comment\n")
        let object = try #require(try Self.objects(piped).first)
        #expect(object["name"] as? String == "\"quoted\" name\twith\ttabs \\ and more")
    }

    @Test("unreadable inputs and usage errors give non-zero exit statuses and a message on standard error")
    func failures() throws {
        let missing = try AccordProcess.run(["describe", "no/such/file.smi"])
        #expect(missing.status == 66)
        #expect(missing.standardError.contains("no/such/file.smi"))
        #expect(missing.standardOutput.isEmpty)
        let usage = try AccordProcess.run(["describe", "--format", "xyz", "-"])
        #expect(usage.status == 64)
    }

    @Test("binary input, directories and misspelt file names are explained, not read as broken SMILES")
    func confusingInputs() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("accord-describe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let binary = directory.appendingPathComponent("image.smi")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]).write(to: binary)
        for arguments in [["describe", binary.path], ["describe", "--format", "sdf", binary.path]] {
            let result = try AccordProcess.run(arguments)
            #expect(result.status == 66)
            #expect(result.standardOutput.isEmpty)
            #expect(result.standardError.contains("is not a text file (byte 9 is NUL)"), "\(result.standardError)")
        }
        let piped = try AccordProcess.run(["describe", "-"], input: "CCO\u{0}\n")
        #expect(piped.status == 66)
        #expect(piped.standardError.contains("standard input is not a text file"))

        let folder = try AccordProcess.run(["describe", directory.path])
        #expect(folder.status == 66)
        #expect(folder.standardError.contains("is a directory"))

        let pathLike = try AccordProcess.run(["describe", "./no-such-input"])
        #expect(pathLike.status == 66)
        #expect(pathLike.standardError.contains("cannot open ./no-such-input"))

        // A word that is neither a file nor a SMILES: the record says both.
        let word = try AccordProcess.run(["describe", "fentanil"])
        #expect(word.status == 0)
        let object = try #require(try Self.objects(word).first)
        #expect(object["error"] as? String == "argument 1 is not a file, and as a SMILES, column 1: unexpected 'f'; expected an atom")
    }

    @Test("a byte-order mark and Windows line ends do not disturb the first record")
    func windowsText() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("accord-bom-\(UUID().uuidString).smi")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data([0xEF, 0xBB, 0xBF] + Array("CCO ethanol\r\nCCN ethylamine\r\n".utf8)).write(to: file)
        let result = try AccordProcess.run(["describe", file.path])
        let objects = try Self.objects(result)
        #expect(objects.map { $0["name"] as? String } == ["ethanol", "ethylamine"])
        #expect(objects.map { $0["formula"] as? String } == ["C2H6O", "C2H7N"])
    }

    @Test("standard input and files without a telling extension are read as SDF when they look like one")
    func sniffing() throws {
        let sdf = try String(contentsOf: AccordProcess.packageRoot.appendingPathComponent("Tests/ChemistryTests/Resources/molfile/cdk2.sdf"), encoding: .utf8)
        let piped = try AccordProcess.run(["describe"], input: sdf)
        #expect(piped.status == 0)
        let objects = try Self.objects(piped)
        #expect(objects.count == 47)
        #expect(objects.allSatisfy { $0["error"] is NSNull })
        #expect(objects.first?["name"] as? String == "ZINC03814457")

        let file = FileManager.default.temporaryDirectory.appendingPathComponent("accord-sniff-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(sdf.utf8).write(to: file)
        #expect(try Self.objects(try AccordProcess.run(["describe", file.path])).count == 47)
        // --format wins over the content.
        let forced = try Self.objects(try AccordProcess.run(["describe", "--format", "smiles", file.path]))
        #expect(forced.count > 1000)
        #expect((forced.first?["error"] as? String)?.hasPrefix("line 1, column 1:") == true)
        // Three lines of SMILES are too few to tell, and are SMILES.
        #expect(try Self.objects(try AccordProcess.run(["describe"], input: "CCO\nCCN\nCCC\n")).count == 3)
    }
}
