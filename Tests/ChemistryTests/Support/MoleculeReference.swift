import Chemistry
import Foundation

/// One record of a `*.reference.jsonl` file written by `scripts/reference/make_molfile_reference.py`: what RDKit
/// made of an SDF record.
struct MoleculeReference: Decodable {
    let i: Int
    let ok: Bool
    let atoms: Int?
    let bonds: Int?
    let formula: String?
    let formula_iso: String?
    let mw: Double?
    let exact: Double?
    let heavy: Int?
    let charge: Int?
    /// [atom, 1 (@) or 2 (@@)] in Accord's reference order.
    let centres: [[Int]]?
    /// [begin, end, stereoAtom1, stereoAtom2, "cis" | "trans" | "either"].
    let dbonds: [[DoubleBondField]]?

    enum DoubleBondField: Decodable {
        case number(Int)
        case text(String)

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let n = try? c.decode(Int.self) {
                self = .number(n)
            } else {
                self = .text(try c.decode(String.self))
            }
        }

        var number: Int {
            if case .number(let n) = self { return n }
            return -1
        }

        var text: String {
            if case .text(let s) = self { return s }
            return ""
        }
    }

    /// Reads a (possibly gzip-compressed) JSON-lines resource with Accord's own line reader.
    static func load(_ resource: String) throws -> [MoleculeReference] {
        guard let bytes = TestResources.bytes(resource) else { throw ReferenceError.missing(resource) }
        return try decode(LineReader(bytes: bytes))
    }

    /// Reads a JSON-lines reference file from anywhere (the local checks on data that is not committed).
    static func load(path: String) throws -> [MoleculeReference] {
        try decode(LineReader(path: path))
    }

    private static func decode(_ reader: LineReader) throws -> [MoleculeReference] {
        var result: [MoleculeReference] = []
        let decoder = JSONDecoder()
        while let line = try reader.readLine() {
            result.append(try decoder.decode(MoleculeReference.self, from: Data(line.utf8)))
        }
        return result
    }
}

enum ReferenceError: Error {
    case missing(String)
}

/// Counts agreements per compared quantity, so a test can report rates and name the first disagreements.
struct Agreement {
    private(set) var total: [String: Int] = [:]
    private(set) var agreed: [String: Int] = [:]
    private(set) var examples: [String] = []

    mutating func check(_ quantity: String, _ same: Bool, _ detail: @autoclosure () -> String) {
        total[quantity, default: 0] += 1
        if same {
            agreed[quantity, default: 0] += 1
        } else if examples.count < 12 {
            examples.append("\(quantity): \(detail())")
        }
    }

    func rate(_ quantity: String) -> Double {
        guard let t = total[quantity], t > 0 else { return 1 }
        return Double(agreed[quantity] ?? 0) / Double(t)
    }

    func summary(_ name: String) -> String {
        let parts = total.keys.sorted().map { q in "\(q) \(agreed[q] ?? 0)/\(total[q] ?? 0)" }
        return "\(name): " + parts.joined(separator: ", ")
    }
}
