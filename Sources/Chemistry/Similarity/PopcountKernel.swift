/// The inner loop of every search: the number of bits two fingerprints share.
///
/// Fingerprints are read as 512-bit `SIMD8<UInt64>` blocks and counted with the vector `nonzeroBitCount`, so
/// LLVM sees a vector population count: a build for this machine's CPU (`-Xswiftc -target-cpu -Xswiftc
/// native`, see docs/BENCHMARKS.md) emits four AVX-512 `vpopcntq` per 2048-bit comparison; the default x86-64
/// target emits a vectorised bit-twiddling count (about 270 instructions per 2048-bit comparison, against 380
/// for a scalar loop). The answer is the same either way.
@usableFromInline
enum PopcountKernel {
    /// `popcount(q & t)` over `words` words.
    @inline(__always) @usableFromInline
    static func commonBits(_ q: UnsafePointer<UInt64>, _ t: UnsafePointer<UInt64>, words: Int) -> Int {
        switch words {
        case 32: return commonBits32(q, t)
        case 16: return commonBits16(q, t)
        default: return commonBitsAny(q, t, words: words)
        }
    }

    @inline(__always)
    static func block(_ p: UnsafePointer<UInt64>, _ byteOffset: Int) -> SIMD8<UInt64> {
        UnsafeRawPointer(p).loadUnaligned(fromByteOffset: byteOffset, as: SIMD8<UInt64>.self)
    }

    @inline(__always) @usableFromInline
    static func commonBits32(_ q: UnsafePointer<UInt64>, _ t: UnsafePointer<UInt64>) -> Int {
        var acc = (block(q, 0) & block(t, 0)).nonzeroBitCount
        acc &+= (block(q, 64) & block(t, 64)).nonzeroBitCount
        acc &+= (block(q, 128) & block(t, 128)).nonzeroBitCount
        acc &+= (block(q, 192) & block(t, 192)).nonzeroBitCount
        return Int(truncatingIfNeeded: acc.wrappedSum())
    }

    @inline(__always) @usableFromInline
    static func commonBits16(_ q: UnsafePointer<UInt64>, _ t: UnsafePointer<UInt64>) -> Int {
        var acc = (block(q, 0) & block(t, 0)).nonzeroBitCount
        acc &+= (block(q, 64) & block(t, 64)).nonzeroBitCount
        return Int(truncatingIfNeeded: acc.wrappedSum())
    }

    @inline(__always) @usableFromInline
    static func commonBitsAny(_ q: UnsafePointer<UInt64>, _ t: UnsafePointer<UInt64>, words: Int) -> Int {
        var acc = SIMD8<UInt64>()
        var k = 0
        while k &+ 8 <= words {
            acc &+= (block(q, k &* 8) & block(t, k &* 8)).nonzeroBitCount
            k &+= 8
        }
        var s = Int(truncatingIfNeeded: acc.wrappedSum())
        while k < words {
            s &+= (q[k] & t[k]).nonzeroBitCount
            k &+= 1
        }
        return s
    }

    /// `popcount(w)` over `words` words.
    @inline(__always) @usableFromInline
    static func popcount(_ w: UnsafePointer<UInt64>, words: Int) -> Int {
        var s = 0
        for k in 0..<words { s &+= w[k].nonzeroBitCount }
        return s
    }
}
