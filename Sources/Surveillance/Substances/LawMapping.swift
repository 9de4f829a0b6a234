import Law

/// The law as surveillance uses it: a resolver from source names to knowledge-base substances and classes, and
/// a provider of control statuses at a date. The command line and the server build one from the bundled
/// knowledge base and hand it to series queries and the alert builder.
public struct LawMapping: Sendable {
    public let resolver: any SubstanceResolver
    public let status: any ControlStatusProvider

    public init(resolver: any SubstanceResolver, status: any ControlStatusProvider) {
        self.resolver = resolver
        self.status = status
    }

    /// The mapping of a knowledge base: its catalog (names, synonyms, CAS numbers, settled classes) and the law
    /// engine's statuses in every jurisdiction it records.
    public init(knowledgeBase: KnowledgeBase, classes: KnowledgeBaseClasses? = nil) {
        self.init(resolver: SubstanceCatalog(knowledgeBase: knowledgeBase, classes: classes),
                  status: LawStatusProvider(knowledgeBase: knowledgeBase))
    }

    /// The mapping of the knowledge base shipped with the Law module.
    public static func bundled() throws(KnowledgeBaseError) -> LawMapping {
        LawMapping(knowledgeBase: try KnowledgeBase.bundled())
    }

    /// No law connected: every name unmapped, no status claimed.
    public static let unconnected = LawMapping(resolver: NoSubstanceResolver(), status: NoControlStatus())
}
