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
    }

    /// The substance keys whose recorded structure has this identity key (several only for stereoisomers the
    /// law names separately, which share a constitution).
    public func substances(forKey key: String) -> [String] {
        (byKey[key] ?? []).map { entries[$0].substance }
    }

    /// The `count` entries most similar to `fingerprint` by Tanimoto, most similar first (ties by substance key).
    public func nearest(to fingerprint: Fingerprint, count: Int, excluding excluded: Set<String> = []) -> [(entry: Entry, similarity: Double)] {
        guard count > 0 else { return [] }
        let a = fingerprint.popcount
        var scored: [(Int, Double)] = []
        scored.reserveCapacity(entries.count)
        let words = fingerprint.words
        for (i, e) in entries.enumerated() where !excluded.contains(e.substance) {
            var common = 0
            let other = e.fingerprint.words
            for w in 0..<min(words.count, other.count) { common += (words[w] & other[w]).nonzeroBitCount }
            let union = a + e.popcount - common
            scored.append((i, union == 0 ? 0 : Double(common) / Double(union)))
        }
        scored.sort { $0.1 != $1.1 ? $0.1 > $1.1 : entries[$0.0].substance < entries[$1.0].substance }
        return scored.prefix(count).map { (entries[$0.0], $0.1) }
    }
}
