/// Molecules kept with their substructure screens, for running many substructure queries over one library
/// (as RDKit's `SubstructLibrary` with its pattern holder): the screen rules most molecules out with a few
/// word tests, and only the rest meet the matcher. Searches use every core.
///
/// The screen never rejects a molecule the query matches (`SubstructureScreen`), so a search returns exactly
/// what matching every molecule would.
public struct SubstructureLibrary: Sendable {
    /// The molecules, in the order given.
    public let molecules: [Molecule]
    /// Screens, `wordsPerScreen` words per molecule, in molecule order.
    let screens: [UInt64]
    static let wordsPerScreen = SubstructureScreen.standard.bitCount / 64

    /// Computes every molecule's screen (on `threads` threads, default every core).
    public init(molecules: [Molecule], threads: Int? = nil) {
        self.molecules = molecules
        let w = Self.wordsPerScreen
        var screens = [UInt64](repeating: 0, count: molecules.count * w)
        let parts = Self.parts(threads: threads, count: molecules.count)
        screens.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let out = SharedPointer(pointer: base)
            ParallelWork.run(parts: parts) { part in
                let lo = molecules.count * part / parts, hi = molecules.count * (part + 1) / parts
                for i in lo..<hi {
                    let words = SubstructureScreen.standard.fingerprint(of: molecules[i]).words
                    for k in 0..<w { out.pointer[i * w + k] = words[k] }
                }
            }
        }
        self.screens = screens
    }

    /// Number of molecules.
    public var count: Int { molecules.count }

    /// The molecules `query` matches, in library order, and how many the screen ruled out.
    public func search(_ query: SubstructureQuery, useChirality: Bool = false, threads: Int? = nil) -> SubstructureSearchResult {
        let screen = QueryScreen(SubstructureScreen.standard.queryFingerprint(of: query))
        let parts = Self.parts(threads: threads, count: molecules.count)
        var found = [[Int]](repeating: [], count: parts)
        var rejected = [Int](repeating: 0, count: parts)
        let molecules = self.molecules
        found.withUnsafeMutableBufferPointer { foundBuffer in
            rejected.withUnsafeMutableBufferPointer { rejectedBuffer in
                screens.withUnsafeBufferPointer { screenBuffer in
                    guard let f = foundBuffer.baseAddress, let r = rejectedBuffer.baseAddress, let s = screenBuffer.baseAddress else {
                        return
                    }
                    let foundOut = SharedPointer(pointer: f), rejectedOut = SharedPointer(pointer: r)
                    let words = SharedReadPointer(pointer: s)
                    ParallelWork.run(parts: parts) { part in
                        let lo = molecules.count * part / parts, hi = molecules.count * (part + 1) / parts
                        var hits: [Int] = []
                        var ruledOut = 0
                        for i in lo..<hi {
                            guard screen.passes(words.pointer + i * Self.wordsPerScreen) else {
                                ruledOut += 1
                                continue
                            }
                            if query.matches(molecules[i], useChirality: useChirality) { hits.append(i) }
                        }
                        foundOut.pointer[part] = hits
                        rejectedOut.pointer[part] = ruledOut
                    }
                }
            }
        }
        return SubstructureSearchResult(matches: found.flatMap { $0 }, rejectedByScreen: rejected.reduce(0, +))
    }

    private static func parts(threads: Int?, count: Int) -> Int {
        let wanted = max(1, threads ?? ParallelWork.coreCount)
        return max(1, min(wanted, count / 256 + 1))
    }
}
