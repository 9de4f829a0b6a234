import Exchange
import Law
import Storage

/// A classifier for tests: answers from a fixed table keyed by SMILES, and says `undetermined` otherwise.
/// Stands in for the law engine, which the server receives the same way.
public struct TableClassifier: SubstanceClassifier {
    public let table: [String: [Determination]]
    public init(table: [String: [Determination]]) { self.table = table }
    public var engine: String { "test-table" }
    public func classify(smiles: String, on date: CalendarDate) throws(StructureProblem) -> [Determination] {
        if let answer = table[smiles] { return answer }
        return ["US", "CN", "UN"].map {
            Determination(jurisdiction: $0, status: "unknown", basis: "none", schedule: nil, citation: nil, explanation: "not in the test table")
        }
    }

    /// Fentanyl controlled everywhere; a made-up analogue controlled in the US only.
    public static let standard = TableClassifier(table: [
        "CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1": [
            Determination(jurisdiction: "US", status: "scheduled", basis: "listed", schedule: "Schedule II", citation: "21 CFR 1308.12(c)", explanation: "fentanyl is listed"),
            Determination(jurisdiction: "CN", status: "scheduled", basis: "listed", schedule: "麻醉药品品种目录", citation: "2013 list", explanation: "fentanyl is listed"),
            Determination(jurisdiction: "UN", status: "scheduled", basis: "listed", schedule: "Schedule I (1961)", citation: "Single Convention", explanation: "fentanyl is listed"),
        ],
        "CCC(=O)N(c1ccc(F)cc1)C1CCN(CCc2ccccc2)CC1": [
            Determination(jurisdiction: "US", status: "scheduled", basis: "class_rule", schedule: "Schedule I", citation: "21 U.S.C. 812", explanation: "fentanyl-related substance"),
            Determination(jurisdiction: "CN", status: "not_controlled", basis: "none", schedule: nil, citation: nil, explanation: "not listed in the test table"),
        ],
    ])
}
