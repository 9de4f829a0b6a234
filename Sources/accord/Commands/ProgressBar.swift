import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A one-line progress report on standard error, drawn only when standard error is a terminal (so logs and
/// pipes stay clean) and at most five times a second.
final class ProgressBar {
    let label: String
    let total: Int
    private let enabled: Bool
    private var lastDraw: UInt64 = 0
    private var drawn = false

    /// `total` is the amount that means done (bytes, records), or 0 when unknown.
    init(label: String, total: Int) {
        self.label = label
        self.total = total
        enabled = isatty(STDERR_FILENO) == 1
    }

    /// Reports that `done` of `total` is finished and `count` items were made.
    func update(done: Int, count: Int) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - lastDraw > 200_000_000 else { return }
        lastDraw = now
        draw(done: done, count: count)
    }

    private func draw(done: Int, count: Int) {
        var text = "\r\(label): \(count) molecules"
        if total > 0 {
            let fraction = min(1, Double(done) / Double(total))
            let width = 30
            let filled = Int(fraction * Double(width))
            text += " [" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled) + "] "
            text += String(format: "%3.0f%%", fraction * 100)
        }
        FileHandle.standardError.write(Data(text.utf8))
        drawn = true
    }

    /// Draws the final state and ends the line.
    func finish(count: Int) {
        guard enabled else { return }
        draw(done: total, count: count)
        if drawn { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
