import HummingbirdBcrypt
import NIOPosix

/// bcrypt off the event loop: hashing takes a noticeable fraction of a second by design.
enum PasswordHasher {
    static func hash(_ password: String, cost: UInt8) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    static func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }
}
