import Foundation

/// Reduces the many spellings of a substance name in public sources to comparison keys.
///
/// NFLIS writes "ACETYL FENTANYL (N-(1-PHENETHYLPIPERIDIN-4-YL)-N-PHENYLACETAMIDE), SALT UNDETERMINED", CBP
/// "Fentanyl", laws "acetylfentanyl" or "para-fluorofentanyl" where NFLIS says "P-FLUOROFENTANYL". The keys
/// ignore case, spaces and punctuation, drop salt and form words, spell ring positions the same way
/// (`p-`/`para-`, `m-`/`meta-`, `o-`/`ortho-`), and split parenthesised synonyms into their own keys.
public enum NameNormalizer {
    /// Words that name a salt or a form, not a different substance.
    static let formSuffixes = [
        "salt undetermined", "salt undetermnied", "isomer undetermined", "hydrochloride", "hydrobromide", "citrate",
        "phosphate", "sulfate", "tartrate", "base", "other", "hcl",
    ]

    /// The comparison keys of a name: the main name first, then each synonym given in parentheses.
    public static func keys(_ name: String) -> [String] {
        var text = name.lowercased()
        text = stripForms(text)
        var candidates: [String] = []
        let (main, inner) = splitParenthesised(text)
        candidates.append(main)
        for group in inner {
            for part in splitSynonyms(group) { candidates.append(part) }
        }
        var keys: [String] = []
        for candidate in candidates {
            let key = key(candidate)
            if !key.isEmpty && !keys.contains(key) { keys.append(key) }
        }
        return keys
    }

    /// One comparison key: positions spelled out, Greek letters named, everything but letters and digits gone.
    public static func key(_ name: String) -> String {
        let text = stripForms(name.lowercased())
        var key = ""
        key.reserveCapacity(text.utf8.count + 8)
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            // `p-`, `m-`, `o-` at the start or after a separator name ring positions: spell them out.
            let atBoundary = index == 0 || positionBoundaries.contains(scalars[index - 1])
            if atBoundary, index + 1 < scalars.count, scalars[index + 1] == "-", let long = positions[scalar] {
                key += long
                continue
            }
            if let greek = greekLetters[scalar] {
                key += greek
            } else if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                key.unicodeScalars.append(scalar)
            }
        }
        return key
    }

    static let positions: [Unicode.Scalar: String] = ["p": "para", "m": "meta", "o": "ortho"]
    static let positionBoundaries: Set<Unicode.Scalar> = [" ", "(", "-", ",", ";", "/"]
    static let greekLetters: [Unicode.Scalar: String] = ["α": "alpha", "β": "beta"]

    static func stripForms(_ text: String) -> String {
        var text = Substring(text).trimmingWhitespace()
        var changed = true
        while changed {
            changed = false
            for suffix in formSuffixes where text.hasSuffix(suffix) {
                let before = text.dropLast(suffix.count)
                // Only whole words: the suffix must follow a space, comma or parenthesis.
                guard let last = before.last, last == " " || last == "," || last == ")" else { continue }
                text = before.trimmingWhitespace()
                while text.last == "," { text = text.dropLast().trimmingWhitespace() }
                changed = true
            }
        }
        return String(text)
    }

    /// Splits "name (syn1; syn2)" into "name" and the top-level parenthesised groups; parentheses that are
    /// part of a systematic name (no space before them) stay in place.
    static func splitParenthesised(_ text: String) -> (String, [String]) {
        var main = ""
        var groups: [String] = []
        var depth = 0
        var current = ""
        var previous: Character = " "
        for character in text {
            if depth == 0 {
                if character == "(" && previous == " " {
                    depth = 1
                    current = ""
                } else {
                    main.append(character)
                }
            } else {
                if character == "(" { depth += 1 }
                if character == ")" { depth -= 1 }
                if depth == 0 { groups.append(current) } else { current.append(character) }
            }
            previous = character
        }
        if depth > 0 { groups.append(current) }
        return (String(main.trimmingWhitespace()), groups)
    }

    /// Synonyms inside one parenthesised group are separated by semicolons (commas occur inside systematic
    /// names, so a comma splits only when followed by a space and a letter-only word list).
    static func splitSynonyms(_ group: String) -> [String] {
        group.split(separator: ";").flatMap { part -> [String] in
            let pieces = part.components(separatedBy: ", ")
            if pieces.count > 1 && pieces.allSatisfy({ !$0.contains("(") && !$0.contains(")") }) {
                return pieces.map { String($0.trimmingWhitespace()) }
            }
            return [String(part.trimmingWhitespace())]
        }
    }
}
