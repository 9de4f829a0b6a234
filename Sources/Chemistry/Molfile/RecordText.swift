/// The lines of one record held in a single byte buffer, with the parsing helpers the fixed-column molfile format
/// needs. Lines are addressed by their index in the record; `lineNumber(_:)` turns an index into the 1-based line
/// number of the whole file for error messages.
struct RecordText {
    var bytes: [UInt8] = []
    /// Line `i` is `bytes[starts[i] ..< ends[i]]`.
    var starts: [Int] = []
    var ends: [Int] = []
    /// File line number of line 0.
    var firstLineNumber = 1

    init() {}

    init(text: String, firstLineNumber: Int = 1) {
        self.init(bytes: Array(text.utf8), firstLineNumber: firstLineNumber)
    }

    init(bytes: [UInt8], firstLineNumber: Int = 1) {
        self.firstLineNumber = firstLineNumber
        self.bytes = bytes
        var starts: [Int] = []
        var ends: [Int] = []
        bytes.withUnsafeBufferPointer { b in
            var start = 0
            var i = 0
            while i < b.count {
                if b[i] == 0x0A {
                    starts.append(start)
                    ends.append(i > start && b[i - 1] == 0x0D ? i - 1 : i)
                    start = i + 1
                }
                i += 1
            }
            if start < b.count {
                starts.append(start)
                ends.append(b.count)
            }
        }
        self.starts = starts
        self.ends = ends
    }

    var count: Int { starts.count }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    func lineNumber(_ index: Int) -> Int { firstLineNumber + index }

    @inline(__always)
    func length(_ line: Int) -> Int { ends[line] - starts[line] }

    /// The byte at a column (0-based) of a line, or a space beyond its end.
    @inline(__always)
    func byte(_ line: Int, _ column: Int) -> UInt8 {
        let p = starts[line] + column
        return p < ends[line] ? bytes[p] : 0x20
    }

    /// The text of a line (invalid UTF-8 repaired).
    func string(_ line: Int) -> String {
        String(decoding: bytes[starts[line]..<ends[line]], as: UTF8.self)
    }

    /// The text of columns `from ..< to` of a line, clipped to the line.
    func string(_ line: Int, from: Int, to: Int) -> String {
        let s = min(starts[line] + from, ends[line])
        let e = min(starts[line] + to, ends[line])
        return String(decoding: bytes[s..<e], as: UTF8.self)
    }

    /// True when the line starts with the ASCII `prefix`.
    func hasPrefix(_ line: Int, _ prefix: StaticString) -> Bool {
        let n = prefix.utf8CodeUnitCount
        guard length(line) >= n else { return false }
        return prefix.withUTF8Buffer { p in
            for i in 0..<n where bytes[starts[line] + i] != p[i] { return false }
            return true
        }
    }

    /// True when the line holds only spaces and tabs.
    func isBlank(_ line: Int) -> Bool {
        for p in starts[line]..<ends[line] where bytes[p] != 0x20 && bytes[p] != 0x09 { return false }
        return true
    }

    /// True when the line is the SDF record separator `$$$$` (trailing spaces allowed).
    func isRecordSeparator(_ line: Int) -> Bool {
        guard hasPrefix(line, "$$$$") else { return false }
        for p in (starts[line] + 4)..<ends[line] where bytes[p] != 0x20 && bytes[p] != 0x09 { return false }
        return true
    }

    /// The integer in columns `from ..< to` (clipped to the line). Spaces around the number are allowed and an
    /// all-blank field is 0; nil when the field holds anything else.
    func integer(_ line: Int, from: Int, to: Int) -> Int? {
        let s = min(starts[line] + from, ends[line])
        let e = min(starts[line] + to, ends[line])
        return Self.parseInteger(bytes, s, e)
    }

    /// The decimal number in columns `from ..< to`; nil when the field is blank or malformed.
    func decimal(_ line: Int, from: Int, to: Int) -> Double? {
        let s = min(starts[line] + from, ends[line])
        let e = min(starts[line] + to, ends[line])
        return Self.parseDecimal(bytes, s, e)
    }

    static func parseInteger(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Int? {
        var p = start
        var e = end
        while p < e && bytes[p] == 0x20 { p += 1 }
        while e > p && bytes[e - 1] == 0x20 { e -= 1 }
        if p == e { return 0 }
        var negative = false
        if bytes[p] == 0x2D || bytes[p] == 0x2B {
            negative = bytes[p] == 0x2D
            p += 1
            guard p < e else { return nil }
        }
        var value = 0
        while p < e {
            let d = Int(bytes[p]) - 48
            guard d >= 0 && d <= 9, value < 100_000_000_000 else { return nil }
            value = value * 10 + d
            p += 1
        }
        return negative ? -value : value
    }

    /// Powers of ten that are exact doubles, for turning digit strings into the nearest double.
    private static let powersOfTen: [Double] = (0...22).map { e -> Double in
        var v = 1.0
        for _ in 0..<e { v *= 10 }
        return v
    }

    /// Parses `[+-]digits[.digits][(e|E)[+-]digits]` surrounded by optional spaces.
    static func parseDecimal(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Double? {
        var p = start
        var e = end
        while p < e && (bytes[p] == 0x20 || bytes[p] == 0x09) { p += 1 }
        while e > p && (bytes[e - 1] == 0x20 || bytes[e - 1] == 0x09) { e -= 1 }
        guard p < e else { return nil }
        var negative = false
        if bytes[p] == 0x2D || bytes[p] == 0x2B {
            negative = bytes[p] == 0x2D
            p += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var scale = 0
        var sawDigit = false
        while p < e, bytes[p] >= 0x30, bytes[p] <= 0x39 {
            if digits < 18 {
                mantissa = mantissa * 10 + UInt64(bytes[p] - 0x30)
                if mantissa > 0 { digits += 1 }
            } else {
                scale += 1
            }
            sawDigit = true
            p += 1
        }
        if p < e && bytes[p] == 0x2E {
            p += 1
            while p < e, bytes[p] >= 0x30, bytes[p] <= 0x39 {
                if digits < 18 {
                    mantissa = mantissa * 10 + UInt64(bytes[p] - 0x30)
                    if mantissa > 0 { digits += 1 }
                    scale -= 1
                }
                sawDigit = true
                p += 1
            }
        }
        guard sawDigit else { return nil }
        if p < e && (bytes[p] == 0x65 || bytes[p] == 0x45) {
            p += 1
            var expNegative = false
            if p < e && (bytes[p] == 0x2D || bytes[p] == 0x2B) {
                expNegative = bytes[p] == 0x2D
                p += 1
            }
            var exponent = 0
            var sawExponentDigit = false
            while p < e, bytes[p] >= 0x30, bytes[p] <= 0x39 {
                if exponent < 10_000 { exponent = exponent * 10 + Int(bytes[p] - 0x30) }
                sawExponentDigit = true
                p += 1
            }
            guard sawExponentDigit else { return nil }
            scale += expNegative ? -exponent : exponent
        }
        guard p == e else { return nil }
        var value = Double(mantissa)
        if scale < 0 {
            let s = -scale
            value = s <= 22 ? value / powersOfTen[s] : value * pow10(-s)
        } else if scale > 0 {
            value = scale <= 22 ? value * powersOfTen[scale] : value * pow10(scale)
        }
        guard value.isFinite else { return nil }
        return negative ? -value : value
    }

    private static func pow10(_ e: Int) -> Double {
        var result = 1.0
        var base = e < 0 ? 0.1 : 10.0
        var n = abs(e)
        while n > 0 {
            if n & 1 == 1 { result *= base }
            base *= base
            n >>= 1
        }
        return result
    }
}
