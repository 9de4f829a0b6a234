import Foundation

/// Identifies an agency. Typed so an agency id can never be passed where a record id is expected.
public struct AgencyID: RawRepresentable, Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// Identifies a user account inside an agency.
public struct UserID: RawRepresentable, Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// Identifies a working group (a named, explicitly defined set of agencies that share records).
public struct WorkingGroupID: RawRepresentable, Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// Identifies a shared record (seizure, joint case or scheduling proposal).
public struct RecordID: RawRepresentable, Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// Identifies an API key; the public half of a key, safe to log and show.
public struct APIKeyID: RawRepresentable, Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// Creates fresh identifiers. Random UUIDs, so ids reveal neither creation order nor counts to partners.
public enum IdentifierFactory {
    /// A new lowercase UUID string.
    public static func make() -> String { UUID().uuidString.lowercased() }

    /// True when `text` is a lowercase or uppercase canonical UUID, the only shape ids take.
    public static func isWellFormed(_ text: String) -> Bool {
        guard text.utf8.count == 36 else { return false }
        return UUID(uuidString: text) != nil
    }
}
