/// A query screen as the words the test reads: only the non-zero ones, so a typical query (a few dozen bits)
/// costs a handful of word tests per molecule.
public struct QueryScreen: Sendable {
    let indices: [Int]
    let words: [UInt64]

    /// Prepares `fingerprint` (a query screen from `SubstructureScreen`) for testing many molecule screens.
    public init(_ fingerprint: Fingerprint) {
        var indices: [Int] = []
        var words: [UInt64] = []
        for (i, word) in fingerprint.words.enumerated() where word != 0 {
            indices.append(i)
            words.append(word)
        }
        self.indices = indices
        self.words = words
    }

    /// Whether every query bit is set in the molecule screen whose words start at `screen`.
    @inline(__always)
    func passes(_ screen: UnsafePointer<UInt64>) -> Bool {
        for k in indices.indices where words[k] & ~screen[indices[k]] != 0 { return false }
        return true
    }

    /// Whether every query bit is set in `moleculeScreen`.
    public func passes(_ moleculeScreen: Fingerprint) -> Bool {
        moleculeScreen.words.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, buffer.count >= (indices.last ?? -1) + 1 else { return indices.isEmpty }
            return passes(base)
        }
    }
}
