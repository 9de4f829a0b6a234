/// Turns submitted substances into stored ones: validates each structure (errors carry the field and the
/// SMILES column) and classifies it as of `date`.
public struct SubstanceChecker: Sendable {
    public let validator: any StructureValidator
    public let classifier: any SubstanceClassifier

    public init(validator: any StructureValidator, classifier: any SubstanceClassifier) {
        self.validator = validator
        self.classifier = classifier
    }

    /// Validates one structure, turning the problem into an error on `path.smiles`.
    public func validate(_ smiles: String, field: String) throws(ExchangeError) {
        do {
            try validator.validate(smiles: smiles)
        } catch {
            if error.unavailable {
                throw ExchangeError(.unavailable, code: "structure_validation_unavailable", error.message, field: field)
            }
            throw ExchangeError.invalid(field, "is not a valid SMILES: \(error.message)", code: "invalid_structure", position: error.position)
        }
    }

    public func check(_ inputs: [SubstanceInput], on date: CalendarDate) throws(ExchangeError) -> [SeizedSubstance] {
        var result: [SeizedSubstance] = []
        for input in inputs {
            guard let smiles = input.smiles else {
                result.append(SeizedSubstance(name: input.name, smiles: nil, classification: nil))
                continue
            }
            try validate(smiles, field: "\(input.path).smiles")
            result.append(SeizedSubstance(name: input.name, smiles: smiles, classification: classifier.classification(of: smiles, on: date)))
        }
        return result
    }
}
