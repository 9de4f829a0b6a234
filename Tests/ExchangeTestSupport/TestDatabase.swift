import Exchange
import Foundation
import PostgresNIO
import Storage

/// The databases every store test runs against.
public enum TestDatabase: String, Sendable, CaseIterable {
    case sqlite
    case postgres

    /// Environment variable with a PostgreSQL URL; `scripts/test` starts a server and sets it.
    public static let postgresURLVariable = "ACCORD_TEST_POSTGRES_URL"

    public var testDescription: String { rawValue }

    /// Why this database cannot be tested here, or nil when it can.
    public var unavailableReason: String? {
        switch self {
        case .sqlite: return nil
        case .postgres:
            return ProcessInfo.processInfo.environment[Self.postgresURLVariable] == nil
                ? "PostgreSQL was NOT tested: \(Self.postgresURLVariable) is not set. Run scripts/test, which starts a PostgreSQL server on loopback."
                : nil
        }
    }

    /// A fresh, empty database location: a new temporary folder for SQLite, a new database on the test
    /// PostgreSQL server.
    public func makeLocation() async throws -> DatabaseLocation {
        switch self {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("accord-test-\(UUID().uuidString)").path
            return .sqlite(directory: directory)
        case .postgres:
            guard let url = ProcessInfo.processInfo.environment[Self.postgresURLVariable],
                  case .postgres(let server) = try DatabaseLocation.postgres(url: url) else {
                throw ExchangeError(.unavailable, code: "no_test_postgres", unavailableReason ?? "")
            }
            let name = "accord_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            let configuration = PostgresConnection.Configuration(host: server.host, port: server.port, username: server.user,
                                                                 password: server.password, database: server.database, tls: .disable)
            let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: .init(label: "accord.test"))
            do {
                try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: .init(label: "accord.test"))
                try await connection.close()
            } catch {
                try? await connection.close()
                throw error
            }
            var components = URLComponents()
            components.scheme = "postgres"
            components.user = server.user
            components.password = server.password
            components.host = server.host
            components.port = server.port
            components.path = "/" + name
            return try DatabaseLocation.postgres(url: components.string ?? "")
        }
    }

    /// Opens a fresh store, runs `body`, closes it. Records a test failure (never a silent pass) when the
    /// database is not available.
    public func withStore<T>(_ body: (ExchangeStore) async throws -> T) async throws -> T? {
        if let reason = unavailableReason {
            throw DatabaseUnavailable(message: reason)
        }
        let location = try await makeLocation()
        let store = try await ExchangeStore.open(location)
        do {
            let result = try await body(store)
            await store.close()
            await Self.discard(location)
            return result
        } catch {
            await store.close()
            await Self.discard(location)
            throw error
        }
    }

    /// Deletes a test database: the SQLite folder, or the PostgreSQL database (best effort; the throw-away
    /// server of scripts/test is deleted as a whole anyway).
    public static func discard(_ location: DatabaseLocation) async {
        switch location {
        case .sqlite(let directory):
            try? FileManager.default.removeItem(atPath: directory)
        case .postgres(let database):
            guard let url = ProcessInfo.processInfo.environment[postgresURLVariable],
                  case .postgres(let server) = try? DatabaseLocation.postgres(url: url) else { return }
            let configuration = PostgresConnection.Configuration(host: server.host, port: server.port, username: server.user,
                                                                 password: server.password, database: server.database, tls: .disable)
            guard let connection = try? await PostgresConnection.connect(configuration: configuration, id: 2, logger: .init(label: "accord.test")) else { return }
            _ = try? await connection.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(database.database) WITH (FORCE)"), logger: .init(label: "accord.test"))
            try? await connection.close()
        }
    }
}

/// Thrown (and so failing the test) when a database variant cannot run.
public struct DatabaseUnavailable: Error, CustomStringConvertible {
    public let message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}

