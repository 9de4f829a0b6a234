/// A newly issued key: the only time the full secret exists outside the client.
public struct IssuedKey: Sendable {
    public let key: APIKey
    /// `acc_<id>_<secret>`, to be shown once.
    public let token: String
}
