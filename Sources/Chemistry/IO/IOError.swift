/// A failure to move bytes at all: a file cannot be opened, read or written, or a compressed stream is corrupt.
///
/// Record-level problems (a bad atom line, an unparsable SMILES) are not `IOError`s; readers report those per
/// record and carry on. An `IOError` ends the stream, because nothing after it can be trusted.
public struct IOError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable identifier of the problem, for programs that react to it.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        let name: String
        /// The file does not exist or cannot be opened.
        public static let cannotOpen = Code(name: "cannot_open")
        /// The operating system reported an error while reading.
        public static let readFailed = Code(name: "read_failed")
        /// The gzip stream is malformed, truncated or fails its checksum.
        public static let corruptCompressedData = Code(name: "corrupt_compressed_data")
        /// A single line is longer than the reader's limit (a binary file read as text, usually).
        public static let lineTooLong = Code(name: "line_too_long")
        /// The operating system reported an error while writing (a full disk, a closed pipe).
        public static let writeFailed = Code(name: "write_failed")
        public var description: String { name }
    }

    public let code: Code
    public let message: String
    /// 1-based line being read or written when the failure happened, when known.
    public let line: Int?

    init(_ code: Code, _ message: String, line: Int? = nil) {
        self.code = code
        self.message = message
        self.line = line
    }

    public var description: String {
        if let line { return "line \(line): \(message)" }
        return message
    }
}
