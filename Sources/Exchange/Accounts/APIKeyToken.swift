import Crypto
import Foundation

/// Generates, parses and checks key tokens of the form `acc_<16 hex id>_<43 char base64url secret>`.
public enum APIKeyToken {
    public static let prefix = "acc_"

    /// Makes a new key for `user`. The token is returned once; only its hash is stored.
    public static func issue(user: UserID, label: String, readOnly: Bool, now: Timestamp, expiresAt: Timestamp?) -> IssuedKey {
        let id = APIKeyID(rawValue: hex(randomBytes(8)))
        let secret = base64url(randomBytes(32))
        let key = APIKey(id: id, user: user, label: label, secretHash: hash(secret: secret), readOnly: readOnly,
                         createdAt: now, expiresAt: expiresAt, revokedAt: nil)
        return IssuedKey(key: key, token: "\(prefix)\(id.rawValue)_\(secret)")
    }

    /// Splits a presented token into key id and secret, or explains why it is not a key.
    public static func parse(_ token: String) throws(ExchangeError) -> (id: APIKeyID, secret: String) {
        let parts = token.split(separator: "_", maxSplits: 2, omittingEmptySubsequences: false)
        guard token.hasPrefix(prefix), parts.count == 3, parts[1].utf8.count == 16,
              parts[1].utf8.allSatisfy({ isHexDigit($0) }), parts[2].utf8.count == 43 else {
            throw ExchangeError(.unauthenticated, code: "invalid_key", "the bearer token is not an Accord API key (expected acc_<id>_<secret>)", field: "Authorization")
        }
        return (APIKeyID(rawValue: String(parts[1])), String(parts[2]))
    }

    /// Hex SHA-256 of a secret.
    public static func hash(secret: String) -> String {
        hex(Array(SHA256.hash(data: Data(secret.utf8))))
    }

    /// Compares a presented secret with a stored hash in time independent of where they differ.
    public static func matches(secret: String, storedHash: String) -> Bool {
        let a = Array(hash(secret: secret).utf8), b = Array(storedHash.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for i in a.indices { difference |= a[i] ^ b[i] }
        return difference == 0
    }

    static func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    static func isHexDigit(_ b: UInt8) -> Bool { (b >= 48 && b <= 57) || (b >= 97 && b <= 102) }
}
