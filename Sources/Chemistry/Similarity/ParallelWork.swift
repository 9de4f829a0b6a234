import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs independent pieces of a search on all cores.
enum ParallelWork {
    /// The number of cores online (at least 1).
    static var coreCount: Int {
        let n = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        return n > 0 ? n : 1
    }

    /// Calls `body(part)` for every part in 0 ..< parts, concurrently when there is more than one part. Each
    /// part must write only to its own slot of any shared buffer.
    static func run(parts: Int, _ body: @Sendable (Int) -> Void) {
        if parts <= 1 {
            body(0)
            return
        }
        DispatchQueue.concurrentPerform(iterations: parts, execute: body)
    }
}

/// A pointer handed to the parts of a parallel run. Each part reads shared input or writes only its own
/// slots, which is what makes sharing it safe; the owner keeps the memory alive until the run returns.
struct SharedPointer<Pointee>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Pointee>
}

/// A read-only pointer handed to the parts of a parallel run.
struct SharedReadPointer<Pointee>: @unchecked Sendable {
    let pointer: UnsafePointer<Pointee>
}
