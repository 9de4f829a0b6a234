/// A streaming gzip (RFC 1952) decoder with its own DEFLATE (RFC 1951) implementation, so that `.sdf.gz` and
/// `.smi.gz` files can be read without a C library: the Chemistry module depends on nothing outside the toolchain.
///
/// Compressed bytes are pulled from a `ByteSource` on demand and decoded into the caller's buffer a chunk at a
/// time; memory stays bounded by the 32 KiB window plus the chunk sizes. Concatenated gzip members are read one
/// after another, each member's CRC-32 and length are checked, and any malformation is an `IOError`.
final class GzipDecoder {
    private var core: InflateCore

    init(source: ByteSource) {
        core = InflateCore(source: source)
    }

    /// Appends up to `maxCount` decoded bytes to `output`; returns the number appended, 0 at the end of the data.
    func read(into output: inout [UInt8], maxCount: Int) throws(IOError) -> Int {
        // The decoder's state is worked on as a local value: no dynamic exclusivity checks in the inner loop.
        var local = InflateCore(source: nil)
        swap(&local, &core)
        defer { swap(&local, &core) }
        return try local.read(into: &output, maxCount: maxCount)
    }
}

/// The decoder's state and algorithm, as a value so that the hot loop runs on a local variable.
struct InflateCore {
    private let source: ByteSource?
    private var input: [UInt8] = []
    private var inputPosition = 0
    private var sourceFinished = false
    private var bitBuffer: UInt64 = 0
    private var bitCount = 0

    private static let windowSize = 1 << 15
    private static let windowMask = windowSize - 1
    private var window: [UInt8]
    private var windowPosition = 0

    private enum State {
        case memberHeader
        case blockHeader
        case stored(remaining: Int)
        case huffman
        case trailer
        case done
    }

    private var state = State.memberHeader
    private var lastBlock = false
    private var literalTable = HuffmanTable.empty
    private var distanceTable = HuffmanTable.empty
    private var pendingLength = 0
    private var pendingDistance = 0
    private var crc: UInt32 = 0
    private var memberSize: UInt32 = 0
    private var membersRead = 0
    /// `windowPosition` when the current member began: back-references may not reach before it.
    private var memberStart = 0

    init(source: ByteSource?) {
        self.source = source
        window = source == nil ? [] : [UInt8](repeating: 0, count: Self.windowSize)
    }

    /// Appends up to `maxCount` decoded bytes to `output`; returns the number appended, 0 at the end of the data.
    mutating func read(into output: inout [UInt8], maxCount: Int) throws(IOError) -> Int {
        let start = output.count
        let limit = start + maxCount
        checksumFrom = start
        decoding: while output.count < limit {
            switch state {
            case .done:
                break decoding
            case .memberHeader:
                if try !readMemberHeader() {
                    state = .done
                    break decoding
                }
                crc = 0
                memberSize = 0
                memberStart = windowPosition
                lastBlock = false
                state = .blockHeader
            case .blockHeader:
                if lastBlock {
                    state = .trailer
                    continue
                }
                let header = try bits(3)
                lastBlock = header & 1 == 1
                switch header >> 1 {
                case 0:
                    dropToByteBoundary()
                    let length = try bits(16)
                    let complement = try bits(16)
                    guard length == ~complement & 0xFFFF else { throw corrupt("stored block length check failed") }
                    state = .stored(remaining: length)
                case 1:
                    literalTable = HuffmanTable.fixedLiterals
                    distanceTable = HuffmanTable.fixedDistances
                    state = .huffman
                case 2:
                    try readDynamicTables()
                    state = .huffman
                default:
                    throw corrupt("reserved block type")
                }
            case .stored(let remaining):
                if remaining == 0 {
                    state = .blockHeader
                    continue
                }
                let n = min(remaining, limit - output.count)
                for _ in 0..<n {
                    emit(UInt8(try bits(8)), into: &output)
                }
                state = .stored(remaining: remaining - n)
            case .huffman:
                if try decodeHuffman(into: &output, limit: limit) {
                    state = .blockHeader
                }
            case .trailer:
                updateChecksum(output)
                dropToByteBoundary()
                let storedCRC = UInt32(try bits(16)) | UInt32(try bits(16)) << 16
                let storedSize = UInt32(try bits(16)) | UInt32(try bits(16)) << 16
                guard storedCRC == crc else { throw corrupt("CRC-32 mismatch") }
                guard storedSize == memberSize else { throw corrupt("length mismatch") }
                membersRead += 1
                state = .memberHeader
                return output.count - start
            }
        }
        updateChecksum(output)
        return output.count - start
    }

    // MARK: - Checksum

    /// Where in the caller's buffer the bytes not yet folded into the checksum start.
    private var checksumFrom = 0

    /// Folds the bytes produced since the last fold into the member's running CRC-32 and size.
    private mutating func updateChecksum(_ output: [UInt8]) {
        if checksumFrom < output.count {
            crc = CRC32.update(crc, output[checksumFrom..<output.count])
            memberSize &+= UInt32(truncatingIfNeeded: output.count - checksumFrom)
        }
        checksumFrom = output.count
    }

    // MARK: - Bits

    private func corrupt(_ what: String) -> IOError {
        IOError(.corruptCompressedData, "corrupt gzip data: \(what)")
    }

    /// Tops the bit buffer up to at least 57 bits when input remains.
    @inline(__always)
    private mutating func refill() throws(IOError) {
        while bitCount <= 56 {
            if inputPosition == input.count {
                if sourceFinished { return }
                input.removeAll(keepingCapacity: true)
                inputPosition = 0
                guard let source, try source.read(into: &input, count: 1 << 16) > 0 else {
                    sourceFinished = true
                    return
                }
            }
            bitBuffer |= UInt64(input[inputPosition]) << UInt64(bitCount)
            inputPosition += 1
            bitCount += 8
        }
    }

    @inline(__always)
    private mutating func bits(_ n: Int) throws(IOError) -> Int {
        if bitCount < n {
            try refill()
            guard bitCount >= n else { throw corrupt("unexpected end of data") }
        }
        let value = Int(bitBuffer & ((1 << UInt64(n)) - 1))
        bitBuffer >>= UInt64(n)
        bitCount -= n
        return value
    }

    private mutating func dropToByteBoundary() {
        let extra = bitCount & 7
        bitBuffer >>= UInt64(extra)
        bitCount -= extra
    }

    /// True when no compressed bytes remain at all (whole bytes in the bit buffer count as remaining).
    private mutating func atEndOfInput() throws(IOError) -> Bool {
        try refill()
        return bitCount < 8
    }

    // MARK: - Member header

    /// Reads a gzip member header; returns false at a clean end of input (no further member).
    private mutating func readMemberHeader() throws(IOError) -> Bool {
        dropToByteBoundary()
        if try atEndOfInput() {
            if membersRead == 0 { throw corrupt("empty input") }
            return false
        }
        let id1 = try bits(8)
        if membersRead > 0 && id1 == 0 {
            // Some tools pad the file with zeros after the last member.
            while try !atEndOfInput() {
                guard try bits(8) == 0 else { throw corrupt("trailing data after the last member") }
            }
            return false
        }
        let id2 = try bits(8)
        guard id1 == 0x1f && id2 == 0x8b else {
            throw corrupt(membersRead == 0 ? "not a gzip stream" : "trailing data after the last member")
        }
        guard try bits(8) == 8 else { throw corrupt("unknown compression method") }
        let flags = try bits(8)
        guard flags & 0xE0 == 0 else { throw corrupt("reserved header flags set") }
        _ = try bits(16)  // modification time
        _ = try bits(16)
        _ = try bits(16)  // extra flags, operating system
        if flags & 0x04 != 0 {
            let length = try bits(16)
            for _ in 0..<length { _ = try bits(8) }
        }
        if flags & 0x08 != 0 {
            while try bits(8) != 0 {}  // original file name
        }
        if flags & 0x10 != 0 {
            while try bits(8) != 0 {}  // comment
        }
        if flags & 0x02 != 0 {
            _ = try bits(16)  // header CRC-16
        }
        return true
    }

    // MARK: - Huffman blocks

    private static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    private mutating func readDynamicTables() throws(IOError) {
        let literalCount = try bits(5) + 257
        let distanceCount = try bits(5) + 1
        let codeLengthCount = try bits(4) + 4
        guard literalCount <= 286, distanceCount <= 30 else { throw corrupt("too many codes") }
        var codeLengthLengths = [UInt8](repeating: 0, count: 19)
        for i in 0..<codeLengthCount {
            codeLengthLengths[Self.codeLengthOrder[i]] = UInt8(try bits(3))
        }
        guard let codeLengthTable = HuffmanTable(lengths: codeLengthLengths) else {
            throw corrupt("bad code-length code")
        }
        var lengths = [UInt8](repeating: 0, count: literalCount + distanceCount)
        var i = 0
        while i < lengths.count {
            let symbol = try decodeSymbol(codeLengthTable)
            switch symbol {
            case 0...15:
                lengths[i] = UInt8(symbol)
                i += 1
            case 16:
                guard i > 0 else { throw corrupt("repeat with no previous length") }
                let repeatCount = 3 + (try bits(2))
                guard i + repeatCount <= lengths.count else { throw corrupt("code lengths overflow") }
                let previous = lengths[i - 1]
                for _ in 0..<repeatCount {
                    lengths[i] = previous
                    i += 1
                }
            default:
                let repeatCount = symbol == 17 ? 3 + (try bits(3)) : 11 + (try bits(7))
                guard i + repeatCount <= lengths.count else { throw corrupt("code lengths overflow") }
                i += repeatCount  // zeros
            }
        }
        guard lengths[256] != 0 else { throw corrupt("no end-of-block code") }
        guard let literals = HuffmanTable(lengths: Array(lengths[0..<literalCount])),
            let distances = HuffmanTable(lengths: Array(lengths[literalCount...]), allowEmpty: true)
        else { throw corrupt("bad Huffman code") }
        literalTable = literals
        distanceTable = distances
    }

    @inline(__always)
    private mutating func decodeSymbol(_ table: HuffmanTable) throws(IOError) -> Int {
        if bitCount < table.maxLength { try refill() }
        let entry = table.entries[Int(bitBuffer & UInt64(table.mask))]
        let length = Int(entry & 0xF)
        guard length != 0, length <= bitCount else {
            throw corrupt(length == 0 ? "invalid Huffman code" : "unexpected end of data")
        }
        bitBuffer >>= UInt64(length)
        bitCount -= length
        return Int(entry >> 4)
    }

    private static let lengthBase: [Int] = [
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
    ]
    private static let lengthExtra: [Int] = [
        0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
    ]
    private static let distanceBase: [Int] = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
        6145, 8193, 12289, 16385, 24577,
    ]
    private static let distanceExtra: [Int] = [
        0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
    ]

    @inline(__always)
    private mutating func emit(_ byte: UInt8, into output: inout [UInt8]) {
        window[windowPosition & Self.windowMask] = byte
        windowPosition &+= 1
        output.append(byte)
    }

    /// Decodes symbols until the block ends (returns true) or `output` reaches `limit` (returns false).
    private mutating func decodeHuffman(into output: inout [UInt8], limit: Int) throws(IOError) -> Bool {
        while output.count < limit {
            if pendingLength > 0 {
                let n = min(pendingLength, limit - output.count)
                for _ in 0..<n {
                    emit(window[(windowPosition &- pendingDistance) & Self.windowMask], into: &output)
                }
                pendingLength -= n
                continue
            }
            let symbol = try decodeSymbol(literalTable)
            if symbol < 256 {
                emit(UInt8(symbol), into: &output)
                continue
            }
            if symbol == 256 { return true }
            let lengthIndex = symbol - 257
            guard lengthIndex < Self.lengthBase.count else { throw corrupt("invalid length symbol") }
            let length = Self.lengthBase[lengthIndex] + (try bits(Self.lengthExtra[lengthIndex]))
            let distanceSymbol = try decodeSymbol(distanceTable)
            guard distanceSymbol < Self.distanceBase.count else { throw corrupt("invalid distance symbol") }
            let distance = Self.distanceBase[distanceSymbol] + (try bits(Self.distanceExtra[distanceSymbol]))
            guard distance <= windowPosition &- memberStart else {
                throw corrupt("distance reaches before the start of the data")
            }
            pendingLength = length
            pendingDistance = distance
        }
        return false
    }
}

/// A canonical Huffman code as a direct lookup table indexed by the next `maxLength` input bits (least
/// significant bit first, as DEFLATE packs them). Each entry holds `symbol << 4 | codeLength`; 0 marks an
/// unused bit pattern.
struct HuffmanTable: Sendable {
    let entries: [UInt16]
    let maxLength: Int
    let mask: Int

    static let empty = HuffmanTable(entries: [0], maxLength: 0)

    private init(entries: [UInt16], maxLength: Int) {
        self.entries = entries
        self.maxLength = maxLength
        self.mask = (1 << maxLength) - 1
    }

    /// Builds the table from code lengths; nil when the lengths over-subscribe the code space or, unless
    /// `allowEmpty`, define no code at all.
    init?(lengths: [UInt8], allowEmpty: Bool = false) {
        var counts = [Int](repeating: 0, count: 16)
        var maxLength = 0
        for l in lengths where l > 0 {
            counts[Int(l)] += 1
            maxLength = max(maxLength, Int(l))
        }
        if maxLength == 0 {
            guard allowEmpty else { return nil }
            self.init(entries: [0], maxLength: 0)
            return
        }
        // Kraft check: the code must not claim more than the whole space.
        var left = 1
        for l in 1...15 {
            left <<= 1
            left -= counts[l]
            if left < 0 { return nil }
        }
        var nextCode = [Int](repeating: 0, count: 16)
        var code = 0
        for l in 1...15 {
            code = (code + counts[l - 1]) << 1
            nextCode[l] = code
        }
        var entries = [UInt16](repeating: 0, count: 1 << maxLength)
        for (symbol, l) in lengths.enumerated() where l > 0 {
            let length = Int(l)
            let c = nextCode[length]
            nextCode[length] += 1
            var reversed = 0
            for b in 0..<length where c & (1 << b) != 0 {
                reversed |= 1 << (length - 1 - b)
            }
            let entry = UInt16(symbol << 4 | length)
            var index = reversed
            while index < entries.count {
                entries[index] = entry
                index += 1 << length
            }
        }
        self.init(entries: entries, maxLength: maxLength)
    }

    static let fixedLiterals: HuffmanTable = {
        var lengths = [UInt8](repeating: 8, count: 288)
        for i in 144..<256 { lengths[i] = 9 }
        for i in 256..<280 { lengths[i] = 7 }
        return HuffmanTable(lengths: lengths) ?? .empty
    }()

    static let fixedDistances: HuffmanTable = HuffmanTable(lengths: [UInt8](repeating: 5, count: 30)) ?? .empty
}

/// CRC-32 (IEEE 802.3, reflected), as gzip stores it.
enum CRC32 {
    static let table: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func update(_ crc: UInt32, _ bytes: ArraySlice<UInt8>) -> UInt32 {
        var c = ~crc
        table.withUnsafeBufferPointer { t in
            for b in bytes { c = t[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        }
        return ~c
    }
}
