/// A hand-written SMARTS reader over UTF-8 bytes for the grammar RDKit's `MolFromSmarts` implements
/// (Daylight SMARTS plus RDKit's extensions), one function per grammar rule with the rule as a comment.
///
/// It accepts and rejects what RDKit 2026.09 accepts and rejects, including its quirks (`[H+]` is a hydrogen
/// atom but `[H2]` a hydrogen count; a number right after `$(...)` is RDKit's serial number and is ignored),
/// with two exceptions: a ring closure with different bonds where it opens and where it closes (RDKit keeps
/// the opening one; we refuse it as Daylight and Open Babel do) and an empty pattern (an empty query in RDKit). Branches use an explicit stack; only
/// recursive SMARTS recurse, and their depth is bounded, so no input can overflow the call stack.
struct SMARTSParser {
    /// Deepest nesting of `$(...)` accepted.
    static let maximumRecursionDepth = 64
    /// Atom count limit over the pattern and all its sub-patterns.
    static let maximumAtoms = 1 << 20

    let text: [UInt8]
    let source: String
    var position = 0
    /// End of the pattern (the first whitespace after it, or the end of the text).
    var end = 0
    /// Recursive sub-patterns in the order they closed; graph `k` of the result is `subgraphs[k - 1]`.
    var subgraphs: [QueryGraph] = []
    var totalAtoms = 0

    init(text: [UInt8], source: String) {
        self.text = text
        self.source = source
        self.end = text.count
    }

    /// Reads one SMARTS (with an optional title after whitespace).
    static func parse(_ smarts: String) throws(SMARTSError) -> SMARTSPattern {
        var parser = SMARTSParser(text: Array(smarts.utf8), source: smarts)
        return try parser.parsePattern()
    }

    // MARK: - Errors

    func error(_ code: SMARTSError.Code, _ message: String, at offset: Int) -> SMARTSError {
        let shown = String(decoding: text[0..<min(end, text.count)], as: UTF8.self)
        return SMARTSError(code, message, column: SMILESParser.column(ofByteOffset: offset, in: source), smarts: shown)
    }

    func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        if byte >= 0x80 { return "a non-ASCII character" }
        return "character \(byte)"
    }

    @inline(__always)
    func peek(_ offset: Int = 0) -> UInt8 {
        position + offset < end ? text[position + offset] : 0
    }

    @inline(__always)
    static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

    // MARK: - Pattern

    /// smarts ::= terminator | mol terminator
    /// terminator ::= SPACE | TAB | LINEFEED | CARRIAGE_RETURN | END_OF_STRING
    /// (Leading whitespace is skipped, as RDKit does; the text after the terminator is the title.)
    mutating func parsePattern() throws(SMARTSError) -> SMARTSPattern {
        while position < text.count, text[position] <= 0x20 { position += 1 }
        var terminator = position
        while terminator < text.count {
            let c = text[terminator]
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { break }
            terminator += 1
        }
        end = terminator
        var name = ""
        if terminator < text.count {
            name = String(String(decoding: text[(terminator + 1)...], as: UTF8.self).trimmingWhitespace())
        }
        guard position < end else {
            throw error(.empty, "the SMARTS is empty; give at least one atom", at: position)
        }
        let main = try parseGraph(depth: 0)
        if position < end {
            // Only a ')' that closes nothing can stop the top-level graph early.
            throw error(.unbalancedParenthesis, "')' closes a branch that was never opened; remove it or add '(' before", at: position)
        }
        return SMARTSPattern(graphs: [main] + subgraphs, name: name)
    }

    // MARK: - Molecule

    /// One graph's atoms and bonds while they are read, plus what turning the writing into stereo needs.
    struct GraphBuilder {
        var atoms: [QueryGraph.Atom] = []
        var atomOffsets: [Int] = []
        /// The hydrogen count an `H` primitive gave the atom (RDKit's explicit-H count of a query atom), -1 for
        /// none; `[C@H]` puts that hydrogen in the written neighbour order.
        var hydrogenSpec: [Int] = []
        var atomSequence: [UInt32] = []
        var bonds: [QueryGraph.Bond] = []
        var bondDirection: [Int8] = []
        var bondWrittenFromBegin: [Bool] = []
        var bondSequenceAtBegin: [UInt32] = []
        var bondSequenceAtEnd: [UInt32] = []
        var sequence: UInt32 = 0
        var openRings: [Int: OpenRing] = [:]
        var closedRings: [ClosedRing] = []
        var bondKeys = Set<UInt64>()
    }

    struct OpenRing {
        var atom: Int32
        var bond: ParsedBond?
        var sequence: UInt32
        var offset: Int
    }

    struct ClosedRing {
        var number: Int
        var closeIndex: Int
        var bond: QueryGraph.Bond
        var direction: Int8
        var writtenFromBegin: Bool
        var sequenceAtBegin: UInt32
        var sequenceAtEnd: UInt32
    }

    /// A bond expression as read, before it is attached to two atoms.
    struct ParsedBond {
        /// Dative primitives are relative to the written order: `->` has its donor written first.
        var expression: BondExpression
        /// RDKit types the bond DOUBLE (its first primitive is `=`).
        var isDoubleType: Bool
        /// The first primitive is `<-`: RDKit begins the bond at the atom written second.
        var reversedDative: Bool
        /// +1 for `/`, -1 for `\` as the first primitive, 0 otherwise.
        var direction: Int8
        var offset: Int
    }

    /// A bracket or organic atom as read.
    struct ParsedAtom {
        var expression: AtomExpression
        var chirality: Chirality = .none
        var hydrogenSpec = -1
        var mapNumber: Int32 = 0
    }

    /// mol ::= atomd | mol atomd | mol bond_expr atomd | mol '.' atomd | mol ring_number
    ///       | mol bond_expr ring_number | mol '(' atomd | mol '(' bond_expr atomd | mol ')'
    ///
    /// Reads up to the end of the pattern, or (inside `$(...)`, `depth > 0`) up to the ')' that closes the
    /// recursion, which is left for the caller.
    mutating func parseGraph(depth: Int) throws(SMARTSError) -> QueryGraph {
        var builder = GraphBuilder()
        var branchStack: [(atom: Int32, offset: Int)] = []
        guard position < end else {
            throw error(.emptyRecursion, "a recursive SMARTS '$()' needs at least one atom", at: position)
        }
        guard isAtomStart(peek()) else { throw unexpectedInsteadOfAtom(depth: depth, first: true) }
        var active = try parseAtom(into: &builder, depth: depth)
        while position < end {
            let c = text[position]
            switch c {
            case UInt8(ascii: "("):
                let open = position
                position += 1
                // '%(' is only a ring number after '%', so '(' here always opens a branch.
                let bond = try parseBondIfPresent(depth: depth)
                guard position < end, isAtomStart(peek()) else {
                    if let bond {
                        throw error(.bondWithoutAtom, "a bond in a branch must be followed by an atom", at: bond.offset)
                    }
                    if position < end && peek() == UInt8(ascii: ")") {
                        throw error(.emptyBranch, "empty branch '()'; remove it or put an atom inside", at: open)
                    }
                    if position < end && peek() == UInt8(ascii: ".") {
                        throw error(.misplacedDot, "a branch cannot start with '.'; write the disconnected part outside the parentheses", at: position)
                    }
                    if position >= end {
                        throw error(.unbalancedParenthesis, "a branch '(' is never closed; add an atom and ')'", at: open)
                    }
                    throw error(.emptyBranch, "a branch must start with an atom or a bond and an atom, not \(describe(peek()))", at: position)
                }
                branchStack.append((active, open))
                let atom = try parseAtom(into: &builder, depth: depth)
                try addChainBond(&builder, from: active, to: atom, bond: bond)
                active = atom
            case UInt8(ascii: ")"):
                guard let top = branchStack.popLast() else {
                    if depth > 0 { return try finishGraph(&builder) }
                    throw error(.unbalancedParenthesis, "')' closes a branch that was never opened; remove it or add '(' before", at: position)
                }
                active = top.atom
                position += 1
            case UInt8(ascii: "."):
                let dot = position
                position += 1
                guard position < end, isAtomStart(peek()) else {
                    if peek() == UInt8(ascii: "(") {
                        throw error(.unsupported, "component-level grouping '(...)' is not supported (RDKit does not read it); remove the parentheses around the component", at: position)
                    }
                    throw error(.misplacedDot, "'.' must be followed by an atom", at: dot)
                }
                active = try parseAtom(into: &builder, depth: depth)
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "%"):
                try parseRingBond(&builder, atom: active, bond: nil)
            default:
                if let bond = try parseBondIfPresent(depth: depth) {
                    if position < end, Self.isDigit(peek()) || peek() == UInt8(ascii: "%") {
                        try parseRingBond(&builder, atom: active, bond: bond)
                    } else if position < end, isAtomStart(peek()) {
                        let atom = try parseAtom(into: &builder, depth: depth)
                        try addChainBond(&builder, from: active, to: atom, bond: bond)
                        active = atom
                    } else {
                        throw error(.bondWithoutAtom, "a bond must be followed by an atom or a ring-closure number", at: bond.offset)
                    }
                } else if isAtomStart(c) {
                    let atom = try parseAtom(into: &builder, depth: depth)
                    try addChainBond(&builder, from: active, to: atom, bond: nil)
                    active = atom
                } else {
                    throw unexpectedInsteadOfAtom(depth: depth, first: false)
                }
            }
        }
        if let open = branchStack.last {
            throw error(.unbalancedParenthesis, "a branch '(' is never closed; add ')'", at: open.offset)
        }
        if depth > 0 {
            throw error(.unclosedRecursion, "a recursive SMARTS '$(' is never closed; add ')'", at: end)
        }
        return try finishGraph(&builder)
    }

    /// The error for a character where an atom (or a continuation of the chain) was expected.
    func unexpectedInsteadOfAtom(depth: Int, first: Bool) -> SMARTSError {
        let c = peek()
        switch c {
        case UInt8(ascii: "("):
            if first {
                return error(.unsupported, "component-level grouping '(...)' is not supported (RDKit does not read it); write the pattern without the outer parentheses", at: position)
            }
            return error(.unbalancedParenthesis, "a branch '(' must follow an atom", at: position)
        case UInt8(ascii: ")"):
            if first && depth > 0 { return error(.emptyRecursion, "a recursive SMARTS '$()' needs at least one atom", at: position) }
            return error(.unbalancedParenthesis, "')' without an atom before it", at: position)
        case UInt8(ascii: "."):
            return error(.misplacedDot, "'.' must separate two atoms", at: position)
        case UInt8(ascii: "]"):
            return error(.unexpectedCharacter, "']' without a matching '['", at: position)
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "%"):
            return error(.invalidRingNumber, "a ring-closure number must follow an atom", at: position)
        case UInt8(ascii: "H"):
            return error(.unexpectedCharacter, "'H' outside brackets is not an atom; write a hydrogen atom as '[H]' or a hydrogen count inside the atom's brackets, as '[CH3]'", at: position)
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
            let next = peek(1)
            if next >= UInt8(ascii: "a") && next <= UInt8(ascii: "z"),
                Self.twoLetterElements[String(decoding: [c, next], as: UTF8.self)] != nil
            {
                let name = String(decoding: [c, next], as: UTF8.self)
                return error(.unknownElement, "'\(name)' must be written in brackets, as '[\(name)]'", at: position)
            }
            let name = String(Unicode.Scalar(c))
            if Self.singleLetterElements[name] != nil {
                return error(.unknownElement, "'\(name)' must be written in brackets, as '[\(name)]'", at: position)
            }
            return error(.unexpectedCharacter, "unexpected \(describe(c)); only B, C, N, O, P, S, F, Cl, Br, I, their aromatic forms, '*', 'a' and 'A' may be written outside brackets", at: position)
        case UInt8(ascii: "&"), UInt8(ascii: ","), UInt8(ascii: ";"):
            return error(.missingOperand, "\(describe(c)) combines primitives inside brackets or bond expressions; here it has nothing to combine", at: position)
        default:
            return error(.unexpectedCharacter, "unexpected \(describe(c)); expected an atom", at: position)
        }
    }

    /// Whether `c` can start an atom (`atomd`).
    func isAtomStart(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "["), UInt8(ascii: "*"), UInt8(ascii: "a"), UInt8(ascii: "A"),
            UInt8(ascii: "B"), UInt8(ascii: "C"), UInt8(ascii: "N"), UInt8(ascii: "O"), UInt8(ascii: "F"),
            UInt8(ascii: "P"), UInt8(ascii: "S"), UInt8(ascii: "I"),
            UInt8(ascii: "b"), UInt8(ascii: "c"), UInt8(ascii: "n"), UInt8(ascii: "o"), UInt8(ascii: "p"),
            UInt8(ascii: "s"):
            return true
        default:
            return false
        }
    }

    /// atomd ::= simple_atom | hydrogen_atom | '[' atom_expr ']' | '[' atom_expr ':' number ']'
    /// simple_atom ::= ORGANIC_ATOM | AROMATIC_ATOM | '*' | 'a' | 'A'
    mutating func parseAtom(into builder: inout GraphBuilder, depth: Int) throws(SMARTSError) -> Int32 {
        let offset = position
        if totalAtoms >= Self.maximumAtoms {
            throw error(.tooManyAtoms, "more than \(Self.maximumAtoms) atoms", at: offset)
        }
        let parsed: ParsedAtom
        if peek() == UInt8(ascii: "[") {
            parsed = try parseBracketAtom(depth: depth)
        } else {
            parsed = ParsedAtom(expression: parseOrganicAtom())
        }
        totalAtoms += 1
        let index = Int32(builder.atoms.count)
        builder.atoms.append(QueryGraph.Atom(expression: parsed.expression, chirality: parsed.chirality, mapNumber: parsed.mapNumber))
        builder.atomOffsets.append(offset)
        builder.hydrogenSpec.append(parsed.hydrogenSpec)
        builder.atomSequence.append(builder.sequence)
        builder.sequence += 1
        return index
    }

    /// An atom written outside brackets (the caller checked `isAtomStart`).
    mutating func parseOrganicAtom() -> AtomExpression {
        let c = text[position]
        position += 1
        switch c {
        case UInt8(ascii: "*"): return .always
        case UInt8(ascii: "a"): return AtomExpression(.equals(.aromatic, 1))
        case UInt8(ascii: "A"): return AtomExpression(.equals(.aromatic, 0))
        case UInt8(ascii: "C"):
            if peek() == UInt8(ascii: "l") {
                position += 1
                return Self.atomType(17, aromatic: false)
            }
            return Self.atomType(6, aromatic: false)
        case UInt8(ascii: "B"):
            if peek() == UInt8(ascii: "r") {
                position += 1
                return Self.atomType(35, aromatic: false)
            }
            return Self.atomType(5, aromatic: false)
        case UInt8(ascii: "N"): return Self.atomType(7, aromatic: false)
        case UInt8(ascii: "O"): return Self.atomType(8, aromatic: false)
        case UInt8(ascii: "F"): return Self.atomType(9, aromatic: false)
        case UInt8(ascii: "P"): return Self.atomType(15, aromatic: false)
        case UInt8(ascii: "S"): return Self.atomType(16, aromatic: false)
        case UInt8(ascii: "I"): return Self.atomType(53, aromatic: false)
        case UInt8(ascii: "b"): return Self.atomType(5, aromatic: true)
        case UInt8(ascii: "c"): return Self.atomType(6, aromatic: true)
        case UInt8(ascii: "n"): return Self.atomType(7, aromatic: true)
        case UInt8(ascii: "o"): return Self.atomType(8, aromatic: true)
        case UInt8(ascii: "p"): return Self.atomType(15, aromatic: true)
        default: return Self.atomType(16, aromatic: true)  // 's'
        }
    }

    static func atomType(_ z: Int32, aromatic: Bool) -> AtomExpression {
        AtomExpression(AtomNode(.atomType, lower: z, upper: aromatic ? 1 : 0))
    }

    // MARK: - Bonds between atoms

    static func key(_ a: Int32, _ b: Int32) -> UInt64 {
        UInt64(UInt32(min(a, b))) << 32 | UInt64(UInt32(max(a, b)))
    }

    /// Joins the atom written before (`a`) to the one just read (`b`).
    mutating func addChainBond(_ builder: inout GraphBuilder, from a: Int32, to b: Int32, bond parsed: ParsedBond?) throws(SMARTSError) {
        var begin = a
        var endAtom = b
        var expression = parsed?.expression ?? .singleOrAromatic
        if parsed?.reversedDative == true {
            swap(&begin, &endAtom)
            expression = expression.reversed()
        }
        builder.bondKeys.insert(Self.key(a, b))
        builder.bonds.append(QueryGraph.Bond(begin: begin, end: endAtom, expression: expression, isDoubleType: parsed?.isDoubleType ?? false))
        builder.bondDirection.append(parsed?.direction ?? 0)
        builder.bondWrittenFromBegin.append(begin == a)
        // At the earlier atom the bond sits where the new atom is written; at the new atom it comes first,
        // before the atom's own position (where the hydrogen of '[C@H]' sits).
        let atEarlier = builder.sequence - 1
        let atNew = builder.sequence
        builder.sequence += 1
        builder.atomSequence[Int(b)] = builder.sequence
        builder.sequence += 1
        builder.bondSequenceAtBegin.append(begin == a ? atEarlier : atNew)
        builder.bondSequenceAtEnd.append(begin == a ? atNew : atEarlier)
    }

    /// ring_number ::= digit | '%' NONZERO_DIGIT digit | '%(' digit{1,5} ')'
    /// (A bond expression before the number, if any, was read by the caller.)
    mutating func parseRingBond(_ builder: inout GraphBuilder, atom: Int32, bond: ParsedBond?) throws(SMARTSError) {
        let offset = position
        let number = try parseRingNumber()
        guard let open = builder.openRings.removeValue(forKey: number) else {
            builder.openRings[number] = OpenRing(atom: atom, bond: bond, sequence: builder.sequence, offset: offset)
            builder.sequence += 1
            return
        }
        if open.atom == atom {
            throw error(.ringClosureToSelf, "ring closure \(number) opens and closes on the same atom", at: offset)
        }
        let pairKey = Self.key(open.atom, atom)
        if builder.bondKeys.contains(pairKey) {
            throw error(.duplicateBond, "ring closure \(number) bonds two atoms that are already bonded", at: offset)
        }
        builder.bondKeys.insert(pairKey)
        if let opening = open.bond, let closing = bond, opening.expression != closing.expression {
            throw error(
                .conflictingRingBond,
                "ring closure \(number) has one bond where it opens and another where it closes; write the bond on one side only",
                at: closing.offset)
        }
        let chosen = open.bond ?? bond
        let writtenFirst = open.bond != nil ? open.atom : atom
        let writtenSecond = open.bond != nil ? atom : open.atom
        // As RDKit: the bond begins at the closing atom, unless a '<-' puts the donor first.
        var begin = atom
        var endAtom = open.atom
        if let chosen, chosen.reversedDative {
            begin = writtenSecond
            endAtom = writtenFirst
        } else if let chosen, chosen.expression.hasDative {
            begin = writtenFirst
            endAtom = writtenSecond
        }
        var expression = chosen?.expression ?? .singleOrAromatic
        if begin != writtenFirst { expression = expression.reversed() }
        let atCloser = builder.sequence
        builder.sequence += 1
        builder.closedRings.append(
            ClosedRing(
                number: number, closeIndex: builder.closedRings.count,
                bond: QueryGraph.Bond(begin: begin, end: endAtom, expression: expression, isDoubleType: chosen?.isDoubleType ?? false),
                direction: chosen?.direction ?? 0, writtenFromBegin: writtenFirst == begin,
                sequenceAtBegin: begin == atom ? atCloser : open.sequence,
                sequenceAtEnd: begin == atom ? open.sequence : atCloser))
    }

    mutating func parseRingNumber() throws(SMARTSError) -> Int {
        let offset = position
        let c = text[position]
        if c != UInt8(ascii: "%") {
            position += 1
            return Int(c - UInt8(ascii: "0"))
        }
        position += 1
        if peek() == UInt8(ascii: "(") {
            position += 1
            var value = 0
            var digits = 0
            while position < end, Self.isDigit(peek()), digits < 5 {
                value = value * 10 + Int(peek() - UInt8(ascii: "0"))
                digits += 1
                position += 1
            }
            guard digits > 0, peek() == UInt8(ascii: ")") else {
                throw error(.invalidRingNumber, "'%(' must be followed by one to five digits and ')', as in '%(123)'", at: offset)
            }
            position += 1
            return value
        }
        guard position + 1 < end, peek() >= UInt8(ascii: "1"), peek() <= UInt8(ascii: "9"), Self.isDigit(peek(1)) else {
            throw error(.invalidRingNumber, "'%' must be followed by a two-digit number from 10 to 99, as in '%12', or by '(digits)'", at: offset)
        }
        let value = Int(peek() - UInt8(ascii: "0")) * 10 + Int(peek(1) - UInt8(ascii: "0"))
        position += 2
        return value
    }

    // MARK: - End of a graph

    /// Checks that every ring is closed, appends the ring bonds in RDKit's order, turns `/` `\` into
    /// double-bond stereo and `@` `@@` into the reference order, and builds the graph.
    mutating func finishGraph(_ builder: inout GraphBuilder) throws(SMARTSError) -> QueryGraph {
        if let first = builder.openRings.min(by: { $0.value.offset < $1.value.offset }) {
            let number = first.key
            throw error(.unclosedRing, "ring \(number) is opened but never closed; close it with a second '\(number < 10 ? String(number) : number < 100 ? "%" + String(number) : "%(" + String(number) + ")")' or remove it", at: first.value.offset)
        }
        builder.closedRings.sort { ($0.number, $0.closeIndex) < ($1.number, $1.closeIndex) }
        for ring in builder.closedRings {
            builder.bonds.append(ring.bond)
            builder.bondDirection.append(ring.direction)
            builder.bondWrittenFromBegin.append(ring.writtenFromBegin)
            builder.bondSequenceAtBegin.append(ring.sequenceAtBegin)
            builder.bondSequenceAtEnd.append(ring.sequenceAtEnd)
        }
        var neighbourBonds = [[Int32]](repeating: [], count: builder.atoms.count)
        for (i, b) in builder.bonds.enumerated() {
            neighbourBonds[Int(b.begin)].append(Int32(i))
            neighbourBonds[Int(b.end)].append(Int32(i))
        }
        assignDoubleBondStereo(&builder, neighbourBonds)
        convertChirality(&builder, neighbourBonds)
        return QueryGraph(atoms: builder.atoms, bonds: builder.bonds)
    }

    /// Cis/trans of each DOUBLE-typed query bond from the `/` `\` marks of the bonds around it, as for SMILES.
    func assignDoubleBondStereo(_ builder: inout GraphBuilder, _ neighbourBonds: [[Int32]]) {
        guard builder.bondDirection.contains(where: { $0 != 0 }) else { return }
        for i in builder.bonds.indices where builder.bonds[i].isDoubleType {
            let b = builder.bonds[i]
            guard let (atomA, sideA) = markedNeighbour(builder, of: b.begin, excluding: b.end, neighbourBonds),
                let (atomB, sideB) = markedNeighbour(builder, of: b.end, excluding: b.begin, neighbourBonds)
            else { continue }
            builder.bonds[i].stereo = sideA == sideB ? .cis : .trans
            builder.bonds[i].stereoAtoms = (atomA, atomB)
        }
    }

    /// The first neighbour (in bond order) joined to `center` by a marked bond, with its side; nil when there
    /// is none or the marks contradict each other.
    func markedNeighbour(_ builder: GraphBuilder, of center: Int32, excluding partner: Int32, _ neighbourBonds: [[Int32]]) -> (Int32, Int)? {
        var first: (Int32, Int)?
        var sides = 0
        for nb in neighbourBonds[Int(center)] {
            let direction = builder.bondDirection[Int(nb)]
            guard direction != 0 else { continue }
            let bond = builder.bonds[Int(nb)]
            let other = bond.begin == center ? bond.end : bond.begin
            if other == partner { continue }
            let writtenFirst = builder.bondWrittenFromBegin[Int(nb)] ? bond.begin : bond.end
            let side = writtenFirst == center ? Int(direction) : -Int(direction)
            if first == nil { first = (other, side) }
            if sides & (side > 0 ? 1 : 2) != 0 { return nil }
            sides |= side > 0 ? 1 : 2
        }
        return first
    }

    /// Converts each written `@`/`@@` from the SMARTS neighbour order to the reference order of `Chirality`
    /// (a hydrogen count of one from an `H` primitive counts as the first neighbour, as in SMILES).
    func convertChirality(_ builder: inout GraphBuilder, _ neighbourBonds: [[Int32]]) {
        for atom in builder.atoms.indices where builder.atoms[atom].chirality.isTetrahedral {
            var entries: [(sequence: UInt32, id: Int32)] = []
            for nb in neighbourBonds[atom] {
                let bond = builder.bonds[Int(nb)]
                let sequence = bond.begin == Int32(atom) ? builder.bondSequenceAtBegin[Int(nb)] : builder.bondSequenceAtEnd[Int(nb)]
                entries.append((sequence, bond.begin == Int32(atom) ? bond.end : bond.begin))
            }
            let hydrogens = max(0, builder.hydrogenSpec[atom])
            for _ in 0..<hydrogens {
                entries.append((builder.atomSequence[atom], ChiralityPermutation.implicitHydrogen))
            }
            entries.sort { $0.sequence < $1.sequence }
            var written = entries.map(\.id)
            var reference: [Int32] = []
            if hydrogens == 1 { reference.append(ChiralityPermutation.implicitHydrogen) }
            for nb in neighbourBonds[atom] {
                let bond = builder.bonds[Int(nb)]
                reference.append(bond.begin == Int32(atom) ? bond.end : bond.begin)
            }
            if written.count == 3 {
                written.append(ChiralityPermutation.lonePair)
                reference.append(ChiralityPermutation.lonePair)
            }
            if let converted = ChiralityPermutation.convert(builder.atoms[atom].chirality, from: written, to: reference) {
                builder.atoms[atom].chirality = converted
                builder.atoms[atom].referenceHasHydrogen = hydrogens == 1
            }
            // Otherwise (fewer than three neighbours) the mark is kept as written: the matcher then only asks
            // for a chiral target atom, as RDKit does, and has no parity to compare.
        }
    }
}
