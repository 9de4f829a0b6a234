/// Reads one JSON object field by field, recording the path of each value it reads, and refuses fields it
/// was not asked about (`unknown_field`) so that misspelt fields are never dropped silently.
public struct ObjectReader {
    public let path: String
    let fields: [String: JSONValue]
    let limits: InputLimits
    private(set) var consumed: Set<String> = []

    /// Starts reading `value`, which must be an object.
    public init(_ value: JSONValue, path: String = "", limits: InputLimits) throws(ExchangeError) {
        guard case .object(let fields) = value else {
            throw ExchangeError.invalid(path.isEmpty ? "$" : path, "expected a JSON object, got \(value.typeName)", code: "wrong_type")
        }
        self.path = path
        self.fields = fields
        self.limits = limits
    }

    func fieldPath(_ name: String) -> String { path.isEmpty ? name : "\(path).\(name)" }

    /// The raw value of a field; nil when absent or null.
    public mutating func value(_ name: String) -> JSONValue? {
        consumed.insert(name)
        guard let value = fields[name] else { return nil }
        if case .null = value { return nil }
        return value
    }

    public mutating func has(_ name: String) -> Bool {
        fields[name] != nil
    }

    /// A string field, trimmed of nothing (stored verbatim), checked against `maxLength`.
    public mutating func string(_ name: String, maxLength: Int? = nil, required: Bool = false) throws(ExchangeError) -> String? {
        guard let value = value(name) else {
            if required { throw ExchangeError.invalid(fieldPath(name), "is required", code: "missing_field") }
            return nil
        }
        return try Self.string(value, path: fieldPath(name), maxLength: maxLength ?? limits.maxShortText)
    }

    public mutating func requiredString(_ name: String, maxLength: Int? = nil) throws(ExchangeError) -> String {
        guard let text = try string(name, maxLength: maxLength, required: true) else {
            throw ExchangeError.invalid(fieldPath(name), "is required", code: "missing_field")
        }
        return text
    }

    static func string(_ value: JSONValue, path: String, maxLength: Int) throws(ExchangeError) -> String {
        guard case .string(let text) = value else {
            throw ExchangeError.invalid(path, "expected a string, got \(value.typeName)", code: "wrong_type")
        }
        let length = text.count
        guard length <= maxLength else {
            throw ExchangeError.invalid(path, "is \(length) characters long; the limit is \(maxLength)", code: "too_long")
        }
        guard !text.unicodeScalars.contains(where: { $0.value == 0 }) else {
            throw ExchangeError.invalid(path, "contains a NUL character", code: "invalid_text")
        }
        return text
    }

    public mutating func number(_ name: String, in range: ClosedRange<Double>? = nil, required: Bool = false) throws(ExchangeError) -> Double? {
        guard let value = value(name) else {
            if required { throw ExchangeError.invalid(fieldPath(name), "is required", code: "missing_field") }
            return nil
        }
        guard case .number(let number) = value, number.isFinite else {
            throw ExchangeError.invalid(fieldPath(name), "expected a number, got \(value.typeName)", code: "wrong_type")
        }
        if let range, !range.contains(number) {
            throw ExchangeError.invalid(fieldPath(name), "is \(number); it must be between \(range.lowerBound) and \(range.upperBound)", code: "out_of_range")
        }
        return number
    }

    public mutating func integer(_ name: String, in range: ClosedRange<Int>, required: Bool = false) throws(ExchangeError) -> Int? {
        guard let number = try number(name, required: required) else { return nil }
        guard number.rounded() == number, number >= Double(range.lowerBound), number <= Double(range.upperBound) else {
            throw ExchangeError.invalid(fieldPath(name), "must be a whole number between \(range.lowerBound) and \(range.upperBound)", code: "out_of_range")
        }
        return Int(number)
    }

    public mutating func bool(_ name: String) throws(ExchangeError) -> Bool? {
        guard let value = value(name) else { return nil }
        guard case .bool(let flag) = value else {
            throw ExchangeError.invalid(fieldPath(name), "expected true or false, got \(value.typeName)", code: "wrong_type")
        }
        return flag
    }

    /// A nested object, read with its own reader; `body` must consume its fields.
    public mutating func object<T>(_ name: String, required: Bool = false, _ body: (inout ObjectReader) throws(ExchangeError) -> T) throws(ExchangeError) -> T? {
        guard let value = value(name) else {
            if required { throw ExchangeError.invalid(fieldPath(name), "is required", code: "missing_field") }
            return nil
        }
        var reader = try ObjectReader(value, path: fieldPath(name), limits: limits)
        let result = try body(&reader)
        try reader.finish()
        return result
    }

    /// An array, each element read by `element` with its index in the path.
    public mutating func array<T>(_ name: String, _ element: (JSONValue, String) throws(ExchangeError) -> T) throws(ExchangeError) -> [T] {
        guard let value = value(name) else { return [] }
        guard case .array(let items) = value else {
            throw ExchangeError.invalid(fieldPath(name), "expected an array, got \(value.typeName)", code: "wrong_type")
        }
        guard items.count <= limits.maxListItems else {
            throw ExchangeError.invalid(fieldPath(name), "has \(items.count) items; the limit is \(limits.maxListItems)", code: "too_many_items")
        }
        var result: [T] = []
        result.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            result.append(try element(item, "\(fieldPath(name))[\(index)]"))
        }
        return result
    }

    /// An array of short strings.
    public mutating func strings(_ name: String, maxLength: Int? = nil) throws(ExchangeError) -> [String] {
        let limit = maxLength ?? limits.maxShortText
        return try array(name) { (value, path) throws(ExchangeError) in try Self.string(value, path: path, maxLength: limit) }
    }

    /// A string that must be one of `allowed`.
    public mutating func choice(_ name: String, _ allowed: [String], required: Bool = false) throws(ExchangeError) -> String? {
        guard let text = try string(name, required: required) else { return nil }
        guard allowed.contains(text) else {
            throw ExchangeError.invalid(fieldPath(name), "is '\(text)'; expected one of \(allowed.joined(separator: ", "))", code: "invalid_value")
        }
        return text
    }

    /// Refuses any field that was not read.
    public func finish() throws(ExchangeError) {
        let unknown = fields.keys.filter { !consumed.contains($0) }.sorted()
        if let first = unknown.first {
            throw ExchangeError.invalid(fieldPath(first), "is not a known field here" + (unknown.count > 1 ? " (also unknown: \(unknown.dropFirst().joined(separator: ", ")))" : ""), code: "unknown_field")
        }
    }
}
