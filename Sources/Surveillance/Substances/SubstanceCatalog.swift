/// A name index over knowledge-base substances and classes: resolves a source's name by its normalised keys.
///
/// Resolution tries, in order, for the source's name and then for its own grouping (the NFLIS base substance):
/// the name and its parenthesised synonyms; a name of alternatives (`CYCLOPROPYL/CROTONYL FENTANYL`: one of
/// the substances, when each part is known); a stereo-descriptor prefix (`CIS-3-METHYLFENTANYL`: a
/// stereoisomer of 3-methylfentanyl, which listings name with their isomers); then, for the name and then the
/// grouping, the name's structure when a table gives one (`structures`); and finally a class name
/// (`FENTANYL-RELATED SUBSTANCE (UNSPECIFIED)`: an unidentified member of the class). Keys shared by two
/// different substances resolve to neither, so an ambiguous name stays unmapped rather than mapped wrongly.
///
/// The catalog only needs ids, names, synonyms and classes, so it is the seam between the law module and
/// surveillance and can be built from any list (`init(knowledgeBase:)` builds it from the law's). A name none of
/// these finds can still be resolved by its structure (`structures`): the name's structures from a reviewed table,
/// compared by identity with the knowledge base's, so NFLIS's systematic and trivial names for analogues the law
/// does not name reach the law engine as structures (`structure`, or `class_candidate` while the structural class
/// decision is pending).
public struct SubstanceCatalog: SubstanceResolver {
    public struct Entry: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        public var synonyms: [String]
        public var classes: [SubstanceClass]

        public init(id: String, name: String, synonyms: [String] = [], classes: [SubstanceClass] = []) {
            self.id = id
            self.name = name
            self.synonyms = synonyms
            self.classes = classes
        }
    }

    public let entries: [Entry]
    /// Classes by name, for names that denote a class rather than a substance.
    public let classes: [SubstanceClass]
    private var byKey: [String: Int] = [:]
    private var ambiguous: Set<String> = []
    private var classesByKey: [String: [SubstanceClass]] = [:]
    /// Classes of a structure recorded without a known name (a seizure's `structure:<SMILES>`), from the law
    /// engine's structural decision; nil until one is connected.
    public var structureClasses: (@Sendable (String) -> [SubstanceClass])?
    /// Names resolved by structure when the law's names do not find them (see `init(knowledgeBase:classes:structures:)`).
    public var structures: StructureResolution?

    /// How observations name a substance known only by its structure.
    public static let structurePrefix = "structure:"

    /// Words that, in front of a name, give only its stereochemistry.
    static let stereoPrefixes = ["cis-", "trans-", "(±)-", "(+/-)-", "rac-", "(e)-", "(z)-"]

    public init(entries: [Entry], classes: [SubstanceClass] = []) {
        self.entries = entries
        self.classes = classes
        for (index, entry) in entries.enumerated() {
            for name in [entry.name] + entry.synonyms {
                for key in NameNormalizer.keys(name) {
                    if let existing = byKey[key], entries[existing].id != entry.id {
                        ambiguous.insert(key)
                    } else if byKey[key] == nil {
                        byKey[key] = index
                    }
                }
            }
        }
        for key in ambiguous { byKey[key] = nil }
        for substanceClass in classes {
            guard let main = NameNormalizer.keys(substanceClass.name).first else { continue }
            // "Fentanyl-related substances" also answers to the singular a source reports one substance by.
            var keys = [main]
            if main.hasSuffix("s") { keys.append(String(main.dropLast())) }
            for key in keys where classesByKey[key]?.contains(substanceClass) != true {
                classesByKey[key, default: []].append(substanceClass)
            }
        }
    }

    /// Keys that more than one substance uses, which therefore resolve to none.
    public var ambiguousKeys: [String] { ambiguous.sorted() }

    public func resolve(name: String, group: String?) -> SubstanceMatch? {
        if name.hasPrefix(Self.structurePrefix) {
            let smiles = String(name.dropFirst(Self.structurePrefix.count))
            guard let classes = structureClasses?(smiles), !classes.isEmpty else { return nil }
            return SubstanceMatch(id: "class:" + classes.map(\.id).joined(separator: ","), name: "structure \(smiles)",
                                  kind: .classMember, candidates: [], classes: classes, basis: "structural evaluation")
        }
        let texts = [name] + (group.map { [$0] } ?? [])
        for (position, text) in texts.enumerated() {
            if var match = resolveSubstance(text) {
                if position == 1 { match.basis = "source group '\(text)'" + (match.basis == "name" ? "" : ", \(match.basis)") }
                return match
            }
        }
        if let structures {
            for (position, text) in texts.enumerated() {
                if var match = structures.resolve(text, in: self) {
                    if position == 1 { match.basis = "source group '\(text)', " + match.basis }
                    return match
                }
            }
        }
        for text in texts {
            if let match = resolveClass(text) { return match }
        }
        return nil
    }

    /// The entry a text names directly, by one of its keys.
    func entry(named text: String) -> (entry: Entry, synonym: Bool)? {
        for (position, key) in NameNormalizer.keys(text).enumerated() {
            if let index = byKey[key] { return (entries[index], position > 0) }
        }
        return nil
    }

    func resolveSubstance(_ text: String) -> SubstanceMatch? {
        if let found = entry(named: text) {
            return match(found.entry, basis: found.synonym ? "synonym" : "name")
        }
        if let alternatives = resolveAlternatives(text) { return alternatives }
        let lowered = text.lowercased().trimmingWhitespace()
        for prefix in Self.stereoPrefixes where lowered.hasPrefix(prefix) {
            let rest = String(lowered.dropFirst(prefix.count))
            if let found = entry(named: rest) {
                return match(found.entry, basis: "stereoisomer of \(found.entry.name)")
            }
        }
        return nil
    }

    /// "A/B C": one of "A C" and "B C" (a part of one word takes the words the last part ends with), when every
    /// part names a different known substance.
    func resolveAlternatives(_ text: String) -> SubstanceMatch? {
        let (main, _) = NameNormalizer.splitParenthesised(NameNormalizer.stripForms(text.lowercased()))
        let parts = main.split(separator: "/").map { String($0.trimmingWhitespace()) }
        guard parts.count > 1, parts.allSatisfy({ !$0.isEmpty }), let last = parts.last else { return nil }
        let lastWords = last.split(separator: " ")
        let shared = lastWords.dropFirst().joined(separator: " ")
        var found: [Entry] = []
        for part in parts {
            let candidates = part.contains(" ") || shared.isEmpty ? [part] : [part, part + " " + shared]
            guard let entry = candidates.lazy.compactMap({ self.entry(named: $0)?.entry }).first else { return nil }
            if !found.contains(where: { $0.id == entry.id }) { found.append(entry) }
        }
        guard found.count > 1 else { return found.first.map { match($0, basis: "name") } }
        let sharedClasses = found.dropFirst().reduce(Set(found[0].classes)) { $0.intersection($1.classes) }
        return SubstanceMatch(id: found.map(\.id).joined(separator: " or "), name: found.map(\.name).joined(separator: " or "),
                              kind: .oneOf, candidates: found.map(\.id),
                              classes: found[0].classes.filter { sharedClasses.contains($0) },
                              basis: "one of \(found.count) substances the source could not tell apart")
    }

    /// A text that names a class ("fentanyl-related substance (unspecified)").
    func resolveClass(_ text: String) -> SubstanceMatch? {
        guard let key = NameNormalizer.keys(text).first, let found = classesByKey[key], !found.isEmpty else { return nil }
        let ids = found.map(\.id).sorted()
        return SubstanceMatch(id: "class:" + ids.joined(separator: ","), name: "unidentified member of \(found[0].name)",
                              kind: .classMember, candidates: [], classes: found,
                              basis: "the source names the class, not the substance")
    }

    private func match(_ entry: Entry, basis: String) -> SubstanceMatch {
        SubstanceMatch(id: entry.id, name: entry.name, kind: .substance, candidates: [entry.id], classes: entry.classes,
                       basis: basis)
    }
}
