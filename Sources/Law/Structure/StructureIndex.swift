import Chemistry

/// The knowledge base's recorded structures, parsed once: an identity index (lookup key to substance keys)
/// and, for the nearest-neighbour evidence, each substance's parent molecule with its Morgan fingerprint
/// (radius 2, 2048 bits). Built once per process; a structure that does not parse is reported, not dropped
/// silently (`problems`).
public struct StructureIndex: Sendable {
    /// One substance with a structure.
    public struct Entry: Sendable {
        public let substance: String
        public let name: String
        /// The standardized parent (stereo kept).
        public let molecule: Molecule
        public let fingerprint: Fingerprint
        public let popcount: Int
        /// Jurisdictions with any listing of the substance, in knowledge-base order.
        public let codes: [JurisdictionCode]
        /// Whether a US Schedule I or II listing records it (the Analogue Act compares with those).
        public let usScheduleIOrII: Bool
    }

    public let entries: [Entry]
    private let byKey: [String: [Int]]
    /// The identity screens of every recorded structure: a structure whose screen is not here has no entry.
    public let screens: Set<IdentityScreen>
    /// Listings whose SMILES does not parse: (listing id, message).
    public let problems: [(listing: String, message: String)]
    /// The fingerprints inverted: for each bit, the entries that set it (`postings[postingStarts[bit]..<
    /// postingStarts[bit + 1]]`), and each entry's popcount. A query sets a few dozen of the 2048 bits, so
    /// counting common bits through the bits' entry lists touches far fewer words than comparing every entry's
    /// whole fingerprint.
    private let postingStarts: [Int32]
    private let postings: [Int32]
    private let bitCount: Int
    private let popcounts: [Int]
    /// Entries in US Schedule I or II, for the Analogue Act note.
    public let usScheduleIOrIIEntries: [Int]

    public init(knowledgeBase kb: KnowledgeBase) {
        var entries: [Entry] = []
        var byKey: [String: [Int]] = [:]
        var screens = Set<IdentityScreen>()
        var problems: [(String, String)] = []
        let generator = MorganGenerator.standard
        for substance in kb.substanceKeys {
            let listings = kb.listings(ofSubstance: substance)
            var keys = Set<String>()
            var parent: Molecule?
            for listing in listings {
                guard let recorded = listing.structure else { continue }
                let molecule: Molecule
                do {
                    molecule = try Molecule(smiles: recorded.smiles)
                } catch {
                    problems.append((listing.id, "SMILES \(recorded.smiles) does not parse at column \(error.column): \(error.message)"))
                    continue
                }
                let identity = StructureIdentity(molecule)
                screens.insert(identity.screen)
                if let key = identity.key { keys.insert(key) }
                if parent == nil { parent = identity.standardized }
            }
            guard let parent else { continue }
            let index = entries.count
            for key in keys { byKey[key, default: []].append(index) }
            var codes: [JurisdictionCode] = []
            for l in listings where !codes.contains(l.jurisdiction) { codes.append(l.jurisdiction) }
            let fingerprint = generator.fingerprint(of: parent)
            let usIOrII = listings.contains { $0.jurisdiction == .unitedStates && ($0.schedule == "I" || $0.schedule == "II") }
            entries.append(Entry(substance: substance, name: kb.displayName(ofSubstance: substance), molecule: parent,
                                 fingerprint: fingerprint, popcount: fingerprint.popcount, codes: codes, usScheduleIOrII: usIOrII))
        }
        self.entries = entries
        self.byKey = byKey
        self.screens = screens
        self.problems = problems
        let bits = MorganGenerator.standard.bitCount
        var perBit = [Int32](repeating: 0, count: bits + 1)
        for entry in entries {
            for (w, word) in entry.fingerprint.words.enumerated() where word != 0 {
                for b in 0..<64 where word & (1 << UInt64(b)) != 0 { perBit[w * 64 + b + 1] += 1 }
            }
        }
        for b in 0..<bits { perBit[b + 1] += perBit[b] }
        var fill = perBit
        var postings = [Int32](repeating: 0, count: Int(perBit[bits]))
        for (i, entry) in entries.enumerated() {
            for (w, word) in entry.fingerprint.words.enumerated() where word != 0 {
                for b in 0..<64 where word & (1 << UInt64(b)) != 0 {
                    postings[Int(fill[w * 64 + b])] = Int32(i)
                    fill[w * 64 + b] += 1
                }
            }
        }
        bitCount = bits
        postingStarts = perBit
        self.postings = postings
        popcounts = entries.map(\.popcount)
        usScheduleIOrIIEntries = entries.indices.filter { entries[$0].usScheduleIOrII }
    }

    /// The entry indices whose structure has this identity key (none for nil: a key not written because no
    /// entry has its screen).
    public func entryIndices(forKey key: String?) -> [Int] { key.flatMap { byKey[$0] } ?? [] }

    /// The substance keys whose recorded structure has this identity key (several only for stereoisomers the
    /// law names separately, which share a constitution).
    public func substances(forKey key: String?) -> [String] {
        entryIndices(forKey: key).map { entries[$0].substance }
    }

    /// The `count` entries most similar to `fingerprint` (a Morgan radius 2, 2048-bit fingerprint) by Tanimoto,
    /// most similar first (ties by entry order), among `candidates` (nil: every entry) minus `excluded`.
    public func nearest(to fingerprint: Fingerprint, count: Int, among candidates: [Int]? = nil, excluding excluded: [Int] = []) -> [(entry: Int, similarity: Double)] {
        guard count > 0, fingerprint.words.count * 64 == bitCount else { return [] }
        let a = fingerprint.popcount
        // Bits in common with every entry, counted through the query's bits' entry lists.
        var common = [Int32](repeating: 0, count: popcounts.count)
        common.withUnsafeMutableBufferPointer { common in
            postings.withUnsafeBufferPointer { postings in
                postingStarts.withUnsafeBufferPointer { starts in
                    for (w, word) in fingerprint.words.enumerated() {
                        var rest = word
                        while rest != 0 {
                            let bit = w * 64 + rest.trailingZeroBitCount
                            rest &= rest &- 1
                            for p in Int(starts[bit])..<Int(starts[bit + 1]) { common[Int(postings[p])] &+= 1 }
                        }
                    }
                }
            }
        }
        var top: [(entry: Int, similarity: Double)] = []
        top.reserveCapacity(count + 1)
        func score(_ i: Int) {
            if excluded.contains(i) { return }
            let shared = Int(common[i])
            let union = a + popcounts[i] - shared
            let similarity = union == 0 ? 0 : Double(shared) / Double(union)
            if top.count == count, let last = top.last, last.similarity >= similarity { return }
            var at = top.count
            while at > 0 && top[at - 1].similarity < similarity { at -= 1 }
            top.insert((i, similarity), at: at)
            if top.count > count { top.removeLast() }
        }
        if let candidates {
            for i in candidates { score(i) }
        } else {
            for i in 0..<popcounts.count { score(i) }
        }
        return top
    }
}
