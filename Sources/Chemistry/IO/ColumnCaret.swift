/// The two lines under an error message that point at a column of a one-line input (SMILES, SMARTS): the input,
/// shown as a window around the column when long, and a caret under the column. Shared so every line-input
/// error points the same way.
enum ColumnCaret {
    /// `"  <input>\n  <spaces>^"` for the 1-based `column` (counted in Unicode scalars).
    static func excerpt(of text: String, column: Int) -> String {
        let scalars = Array(text.unicodeScalars)
        let caretIndex = max(0, min(column - 1, scalars.count))
        let window = 60
        var start = 0
        var end = scalars.count
        if scalars.count > window {
            start = max(0, caretIndex - window / 2)
            end = min(scalars.count, start + window)
            start = max(0, end - window)
        }
        var shown = String(String.UnicodeScalarView(scalars[start..<end]))
        var offset = caretIndex - start
        if start > 0 {
            shown = "..." + shown
            offset += 3
        }
        if end < scalars.count { shown += "..." }
        // Tabs and other control characters would misalign the caret.
        shown = String(shown.unicodeScalars.map { $0.value < 0x20 ? " " : Character($0) })
        return "  \(shown)\n  \(String(repeating: " ", count: offset))^"
    }
}
