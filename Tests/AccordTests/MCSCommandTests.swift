import Foundation
import Testing

/// `accord mcs`, run as the built executable.
@Suite("accord mcs")
struct MCSCommandTests {
    struct Run {
        let output: String
        let status: Int32
        var json: [String: Any] {
            guard let line = output.split(separator: "\n").last,
                let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            else { return [:] }
            return object
        }
    }

    static func accord(_ arguments: String...) throws -> Run {
        let directory = Bundle.main.bundleURL.deletingLastPathComponent()
        let candidates = [directory.appendingPathComponent("accord"), Bundle.main.bundleURL.appendingPathComponent("accord")]
        guard let binary = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "accord executable not found in \(directory.path)"])
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(output: String(decoding: data, as: UTF8.self), status: process.terminationStatus)
    }

    @Test("fentanyl and acetylfentanyl share 24 atoms, 26 bonds")
    func fentanyl() throws {
        let run = try Self.accord("mcs", "CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1", "CC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1")
        #expect(run.status == 0)
        let json = run.json
        #expect(json["atoms"] as? Int == 24)
        #expect(json["bonds"] as? Int == 26)
        #expect(json["timed_out"] as? Bool == false)
        #expect(json["first_atoms"] as? Int == 25)
        #expect(json["second_atoms"] as? Int == 24)
        let mapping = json["mapping"] as? [[Int]] ?? []
        #expect(mapping.count == 24)
        #expect(Set(mapping.map { $0[1] }) == Set(0..<24))
        #expect((json["bond_mapping"] as? [[Int]])?.count == 26)
        #expect((json["smarts"] as? String)?.hasPrefix("[#6]") == true)
    }

    @Test("ring options and their SMARTS")
    func ringOptions() throws {
        let plain = try Self.accord("mcs", "Cc1ccccc1", "CCCCCCCCC").json
        #expect(plain["atoms"] as? Int == 7)
        #expect(plain["bonds"] as? Int == 6)
        let ring = try Self.accord("mcs", "Cc1ccccc1", "CCCCCCCCC", "--ring-matches-ring-only").json
        #expect(ring["atoms"] as? Int == 1)
        #expect(ring["smarts"] as? String == "[#6&!R]")
        let complete = try Self.accord("mcs", "c1ccc2ccccc2c1", "C1CCCCCCCCC1", "--complete-rings-only").json
        #expect(complete["atoms"] as? Int == 10)
        let none = try Self.accord("mcs", "C1CCCCC1", "C1CCCCCCCCC1", "--complete-rings-only", "--ring-matches-ring-only").json
        #expect(none["atoms"] as? Int == 0)
        #expect(none["smarts"] as? String == "")
        #expect((none["mapping"] as? [[Int]])?.isEmpty == true)
    }

    @Test("comparison options")
    func comparisons() throws {
        #expect(try Self.accord("mcs", "CCO", "CCN", "--atom-compare", "any").json["atoms"] as? Int == 3)
        #expect(try Self.accord("mcs", "CC=O", "CCO", "--bond-compare", "any").json["bonds"] as? Int == 2)
        #expect(try Self.accord("mcs", "c1ccccc1", "C1CCCCC1", "--bond-compare", "order-exact").json["bonds"] as? Int == 0)
        #expect(try Self.accord("mcs", "C[O-]", "CO", "--match-charges").json["atoms"] as? Int == 1)
        #expect(try Self.accord("mcs", "CS", "CS(C)(=O)=O", "--match-valences", "--bond-compare", "any").json["atoms"] as? Int == 1)
        #expect(try Self.accord("mcs", "CS", "CS(C)(=O)=O", "--bond-compare", "any").json["atoms"] as? Int == 2)
    }

    @Test("a timeout of 0 stops the search and says so")
    func timeout() throws {
        let run = try Self.accord(
            "mcs", "C[C@]12CC[C@H]3[C@@H](CCC4=CC(=O)CC[C@@H]43)[C@@H]1CC[C@@H]2OC(=O)CCc1ccccc1",
            "CC(C)CCC[C@@H](C)[C@H]1CC[C@H]2[C@@H]3CC=C4C[C@@H](O)CC[C@]4(C)[C@H]3CC[C@]12C", "--atom-compare", "any",
            "--timeout", "0")
        #expect(run.status == 0)
        #expect(run.json["timed_out"] as? Bool == true)
        #expect((run.json["atoms"] as? Int ?? 0) > 0)
    }

    @Test("bad input: a SMILES error names the argument and column; bad options are usage errors")
    func badInput() throws {
        let run = try Self.accord("mcs", "CCO", "C1CC(")
        #expect(run.status == 1)
        #expect(run.json["argument"] as? Int == 2)
        #expect(run.json["column"] as? Int != nil)
        #expect((run.json["error"] as? String)?.isEmpty == false)
        #expect(try Self.accord("mcs", "CCO").status != 0)
        #expect(try Self.accord("mcs", "CCO", "CCO", "--timeout", "-1").status != 0)
        #expect(try Self.accord("mcs", "CCO", "CCO", "--atom-compare", "colour").status != 0)
    }
}
