/// One substance found in a seizure: a name, a structure, or both. A structure is read by the chemistry
/// core (its canonical and standardized forms are stored next to the SMILES as sent) and classified by the
/// law engine as of the seizure date, and the answer is stored with it.
public struct SeizedSubstance: Codable, Sendable, Hashable {
    public let name: String?
    /// The SMILES as the client sent it, never rewritten.
    public let smiles: String?
    /// What the chemistry core read from `smiles` (absent on records stored before structures were read).
    public let structure: CheckedStructure?
    public let classification: Classification?

    public init(name: String?, smiles: String?, structure: CheckedStructure? = nil, classification: Classification?) {
        self.name = name
        self.smiles = smiles
        self.structure = structure
        self.classification = classification
    }
}

/// A substance as submitted, before its structure is checked and classified.
public struct SubstanceInput: Sendable, Hashable {
    public let name: String?
    public let smiles: String?
    /// JSON path of this substance, for errors.
    public let path: String

    static func read(_ value: JSONValue, path: String, limits: InputLimits) throws(ExchangeError) -> SubstanceInput {
        var reader = try ObjectReader(value, path: path, limits: limits)
        let name = try reader.string("name")
        let smiles = try reader.string("smiles", maxLength: limits.maxStructureText)
        try reader.finish()
        if (name ?? "").isEmpty, (smiles ?? "").isEmpty {
            throw ExchangeError.invalid(path, "a substance needs a name, a structure (smiles), or both", code: "missing_field")
        }
        return SubstanceInput(name: name?.isEmpty == true ? nil : name, smiles: smiles?.isEmpty == true ? nil : smiles, path: path)
    }
}
