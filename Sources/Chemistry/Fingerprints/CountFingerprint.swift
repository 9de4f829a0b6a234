/// A fingerprint that keeps how often each feature occurs (RDKit's count fingerprints), stored sparsely as
/// (index, count) pairs sorted by index.
///
/// Folded (`length` = the fingerprint size, indices are identifiers modulo it) it matches RDKit's
/// `GetCountFingerprint`; unfolded (`length` = 2^32, indices are the raw 32-bit identifiers) it matches
/// `GetSparseCountFingerprint`.
public struct CountFingerprint: Sendable, Hashable {
    /// One feature and how many times it occurs.
    public struct Element: Sendable, Hashable {
        public var index: UInt32
        public var count: UInt32

        public init(index: UInt32, count: UInt32) {
            self.index = index
            self.count = count
        }
    }

    /// The number of possible indices: the folded size, or 2^32 for raw identifiers.
    public let length: UInt64
    /// The non-zero entries, sorted by index, each index once.
    public let elements: [Element]

    /// Counts the given indices (which must be below `length`; others are ignored).
    public init(length: UInt64, indices: [UInt32]) {
        self.length = length
        var sorted = indices.filter { UInt64($0) < length }
        sorted.sort()
        var elements: [Element] = []
        elements.reserveCapacity(sorted.count)
        for index in sorted {
            if let last = elements.last, last.index == index {
                elements[elements.count - 1].count &+= 1
            } else {
                elements.append(Element(index: index, count: 1))
            }
        }
        self.elements = elements
    }

    /// The count of one index (0 when absent).
    public func count(of index: UInt32) -> UInt32 {
        var lo = 0, hi = elements.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if elements[mid].index < index { lo = mid + 1 } else { hi = mid }
        }
        return lo < elements.count && elements[lo].index == index ? elements[lo].count : 0
    }

    /// The sum of all counts.
    public var totalCount: Int { elements.reduce(0) { $0 + Int($1.count) } }
}
