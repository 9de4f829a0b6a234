/// The units seizures are reported in.
public enum QuantityUnit: String, Codable, Sendable, CaseIterable, Hashable {
    case g, kg, mg, tablets, mL

    /// Accepted spellings (case-insensitive) for each unit.
    static let aliases: [String: QuantityUnit] = [
        "g": .g, "gram": .g, "grams": .g,
        "kg": .kg, "kilogram": .kg, "kilograms": .kg,
        "mg": .mg, "milligram": .mg, "milligrams": .mg,
        "tablet": .tablets, "tablets": .tablets, "tab": .tablets, "tabs": .tablets, "pills": .tablets, "pill": .tablets,
        "ml": .mL, "millilitre": .mL, "millilitres": .mL, "milliliter": .mL, "milliliters": .mL,
    ]

    public init?(spelling: String) {
        guard let unit = QuantityUnit.aliases[spelling.lowercased()] else { return nil }
        self = unit
    }

    /// The unit amounts of this unit are normalised to, and the factor to get there.
    public var normalized: (unit: NormalizedUnit, factor: Double) {
        switch self {
        case .g: (.g, 1)
        case .kg: (.g, 1000)
        case .mg: (.g, 0.001)
        case .tablets: (.tablets, 1)
        case .mL: (.mL, 1)
        }
    }
}

/// Units after normalisation: mass in grams, volume in millilitres, counts in tablets.
public enum NormalizedUnit: String, Codable, Sendable, Hashable {
    case g, mL, tablets
}

/// A reported amount as given, and the same amount in the normalised unit (so 2.5 kg and 2500 g compare).
public struct Quantity: Codable, Sendable, Hashable {
    public struct Normalized: Codable, Sendable, Hashable {
        public let value: Double
        public let unit: NormalizedUnit
    }

    public let amount: Double
    public let unit: QuantityUnit
    public let normalized: Normalized

    public init(amount: Double, unit: QuantityUnit) {
        self.amount = amount
        self.unit = unit
        let (target, factor) = unit.normalized
        self.normalized = Normalized(value: amount * factor, unit: target)
    }

    static func read(_ reader: inout ObjectReader) throws(ExchangeError) -> Quantity {
        let amount = try reader.number("amount", in: 0...1e12, required: true) ?? 0
        let spelling = try reader.requiredString("unit")
        guard let unit = QuantityUnit(spelling: spelling) else {
            throw ExchangeError.invalid(reader.fieldPath("unit"), "'\(spelling)' is not a known unit; use g, kg, mg, tablets or mL", code: "invalid_value")
        }
        if unit == .tablets, amount.rounded() != amount {
            throw ExchangeError.invalid(reader.fieldPath("amount"), "a count of tablets must be a whole number", code: "invalid_value")
        }
        return Quantity(amount: amount, unit: unit)
    }
}
