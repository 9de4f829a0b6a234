import Law

/// Classifies a structure under the drug laws known to the server, as of a day. Injected into the server,
/// so the domain does not depend on how the law engine is built; `accord serve` wires the real engine.
public protocol SubstanceClassifier: Sendable {
    /// Name and version of the engine and knowledge base, stored with every classification.
    var engine: String { get }
    /// Determinations for `smiles` in every jurisdiction the engine covers, as of `date`.
    /// Throws when the structure cannot be classified (the error names the problem).
    func classify(smiles: String, on date: CalendarDate) throws(StructureProblem) -> [Determination]
}

extension SubstanceClassifier {
    /// Classifies and packages the answer (or the reason there is none) for storage.
    public func classification(of smiles: String, on date: CalendarDate) -> Classification {
        do {
            let determinations = try classify(smiles: smiles, on: date)
            return Classification(outcome: .determined, asOf: date, engine: engine, determinations: determinations, reason: nil)
        } catch {
            return Classification(outcome: .unavailable, asOf: date, engine: engine, determinations: [], reason: error.message)
        }
    }
}
