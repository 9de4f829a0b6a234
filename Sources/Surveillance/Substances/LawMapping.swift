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

    /// The mapping of a knowledge base: its catalog (names, synonyms, CAS numbers, settled classes, and the
    /// structures of names from `structures`) and the law engine's statuses in every jurisdiction it records.
    /// `classes` carries the structural class decision once the law engine supplies one.
    public init(knowledgeBase: KnowledgeBase, classes: KnowledgeBaseClasses? = nil, structures: NameStructureTable? = nil) {
        self.init(resolver: SubstanceCatalog(knowledgeBase: knowledgeBase, classes: classes, structures: structures),
                  status: LawStatusProvider(knowledgeBase: knowledgeBase))
    }

    /// The mapping of the knowledge base shipped with the Law module, with the bundled structures of NFLIS names.
    /// Class membership of a structure no listing names is decided by the law engine's class rules, unless
    /// `classes` supplies another decision (tests use that to hold a decision pending).
    public static func bundled(classes: (@Sendable (KnowledgeBase) -> KnowledgeBaseClasses)? = nil) throws(LawMappingError) -> LawMapping {
        let kb: KnowledgeBase
        do { kb = try KnowledgeBase.bundled() } catch { throw .knowledgeBase(error) }
        let table: NameStructureTable
        do { table = try NameStructureTable.bundledNFLIS() } catch { throw .structureTable(error) }
        let decided = classes?(kb) ?? engineClasses(kb)
        return LawMapping(knowledgeBase: kb, classes: decided, structures: table)
    }

    /// The knowledge base's class rules decided on structures by the determination engine.
    public static func engineClasses(_ knowledgeBase: KnowledgeBase) -> KnowledgeBaseClasses {
        let engine = DeterminationEngine(knowledgeBase: knowledgeBase)
        return KnowledgeBaseClasses(knowledgeBase: knowledgeBase, structuralDecision: { smiles, rule in
            engine.classMembership(smiles: smiles, rule: rule)
        })
    }

    /// No law connected: every name unmapped, no status claimed.
    public static let unconnected = LawMapping(resolver: NoSubstanceResolver(), status: NoControlStatus())
}

/// Why the bundled law mapping could not be built.
public enum LawMappingError: Error, Sendable, CustomStringConvertible {
    case knowledgeBase(KnowledgeBaseError)
    case structureTable(NameStructureTableError)

    public var description: String {
        switch self {
        case .knowledgeBase(let error): "the law knowledge base: \(error)"
        case .structureTable(let error): "the table of name structures: \(error)"
        }
    }
}
