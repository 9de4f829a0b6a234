import Exchange
import SQLKit

/// Applies pending migrations, each in its own transaction with its bookkeeping row, so a crash leaves
/// the schema either before or after a step, never half-way.
enum Migrator {
    static func migrate(_ backend: SQLBackend) async throws -> [Int] {
        try await backend.write { db in
            try await db.raw("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)").run()
        }
        var applied: [Int] = []
        for migration in Migration.all {
            let done = try await backend.write { db -> Bool in
                let existing = try await db.raw("SELECT version FROM schema_migrations WHERE version = \(bind: migration.version)").first()
                if existing != nil { return false }
                for statement in migration.statements {
                    try await db.raw(SQLQueryString(statement)).run()
                }
                try await db.raw("INSERT INTO schema_migrations (version, name, applied_at) VALUES (\(bind: migration.version), \(bind: migration.name), \(bind: Timestamp.now().description))").run()
                return true
            }
            if done { applied.append(migration.version) }
        }
        let known = Set(Migration.all.map(\.version))
        let present = try await backend.read { db in
            try await db.raw("SELECT version FROM schema_migrations").all().map { try $0.decode(column: "version", as: Int.self) }
        }
        if let unknown = present.first(where: { !known.contains($0) }) {
            throw ExchangeError(.internal, code: "schema_too_new", "the database has schema version \(unknown), which this accord does not know; use a newer accord")
        }
        return applied
    }
}
