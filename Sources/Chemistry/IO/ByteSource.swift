#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where raw bytes come from: an open file descriptor (a file, a pipe, standard input) or bytes already in
/// memory. Reads go straight into the caller's buffer in large chunks, so a file of any size streams through a
/// fixed amount of memory.
final class ByteSource {
    private enum Kind {
        case descriptor(Int32, closeWhenDone: Bool)
        case memory([UInt8], position: Int)
        case finished
    }

    private var kind: Kind
    /// Bytes read ahead by `peek(count:)`, handed out before anything else.
    private var pending: [UInt8] = []

    /// Opens a file for reading.
    init(path: String) throws(IOError) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw IOError(.cannotOpen, "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        kind = .descriptor(fd, closeWhenDone: true)
    }

    /// Reads from a descriptor the caller owns (standard input is 0); it is not closed.
    init(descriptor: Int32) {
        kind = .descriptor(descriptor, closeWhenDone: false)
    }

    /// Reads from bytes in memory.
    init(bytes: [UInt8]) {
        kind = .memory(bytes, position: 0)
    }

    deinit {
        if case .descriptor(let fd, true) = kind { close(fd) }
    }

    /// The first `count` bytes of the input (fewer when it is shorter), without consuming them.
    ///
    /// Reads ahead a whole chunk (what one `read(2)` returns, up to 64 KiB) rather than exactly `count` bytes, so
    /// the first `read(into:count:)` after a peek hands out a full buffer, as later ones do, and never waits for
    /// more input than a single system call delivers (standard input typed line by line keeps working).
    func peek(count: Int) throws(IOError) -> [UInt8] {
        while pending.count < count {
            var more: [UInt8] = []
            if try readFromKind(into: &more, count: max(count - pending.count, 1 << 16)) == 0 { break }
            pending += more
        }
        return Array(pending.prefix(count))
    }

    /// Appends up to `count` bytes to `buffer`; returns how many were appended, 0 at the end of the input.
    func read(into buffer: inout [UInt8], count: Int) throws(IOError) -> Int {
        if !pending.isEmpty {
            let n = min(count, pending.count)
            buffer.append(contentsOf: pending[0..<n])
            pending.removeFirst(n)
            return n
        }
        return try readFromKind(into: &buffer, count: count)
    }

    private func readFromKind(into buffer: inout [UInt8], count: Int) throws(IOError) -> Int {
        switch kind {
        case .finished:
            return 0
        case .memory(let bytes, let position):
            let n = min(count, bytes.count - position)
            if n <= 0 {
                kind = .finished
                return 0
            }
            buffer.append(contentsOf: bytes[position..<(position + n)])
            kind = .memory(bytes, position: position + n)
            return n
        case .descriptor(let fd, let closeWhenDone):
            let start = buffer.count
            buffer.append(contentsOf: repeatElement(0, count: count))
            var got = 0
            while true {
                got = buffer.withUnsafeMutableBytes { raw -> Int in
                    guard let base = raw.baseAddress else { return 0 }
                    return Glibc_read(fd, base + start, count)
                }
                if got >= 0 || errno != EINTR { break }
            }
            if got < 0 {
                let reason = String(cString: strerror(errno))
                buffer.removeLast(count)
                throw IOError(.readFailed, "read failed: \(reason)")
            }
            buffer.removeLast(count - got)
            if got == 0 {
                if closeWhenDone { close(fd) }
                kind = .finished
            }
            return got
        }
    }
}

/// `read(2)` under a name that does not collide with `ByteSource.read`.
@inline(__always)
private func Glibc_read(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Darwin)
    return Darwin.read(fd, buffer, count)
    #elseif canImport(Musl)
    return Musl.read(fd, buffer, count)
    #else
    return Glibc.read(fd, buffer, count)
    #endif
}
