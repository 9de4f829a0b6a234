import Exchange
import Foundation
import Logging
import NIOSSL
import PostgresKit
import PostgresNIO
import SQLKit
import SQLiteKit
import SQLiteNIO

/// The two databases behind one interface: reads on any connection, writes in one transaction at a time
/// (so the audit chain has a single head), with SQL written once in the dialect both accept.
final class SQLBackend: Sendable {
    enum Kind: Sendable { case sqlite, postgres }

    let kind: Kind
    private let sqliteWriter: SQLiteConnection?
    private let sqliteReader: SQLiteConnection?
    private let postgres: PostgresClient?
    private let postgresRunner: Task<Void, Never>?
    private let writeLock = AsyncLock()

    private init(kind: Kind, sqliteWriter: SQLiteConnection?, sqliteReader: SQLiteConnection?, postgres: PostgresClient?, postgresRunner: Task<Void, Never>?) {
        self.kind = kind
        self.sqliteWriter = sqliteWriter
        self.sqliteReader = sqliteReader
        self.postgres = postgres
        self.postgresRunner = postgresRunner
    }

    static func open(_ location: DatabaseLocation) async throws -> SQLBackend {
        switch location {
        case .sqlite(let directory):
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let path = (directory as NSString).appendingPathComponent(DatabaseLocation.sqliteFileName)
            var logger = Logger(label: "accord.sqlite")
            logger.logLevel = .warning
            let writer = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
            // WAL lets readers work while a write is in progress; synchronous=FULL makes every acknowledged
            // commit survive a crash of the process or the machine; busy_timeout covers a second process.
            for pragma in ["PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=5000"] {
                _ = try await writer.query(pragma)
            }
            let reader = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
            for pragma in ["PRAGMA busy_timeout=5000", "PRAGMA foreign_keys=ON"] {
                _ = try await reader.query(pragma)
            }
            return SQLBackend(kind: .sqlite, sqliteWriter: writer, sqliteReader: reader, postgres: nil, postgresRunner: nil)
        case .postgres(let p):
            let tls: PostgresClient.Configuration.TLS
            switch p.tls {
            case .disable: tls = .disable
            case .prefer: tls = .prefer(.makeClientConfiguration())
            case .require: tls = .require(.makeClientConfiguration())
            }
            var configuration = PostgresClient.Configuration(host: p.host, port: p.port, username: p.user, password: p.password, database: p.database, tls: tls)
            configuration.options.maximumConnections = 8
            let client = PostgresClient(configuration: configuration)
            let runner = Task { await client.run() }
            let backend = SQLBackend(kind: .postgres, sqliteWriter: nil, sqliteReader: nil, postgres: client, postgresRunner: runner)
            // Fail now, with the server's message, rather than on the first request.
            do {
                try await backend.read { db in try await db.raw("SELECT 1 AS one").run() }
            } catch {
                runner.cancel()
                throw ExchangeError(.unavailable, code: "database_unreachable", "cannot reach PostgreSQL at \(p.host):\(p.port)/\(p.database): \(String(reflecting: error))")
            }
            return backend
        }
    }

    /// Runs read-only work.
    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        switch kind {
        case .sqlite:
            guard let reader = sqliteReader else { throw closedError }
            return try await body(reader.sql())
        case .postgres:
            guard let postgres else { throw closedError }
            return try await postgres.withConnection { connection in try await body(connection.sql(queryLogLevel: nil)) }
        }
    }

    /// Runs `body` in one transaction, serialised with every other write of this process, and for PostgreSQL
    /// with every other server process too (a transaction-scoped advisory lock).
    func write<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        switch kind {
        case .sqlite:
            guard let writer = sqliteWriter else { throw closedError }
            await writeLock.acquire()
            do {
                let db = writer.sql()
                try await db.raw("BEGIN IMMEDIATE").run()
                do {
                    let result = try await body(db)
                    try await db.raw("COMMIT").run()
                    await writeLock.release()
                    return result
                } catch {
                    try? await db.raw("ROLLBACK").run()
                    throw error
                }
            } catch {
                await writeLock.release()
                throw error
            }
        case .postgres:
            guard let postgres else { throw closedError }
            await writeLock.acquire()
            do {
                let result = try await postgres.withTransaction(logger: Logger(label: "accord.postgres")) { connection in
                    let db = connection.sql(queryLogLevel: nil)
                    try await db.raw("SELECT pg_advisory_xact_lock(\(bind: Int64(0x4143_434F_5244))) AS locked").run()
                    return try await body(db)
                }
                await writeLock.release()
                return result
            } catch {
                await writeLock.release()
                throw Self.unwrap(error)
            }
        }
    }

    /// PostgresNIO wraps errors thrown inside a transaction; hand back the domain error when it is one.
    static func unwrap(_ error: any Error) -> any Error {
        if let error = error as? ExchangeError { return error }
        if let error = error as? PostgresTransactionError, let closure = error.closureError { return closure }
        return error
    }

    func close() async {
        if let sqliteWriter { try? await sqliteWriter.close() }
        if let sqliteReader { try? await sqliteReader.close() }
        postgresRunner?.cancel()
    }

    private var closedError: ExchangeError { ExchangeError(.internal, code: "store_closed", "the store is closed") }
}
