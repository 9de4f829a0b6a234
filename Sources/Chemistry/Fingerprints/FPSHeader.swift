/// The metadata lines of an FPS file (chemfp's text format for exchanging fingerprints).
///
/// An FPS file starts with `#FPS1`, then optional `#key=value` lines: `num_bits` (the fingerprint length),
/// `type` (how the fingerprints were made, e.g. `RDKit-Morgan/1 radius=2 fpSize=2048 ...`), `software`,
/// `source` (may repeat) and `date`; other keys are kept as they are. Data lines follow: the fingerprint in hex
/// (byte 0 first, bit 0 the low bit of byte 0), a tab, the identifier, and optionally more tab-separated fields.
public struct FPSHeader: Sendable, Hashable {
    public var bitCount: Int?
    public var type: String?
    public var software: String?
    public var sources: [String] = []
    public var date: String?
    /// Other `#key=value` lines, in file order.
    public var other: [KeyValue] = []

    /// A header line this reader does not interpret.
    public struct KeyValue: Sendable, Hashable {
        public var key: String
        public var value: String
        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    public init(bitCount: Int? = nil, type: String? = nil, software: String? = nil, sources: [String] = [], date: String? = nil) {
        self.bitCount = bitCount
        self.type = type
        self.software = software
        self.sources = sources
        self.date = date
    }

    /// The chemfp type string of RDKit's Morgan fingerprints, which Accord's bits reproduce (so chemfp users
    /// can mix the two).
    public static func morganType(radius: Int, bitCount: Int) -> String {
        "RDKit-Morgan/1 radius=\(radius) fpSize=\(bitCount) useFeatures=0 useChirality=0 useBondTypes=1"
    }

    /// The header's text, `#FPS1` first, each line ending in a newline. Values cannot contain newlines (they
    /// are replaced by spaces).
    public var text: String {
        var lines = ["#FPS1"]
        if let bitCount { lines.append("#num_bits=\(bitCount)") }
        if let type { lines.append("#type=\(Self.clean(type))") }
        if let software { lines.append("#software=\(Self.clean(software))") }
        for source in sources { lines.append("#source=\(Self.clean(source))") }
        if let date { lines.append("#date=\(Self.clean(date))") }
        for item in other { lines.append("#\(Self.clean(item.key))=\(Self.clean(item.value))") }
        return lines.joined(separator: "\n") + "\n"
    }

    static func clean(_ s: String) -> String {
        String(s.map { $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}
