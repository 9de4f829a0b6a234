#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads text files line by line through a fixed-size buffer, so files of any size stream in bounded memory.
///
/// Every reader of line-based formats (SDF, SMILES files) goes through this type. It accepts `\n` and `\r\n`
/// line ends (a lone `\r` is kept as text), skips a UTF-8 byte-order mark at the start (some Windows editors
/// write one), counts lines from 1 for error messages, and decompresses gzip input transparently when the data
/// starts with the gzip magic bytes, whatever the file is called.
public final class LineReader {
    private let source: ByteSource
    private let gzip: GzipDecoder?
    private var buffer: [UInt8] = []
    private var position = 0
    private var finished = false
    private var atStart = true

    /// The 1-based number of the last line returned; 0 before the first.
    public private(set) var lineNumber = 0
    /// Longest line accepted before `IOError.Code.lineTooLong` (guards against binary input).
    public let maxLineLength: Int
    /// `true` when the input was gzip-compressed.
    public var isCompressed: Bool { gzip != nil }

    private static let chunkSize = 1 << 16

    /// Opens a file (plain or gzip-compressed).
    public convenience init(path: String, maxLineLength: Int = 1 << 24) throws(IOError) {
        try self.init(source: ByteSource(path: path), maxLineLength: maxLineLength)
    }

    /// Reads from an already open file descriptor, such as standard input (0). The descriptor is not closed.
    public convenience init(descriptor: Int32, maxLineLength: Int = 1 << 24) throws(IOError) {
        try self.init(source: ByteSource(descriptor: descriptor), maxLineLength: maxLineLength)
    }

    /// Reads from bytes in memory (plain or gzip-compressed).
    public convenience init(bytes: [UInt8], maxLineLength: Int = 1 << 24) {
        // Peeking at in-memory bytes cannot fail.
        let source = ByteSource(bytes: bytes)
        let isGzip = bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b
        self.init(source: source, gzip: isGzip ? GzipDecoder(source: source) : nil, maxLineLength: maxLineLength)
    }

    /// Reads from text in memory.
    public convenience init(text: String, maxLineLength: Int = 1 << 24) {
        self.init(bytes: Array(text.utf8), maxLineLength: maxLineLength)
    }

    private convenience init(source: ByteSource, maxLineLength: Int) throws(IOError) {
        let magic = try source.peek(count: 2)
        let isGzip = magic == [0x1f, 0x8b]
        self.init(source: source, gzip: isGzip ? GzipDecoder(source: source) : nil, maxLineLength: maxLineLength)
    }

    private init(source: ByteSource, gzip: GzipDecoder?, maxLineLength: Int) {
        self.source = source
        self.gzip = gzip
        self.maxLineLength = maxLineLength
        buffer.reserveCapacity(Self.chunkSize)
    }

    /// Refills the buffer; returns false at the end of the input.
    private func fill() throws(IOError) -> Bool {
        if finished { return false }
        buffer.removeAll(keepingCapacity: true)
        position = 0
        let n: Int
        if let gzip {
            n = try gzip.read(into: &buffer, maxCount: Self.chunkSize)
        } else {
            n = try source.read(into: &buffer, count: Self.chunkSize)
        }
        if n == 0 { finished = true }
        if atStart {
            atStart = false
            if buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF { position = 3 }
        }
        return n > 0
    }

    /// The first bytes of the (decompressed) input, after any byte-order mark, without consuming them: what the
    /// first read delivered (up to 64 KiB; less from a pipe). Empty once lines have been read, or for empty input.
    ///
    /// For looking at the content before choosing how to read it (is it text? is it an SD file?).
    public func leadingBytes() throws(IOError) -> ArraySlice<UInt8> {
        guard lineNumber == 0 else { return [] }
        if position == buffer.count {
            guard try fill() else { return [] }
        }
        return buffer[position...]
    }

    /// The offset of a NUL byte among the first bytes of the (decompressed) input, or nil when there is none.
    ///
    /// Text formats never contain NUL, so one near the start means the input is not text at all (an
    /// executable, an image, a compressed format other than gzip): callers can say so instead of reporting
    /// every "line" of it as a broken record. Looks at `leadingBytes()`; call it before reading lines.
    public func binaryByteOffset() throws(IOError) -> Int? {
        try leadingBytes().firstIndex(of: 0)
    }

    /// Appends the next line's bytes (without its line end) to `line`; returns false at the end of the input.
    /// A last line without a line end is still a line.
    public func appendLine(to line: inout [UInt8]) throws(IOError) -> Bool {
        let lineStart = line.count
        var sawBytes = false
        while true {
            if position == buffer.count {
                if try !fill() {
                    guard sawBytes else { return false }
                    lineNumber += 1
                    return true
                }
            }
            let newline: Int? = buffer.withUnsafeBufferPointer { b -> Int? in
                guard let base = b.baseAddress else { return nil }
                let remaining = b.count - position
                guard let hit = memchr(base + position, 0x0A, remaining) else { return nil }
                return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            }
            if let newline {
                line.append(contentsOf: buffer[position..<newline])
                position = newline + 1
                if line.count > lineStart && line[line.count - 1] == 0x0D { line.removeLast() }
                lineNumber += 1
                if line.count - lineStart > maxLineLength {
                    throw IOError(.lineTooLong, "line longer than \(maxLineLength) bytes", line: lineNumber)
                }
                return true
            }
            if position == buffer.count { continue }  // a buffer that held only the byte-order mark
            line.append(contentsOf: buffer[position...])
            position = buffer.count
            sawBytes = true
            if line.count - lineStart > maxLineLength {
                throw IOError(.lineTooLong, "line longer than \(maxLineLength) bytes", line: lineNumber + 1)
            }
        }
    }

    /// The next line as text (invalid UTF-8 is repaired with U+FFFD), or nil at the end of the input.
    public func readLine() throws(IOError) -> String? {
        var bytes: [UInt8] = []
        guard try appendLine(to: &bytes) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}
