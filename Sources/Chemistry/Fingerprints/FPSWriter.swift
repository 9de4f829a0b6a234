/// Writes fingerprints as FPS text (see `FPSHeader` for the format).
public enum FPSWriter {
    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// One data line: lowercase hex, a tab, the identifier (tabs and line breaks in it become spaces, since
    /// they would end the field), a newline.
    public static func line(_ fingerprint: Fingerprint, id: String) -> String {
        var bytes: [UInt8] = []
        appendLine(fingerprint, id: id, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends one data line's UTF-8 bytes to `output` (for writers that batch their output).
    public static func appendLine(_ fingerprint: Fingerprint, id: String, to output: inout [UInt8]) {
        let byteCount = (fingerprint.bitCount + 7) >> 3
        output.reserveCapacity(output.count + 2 * byteCount + id.utf8.count + 2)
        for i in 0..<byteCount {
            let byte = UInt8(truncatingIfNeeded: fingerprint.words[i >> 3] >> UInt64((i & 7) * 8))
            output.append(hexDigits[Int(byte >> 4)])
            output.append(hexDigits[Int(byte & 15)])
        }
        output.append(UInt8(ascii: "\t"))
        for c in id.utf8 {
            output.append(c == UInt8(ascii: "\t") || c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") ? UInt8(ascii: " ") : c)
        }
        output.append(UInt8(ascii: "\n"))
    }
}
