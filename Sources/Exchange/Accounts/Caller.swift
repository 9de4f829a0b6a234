/// Who is making a request, as established by authentication. Re-read from the store on every request, so a
/// changed role, membership or revoked key takes effect at once.
public struct Caller: Sendable, Hashable {
    public let user: UserID
    public let userName: String
    public let agency: AgencyID
    /// The caller agency's country; decides who reviews proposals addressed to a jurisdiction.
    public let country: String
    public let role: Role
    public let key: APIKeyID?
    public let readOnlyKey: Bool

    public init(user: UserID, userName: String, agency: AgencyID, country: String, role: Role, key: APIKeyID?, readOnlyKey: Bool) {
        self.user = user
        self.userName = userName
        self.agency = agency
        self.country = country
        self.role = role
        self.key = key
        self.readOnlyKey = readOnlyKey
    }
}
