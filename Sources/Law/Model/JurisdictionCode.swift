/// The code of a jurisdiction ("US", "CN", "UN"). A string rather than an enum so that a jurisdiction can be
/// added by adding data files; the loader checks every code against `jurisdictions.json`.
public struct JurisdictionCode: RawRepresentable, Sendable, Hashable, Comparable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(stringLiteral value: String) {
        rawValue = value
    }

    public static let unitedStates: JurisdictionCode = "US"
    public static let china: JurisdictionCode = "CN"
    public static let unitedNations: JurisdictionCode = "UN"

    public var description: String { rawValue }

    public static func < (lhs: JurisdictionCode, rhs: JurisdictionCode) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
