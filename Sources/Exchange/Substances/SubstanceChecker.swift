import Law

/// Turns submitted substances into stored ones: reads each structure (errors carry the field and the
/// SMILES column), keeps its canonical and standardized forms, and classifies it as of `date`.
public struct SubstanceChecker: Sendable {
    public let validator: any StructureValidator
    public let classifier: any SubstanceClassifier

    public init(validator: any StructureValidator, classifier: any SubstanceClassifier) {
        self.validator = validator
        self.classifier = classifier
    }

    /// Reads one structure, turning a problem into an error on `field` with the SMILES column.
    public func validate(_ smiles: String, field: String) throws(ExchangeError) -> CheckedStructure {
        do {
            return try validator.check(smiles: smiles)
        } catch {
            if error.unavailable {
                throw ExchangeError(.unavailable, code: "structure_validation_unavailable", error.message, field: field)
            }
            let column = error.position.map { " (column \($0))" } ?? ""
            throw ExchangeError.invalid(field, "is not a valid SMILES: \(error.message)\(column)", code: "invalid_structure", position: error.position)
        }
    }

    public func check(_ inputs: [SubstanceInput], on date: CalendarDate) throws(ExchangeError) -> [SeizedSubstance] {
        var result: [SeizedSubstance] = []
        for input in inputs {
            guard let smiles = input.smiles else {
                result.append(SeizedSubstance(name: input.name, smiles: nil, classification: nil))
                continue
            }
            let structure = try validate(smiles, field: "\(input.path).smiles")
            result.append(SeizedSubstance(name: input.name, smiles: smiles, structure: structure,
                                          classification: classifier.classification(of: smiles, on: date)))
        }
        return result
    }
}
