extension SMARTSParser {
    /// Element symbols RDKit's SMARTS lexer reads inside brackets as an atomic-number query (any aromaticity):
    /// every element of its table except the organic subset, which is read as an aliphatic atom type. RDKit
    /// 2026.09 knows no Nh, Mc, Ts or Og here, and reads the old names Uut and Uup.
    static let twoLetterElements: [String: Int32] = [
        "He": 2, "Li": 3, "Be": 4, "Ne": 10, "Na": 11, "Mg": 12, "Al": 13, "Si": 14, "Ar": 18, "Ca": 20, "Sc": 21,
        "Ti": 22, "Cr": 24, "Mn": 25, "Fe": 26, "Co": 27, "Ni": 28, "Cu": 29, "Zn": 30, "Ga": 31, "Ge": 32, "As": 33,
        "Se": 34, "Kr": 36, "Rb": 37, "Sr": 38, "Zr": 40, "Nb": 41, "Mo": 42, "Tc": 43, "Ru": 44, "Rh": 45, "Pd": 46,
        "Ag": 47, "Cd": 48, "In": 49, "Sn": 50, "Sb": 51, "Te": 52, "Xe": 54, "Cs": 55, "Ba": 56, "La": 57, "Ce": 58,
        "Pr": 59, "Nd": 60, "Pm": 61, "Sm": 62, "Eu": 63, "Gd": 64, "Tb": 65, "Dy": 66, "Ho": 67, "Er": 68, "Tm": 69,
        "Yb": 70, "Lu": 71, "Hf": 72, "Ta": 73, "Re": 75, "Os": 76, "Ir": 77, "Pt": 78, "Au": 79, "Hg": 80, "Tl": 81,
        "Pb": 82, "Bi": 83, "Po": 84, "At": 85, "Rn": 86, "Fr": 87, "Ra": 88, "Ac": 89, "Th": 90, "Pa": 91, "Np": 93,
        "Pu": 94, "Am": 95, "Cm": 96, "Bk": 97, "Cf": 98, "Es": 99, "Fm": 100, "Md": 101, "No": 102, "Lr": 103,
        "Rf": 104, "Db": 105, "Sg": 106, "Bh": 107, "Hs": 108, "Mt": 109, "Ds": 110, "Rg": 111, "Cn": 112, "Fl": 114,
        "Lv": 116,
    ]
    /// Single-letter element symbols outside the organic subset.
    static let singleLetterElements: [String: Int32] = ["K": 19, "V": 23, "Y": 39, "W": 74, "U": 92]

    // MARK: - Bracket atoms

    /// atomd ::= '[' atom_expr ']' | '[' atom_expr ':' number ']' | hydrogen_atom
    mutating func parseBracketAtom(depth: Int) throws(SMARTSError) -> ParsedAtom {
        let start = position
        position += 1
        if let hydrogen = try parseHydrogenAtom() { return hydrogen }
        if peek() == UInt8(ascii: "]") {
            throw error(.emptyBracketAtom, "empty bracket atom '[]'; put a primitive inside, e.g. '[*]'", at: start)
        }
        if position >= end {
            throw error(.unclosedBracketAtom, "bracket atom is not closed; add ']'", at: start)
        }
        var parsed = try parseAtomExpression(depth: depth)
        if peek() == UInt8(ascii: ":") {
            let colon = position
            position += 1
            guard Self.isDigit(peek()) else {
                throw error(.invalidAtomMap, "':' in a bracket atom must be followed by the atom map number", at: colon)
            }
            parsed.mapNumber = try parseNumber()
        }
        guard peek() == UInt8(ascii: "]") else {
            if position >= end {
                throw error(.unclosedBracketAtom, "bracket atom is not closed; add ']'", at: start)
            }
            throw error(.unexpectedCharacter, "unexpected \(describe(peek())) in a bracket atom", at: position)
        }
        position += 1
        return parsed
    }

    /// hydrogen_atom ::= '[' number? 'H' charge_spec? (':' number)? ']'
    ///
    /// Daylight's SMIRKS rule, as RDKit reads it: written this way, `H` is a hydrogen atom, not a hydrogen
    /// count. Returns nil (position unchanged) when the bracket is not of this form. Once `H` is followed by a
    /// charge or ':', RDKit is committed to this form, so anything else after it is an error.
    mutating func parseHydrogenAtom() throws(SMARTSError) -> ParsedAtom? {
        let saved = position
        var isotope: Int32?
        if Self.isDigit(peek()) {
            isotope = try parseNumber()
        }
        guard peek() == UInt8(ascii: "H"), !Self.isHydrogenElementSecondLetter(peek(1)) else {
            position = saved
            return nil
        }
        let next = peek(1)
        guard next == UInt8(ascii: "]") || next == UInt8(ascii: ":") || next == UInt8(ascii: "+") || next == UInt8(ascii: "-") else {
            position = saved
            return nil
        }
        position += 1
        var operands = [AtomExpression(.equals(.atomicNumber, 1))]
        if let isotope { operands.append(AtomExpression(.equals(.isotope, isotope))) }
        if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") {
            operands.append(AtomExpression(.equals(.formalCharge, try parseChargeSpec())))
        }
        var parsed = ParsedAtom(expression: .combine(.and, operands))
        if peek() == UInt8(ascii: ":") {
            let colon = position
            position += 1
            guard Self.isDigit(peek()) else {
                throw error(.invalidAtomMap, "':' in a bracket atom must be followed by the atom map number", at: colon)
            }
            parsed.mapNumber = try parseNumber()
        }
        guard peek() == UInt8(ascii: "]") else {
            if position >= end {
                throw error(.unclosedBracketAtom, "bracket atom is not closed; add ']'", at: saved - 1)
            }
            throw error(.unexpectedCharacter, "unexpected \(describe(peek())) after a hydrogen atom; '[H+]', '[2H]' and '[H:1]' are hydrogen atoms and take nothing more (write other primitives first, as in '[CH3+]')", at: position)
        }
        position += 1
        return parsed
    }

    /// The second letters that make `H` part of an element symbol (He, Hf, Hg, Ho, Hs).
    static func isHydrogenElementSecondLetter(_ c: UInt8) -> Bool {
        c == UInt8(ascii: "e") || c == UInt8(ascii: "f") || c == UInt8(ascii: "g") || c == UInt8(ascii: "o")
            || c == UInt8(ascii: "s")
    }

    // MARK: - Logical operators

    /// atom_expr ::= atom_expr ';' atom_expr | or_expr   (';' has the lowest precedence)
    ///
    /// Besides the expression, tracks what RDKit keeps on the query atom for stereo: the first chirality mark
    /// and the hydrogen count of `H` primitives, which `;` and `,` clear.
    mutating func parseAtomExpression(depth: Int) throws(SMARTSError) -> ParsedAtom {
        var first = try parseOrExpression(depth: depth)
        guard peek() == UInt8(ascii: ";") else { return first }
        var operands = [first.expression]
        while peek() == UInt8(ascii: ";") {
            let op = position
            position += 1
            guard isPrimitiveStart(peek()) else { throw missingOperand(after: op) }
            let next = try parseOrExpression(depth: depth)
            operands.append(next.expression)
            if !first.chirality.isSet { first.chirality = next.chirality }
        }
        first.expression = .combine(.and, operands)
        first.hydrogenSpec = -1
        return first
    }

    /// or_expr ::= or_expr ',' or_expr | and_expr
    mutating func parseOrExpression(depth: Int) throws(SMARTSError) -> ParsedAtom {
        var first = try parseAndExpression(depth: depth)
        guard peek() == UInt8(ascii: ",") else { return first }
        var operands = [first.expression]
        while peek() == UInt8(ascii: ",") {
            let op = position
            position += 1
            guard isPrimitiveStart(peek()) else { throw missingOperand(after: op) }
            let next = try parseAndExpression(depth: depth)
            operands.append(next.expression)
            if !first.chirality.isSet { first.chirality = next.chirality }
        }
        first.expression = .combine(.or, operands)
        first.hydrogenSpec = -1
        return first
    }

    /// and_expr ::= and_expr '&' point_query | and_expr point_query | point_query
    /// (Juxtaposition is the high-precedence "and", as `&`.)
    mutating func parseAndExpression(depth: Int) throws(SMARTSError) -> ParsedAtom {
        var result = ParsedAtom(expression: .always)
        var operands: [AtomExpression] = []
        var hydrogenMasked = false
        while true {
            if !operands.isEmpty {
                if peek() == UInt8(ascii: "&") {
                    let op = position
                    position += 1
                    guard isPrimitiveStart(peek()) else { throw missingOperand(after: op) }
                } else if !isPrimitiveStart(peek()) {
                    break
                }
            } else if !isPrimitiveStart(peek()) {
                throw missingOperand(after: position - 1)
            }
            let point = try parsePointQuery(depth: depth)
            operands.append(point.expression)
            if !result.chirality.isSet { result.chirality = point.chirality }
            if let h = point.hydrogenCount {
                if !hydrogenMasked {
                    result.hydrogenSpec = h
                    hydrogenMasked = true
                } else if result.hydrogenSpec != h {
                    result.hydrogenSpec = 0
                }
            }
        }
        result.expression = .combine(.and, operands)
        return result
    }

    func missingOperand(after offset: Int) -> SMARTSError {
        let c = offset >= 0 && offset < text.count ? text[offset] : 0
        if position >= end {
            return error(.missingOperand, "the pattern ends inside a bracket atom; add the missing primitive and ']'", at: position)
        }
        if c == UInt8(ascii: "!") {
            return error(.missingOperand, "'!' must be followed by a primitive to negate", at: offset)
        }
        if c == UInt8(ascii: "&") || c == UInt8(ascii: ",") || c == UInt8(ascii: ";") {
            return error(.missingOperand, "\(describe(c)) must be followed by a primitive", at: offset)
        }
        return error(.missingOperand, "expected a primitive before \(describe(peek()))", at: position)
    }

    /// Whether `c` can start a point query (a primitive, possibly negated).
    func isPrimitiveStart(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "#"), UInt8(ascii: "@"), UInt8(ascii: "^"), UInt8(ascii: "+"), UInt8(ascii: "-"),
            UInt8(ascii: "$"), UInt8(ascii: "*"), UInt8(ascii: "!"):
            return true
        default:
            return false
        }
    }

    /// One primitive with what it means for the atom's stereo bookkeeping.
    struct PointQuery {
        var expression: AtomExpression
        var chirality: Chirality = .none
        /// The hydrogen count of an `H` primitive (RDKit's SMARTS_H_MASK), nil for other primitives.
        var hydrogenCount: Int?
    }

    /// point_query ::= '!' point_query | recursive_query | atom_query
    mutating func parsePointQuery(depth: Int) throws(SMARTSError) -> PointQuery {
        var negations = 0
        let first = position
        while peek() == UInt8(ascii: "!") {
            negations += 1
            position += 1
        }
        guard isPrimitiveStart(peek()) else { throw missingOperand(after: first) }
        var point: PointQuery
        if peek() == UInt8(ascii: "$") {
            point = PointQuery(expression: try parseRecursiveQuery(depth: depth))
        } else {
            point = try parseAtomQuery()
        }
        if negations % 2 == 1 {
            point.expression = point.expression.negated()
        }
        if negations > 0 {
            // RDKit clears the negated primitive's chemical properties (its hydrogen count).
            point.hydrogenCount = nil
        }
        return point
    }

    /// recursive_query ::= '$(' mol ')' | '$(' mol ')' '_' nonzero_number | '$(' mol ')' number
    /// (The number is RDKit's serial number for sharing results between equal sub-patterns; it does not change
    /// what matches.)
    mutating func parseRecursiveQuery(depth: Int) throws(SMARTSError) -> AtomExpression {
        let start = position
        guard peek(1) == UInt8(ascii: "(") else {
            throw error(.unexpectedCharacter, "'$' in a bracket atom must start a recursive SMARTS '$(...)'", at: start)
        }
        guard depth < Self.maximumRecursionDepth else {
            throw error(.tooDeeplyNested, "recursive SMARTS nested more than \(Self.maximumRecursionDepth) deep", at: start)
        }
        position += 2
        if peek() == UInt8(ascii: ")") {
            throw error(.emptyRecursion, "a recursive SMARTS '$()' needs at least one atom", at: start)
        }
        let graph = try parseGraph(depth: depth + 1)
        guard peek() == UInt8(ascii: ")") else {
            throw error(.unclosedRecursion, "a recursive SMARTS '$(' is never closed; add ')'", at: start)
        }
        position += 1
        subgraphs.append(graph)
        let index = Int32(subgraphs.count)
        if peek() == UInt8(ascii: "_") {
            let underscore = position
            position += 1
            guard peek() >= UInt8(ascii: "1") && peek() <= UInt8(ascii: "9") else {
                throw error(.unexpectedCharacter, "'_' after a recursive SMARTS must be followed by a serial number from 1", at: underscore)
            }
            _ = try parseNumber()
        } else if Self.isDigit(peek()) {
            _ = try parseNumber()
        }
        return AtomExpression(AtomNode(.recursive, lower: index))
    }

    // MARK: - Primitives

    /// atom_query ::= simple_atom | number simple_atom | ATOM_TOKEN | number ATOM_TOKEN | '#' number
    ///   | number '#' number | D d X v R k z Z r x h [number | range] | number 'H' number? | 'H' number?
    ///   | charge_spec | '@' '@'? | CHI_CLASS number? | '^' [0-5] | number
    /// (A leading number, the isotope, is read as its own primitive: `[13C]` is isotope 13 and aliphatic C.)
    mutating func parseAtomQuery() throws(SMARTSError) -> PointQuery {
        let offset = position
        let c = peek()
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            return PointQuery(expression: AtomExpression(.equals(.isotope, try parseNumber())))
        case UInt8(ascii: "#"):
            position += 1
            guard Self.isDigit(peek()) else {
                throw error(.invalidAtomicNumber, "'#' must be followed by an atomic number", at: offset)
            }
            // RDKit accepts atomic numbers beyond the periodic table; such a query matches nothing.
            return PointQuery(expression: AtomExpression(.equals(.atomicNumber, try parseNumber())))
        case UInt8(ascii: "*"):
            position += 1
            return PointQuery(expression: .always)
        case UInt8(ascii: "@"):
            return PointQuery(expression: .always, chirality: try parseChirality())
        case UInt8(ascii: "^"):
            position += 1
            let d = peek()
            guard d >= UInt8(ascii: "0") && d <= UInt8(ascii: "5") else {
                throw error(.invalidHybridization, "'^' must be followed by a hybridization from 0 (s) to 5 (sp3d2)", at: offset)
            }
            position += 1
            // RDKit numbers S=1, SP=2, SP2=3, SP3=4, SP3D=5, SP3D2=6.
            return PointQuery(expression: AtomExpression(.equals(.hybridization, Int32(d - UInt8(ascii: "0")) + 1)))
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            if peek(1) == UInt8(ascii: "{") {
                position += 1
                let (lower, upper) = try parseRange(for: c == UInt8(ascii: "+") ? "+" : "-")
                if c == UInt8(ascii: "+") {
                    return PointQuery(expression: AtomExpression(AtomNode(.range, property: .formalCharge, lower: lower, upper: upper)))
                }
                // RDKit ranges '-' over the negated charge.
                return PointQuery(expression: AtomExpression(AtomNode(.range, property: .formalCharge, lower: Self.negate(upper), upper: Self.negate(lower))))
            }
            return PointQuery(expression: AtomExpression(.equals(.formalCharge, try parseChargeSpec())))
        case UInt8(ascii: "H"):
            if Self.isHydrogenElementSecondLetter(peek(1)) { return PointQuery(expression: try parseElementSymbol()) }
            position += 1
            var count: Int32 = 1
            if Self.isDigit(peek()) { count = try parseNumber() }
            return PointQuery(expression: AtomExpression(.equals(.hydrogenCount, count)), hydrogenCount: Int(count))
        default:
            break
        }
        if let query = try parseCountQuery() { return PointQuery(expression: query) }
        return PointQuery(expression: try parseElementSymbol())
    }

    static func negate(_ value: Int32) -> Int32 {
        value == Int32.min ? Int32.max : value == Int32.max ? Int32.min : -value
    }

    /// The one-letter queries with an optional count or range: D d X v R k z Z r x h. Returns nil when the
    /// letters at the position are an element symbol instead (lexers take the longest token: `[Db]` is
    /// dubnium, `[Dc]` degree one and aromatic carbon).
    mutating func parseCountQuery() throws(SMARTSError) -> AtomExpression? {
        let c = peek()
        let next = peek(1)
        if c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") && next >= UInt8(ascii: "a") && next <= UInt8(ascii: "z")
            && Self.twoLetterElements[String(decoding: [c, next], as: UTF8.self)] != nil
        {
            return nil
        }
        let property: AtomProperty
        switch c {
        case UInt8(ascii: "D"): property = .degree
        case UInt8(ascii: "d"): property = .nonHydrogenDegree
        case UInt8(ascii: "X"): property = .totalDegree
        case UInt8(ascii: "v"): property = .totalValence
        case UInt8(ascii: "R"), UInt8(ascii: "k"): property = .ringCount
        case UInt8(ascii: "r"): property = .smallestRingSize
        case UInt8(ascii: "x"): property = .ringBondCount
        case UInt8(ascii: "h"): property = .implicitHydrogenCount
        case UInt8(ascii: "z"): property = .heteroNeighbors
        case UInt8(ascii: "Z"): property = .aliphaticHeteroNeighbors
        default: return nil
        }
        let letter = String(Unicode.Scalar(c))
        position += 1
        if peek() == UInt8(ascii: "{") {
            let (lower, upper) = try parseRange(for: letter)
            if c == UInt8(ascii: "k") { return AtomExpression(AtomNode(.ringSizeRange, lower: lower, upper: upper)) }
            return AtomExpression(AtomNode(.range, property: property, lower: lower, upper: upper))
        }
        if Self.isDigit(peek()) {
            let n = try parseNumber()
            switch c {
            case UInt8(ascii: "k"): return AtomExpression(AtomNode(.inRingOfSize, lower: n))
            default: return AtomExpression(.equals(property, n))
            }
        }
        switch c {
        // Bare D, d, X, v mean one; the others mean "at least one" (in a ring, a ring bond, a hydrogen...).
        case UInt8(ascii: "D"), UInt8(ascii: "d"), UInt8(ascii: "X"), UInt8(ascii: "v"): return AtomExpression(.equals(property, 1))
        case UInt8(ascii: "r"), UInt8(ascii: "k"): return AtomExpression(.atLeast(.ringCount, 1))
        default: return AtomExpression(.atLeast(property, 1))
        }
    }

    /// range ::= '{' number '-' number '}' | '{' number '-' '}' | '{' '-' number '}'   (RDKit extension)
    mutating func parseRange(for primitive: String) throws(SMARTSError) -> (Int32, Int32) {
        let open = position
        position += 1
        let message = "a range after '\(primitive)' is written '{a-b}', '{a-}' or '{-b}' with whole numbers"
        if peek() == UInt8(ascii: "-") {
            position += 1
            guard Self.isDigit(peek()) else { throw error(.invalidRange, message, at: open) }
            let upper = try parseNumber()
            guard peek() == UInt8(ascii: "}") else { throw error(.invalidRange, message, at: open) }
            position += 1
            return (Int32.min, upper)
        }
        guard Self.isDigit(peek()) else { throw error(.invalidRange, message, at: open) }
        let lower = try parseNumber()
        guard peek() == UInt8(ascii: "-") else { throw error(.invalidRange, message, at: open) }
        position += 1
        if peek() == UInt8(ascii: "}") {
            position += 1
            return (lower, Int32.max)
        }
        guard Self.isDigit(peek()) else { throw error(.invalidRange, message, at: open) }
        let upper = try parseNumber()
        guard peek() == UInt8(ascii: "}") else { throw error(.invalidRange, message, at: open) }
        position += 1
        return (lower, upper)
    }

    /// An element symbol, an aromatic symbol, or `a`/`A` inside brackets (longest token first).
    mutating func parseElementSymbol() throws(SMARTSError) -> AtomExpression {
        let offset = position
        let c = peek()
        let next = peek(1)
        // Uut and Uup, RDKit's names for elements 113 and 115.
        if c == UInt8(ascii: "U") && next == UInt8(ascii: "u") && position + 2 < end {
            let third = peek(2)
            if third == UInt8(ascii: "t") || third == UInt8(ascii: "p") {
                position += 3
                return AtomExpression(.equals(.atomicNumber, third == UInt8(ascii: "t") ? 113 : 115))
            }
        }
        if c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") {
            if next >= UInt8(ascii: "a") && next <= UInt8(ascii: "z") {
                let two = String(decoding: [c, next], as: UTF8.self)
                if two == "Cl" || two == "Br" {
                    position += 2
                    return Self.atomType(two == "Cl" ? 17 : 35, aromatic: false)
                }
                if let z = Self.twoLetterElements[two] {
                    position += 2
                    return AtomExpression(.equals(.atomicNumber, z))
                }
            }
            position += 1
            switch c {
            case UInt8(ascii: "B"): return Self.atomType(5, aromatic: false)
            case UInt8(ascii: "C"): return Self.atomType(6, aromatic: false)
            case UInt8(ascii: "N"): return Self.atomType(7, aromatic: false)
            case UInt8(ascii: "O"): return Self.atomType(8, aromatic: false)
            case UInt8(ascii: "F"): return Self.atomType(9, aromatic: false)
            case UInt8(ascii: "P"): return Self.atomType(15, aromatic: false)
            case UInt8(ascii: "S"): return Self.atomType(16, aromatic: false)
            case UInt8(ascii: "I"): return Self.atomType(53, aromatic: false)
            case UInt8(ascii: "A"): return AtomExpression(.equals(.aromatic, 0))
            default:
                if let z = Self.singleLetterElements[String(Unicode.Scalar(c))] {
                    return AtomExpression(.equals(.atomicNumber, z))
                }
                let shown = next >= UInt8(ascii: "a") && next <= UInt8(ascii: "z") ? String(decoding: [c, next], as: UTF8.self) : String(Unicode.Scalar(c))
                throw error(.unknownElement, "'\(shown)' is not an element symbol or SMARTS primitive RDKit reads", at: offset)
            }
        }
        if c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z") {
            let aromaticTwo: Int32? =
                switch (c, next) {
                case (UInt8(ascii: "a"), UInt8(ascii: "s")): 33
                case (UInt8(ascii: "s"), UInt8(ascii: "e")): 34
                case (UInt8(ascii: "s"), UInt8(ascii: "i")): 14
                case (UInt8(ascii: "t"), UInt8(ascii: "e")): 52
                default: nil
                }
            if let z = aromaticTwo {
                position += 2
                return Self.atomType(z, aromatic: true)
            }
            position += 1
            switch c {
            case UInt8(ascii: "a"): return AtomExpression(.equals(.aromatic, 1))
            case UInt8(ascii: "b"): return Self.atomType(5, aromatic: true)
            case UInt8(ascii: "c"): return Self.atomType(6, aromatic: true)
            case UInt8(ascii: "n"): return Self.atomType(7, aromatic: true)
            case UInt8(ascii: "o"): return Self.atomType(8, aromatic: true)
            case UInt8(ascii: "p"): return Self.atomType(15, aromatic: true)
            case UInt8(ascii: "s"): return Self.atomType(16, aromatic: true)
            default:
                throw error(.unknownElement, "'\(String(Unicode.Scalar(c)))' is not an aromatic symbol or SMARTS primitive; aromatic symbols are b c n o p s as se si te", at: offset)
            }
        }
        throw error(.unexpectedCharacter, "unexpected \(describe(c)) in a bracket atom", at: offset)
    }

    /// charge_spec ::= '++' | '+' number | '+' | '--' | '-' number | '-'
    mutating func parseChargeSpec() throws(SMARTSError) -> Int32 {
        let c = peek()
        let sign: Int32 = c == UInt8(ascii: "+") ? 1 : -1
        position += 1
        if peek() == c {
            position += 1
            return 2 * sign
        }
        if Self.isDigit(peek()) { return sign * (try parseNumber()) }
        return sign
    }

    /// '@' | '@@' | '@' ('TH' | 'AL' | 'SP' | 'TB' | 'OH') number?
    ///
    /// Only tetrahedral marks take part in matching (`@`, `@TH1` counterclockwise; `@@`, `@TH2` clockwise);
    /// the other classes are read and ignored, as RDKit ignores them when matching.
    mutating func parseChirality() throws(SMARTSError) -> Chirality {
        let offset = position
        position += 1
        if peek() == UInt8(ascii: "@") && !Self.isChiralClass(peek(1), peek(2)) {
            position += 1
            return .clockwise
        }
        let a = peek()
        let b = peek(1)
        let maximum: Int32
        let kind: Chirality.Kind
        switch (a, b) {
        case (UInt8(ascii: "T"), UInt8(ascii: "H")): kind = .tetrahedral; maximum = 2
        case (UInt8(ascii: "A"), UInt8(ascii: "L")): kind = .allene; maximum = 2
        case (UInt8(ascii: "S"), UInt8(ascii: "P")): kind = .squarePlanar; maximum = 3
        case (UInt8(ascii: "T"), UInt8(ascii: "B")): kind = .trigonalBipyramidal; maximum = 20
        case (UInt8(ascii: "O"), UInt8(ascii: "H")): kind = .octahedral; maximum = 30
        default: return .counterclockwise
        }
        position += 2
        var number: Int32 = 0
        if Self.isDigit(peek()) {
            number = try parseNumber()
            guard number >= 1 && number <= maximum else {
                let name = String(decoding: [a, b], as: UTF8.self)
                throw error(.invalidChirality, "'@\(name)' must be followed by a number from 1 to \(maximum)", at: offset)
            }
        }
        if kind == .tetrahedral { return number == 2 ? .clockwise : .counterclockwise }
        return Chirality(kind: kind, number: UInt8(number))
    }

    /// Whether two letters name a chirality class (`@@TH1` is `@` followed by `@TH1` for RDKit's lexer).
    static func isChiralClass(_ a: UInt8, _ b: UInt8) -> Bool {
        switch (a, b) {
        case (UInt8(ascii: "T"), UInt8(ascii: "H")), (UInt8(ascii: "A"), UInt8(ascii: "L")), (UInt8(ascii: "S"), UInt8(ascii: "P")),
            (UInt8(ascii: "T"), UInt8(ascii: "B")), (UInt8(ascii: "O"), UInt8(ascii: "H")):
            return true
        default:
            return false
        }
    }

    /// number ::= '0' | nonzero_number;  nonzero_number ::= [1-9] digit*
    /// (RDKit reads "012" as the numbers 0 and 12, and refuses numbers from 2147483640 up.)
    mutating func parseNumber() throws(SMARTSError) -> Int32 {
        let offset = position
        let first = peek()
        position += 1
        if first == UInt8(ascii: "0") { return 0 }
        var value = Int64(first - UInt8(ascii: "0"))
        while Self.isDigit(peek()) {
            let d = Int64(peek() - UInt8(ascii: "0"))
            if value >= Int64(Int32.max) / 10 || value * 10 >= Int64(Int32.max) - d {
                throw error(.numberTooLarge, "number too large (at most 2147483639)", at: offset)
            }
            value = value * 10 + d
            position += 1
        }
        return Int32(value)
    }
}

extension Chirality {
    /// Any stereo mark at all.
    var isSet: Bool { kind != .none }
}
