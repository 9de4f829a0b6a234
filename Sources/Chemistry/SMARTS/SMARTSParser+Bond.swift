extension SMARTSParser {
    /// Whether `c` can start a bond primitive.
    func isBondStart(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "-"), UInt8(ascii: "="), UInt8(ascii: "#"), UInt8(ascii: ":"), UInt8(ascii: "~"),
            UInt8(ascii: "$"), UInt8(ascii: "/"), UInt8(ascii: "\\"), UInt8(ascii: "@"), UInt8(ascii: "!"),
            UInt8(ascii: "<"):
            return true
        default:
            return false
        }
    }

    /// A bond expression if one starts at the position, else nil.
    mutating func parseBondIfPresent(depth: Int) throws(SMARTSError) -> ParsedBond? {
        guard position < end, isBondStart(peek()) else { return nil }
        return try parseBondExpression()
    }

    /// bond_expr ::= bond_expr ';' bond_expr | bond_expr ',' bond_expr | bond_expr '&' bond_expr | bond_query
    /// bond_query ::= bondd | bond_query bondd
    /// (Precedence as for atoms: juxtaposition, then '&', then ',', then ';'.)
    mutating func parseBondExpression() throws(SMARTSError) -> ParsedBond {
        let offset = position
        var info = BondFirst()
        var orOperands = [try parseBondOr(&info)]
        while peek() == UInt8(ascii: ";") {
            let op = position
            position += 1
            guard isBondStart(peek()) else { throw bondMissingOperand(after: op) }
            orOperands.append(try parseBondOr(&info))
        }
        return ParsedBond(
            expression: .combine(.and, orOperands), isDoubleType: info.isDouble, reversedDative: info.reversedDative,
            direction: info.direction, offset: offset)
    }

    /// What RDKit keeps from the first primitive of a bond expression: its bond type and direction.
    struct BondFirst {
        var seen = false
        var isDouble = false
        var reversedDative = false
        var direction: Int8 = 0
    }

    mutating func parseBondOr(_ info: inout BondFirst) throws(SMARTSError) -> BondExpression {
        var operands = [try parseBondAnd(&info)]
        while peek() == UInt8(ascii: ",") {
            let op = position
            position += 1
            guard isBondStart(peek()) else { throw bondMissingOperand(after: op) }
            operands.append(try parseBondAnd(&info))
        }
        return .combine(.or, operands)
    }

    mutating func parseBondAnd(_ info: inout BondFirst) throws(SMARTSError) -> BondExpression {
        var operands = [try parseBondSequence(&info)]
        while peek() == UInt8(ascii: "&") {
            let op = position
            position += 1
            guard isBondStart(peek()) else { throw bondMissingOperand(after: op) }
            operands.append(try parseBondSequence(&info))
        }
        return .combine(.and, operands)
    }

    /// bond_query ::= bondd+
    mutating func parseBondSequence(_ info: inout BondFirst) throws(SMARTSError) -> BondExpression {
        var operands = [try parseBondUnary(&info)]
        while isBondStart(peek()) {
            operands.append(try parseBondUnary(&info))
        }
        return .combine(.and, operands)
    }

    /// bondd ::= '!' bondd | '-' | '=' | '#' | ':' | '~' | '$' | '/' | '\' | '\\' | '@' | '->' | '<-'
    mutating func parseBondUnary(_ info: inout BondFirst) throws(SMARTSError) -> BondExpression {
        var negations = 0
        let first = position
        while peek() == UInt8(ascii: "!") {
            negations += 1
            position += 1
        }
        guard isBondStart(peek()), peek() != UInt8(ascii: "!") else {
            throw error(.missingOperand, "'!' in a bond must be followed by a bond primitive", at: first)
        }
        let offset = position
        let c = peek()
        position += 1
        var node: BondNode
        var direction: Int8 = 0
        var isDouble = false
        var reversedDative = false
        switch c {
        case UInt8(ascii: "-"):
            if peek() == UInt8(ascii: ">") {
                position += 1
                node = BondNode(.dative, donorIsBegin: true)
            } else {
                node = BondNode(.single)
            }
        case UInt8(ascii: "<"):
            guard peek() == UInt8(ascii: "-") else {
                throw error(.unexpectedCharacter, "'<' must be followed by '-' to make a dative bond '<-'", at: offset)
            }
            position += 1
            node = BondNode(.dative, donorIsBegin: false)
            reversedDative = true
        case UInt8(ascii: "="):
            node = BondNode(.double)
            isDouble = true
        case UInt8(ascii: "#"): node = BondNode(.triple)
        case UInt8(ascii: ":"): node = BondNode(.aromatic)
        case UInt8(ascii: "~"): node = BondNode(.always)
        case UInt8(ascii: "$"): node = BondNode(.quadruple)
        case UInt8(ascii: "/"):
            // A direction mark is RDKit's single-typed bond, which matches single or aromatic bonds.
            node = BondNode(.singleOrAromatic)
            direction = 1
        case UInt8(ascii: "\\"):
            // RDKit's lexer reads '\\' (two backslashes) as one '\'.
            if peek() == UInt8(ascii: "\\") { position += 1 }
            node = BondNode(.singleOrAromatic)
            direction = -1
        default:  // '@'
            node = BondNode(.ring)
        }
        if !info.seen {
            info.seen = true
            info.isDouble = isDouble
            info.reversedDative = reversedDative
            info.direction = direction
        }
        if negations % 2 == 1 { node.negated = true }
        return BondExpression(node)
    }

    func bondMissingOperand(after offset: Int) -> SMARTSError {
        error(.missingOperand, "\(describe(text[offset])) in a bond must be followed by a bond primitive", at: offset)
    }
}
