import Exchange
import Foundation
import SQLKit

extension ExchangeStore {
    /// Creates an agency; names are unique.
    public func createAgency(name: String, country: String, actor: AuditActor, at now: Timestamp = .now()) async throws -> Agency {
        try Self.checkName(name, field: "agency")
        guard CountryCode.isValid(country) else {
            throw ExchangeError(.invalid, code: "invalid_value", "'\(country)' is not a country code; use two upper-case letters (ISO 3166-1 alpha-2) or UN", field: "country")
        }
        let agency = Agency(id: AgencyID(rawValue: IdentifierFactory.make()), name: name, country: country, createdAt: now)
        try await backend.write { db in
            if try await db.raw("SELECT id FROM agencies WHERE name = \(bind: name)").first() != nil {
                throw ExchangeError.conflict(code: "already_exists", "an agency named '\(name)' already exists", field: "agency")
            }
            try await db.raw("INSERT INTO agencies (id, name, country, created_at) VALUES (\(bind: agency.id.rawValue), \(bind: name), \(bind: country), \(bind: now.description))").run()
            try await Self.appendAudit(db, actor: actor, action: "agency.create", subjectKind: "agency", subjectId: agency.id.rawValue,
                                       before: nil, after: try ExchangeJSON.encode(agency), at: now)
        }
        return agency
    }

    public func agencies() async throws -> [Agency] {
        try await backend.read { db in try await db.raw("SELECT * FROM agencies ORDER BY name").all().map(Self.agency) }
    }

    public func agency(_ id: AgencyID) async throws -> Agency? {
        try await backend.read { db in try await db.raw("SELECT * FROM agencies WHERE id = \(bind: id.rawValue)").first().map(Self.agency) }
    }

    public func agency(named name: String) async throws -> Agency? {
        try await backend.read { db in try await db.raw("SELECT * FROM agencies WHERE name = \(bind: name)").first().map(Self.agency) }
    }

    static func agency(_ row: any SQLRow) throws -> Agency {
        Agency(id: AgencyID(rawValue: try row.string("id")), name: try row.string("name"), country: try row.string("country"),
               createdAt: try row.timestamp("created_at"))
    }

    static func checkName(_ name: String, field: String) throws(ExchangeError) {
        guard !name.isEmpty, name.count <= 200, !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw ExchangeError(.invalid, code: "invalid_value", "a \(field) name must be 1 to 200 characters without control characters", field: field)
        }
    }
}
