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
    /// Listings whose SMILES does not parse: (listing id, message).
    public let problems: [(listing: String, message: String)]
    /// The fingerprints' words, entry after entry (`wordsPerEntry` each), and their popcounts: the nearest-
    /// neighbour scan reads these contiguous arrays, not the entries.
    private let words: [UInt64]
    private let wordsPerEntry: Int
    private let popcounts: [Int]
    /// Entries in US Schedule I or II, for the Analogue Act note.
    public let usScheduleIOrIIEntries: [Int]

    public init(knowledgeBase kb: KnowledgeBase) {
        var entries: [Entry] = []
        var byKey: [String: [Int]] = [:]
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
                keys.insert(identity.key)
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
        self.problems = problems
        wordsPerEntry = MorganGenerator.standard.bitCount / 64
        words = entries.flatMap { $0.fingerprint.words }
        popcounts = entries.map(\.popcount)
        usScheduleIOrIIEntries = entries.indices.filter { entries[$0].usScheduleIOrII }
    }

    /// The entry indices whose structure has this identity key.
    public func entryIndices(forKey key: String) -> [Int] { byKey[key] ?? [] }

    /// The substance keys whose recorded structure has this identity key (several only for stereoisomers the
    /// law names separately, which share a constitution).
    public func substances(forKey key: String) -> [String] {
        (byKey[key] ?? []).map { entries[$0].substance }
    }

    /// The `count` entries most similar to `fingerprint` (a Morgan radius 2, 2048-bit fingerprint) by Tanimoto,
    /// most similar first (ties by entry order), among `candidates` (nil: every entry) minus `excluded`.
    public func nearest(to fingerprint: Fingerprint, count: Int, among candidates: [Int]? = nil, excluding excluded: [Int] = []) -> [(entry: Int, similarity: Double)] {
        guard count > 0, fingerprint.words.count == wordsPerEntry else { return [] }
        let a = fingerprint.popcount
        var top: [(entry: Int, similarity: Double)] = []
        top.reserveCapacity(count + 1)
        fingerprint.words.withUnsafeBufferPointer { query in
            words.withUnsafeBufferPointer { all in
                func score(_ i: Int) {
                    if excluded.contains(i) { return }
                    var common = 0
                    let base = i * wordsPerEntry
                    for w in 0..<wordsPerEntry { common += (query[w] & all[base + w]).nonzeroBitCount }
                    let union = a + popcounts[i] - common
                    let similarity = union == 0 ? 0 : Double(common) / Double(union)
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
            }
        }
        return top
    }
}
