import Chemistry

/// Diagnostics for people: standard error, unbuffered so that they appear next to the output they explain.
enum StandardError {
    static func write(_ message: String) {
        let output = TextOutput(descriptor: 2)
        output.write(message)
        try? output.flush()
    }
}
