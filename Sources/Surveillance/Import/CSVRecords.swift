import CSV
import Foundation

/// A CSV file read record by record through CSV.swift, with the header resolved to column positions and each
/// record numbered, so importers can name the record and column of every problem.
final class CSVRecords {
    private let reader: CSVReader
    let header: [String]
    private var columnIndex: [String: Int] = [:]
    private(set) var recordNumber = 1

    init(reader: CSVReader) throws(ImportError) {
        self.reader = reader
        guard let header = reader.next(), !(header.count == 1 && header[0].isEmpty) else { throw .emptyFile }
        // A UTF-8 byte-order mark sticks to the first header name.
        var names = header.map { String($0.trimmingWhitespace()) }
        if let first = names.first, first.hasPrefix("\u{FEFF}") { names[0] = String(first.dropFirst()) }
        self.header = names
        for (index, name) in names.enumerated() where columnIndex[name] == nil {
            columnIndex[name] = index
        }
    }

    convenience init(path: String) throws(ImportError) {
        guard let stream = InputStream(fileAtPath: path) else { throw .cannotOpen(path: path) }
        let reader: CSVReader
        do { reader = try CSVReader(stream: stream) } catch { throw .cannotOpen(path: path) }
        try self.init(reader: reader)
    }

    convenience init(text: String) throws(ImportError) {
        let reader: CSVReader
        do { reader = try CSVReader(string: text) } catch { throw .emptyFile }
        try self.init(reader: reader)
    }

    /// Positions of the named columns, or the list of those missing.
    func require(_ names: [String]) throws(ImportError) -> [Int] {
        let missing = names.filter { columnIndex[$0] == nil }
        guard missing.isEmpty else { throw .missingColumns(missing, header: header) }
        return names.compactMap { columnIndex[$0] }
    }

    func position(of name: String) -> Int? { columnIndex[name] }

    /// The next non-blank record, or nil at the end of the file.
    func next() -> [String]? {
        while let row = reader.next() {
            recordNumber += 1
            if row.count == 1 && row[0].trimmingWhitespace().isEmpty { continue }
            return row
        }
        return nil
    }
}

/// A field-level problem found while converting one record; the importer turns it into an `ImportIssue`.
struct FieldError: Error {
    var column: Int
    var message: String
}

extension Array where Element == String {
    /// The field at a 0-based column, or a `FieldError` when the record is too short.
    func field(_ column: Int) throws(FieldError) -> Substring {
        guard column < count else {
            throw FieldError(column: column, message: "record has \(count) fields; this column is missing")
        }
        return self[column].trimmingWhitespace()
    }
}

/// Parses counts and quantities as the sources print them: `1234`, `1,234`, `12.5`, ` 7 `.
func parseNumber(_ text: Substring) -> Double? {
    var cleaned = text.trimmingWhitespace()
    if cleaned.contains(",") { cleaned = Substring(cleaned.filter { $0 != "," }) }
    guard !cleaned.isEmpty, let value = Double(cleaned), value.isFinite else { return nil }
    return value
}
