/// Size limits on everything a client sends. Requests beyond them are refused with the limit named, never
/// truncated.
public struct InputLimits: Sendable, Hashable {
    /// Largest request body, in bytes.
    public var maxBodyBytes: Int = 1 << 20
    /// Names, places, identifiers, labels.
    public var maxShortText: Int = 200
    /// Notes, rationales, comments.
    public var maxLongText: Int = 20_000
    /// SMILES and SMARTS strings.
    public var maxStructureText: Int = 2_000
    /// Items in any list (substances, identifiers, linked records, transit countries).
    public var maxListItems: Int = 100
    /// Largest page a client may ask for.
    public var maxPageSize: Int = 200
    /// Page size when the client does not say.
    public var defaultPageSize: Int = 50

    public init() {}
}
