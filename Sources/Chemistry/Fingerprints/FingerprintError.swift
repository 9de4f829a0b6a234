/// Why a fingerprint could not be configured or compared: a parameter out of range, or two fingerprints of
/// different lengths.
public struct FingerprintError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable identifier of the problem, for programs that react to it.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        public let name: String
        init(_ name: String) { self.name = name }
        public var description: String { name }

        public static let invalidRadius = Code("invalid_radius")
        public static let invalidBitCount = Code("invalid_bit_count")
        public static let lengthMismatch = Code("length_mismatch")
        public static let invalidParameter = Code("invalid_parameter")
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
