import Law

extension SubstanceCatalog {
    /// The catalog of the law knowledge base: one entry per substance key, named by every name the law gives it
    /// in any listing (legal, English, Chinese and systematic names, synonyms, CAS number, listing ids), with the
    /// classes the knowledge base itself settles (`KnowledgeBaseClasses`), plus the structural class rules by
    /// name.
    ///
    /// With a name-to-structure table (`NameStructureTable.bundledNFLIS()`), a name the law's names do not find is
    /// resolved by its structure: to the knowledge-base substance with the same standardized structure, else to an
    /// unlisted structure whose class membership `UnlistedStructureClassifier` settles (or leaves pending).
    public init(knowledgeBase kb: KnowledgeBase, classes membership: KnowledgeBaseClasses? = nil,
                structures table: NameStructureTable? = nil) {
        let membership = membership ?? KnowledgeBaseClasses(knowledgeBase: kb)
        var entries: [Entry] = []
        for key in kb.substanceKeys {
            var names: [String] = [key]
            for listing in kb.listings(ofSubstance: key) {
                names.append(listing.id)
                names += [listing.names.legal, listing.names.english, listing.names.chinese, listing.codes.cas]
                    .compactMap { $0 }
                names += listing.names.systematic + listing.synonyms
            }
            var unique: [String] = []
            for name in names where !name.isEmpty && !unique.contains(name) { unique.append(name) }
            entries.append(Entry(id: key, name: kb.displayName(ofSubstance: key), synonyms: unique,
                                 classes: membership.classes(ofSubstance: key)))
        }
        self.init(entries: entries, classes: membership.rules)
        if membership.decidesStructures {
            structureClasses = { membership.classes(ofStructure: $0) }
        }
        if let table {
            structures = StructureResolution(
                table: table, classifier: UnlistedStructureClassifier(index: KnowledgeBaseStructureIndex(knowledgeBase: kb),
                                                                      membership: membership))
        }
    }
}

/// Which class rules each knowledge-base substance belongs to, as far as the knowledge base itself settles it.
///
/// Two kinds of evidence count, and nothing else: a worked example of the rule with the substance's structure
/// (its constitution) that the rule's expectation calls a member, and a listing of the substance whose own
/// instrument (a step's citation) names the class, such as DEA's orders "placing ... specific fentanyl-related
/// substances in Schedule I". A worked example that says "not a member" overrides a citation. Any other
/// substance's membership needs the structural engine; `structuralDecision` is that seam (a structure and a
/// rule in, member or not out, nil when unsettled) and is absent until the law engine evaluates class rules on
/// structures. It is asked for knowledge-base substances with a recorded structure that nothing else settles,
/// and for seizures recorded with a structure but no known name (`classes(ofStructure:)`).
public struct KnowledgeBaseClasses: Sendable {
    /// A decision on class membership from a structure (SMILES), for substances the knowledge base does not settle.
    public typealias StructuralDecision = @Sendable (_ smiles: String, _ rule: ClassRule) -> Bool?

    public let knowledgeBase: KnowledgeBase
    /// The structural class rules, as classes.
    public let rules: [SubstanceClass]
    private let structuralDecision: StructuralDecision?

    public init(knowledgeBase: KnowledgeBase, structuralDecision: StructuralDecision? = nil) {
        self.knowledgeBase = knowledgeBase
        self.structuralDecision = structuralDecision
        rules = knowledgeBase.rules.filter { $0.kind == .structuralClass }.map(Self.substanceClass)
    }

    static func substanceClass(_ rule: ClassRule) -> SubstanceClass {
        SubstanceClass(id: rule.id, name: rule.name, jurisdiction: rule.jurisdiction.rawValue)
    }

    /// The classes `key` is known to belong to, ordered by rule id.
    public func classes(ofSubstance key: String) -> [SubstanceClass] {
        knowledgeBase.rules.filter { $0.kind == .structuralClass }
            .filter { membership(ofSubstance: key, in: $0)?.member == true }
            .map(Self.substanceClass).sorted { $0.id < $1.id }
    }

    /// Whether `key` belongs to `rule`, and what says so; nil when nothing settles it.
    public func membership(ofSubstance key: String, in rule: ClassRule) -> (member: Bool, evidence: String)? {
        let evaluator = SubstanceStatusEvaluator(knowledgeBase: knowledgeBase)
        let examples = evaluator.classEvidence(substance: key, jurisdiction: rule.jurisdiction)
            .filter { $0.rule.id == rule.id }
        if let settled = examples.first(where: { $0.expectation.member != nil }), let member = settled.expectation.member {
            return (member, "worked example of \(rule.id)")
        }
        let classKey = NameNormalizer.keys(rule.name).first.map { $0.hasSuffix("s") ? String($0.dropLast()) : $0 } ?? ""
        if !classKey.isEmpty {
            for listing in knowledgeBase.listings(ofSubstance: key) where listing.jurisdiction == rule.jurisdiction {
                if let step = listing.steps.first(where: { NameNormalizer.key($0.citation.text).contains(classKey) }) {
                    return (true, "listing \(listing.id), whose instrument names the class: \(step.citation.text)")
                }
            }
        }
        if let structuralDecision, let smiles = knowledgeBase.structure(ofSubstance: key)?.smiles,
           let member = structuralDecision(smiles, rule) {
            return (member, "structural evaluation of \(rule.id)")
        }
        return nil
    }

    /// Whether a structural decision is connected.
    public var decidesStructures: Bool { structuralDecision != nil }

    /// The structural decision on a structure (standardized SMILES) for one rule; nil when none is connected or it
    /// leaves the structure unsettled.
    public func decision(forStructure smiles: String, in rule: ClassRule) -> Bool? {
        structuralDecision?(smiles, rule)
    }

    /// The classes a structure outside the knowledge base belongs to, by the structural decision (none without it).
    public func classes(ofStructure smiles: String) -> [SubstanceClass] {
        guard let structuralDecision else { return [] }
        return knowledgeBase.rules.filter { $0.kind == .structuralClass && structuralDecision(smiles, $0) == true }
            .map(Self.substanceClass).sorted { $0.id < $1.id }
    }
}
