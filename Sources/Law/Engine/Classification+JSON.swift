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
/// `/` and non-ASCII included, written as they are), integers, doubles, booleans and null. It appends UTF-8
/// bytes to one buffer (a line has dozens of fields, and appending to a `String` piece by piece costs more).
struct JSONLine {
    private var bytes: [UInt8] = []
    private var needsComma = false

    init() { bytes.reserveCapacity(4096) }

    /// The line written so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func open() { comma(); bytes.append(UInt8(ascii: "{")); needsComma = false }
    mutating func close() { bytes.append(UInt8(ascii: "}")); needsComma = true }

    mutating func key(_ k: StaticString) {
        comma()
        bytes.append(UInt8(ascii: "\""))
        k.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    mutating func array<T>(_ items: [T], _ body: (inout JSONLine, T) -> Void) {
        comma()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
        for item in items { body(&self, item) }
        bytes.append(UInt8(ascii: "]"))
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

    mutating func emptyArray() { comma(); raw("[]"); needsComma = true }
    mutating func null() { comma(); raw("null"); needsComma = true }
    mutating func bool(_ b: Bool?) {
        comma()
        if let b { raw(b ? "true" : "false") } else { raw("null") }
        needsComma = true
    }

    mutating func int(_ i: Int?) {
        comma()
        needsComma = true
        guard let i else { raw("null"); return }
        if i < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = i.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { d in
            repeat {
                d[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for at in stride(from: count - 1, through: 0, by: -1) { bytes.append(d[at]) }
        }
    }

    mutating func double(_ d: Double) { comma(); raw(d.isFinite ? d.description : "null"); needsComma = true }

    mutating func string(_ s: String?) {
        comma()
        needsComma = true
        guard var s else { raw("null"); return }
        bytes.append(UInt8(ascii: "\""))
        s.withUTF8 { utf8 in
            var plain = true
            for u in utf8 where u < 0x20 || u == 0x22 || u == 0x5C { plain = false; break }
            if plain {
                bytes.append(contentsOf: utf8)
                return
            }
            // Only ASCII bytes are escaped, so every byte of a multi-byte character is copied as it is.
            for u in utf8 {
                switch u {
                case 0x22: raw("\\\"")
                case 0x5C: raw("\\\\")
                case 0x0A: raw("\\n")
                case 0x0D: raw("\\r")
                case 0x09: raw("\\t")
                case 0x08: raw("\\b")
                case 0x0C: raw("\\f")
                case 0..<0x20:
                    let hex: StaticString = "0123456789abcdef"
                    raw("\\u00")
                    hex.withUTF8Buffer { h in
                        bytes.append(h[Int(u >> 4)])
                        bytes.append(h[Int(u & 0xF)])
                    }
                default:
                    bytes.append(u)
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func raw(_ s: String) {
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }

    private mutating func comma() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }
}
