/// One step of the schema, applied once, in order, on SQLite and PostgreSQL alike. Statements use only SQL
/// both accept (TEXT, BIGINT, INTEGER flags, ISO-8601 text timestamps), so there is one schema, not two.
struct Migration: Sendable {
    let version: Int
    let name: String
    let statements: [String]

    /// Every migration, oldest first. Append; never edit one that has shipped.
    static let all: [Migration] = [
        Migration(version: 1, name: "accounts, records, audit log", statements: [
            """
            CREATE TABLE agencies (
                id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, country TEXT NOT NULL, created_at TEXT NOT NULL)
            """,
            """
            CREATE TABLE partnerships (
                agency_id TEXT NOT NULL REFERENCES agencies(id), partner_id TEXT NOT NULL REFERENCES agencies(id),
                created_at TEXT NOT NULL, PRIMARY KEY (agency_id, partner_id))
            """,
            """
            CREATE TABLE working_groups (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL)
            """,
            """
            CREATE TABLE working_group_members (
                group_id TEXT NOT NULL REFERENCES working_groups(id), agency_id TEXT NOT NULL REFERENCES agencies(id),
                PRIMARY KEY (group_id, agency_id))
            """,
            """
            CREATE TABLE users (
                id TEXT PRIMARY KEY, agency_id TEXT NOT NULL REFERENCES agencies(id), name TEXT NOT NULL,
                role TEXT NOT NULL, password_hash TEXT, created_at TEXT NOT NULL, disabled INTEGER NOT NULL,
                UNIQUE (agency_id, name))
            """,
            """
            CREATE TABLE api_keys (
                id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id), label TEXT NOT NULL,
                secret_hash TEXT NOT NULL, read_only INTEGER NOT NULL, created_at TEXT NOT NULL,
                expires_at TEXT, revoked_at TEXT)
            """,
            """
            CREATE TABLE records (
                id TEXT PRIMARY KEY, seq BIGINT NOT NULL UNIQUE, kind TEXT NOT NULL,
                owner_agency TEXT NOT NULL REFERENCES agencies(id), distribution_level TEXT NOT NULL,
                working_group TEXT, tlp TEXT NOT NULL, version INTEGER NOT NULL, retracted INTEGER NOT NULL,
                created_at TEXT NOT NULL, updated_at TEXT NOT NULL, event_date TEXT, country TEXT,
                region_lower TEXT, city_lower TEXT, body TEXT NOT NULL)
            """,
            "CREATE INDEX records_kind_seq ON records (kind, seq)",
            "CREATE INDEX records_owner ON records (owner_agency)",
            "CREATE INDEX records_event_date ON records (event_date)",
            """
            CREATE TABLE record_substances (
                record_id TEXT NOT NULL REFERENCES records(id), position INTEGER NOT NULL, name_lower TEXT,
                smiles TEXT, PRIMARY KEY (record_id, position))
            """,
            "CREATE INDEX record_substances_name ON record_substances (name_lower)",
            """
            CREATE TABLE audit_log (
                sequence BIGINT PRIMARY KEY, at TEXT NOT NULL, actor_user TEXT NOT NULL, actor_agency TEXT,
                action TEXT NOT NULL, subject_kind TEXT NOT NULL, subject_id TEXT NOT NULL, before_digest TEXT,
                after_digest TEXT, previous_hash TEXT NOT NULL, hash TEXT NOT NULL)
            """,
            "CREATE INDEX audit_log_subject ON audit_log (subject_id, sequence)",
        ]),
        // Public surveillance series (NFLIS, DOSE, CBP, VSRR, Accord exports). An observation is identified by
        // source, measure, substance, group ('' for none), place and period, so re-importing a revised file
        // replaces values; each row names the import that last wrote it.
        Migration(version: 2, name: "surveillance observations", statements: [
            """
            CREATE TABLE surveillance_imports (
                id TEXT PRIMARY KEY, format TEXT NOT NULL, file_name TEXT NOT NULL, imported_at TEXT NOT NULL,
                actor_user TEXT NOT NULL, records BIGINT NOT NULL, observations BIGINT NOT NULL, added BIGINT NOT NULL,
                replaced BIGINT NOT NULL, skipped_records BIGINT NOT NULL)
            """,
            """
            CREATE TABLE surveillance_observations (
                source TEXT NOT NULL, measure TEXT NOT NULL, substance TEXT NOT NULL, substance_group TEXT NOT NULL,
                place TEXT NOT NULL, period TEXT NOT NULL, value DOUBLE PRECISION NOT NULL,
                import_id TEXT NOT NULL REFERENCES surveillance_imports(id),
                PRIMARY KEY (source, measure, substance, substance_group, place, period))
            """,
            "CREATE INDEX surveillance_observations_import ON surveillance_observations (import_id)",
        ]),
        // Structures read by the chemistry core: the standardized SMILES each substance is searched by, and
        // the search keys (screen and similarity fingerprints) of each distinct structure, derived data that
        // a searcher rebuilds when its `scheme` changes.
        Migration(version: 3, name: "structure search keys", statements: [
            "ALTER TABLE record_substances ADD COLUMN structure TEXT",
            """
            CREATE TABLE structure_keys (
                structure TEXT PRIMARY KEY, scheme TEXT NOT NULL, screen TEXT NOT NULL, similarity TEXT NOT NULL)
            """,
        ]),
    ]
}
