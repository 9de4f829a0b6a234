/// A comment as submitted.
public struct CommentInput: Sendable {
    public let text: String

    public static func parse(_ json: JSONValue, limits: InputLimits) throws(ExchangeError) -> CommentInput {
        var r = try ObjectReader(json, limits: limits)
        let text = try r.requiredString("text", maxLength: limits.maxLongText)
        guard !text.isEmpty else { throw ExchangeError.invalid("text", "must not be empty", code: "missing_field") }
        try r.finish()
        return CommentInput(text: text)
    }
}
