/// Why an arena file could not be opened, written or trusted, with the byte offset of the problem.
public struct FingerprintFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable identifier of the problem, for programs that react to it.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        public let name: String
        init(_ name: String) { self.name = name }
        public var description: String { name }

        public static let cannotOpen = Code("cannot_open")
        public static let cannotWrite = Code("cannot_write")
        public static let notAnArena = Code("not_an_arena")
        public static let unsupportedVersion = Code("unsupported_version")
        public static let truncated = Code("truncated")
        public static let corrupt = Code("corrupt")
        public static let lengthMismatch = Code("length_mismatch")
        public static let tooLarge = Code("too_large")
    }

    public let code: Code
    public let message: String
    /// Byte offset in the file where the problem was found, when it is about one place.
    public let offset: Int?

    public init(_ code: Code, _ message: String, offset: Int? = nil) {
        self.code = code
        self.message = message
        self.offset = offset
    }

    public var description: String {
        if let offset { return "\(code) at byte \(offset): \(message)" }
        return "\(code): \(message)"
    }
}
