/// Decides account actions (users and keys), the counterpart of `AccessPolicy` for accounts: an
/// administrator manages the users and keys of their own agency; anyone manages their own keys; a read-only
/// key changes nothing.
public enum AccountPolicy {
    public enum Action: String, Sendable, Hashable {
        case listUsers = "list_users"
        case createUser = "create_user"
        case createKey = "create_key"
        case revokeKey = "revoke_key"
        case listKeys = "list_keys"
    }

    /// `targetUser` is the user whose key is concerned (nil for user-level actions); `targetAgency` the agency.
    public static func decide(_ caller: Caller, _ action: Action, targetAgency: AgencyID, targetUser: UserID?) -> AccessDecision {
        let writes = action != .listUsers && action != .listKeys
        if writes && caller.readOnlyKey {
            return AccessDecision(allowed: false, rule: .readOnlyKey, explanation: "the API key is read-only; \(action.rawValue) changes data", steps: [])
        }
        if let targetUser, targetUser == caller.user, action == .createKey || action == .revokeKey || action == .listKeys {
            return AccessDecision(allowed: true, rule: .ownerAgency, explanation: "users manage their own keys", steps: [])
        }
        guard caller.role == .administrator else {
            return AccessDecision(allowed: false, rule: .roleCannotWrite, explanation: "\(action.rawValue) for other users needs the administrator role; you are \(caller.role.rawValue)", steps: [])
        }
        guard caller.agency == targetAgency else {
            return AccessDecision(allowed: false, rule: .ownerOnly, explanation: "administrators manage their own agency's accounts only", steps: [])
        }
        return AccessDecision(allowed: true, rule: .ownerAgency, explanation: "administrator of agency \(caller.agency)", steps: [])
    }
}
