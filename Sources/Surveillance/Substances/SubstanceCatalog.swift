/// A name index over knowledge-base entries: resolves a source's name by its normalised keys (main name,
/// then parenthesised synonyms, then the source's own grouping such as the NFLIS base substance).
///
/// The law module supplies the entries; surveillance only needs ids, names, synonyms and classes, so the
/// catalog is the seam between the two and can be built from any list.
public struct SubstanceCatalog: SubstanceResolver {
    public struct Entry: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        public var synonyms: [String]
        public var classes: [String]

        public init(id: String, name: String, synonyms: [String] = [], classes: [String] = []) {
            self.id = id
            self.name = name
            self.synonyms = synonyms
            self.classes = classes
        }
    }

    public let entries: [Entry]
    private var byKey: [String: Int] = [:]

    public init(entries: [Entry]) {
        self.entries = entries
        for (index, entry) in entries.enumerated() {
            for name in [entry.name] + entry.synonyms {
                for key in NameNormalizer.keys(name) where byKey[key] == nil {
                    byKey[key] = index
                }
            }
        }
    }

    public func resolve(name: String, group: String?) -> SubstanceMatch? {
        var keys = NameNormalizer.keys(name)
        if let group { keys += NameNormalizer.keys(group) }
        for key in keys {
            if let index = byKey[key] {
                let entry = entries[index]
                return SubstanceMatch(id: entry.id, name: entry.name, classes: entry.classes)
            }
        }
        return nil
    }
}
