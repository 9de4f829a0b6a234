/// A retraction as submitted: the reason is required, so partners learn why a record was withdrawn.
public struct RetractionInput: Sendable {
    public let reason: String
    public let version: Int

    public static func parse(_ json: JSONValue, limits: InputLimits) throws(ExchangeError) -> RetractionInput {
        var r = try ObjectReader(json, limits: limits)
        let version = try r.integer("version", in: 1...Int(Int32.max), required: true) ?? 0
        let reason = try r.requiredString("reason", maxLength: limits.maxLongText)
        guard !reason.isEmpty else { throw ExchangeError.invalid("reason", "must not be empty", code: "missing_field") }
        try r.finish()
        return RetractionInput(reason: reason, version: version)
    }
}
