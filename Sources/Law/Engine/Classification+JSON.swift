import Chemistry

extension Classification {
    /// The answer as one `accord classify` JSON line (keys sorted, missing values `null`, no trailing newline),
    /// written by hand: the command writes one per input molecule, and a generic encoder costs more than the
    /// classification itself.
    public func jsonLine(index: Int, name: String?, input: String?) -> String {
        var w = JSONLine()
        w.open()
        w.key("analogue"); w.string(analogueNote)
        w.key("classes"); w.array(classEvaluations) { w, e in
            w.open()
            w.key("criteria"); w.criteria(e.criteria)
            w.key("explanation"); w.string(e.explanation)
            w.key("member"); w.bool(e.member)
            w.key("rule"); w.string(e.rule)
            w.close()
        }
        w.key("date"); w.string(date.description)
        w.key("error"); w.null()
        w.key("index"); w.int(index)
        w.key("input"); w.string(input)
        w.key("jurisdictions"); w.array(jurisdictions) { w, s in
            w.open()
            w.key("also_listed"); w.array(s.alsoListed) { w, l in w.string(l.id) }
            w.key("basis"); w.string(s.basis?.rawValue)
            w.key("citation"); w.string(s.citation?.text)
            w.key("code"); w.string(s.jurisdiction.rawValue)
            w.key("criteria"); w.criteria(s.criteria)
            w.key("effective"); w.string(s.since?.description)
            w.key("effective_is_lower_bound"); w.bool(s.sinceIsLowerBound)
            w.key("entry"); w.string(s.listing?.id)
            w.key("explanation"); w.string(s.explanation)
            w.key("list"); w.string(s.listing?.list ?? s.rule?.list)
            w.key("rule"); w.string(s.rule?.id)
            w.key("schedule"); w.string(s.schedule)
            w.key("status"); w.string(s.status.rawValue)
            w.key("url"); w.string(s.citation?.url)
            w.close()
        }
        w.key("name"); w.string(name ?? self.name)
        w.key("nearest"); w.array(nearest) { w, n in
            w.open()
            w.key("codes"); w.array(n.codes) { w, c in w.string(c.rawValue) }
            w.key("common_atoms"); w.int(n.commonAtoms)
            w.key("common_smarts"); w.string(n.commonSMARTS)
            w.key("name"); w.string(n.name)
            w.key("similarity"); w.double((n.similarity * 1000).rounded() / 1000)
            w.key("substance"); w.string(n.substance)
            w.close()
        }
        w.key("standardization"); w.array(identity.report.steps) { w, step in w.string(step.description) }
        w.key("standardized_smiles"); w.string(identity.standardizedSMILES)
        w.key("substances"); w.array(substances) { w, s in w.string(s) }
        w.close()
        return w.text
    }

    /// The `accord classify` line of a record that could not be read.
    public static func errorJSONLine(index: Int, name: String?, input: String?, date: CalendarDate, error: String) -> String {
        var w = JSONLine()
        w.open()
        w.key("analogue"); w.null()
        w.key("classes"); w.emptyArray()
        w.key("date"); w.string(date.description)
        w.key("error"); w.string(error)
        w.key("index"); w.int(index)
        w.key("input"); w.string(input)
        w.key("jurisdictions"); w.emptyArray()
        w.key("name"); w.string(name)
        w.key("nearest"); w.emptyArray()
        w.key("standardization"); w.emptyArray()
        w.key("standardized_smiles"); w.null()
        w.key("substances"); w.emptyArray()
        w.close()
        return w.text
    }
}

/// A minimal JSON writer for one line: objects, arrays, strings (escaped as JSON requires; other characters,
/// `/` and non-ASCII included, written as they are), integers, doubles, booleans and null.
struct JSONLine {
    var text = ""
    private var needsComma = false

    init() { text.reserveCapacity(4096) }

    mutating func open() { comma(); text += "{"; needsComma = false }
    mutating func close() { text += "}"; needsComma = true }

    mutating func key(_ k: String) {
        comma()
        text += "\""
        text += k
        text += "\":"
        needsComma = false
    }

    mutating func array<T>(_ items: [T], _ body: (inout JSONLine, T) -> Void) {
        comma()
        text += "["
        needsComma = false
        for item in items { body(&self, item) }
        text += "]"
        needsComma = true
    }

    mutating func criteria(_ list: [RuleExample.CriterionMatch]) {
        array(list) { w, c in
            w.open()
            w.key("explanation"); w.string(c.explanation)
            w.key("id"); w.string(c.id)
            w.close()
        }
    }

    mutating func emptyArray() { comma(); text += "[]"; needsComma = true }
    mutating func null() { comma(); text += "null"; needsComma = true }
    mutating func bool(_ b: Bool?) { comma(); text += b.map { $0 ? "true" : "false" } ?? "null"; needsComma = true }
    mutating func int(_ i: Int?) { comma(); text += i.map(String.init) ?? "null"; needsComma = true }
    mutating func double(_ d: Double) { comma(); text += d.isFinite ? "\(d)" : "null"; needsComma = true }

    mutating func string(_ s: String?) {
        comma()
        needsComma = true
        guard let s else { text += "null"; return }
        text += "\""
        var plain = true
        for u in s.utf8 where u < 0x20 || u == 0x22 || u == 0x5C { plain = false; break }
        if plain {
            text += s
        } else {
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": text += "\\\""
                case "\\": text += "\\\\"
                case "\n": text += "\\n"
                case "\r": text += "\\r"
                case "\t": text += "\\t"
                case "\u{08}": text += "\\b"
                case "\u{0C}": text += "\\f"
                default:
                    if scalar.value < 0x20 {
                        let hex = String(scalar.value, radix: 16)
                        text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    } else {
                        text.unicodeScalars.append(scalar)
                    }
                }
            }
        }
        text += "\""
    }

    private mutating func comma() {
        if needsComma { text += "," }
    }
}
