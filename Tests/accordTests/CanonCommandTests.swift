import Foundation
import Testing

/// `accord canon` run as a separate process on real and broken input.
@Suite("accord canon")
struct CanonCommandTests {
    /// Each output line split at tabs.
    static func rows(_ result: AccordProcess) -> [[String]] {
        result.lines.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test("the bundled example: one line per record in input order, errors with line and column")
    func example() throws {
        let result = try AccordProcess.run(["canon", "Examples/opioids.smi"])
        #expect(result.status == 0)
        let rows = Self.rows(result)
        #expect(rows.count == 40)
        let described = try DescribeCommandTests.objects(try AccordProcess.run(["describe", "Examples/opioids.smi"]))
        #expect(rows.map { $0.count > 1 ? $0[1] : "" } == described.map { $0["name"] as? String ?? "?" })
        for (row, object) in zip(rows, described) {
            if let canonical = object["canonical_smiles"] as? String {
                #expect(row == [canonical, object["name"] as? String ?? "?"])
            } else {
                #expect(row.count == 3 && row[0] == "error")
                #expect(row[2] == object["error"] as? String)
            }
        }
        let errors = rows.filter { $0[0] == "error" }
        #expect(errors.map { $0[1] } == ["broken-ring-closure", "unknown-element", "five-bonded-carbon"])
        #expect(errors[0][2].hasPrefix("line 44, column 20:"))

        // The output is a SMILES file that gives itself again.
        let molecules = rows.filter { $0[0] != "error" }.map { $0.joined(separator: "\t") }
        let again = try AccordProcess.run(["canon", "-"], input: molecules.joined(separator: "\n") + "\n")
        #expect(again.lines == molecules)
    }

    @Test("different writings of one molecule give one line; stereoisomers do not")
    func sameMolecule() throws {
        let result = try AccordProcess.run([
            "canon", "CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1", "O=C(CC)N(C1CCN(CCc2ccccc2)CC1)c1ccccc1",
            "C1=CC=C(C=C1)N(C(=O)CC)C1CCN(CC1)CCC1=CC=CC=C1", "N[C@@H](C)C(=O)O L-alanine", "C[C@H](N)C(O)=O L",
            "N[C@H](C)C(=O)O D-alanine",
        ])
        #expect(result.status == 0)
        let smiles = Self.rows(result).map { $0[0] }
        #expect(smiles.count == 6)
        #expect(Set(smiles[0...2]).count == 1)
        #expect(smiles[3] == smiles[4])
        #expect(smiles[3] != smiles[5])
        #expect(Self.rows(result)[3] == [smiles[3], "L-alanine"])
        #expect(Self.rows(result)[0] == [smiles[0]])  // no name, no tab
    }

    @Test("--standardize, --no-stereo, --no-isotopes and --kekule")
    func options() throws {
        let input = "CN(C)CC[C@@H](c1ccccc1)c1ccccn1.Cl salt\nCC(=O)[O-].[Na+] acetate\n[2H]C([2H])([2H])O d3\n"
        let plain = Self.rows(try AccordProcess.run(["canon", "-"], input: input)).map { $0[0] }
        #expect(plain[0].contains(".") && plain[0].contains("@"))
        #expect(plain[2].contains("2H"))

        let standard = try AccordProcess.run(["canon", "--standardize", "--explain", "-"], input: input)
        let rows = Self.rows(standard)
        #expect(!rows[0][0].contains(".") && rows[0][0].contains("@"))
        #expect(rows[1][0] == Self.rows(try AccordProcess.run(["canon", "CC(=O)O"]))[0][0])
        #expect(standard.standardError.contains("0 salt: removed fragments: Cl"))
        #expect(standard.standardError.contains("1 acetate: "))
        #expect(!standard.standardError.contains("2 d3"))

        let flat = Self.rows(try AccordProcess.run(["canon", "--standardize", "--no-stereo", "--no-isotopes", "-"], input: input))
        #expect(!flat[0][0].contains("@"))
        #expect(flat[0][0] == Self.rows(try AccordProcess.run(["canon", "CN(C)CCC(c1ccccc1)c1ccccn1"]))[0][0])
        #expect(flat[2][0] == Self.rows(try AccordProcess.run(["canon", "CO"]))[0][0])

        let kekule = Self.rows(try AccordProcess.run(["canon", "--kekule", "c1ccc2ccccc2c1", "C1=CC2=CC=CC=C2C=C1"]))
        #expect(kekule[0] == kekule[1])
        #expect(!kekule[0][0].contains("c") && kekule[0][0].filter { $0 == "=" }.count == 5)
    }

    @Test("SDF input keeps record order; a broken record is an error line naming its record and line")
    func sdf() throws {
        let result = try AccordProcess.run(["canon", "Tests/ChemistryTests/Resources/molfile/cdk2.sdf"])
        #expect(result.status == 0)
        let rows = Self.rows(result)
        #expect(rows.count == 47)
        #expect(rows.first?[1] == "ZINC03814457")
        #expect(rows.allSatisfy { $0.count == 2 && $0[0] != "error" })

        let broken = """
            bad
              test

              2  1  0  0  0  0  0  0  0  0999 V2000
                0.0000    0.0000    0.0000 C   0  0  0  0  0  0  0  0  0  0  0  0
                1.5000    0.0000    0.0000 O   0  0  0  0  0  0  0  0  0  0  0  0
              1  3  1  0
            M  END
            $$$$
            good\twith tab
              test

              1  0  0  0  0  0  0  0  0  0999 V2000
                0.0000    0.0000    0.0000 N   0  0  0  0  0  0  0  0  0  0  0  0
            M  END
            $$$$

            """
        let piped = Self.rows(try AccordProcess.run(["canon"], input: broken))
        #expect(piped.count == 2)
        #expect(piped[0][0] == "error" && piped[0][1] == "bad" && piped[0][2].hasPrefix("record 1, line 7:"))
        #expect(piped[1] == ["N", "good with tab"])
    }

    @Test("bad input never stops the stream; unreadable inputs and usage errors set the exit status")
    func failures() throws {
        let mixed = try AccordProcess.run(["canon", "-"], input: "CCO ethanol\nC1CC ring\n\n# comment\nC(C)(C)(C)(C)C five\nc1ccccc1\n")
        #expect(mixed.status == 0)
        let rows = Self.rows(mixed)
        #expect(rows.map { $0[0] } == ["CCO", "error", "error", "c1ccccc1"])
        #expect(rows[1][2].hasPrefix("line 2, column "))
        #expect(rows[2][2].hasPrefix("line 5, column "))

        let missing = try AccordProcess.run(["canon", "no/such/file.smi"])
        #expect(missing.status == 66)
        #expect(missing.standardOutput.isEmpty)
        #expect(missing.standardError.contains("no/such/file.smi"))
        #expect(try AccordProcess.run(["canon", "--format", "xyz", "-"]).status == 64)
        #expect(try AccordProcess.run(["canon", "--no-such-option"]).status == 64)
    }
}
