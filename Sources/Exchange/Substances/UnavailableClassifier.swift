import Law

/// A classifier for servers without a law engine: every classification is stored as `unavailable` with
/// this reason, so nothing pretends a structure was checked.
public struct UnavailableClassifier: SubstanceClassifier {
    public let reason: String
    public init(reason: String) { self.reason = reason }
    public var engine: String { "none" }
    public func classify(smiles: String, on date: CalendarDate) throws(StructureProblem) -> [Determination] {
        throw StructureProblem(message: reason, position: nil, unavailable: true)
    }
}
