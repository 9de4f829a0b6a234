/// A fixed-length bit vector: a molecule's fingerprint, stored as 64-bit words so that similarity is a few
/// AND and popcount instructions per word.
///
/// Bit `i` is bit `i % 64` (least significant first) of word `i / 64`, which is also the byte order of the
/// FPS format's hex (bit 0 is the low bit of the first byte) on little-endian machines. Bits past `bitCount`
/// in the last word are always zero.
public struct Fingerprint: Sendable, Hashable {
    /// The number of bits (the fingerprint's length, e.g. 2048).
    public let bitCount: Int
    /// The bits, `(bitCount + 63) / 64` words.
    public private(set) var words: [UInt64]

    /// An all-zero fingerprint of `bitCount` bits (at least 1).
    public init(bitCount: Int) {
        let count = max(bitCount, 1)
        self.bitCount = count
        words = [UInt64](repeating: 0, count: (count + 63) >> 6)
    }

    /// A fingerprint with the given bits set; bits outside `0 ..< bitCount` are ignored.
    public init(bitCount: Int, onBits: some Sequence<Int>) {
        self.init(bitCount: bitCount)
        for bit in onBits where bit >= 0 && bit < self.bitCount { set(bit) }
    }

    /// A fingerprint from its words. Returns `nil` when the number of words does not fit `bitCount` or a bit
    /// past `bitCount` is set, so a fingerprint read from a file is never silently truncated.
    public init?(bitCount: Int, words: [UInt64]) {
        guard bitCount > 0, words.count == (bitCount + 63) >> 6 else { return nil }
        let tail = bitCount & 63
        if tail != 0, let last = words.last, last >> UInt64(tail) != 0 { return nil }
        self.bitCount = bitCount
        self.words = words
    }

    /// Whether bit `bit` is set (`false` outside the fingerprint).
    @inlinable
    public subscript(bit: Int) -> Bool {
        guard bit >= 0 && bit < bitCount else { return false }
        return words[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// Sets bit `bit`; a bit outside the fingerprint is ignored.
    public mutating func set(_ bit: Int) {
        guard bit >= 0 && bit < bitCount else { return }
        words[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    /// The number of set bits.
    public var popcount: Int {
        var total = 0
        for w in words { total &+= w.nonzeroBitCount }
        return total
    }

    /// The set bits in increasing order (RDKit's `GetOnBits`).
    public var onBits: [Int] {
        var bits: [Int] = []
        for (i, word) in words.enumerated() {
            var w = word
            while w != 0 {
                bits.append(i << 6 | w.trailingZeroBitCount)
                w &= w &- 1
            }
        }
        return bits
    }

    /// Whether every bit set here is also set in `other` (the substructure screen's test).
    public func isSubset(of other: Fingerprint) -> Bool {
        guard bitCount == other.bitCount else { return false }
        for i in words.indices where words[i] & ~other.words[i] != 0 { return false }
        return true
    }

    /// Sets every bit that is set in `other` (same length required; otherwise nothing changes).
    public mutating func formUnion(_ other: Fingerprint) {
        guard bitCount == other.bitCount else { return }
        for i in words.indices { words[i] |= other.words[i] }
    }
}
