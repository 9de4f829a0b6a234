extension ElementTable {
    /// Every element symbol is one capital letter, optionally followed by one small letter; this table maps
    /// `(capital - 'A') * 27 + (small == none ? 0 : small - 'a' + 1)` to the atomic number (0 = no element), so
    /// parsers can look symbols up from raw bytes without building strings or hashing.
    private static let asciiSymbolIndex: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 26 * 27)
        for z in 1...maxAtomicNumber {
            let utf8 = Array(symbols[z].utf8)
            let first = Int(utf8[0]) - 65
            let second = utf8.count > 1 ? Int(utf8[1]) - 97 + 1 : 0
            table[first * 27 + second] = UInt8(z)
        }
        return table
    }()

    /// The atomic number of an exactly-cased one- or two-letter ASCII symbol (`second` is nil for one letter),
    /// or nil when it names no element.
    static func atomicNumber(ascii first: UInt8, _ second: UInt8?) -> Int? {
        guard first >= 65 && first <= 90 else { return nil }
        var column = 0
        if let second {
            guard second >= 97 && second <= 122 else { return nil }
            column = Int(second) - 97 + 1
        }
        let z = Int(asciiSymbolIndex[Int(first - 65) * 27 + column])
        return z == 0 ? nil : z
    }
}
