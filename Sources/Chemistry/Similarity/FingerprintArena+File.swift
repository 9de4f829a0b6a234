#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Arena files: the arena's block written as is, and opened again by mapping it into memory.
extension FingerprintArena {
    /// How much of an arena file is checked when it is opened.
    public enum Verification: Sendable, Hashable {
        /// Header, section offsets, popcount buckets, index permutation and name offsets: every position a
        /// search or name lookup reads is proven inside the file (time proportional to the count, not bits).
        case structure
        /// Also every fingerprint's popcount and unused tail bits (reads the whole file once).
        case full
    }

    /// Writes the arena to `path` (replacing it), in the layout `init(contentsOfFile:)` maps back.
    public func write(to path: String) throws(FingerprintFileError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else {
            throw FingerprintFileError(.cannotWrite, "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var written = 0
        let total = layout.fileSize
        while written < total {
            let chunk = min(total - written, 1 << 30)
            let n = writeBytes(fd, storage.base + written, chunk)
            if n < 0 {
                if errno == EINTR { continue }
                throw FingerprintFileError(.cannotWrite, "writing \(path) failed: \(String(cString: strerror(errno)))", offset: written)
            }
            written += n
        }
    }

    /// Maps an arena file read-only and checks it (see `Verification`). The arena keeps the mapping; pages
    /// are read on demand, so opening costs no reading of the fingerprints.
    public init(contentsOfFile path: String, verification: Verification = .structure) throws(FingerprintFileError) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw FingerprintFileError(.cannotOpen, "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw FingerprintFileError(.cannotOpen, "cannot read the size of \(path): \(String(cString: strerror(errno)))")
        }
        let size = Int(info.st_size)
        guard size >= ArenaLayout.headerSize else {
            throw FingerprintFileError(.truncated, "\(path) has \(size) bytes, fewer than the 128-byte header", offset: 0)
        }
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), mapped != MAP_FAILED else {
            throw FingerprintFileError(.cannotOpen, "cannot map \(path): \(String(cString: strerror(errno)))")
        }
        let storage = ArenaStorage(mapped: mapped, byteCount: size)
        try self.init(checking: storage, byteCount: size, verification: verification)
    }

    /// An arena from the bytes of an arena file (copied into aligned memory, then checked).
    public init(bytes: some Collection<UInt8>, verification: Verification = .full) throws(FingerprintFileError) {
        let storage = ArenaStorage(allocating: bytes.count)
        var i = 0
        for byte in bytes {
            storage.base.storeBytes(of: byte, toByteOffset: i, as: UInt8.self)
            i += 1
        }
        try self.init(checking: storage, byteCount: bytes.count, verification: verification)
    }

    init(checking storage: ArenaStorage, byteCount: Int, verification: Verification) throws(FingerprintFileError) {
        let base = UnsafeRawPointer(storage.base)
        let layout = try ArenaLayout(reading: base, byteCount: byteCount)
        let n = layout.count
        func u64(_ at: Int) -> Int {
            let v = UInt64(littleEndian: base.load(fromByteOffset: at, as: UInt64.self))
            return v > UInt64(Int.max) ? -1 : Int(v)
        }
        // Buckets: from 0 to count, never decreasing.
        var previous = 0
        for p in 0..<(layout.bitCount + 2) {
            let at = layout.bucketsOffset + 8 * p
            let start = u64(at)
            guard start >= previous && start <= n && (p > 0 || start == 0) else {
                throw FingerprintFileError(.corrupt, "popcount bucket \(p) starts at \(start), outside 0...\(n) or before the previous one", offset: at)
            }
            previous = start
        }
        guard previous == n else {
            throw FingerprintFileError(.corrupt, "the popcount buckets cover \(previous) rows, not \(n)", offset: layout.bucketsOffset)
        }
        // Indices and positions: inverse permutations of 0 ..< count.
        for row in 0..<n {
            let at = layout.indicesOffset + 4 * row
            let index = Int(UInt32(littleEndian: base.load(fromByteOffset: at, as: UInt32.self)))
            guard index < n else {
                throw FingerprintFileError(.corrupt, "row \(row) names input index \(index) of \(n)", offset: at)
            }
            let back = layout.positionsOffset + 4 * index
            guard Int(UInt32(littleEndian: base.load(fromByteOffset: back, as: UInt32.self))) == row else {
                throw FingerprintFileError(.corrupt, "input index \(index) does not map back to row \(row)", offset: back)
            }
        }
        // Name offsets: from 0 to the names' size, never decreasing.
        previous = 0
        for i in 0...n {
            let at = layout.nameOffsetsOffset + 8 * i
            let end = u64(at)
            guard end >= previous && end <= layout.namesByteCount && (i > 0 || end == 0) else {
                throw FingerprintFileError(.corrupt, "name \(i) ends at byte \(end), outside the names or before the previous one", offset: at)
            }
            previous = end
        }
        guard previous == layout.namesByteCount else {
            throw FingerprintFileError(.corrupt, "the names use \(previous) of \(layout.namesByteCount) bytes", offset: layout.nameOffsetsOffset)
        }
        self.init(storage: storage, layout: layout)
        if verification == .full { try verifyFingerprints() }
    }

    /// Checks every fingerprint's popcount against its bucket and that bits past `bitCount` are clear.
    func verifyFingerprints() throws(FingerprintFileError) {
        let w = layout.wordsPerFingerprint
        let tail = layout.bitCount & 63
        let tailMask: UInt64 = tail == 0 ? 0 : ~((1 << UInt64(tail)) - 1)
        let base = fingerprintBase
        for p in 0...layout.bitCount {
            for row in buckets[p]..<buckets[p + 1] {
                let fp = base + row * w
                let at = layout.fingerprintsOffset + row * w * 8
                guard PopcountKernel.popcount(fp, words: w) == p else {
                    throw FingerprintFileError(.corrupt, "the fingerprint in row \(row) does not have the \(p) bits its bucket says", offset: at)
                }
                guard UInt64(littleEndian: fp[w - 1]) & tailMask == 0 else {
                    throw FingerprintFileError(.corrupt, "the fingerprint in row \(row) sets bits past bit \(layout.bitCount)", offset: at)
                }
            }
        }
    }
}

/// `write(2)` under a name that does not clash with `FingerprintArena.write(to:)`.
@inline(__always)
private func writeBytes(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        return Glibc.write(fd, buffer, count)
    #else
        return Darwin.write(fd, buffer, count)
    #endif
}
