import ArgumentParser
import Exchange
import Foundation
import HummingbirdBcrypt
import Storage

/// `accord admin`: the platform operator's commands, run on the server machine against the database.
/// Every change is audited with the actor `operator`.
struct Admin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create agencies, users, working groups, partnerships and API keys.",
        subcommands: [Init.self, AgencyCommand.self, PartnerCommand.self, GroupCommand.self, UserCommand.self, KeyCommand.self])

    struct Issued: Encodable {
        let agency: String
        let user: String
        let apiKey: String
        let keyId: String
        let readOnly: Bool
        let expiresAt: Timestamp?
    }

    /// Runs `body` with an open store, closing it afterwards and turning domain errors into messages.
    static func withStore<T>(_ options: DatabaseOptions, _ body: (ExchangeStore) async throws -> T) async throws -> T {
        let store = try await options.openStore()
        do {
            let result = try await body(store)
            await store.close()
            return result
        } catch {
            await store.close()
            throw cliFailure(error)
        }
    }

    static func agency(_ store: ExchangeStore, named name: String) async throws -> Agency {
        guard let agency = try await store.agency(named: name) else { throw ValidationError("no agency is named '\(name)'") }
        return agency
    }

    static func issueKey(_ store: ExchangeStore, user: User, agency: Agency, label: String, readOnly: Bool, expiresInDays: Int?) async throws -> Issued {
        let now = Timestamp.now()
        let issued = APIKeyToken.issue(user: user.id, label: label, readOnly: readOnly, now: now,
                                       expiresAt: expiresInDays.map { now.adding(seconds: Int64($0) * 86_400) })
        try await store.addKey(issued.key, actor: .operator)
        return Issued(agency: agency.name, user: user.name, apiKey: issued.token, keyId: issued.key.id.rawValue,
                      readOnly: readOnly, expiresAt: issued.key.expiresAt)
    }

    struct Init: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create the first agency and its administrator; print the administrator's API key once.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Name of the first agency.") var agency: String
        @Option(help: "Its country: ISO 3166-1 alpha-2 code, or UN.") var country: String
        @Option(help: "Name of the administrator user.") var user: String = "admin"

        func run() async throws {
            let issued = try await Admin.withStore(database) { store in
                if !(try await store.agencies()).isEmpty {
                    throw ValidationError("this database already has agencies; use 'accord admin agency create' and 'accord admin key create'")
                }
                let created = try await store.createAgency(name: agency, country: country, actor: .operator)
                let admin = try await store.createUser(agency: created.id, name: user, role: .administrator, passwordHash: nil, actor: .operator)
                return try await Admin.issueKey(store, user: admin, agency: created, label: "initial administrator key", readOnly: false, expiresInDays: nil)
            }
            try printJSON(issued)
        }
    }

    struct AgencyCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "agency", abstract: "Manage agencies.", subcommands: [Create.self, List.self])

        struct Create: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Create an agency.")
            @OptionGroup var database: DatabaseOptions
            @Option var name: String
            @Option(help: "ISO 3166-1 alpha-2 code, or UN.") var country: String
            func run() async throws {
                try printJSON(try await Admin.withStore(database) { try await $0.createAgency(name: name, country: country, actor: .operator) })
            }
        }

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List agencies, one JSON line each.")
            @OptionGroup var database: DatabaseOptions
            func run() async throws {
                for agency in try await Admin.withStore(database, { try await $0.agencies() }) { try printJSON(agency) }
            }
        }
    }

    struct PartnerCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "partner", abstract: "Manage partnerships.", subcommands: [Add.self, Remove.self])

        struct Remove: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "End a partnership (both ways); 'partners' records stop being shared at once.")
            @OptionGroup var database: DatabaseOptions
            @Option var agency: String
            @Option var partner: String
            func run() async throws {
                try await Admin.withStore(database) { store in
                    let a = try await Admin.agency(store, named: agency), b = try await Admin.agency(store, named: partner)
                    try await store.removePartnership(a.id, b.id, actor: .operator)
                }
                struct Done: Encodable { let agency: String; let removedPartner: String }
                try printJSON(Done(agency: agency, removedPartner: partner))
            }
        }

        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Make two agencies partners (both ways).")
            @OptionGroup var database: DatabaseOptions
            @Option var agency: String
            @Option var partner: String
            func run() async throws {
                try await Admin.withStore(database) { store in
                    let a = try await Admin.agency(store, named: agency), b = try await Admin.agency(store, named: partner)
                    try await store.addPartnership(a.id, b.id, actor: .operator)
                }
                struct Done: Encodable { let agency: String; let partner: String }
                try printJSON(Done(agency: agency, partner: partner))
            }
        }
    }

    struct GroupCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "group", abstract: "Manage working groups.", subcommands: [Create.self, AddMember.self, RemoveMember.self])

        struct RemoveMember: AsyncParsableCommand {
            static let configuration = CommandConfiguration(commandName: "remove-member", abstract: "Remove an agency from a working group; the group's records stop being shared with it at once.")
            @OptionGroup var database: DatabaseOptions
            @Option var group: String
            @Option var agency: String
            func run() async throws {
                let updated = try await Admin.withStore(database) { store in
                    guard let found = try await store.workingGroup(named: group) else { throw ValidationError("no working group is named '\(group)'") }
                    try await store.removeGroupMember(found.id, try await Admin.agency(store, named: agency).id, actor: .operator)
                    return try await store.workingGroup(found.id)
                }
                try printJSON(updated)
            }
        }

        struct Create: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Create a working group.")
            @OptionGroup var database: DatabaseOptions
            @Option var name: String
            @Option(help: "A member agency (repeat for each).") var member: [String] = []
            func run() async throws {
                let group = try await Admin.withStore(database) { store in
                    var ids: [AgencyID] = []
                    for name in member { ids.append(try await Admin.agency(store, named: name).id) }
                    return try await store.createWorkingGroup(name: name, members: ids, actor: .operator)
                }
                try printJSON(group)
            }
        }

        struct AddMember: AsyncParsableCommand {
            static let configuration = CommandConfiguration(commandName: "add-member", abstract: "Add an agency to a working group.")
            @OptionGroup var database: DatabaseOptions
            @Option var group: String
            @Option var agency: String
            func run() async throws {
                let updated = try await Admin.withStore(database) { store in
                    guard let found = try await store.workingGroup(named: group) else { throw ValidationError("no working group is named '\(group)'") }
                    try await store.addGroupMember(found.id, try await Admin.agency(store, named: agency).id, actor: .operator)
                    return try await store.workingGroup(found.id)
                }
                try printJSON(updated)
            }
        }
    }

    struct UserCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "user", abstract: "Manage users.", subcommands: [Create.self, Disable.self, Enable.self])

        /// Finds a user by agency and user name.
        static func find(_ store: ExchangeStore, agency: String, name: String) async throws -> User {
            let found = try await Admin.agency(store, named: agency)
            guard let user = try await store.user(agency: found.id, name: name) else { throw ValidationError("agency '\(agency)' has no user '\(name)'") }
            return user
        }

        struct Disable: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Disable a user: their keys stop working at once; their history stays.")
            @OptionGroup var database: DatabaseOptions
            @Option var agency: String
            @Option var name: String
            func run() async throws {
                try printJSON(try await Admin.withStore(database) { store in
                    try await store.setUserDisabled(try await UserCommand.find(store, agency: agency, name: name).id, true, actor: .operator)
                })
            }
        }

        struct Enable: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Re-enable a disabled user.")
            @OptionGroup var database: DatabaseOptions
            @Option var agency: String
            @Option var name: String
            func run() async throws {
                try printJSON(try await Admin.withStore(database) { store in
                    try await store.setUserDisabled(try await UserCommand.find(store, agency: agency, name: name).id, false, actor: .operator)
                })
            }
        }

        struct Create: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Create a user in an agency.")
            @OptionGroup var database: DatabaseOptions
            @Option var agency: String
            @Option var name: String
            @Option(help: "administrator, analyst or viewer.") var role: String = "analyst"
            @Flag(name: .customLong("password-stdin"), help: "Read a password (at least 12 characters) from standard input, for password sign-in.")
            var passwordStdin = false

            func run() async throws {
                guard let role = Role(rawValue: role) else { throw ValidationError("--role must be administrator, analyst or viewer") }
                var hash: String?
                if passwordStdin {
                    guard let password = readLine(strippingNewline: true), password.utf8.count >= 12, password.utf8.count <= 72 else {
                        throw ValidationError("the password on standard input must be 12 to 72 bytes")
                    }
                    hash = Bcrypt.hash(password, cost: 12)
                }
                let user = try await Admin.withStore(database) { store in
                    try await store.createUser(agency: try await Admin.agency(store, named: agency).id, name: name, role: role, passwordHash: hash, actor: .operator)
                }
                try printJSON(user)
            }
        }
    }

    struct KeyCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "key", abstract: "Issue, rotate and revoke API keys.", subcommands: [Create.self, Rotate.self, Revoke.self])

        struct Create: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Issue a key for a user; the key is printed once.")
            @OptionGroup var database: DatabaseOptions
            @Option var agency: String
            @Option var user: String
            @Option var label: String = "api"
            @Flag(name: .customLong("read-only")) var readOnly = false
            @Option(name: .customLong("expires-in-days")) var expiresInDays: Int?

            func run() async throws {
                if let days = expiresInDays, !(1...3650).contains(days) { throw ValidationError("--expires-in-days must be 1 to 3650") }
                let issued = try await Admin.withStore(database) { store in
                    let found = try await Admin.agency(store, named: agency)
                    guard let account = try await store.user(agency: found.id, name: user) else { throw ValidationError("agency '\(agency)' has no user '\(user)'") }
                    return try await Admin.issueKey(store, user: account, agency: found, label: label, readOnly: readOnly, expiresInDays: expiresInDays)
                }
                try printJSON(issued)
            }
        }

        struct Rotate: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Issue a replacement for a key (same user, label and read-only flag) and revoke the old one.")
            @OptionGroup var database: DatabaseOptions
            @Option(name: .customLong("key-id")) var keyID: String
            @Option(name: .customLong("expires-in-days")) var expiresInDays: Int?

            func run() async throws {
                let issued = try await Admin.withStore(database) { store in
                    guard let old = try await store.key(APIKeyID(rawValue: keyID)) else { throw ValidationError("no key has the id \(keyID)") }
                    guard let account = try await store.user(old.user), let agency = try await store.agency(account.agency) else {
                        throw ValidationError("the key's user no longer exists")
                    }
                    let issued = try await Admin.issueKey(store, user: account, agency: agency, label: old.label, readOnly: old.readOnly, expiresInDays: expiresInDays)
                    if old.revokedAt == nil { _ = try await store.revokeKey(old.id, actor: .operator) }
                    return issued
                }
                try printJSON(issued)
            }
        }

        struct Revoke: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Revoke a key from now on.")
            @OptionGroup var database: DatabaseOptions
            @Option(name: .customLong("key-id")) var keyID: String

            func run() async throws {
                let key = try await Admin.withStore(database) { try await $0.revokeKey(APIKeyID(rawValue: keyID), actor: .operator) }
                struct Revoked: Encodable { let keyId: String; let revokedAt: Timestamp? }
                try printJSON(Revoked(keyId: key.id.rawValue, revokedAt: key.revokedAt))
            }
        }
    }
}
