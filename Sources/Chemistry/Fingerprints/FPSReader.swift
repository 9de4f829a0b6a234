#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One data line of an FPS file.
public struct FPSRecord: Sendable, Hashable {
    public var fingerprint: Fingerprint
    public var id: String
    /// The 1-based line it was read from.
    public var line: Int
}

/// Reads FPS text (see `FPSHeader`): the header first, then one record per `next()`.
///
/// Strict where a mistake would lose or change data: bad hex, a fingerprint of the wrong length, bits past
/// `num_bits`, a missing identifier and header lines after data are errors naming line and column. Blank lines
/// are skipped and `\r\n` line ends are accepted. Without a `num_bits` line the first fingerprint's hex length
/// sets the length (4 bits per digit), as chemfp does.
public struct FPSReader {
    let owner: ArenaStorage?
    let bytes: UnsafeRawBufferPointer
    var position = 0
    var lineNumber = 0
    /// The header read when the reader was made (`bitCount` is set once the length is known).
    public private(set) var header = FPSHeader()

    /// A reader over FPS text held in memory.
    public init(bytes: [UInt8]) throws(FPSError) {
        let storage = ArenaStorage(allocating: bytes.count)
        bytes.withUnsafeBytes { raw in
            if let source = raw.baseAddress { storage.base.copyMemory(from: source, byteCount: raw.count) }
        }
        owner = storage
        self.bytes = UnsafeRawBufferPointer(start: storage.base, count: bytes.count)
        try readHeader()
    }

    /// A reader over an FPS file, mapped into memory rather than read (files of millions of lines).
    public init(contentsOfFile path: String) throws(FingerprintFileError) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw FingerprintFileError(.cannotOpen, "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw FingerprintFileError(.cannotOpen, "cannot read the size of \(path): \(String(cString: strerror(errno)))")
        }
        let size = Int(info.st_size)
        if size == 0 {
            owner = nil
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
        } else {
            guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), mapped != MAP_FAILED else {
                throw FingerprintFileError(.cannotOpen, "cannot map \(path): \(String(cString: strerror(errno)))")
            }
            owner = ArenaStorage(mapped: mapped, byteCount: size)
            bytes = UnsafeRawBufferPointer(start: mapped, count: size)
        }
    }

    /// Reads the header of a reader made with `init(contentsOfFile:)` (the byte initializer does it itself, and
    /// the first `next()` or `readArena()` does it if nobody has), so that `header` is filled before the data.
    public mutating func readHeader() throws(FPSError) {
        guard position == 0 else { return }
        var sawSignature = false
        while position < bytes.count && bytes[position] == UInt8(ascii: "#") {
            let (start, end, next) = currentLine()
            lineNumber += 1
            let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[(start + 1)..<end]), as: UTF8.self)
            if !sawSignature {
                guard text == "FPS1" else {
                    throw FPSError(.missingSignature, "an FPS header must start with #FPS1, not #\(text.prefix(20))", line: lineNumber, column: 1)
                }
                sawSignature = true
                position = next
                continue
            }
            guard let eq = text.firstIndex(of: "=") else {
                throw FPSError(.invalidHeader, "a header line must be #key=value", line: lineNumber, column: 2)
            }
            let key = String(text[..<eq]), value = String(text[text.index(after: eq)...])
            switch key {
            case "num_bits":
                guard let n = Int(value), n >= 1, n <= MorganGenerator.maximumBitCount else {
                    throw FPSError(.invalidHeader, "num_bits must be a whole number from 1 to \(MorganGenerator.maximumBitCount), not '\(value)'", line: lineNumber, column: key.utf8.count + 3)
                }
                header.bitCount = n
            case "type": header.type = value
            case "software": header.software = value
            case "source": header.sources.append(value)
            case "date": header.date = value
            default: header.other.append(FPSHeader.KeyValue(key: key, value: value))
            }
            position = next
        }
    }

    /// The line starting at `position`: content start, end (before `\r\n` or `\n`), and the next line's start.
    func currentLine() -> (Int, Int, Int) {
        var end = position
        while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
        let next = end < bytes.count ? end + 1 : end
        var contentEnd = end
        if contentEnd > position && bytes[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
        return (position, contentEnd, next)
    }

    @inline(__always)
    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// Parses the next data line into `words` (resized to the fingerprint's words) and returns the
    /// identifier's byte range, or `nil` at the end of the input.
    mutating func nextRaw(into words: inout [UInt64]) throws(FPSError) -> Range<Int>? {
        if position == 0 && lineNumber == 0 { try readHeader() }
        while position < bytes.count {
            let (start, end, next) = currentLine()
            lineNumber += 1
            position = next
            if start == end { continue }
            if bytes[start] == UInt8(ascii: "#") {
                throw FPSError(.headerAfterData, "header lines must come before the fingerprints", line: lineNumber, column: 1)
            }
            var tab = start
            while tab < end && bytes[tab] != UInt8(ascii: "\t") { tab += 1 }
            let digits = tab - start
            if header.bitCount == nil {
                guard digits > 0 && digits % 2 == 0 && digits * 4 <= MorganGenerator.maximumBitCount else {
                    throw FPSError(.wrongLength, "a fingerprint needs an even number of hex digits, not \(digits)", line: lineNumber, column: 1)
                }
                header.bitCount = digits * 4
            }
            let bitCount = header.bitCount ?? 0
            let byteCount = (bitCount + 7) >> 3
            guard digits == 2 * byteCount else {
                let column = digits < 2 * byteCount ? digits + 1 : 2 * byteCount + 1
                throw FPSError(.wrongLength, "expected \(2 * byteCount) hex digits for \(bitCount) bits, found \(digits)", line: lineNumber, column: column)
            }
            let wordCount = (bitCount + 63) >> 6
            if words.count != wordCount { words = [UInt64](repeating: 0, count: wordCount) }
            for k in 0..<wordCount { words[k] = 0 }
            var i = 0
            while i < byteCount {
                guard let hi = Self.hexValue(bytes[start + 2 * i]) else {
                    throw FPSError(.invalidHex, "'\(Character(Unicode.Scalar(bytes[start + 2 * i])))' is not a hex digit", line: lineNumber, column: 2 * i + 1)
                }
                guard let lo = Self.hexValue(bytes[start + 2 * i + 1]) else {
                    throw FPSError(.invalidHex, "'\(Character(Unicode.Scalar(bytes[start + 2 * i + 1])))' is not a hex digit", line: lineNumber, column: 2 * i + 2)
                }
                words[i >> 3] |= UInt64(hi << 4 | lo) << UInt64((i & 7) * 8)
                i += 1
            }
            let tail = bitCount & 63
            if tail != 0, words[wordCount - 1] >> UInt64(tail) != 0 {
                throw FPSError(.bitsPastLength, "the fingerprint sets bits past num_bits=\(bitCount)", line: lineNumber, column: 2 * byteCount - 1)
            }
            guard tab < end else {
                throw FPSError(.missingIdentifier, "a tab and an identifier must follow the fingerprint", line: lineNumber, column: digits + 1)
            }
            var idEnd = tab + 1
            while idEnd < end && bytes[idEnd] != UInt8(ascii: "\t") { idEnd += 1 }
            return (tab + 1)..<idEnd
        }
        return nil
    }

    /// The next record, or `nil` at the end of the input.
    public mutating func next() throws(FPSError) -> FPSRecord? {
        var words: [UInt64] = []
        guard let id = try nextRaw(into: &words) else { return nil }
        let bitCount = header.bitCount ?? 0
        guard let fp = Fingerprint(bitCount: bitCount, words: words) else { return nil }
        let name = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[id]), as: UTF8.self)
        return FPSRecord(fingerprint: fp, id: name, line: lineNumber)
    }

    /// Reads every remaining record into an arena (the fast path for large files: no per-record values).
    /// `progress` is called with the number of bytes read so far, about every 64 KiB.
    public mutating func readArena(progress: ((Int) -> Void)? = nil) throws(FPSError) -> FingerprintArena {
        var words: [UInt64] = []
        var builder: FingerprintArena.Builder?
        var lastReport = 0
        while let id = try nextRaw(into: &words) {
            let bitCount = header.bitCount ?? 0
            if builder == nil {
                builder = FingerprintArena.Builder(uncheckedBitCount: bitCount, type: header.type ?? "")
                // Roughly one line per (hex + 10) bytes: reserve to avoid regrowth of large libraries.
                builder?.reserveCapacity(bytes.count / (2 * ((bitCount + 7) >> 3) + 10))
            }
            guard builder?.count ?? 0 < Int(UInt32.max) else {
                throw FPSError(.tooMany, "a library holds at most \(UInt32.max) fingerprints", line: lineNumber, column: 1)
            }
            builder?.appendRaw(words: words, name: UnsafeRawBufferPointer(rebasing: bytes[id]))
            if let progress, position - lastReport >= 1 << 16 {
                lastReport = position
                progress(position)
            }
        }
        if builder == nil {
            builder = FingerprintArena.Builder(uncheckedBitCount: header.bitCount ?? 1, type: header.type ?? "")
        }
        progress?(position)
        return builder?.build() ?? FingerprintArena.empty
    }

    /// The input's size in bytes (for progress reports).
    public var byteCount: Int { bytes.count }
}
