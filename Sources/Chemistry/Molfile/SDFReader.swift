/// One record of an SDF file: the molecule or the reason it could not be read, always with its position.
public struct SDFRecord: Sendable {
    /// 1-based position of the record in the file.
    public let number: Int
    /// 1-based line number of the record's first line (its title).
    public let line: Int
    /// The title line, available even when the structure is broken.
    public let title: String
    /// Data items (`> <NAME>` and the value lines), in file order, also when the structure is broken.
    public let properties: [(key: String, value: String)]
    /// The molecule (with `name` and `properties` filled in), or why it could not be read.
    public let result: Result<Molecule, MolfileError>
    /// What was read but not kept (aliases, query features, ignored blocks, unparsable data headers).
    public let warnings: [MolfileWarning]

    /// The molecule, or nil when the record is broken.
    public var molecule: Molecule? {
        if case .success(let m) = result { return m }
        return nil
    }

    /// The error, or nil when the record was read.
    public var error: MolfileError? {
        if case .failure(let e) = result { return e }
        return nil
    }
}

/// Streams the records of an SDF file (plain or gzip-compressed) in bounded memory.
///
/// Each record is gathered up to its `$$$$` line and then read, so a broken record is reported (with its record
/// and line numbers) and reading resumes with the next one; a damaged file never ends the stream early. Only a
/// failure to read the input itself (an I/O error, corrupt gzip data) ends it, as a final record whose error
/// code is `unreadableInput`.
///
/// ```swift
/// let reader = try SDFReader(path: "compounds.sdf.gz")
/// for record in reader {
///     switch record.result {
///     case .success(let molecule): print(molecule.name, molecule.atomCount)
///     case .failure(let error): print(error)   // "record 12, line 845: ..."
///     }
/// }
/// ```
public final class SDFReader: Sequence, IteratorProtocol {
    private let lines: LineReader
    public let options: MolfileReadOptions
    private var text = RecordText()
    private var recordNumber = 0
    private var ended = false
    private var scratch: [UInt8] = []

    /// Opens an SDF file; `.gz` content is recognised by its magic bytes.
    public init(path: String, options: MolfileReadOptions = MolfileReadOptions()) throws(IOError) {
        lines = try LineReader(path: path)
        self.options = options
    }

    /// Reads SDF text from a file descriptor the caller owns, such as standard input (0).
    public init(descriptor: Int32, options: MolfileReadOptions = MolfileReadOptions()) throws(IOError) {
        lines = try LineReader(descriptor: descriptor)
        self.options = options
    }

    /// Reads SDF text from lines the caller opened (for example after checking `binaryByteOffset()`); the
    /// reader continues from the line reader's current line, and line numbers in errors are the file's.
    public init(lines: LineReader, options: MolfileReadOptions = MolfileReadOptions()) {
        self.lines = lines
        self.options = options
    }

    /// Reads SDF data from memory (plain or gzip-compressed bytes).
    public init(bytes: [UInt8], options: MolfileReadOptions = MolfileReadOptions()) {
        lines = LineReader(bytes: bytes)
        self.options = options
    }

    /// Reads SDF text from memory.
    public convenience init(text: String, options: MolfileReadOptions = MolfileReadOptions()) {
        self.init(bytes: Array(text.utf8), options: options)
    }

    /// The next record, or nil after the last one.
    public func next() -> SDFRecord? {
        guard !ended else { return nil }
        do {
            return try readRecord()
        } catch {
            ended = true
            recordNumber += 1
            let failure = MolfileError(
                .unreadableInput, error.message, line: error.line ?? lines.lineNumber + 1, record: recordNumber)
            return SDFRecord(
                number: recordNumber, line: lines.lineNumber, title: "", properties: [], result: .failure(failure),
                warnings: [])
        }
    }

    /// Gathers the lines up to `$$$$` and reads them; nil at the end of the input.
    private func readRecord() throws(IOError) -> SDFRecord? {
        text.removeAll()
        text.firstLineNumber = lines.lineNumber + 1
        var tooLarge = false
        var onlyBlank = true
        var terminated = false
        while true {
            let start = text.bytes.count
            guard try lines.appendLine(to: &text.bytes) else { break }
            let end = text.bytes.count
            let isSeparator =
                end - start >= 4 && text.bytes[start] == 0x24 && text.bytes[start + 1] == 0x24
                && text.bytes[start + 2] == 0x24 && text.bytes[start + 3] == 0x24
                && text.bytes[(start + 4)..<end].allSatisfy { $0 == 0x20 || $0 == 0x09 }
            if isSeparator {
                text.bytes.removeSubrange(start..<end)
                terminated = true
                break
            }
            if tooLarge {
                text.bytes.removeSubrange(start..<end)
                continue
            }
            text.starts.append(start)
            text.ends.append(end)
            if onlyBlank && text.bytes[start..<end].contains(where: { $0 != 0x20 && $0 != 0x09 }) { onlyBlank = false }
            if end > options.maxRecordBytes {
                tooLarge = true
                text.removeAll()
            }
        }
        if !terminated && !tooLarge && onlyBlank {
            ended = true
            return nil  // end of input (possibly after trailing blank lines)
        }
        if !terminated { ended = true }
        recordNumber += 1
        let firstLine = text.firstLineNumber
        if tooLarge {
            let error = MolfileError(
                .recordTooLarge, "record is larger than \(options.maxRecordBytes) bytes; skipped to the next '$$$$'",
                line: firstLine, record: recordNumber)
            return SDFRecord(number: recordNumber, line: firstLine, title: "", properties: [], result: .failure(error), warnings: [])
        }
        let title = text.count > 0 ? text.string(0).trimmingSpaces() : ""
        do {
            let (record, endIndex) = try MolfileReader.read(text, options: options)
            var warnings = record.warnings
            let properties = dataItems(from: endIndex, warnings: &warnings)
            var molecule = record.molecule
            molecule.properties = properties
            return SDFRecord(
                number: recordNumber, line: firstLine, title: title, properties: properties, result: .success(molecule),
                warnings: warnings)
        } catch {
            var located = error
            located.record = recordNumber
            var warnings: [MolfileWarning] = []
            var properties: [(key: String, value: String)] = []
            if let end = (0..<text.count).first(where: { text.hasPrefix($0, "M  END") }) {
                properties = dataItems(from: end + 1, warnings: &warnings)
            }
            return SDFRecord(
                number: recordNumber, line: firstLine, title: title, properties: properties, result: .failure(located),
                warnings: warnings)
        }
    }

    /// The data items after the connection table: `> <NAME>` headers, value lines up to a blank line.
    private func dataItems(from start: Int, warnings: inout [MolfileWarning]) -> [(key: String, value: String)] {
        var items: [(key: String, value: String)] = []
        var i = start
        while i < text.count {
            if text.isBlank(i) {
                i += 1
                continue
            }
            guard text.byte(i, 0) == 0x3E else {  // '>'
                warnings.append(MolfileWarning(.unrecognizedLine, "line \(text.quoted(i)) outside any data item skipped", line: text.lineNumber(i)))
                i += 1
                continue
            }
            let key = dataKey(line: i, warnings: &warnings)
            i += 1
            var valueLines: [String] = []
            while i < text.count && !text.isBlank(i) && !isDataHeader(i) {
                valueLines.append(text.string(i))
                i += 1
            }
            items.append((key, valueLines.joined(separator: "\n")))
        }
        return items
    }

    /// `>` followed somewhere by `<` and then `>`: the shape of a data header.
    private func isDataHeader(_ line: Int) -> Bool {
        guard text.byte(line, 0) == 0x3E else { return false }
        return nameRange(line) != nil
    }

    /// The byte range of the name between the first `<` and the next `>` of a header line.
    private func nameRange(_ line: Int) -> Range<Int>? {
        let start = text.starts[line], end = text.ends[line]
        var p = start + 1
        while p < end && text.bytes[p] != 0x3C { p += 1 }
        guard p < end else { return nil }
        let open = p + 1
        p = open
        while p < end && text.bytes[p] != 0x3E { p += 1 }
        guard p < end else { return nil }
        return open..<p
    }

    /// The field name between the first `<` and the following `>`; without one, the rest of the header.
    private func dataKey(line: Int, warnings: inout [MolfileWarning]) -> String {
        if let range = nameRange(line) {
            return String(decoding: text.bytes[range], as: UTF8.self)
        }
        let header = text.string(line)
        warnings.append(MolfileWarning(.badDataHeader, "data header \(quotedForMessage(header)) has no <name>; its text is used as the name", line: text.lineNumber(line)))
        return String(header.dropFirst()).trimmingSpaces()
    }
}
