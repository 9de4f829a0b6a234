import Chemistry
import Exchange
import Law

/// The law determination engine behind the exchange's `SubstanceClassifier` seam: the structure is read,
/// standardized and looked up by the engine (listings by identity, class rules by structure) as of the
/// seizure date, and each jurisdiction's status is stored as a `Determination` snapshot.
public struct LawEngineClassifier: SubstanceClassifier {
    let determinations: DeterminationEngine

    /// An engine over `knowledgeBase` (the bundled one for `accord serve`).
    public init(knowledgeBase: KnowledgeBase) {
        determinations = DeterminationEngine(knowledgeBase: knowledgeBase)
    }

    public var engine: String { "accord-law-engine" }

    public func classify(smiles: String, on date: CalendarDate) throws(StructureProblem) -> [Determination] {
        let molecule: Molecule
        do {
            molecule = try Molecule(smiles: smiles)
        } catch {
            throw StructureProblem(message: error.message, position: error.column)
        }
        return determinations.determine(molecule, on: date).map { status in
            Determination(jurisdiction: status.jurisdiction.rawValue, status: status.status.rawValue,
                          basis: status.basis?.rawValue ?? "none", schedule: status.schedule,
                          citation: status.citation?.text, explanation: status.explanation)
        }
    }
}
