import Exchange
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

/// A structure check for tests: refuses unbalanced brackets or parentheses and characters outside the
/// SMILES alphabet, naming the column, as the chemistry core's reader does for real.
public struct BracketValidator: StructureValidator {
    public init() {}
    public func validate(smiles: String) throws(StructureProblem) {
        var depth = 0, bracket = false
        let allowed = Set("ABCDEFGHIKLMNOPRSTUVWXYZabcdefghiklmnoprstuvwxyz0123456789()[]=#@+-/\\%.:*$")
        for (i, ch) in smiles.enumerated() {
            guard allowed.contains(ch) else { throw StructureProblem(message: "unexpected character '\(ch)'", position: i + 1) }
            switch ch {
            case "(": depth += 1
            case ")":
                depth -= 1
                if depth < 0 { throw StructureProblem(message: "')' closes no branch", position: i + 1) }
            case "[":
                if bracket { throw StructureProblem(message: "'[' inside a bracket atom", position: i + 1) }
                bracket = true
            case "]":
                if !bracket { throw StructureProblem(message: "']' closes no bracket atom", position: i + 1) }
                bracket = false
            default: break
            }
        }
        if depth != 0 || bracket { throw StructureProblem(message: "unclosed branch or bracket atom", position: smiles.count) }
        if smiles.isEmpty { throw StructureProblem(message: "empty structure", position: 1) }
    }
}

/// A searcher for tests: a substructure is a substring of the SMILES, similarity is 1 for identical SMILES.
/// Enough to check that the server passes only readable candidates and formats hits; the chemistry is the
/// chemistry core's and is tested there.
public struct SubstringSearcher: StructureSearcher {
    public init() {}
    public func substructure(_ smarts: String, in candidates: [StructureCandidate]) throws(StructureProblem) -> [StructureHit] {
        if smarts.contains("(((") { throw StructureProblem(message: "unbalanced branch", position: 3) }
        return candidates.filter { $0.smiles.contains(smarts) }.map { StructureHit(record: $0.record, substanceIndex: $0.substanceIndex, smiles: $0.smiles, similarity: nil) }
    }
    public func similar(to smiles: String, threshold: Double, in candidates: [StructureCandidate]) throws(StructureProblem) -> [StructureHit] {
        candidates.compactMap {
            let similarity = $0.smiles == smiles ? 1.0 : 0.0
            return similarity >= threshold ? StructureHit(record: $0.record, substanceIndex: $0.substanceIndex, smiles: $0.smiles, similarity: similarity) : nil
        }
    }
}
