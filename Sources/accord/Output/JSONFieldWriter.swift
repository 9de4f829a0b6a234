import Chemistry

/// Writes JSON Lines: one object per record, fields in the order they are added, straight into a byte buffer
/// that goes to a `TextOutput`. Strings are escaped as RFC 8259 requires (quotes, backslashes and control
/// characters; other Unicode is written as UTF-8), numbers are plain decimals, and a missing value is `null`.
struct JSONFieldWriter {
    private var line: [UInt8] = []
    private var needsComma = false
    let output: TextOutput

    init(output: TextOutput) {
        self.output = output
        line.reserveCapacity(512)
    }

    /// Starts a new object.
    mutating func begin() {
        line.removeAll(keepingCapacity: true)
        line.append(0x7B)  // {
        needsComma = false
    }

    /// Ends the object and writes it as one line.
    mutating func end() {
        line.append(0x7D)  // }
        line.append(0x0A)
        output.write(bytes: line)
    }

    private mutating func key(_ name: StaticString) {
        if needsComma { line.append(0x2C) }
        needsComma = true
        line.append(0x22)
        name.withUTF8Buffer { line.append(contentsOf: $0) }
        line.append(0x22)
        line.append(0x3A)
    }

    mutating func field(_ name: StaticString, _ value: String?) {
        key(name)
        guard let value else { return appendNull() }
        appendString(value)
    }

    mutating func field(_ name: StaticString, _ value: Int?) {
        key(name)
        guard let value else { return appendNull() }
        line.append(contentsOf: String(value).utf8)
    }

    /// An array of arrays of whole numbers (`[[0,1],[2,3]]`), or `null`.
    mutating func field(_ name: StaticString, _ value: [[Int]]?) {
        key(name)
        guard let value else { return appendNull() }
        line.append(0x5B)  // [
        for (i, inner) in value.enumerated() {
            if i > 0 { line.append(0x2C) }
            line.append(0x5B)
            for (j, number) in inner.enumerated() {
                if j > 0 { line.append(0x2C) }
                line.append(contentsOf: String(number).utf8)
            }
            line.append(0x5D)  // ]
        }
        line.append(0x5D)
    }

    /// A number rounded to `decimals` places, without trailing zeros (`336.479`); non-finite values are `null`.
    mutating func field(_ name: StaticString, _ value: Double?, decimals: Int) {
        key(name)
        guard let value, value.isFinite else { return appendNull() }
        line.append(contentsOf: Self.decimal(value, decimals: decimals).utf8)
    }

    private mutating func appendNull() {
        line.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])  // null
    }

    private mutating func appendString(_ s: String) {
        line.append(0x22)
        for byte in s.utf8 {
            switch byte {
            case 0x22: line.append(contentsOf: [0x5C, 0x22])  // \"
            case 0x5C: line.append(contentsOf: [0x5C, 0x5C])  // \\
            case 0x0A: line.append(contentsOf: [0x5C, 0x6E])  // \n
            case 0x0D: line.append(contentsOf: [0x5C, 0x72])  // \r
            case 0x09: line.append(contentsOf: [0x5C, 0x74])  // \t
            case 0x08: line.append(contentsOf: [0x5C, 0x62])  // \b
            case 0x0C: line.append(contentsOf: [0x5C, 0x66])  // \f
            case 0x00..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                line.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])  // \u00XX
            default: line.append(byte)
            }
        }
        line.append(0x22)
    }

    /// `value` rounded to `decimals` places and written without trailing zeros or exponent.
    static func decimal(_ value: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9.0e15 else { return String(value) }
        let units = Int64(scaled)
        let whole = units / Int64(scale)
        var fraction = units % Int64(scale)
        var digits = decimals
        while digits > 0 && fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        var text = String(whole)
        if digits > 0 {
            let f = String(fraction)
            text += "." + String(repeating: "0", count: digits - f.count) + f
        }
        return value < 0 && units != 0 ? "-" + text : text
    }
}
