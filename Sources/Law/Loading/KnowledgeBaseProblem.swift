/// One thing wrong with the knowledge base files, named precisely enough to fix it: the file, the entry (or
/// rule, or example) id, the field, and what is wrong.
public struct KnowledgeBaseProblem: Sendable, Hashable, CustomStringConvertible {
    /// File path relative to the resources directory.
    public let file: String
    /// Id of the entry, rule or example at fault, when one is.
    public let id: String?
    /// Field path inside the object ("steps[1].effective").
    public let field: String?
    public let message: String

    public init(file: String, id: String? = nil, field: String? = nil, message: String) {
        self.file = file
        self.id = id
        self.field = field
        self.message = message
    }

    public var description: String {
        var s = file
        if let id { s += " [\(id)]" }
        if let field { s += " \(field)" }
        return s + ": " + message
    }
}

/// The knowledge base could not be loaded: every problem found, not only the first.
public struct KnowledgeBaseError: Error, Sendable, CustomStringConvertible {
    public let problems: [KnowledgeBaseProblem]

    public var description: String {
        "the law knowledge base has \(problems.count) problem(s):\n" + problems.map { "  " + $0.description }.joined(separator: "\n")
    }
}
