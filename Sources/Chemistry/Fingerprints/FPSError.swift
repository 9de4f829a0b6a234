/// Why an FPS file could not be read, with the 1-based line and column of the problem.
public struct FPSError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable identifier of the problem, for programs that react to it.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        public let name: String
        init(_ name: String) { self.name = name }
        public var description: String { name }

        public static let missingSignature = Code("missing_signature")
        public static let invalidHeader = Code("invalid_header")
        public static let invalidHex = Code("invalid_hex")
        public static let wrongLength = Code("wrong_length")
        public static let bitsPastLength = Code("bits_past_length")
        public static let missingIdentifier = Code("missing_identifier")
        public static let headerAfterData = Code("header_after_data")
        public static let tooMany = Code("too_many_fingerprints")
    }

    public let code: Code
    public let message: String
    /// 1-based line of the file.
    public let line: Int
    /// 1-based column (in bytes) on that line.
    public let column: Int

    public init(_ code: Code, _ message: String, line: Int, column: Int) {
        self.code = code
        self.message = message
        self.line = line
        self.column = column
    }

    public var description: String { "line \(line), column \(column): \(code): \(message)" }
}
