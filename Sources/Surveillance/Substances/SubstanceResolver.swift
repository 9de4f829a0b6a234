/// A class-wide control rule a substance belongs to (e.g. the US and Chinese fentanyl-related substances), so
/// series can be asked per class.
public struct SubstanceClass: Sendable, Hashable, Codable {
    /// The rule's knowledge-base id, e.g. `us-frs`.
    public var id: String
    /// The rule's name, e.g. `Fentanyl-related substances`.
    public var name: String
    /// The jurisdiction whose rule it is, e.g. `US`.
    public var jurisdiction: String

    public init(id: String, name: String, jurisdiction: String) {
        self.id = id
        self.name = name
        self.jurisdiction = jurisdiction
    }

    /// Whether `text` names this class: its id, or its name (with or without a parenthesised qualifier).
    public func isNamed(_ text: String) -> Bool {
        let wanted = NameNormalizer.key(text)
        guard !wanted.isEmpty else { return false }
        return NameNormalizer.key(id) == wanted || NameNormalizer.keys(name).first == wanted
            || NameNormalizer.key(name) == wanted
    }
}

/// What a source's substance name maps to in the law knowledge base.
///
/// Most names denote one substance. Some denote one of a few (NFLIS "CYCLOPROPYL/CROTONYL FENTANYL" when the
/// laboratory could not tell the isomers apart), and some name a class rather than a substance ("FENTANYL-RELATED
/// SUBSTANCE (UNSPECIFIED)"). The match says which, so status and series never claim more than the name tells.
public struct SubstanceMatch: Sendable, Hashable, Codable {
    /// How the name relates to the knowledge base.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// One substance (`candidates` has its key).
        case substance
        /// One of several substances (`candidates` lists them).
        case oneOf = "one_of"
        /// An unidentified member of a class (`candidates` is empty, `classes` names the class).
        case classMember = "class_member"
        /// A structure, or one of several, that the knowledge base does not list by identity (`unlisted`), with
        /// its class membership settled for every class rule; `candidates` has the listed alternatives, if any.
        case structure
        /// As `structure`, but whether some unlisted structure belongs to a class rule waits for the structural
        /// class engine (`UnlistedStructure.pending`): the structure is known, the decision is not yet made.
        case classCandidate = "class_candidate"
    }

    /// Stable id the observations of this name are grouped under: the knowledge-base substance key, the keys
    /// joined by ` or `, or `class:` and the rule ids.
    public var id: String
    /// A readable name for the match.
    public var name: String
    public var kind: Kind
    /// Knowledge-base substance keys the name may denote.
    public var candidates: [String]
    /// Classes the substance belongs to (for `oneOf`, those every candidate belongs to).
    public var classes: [SubstanceClass]
    /// How the name was matched, e.g. `name`, `source group`, `stereoisomer of 3-methylfentanyl`.
    public var basis: String
    /// The structures the name may denote that no knowledge-base substance has (`structure`, `class_candidate`).
    public var unlisted: [UnlistedStructure]

    public init(id: String, name: String, kind: Kind = .substance, candidates: [String]? = nil,
                classes: [SubstanceClass] = [], basis: String = "name", unlisted: [UnlistedStructure] = []) {
        self.id = id
        self.name = name
        self.kind = kind
        self.candidates = candidates ?? (kind == .substance ? [id] : [])
        self.classes = classes
        self.basis = basis
        self.unlisted = unlisted
    }

    enum CodingKeys: String, CodingKey { case id, name, kind, candidates, classes, basis, unlisted }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        kind = try c.decode(Kind.self, forKey: .kind)
        candidates = try c.decode([String].self, forKey: .candidates)
        classes = try c.decode([SubstanceClass].self, forKey: .classes)
        basis = try c.decode(String.self, forKey: .basis)
        unlisted = try c.decodeIfPresent([UnlistedStructure].self, forKey: .unlisted) ?? []
    }

    /// Whether the name is settled enough for the law engine to answer without anything else from the mapping:
    /// a listed substance, several listed ones, or unlisted structures whose class membership is settled.
    public var isDecided: Bool { kind == .substance || kind == .oneOf || kind == .structure }

    /// Whether the match belongs to a class named `text` (rule id or name).
    public func isInClass(_ text: String) -> Bool { classes.contains { $0.isNamed(text) } }
}

/// A structure a name denotes that the knowledge base does not list by identity, with what is settled about its
/// class membership. Its control status then rests on the class rules alone (and is `unknown` where a rule is
/// pending or a list's scope clauses would have to be read).
public struct UnlistedStructure: Sendable, Hashable, Codable {
    /// Standardized canonical SMILES (Accord's chemistry core).
    public var smiles: String
    /// What the source's table calls this alternative, e.g. `para-chlorofentanyl`.
    public var label: String
    /// Class rules it belongs to.
    public var classes: [SubstanceClass]
    /// Rule ids it is settled not to belong to.
    public var notMemberOf: [String]
    /// Rule ids nothing settles yet (the structural class engine will).
    public var pending: [String]
    /// Per rule, what settled it (`us-frs: worked example c-fluoro`).
    public var evidence: [String]

    public init(smiles: String, label: String, classes: [SubstanceClass] = [], notMemberOf: [String] = [],
                pending: [String] = [], evidence: [String] = []) {
        self.smiles = smiles
        self.label = label
        self.classes = classes
        self.notMemberOf = notMemberOf
        self.pending = pending
        self.evidence = evidence
    }
}

/// Maps source substance names to knowledge-base entries. The alert builder and series queries take one as a
/// value, so surveillance does not depend on how the knowledge base stores names.
public protocol SubstanceResolver: Sendable {
    /// The entry for a source name (and the source's own grouping, e.g. NFLIS base description), or nil.
    func resolve(name: String, group: String?) -> SubstanceMatch?
}

/// The resolver used when no knowledge base is connected: maps nothing, so every name is reported unmapped.
public struct NoSubstanceResolver: SubstanceResolver {
    public init() {}
    public func resolve(name: String, group: String?) -> SubstanceMatch? { nil }
}
