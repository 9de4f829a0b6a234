/// The raw result of reading a SMILES string: atoms and bonds exactly as written (aromatic bonds still
/// `.aromatic`, hydrogen atoms still graph atoms), plus what later steps need to turn the writing into
/// stereo and to point errors at columns.
struct SMILESParseResult {
    var atoms: [Atom] = []
    var bonds: [Bond] = []
    var atomInfo: [ParsedAtom] = []
    var bondInfo: [ParsedBond] = []
    /// The title after the first whitespace, trimmed.
    var name: String = ""
    var hasChirality = false
    var hasDirections = false
    var hasHydrogenAtoms = false
}

/// What the reader remembers about an atom beyond `Atom`.
struct ParsedAtom {
    /// UTF-8 byte offset of the atom's first character (`[` for bracket atoms).
    var offset: Int32
    /// When the atom was read, on the counter `ParsedBond`'s sequences use: an implicit `H` of `[C@H]` sits
    /// at this point of the atom's neighbour order.
    var sequence: UInt32
}

/// What the reader remembers about a bond beyond `Bond`.
struct ParsedBond {
    /// +1 for `/`, -1 for `\`, 0 for no direction, read in the order the bond was written.
    var direction: Int8
    /// The text wrote the bond from `begin` to `end` (matters for `/` and `\`).
    var writtenFromBegin: Bool
    /// The text gave the bond an explicit symbol.
    var hasSymbol: Bool
    /// When the bond was attached to its begin and end atom; sorting an atom's bonds by it gives the SMILES
    /// neighbour order that `@`/`@@` refer to.
    var sequenceAtBegin: UInt32
    var sequenceAtEnd: UInt32
}

/// A hand-written OpenSMILES reader over UTF-8 bytes: one function per grammar rule, each with its rule as
/// a comment. It checks the syntax and the graph (ring closures, duplicate bonds) but no chemistry; the
/// chemistry is `Molecule.perceive()`'s job.
///
/// Branches are handled with an explicit stack, so deeply nested input cannot overflow the call stack.
struct SMILESParser {
    private let text: UnsafeBufferPointer<UInt8>
    private let source: String
    private var position = 0
    private var end: Int
    private var result = SMILESParseResult()

    /// The atom the next atom bonds to (-1 at the start and after `.`).
    private var previousAtom: Int32 = -1
    /// A bond symbol read and not yet used.
    private var pendingBond: PendingBond?
    /// Atoms at which branches were opened.
    private var branchStack: [Int32] = []
    /// Open ring closures by ring number (0...99 directly, larger numbers in `largeRings`).
    private var smallRings = [OpenRing?](repeating: nil, count: 100)
    private var largeRings: [Int: OpenRing] = [:]
    private var openRingCount = 0
    /// Closed ring bonds; they are appended after the chain bonds, sorted by ring number and then by the
    /// order they closed in, which is the bond order RDKit gives them.
    private var ringBonds: [ClosedRing] = []
    private var sequence: UInt32 = 0
    /// The atom each atom was bonded from when it was read (-1 for the first atom of a component): a ring
    /// closure duplicates a chain bond only between an atom and this one.
    private var fromAtom: [Int32] = []
    /// Ring-closure atom pairs, searched linearly while few and through a set when many.
    private var ringPairs: [UInt64] = []
    private var ringPairSet: Set<UInt64>?

    /// Atom count limit: indices are `Int32` and every per-atom array must stay allocatable.
    static let maximumAtoms = 1 << 24

    private struct PendingBond {
        var order: BondOrder
        var direction: Int8
        /// For `<-`: the bond's donor is the atom written after the arrow.
        var reversedDative: Bool
        var offset: Int
    }

    private struct OpenRing {
        var atom: Int32
        var bond: PendingBond?
        var sequence: UInt32
        var offset: Int
    }

    private struct ClosedRing {
        var number: Int
        var closeIndex: Int
        var bond: Bond
        var direction: Int8
        var writtenFromBegin: Bool
        var sequenceAtBegin: UInt32
        var sequenceAtEnd: UInt32
        var hasSymbol: Bool
    }

    private init(text: UnsafeBufferPointer<UInt8>, source: String) {
        self.text = text
        self.source = source
        self.end = text.count
    }

    /// Reads one SMILES (with an optional title after whitespace).
    static func parse(_ smiles: String) throws(SMILESError) -> SMILESParseResult {
        var copy = smiles
        let outcome: Result<SMILESParseResult, SMILESError> = copy.withUTF8 { buffer in
            var parser = SMILESParser(text: buffer, source: smiles)
            do throws(SMILESError) {
                try parser.parseSMILES()
                return .success(parser.result)
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }

    // MARK: - Errors

    /// The 1-based column (in Unicode scalars) of a byte offset.
    static func column(ofByteOffset offset: Int, in smiles: String) -> Int {
        var column = 1
        for (index, byte) in smiles.utf8.enumerated() {
            if index >= offset { break }
            if byte & 0xC0 != 0x80 { column += 1 }
        }
        // A continuation byte at the offset belongs to the scalar already counted.
        return column
    }

    private func error(_ code: SMILESError.Code, _ message: String, at offset: Int, atom: Int32? = nil) -> SMILESError {
        let smilesPart = String(decoding: UnsafeBufferPointer(rebasing: text[0..<end]), as: UTF8.self)
        return SMILESError(
            code, message, column: SMILESParser.column(ofByteOffset: offset, in: source), atom: atom.map(Int.init),
            smiles: smilesPart)
    }

    /// A byte named for a message that reads "unexpected <description>".
    private func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        if byte >= 0x80 { return "non-ASCII character" }
        if byte == 0x20 { return "space" }
        if byte == 0x09 { return "tab" }
        let hex = String(byte, radix: 16, uppercase: true)
        return "control character 0x" + (hex.count < 2 ? "0" + hex : hex)
    }

    // MARK: - Grammar

    /// smiles ::= terminator | chain terminator
    /// terminator ::= SPACE | TAB | LINEFEED | CARRIAGE_RETURN | END_OF_STRING
    /// (Leading spaces are skipped, as RDKit does; the text after the terminator is the title.)
    private mutating func parseSMILES() throws(SMILESError) {
        while position < text.count, text[position] == 0x20 || text[position] == 0x09 { position += 1 }
        // Find the terminator first, so that errors can quote the SMILES without its title.
        var terminator = position
        while terminator < text.count {
            let c = text[terminator]
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { break }
            terminator += 1
        }
        end = terminator
        if terminator < text.count {
            let title = String(decoding: UnsafeBufferPointer(rebasing: text[(terminator + 1)...]), as: UTF8.self)
            result.name = String(title.trimmingWhitespace())
        }
        if position == end { return }
        // Roughly one atom and one bond per character: reserve once instead of growing.
        let estimate = end - position
        result.atoms.reserveCapacity(estimate)
        result.atomInfo.reserveCapacity(estimate)
        fromAtom.reserveCapacity(estimate)
        result.bonds.reserveCapacity(estimate)
        result.bondInfo.reserveCapacity(estimate)
        try parseChain()
        try finish()
    }

    /// chain ::= branched_atom | chain branched_atom | chain bond branched_atom | chain dot branched_atom
    /// branch ::= '(' chain ')' | '(' bond chain ')' | '(' dot chain ')'
    private mutating func parseChain() throws(SMILESError) {
        // `expectAtom`: the last token was '(', '.', or a bond, so an atom must come next.
        var expectAtom = true
        var branchJustOpened = false
        var lastDot = -1
        while position < end {
            let c = text[position]
            switch c {
            case UInt8(ascii: "("):
                if previousAtom < 0 {
                    throw error(.unbalancedParenthesis, "a branch '(' must follow an atom; move it after the atom it branches from", at: position)
                }
                if let bond = pendingBond {
                    throw error(.bondWithoutAtom, "a bond symbol must be followed by an atom, not '('", at: bond.offset)
                }
                if expectAtom {
                    throw error(.emptyBranch, "a branch must start with an atom, a bond or '.', not '('", at: position)
                }
                branchStack.append(previousAtom)
                position += 1
                if position < end, text[position] == UInt8(ascii: ")") {
                    throw error(.emptyBranch, "empty branch '()'; remove it or put an atom inside", at: position - 1)
                }
                if position < end, text[position] == UInt8(ascii: ".") {
                    // OpenSMILES allows '(.C)', RDKit does not; we follow RDKit.
                    throw error(.misplacedDot, "a branch cannot start with '.'; write the disconnected part outside the parentheses", at: position)
                }
                expectAtom = true
                branchJustOpened = true
            case UInt8(ascii: ")"):
                guard let top = branchStack.popLast() else {
                    throw error(.unbalancedParenthesis, "')' closes a branch that was never opened; remove it or add '(' before", at: position)
                }
                if let bond = pendingBond {
                    throw error(.bondWithoutAtom, "the bond symbol has no atom after it before ')'", at: bond.offset)
                }
                if expectAtom {
                    throw error(lastDot == position - 1 ? .misplacedDot : .emptyBranch, "the branch ends before any atom; remove it or add an atom", at: position)
                }
                previousAtom = top
                position += 1
                expectAtom = false
            case UInt8(ascii: "."):
                if expectAtom || pendingBond != nil {
                    throw error(.misplacedDot, "'.' must separate two atoms; remove it or add an atom before", at: position)
                }
                lastDot = position
                previousAtom = -1
                position += 1
                expectAtom = true
            case UInt8(ascii: "-"), UInt8(ascii: "="), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: ":"),
                UInt8(ascii: "/"), UInt8(ascii: "\\"), UInt8(ascii: "<"):
                if pendingBond != nil {
                    throw error(.unexpectedCharacter, "two bond symbols in a row; keep only one", at: position)
                }
                if previousAtom < 0 {
                    throw error(.bondWithoutAtom, "a bond symbol must follow an atom", at: position)
                }
                pendingBond = try parseBond()
                expectAtom = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "%"):
                if previousAtom < 0 || branchJustOpened || (expectAtom && pendingBond == nil) {
                    throw error(.invalidRingNumber, "a ring-closure number must follow an atom", at: position)
                }
                try parseRingBond()
                expectAtom = false
            default:
                try parseBranchedAtomStart()
                expectAtom = false
                branchJustOpened = false
            }
        }
        if !branchStack.isEmpty {
            throw error(.unbalancedParenthesis, "a branch '(' is never closed; add ')'", at: end)
        }
        if let bond = pendingBond {
            throw error(.bondWithoutAtom, "the SMILES ends with a bond symbol; add an atom after it or remove it", at: bond.offset)
        }
        if expectAtom {
            throw error(.misplacedDot, "the SMILES ends with '.'; remove it or add an atom", at: max(0, lastDot))
        }
    }

    /// branched_atom ::= atom ringbond* branch*
    /// (The ring bonds and branches are read by `parseChain`'s loop.)
    private mutating func parseBranchedAtomStart() throws(SMILESError) {
        let offset = position
        var atom = try parseAtom()
        if result.atoms.count >= SMILESParser.maximumAtoms {
            throw error(.tooManyAtoms, "more than \(SMILESParser.maximumAtoms) atoms", at: offset)
        }
        let index = Int32(result.atoms.count)
        if previousAtom >= 0 {
            let bond = pendingBond
            let aromaticPair = atom.isAromatic && result.atoms[Int(previousAtom)].isAromatic
            try addChainBond(from: previousAtom, to: index, bond: bond, aromaticPair: aromaticPair)
            pendingBond = nil
        }
        if atom.chirality.kind != .none { result.hasChirality = true }
        atom.implicitHydrogens = 0
        fromAtom.append(previousAtom)
        if atom.atomicNumber == 1 { result.hasHydrogenAtoms = true }
        result.atoms.append(atom)
        result.atomInfo.append(ParsedAtom(offset: Int32(offset), sequence: sequence))
        sequence += 1
        previousAtom = index
    }

    private mutating func addChainBond(from a: Int32, to b: Int32, bond pending: PendingBond?, aromaticPair: Bool) throws(SMILESError) {
        var order: BondOrder = aromaticPair ? .aromatic : .single
        var direction: Int8 = 0
        var begin = a, end = b
        if let pending {
            // '/' and '\' between two aromatic atoms make an aromatic bond (with a direction), as in RDKit.
            order = pending.direction != 0 && aromaticPair ? .aromatic : pending.order
            direction = pending.direction
            if pending.reversedDative { swap(&begin, &end) }
        }
        if direction != 0 { result.hasDirections = true }
        result.bonds.append(Bond(begin: begin, end: end, order: order, isAromatic: order == .aromatic))
        // At the earlier atom the bond sits where the new atom is written; at the new atom it comes first,
        // before the atom's own position (where an implicit H of '[C@H]' sits).
        let atEarlier = sequence
        let atNew = sequence + 1
        sequence += 2
        result.bondInfo.append(
            ParsedBond(
                direction: direction, writtenFromBegin: begin == a, hasSymbol: pending != nil,
                sequenceAtBegin: begin == a ? atEarlier : atNew, sequenceAtEnd: begin == a ? atNew : atEarlier))
    }

    private func hasRingPair(_ key: UInt64) -> Bool {
        if let set = ringPairSet { return set.contains(key) }
        return ringPairs.contains(key)
    }

    private mutating func addRingPair(_ key: UInt64) {
        if ringPairSet != nil {
            ringPairSet?.insert(key)
        } else {
            ringPairs.append(key)
            if ringPairs.count > 32 { ringPairSet = Set(ringPairs) }
        }
    }

    static func key(_ a: Int32, _ b: Int32) -> UInt64 {
        UInt64(UInt32(min(a, b))) << 32 | UInt64(UInt32(max(a, b)))
    }

    /// bond ::= '-' | '=' | '#' | '$' | ':' | '/' | '\' | '->' | '<-'   (the arrows are RDKit's dative bonds)
    private mutating func parseBond() throws(SMILESError) -> PendingBond {
        let offset = position
        let c = text[position]
        position += 1
        switch c {
        case UInt8(ascii: "-"):
            if position < end, text[position] == UInt8(ascii: ">") {
                position += 1
                return PendingBond(order: .dative, direction: 0, reversedDative: false, offset: offset)
            }
            return PendingBond(order: .single, direction: 0, reversedDative: false, offset: offset)
        case UInt8(ascii: "="): return PendingBond(order: .double, direction: 0, reversedDative: false, offset: offset)
        case UInt8(ascii: "#"): return PendingBond(order: .triple, direction: 0, reversedDative: false, offset: offset)
        case UInt8(ascii: "$"): return PendingBond(order: .quadruple, direction: 0, reversedDative: false, offset: offset)
        case UInt8(ascii: ":"): return PendingBond(order: .aromatic, direction: 0, reversedDative: false, offset: offset)
        case UInt8(ascii: "/"): return PendingBond(order: .single, direction: 1, reversedDative: false, offset: offset)
        case UInt8(ascii: "\\"): return PendingBond(order: .single, direction: -1, reversedDative: false, offset: offset)
        default:  // '<'
            guard position < end, text[position] == UInt8(ascii: "-") else {
                throw error(.unexpectedCharacter, "'<' must be followed by '-' to make a dative bond '<-'", at: offset)
            }
            position += 1
            return PendingBond(order: .dative, direction: 0, reversedDative: true, offset: offset)
        }
    }

    /// ringbond ::= bond? DIGIT | bond? '%' DIGIT DIGIT | bond? '%(' DIGIT+ ')'
    /// (The bond symbol, if any, was read by `parseChain` into `pendingBond`.)
    private mutating func parseRingBond() throws(SMILESError) {
        let offset = position
        let number = try parseRingNumber()
        let bond = pendingBond
        pendingBond = nil
        let atom = previousAtom
        let existing: OpenRing? = number < 100 ? smallRings[number] : largeRings[number]
        guard let open = existing else {
            let ring = OpenRing(atom: atom, bond: bond, sequence: sequence, offset: offset)
            sequence += 1
            if number < 100 { smallRings[number] = ring } else { largeRings[number] = ring }
            openRingCount += 1
            return
        }
        if number < 100 { smallRings[number] = nil } else { largeRings.removeValue(forKey: number) }
        openRingCount -= 1
        if open.atom == atom {
            throw error(.ringClosureToSelf, "ring closure \(number) opens and closes on the same atom", at: offset, atom: atom)
        }
        let pairKey = SMILESParser.key(open.atom, atom)
        if fromAtom[Int(atom)] == open.atom || fromAtom[Int(open.atom)] == atom || hasRingPair(pairKey) {
            throw error(.duplicateBond, "ring closure \(number) bonds two atoms that are already bonded", at: offset, atom: atom)
        }
        // The opening side is written "opener bond closer", the closing side "closer bond opener".
        if let o = open.bond, let c = bond, o.order != c.order {
            throw error(
                .conflictingRingBond,
                "ring closure \(number) has bond '\(SMILESParser.symbol(o.order))' where it opens and '\(SMILESParser.symbol(c.order))' where it closes; write the bond on one side only",
                at: c.offset, atom: atom)
        }
        let aromaticPair = result.atoms[Int(open.atom)].isAromatic && result.atoms[Int(atom)].isAromatic
        // A '/' or '\' only says "single, with a direction"; between aromatic atoms it is aromatic.
        let explicitOrder = [bond, open.bond].compactMap { $0 }.first { $0.direction == 0 }?.order
        let order = explicitOrder ?? (aromaticPair ? .aromatic : .single)
        // As RDKit: the bond begins at the closing atom, unless a dative arrow makes the opener the donor.
        var donorIsOpener = false
        if order == .dative {
            if let c = bond, c.order == .dative {
                donorIsOpener = c.reversedDative
            } else if let o = open.bond {
                donorIsOpener = !o.reversedDative
            }
        }
        let begin = donorIsOpener ? open.atom : atom
        let endAtom = donorIsOpener ? atom : open.atom
        // A direction mark at the closing digit wins over one at the opening digit (RDKit's choice).
        var direction: Int8 = 0
        var writtenFrom = atom
        if let c = bond, c.direction != 0 {
            direction = c.direction
            writtenFrom = atom
        } else if let o = open.bond, o.direction != 0 {
            direction = o.direction
            writtenFrom = open.atom
        }
        let atCloser = sequence
        sequence += 1
        addRingPair(pairKey)
        if direction != 0 { result.hasDirections = true }
        ringBonds.append(
            ClosedRing(
                number: number, closeIndex: ringBonds.count,
                bond: Bond(begin: begin, end: endAtom, order: order, isAromatic: order == .aromatic),
                direction: direction, writtenFromBegin: writtenFrom == begin,
                sequenceAtBegin: begin == atom ? atCloser : open.sequence,
                sequenceAtEnd: begin == atom ? open.sequence : atCloser,
                hasSymbol: open.bond != nil || bond != nil))
    }

    static func symbol(_ order: BondOrder) -> String {
        switch order {
        case .single: return "-"
        case .double: return "="
        case .triple: return "#"
        case .quadruple: return "$"
        case .aromatic: return ":"
        case .dative: return "->"
        default: return "~"
        }
    }

    /// ring number ::= DIGIT | '%' DIGIT DIGIT | '%(' DIGIT+ ')'
    private mutating func parseRingNumber() throws(SMILESError) -> Int {
        let offset = position
        let c = text[position]
        if c != UInt8(ascii: "%") {
            position += 1
            return Int(c - UInt8(ascii: "0"))
        }
        position += 1
        if position < end, text[position] == UInt8(ascii: "(") {
            position += 1
            var value = 0
            var digits = 0
            while position < end, let d = digit(text[position]) {
                value = value * 10 + d
                digits += 1
                position += 1
                if digits > 5 {
                    throw error(.invalidRingNumber, "ring number '%(...)' has more than 5 digits", at: offset)
                }
            }
            guard digits > 0, position < end, text[position] == UInt8(ascii: ")") else {
                throw error(.invalidRingNumber, "'%(' must be followed by digits and ')', as in '%(123)'", at: offset)
            }
            position += 1
            return value
        }
        guard position + 1 < end, let d1 = digit(text[position]), let d2 = digit(text[position + 1]) else {
            throw error(.invalidRingNumber, "'%' must be followed by two digits, as in '%12', or by '(digits)'", at: offset)
        }
        position += 2
        return d1 * 10 + d2
    }

    @inline(__always)
    private func digit(_ c: UInt8) -> Int? {
        c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") ? Int(c - UInt8(ascii: "0")) : nil
    }

    /// atom ::= bracket_atom | aliphatic_organic | aromatic_organic | '*'
    /// aliphatic_organic ::= 'B' | 'C' | 'N' | 'O' | 'S' | 'P' | 'F' | 'Cl' | 'Br' | 'I'
    /// aromatic_organic ::= 'b' | 'c' | 'n' | 'o' | 's' | 'p'
    private mutating func parseAtom() throws(SMILESError) -> Atom {
        let offset = position
        let c = text[position]
        position += 1
        let next: UInt8 = position < end ? text[position] : 0
        // 'Na', 'Fe'...: an element that needs brackets. ('Co', 'Sc', 'Sn' read as an atom followed by an
        // aromatic atom, as the grammar says.)
        if c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") && next >= UInt8(ascii: "a") && next <= UInt8(ascii: "z")
            && !SMILESParser.isAromaticOrganic(next) && !(c == UInt8(ascii: "C") && next == UInt8(ascii: "l"))
            && !(c == UInt8(ascii: "B") && next == UInt8(ascii: "r"))
        {
            if SMILESParser.element(c, next) != nil {
                let name = String(decoding: [c, next], as: UTF8.self)
                throw error(.unknownElement, "'\(name)' must be written in brackets, as '[\(name)]' (only B, C, N, O, P, S, F, Cl, Br and I may be written bare)", at: offset)
            }
        }
        switch c {
        case UInt8(ascii: "["): return try parseBracketAtom(start: offset)
        case UInt8(ascii: "*"): return Atom(atomicNumber: 0)
        case UInt8(ascii: "B"):
            if next == UInt8(ascii: "r") { position += 1; return Atom(atomicNumber: 35) }
            return Atom(atomicNumber: 5)
        case UInt8(ascii: "C"):
            if next == UInt8(ascii: "l") { position += 1; return Atom(atomicNumber: 17) }
            return Atom(atomicNumber: 6)
        case UInt8(ascii: "N"): return Atom(atomicNumber: 7)
        case UInt8(ascii: "O"): return Atom(atomicNumber: 8)
        case UInt8(ascii: "P"): return Atom(atomicNumber: 15)
        case UInt8(ascii: "S"): return Atom(atomicNumber: 16)
        case UInt8(ascii: "F"): return Atom(atomicNumber: 9)
        case UInt8(ascii: "I"): return Atom(atomicNumber: 53)
        case UInt8(ascii: "b"): return Atom(atomicNumber: 5, isAromatic: true)
        case UInt8(ascii: "c"): return Atom(atomicNumber: 6, isAromatic: true)
        case UInt8(ascii: "n"): return Atom(atomicNumber: 7, isAromatic: true)
        case UInt8(ascii: "o"): return Atom(atomicNumber: 8, isAromatic: true)
        case UInt8(ascii: "p"): return Atom(atomicNumber: 15, isAromatic: true)
        case UInt8(ascii: "s"): return Atom(atomicNumber: 16, isAromatic: true)
        case UInt8(ascii: "A")...UInt8(ascii: "Z"):
            var name = String(Unicode.Scalar(c))
            if next >= UInt8(ascii: "a") && next <= UInt8(ascii: "z") { name.append(Character(Unicode.Scalar(next))) }
            if ElementTable.atomicNumber(symbol: name) != nil || name.count == 1 {
                throw error(.unknownElement, "'\(name)' must be written in brackets, as '[\(name)]' (only B, C, N, O, P, S, F, Cl, Br and I may be written bare)", at: offset)
            }
            throw error(.unknownElement, "'\(name)' is not an element symbol", at: offset)
        case UInt8(ascii: "]"):
            throw error(.unexpectedCharacter, "']' without a matching '['", at: offset)
        default:
            throw error(.unexpectedCharacter, "unexpected \(describe(c)); expected an atom", at: offset)
        }
    }

    /// Atomic numbers by symbol bytes: (first capital letter) × 27 + (0 for none, or lowercase letter + 1).
    static let elementBySymbol: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 26 * 27)
        for z in 1...ElementTable.maxAtomicNumber {
            guard let symbol = ElementTable.symbol(z) else { continue }
            let bytes = Array(symbol.utf8)
            let first = Int(bytes[0]) - 65
            let second = bytes.count > 1 ? Int(bytes[1]) - 97 + 1 : 0
            table[first * 27 + second] = UInt8(z)
        }
        return table
    }()

    /// The element written with capital `first` and lowercase `second` (0 for a one-letter symbol).
    @inline(__always)
    static func element(_ first: UInt8, _ second: UInt8) -> UInt8? {
        guard first >= 65 && first <= 90 else { return nil }
        let column = second == 0 ? 0 : Int(second) - 97 + 1
        guard column >= 0 && column <= 26 else { return nil }
        let z = elementBySymbol[(Int(first) - 65) * 27 + column]
        return z == 0 ? nil : z
    }

    @inline(__always)
    static func isAromaticOrganic(_ c: UInt8) -> Bool {
        c == UInt8(ascii: "b") || c == UInt8(ascii: "c") || c == UInt8(ascii: "n") || c == UInt8(ascii: "o")
            || c == UInt8(ascii: "p") || c == UInt8(ascii: "s")
    }

    /// bracket_atom ::= '[' isotope? symbol chiral? hcount? charge? class? ']'
    private mutating func parseBracketAtom(start: Int) throws(SMILESError) -> Atom {
        let isotope = try parseIsotope()
        var atom = try parseSymbol(bracketStart: start)
        atom.isotope = isotope
        atom.noImplicit = true
        atom.chirality = try parseChirality()
        atom.explicitHydrogens = try parseHydrogenCount()
        atom.formalCharge = try parseCharge()
        atom.mapNumber = try parseAtomClass()
        guard position < end, text[position] == UInt8(ascii: "]") else {
            if position >= end {
                throw error(.unclosedBracketAtom, "bracket atom is not closed; add ']'", at: start)
            }
            throw error(.unexpectedCharacter, "unexpected \(describe(text[position])) in a bracket atom; expected ']' (order: isotope, symbol, chirality, H count, charge, :class)", at: position)
        }
        position += 1
        return atom
    }

    /// isotope ::= NUMBER
    private mutating func parseIsotope() throws(SMILESError) -> UInt16 {
        let offset = position
        var value = 0
        var digits = 0
        while position < end, let d = digit(text[position]) {
            if digits == 1 && value == 0 {
                throw error(.invalidIsotope, "isotope has a leading zero", at: offset)
            }
            value = value * 10 + d
            digits += 1
            position += 1
            if value > Int(UInt16.max) {
                throw error(.invalidIsotope, "isotope is larger than \(UInt16.max)", at: offset)
            }
        }
        return UInt16(value)
    }

    /// symbol ::= element_symbols | aromatic_symbols | '*'
    /// aromatic_symbols ::= 'b' | 'c' | 'n' | 'o' | 'p' | 's' | 'se' | 'as' | 'te' | 'si'
    private mutating func parseSymbol(bracketStart: Int) throws(SMILESError) -> Atom {
        let offset = position
        guard position < end else {
            throw error(.unclosedBracketAtom, "bracket atom is not closed; add an element symbol and ']'", at: bracketStart)
        }
        let c = text[position]
        let next: UInt8 = position + 1 < end ? text[position + 1] : 0
        if c == UInt8(ascii: "*") {
            position += 1
            return Atom(atomicNumber: 0)
        }
        if c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") {
            if next >= UInt8(ascii: "a") && next <= UInt8(ascii: "z"), let z = SMILESParser.element(c, next) {
                position += 2
                return Atom(atomicNumber: z)
            }
            if let z = SMILESParser.element(c, 0) {
                position += 1
                return Atom(atomicNumber: z)
            }
            let one = String(Unicode.Scalar(c))
            let shown = next >= UInt8(ascii: "a") && next <= UInt8(ascii: "z") ? String(decoding: [c, next], as: UTF8.self) : one
            throw error(.unknownElement, "'\(shown)' is not an element symbol", at: offset)
        }
        if c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z") {
            if next >= UInt8(ascii: "a") && next <= UInt8(ascii: "z") {
                let z: UInt8? =
                    switch (c, next) {
                    case (UInt8(ascii: "s"), UInt8(ascii: "e")): 34
                    case (UInt8(ascii: "a"), UInt8(ascii: "s")): 33
                    case (UInt8(ascii: "t"), UInt8(ascii: "e")): 52
                    case (UInt8(ascii: "s"), UInt8(ascii: "i")): 14
                    default: nil
                    }
                if let z {
                    position += 2
                    return Atom(atomicNumber: z, isAromatic: true)
                }
            }
            if next >= UInt8(ascii: "a") && next <= UInt8(ascii: "z") {
                let name = String(decoding: [c - 32, next], as: UTF8.self)
                if ElementTable.atomicNumber(symbol: name) != nil {
                    throw error(.notAromaticElement, "'\(String(decoding: [c, next], as: UTF8.self))' cannot be aromatic; aromatic symbols are b c n o p s se as te si (write '\(name)')", at: offset)
                }
            }
            let z: UInt8? =
                switch c {
                case UInt8(ascii: "b"): 5
                case UInt8(ascii: "c"): 6
                case UInt8(ascii: "n"): 7
                case UInt8(ascii: "o"): 8
                case UInt8(ascii: "p"): 15
                case UInt8(ascii: "s"): 16
                default: nil
                }
            if let z {
                position += 1
                return Atom(atomicNumber: z, isAromatic: true)
            }
            let shown = next >= UInt8(ascii: "a") && next <= UInt8(ascii: "z") ? String(decoding: [c, next], as: UTF8.self) : String(Unicode.Scalar(c))
            throw error(.notAromaticElement, "'\(shown)' cannot be aromatic; aromatic symbols are b c n o p s se as te si (write the element capitalized)", at: offset)
        }
        if c == UInt8(ascii: "]") {
            throw error(.unknownElement, "empty bracket atom '[]'; put an element symbol inside", at: bracketStart)
        }
        throw error(.unknownElement, "unexpected \(describe(c)); expected an element symbol", at: offset)
    }

    /// chiral ::= '@' | '@@' | '@TH1' | '@TH2' | '@AL1' | '@AL2' | '@SP1' ... '@SP3' | '@TB1' ... '@TB20'
    ///          | '@OH1' ... '@OH30'
    private mutating func parseChirality() throws(SMILESError) -> Chirality {
        guard position < end, text[position] == UInt8(ascii: "@") else { return .none }
        let offset = position
        position += 1
        if position < end, text[position] == UInt8(ascii: "@") {
            position += 1
            if position < end, text[position] == UInt8(ascii: "@") {
                throw error(.invalidChirality, "'@@@' is not a chirality; use '@' or '@@'", at: offset)
            }
            return .clockwise
        }
        guard position + 1 < end, text[position] >= UInt8(ascii: "A"), text[position] <= UInt8(ascii: "Z"),
            text[position + 1] >= UInt8(ascii: "A"), text[position + 1] <= UInt8(ascii: "Z")
        else { return .counterclockwise }
        // Two capitals: a class name, unless they start a hydrogen count ('[C@H]' is '@' + 'H').
        let kindName = String(decoding: [text[position], text[position + 1]], as: UTF8.self)
        let kind: Chirality.Kind
        let maximum: Int
        switch kindName {
        case "TH": kind = .tetrahedral; maximum = 2
        case "AL": kind = .allene; maximum = 2
        case "SP": kind = .squarePlanar; maximum = 3
        case "TB": kind = .trigonalBipyramidal; maximum = 20
        case "OH": kind = .octahedral; maximum = 30
        default: return .counterclockwise
        }
        position += 2
        var value = 0
        var digits = 0
        while position < end, let d = digit(text[position]), digits < 2 {
            if digits == 1 && value == 0 { break }
            value = value * 10 + d
            digits += 1
            position += 1
        }
        guard digits > 0, value >= 1, value <= maximum else {
            throw error(.invalidChirality, "'@\(kindName)' must be followed by a number from 1 to \(maximum)", at: offset)
        }
        return Chirality(kind: kind, number: UInt8(value))
    }

    /// hcount ::= 'H' | 'H' DIGIT
    private mutating func parseHydrogenCount() throws(SMILESError) -> UInt8 {
        guard position < end, text[position] == UInt8(ascii: "H") else { return 0 }
        position += 1
        if position < end, let d = digit(text[position]) {
            position += 1
            if position < end, digit(text[position]) != nil {
                throw error(.invalidHydrogenCount, "a hydrogen count has one digit (H0 to H9)", at: position - 2)
            }
            return UInt8(d)
        }
        return 1
    }

    /// charge ::= '-' | '-' DIGIT? DIGIT | '+' | '+' DIGIT? DIGIT | '--' | '++'
    private mutating func parseCharge() throws(SMILESError) -> Int8 {
        guard position < end else { return 0 }
        let c = text[position]
        guard c == UInt8(ascii: "+") || c == UInt8(ascii: "-") else { return 0 }
        let offset = position
        let sign: Int = c == UInt8(ascii: "+") ? 1 : -1
        position += 1
        if position < end, text[position] == c {
            position += 1
            if position < end, text[position] == UInt8(ascii: "+") || text[position] == UInt8(ascii: "-") {
                throw error(.invalidCharge, "write charges beyond 2 as a number, e.g. '+3' instead of '+++'", at: offset)
            }
            return Int8(2 * sign)
        }
        var value = 0
        var digits = 0
        while position < end, let d = digit(text[position]) {
            if digits == 1 && value == 0 {
                throw error(.invalidCharge, "charge has a leading zero", at: offset)
            }
            value = value * 10 + d
            digits += 1
            position += 1
            if digits > 2 {
                throw error(.invalidCharge, "charge has more than two digits", at: offset)
            }
        }
        if position < end, text[position] == UInt8(ascii: "+") || text[position] == UInt8(ascii: "-") {
            throw error(.invalidCharge, "a charge has one sign; '\(String(Unicode.Scalar(c)))\(String(Unicode.Scalar(text[position])))' is not a charge", at: offset)
        }
        return Int8(sign * (digits == 0 ? 1 : value))
    }

    /// class ::= ':' NUMBER
    private mutating func parseAtomClass() throws(SMILESError) -> UInt32 {
        guard position < end, text[position] == UInt8(ascii: ":") else { return 0 }
        let offset = position
        position += 1
        var value: UInt64 = 0
        var digits = 0
        while position < end, let d = digit(text[position]) {
            if digits == 1 && value == 0 {
                throw error(.invalidAtomClass, "atom class has a leading zero", at: offset)
            }
            value = value * 10 + UInt64(d)
            digits += 1
            position += 1
            if value > UInt64(UInt32.max) {
                throw error(.invalidAtomClass, "atom class is larger than \(UInt32.max)", at: offset)
            }
        }
        guard digits > 0 else {
            throw error(.invalidAtomClass, "':' in a bracket atom must be followed by the atom class number", at: offset)
        }
        return UInt32(value)
    }

    // MARK: - End of input

    /// Checks that every ring is closed and appends the ring-closure bonds in RDKit's order.
    private mutating func finish() throws(SMILESError) {
        if openRingCount > 0 {
            var firstOpen: OpenRing?
            var firstNumber = 0
            for (number, ring) in smallRings.enumerated() {
                if let ring, firstOpen.map({ ring.offset < $0.offset }) ?? true {
                    firstOpen = ring
                    firstNumber = number
                }
            }
            for (number, ring) in largeRings where firstOpen.map({ ring.offset < $0.offset }) ?? true {
                firstOpen = ring
                firstNumber = number
            }
            let offset = firstOpen?.offset ?? end
            throw error(.unclosedRing, "ring \(firstNumber) is opened but never closed; close it with a second '\(firstNumber < 10 ? String(firstNumber) : "%" + String(firstNumber))' or remove it", at: offset, atom: firstOpen?.atom)
        }
        if !ringBonds.isEmpty {
            ringBonds.sort { ($0.number, $0.closeIndex) < ($1.number, $1.closeIndex) }
            for ring in ringBonds {
                result.bonds.append(ring.bond)
                result.bondInfo.append(
                    ParsedBond(
                        direction: ring.direction, writtenFromBegin: ring.writtenFromBegin, hasSymbol: ring.hasSymbol,
                        sequenceAtBegin: ring.sequenceAtBegin, sequenceAtEnd: ring.sequenceAtEnd))
            }
        }
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    func trimmingWhitespace() -> Substring {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\n" || f == "\r" || f == "\r\n" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\n" || l == "\r" || l == "\r\n" { s = s.dropLast() }
        return s
    }
}
