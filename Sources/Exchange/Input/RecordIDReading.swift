/// Reads an optional record id field, which must be a UUID.
func readRecordID(_ reader: inout ObjectReader, _ name: String) throws(ExchangeError) -> RecordID? {
    guard let text = try reader.string(name, maxLength: 36) else { return nil }
    guard IdentifierFactory.isWellFormed(text) else {
        throw ExchangeError.invalid(reader.fieldPath(name), "'\(text)' is not a record id (a UUID)", code: "invalid_value")
    }
    return RecordID(rawValue: text.lowercased())
}

func readRecordIDs(_ reader: inout ObjectReader, _ name: String) throws(ExchangeError) -> [RecordID] {
    let limit = reader.limits
    return try reader.array(name) { (value, path) throws(ExchangeError) -> RecordID in
        let text = try ObjectReader.string(value, path: path, maxLength: limit.maxShortText)
        guard IdentifierFactory.isWellFormed(text) else {
            throw ExchangeError.invalid(path, "'\(text)' is not a record id (a UUID)", code: "invalid_value")
        }
        return RecordID(rawValue: text.lowercased())
    }
}
