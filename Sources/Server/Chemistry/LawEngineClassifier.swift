import Chemistry
import Exchange
import Law

/// The law determination engine behind the exchange's `SubstanceClassifier` seam: a seizure's structure is
/// classified at the seizure date in every jurisdiction of the knowledge base (listing or class rule, schedule,
/// citation, explanation), and the answer is stored with the record. One engine is built per process and
/// shared by every request (it is immutable).
public struct LawEngineClassifier: SubstanceClassifier {
    public let determination: DeterminationEngine
    public let engine: String

    public init(knowledgeBase: KnowledgeBase) {
        determination = DeterminationEngine(knowledgeBase: knowledgeBase)
        engine = "accord law engine (\(knowledgeBase.listings.count) listings, \(knowledgeBase.rules.count) class rules)"
    }

    public func classify(smiles: String, on date: CalendarDate) throws(StructureProblem) -> [Determination] {
        let molecule: Molecule
        do {
            molecule = try Molecule(smiles: smiles)
        } catch {
            throw StructureProblem(message: error.message, position: error.column)
        }
        guard molecule.atomCount > 0 else { throw StructureProblem(message: "the SMILES has no atoms", position: 1) }
        return determination.determine(molecule, on: date).map { s in
            let basis: String
            switch s.basis {
            case .listing?: basis = "listed"
            case .class?: basis = "class_rule"
            case nil: basis = "none"
            }
            return Determination(jurisdiction: s.jurisdiction.rawValue, status: s.status.rawValue, basis: basis,
                                 schedule: s.schedule, citation: s.citation?.text, explanation: s.explanation)
        }
    }
}
