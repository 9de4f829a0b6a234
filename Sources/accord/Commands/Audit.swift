import ArgumentParser
import Exchange
import Storage

/// `accord audit`: checks the audit log.
struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check the exchange's audit log.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Prove the audit chain intact, or name its first broken link.",
            discussion: """
                Walks every entry, checking sequence numbers, links and hashes, then checks that each record's stored \
                content matches the digest its last audit entry recorded. Prints one JSON object; exits with status 1 \
                when the chain or a record does not verify, so scripts can act on it.
                """)

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let store = try await database.openStore()
            let report: AuditReport
            do {
                report = try await store.verifyAudit()
            } catch {
                await store.close()
                throw cliFailure(error)
            }
            await store.close()
            try printJSON(report)
            if !report.intact {
                if let broken = report.firstBreak { printError("accord: audit chain broken at entry \(broken.sequence): \(broken.reason)") }
                if !report.recordMismatches.isEmpty { printError("accord: records changed outside the server: \(report.recordMismatches.joined(separator: ", "))") }
                throw ExitCode(1)
            }
        }
    }
}
