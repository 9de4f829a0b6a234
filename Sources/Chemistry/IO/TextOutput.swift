#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Buffered text output to a file descriptor (a file, standard output) or to memory. Writers append strings and
/// bytes; the buffer goes out in large writes, and `flush()` reports the first failure (a full disk, a closed
/// pipe) as an `IOError`.
public final class TextOutput {
    private enum Target {
        case descriptor(Int32, closeWhenDone: Bool)
        case memory
    }

    private let target: Target
    private var buffer: [UInt8] = []
    private var failure: IOError?
    private let flushThreshold = 1 << 16

    /// Creates (or truncates) a file.
    public init(path: String) throws(IOError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else {
            throw IOError(.cannotOpen, "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        target = .descriptor(fd, closeWhenDone: true)
    }

    /// Writes to a descriptor the caller owns, such as standard output (1); it is not closed.
    public init(descriptor: Int32) {
        target = .descriptor(descriptor, closeWhenDone: false)
    }

    /// Collects the output in memory; read it with `bytes` or `text`.
    public init() {
        target = .memory
    }

    deinit {
        try? flush()
        if case .descriptor(let fd, true) = target { close(fd) }
    }

    /// Everything written so far (memory output only).
    public var bytes: [UInt8] { buffer }

    /// Everything written so far as text (memory output only).
    public var text: String { String(decoding: buffer, as: UTF8.self) }

    public func write(_ string: String) {
        var s = string
        s.withUTF8 { buffer.append(contentsOf: $0) }
        flushIfFull()
    }

    public func write(bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
        flushIfFull()
    }

    private func flushIfFull() {
        if case .descriptor = target, buffer.count >= flushThreshold { try? flush() }
    }

    /// Writes out what is buffered; throws the first write failure seen.
    public func flush() throws(IOError) {
        if let failure { throw failure }
        guard case .descriptor(let fd, _) = target, !buffer.isEmpty else { return }
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                #if canImport(Darwin)
                return Darwin.write(fd, base + offset, raw.count - offset)
                #elseif canImport(Musl)
                return Musl.write(fd, base + offset, raw.count - offset)
                #else
                return Glibc.write(fd, base + offset, raw.count - offset)
                #endif
            }
            if n < 0 {
                if errno == EINTR { continue }
                let error = IOError(.writeFailed, "write failed: \(String(cString: strerror(errno)))")
                failure = error
                buffer.removeAll()
                throw error
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
