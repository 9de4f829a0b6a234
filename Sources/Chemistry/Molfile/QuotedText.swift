/// Text from the input shown inside an error or warning message: in single quotes, at most
/// `quotedTextLimit` characters (then `…`), with control characters written as `\xNN`, so a message about a
/// binary or runaway line stays one short, readable line.
func quotedForMessage(_ text: some StringProtocol) -> String {
    var result = "'"
    var shown = 0
    for scalar in text.unicodeScalars {
        if shown == quotedTextLimit {
            result += "…"
            break
        }
        if scalar.value < 0x20 && scalar != "\t" || scalar.value == 0x7F {
            let hex = String(scalar.value, radix: 16, uppercase: true)
            result += "\\x" + (hex.count < 2 ? "0" + hex : hex)
        } else {
            result.unicodeScalars.append(scalar)
        }
        shown += 1
    }
    return result + "'"
}

/// The most characters of an input line a message quotes.
let quotedTextLimit = 80

extension RecordText {
    /// A line (or columns `from ..< to` of it) quoted for a message; see `quotedForMessage`.
    func quoted(_ line: Int, from: Int = 0, to: Int = Int.max) -> String {
        quotedForMessage(to == Int.max ? string(line) : string(line, from: from, to: to))
    }
}
