/// The V3000 (extended) connection table: `M  V30` lines, `-` continuations, `BEGIN`/`END` blocks, atoms and bonds
/// as whitespace-separated tokens with `KEY=value` properties.
extension MolfileParser {
    /// One logical V3000 line (continuations joined) and the file line it started on.
    struct V3000Line {
        var text: String
        var line: Int

        /// The tokens, splitting at spaces outside quotes and parentheses; quotes are removed.
        var tokens: [Substring] {
            var result: [Substring] = []
            var start: String.Index?
            var depth = 0
            var quoted = false
            var i = text.startIndex
            while i < text.endIndex {
                let c = text[i]
                if c == " " || c == "\t", depth == 0, !quoted {
                    if let s = start { result.append(text[s..<i]) }
                    start = nil
                } else {
                    if start == nil { start = i }
                    if c == "\"" { quoted.toggle() }
                    if !quoted && c == "(" { depth += 1 }
                    if !quoted && c == ")" && depth > 0 { depth -= 1 }
                }
                i = text.index(after: i)
            }
            if let s = start { result.append(text[s...]) }
            return result.map { t in
                t.count >= 2 && t.first == "\"" && t.last == "\"" ? t.dropFirst().dropLast() : t
            }
        }

        /// True when the line starts with `keyword` (compared without case).
        func starts(with keyword: String) -> Bool {
            text.uppercased().hasPrefix(keyword)
        }
    }

    /// Reads the next `M  V30` logical line.
    mutating func nextV3000Line(_ expecting: String) throws(MolfileError) -> V3000Line {
        try nextLine(expecting)
        let first = index
        var joined = ""
        while true {
            guard text.hasPrefix(index, "M  V30") else {
                throw error(.badV3000, "expected an 'M  V30' line (\(expecting)), found \(text.quoted(index))")
            }
            var content = text.string(index, from: 7, to: text.length(index))
            // Trailing spaces before the continuation mark are part of neither line.
            while content.hasSuffix(" ") { content.removeLast() }
            if content.hasSuffix("-") {
                content.removeLast()
                joined += content
                try nextLine("the continuation of a V3000 line")
                continue
            }
            joined += content
            break
        }
        return V3000Line(text: joined.trimmingSpaces(), line: text.lineNumber(first))
    }

    mutating func parseV3000() throws(MolfileError) {
        var line = try nextV3000Line("BEGIN CTAB")
        guard line.starts(with: "BEGIN CTAB") else {
            throw error(.badV3000, "expected 'BEGIN CTAB', found \(quotedForMessage(line.text))")
        }
        line = try nextV3000Line("the COUNTS line")
        let counts = line.tokens
        guard counts.count >= 3, counts[0].uppercased() == "COUNTS", let atomCount = Int(counts[1]), let bondCount = Int(counts[2]),
            atomCount >= 0, bondCount >= 0
        else {
            throw error(.badCountsLine, "cannot read the V3000 COUNTS line \(quotedForMessage(line.text))")
        }
        var atomIDs: [Int: Int] = [:]
        line = try nextV3000Line("BEGIN ATOM")
        if line.starts(with: "BEGIN ATOM") {
            var n = 0
            while true {
                line = try nextV3000Line("END ATOM")
                if line.starts(with: "END ATOM") { break }
                n += 1
                try parseV3000Atom(line, number: n, ids: &atomIDs)
            }
            line = try nextV3000Line("END CTAB")
        }
        guard result.atoms.count == atomCount else {
            throw error(.badV3000, "COUNTS announces \(atomCount) atoms but the atom block has \(result.atoms.count)")
        }
        if line.starts(with: "BEGIN BOND") {
            var n = 0
            while true {
                line = try nextV3000Line("END BOND")
                if line.starts(with: "END BOND") { break }
                n += 1
                try parseV3000Bond(line, number: n, ids: atomIDs)
            }
            line = try nextV3000Line("END CTAB")
        }
        guard result.bonds.count == bondCount else {
            throw error(.badV3000, "COUNTS announces \(bondCount) bonds but the bond block has \(result.bonds.count)")
        }
        while !line.starts(with: "END CTAB") {
            if line.starts(with: "BEGIN ") {
                let block = String(line.text.dropFirst(6)).trimmingSpaces()
                warn(.ignoredBlock, "V3000 block \(quotedForMessage(block)) is not kept", at: index)
                let end = "END " + block.split(separator: " ").first.map(String.init).map { $0.uppercased() }.orEmpty
                repeat {
                    line = try nextV3000Line(quotedForMessage(end))
                } while !line.starts(with: end)
            } else if line.starts(with: "LINKNODE") {
                warn(.queryFeature, "link node \(quotedForMessage(line.text)) is not kept", at: index)
            } else {
                warn(.unrecognizedLine, "V3000 line \(quotedForMessage(line.text)) skipped", at: index)
            }
            line = try nextV3000Line("END CTAB")
        }
        // The molfile ends with M  END after the CTAB (a few writers leave it out at the end of a record).
        index += 1
        if index < text.count && text.hasPrefix(index, "M  END") {
            result.endIndex = index + 1
        } else {
            throw MolfileError(.missingEnd, "the V3000 connection table has no 'M  END' line", line: text.lineNumber(min(index, text.count)))
        }
    }

    private mutating func parseV3000Atom(_ line: V3000Line, number: Int, ids: inout [Int: Int]) throws(MolfileError) {
        let tokens = line.tokens
        guard tokens.count >= 6, let id = Int(tokens[0]) else {
            throw error(.badAtomLine, "V3000 atom \(number): expected 'index type x y z aamap', found \(quotedForMessage(line.text))")
        }
        guard ids[id] == nil else {
            throw error(.badV3000, "V3000 atom index \(id) is used twice")
        }
        let type = tokens[1]
        if type.hasPrefix("[") || type.uppercased().hasPrefix("NOT") {
            throw error(.atomListUnsupported, "V3000 atom \(number) is an atom list \(quotedForMessage(type)), a query that is not a molecule")
        }
        var atom = try atom(forSymbol: Array(type.utf8), number: number, line: index)
        guard let x = Double(tokens[2]), let y = Double(tokens[3]), let z = Double(tokens[4]), x.isFinite, y.isFinite,
            z.isFinite
        else {
            throw error(.badAtomLine, "V3000 atom \(number): cannot read coordinates \(quotedForMessage("\(tokens[2]) \(tokens[3]) \(tokens[4])"))")
        }
        guard let map = Int(tokens[5]), map >= 0 else {
            throw error(.badAtomLine, "V3000 atom \(number): cannot read the mapping number \(quotedForMessage(tokens[5]))")
        }
        if map > 0 && map <= Int(UInt32.max) { atom.mapNumber = UInt32(map) }
        var parity: UInt8 = 0
        var valence: Int16 = 0
        for token in tokens.dropFirst(6) {
            guard let equals = token.firstIndex(of: "=") else {
                throw error(.badAtomLine, "V3000 atom \(number): property \(quotedForMessage(token)) is not KEY=value")
            }
            let key = token[..<equals].uppercased()
            let value = token[token.index(after: equals)...]
            func integer() throws(MolfileError) -> Int {
                guard let v = Int(value) else {
                    throw error(.badAtomLine, "V3000 atom \(number): \(key)=\(value) is not a number")
                }
                return v
            }
            switch key {
            case "CHG":
                let charge = try integer()
                guard charge >= -15 && charge <= 15 else {
                    throw error(.badAtomLine, "V3000 atom \(number): charge \(charge) is out of range")
                }
                atom.formalCharge = Int8(charge)
            case "RAD":
                switch try integer() {
                case 0: atom.radicalElectrons = 0
                case 1, 3: atom.radicalElectrons = 2
                case 2: atom.radicalElectrons = 1
                default: throw error(.badAtomLine, "V3000 atom \(number): RAD=\(value) is not one of 0-3")
                }
            case "MASS":
                // The format says "absolute atomic weight"; writers put the mass number, some with decimals.
                guard let mass = Double(value), mass >= 0, mass < 65536 else {
                    throw error(.badAtomLine, "V3000 atom \(number): MASS=\(value) is not a mass number")
                }
                atom.isotope = UInt16(mass.rounded(.down))
            case "CFG":
                let cfg = try integer()
                guard cfg >= 0 && cfg <= 3 else { throw error(.badAtomLine, "V3000 atom \(number): CFG=\(value) is not one of 0-3") }
                parity = UInt8(cfg)
            case "VAL":
                let v = try integer()
                guard v >= -1 && v <= 14 else { throw error(.badAtomLine, "V3000 atom \(number): VAL=\(value) is out of range") }
                valence = Int16(v)
            case "HCOUNT", "UNSAT", "RBCNT", "SUBST":
                if value != "0" {
                    warn(.queryFeature, "V3000 atom \(number): query property \(key)=\(value) is not kept", at: index)
                }
            case "RGROUPS":
                atom = Atom(atomicNumber: 0, noImplicit: true)
                warn(.queryFeature, "V3000 atom \(number): R-group \(value) read as a dummy atom (*)", at: index)
            case "ATTCHPT", "ATTCHORD", "CLASS", "SEQID", "STBOX", "INVRET", "EXACHG":
                break
            default:
                warn(.unrecognizedLine, "V3000 atom \(number): unknown property \(key) ignored", at: index)
            }
        }
        ids[id] = result.atoms.count
        result.appendAtom(atom, at: SIMD3(x, y, z), line: line.line, parity: parity, valence: valence)
    }

    private mutating func parseV3000Bond(_ line: V3000Line, number: Int, ids: [Int: Int]) throws(MolfileError) {
        let tokens = line.tokens
        guard tokens.count >= 4, Int(tokens[0]) != nil, let type = Int(tokens[1]), let firstID = Int(tokens[2]),
            let secondID = Int(tokens[3])
        else {
            throw error(.badBondLine, "V3000 bond \(number): expected 'index type atom1 atom2', found \(quotedForMessage(line.text))")
        }
        guard let first = ids[firstID], let second = ids[secondID] else {
            let missing = ids[firstID] == nil ? firstID : secondID
            throw error(.bondAtomOutOfRange, "V3000 bond \(number) names atom index \(missing), which the atom block does not define")
        }
        let order = try bondOrder(forType: type, number: number)
        var mark = BondStereoMark.none
        for token in tokens.dropFirst(4) {
            guard let equals = token.firstIndex(of: "=") else {
                throw error(.badBondLine, "V3000 bond \(number): property \(quotedForMessage(token)) is not KEY=value")
            }
            let key = token[..<equals].uppercased()
            let value = token[token.index(after: equals)...]
            switch key {
            case "CFG":
                switch Int(value) {
                case 0: mark = .none
                case 1: mark = order == .single ? .wedge : .none
                case 2: mark = order == .double ? .crossed : .wavy
                case 3: mark = order == .single ? .hash : .none
                default: throw error(.badBondLine, "V3000 bond \(number): CFG=\(value) is not one of 0-3")
                }
            case "TOPO":
                if value != "0" { warn(.queryFeature, "V3000 bond \(number): topology query TOPO=\(value) is not kept", at: index) }
            case "ENDPTS", "ATTACH":
                warn(.ignoredBlock, "V3000 bond \(number): multi-centre attachment \(key)=\(value) is not kept", at: index)
            case "RXCTR", "STBOX", "DISP":
                break
            default:
                warn(.unrecognizedLine, "V3000 bond \(number): unknown property \(key) ignored", at: index)
            }
        }
        try appendBond(first: first + 1, second: second + 1, order: order, mark: mark, number: number)
    }
}

extension Optional where Wrapped == String {
    fileprivate var orEmpty: String { self ?? "" }
}
