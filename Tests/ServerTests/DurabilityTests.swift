import Exchange
import ExchangeTestSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Storage
import Testing

/// Kills the real `accord serve` process (SIGKILL) in the middle of a stream of writes, restarts it, and
/// checks that every write it acknowledged is there and the audit chain verifies.
@Suite(.serialized)
struct DurabilityTests {
    /// The built `accord` executable, next to the test bundle.
    static func accordBinary() throws -> URL {
        let directory = Bundle.main.bundleURL.deletingLastPathComponent()
        for candidate in [directory.appendingPathComponent("accord"), Bundle.main.bundleURL.appendingPathComponent("accord")]
        where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        throw DatabaseUnavailable(message: "the accord executable was not found next to the tests in \(directory.path); run swift build first")
    }

    static func databaseArguments(_ location: DatabaseLocation) -> [String] {
        switch location {
        case .sqlite(let directory): return ["--data", directory]
        case .postgres(let p):
            return ["--database-url", "postgres://\(p.user)\(p.password.map { ":\($0)" } ?? "")@\(p.host):\(p.port)/\(p.database)"]
        }
    }

    /// Runs an accord command to completion and returns its standard output and exit status.
    static func run(_ arguments: [String]) throws -> (String, Int32) {
        let process = Process()
        process.executableURL = try accordBinary()
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: data, as: UTF8.self), process.terminationStatus)
    }

    /// Starts `accord serve` on a free port and returns the process and its base URL.
    static func startServer(_ database: [String]) throws -> (Process, String) {
        let process = Process()
        process.executableURL = try accordBinary()
        process.arguments = ["serve", "--port", "0"] + database
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while true {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line += byte
        }
        guard case .object(let fields) = try JSONValue.parse(line), case .string(let url) = fields["listening"] else {
            process.terminate()
            throw DatabaseUnavailable(message: "accord serve did not report its address: \(String(decoding: line, as: UTF8.self))")
        }
        return (process, url)
    }

    static func post(_ url: String, key: String, body: String) async -> String? {
        guard let endpoint = URL(string: url + "/api/v1/seizures") else { return nil }
        var request = URLRequest(url: endpoint)
        request.httpMethod = "POST"
        request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(body.utf8)
        request.timeoutInterval = 5
        guard let (data, response) = try? await URLSession.shared.data(for: request),
              (response as? HTTPURLResponse)?.statusCode == 201,
              case .object(let fields) = try? JSONValue.parse(data), case .string(let id) = fields["id"] else { return nil }
        return id
    }

    static func status(_ url: String, key: String, id: String) async -> Int {
        guard let endpoint = URL(string: url + "/api/v1/seizures/\(id)") else { return 0 }
        var request = URLRequest(url: endpoint)
        request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization")
        guard let (_, response) = try? await URLSession.shared.data(for: request) else { return 0 }
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }

    @Test("acknowledged writes survive SIGKILL and the audit chain verifies", arguments: TestDatabase.allCases)
    func killDuringWrites(database: TestDatabase) async throws {
        if let reason = database.unavailableReason { Issue.record(Comment(rawValue: reason)); return }
        let location = try await database.makeLocation()
        let arguments = Self.databaseArguments(location)
        let (initOutput, initStatus) = try Self.run(["admin", "init", "--agency", "DEA", "--country", "US"] + arguments)
        #expect(initStatus == 0)
        guard case .object(let initFields) = try JSONValue.parse(Data(initOutput.utf8)), case .string(let key) = initFields["api_key"] else {
            Issue.record("admin init printed no key: \(initOutput)"); return
        }

        let (server, url) = try Self.startServer(arguments)
        let body = #"{"distribution":{"level":"agency"},"tlp":"amber","date":"2025-03-01","place":{"country":"US","city":"Nogales"},"substances":[{"name":"fentanyl"}],"quantity":{"amount":1,"unit":"kg"}}"#
        let acknowledged = AcknowledgedWrites()
        // Four writers post until the server dies; the server is killed once 60 writes are acknowledged.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    var failures = 0
                    for _ in 0..<2000 where failures < 3 {
                        if let id = await Self.post(url, key: key, body: body) {
                            await acknowledged.add(id)
                        } else {
                            failures += 1
                        }
                    }
                }
            }
            group.addTask {
                let deadline = Date().addingTimeInterval(60)
                while await acknowledged.count < 60 && Date() < deadline { try await Task.sleep(for: .milliseconds(5)) }
                kill(server.processIdentifier, SIGKILL)
            }
            try await group.waitForAll()
        }
        server.waitUntilExit()
        #expect(server.terminationReason == .uncaughtSignal)
        let ids = await acknowledged.ids
        #expect(ids.count >= 60)

        let (restarted, newURL) = try Self.startServer(arguments)
        var missing: [String] = []
        for id in ids where await Self.status(newURL, key: key, id: id) != 200 { missing.append(id) }
        restarted.terminate()
        restarted.waitUntilExit()
        #expect(missing.isEmpty, "\(missing.count) of \(ids.count) acknowledged writes lost")

        let (report, verifyStatus) = try Self.run(["audit", "verify"] + arguments)
        #expect(verifyStatus == 0, "\(report)")
        guard case .object(let fields) = try JSONValue.parse(Data(report.utf8)), case .number(let entries) = fields["entries"] else {
            Issue.record("audit verify printed no report"); return
        }
        #expect(fields["intact"] == .bool(true))
        // init wrote 3 entries (agency, user, key); every acknowledged seizure has its own.
        #expect(Int(entries) >= 3 + ids.count)
        await TestDatabase.discard(location)
    }
}

actor AcknowledgedWrites {
    private(set) var ids: [String] = []
    var count: Int { ids.count }
    func add(_ id: String) { ids.append(id) }
}
