import Foundation

/// Reads and validates the knowledge base files. A broken file (bad JSON, a bad date, a missing citation, an
/// unknown list code, steps out of order...) gives problems naming the file, the entry and the field; loading
/// never traps.
public enum KnowledgeBaseLoader {
    /// Loads the knowledge base from a resources directory laid out like `Sources/Law/Resources`.
    public static func load(directory: URL) throws(KnowledgeBaseError) -> KnowledgeBase {
        var reader = FileReader(directory: directory)
        guard let jurisdictionsFile: JurisdictionsFile = reader.decode(KnowledgeBaseLayout.jurisdictions) else {
            throw KnowledgeBaseError(problems: reader.problems)
        }
        reader.checkVersion(jurisdictionsFile.formatVersion, file: KnowledgeBaseLayout.jurisdictions)
        var listings: [Listing] = []
        var listFiles: [(file: String, declared: ControlList, content: ListFile)] = []
        for jurisdiction in jurisdictionsFile.jurisdictions {
            for list in jurisdiction.lists {
                guard let content: ListFile = reader.decode(list.file) else { continue }
                reader.checkVersion(content.formatVersion, file: list.file)
                listFiles.append((list.file, list, content))
                listings += content.entries
            }
        }
        var rules: [ClassRule] = []
        var ruleFiles: [String: String] = [:]
        for jurisdiction in jurisdictionsFile.jurisdictions {
            for id in jurisdiction.classRules {
                let file = KnowledgeBaseLayout.rule(id)
                guard let content: RuleFile = reader.decode(file) else { continue }
                reader.checkVersion(content.formatVersion, file: file)
                rules.append(content.rule)
                ruleFiles[content.rule.id] = file
            }
        }
        var examples: [RuleExample] = []
        if let content: ExamplesFile = reader.decode(KnowledgeBaseLayout.examples) {
            reader.checkVersion(content.formatVersion, file: KnowledgeBaseLayout.examples)
            examples = content.examples
        }
        // A file that does not decode hides its entries from the cross-file checks, which would then report
        // every reference into it: report the decoding problems alone until they are fixed.
        guard reader.problems.isEmpty else { throw KnowledgeBaseError(problems: reader.problems) }
        let problems = KnowledgeBaseValidator(jurisdictions: jurisdictionsFile.jurisdictions, listFiles: listFiles,
                                           rules: rules, ruleFiles: ruleFiles, examples: examples).problems()
        guard problems.isEmpty else { throw KnowledgeBaseError(problems: problems) }
        return KnowledgeBase(jurisdictions: jurisdictionsFile.jurisdictions, listings: listings, rules: rules,
                             examples: examples)
    }
}

/// Reads one file after another, turning every failure into a problem with the file and, for decoding
/// failures, the entry id and field path.
struct FileReader {
    let directory: URL
    var problems: [KnowledgeBaseProblem] = []

    init(directory: URL) {
        self.directory = directory
    }

    mutating func decode<T: Decodable>(_ file: String) -> T? {
        let url = directory.appendingPathComponent(file)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            problems.append(KnowledgeBaseProblem(file: file, message: "cannot be read: \(error.localizedDescription)"))
            return nil
        }
        let raw: Any
        do {
            raw = try JSONSerialization.jsonObject(with: data)
        } catch {
            problems.append(KnowledgeBaseProblem(file: file, message: "is not valid JSON: \(FileReader.jsonMessage(error))"))
            return nil
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            problems.append(FileReader.problem(file: file, error: error, raw: raw))
            return nil
        } catch {
            problems.append(KnowledgeBaseProblem(file: file, message: "cannot be decoded: \(error.localizedDescription)"))
            return nil
        }
    }

    mutating func checkVersion(_ version: Int, file: String) {
        if version != KnowledgeBaseLayout.formatVersion {
            problems.append(KnowledgeBaseProblem(file: file, field: "formatVersion",
                                                 message: "format version \(version) is not \(KnowledgeBaseLayout.formatVersion), the version this program reads"))
        }
    }

    /// A decoding error as a problem: the path of the field, and the id of the enclosing object when it has one.
    static func problem(file: String, error: DecodingError, raw: Any) -> KnowledgeBaseProblem {
        let (path, message): ([any CodingKey], String)
        switch error {
        case .typeMismatch(let type, let context):
            (path, message) = (context.codingPath, "expected \(type): \(context.debugDescription)")
        case .valueNotFound(let type, let context):
            (path, message) = (context.codingPath, "missing value (expected \(type))")
        case .keyNotFound(let key, let context):
            (path, message) = (context.codingPath + [key], "missing field '\(key.stringValue)'")
        case .dataCorrupted(let context):
            (path, message) = (context.codingPath, context.debugDescription)
        @unknown default:
            (path, message) = ([], "cannot be decoded")
        }
        // Find the innermost object with an "id" along the path, and report the rest of the path as the field.
        var object: Any? = raw
        var id: String?
        var fieldStart = 0
        for (i, key) in path.enumerated() {
            if let dict = object as? [String: Any] {
                object = dict[key.stringValue]
            } else if let array = object as? [Any], let index = key.intValue, index < array.count {
                object = array[index]
            } else {
                object = nil
            }
            if let dict = object as? [String: Any], let objectID = dict["id"] as? String, i < path.count - 1 {
                id = objectID
                fieldStart = i + 1
            }
        }
        let field = path[fieldStart...].map { key in key.intValue.map { "[\($0)]" } ?? "." + key.stringValue }
            .joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        return KnowledgeBaseProblem(file: file, id: id, field: field.isEmpty ? nil : field, message: message)
    }

    static func jsonMessage(_ error: any Error) -> String {
        let ns = error as NSError
        return (ns.userInfo["NSDebugDescription"] as? String) ?? ns.localizedDescription
    }
}
