#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The memory an arena lives in: one aligned allocation, or a read-only mapping of an arena file. Immutable
/// once made, so it is shared across threads freely; freed or unmapped when the last arena using it goes.
final class ArenaStorage: @unchecked Sendable {
    enum Release {
        case deallocate
        case unmap
    }

    let base: UnsafeMutableRawPointer
    let byteCount: Int
    let release: Release

    /// Zeroed memory for `byteCount` bytes, 64-byte aligned (a cache line; AVX-512 loads).
    init(allocating byteCount: Int) {
        let size = max(byteCount, 64)
        base = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 64)
        base.initializeMemory(as: UInt8.self, repeating: 0, count: size)
        self.byteCount = byteCount
        release = .deallocate
    }

    /// Takes ownership of a mapping made by `mmap`.
    init(mapped base: UnsafeMutableRawPointer, byteCount: Int) {
        self.base = base
        self.byteCount = byteCount
        release = .unmap
    }

    deinit {
        switch release {
        case .deallocate: base.deallocate()
        case .unmap: _ = munmap(base, byteCount)
        }
    }
}
