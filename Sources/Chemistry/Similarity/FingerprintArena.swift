/// A library of fingerprints of one length in one contiguous block, sorted by popcount: what similarity
/// searches run over.
///
/// Why this shape: a search reads fingerprints sequentially (memory bandwidth is the limit), skips whole
/// popcount ranges that cannot reach the threshold (BitBound), and never chases a pointer per molecule. The
/// block has exactly the layout of an arena file (`ArenaLayout`), so writing is one copy and opening a file is
/// one `mmap`, with no parsing: a 10-million-fingerprint library opens in milliseconds.
///
/// Rows are addressed by *input index* (the order fingerprints were added or read); results carry it. Memory is
/// proportional to the library: `bitCount / 8` bytes per fingerprint plus 16 bytes and the name.
public struct FingerprintArena: Sendable {
    let storage: ArenaStorage
    let layout: ArenaLayout
    /// Bucket starts by popcount (`bitCount + 2` entries), copied out of the block for quick access.
    let buckets: [Int]

    /// The number of bits of every fingerprint.
    public var bitCount: Int { layout.bitCount }
    /// The number of fingerprints.
    public var count: Int { layout.count }
    /// 64-bit words per fingerprint.
    public var wordsPerFingerprint: Int { layout.wordsPerFingerprint }

    init(storage: ArenaStorage, layout: ArenaLayout) {
        self.storage = storage
        self.layout = layout
        let base = UnsafeRawPointer(storage.base)
        var buckets = [Int](repeating: 0, count: layout.bitCount + 2)
        for p in 0..<(layout.bitCount + 2) {
            buckets[p] = Int(UInt64(littleEndian: base.load(fromByteOffset: layout.bucketsOffset + 8 * p, as: UInt64.self)))
        }
        self.buckets = buckets
    }

    /// The fingerprint type recorded with the library (an FPS `#type` line such as
    /// `RDKit-Morgan/1 radius=2 fpSize=2048 ...`), empty when unknown.
    public var type: String {
        let p = UnsafeRawBufferPointer(start: storage.base + layout.typeOffset, count: layout.typeByteCount)
        return String(decoding: p, as: UTF8.self)
    }

    @inline(__always)
    var fingerprintBase: UnsafePointer<UInt64> {
        UnsafePointer((storage.base + layout.fingerprintsOffset).assumingMemoryBound(to: UInt64.self))
    }

    @inline(__always)
    func inputIndex(ofRow row: Int) -> Int {
        Int(UInt32(littleEndian: storage.base.load(fromByteOffset: layout.indicesOffset + 4 * row, as: UInt32.self)))
    }

    @inline(__always)
    func row(ofInputIndex index: Int) -> Int {
        Int(UInt32(littleEndian: storage.base.load(fromByteOffset: layout.positionsOffset + 4 * index, as: UInt32.self)))
    }

    /// The fingerprint added at input index `index` (0 ..< count).
    public func fingerprint(at index: Int) -> Fingerprint {
        let w = layout.wordsPerFingerprint
        let start = fingerprintBase + row(ofInputIndex: index) * w
        let words = (0..<w).map { UInt64(littleEndian: start[$0]) }
        return Fingerprint(bitCount: layout.bitCount, words: words) ?? Fingerprint(bitCount: layout.bitCount)
    }

    /// The popcount of the fingerprint at input index `index`.
    public func popcount(at index: Int) -> Int {
        let row = row(ofInputIndex: index)
        var lo = 0, hi = layout.bitCount + 1
        while lo < hi {
            let mid = (lo + hi + 1) >> 1
            if buckets[mid] <= row { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// The name (identifier) of the fingerprint at input index `index`.
    public func name(at index: Int) -> String {
        let at = layout.nameOffsetsOffset + 8 * index
        let start = Int(UInt64(littleEndian: storage.base.load(fromByteOffset: at, as: UInt64.self)))
        let end = Int(UInt64(littleEndian: storage.base.load(fromByteOffset: at + 8, as: UInt64.self)))
        let p = UnsafeRawBufferPointer(start: storage.base + layout.namesOffset + start, count: end - start)
        return String(decoding: p, as: UTF8.self)
    }

    /// How many fingerprints have exactly `bits` bits set.
    public func bucketSize(popcount bits: Int) -> Int {
        guard bits >= 0 && bits <= layout.bitCount else { return 0 }
        return buckets[bits + 1] - buckets[bits]
    }

    /// An empty one-bit arena (what an empty input reads as).
    static var empty: FingerprintArena {
        Builder(uncheckedBitCount: 1, type: "").build()
    }

    /// The size of the arena's block (and of its file) in bytes.
    public var byteCount: Int { layout.fileSize }

    /// Calls `body` with the arena's bytes, exactly as `write(to:)` stores them. The pointer is valid only
    /// inside `body` (the arena owns the memory).
    public func withUnsafeBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        try withExtendedLifetime(storage) { () throws(E) -> R in
            try body(UnsafeRawBufferPointer(start: storage.base, count: layout.fileSize))
        }
    }
}

extension FingerprintArena {
    /// Collects fingerprints and names, then lays them out as an arena.
    ///
    /// Memory while building is about twice the final arena (the collected words, then the sorted block).
    public struct Builder: Sendable {
        public let bitCount: Int
        public var type: String
        var words: [UInt64] = []
        var popcounts: [UInt32] = []
        var names: [UInt8] = []
        var nameEnds: [UInt64] = []

        /// A builder for fingerprints of `bitCount` bits (1 ... 2^24).
        public init(bitCount: Int, type: String = "") throws(FingerprintError) {
            guard bitCount >= 1 && bitCount <= MorganGenerator.maximumBitCount else {
                throw FingerprintError(.invalidBitCount, "fingerprints must have 1 to \(MorganGenerator.maximumBitCount) bits, not \(bitCount)")
            }
            self.bitCount = bitCount
            self.type = type
        }

        init(uncheckedBitCount bitCount: Int, type: String) {
            self.bitCount = bitCount
            self.type = type
        }

        /// The number of fingerprints added so far.
        public var count: Int { popcounts.count }

        /// Reserves room for `count` more fingerprints.
        public mutating func reserveCapacity(_ count: Int) {
            words.reserveCapacity(words.count + count * ((bitCount + 63) >> 6))
            popcounts.reserveCapacity(popcounts.count + count)
            nameEnds.reserveCapacity(nameEnds.count + count)
        }

        /// Adds a fingerprint and its name; its input index is the number added before it.
        public mutating func append(_ fingerprint: Fingerprint, name: String) throws(FingerprintError) {
            guard fingerprint.bitCount == bitCount else {
                throw FingerprintError(.lengthMismatch, "a \(fingerprint.bitCount)-bit fingerprint cannot join a \(bitCount)-bit library")
            }
            guard popcounts.count < Int(UInt32.max) else {
                throw FingerprintError(.invalidParameter, "a library holds at most \(UInt32.max) fingerprints")
            }
            words.append(contentsOf: fingerprint.words)
            popcounts.append(UInt32(fingerprint.popcount))
            names.append(contentsOf: name.utf8)
            nameEnds.append(UInt64(names.count))
        }

        /// Adds a fingerprint's words (already checked: the right count, no bits past `bitCount`) and its name's
        /// UTF-8 bytes, for readers that never make a `Fingerprint` value.
        mutating func appendRaw(words source: [UInt64], name: UnsafeRawBufferPointer) {
            var bits = 0
            for w in source { bits &+= w.nonzeroBitCount }
            words.append(contentsOf: source)
            popcounts.append(UInt32(bits))
            names.append(contentsOf: name)
            nameEnds.append(UInt64(names.count))
        }

        /// Lays the collected fingerprints out sorted by popcount (a counting sort: ties keep input order).
        public func build() -> FingerprintArena {
            let n = popcounts.count
            let typeBytes = Array(type.utf8)
            let layout = ArenaLayout(bitCount: bitCount, count: n, namesByteCount: names.count, typeByteCount: typeBytes.count)
            let storage = ArenaStorage(allocating: layout.fileSize)
            let base = storage.base
            layout.writeHeader(to: base)
            // Buckets by popcount.
            var starts = [Int](repeating: 0, count: bitCount + 2)
            for p in popcounts { starts[Int(p) + 1] += 1 }
            for p in 0..<(bitCount + 1) { starts[p + 1] += starts[p] }
            for p in 0..<(bitCount + 2) {
                base.storeBytes(of: UInt64(starts[p]).littleEndian, toByteOffset: layout.bucketsOffset + 8 * p, as: UInt64.self)
            }
            var fill = starts
            let w = layout.wordsPerFingerprint
            let target = (base + layout.fingerprintsOffset).assumingMemoryBound(to: UInt64.self)
            words.withUnsafeBufferPointer { source in
                for i in 0..<n {
                    let row = fill[Int(popcounts[i])]
                    fill[Int(popcounts[i])] += 1
                    for k in 0..<w { target[row * w + k] = source[i * w + k].littleEndian }
                    base.storeBytes(of: UInt32(i).littleEndian, toByteOffset: layout.indicesOffset + 4 * row, as: UInt32.self)
                    base.storeBytes(of: UInt32(row).littleEndian, toByteOffset: layout.positionsOffset + 4 * i, as: UInt32.self)
                }
            }
            base.storeBytes(of: UInt64(0), toByteOffset: layout.nameOffsetsOffset, as: UInt64.self)
            for i in 0..<n {
                base.storeBytes(of: nameEnds[i].littleEndian, toByteOffset: layout.nameOffsetsOffset + 8 * (i + 1), as: UInt64.self)
            }
            names.withUnsafeBytes { raw in
                if let source = raw.baseAddress { (base + layout.namesOffset).copyMemory(from: source, byteCount: raw.count) }
            }
            typeBytes.withUnsafeBytes { raw in
                if let source = raw.baseAddress { (base + layout.typeOffset).copyMemory(from: source, byteCount: raw.count) }
            }
            return FingerprintArena(storage: storage, layout: layout)
        }
    }
}
