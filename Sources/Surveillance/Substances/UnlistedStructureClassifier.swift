import Law

/// Settles, rule by rule, whether a structure the knowledge base does not list belongs to a structural class rule,
/// from what the knowledge base itself says and nothing else: a worked example of the rule with the same structure,
/// else the law engine's structural decision (`KnowledgeBaseClasses.structuralDecision`) once one is connected;
/// otherwise the rule stays pending.
public struct UnlistedStructureClassifier: Sendable {
    public let index: KnowledgeBaseStructureIndex
    public let membership: KnowledgeBaseClasses
    private let rules: [ClassRule]

    public init(index: KnowledgeBaseStructureIndex, membership: KnowledgeBaseClasses) {
        self.index = index
        self.membership = membership
        rules = membership.knowledgeBase.rules.filter { $0.kind == .structuralClass }.sorted { $0.id < $1.id }
    }

    public func classify(_ identity: StructureKey, label: String) -> UnlistedStructure {
        var result = UnlistedStructure(smiles: identity.isomeric, label: label)
        let examples = index.examples(of: identity)
        for rule in rules {
            let worked = examples.lazy.compactMap { example in
                example.expectations.first { $0.rule == rule.id }.map { (example, $0) }
            }.first
            let member: Bool?
            let evidence: String
            if let (example, expectation) = worked {
                member = expectation.member
                evidence = member == nil ? "worked example \(example.id) leaves it unsettled" : "worked example \(example.id)"
            } else if let decided = membership.decision(forStructure: identity.isomeric, in: rule) {
                member = decided
                evidence = "structural evaluation"
            } else {
                member = nil
                evidence = membership.decidesStructures ? "the structural evaluation leaves it unsettled"
                    : "awaits the structural class engine"
            }
            switch member {
            case true?: result.classes.append(KnowledgeBaseClasses.substanceClass(rule))
            case false?: result.notMemberOf.append(rule.id)
            case nil: result.pending.append(rule.id)
            }
            result.evidence.append("\(rule.id): \(evidence)")
        }
        return result
    }
}
