/// Remembers which sets of target atoms have been matched, for RDKit's `uniquify`: of all mappings onto the
/// same atom set only the first is kept (benzene has 12 mappings of `c1ccccc1`, one unique match).
///
/// Targets of up to 128 atoms use a two-word bit set per match (no allocation per mapping); larger ones store
/// each set's sorted atoms once, found again through a hash.
struct MatchDeduplicator {
    private let useBits: Bool
    private var bitSets = Set<SIMD2<UInt64>>()
    private var storage: [Int32] = []
    private var buckets: [UInt64: [Int32]] = [:]
    private var scratch: [Int32] = []

    init(targetCount: Int) {
        useBits = targetCount <= 128
    }

    /// Records the atom set of `mapping` (target atoms, -1 entries ignored); true when it is new.
    mutating func insert<Mapping: Sequence<Int32>>(_ mapping: Mapping) -> Bool {
        if useBits {
            var bits = SIMD2<UInt64>(0, 0)
            for t in mapping where t >= 0 {
                if t < 64 { bits[0] |= 1 << UInt64(t) } else { bits[1] |= 1 << UInt64(t - 64) }
            }
            return bitSets.insert(bits).inserted
        }
        scratch.removeAll(keepingCapacity: true)
        for t in mapping where t >= 0 { scratch.append(t) }
        scratch.sort()
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for t in scratch {
            hash ^= UInt64(UInt32(bitPattern: t))
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let width = scratch.count
        if let offsets = buckets[hash] {
            for offset in offsets {
                let start = Int(offset)
                if storage[start..<(start + width)].elementsEqual(scratch) { return false }
            }
        }
        buckets[hash, default: []].append(Int32(storage.count))
        storage.append(contentsOf: scratch)
        return true
    }
}
