import Exchange
import Foundation

/// Where the exchange keeps its data: an SQLite file in a data folder (the default, no set-up) or a
/// PostgreSQL server given by URL (for several server processes or larger volumes).
public enum DatabaseLocation: Sendable, Hashable, CustomStringConvertible {
    case sqlite(directory: String)
    case postgres(PostgresLocation)

    /// The SQLite file inside a data folder.
    public static let sqliteFileName = "accord.sqlite"

    /// Reads `postgres://user:password@host:port/database?sslmode=disable|prefer|require`.
    public static func postgres(url: String) throws(ExchangeError) -> DatabaseLocation {
        guard let components = URLComponents(string: url), let scheme = components.scheme,
              scheme == "postgres" || scheme == "postgresql", let host = components.host, !host.isEmpty else {
            throw ExchangeError(.malformed, code: "invalid_database_url", "expected postgres://user:password@host:port/database", field: "--database-url")
        }
        let database = String(components.path.drop(while: { $0 == "/" }))
        let mode = components.queryItems?.first(where: { $0.name == "sslmode" })?.value ?? "disable"
        guard let tls = PostgresLocation.TLSMode(rawValue: mode) else {
            throw ExchangeError(.malformed, code: "invalid_database_url", "sslmode must be disable, prefer or require", field: "--database-url")
        }
        return .postgres(PostgresLocation(host: host, port: components.port ?? 5432, user: components.user ?? "postgres",
                                          password: components.password, database: database.isEmpty ? (components.user ?? "postgres") : database,
                                          tls: tls))
    }

    public var description: String {
        switch self {
        case .sqlite(let directory): "sqlite:\(directory)/\(Self.sqliteFileName)"
        case .postgres(let p): "postgres://\(p.user)@\(p.host):\(p.port)/\(p.database)"
        }
    }
}

/// A PostgreSQL server and database.
public struct PostgresLocation: Sendable, Hashable {
    public enum TLSMode: String, Sendable, Hashable { case disable, prefer, require }
    public let host: String
    public let port: Int
    public let user: String
    public let password: String?
    public let database: String
    public let tls: TLSMode
}
