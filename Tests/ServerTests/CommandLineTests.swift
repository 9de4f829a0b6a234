import Exchange
import ExchangeTestSupport
import Foundation
import SQLKit
@testable import Storage
import Testing

/// `accord admin` and `accord audit verify`, run as the built executable against a fresh database.
@Suite(.serialized)
struct CommandLineTests {
    static func json(_ text: String) -> [String: JSONValue] {
        guard let line = text.split(separator: "\n").last, case .object(let fields) = try? JSONValue.parse(Data(line.utf8)) else { return [:] }
        return fields
    }

    static func string(_ fields: [String: JSONValue], _ key: String) -> String? {
        if case .string(let text) = fields[key] { return text }
        return nil
    }

    @Test("admin commands create accounts, rotate and revoke keys; audit verify fails on tampering", arguments: TestDatabase.allCases)
    func adminLifecycle(database: TestDatabase) async throws {
        if let reason = database.unavailableReason { Issue.record(Comment(rawValue: reason)); return }
        let location = try await database.makeLocation()
        let db = DurabilityTests.databaseArguments(location)
        func accord(_ arguments: String...) throws -> (String, Int32) { try DurabilityTests.run(arguments + db) }

        let (initOut, initStatus) = try accord("admin", "init", "--agency", "DEA", "--country", "US")
        #expect(initStatus == 0)
        let initFields = Self.json(initOut)
        #expect(Self.string(initFields, "agency") == "DEA")
        #expect(Self.string(initFields, "user") == "admin")
        #expect(Self.string(initFields, "api_key")?.hasPrefix("acc_") == true)
        #expect(try accord("admin", "init", "--agency", "Other", "--country", "US").1 != 0, "a second init must be refused")

        #expect(try accord("admin", "agency", "create", "--name", "NNCC", "--country", "CN").1 == 0)
        #expect(try accord("admin", "agency", "create", "--name", "Bad", "--country", "china").1 != 0)
        #expect(try accord("admin", "agency", "create", "--name", "FGR", "--country", "MX").1 == 0)
        #expect(try accord("admin", "partner", "add", "--agency", "DEA", "--partner", "NNCC").1 == 0)
        #expect(try accord("admin", "partner", "add", "--agency", "DEA", "--partner", "Nobody").1 != 0)
        #expect(try accord("admin", "group", "create", "--name", "North America", "--member", "DEA", "--member", "FGR").1 == 0)
        #expect(try accord("admin", "group", "add-member", "--group", "North America", "--agency", "NNCC").1 == 0)
        #expect(try accord("admin", "user", "create", "--agency", "NNCC", "--name", "li", "--role", "viewer").1 == 0)
        #expect(try accord("admin", "user", "create", "--agency", "NNCC", "--name", "x", "--role", "boss").1 != 0)

        let (keyOut, keyStatus) = try accord("admin", "key", "create", "--agency", "NNCC", "--user", "li", "--read-only", "--expires-in-days", "7")
        #expect(keyStatus == 0)
        let key = Self.json(keyOut)
        #expect(key["read_only"] == .bool(true))
        #expect(key["expires_at"] != nil)
        let (rotatedOut, rotatedStatus) = try accord("admin", "key", "rotate", "--key-id", Self.string(key, "key_id") ?? "")
        #expect(rotatedStatus == 0)
        let rotated = Self.json(rotatedOut)
        #expect(rotated["read_only"] == .bool(true))
        #expect(Self.string(rotated, "key_id") != Self.string(key, "key_id"))

        let store = try await ExchangeStore.open(location)
        await #expect(throws: ExchangeError.self) { _ = try await store.authenticate(token: Self.string(key, "api_key") ?? "") }
        let caller = try await store.authenticate(token: Self.string(rotated, "api_key") ?? "")
        #expect(caller.readOnlyKey)
        #expect(caller.country == "CN")
        #expect(try await store.workingGroup(named: "North America")?.members.count == 3)
        let directoryBefore = try await store.sharingDirectory()
        await store.close()
        #expect(try accord("admin", "group", "remove-member", "--group", "North America", "--agency", "NNCC").1 == 0)
        #expect(try accord("admin", "group", "remove-member", "--group", "North America", "--agency", "NNCC").1 != 0)
        #expect(try accord("admin", "partner", "remove", "--agency", "NNCC", "--partner", "DEA").1 == 0)
        let after = try await ExchangeStore.open(location)
        let directoryAfter = try await after.sharingDirectory()
        await after.close()
        #expect(directoryBefore.partners.values.contains { !$0.isEmpty })
        #expect(directoryAfter.partners.values.allSatisfy { $0.isEmpty })
        #expect(directoryAfter.groups.values.first?.members.count == 2)

        #expect(try accord("admin", "user", "disable", "--agency", "NNCC", "--name", "li").1 == 0)
        let disabledStore = try await ExchangeStore.open(location)
        do {
            _ = try await disabledStore.authenticate(token: Self.string(rotated, "api_key") ?? "")
            Issue.record("a disabled user's key was accepted")
        } catch let error as ExchangeError {
            #expect(error.code == "user_disabled")
        }
        await disabledStore.close()
        #expect(try accord("admin", "user", "enable", "--agency", "NNCC", "--name", "li").1 == 0)
        #expect(try accord("admin", "key", "revoke", "--key-id", Self.string(rotated, "key_id") ?? "").1 == 0)
        #expect(try accord("admin", "key", "revoke", "--key-id", Self.string(rotated, "key_id") ?? "").1 != 0, "revoking twice is refused")

        let (verifyOut, verifyStatus) = try accord("audit", "verify")
        #expect(verifyStatus == 0)
        #expect(Self.json(verifyOut)["intact"] == .bool(true))

        // Alter one audit line behind the server's back: verify names it and exits 1.
        let tamper = try await ExchangeStore.open(location)
        try await tamper.backend.write { db in try await db.raw("UPDATE audit_log SET action = 'agency.delete' WHERE sequence = 4").run() }
        await tamper.close()
        let (brokenOut, brokenStatus) = try accord("audit", "verify")
        #expect(brokenStatus == 1)
        let broken = Self.json(brokenOut)
        #expect(broken["intact"] == .bool(false))
        if case .object(let first) = broken["first_break"] { #expect(first["sequence"] == .number(4)) } else { Issue.record("no first_break: \(brokenOut)") }
        await TestDatabase.discard(location)
    }
}
