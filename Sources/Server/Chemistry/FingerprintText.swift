import Chemistry

/// Fingerprints as stored text: each 64-bit word as 16 lower-case hex digits, least significant word first.
/// Text rather than a binary column, so SQLite and PostgreSQL store it the same way.
enum FingerprintText {
    static func encode(_ fingerprint: Fingerprint) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(fingerprint.words.count * 16)
        let digits = Array("0123456789abcdef".utf8)
        for word in fingerprint.words {
            for shift in stride(from: 60, through: 0, by: -4) {
                bytes.append(digits[Int((word >> UInt64(shift)) & 0xF)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The fingerprint of `bitCount` bits written by `encode`, or nil when the text is not one (stored keys
    /// are then rebuilt, never trusted).
    static func decode(_ text: String, bitCount: Int) -> Fingerprint? {
        let bytes = Array(text.utf8)
        let wordCount = (bitCount + 63) >> 6
        guard bytes.count == wordCount * 16 else { return nil }
        var words = [UInt64](repeating: 0, count: wordCount)
        for w in 0..<wordCount {
            var value: UInt64 = 0
            for i in 0..<16 {
                let b = bytes[w * 16 + i]
                let digit: UInt8
                switch b {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - UInt8(ascii: "a") + 10
                default: return nil
                }
                value = value << 4 | UInt64(digit)
            }
            words[w] = value
        }
        return Fingerprint(bitCount: bitCount, words: words)
    }
}
