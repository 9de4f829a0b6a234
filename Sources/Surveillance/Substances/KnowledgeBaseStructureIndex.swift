import Law

/// The knowledge base's recorded structures by identity, built once: which substance keys, and which worked
/// examples of the class rules, have a given structure.
public struct KnowledgeBaseStructureIndex: Sendable {
    private var substancesByIsomeric: [String: Set<String>] = [:]
    private var substancesByConstitution: [String: Set<String>] = [:]
    private var examplesByIsomeric: [String: [RuleExample]] = [:]
    private var examplesByConstitution: [String: [RuleExample]] = [:]
    /// Substance keys whose recorded SMILES the chemistry core could not read (reported, never guessed).
    public private(set) var unreadable: [String] = []

    public init(knowledgeBase kb: KnowledgeBase) {
        for key in kb.substanceKeys {
            guard let structure = kb.structure(ofSubstance: key) else { continue }
            guard let identity = StructureKey(smiles: structure.smiles) else {
                unreadable.append(key)
                continue
            }
            substancesByIsomeric[identity.isomeric, default: []].insert(key)
            substancesByConstitution[identity.constitution, default: []].insert(key)
        }
        for example in kb.examples {
            guard let identity = StructureKey(smiles: example.smiles) else {
                unreadable.append("example \(example.id)")
                continue
            }
            examplesByIsomeric[identity.isomeric, default: []].append(example)
            examplesByConstitution[identity.constitution, default: []].append(example)
        }
    }

    /// The substance a structure is: the one key with the same structure including stereo, else the one key
    /// with the same constitution (`stereo` true: a stereoisomer, or a structure recorded without stereo). Nil
    /// when none, or when several keys share it (the structure does not say which).
    public func substance(of identity: StructureKey) -> (key: String, stereo: Bool)? {
        if let keys = substancesByIsomeric[identity.isomeric], keys.count == 1, let key = keys.first { return (key, false) }
        if let keys = substancesByConstitution[identity.constitution], keys.count == 1, let key = keys.first {
            return (key, true)
        }
        return nil
    }

    /// Keys that share a constitution with the structure when more than one does (for explaining a non-match).
    public func ambiguousSubstances(of identity: StructureKey) -> [String] {
        guard let keys = substancesByConstitution[identity.constitution], keys.count > 1 else { return [] }
        return keys.sorted()
    }

    /// The worked examples with this structure (the same stereo if any has it, else the same constitution).
    public func examples(of identity: StructureKey) -> [RuleExample] {
        if let found = examplesByIsomeric[identity.isomeric] { return found }
        return examplesByConstitution[identity.constitution] ?? []
    }
}
