/// A problem with one record of an imported file. The record is skipped and the import goes on, so one bad
/// row never loses the rest of a file; the issue says where to look.
public struct ImportIssue: Sendable, Hashable, Codable, CustomStringConvertible {
    /// 1-based CSV record number, the header being record 1 (the line number unless fields span lines).
    public var record: Int
    /// 1-based column number, when one field is at fault.
    public var column: Int?
    /// The column's header name, when one field is at fault.
    public var columnName: String?
    public var message: String

    public init(record: Int, column: Int? = nil, columnName: String? = nil, message: String) {
        self.record = record
        self.column = column
        self.columnName = columnName
        self.message = message
    }

    public var description: String {
        var text = "record \(record)"
        if let column { text += ", column \(column)" }
        if let columnName { text += " (\(columnName))" }
        return text + ": " + message
    }
}

/// A problem that stops an import before any record is read.
public enum ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotOpen(path: String)
    case emptyFile
    /// The header lacks columns the format needs.
    case missingColumns([String], header: [String])
    case unknownFormat(String)

    public var description: String {
        switch self {
        case .cannotOpen(let path): "cannot open \(path)"
        case .emptyFile: "the file is empty (no header row)"
        case let .missingColumns(names, header):
            "record 1 (header): missing column(s) \(names.joined(separator: ", ")); found \(header.joined(separator: ", "))"
        case .unknownFormat(let name):
            "unknown format \(name); expected one of \(SourceFormat.importable.map(\.rawValue).joined(separator: ", "))"
        }
    }
}

/// What an import did: how many records it read, how many observations it produced, what it skipped.
public struct ImportReport: Sendable, Codable, Equatable {
    public var format: SourceFormat
    public var records: Int = 0
    public var observations: Int = 0
    /// Cells the source withholds on purpose (DOSE `suppressed`, VSRR blank values with a footnote); counted,
    /// not treated as errors or zeros.
    public var suppressedCells: Int = 0
    /// Cells the source marks as not available (`NA`).
    public var unavailableCells: Int = 0
    public var issues: [ImportIssue] = []

    public init(format: SourceFormat) { self.format = format }
}
