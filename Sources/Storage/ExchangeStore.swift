import Exchange
import SQLKit

/// The exchange's data: accounts, shared records and the audit log, in SQLite or PostgreSQL.
///
/// Every change goes through a write transaction that also appends its audit entry, so a change and its
/// audit line are committed together or not at all.
public final class ExchangeStore: Sendable {
    let backend: SQLBackend
    public let location: DatabaseLocation

    init(backend: SQLBackend, location: DatabaseLocation) {
        self.backend = backend
        self.location = location
    }

    /// Opens (creating if needed) and migrates the database.
    public static func open(_ location: DatabaseLocation) async throws -> ExchangeStore {
        let backend = try await SQLBackend.open(location)
        do {
            _ = try await Migrator.migrate(backend)
        } catch {
            await backend.close()
            throw error
        }
        return ExchangeStore(backend: backend, location: location)
    }

    public func close() async { await backend.close() }

    /// `sqlite` or `postgresql`.
    public var databaseKind: String {
        switch backend.kind {
        case .sqlite: "sqlite"
        case .postgres: "postgresql"
        }
    }
}

/// Who made a change, for the audit log.
public struct AuditActor: Sendable, Hashable {
    public let user: String
    public let agency: String?

    public init(user: String, agency: String?) {
        self.user = user
        self.agency = agency
    }

    /// The command-line operator (`accord admin`).
    public static let `operator` = AuditActor(user: AuditEntry.operatorActor, agency: nil)

    public init(_ caller: Caller) {
        self.init(user: caller.user.rawValue, agency: caller.agency.rawValue)
    }
}

extension SQLRow {
    func string(_ column: String) throws -> String { try decode(column: column, as: String.self) }
    func optionalString(_ column: String) throws -> String? { try decode(column: column, as: String?.self) }
    func int(_ column: String) throws -> Int { try decode(column: column, as: Int.self) }
    func int64(_ column: String) throws -> Int64 { try decode(column: column, as: Int64.self) }
    func timestamp(_ column: String) throws -> Timestamp {
        let text = try string(column)
        guard let value = Timestamp(rfc3339: text) else {
            throw ExchangeError(.internal, code: "corrupt_row", "column \(column) holds '\(text)', not a timestamp")
        }
        return value
    }
    func optionalTimestamp(_ column: String) throws -> Timestamp? {
        guard let text = try optionalString(column) else { return nil }
        guard let value = Timestamp(rfc3339: text) else {
            throw ExchangeError(.internal, code: "corrupt_row", "column \(column) holds '\(text)', not a timestamp")
        }
        return value
    }
}
