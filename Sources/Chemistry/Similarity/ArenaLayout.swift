/// The byte layout shared by an in-memory `FingerprintArena` and its file (docs/CHEMISTRY.md, "Arena files"):
/// a 128-byte header, then the sections, each 64-byte aligned, all integers little-endian.
///
/// | offset | field |
/// |---|---|
/// | 0 | magic `ACCORDFP` |
/// | 8 | version (UInt32, 1), header size (UInt32, 128) |
/// | 16 | bit count, words per fingerprint, fingerprint count (UInt64 each) |
/// | 40 | offsets of: fingerprints, popcount buckets, sorted-to-input indices, input-to-sorted positions, name offsets, names, type; then names byte count, type byte count, file size (UInt64 each) |
///
/// Fingerprints are stored sorted by popcount (ties in input order); bucket `p` holds the rows with `p` bits:
/// `buckets[p] ..< buckets[p + 1]` (bit count + 2 entries). Names are UTF-8, indexed by input order through
/// count + 1 offsets. The type is the FPS `#type` text, if any.
struct ArenaLayout: Equatable {
    static let magic: [UInt8] = Array("ACCORDFP".utf8)
    static let version: UInt32 = 1
    static let headerSize = 128
    static let alignment = 64

    var bitCount: Int
    var wordsPerFingerprint: Int
    var count: Int
    var fingerprintsOffset: Int
    var bucketsOffset: Int
    var indicesOffset: Int
    var positionsOffset: Int
    var nameOffsetsOffset: Int
    var namesOffset: Int
    var typeOffset: Int
    var namesByteCount: Int
    var typeByteCount: Int
    var fileSize: Int

    static func aligned(_ x: Int) -> Int { (x + alignment - 1) / alignment * alignment }

    /// Lays out sections for the given sizes.
    init(bitCount: Int, count: Int, namesByteCount: Int, typeByteCount: Int) {
        self.bitCount = bitCount
        wordsPerFingerprint = (bitCount + 63) >> 6
        self.count = count
        self.namesByteCount = namesByteCount
        self.typeByteCount = typeByteCount
        var at = Self.headerSize
        fingerprintsOffset = Self.aligned(at)
        at = fingerprintsOffset + count * wordsPerFingerprint * 8
        bucketsOffset = Self.aligned(at)
        at = bucketsOffset + (bitCount + 2) * 8
        indicesOffset = Self.aligned(at)
        at = indicesOffset + count * 4
        positionsOffset = Self.aligned(at)
        at = positionsOffset + count * 4
        nameOffsetsOffset = Self.aligned(at)
        at = nameOffsetsOffset + (count + 1) * 8
        namesOffset = Self.aligned(at)
        at = namesOffset + namesByteCount
        typeOffset = Self.aligned(at)
        at = typeOffset + typeByteCount
        fileSize = at
    }

    /// Writes the header into the first 128 bytes of `base`.
    func writeHeader(to base: UnsafeMutableRawPointer) {
        for (i, byte) in Self.magic.enumerated() { base.storeBytes(of: byte, toByteOffset: i, as: UInt8.self) }
        base.storeBytes(of: Self.version.littleEndian, toByteOffset: 8, as: UInt32.self)
        base.storeBytes(of: UInt32(Self.headerSize).littleEndian, toByteOffset: 12, as: UInt32.self)
        let fields = [
            bitCount, wordsPerFingerprint, count, fingerprintsOffset, bucketsOffset, indicesOffset, positionsOffset,
            nameOffsetsOffset, namesOffset, typeOffset, namesByteCount, typeByteCount, fileSize,
        ]
        for (i, value) in fields.enumerated() {
            base.storeBytes(of: UInt64(value).littleEndian, toByteOffset: 16 + 8 * i, as: UInt64.self)
        }
    }

    /// Reads and checks a header: every section inside the file, aligned, in order and not overlapping.
    init(reading base: UnsafeRawPointer, byteCount: Int) throws(FingerprintFileError) {
        guard byteCount >= Self.headerSize else {
            throw FingerprintFileError(.truncated, "the file has \(byteCount) bytes, fewer than the 128-byte header", offset: 0)
        }
        for (i, byte) in Self.magic.enumerated() where base.load(fromByteOffset: i, as: UInt8.self) != byte {
            throw FingerprintFileError(.notAnArena, "the file does not start with ACCORDFP: not an Accord fingerprint arena", offset: i)
        }
        let version = UInt32(littleEndian: base.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
        guard version == Self.version else {
            throw FingerprintFileError(.unsupportedVersion, "arena version \(version) is not supported (this build reads version 1)", offset: 8)
        }
        let header = UInt32(littleEndian: base.loadUnaligned(fromByteOffset: 12, as: UInt32.self))
        guard header == UInt32(Self.headerSize) else {
            throw FingerprintFileError(.corrupt, "header size \(header), expected 128", offset: 12)
        }
        var v: [Int] = []
        for i in 0..<13 {
            let raw = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: 16 + 8 * i, as: UInt64.self))
            guard raw <= UInt64(Int.max / 2) else {
                throw FingerprintFileError(.corrupt, "header field \(i + 1) is out of range (\(raw))", offset: 16 + 8 * i)
            }
            v.append(Int(raw))
        }
        guard v[0] >= 1 && v[0] <= MorganGenerator.maximumBitCount else {
            throw FingerprintFileError(.corrupt, "bit count \(v[0]) is out of range", offset: 16)
        }
        guard v[1] == (v[0] + 63) >> 6 else {
            throw FingerprintFileError(.corrupt, "\(v[1]) words per fingerprint do not fit \(v[0]) bits", offset: 24)
        }
        guard v[2] <= Int(UInt32.max) else {
            throw FingerprintFileError(.corrupt, "fingerprint count \(v[2]) exceeds 2^32 - 1", offset: 32)
        }
        let expected = ArenaLayout(bitCount: v[0], count: v[2], namesByteCount: v[10], typeByteCount: v[11])
        let found = [v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[12]]
        let wanted = [
            expected.fingerprintsOffset, expected.bucketsOffset, expected.indicesOffset, expected.positionsOffset,
            expected.nameOffsetsOffset, expected.namesOffset, expected.typeOffset, expected.fileSize,
        ]
        let fieldOffsets = [40, 48, 56, 64, 72, 80, 88, 112]
        for i in found.indices where found[i] != wanted[i] {
            throw FingerprintFileError(.corrupt, "section offset \(found[i]) does not match the layout (\(wanted[i]))", offset: fieldOffsets[i])
        }
        guard expected.fileSize == byteCount else {
            throw FingerprintFileError(
                .truncated, "the header describes \(expected.fileSize) bytes but the file has \(byteCount)",
                offset: min(byteCount, expected.fileSize))
        }
        self = expected
    }
}
