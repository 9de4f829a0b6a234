import Exchange
import Testing

/// Who manages users and keys: administrators for their own agency, everyone for their own keys, and never
/// with a read-only key.
struct AccountPolicyTests {
    static let home = AgencyID(rawValue: "home"), other = AgencyID(rawValue: "other")
    static let me = UserID(rawValue: "me"), colleague = UserID(rawValue: "colleague")

    static func caller(_ role: Role, readOnly: Bool = false) -> Caller {
        Caller(user: me, userName: "me", agency: home, country: "US", role: role, key: nil, readOnlyKey: readOnly)
    }

    /// (role, read-only key, action, target agency, target user, allowed)
    static let table: [(Role, Bool, AccountPolicy.Action, AgencyID, UserID?, Bool)] = [
        (.viewer, false, .createKey, home, me, true),
        (.viewer, false, .revokeKey, home, me, true),
        (.viewer, false, .listKeys, home, me, true),
        (.viewer, true, .createKey, home, me, false),
        (.viewer, true, .listKeys, home, me, true),
        (.analyst, false, .createKey, home, colleague, false),
        (.analyst, false, .createUser, home, nil, false),
        (.analyst, false, .listUsers, home, nil, false),
        (.administrator, false, .createKey, home, colleague, true),
        (.administrator, false, .revokeKey, home, colleague, true),
        (.administrator, false, .createUser, home, nil, true),
        (.administrator, false, .listUsers, home, nil, true),
        (.administrator, true, .createUser, home, nil, false),
        (.administrator, true, .listUsers, home, nil, true),
        (.administrator, false, .revokeKey, other, colleague, false),
        (.administrator, false, .createUser, other, nil, false),
    ]

    @Test("account actions", arguments: 0..<table.count)
    func decisions(row: Int) {
        let (role, readOnly, action, agency, user, allowed) = Self.table[row]
        let decision = AccountPolicy.decide(Self.caller(role, readOnly: readOnly), action, targetAgency: agency, targetUser: user)
        #expect(decision.allowed == allowed, "\(role) \(readOnly) \(action) \(agency) \(String(describing: user))")
    }
}
