/// The 32-bit hash combination RDKit's fingerprint generators use (Boost's `hash_combine` on `uint32`, with an
/// integer hashing to itself), so that Accord's Morgan identifiers are RDKit's, not merely similar.
@usableFromInline
enum MorganHash {
    /// `seed ^ (value + 0x9E3779B9 + (seed << 6) + (seed >> 2))`, all modulo 2^32.
    @inline(__always) @usableFromInline
    static func combine(_ seed: UInt32, _ value: UInt32) -> UInt32 {
        seed ^ (value &+ 0x9E37_79B9 &+ (seed << 6) &+ (seed >> 2))
    }

    /// The hash of the pair (bond invariant, neighbour invariant).
    @inline(__always) @usableFromInline
    static func pair(_ a: UInt32, _ b: UInt32) -> UInt32 {
        combine(combine(0, a), b)
    }
}
