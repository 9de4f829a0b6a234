import Foundation
import Testing

/// `accord match` run as a separate process. Expected counts are RDKit 2026.09.1's
/// `len(mol.GetSubstructMatches(Chem.MolFromSmarts(query)))` on the same records.
@Suite("accord match")
struct MatchCommandTests {
    /// The output lines decoded, with the documented field order checked.
    static func objects(_ result: AccordProcess, atoms: Bool = false) throws -> [[String: Any]] {
        let keys = atoms ? ["index", "name", "matches", "atoms", "error"] : ["index", "name", "matches", "error"]
        return try result.lines.map { line in
            var position = line.startIndex
            for key in keys {
                guard let range = line.range(of: "\"\(key)\":", range: position..<line.endIndex) else {
                    Issue.record("field \(key) missing or out of order in \(line)")
                    break
                }
                position = range.upperBound
            }
            if !atoms { #expect(!line.contains("\"atoms\"")) }
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
            return try #require(object as? [String: Any])
        }
    }

    static func counts(_ objects: [[String: Any]]) -> [String: Int?] {
        var result: [String: Int?] = [:]
        for object in objects {
            if let name = object["name"] as? String { result[name] = object["matches"] as? Int }
        }
        return result
    }

    @Test("the bundled example: the fentanyl core found where RDKit finds it, broken records reported in order")
    func example() throws {
        let result = try AccordProcess.run(["match", "O=C(N(c1ccccc1)C1CCNCC1)", "Examples/opioids.smi"])
        #expect(result.status == 0)
        #expect(result.standardError.isEmpty)
        let objects = try Self.objects(result)
        #expect(objects.count == 40)
        #expect(objects.map { $0["index"] as? Int } == (0..<40).map { Optional($0) })
        let counts = Self.counts(objects)
        // RDKit: the 22 fentanyls and norfentanyl contain the core once; the others not at all.
        let withCore = objects.prefix(37).filter { ($0["matches"] as? Int) == 1 }.compactMap { $0["name"] as? String }
        #expect(withCore.count == 23)
        #expect(withCore.contains("sufentanil") && withCore.contains("norfentanyl") && withCore.contains("3-methylthiofentanyl"))
        #expect(objects.prefix(37).allSatisfy { [0, 1].contains($0["matches"] as? Int) && $0["error"] is NSNull })
        #expect(counts["ANPP"] == 0 && counts["U-47700"] == 0 && counts["morphine"] == 0)
        let broken = objects.suffix(3)
        #expect(broken.allSatisfy { $0["matches"] is NSNull && $0["error"] is String })
        #expect((broken.first?["error"] as? String)?.hasPrefix("line 44, column 20:") == true)
    }

    @Test("counts above one, and --atoms lists each match's atoms in query order as RDKit does")
    func atoms() throws {
        let benzene = try AccordProcess.run(["match", "c1ccccc1", "Examples/opioids.smi"])
        let counts = Self.counts(try Self.objects(benzene))
        #expect(counts["fentanyl"] == 2 && counts["sufentanil"] == 1 && counts["MT-45"] == 2 && counts["morphine"] == 1)

        let amine = "[$([NX3;H2,H1;!$(NC=O)])]"
        let result = try AccordProcess.run(["match", "--atoms", amine, "Examples/opioids.smi"])
        #expect(result.status == 0)
        let objects = try Self.objects(result, atoms: true)
        #expect(objects.count == 40)
        let byName = Dictionary(objects.compactMap { o in (o["name"] as? String).map { ($0, o) } }, uniquingKeysWith: { a, _ in a })
        // RDKit: ANPP ((4,),), 4-AP ((4,), (8,)), norfentanyl ((14,),), fentanyl ().
        #expect(byName["ANPP"]?["atoms"] as? [[Int]] == [[4]])
        #expect(byName["4-AP"]?["atoms"] as? [[Int]] == [[4], [8]])
        #expect(byName["4-AP"]?["matches"] as? Int == 2)
        #expect(byName["norfentanyl"]?["atoms"] as? [[Int]] == [[14]])
        #expect(byName["fentanyl"]?["atoms"] as? [[Int]] == [])
        #expect(byName["five-bonded-carbon"]?["atoms"] is NSNull)
        for object in objects where !(object["atoms"] is NSNull) {
            #expect((object["atoms"] as? [[Int]])?.count == object["matches"] as? Int)
        }

        let glycol = try AccordProcess.run(["match", "--atoms", "[OX2H]C", "OCCO glycol"])
        let mapped = try Self.objects(glycol, atoms: true)
        #expect(mapped.first?["atoms"] as? [[Int]] == [[0, 1], [3, 2]])
    }

    @Test("an invalid SMARTS is a usage error that shows the column; nothing is written to standard output")
    func invalidQuery() throws {
        let result = try AccordProcess.run(["match", "CC(=O", "Examples/opioids.smi"])
        #expect(result.status == 64)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.contains("unbalanced_parenthesis"))
        #expect(result.standardError.contains("column 3"))
        #expect(result.standardError.contains("  CC(=O\n    ^"))

        let bracket = try AccordProcess.run(["match", "[C;X5", "CCO"])
        #expect(bracket.status == 64)
        #expect(bracket.standardError.contains("column 1"))

        // The input file given where the pattern belongs gets a hint.
        let swapped = try AccordProcess.run(["match", "Examples/opioids.smi"])
        #expect(swapped.status == 64)
        #expect(swapped.standardError.contains("the SMARTS comes first"))

        let smiles = try AccordProcess.run(["match", "--smiles", "c1ccc(", "CCO"])
        #expect(smiles.status == 64)
        #expect(smiles.standardError.contains("invalid query SMILES"))
        #expect(smiles.standardError.contains("column 7"))

        let negative = try AccordProcess.run(["match", "--max-matches", "-1", "C", "CCO"])
        #expect(negative.status == 64)
    }

    @Test("missing input is exit 66; standard input and SD files are read as by describe")
    func inputs() throws {
        let missing = try AccordProcess.run(["match", "C", "no-such-file.smi"])
        #expect(missing.status == 66)
        #expect(missing.standardError.contains("no-such-file.smi"))

        let piped = try AccordProcess.run(["match", "[OX2H]", "-"], input: "CCO ethanol\nOCCO glycol\nC1CC bad\nc1ccccc1O phenol\n")
        #expect(piped.status == 0)
        let objects = try Self.objects(piped)
        #expect(objects.map { $0["name"] as? String } == ["ethanol", "glycol", "bad", "phenol"])
        #expect(objects.map { $0["matches"] as? Int } == [1, 2, nil, 1])
        #expect((objects[2]["error"] as? String)?.hasPrefix("line 3, column") == true)

        let sdf = try AccordProcess.run(["match", "[#7]", "Tests/ChemistryTests/Resources/molfile/cdk2.sdf"])
        #expect(sdf.status == 0)
        let records = try Self.objects(sdf)
        #expect(records.count == 47)
        #expect(records.allSatisfy { ($0["matches"] as? Int ?? 0) > 0 })
    }

    @Test("--smiles matches a molecule query, --chirality compares configurations, --max-matches caps the count")
    func options() throws {
        let smiles = try AccordProcess.run(["match", "--smiles", "c1ccc(NC2CCNCC2)cc1", "Examples/opioids.smi"])
        let counts = Self.counts(try Self.objects(smiles))
        // RDKit with MolFromSmiles as the query: every fentanyl, ANPP, 4-AP and norfentanyl once.
        #expect(counts["fentanyl"] == 1 && counts["ANPP"] == 1 && counts["4-AP"] == 1 && counts["U-47700"] == 0)

        let lAlanine = "N[C@@H](C)C(=O)O"
        let inputs = ["N[C@@H](C)C(=O)O L", "N[C@H](C)C(=O)O D", "NC(C)C(=O)O unspecified"]
        let plain = try Self.objects(try AccordProcess.run(["match", lAlanine] + inputs))
        #expect(plain.map { $0["matches"] as? Int } == [1, 1, 1])
        let chiral = try Self.objects(try AccordProcess.run(["match", "--chirality", lAlanine] + inputs))
        #expect(chiral.map { $0["matches"] as? Int } == [1, 0, 0])

        let chain = String(repeating: "C", count: 20)
        let capped = try Self.objects(try AccordProcess.run(["match", "--max-matches", "5", "*~*", chain]))
        #expect(capped.first?["matches"] as? Int == 5)
        let all = try Self.objects(try AccordProcess.run(["match", "*~*", chain]))
        #expect(all.first?["matches"] as? Int == 19)
    }
}
