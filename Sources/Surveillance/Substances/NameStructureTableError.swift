/// Why a name-to-structure table could not be read: the file, the line (1-based, counting comment lines) and
/// the column (1-based field number) of the problem.
public struct NameStructureTableError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += " column \(column)" }
        return "\(place): \(message)"
    }
}
