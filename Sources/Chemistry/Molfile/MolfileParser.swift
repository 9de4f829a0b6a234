/// A connection table as the file states it, before hydrogens are removed, perception runs and stereo is read
/// from the geometry: the stage at which every position in the file is still known for error messages.
struct ParsedMolfile {
    var name = ""
    var headerSays3D = false
    var atoms: [Atom] = []
    var coordinates: [SIMD3<Double>] = []
    /// File line number of each atom's line.
    var atomLines: [Int] = []
    /// Atom parity field (0 none, 1 odd, 2 even, 3 either).
    var parities: [UInt8] = []
    /// Valence field: 0 unset, -1 zero valence, otherwise the atom's total valence (bonds plus hydrogens).
    var valences: [Int16] = []
    /// Atoms whose hydrogen count an `M  HYD` line fixed.
    var fixedHydrogenCount: [Bool] = []
    var bonds: [Bond] = []
    var bondLines: [Int] = []
    var bondMarks: [BondStereoMark] = []
    var warnings: [MolfileWarning] = []
    /// Index (within the record) of the first line after `M  END`.
    var endIndex = 0

    mutating func appendAtom(_ atom: Atom, at position: SIMD3<Double>, line: Int, parity: UInt8, valence: Int16) {
        atoms.append(atom)
        coordinates.append(position)
        atomLines.append(line)
        parities.append(parity)
        valences.append(valence)
        fixedHydrogenCount.append(false)
    }
}

/// Reads the connection table of one molfile (V2000 or V3000) out of a `RecordText`. It checks everything it
/// reads and reports the first problem as a `MolfileError` carrying the file line number.
struct MolfileParser {
    let text: RecordText
    var result = ParsedMolfile()
    /// Index of the line being read.
    var index = 0
    /// Bonds already seen, as `min << 32 | max` atom-index keys.
    private var bondKeys = Set<UInt64>()

    init(text: RecordText) {
        self.text = text
    }

    func error(_ code: MolfileError.Code, _ message: String, at line: Int? = nil) -> MolfileError {
        MolfileError(code, message, line: text.lineNumber(line ?? index))
    }

    mutating func warn(_ code: MolfileWarning.Code, _ message: String, at line: Int? = nil) {
        result.warnings.append(MolfileWarning(code, message, line: text.lineNumber(line ?? index)))
    }

    /// Moves to the next line, failing when the record has no more.
    mutating func nextLine(_ expecting: String) throws(MolfileError) {
        index += 1
        guard index < text.count else {
            throw MolfileError(.unexpectedEnd, "the record ended before \(expecting)", line: text.lineNumber(text.count))
        }
    }

    // MARK: - Header and counts

    mutating func parse() throws(MolfileError) -> ParsedMolfile {
        guard text.count >= 4 else {
            throw MolfileError(
                .unexpectedEnd, "a molfile needs a three-line header and a counts line; the record has \(text.count) lines",
                line: text.lineNumber(text.count))
        }
        result.name = text.string(0).trimmingSpaces()
        // Line 2 columns 21-22 hold the dimension code.
        result.headerSays3D = text.byte(1, 20) == 0x33 && text.byte(1, 21) == 0x44
        index = 3
        let counts = 3
        guard let atomCount = text.integer(counts, from: 0, to: 3), let bondCount = text.integer(counts, from: 3, to: 6),
            atomCount >= 0, bondCount >= 0
        else {
            throw error(.badCountsLine, "the counts line must start with the atom and bond counts: \(text.quoted(counts))")
        }
        switch version(ofCountsLine: counts) {
        case .v3000:
            try parseV3000()
        case .v2000:
            try parseV2000(atomCount: atomCount, bondCount: bondCount)
        case .unknown(let v):
            throw error(.badCountsLine, "unsupported molfile version \(quotedForMessage(v)) (V2000 and V3000 are read)")
        }
        return result
    }

    private enum Version { case v2000, v3000, unknown(String) }

    /// The version stamp near column 35 of the counts line; a missing stamp means V2000, as in old files.
    private func version(ofCountsLine line: Int) -> Version {
        let length = text.length(line)
        guard length > 33 else { return .v2000 }
        let stamp = text.string(line, from: 33, to: length).trimmingSpaces()
        if stamp.isEmpty || stamp.uppercased() == "V2000" { return .v2000 }
        if stamp.uppercased() == "V3000" { return .v3000 }
        return .unknown(stamp)
    }

    // MARK: - V2000 blocks

    private mutating func parseV2000(atomCount: Int, bondCount: Int) throws(MolfileError) {
        result.atoms.reserveCapacity(atomCount)
        result.coordinates.reserveCapacity(atomCount)
        for n in 1...max(atomCount, 1) where atomCount > 0 {
            try nextLine("atom \(n) of \(atomCount)")
            try parseV2000AtomLine(number: n)
        }
        result.bonds.reserveCapacity(bondCount)
        for n in 1...max(bondCount, 1) where bondCount > 0 {
            try nextLine("bond \(n) of \(bondCount)")
            try parseV2000BondLine(number: n)
        }
        try parseV2000Properties()
    }

    private mutating func parseV2000AtomLine(number: Int) throws(MolfileError) {
        let line = index
        guard text.length(line) >= 32 else {
            throw error(.badAtomLine, "atom \(number): the atom line is too short (\(text.length(line)) characters; V2000 atom lines have fixed columns, x y z in 1-30 and the symbol in 32-34): \(text.quoted(line))")
        }
        guard let x = text.decimal(line, from: 0, to: 10), let y = text.decimal(line, from: 10, to: 20),
            let z = text.decimal(line, from: 20, to: 30)
        else {
            throw error(.badAtomLine, "atom \(number): cannot read the coordinates (columns 1-30, 10 each) in \(text.quoted(line, from: 0, to: 30))")
        }
        var symbol: [UInt8] = []
        for c in 31..<34 {
            let b = text.byte(line, c)
            if b != 0x20 { symbol.append(b) }
        }
        var atom = try atom(forSymbol: symbol, number: number, line: line)
        func field(_ from: Int, _ to: Int, _ what: String) throws(MolfileError) -> Int {
            guard let v = text.integer(line, from: from, to: to) else {
                throw error(.badAtomLine, "atom \(number): cannot read the \(what) field \(text.quoted(line, from: from, to: to))")
            }
            return v
        }
        let massDifference = try field(34, 36, "mass difference")
        if massDifference != 0 && atom.atomicNumber > 0 {
            let isotope = ElementTable.mostCommonIsotope(Int(atom.atomicNumber)) + massDifference
            if isotope > 0 && isotope <= Int(UInt16.max) { atom.isotope = UInt16(isotope) }
        }
        switch try field(36, 39, "charge") {
        case 0: break
        case let code where code >= 1 && code <= 3: atom.formalCharge = Int8(4 - code)
        case 4:
            warn(.nonstandardField, "atom \(number): charge code 4 (doublet radical) is ignored, as RDKit does; use M  RAD")
        case let code where code >= 5 && code <= 7: atom.formalCharge = Int8(4 - code)
        case let code:
            throw error(.badAtomLine, "atom \(number): charge code \(code) is not one of 0-7")
        }
        let parity = try field(39, 42, "stereo parity")
        guard parity >= 0 && parity <= 3 else {
            throw error(.badAtomLine, "atom \(number): stereo parity \(parity) is not one of 0-3")
        }
        let hydrogenQuery = try field(42, 45, "hydrogen count")
        if hydrogenQuery >= 1 {
            atom.noImplicit = true
            warn(.queryFeature, "atom \(number): hydrogen count query H\(hydrogenQuery - 1) read as RDKit does: no implicit hydrogens")
        }
        let valence = try field(48, 51, "valence")
        guard valence >= 0 && valence <= 15 else {
            throw error(.badAtomLine, "atom \(number): valence \(valence) is not one of 0-15")
        }
        let mapNumber = try field(60, 63, "atom-atom mapping")
        if mapNumber > 0 { atom.mapNumber = UInt32(mapNumber) }
        result.appendAtom(
            atom, at: SIMD3(x, y, z), line: text.lineNumber(line), parity: UInt8(parity),
            valence: valence == 15 ? -1 : Int16(valence))
    }

    private mutating func parseV2000BondLine(number: Int) throws(MolfileError) {
        let line = index
        guard text.length(line) >= 9 else {
            throw error(.badBondLine, "bond \(number): the bond line is too short (\(text.length(line)) characters; V2000 bond lines have fixed columns, two atom numbers and the type in 1-9): \(text.quoted(line))")
        }
        guard let first = text.integer(line, from: 0, to: 3), let second = text.integer(line, from: 3, to: 6),
            let type = text.integer(line, from: 6, to: 9)
        else {
            throw error(.badBondLine, "bond \(number): cannot read atoms and type in \(text.quoted(line, from: 0, to: 9))")
        }
        let order = try bondOrder(forType: type, number: number)
        let stereo = text.integer(line, from: 9, to: 12) ?? 0
        var mark = BondStereoMark.none
        switch stereo {
        case 1: mark = order == .single ? .wedge : .none
        case 6: mark = order == .single ? .hash : .none
        case 4: mark = .wavy
        case 3: mark = order == .double ? .crossed : .none
        default: break
        }
        if (stereo == 1 || stereo == 6) && order != .single {
            warn(.ambiguousStereo, "bond \(number): a wedge or hash on a bond of type \(type) is ignored")
        }
        let topology = text.integer(line, from: 15, to: 18) ?? 0
        if topology != 0 {
            warn(.queryFeature, "bond \(number): ring/chain topology query \(topology) is not kept")
        }
        try appendBond(first: first, second: second, order: order, mark: mark, number: number)
    }

    /// The bond order for a molfile bond type (V2000 and V3000 share the codes).
    mutating func bondOrder(forType type: Int, number: Int) throws(MolfileError) -> BondOrder {
        switch type {
        case 1: return .single
        case 2: return .double
        case 3: return .triple
        case 4: return .aromatic
        case 9: return .dative
        case 0:
            warn(.nonstandardField, "bond \(number): bond type 0 is not part of the format; read as an unspecified bond")
            return .unspecified
        case 5, 6, 7, 8:
            let names = [5: "single or double", 6: "single or aromatic", 7: "double or aromatic", 8: "any"]
            warn(.queryFeature, "bond \(number): query bond type \(type) (\(names[type] ?? "")) read as an unspecified bond")
            return .unspecified
        case 10:
            warn(.nonstandardField, "bond \(number): hydrogen bond (type 10) read as a zero-order bond")
            return .zero
        default:
            throw error(.badBondLine, "bond \(number): unknown bond type \(type)")
        }
    }

    /// Checks a bond's atom numbers (1-based) and records it.
    mutating func appendBond(first: Int, second: Int, order: BondOrder, mark: BondStereoMark, number: Int) throws(MolfileError) {
        let n = result.atoms.count
        guard first >= 1, second >= 1, first <= n, second <= n else {
            throw error(.bondAtomOutOfRange, "bond \(number) joins atoms \(first) and \(second), but there are \(n) atoms")
        }
        guard first != second else {
            throw error(.selfBond, "bond \(number) joins atom \(first) to itself")
        }
        let a = UInt64(min(first, second) - 1), b = UInt64(max(first, second) - 1)
        guard bondKeys.insert(a << 32 | b).inserted else {
            throw error(.duplicateBond, "bond \(number) joins atoms \(first) and \(second), which are already bonded")
        }
        result.bonds.append(Bond(begin: Int32(first - 1), end: Int32(second - 1), order: order))
        result.bondLines.append(text.lineNumber(index))
        result.bondMarks.append(mark)
    }

    // MARK: - Atom symbols

    private static let queryAtomNames: Set<String> = ["A", "AH", "Q", "QH", "X", "XH", "M", "MH", "*", "LP", "Pol", "Mod"]

    /// The atom an atom-block symbol stands for. Query and pseudo atoms become dummy atoms (atomic number 0,
    /// no implicit hydrogens) with a warning; atom lists and unknown symbols are errors.
    mutating func atom(forSymbol raw: [UInt8], number: Int, line: Int) throws(MolfileError) -> Atom {
        var symbol = raw
        // Some writers capitalise both letters ("CL"); the format means the element.
        if symbol.count == 2, symbol[1] >= 65, symbol[1] <= 90 { symbol[1] += 32 }
        if symbol.count == 1 || symbol.count == 2,
            let z = ElementTable.atomicNumber(ascii: symbol[0], symbol.count == 2 ? symbol[1] : nil)
        {
            return Atom(atomicNumber: UInt8(z))
        }
        let name = String(decoding: raw, as: UTF8.self)
        switch name {
        case "D": return Atom(atomicNumber: 1, isotope: 2)
        case "T": return Atom(atomicNumber: 1, isotope: 3)
        case "L":
            throw error(.atomListUnsupported, "atom \(number) is an atom list ('L'), a query that is not a molecule", at: line)
        default: break
        }
        let isRGroup = name == "R" || name == "R#" || (name.hasPrefix("R") && name.dropFirst().allSatisfy(\.isNumber) && name.count <= 3)
        guard Self.queryAtomNames.contains(name) || isRGroup else {
            throw error(
                .unknownElement, name.isEmpty ? "atom \(number) has no symbol" : "atom \(number) has unknown symbol \(quotedForMessage(name))",
                at: line)
        }
        warn(.queryFeature, "atom \(number): query or pseudo atom \(quotedForMessage(name)) read as a dummy atom (*)", at: line)
        return Atom(atomicNumber: 0, noImplicit: true)
    }

    // MARK: - V2000 properties block

    private mutating func parseV2000Properties() throws(MolfileError) {
        var chargesReset = false
        var sgroupsWarned = false
        var first = true
        while true {
            index += 1
            guard index < text.count else {
                throw MolfileError(.missingEnd, "the connection table has no 'M  END' line", line: text.lineNumber(text.count))
            }
            let line = index
            if text.isRecordSeparator(line) {
                throw error(.missingEnd, "the record ended ('$$$$') before 'M  END'")
            }
            if text.hasPrefix(line, "M  END") {
                result.endIndex = line + 1
                return
            }
            defer { first = false }
            if text.isBlank(line) {
                warn(.unrecognizedLine, "blank line inside the properties block skipped")
                continue
            }
            let lead = text.byte(line, 0)
            if first && lead != 0x4D && lead != 0x41 && lead != 0x56 && lead != 0x47 && lead != 0x53 {
                throw error(.atomListUnsupported, "an atom list block (old format) is a query, not a molecule")
            }
            switch lead {
            case 0x41:  // "A  nnn" alias; the alias text is on the next line
                let atomNumber = text.integer(line, from: 3, to: 6) ?? 0
                try nextLine("the alias text of atom \(atomNumber)")
                warn(.atomAlias, "atom \(atomNumber) has alias \(quotedForMessage(text.string(index).trimmingSpaces())); its atom-block element is used", at: line)
                continue
            case 0x56:  // "V  nnn value"
                warn(.atomValue, "atom value \(quotedForMessage(text.string(line).trimmingSpaces())) is not kept")
                continue
            case 0x47:  // "G  " group abbreviation, followed by the abbreviation text
                try nextLine("a group abbreviation's text")
                warn(.ignoredBlock, "group abbreviation ignored", at: line)
                continue
            default: break
            }
            if text.hasPrefix(line, "S  SKP") {
                let skip = text.integer(line, from: 6, to: 9) ?? 0
                guard skip >= 0 else { throw error(.badPropertyLine, "negative skip count \(skip)") }
                index += skip
                continue
            }
            guard text.hasPrefix(line, "M  ") else {
                warn(.unrecognizedLine, "line \(text.quoted(line)) is not a property line and was skipped")
                continue
            }
            let tag = text.string(line, from: 3, to: 6)
            switch tag {
            case "CHG", "RAD":
                if !chargesReset {
                    // The first CHG or RAD line supersedes every charge of the atom block.
                    for i in result.atoms.indices { result.atoms[i].formalCharge = 0 }
                    chargesReset = true
                }
                try parseAtomValueList(tag: tag) { (p: inout MolfileParser, atom: Int, value: Int) throws(MolfileError) in
                    if tag == "CHG" {
                        guard value >= -15 && value <= 15 else {
                            throw p.error(.badPropertyLine, "charge \(value) on atom \(atom + 1) is out of range")
                        }
                        p.result.atoms[atom].formalCharge = Int8(value)
                    } else {
                        switch value {
                        case 0: p.result.atoms[atom].radicalElectrons = 0
                        case 1, 3: p.result.atoms[atom].radicalElectrons = 2
                        case 2: p.result.atoms[atom].radicalElectrons = 1
                        default:
                            throw p.error(.badPropertyLine, "radical code \(value) on atom \(atom + 1) is not one of 0-3")
                        }
                    }
                }
            case "ISO":
                try parseAtomValueList(tag: tag) { (p: inout MolfileParser, atom: Int, value: Int) throws(MolfileError) in
                    guard value >= 0 && value <= Int(UInt16.max) else {
                        throw p.error(.badPropertyLine, "isotope \(value) on atom \(atom + 1) is out of range")
                    }
                    p.result.atoms[atom].isotope = UInt16(value)
                }
            case "ZCH":
                try parseAtomValueList(tag: tag) { (p: inout MolfileParser, atom: Int, value: Int) throws(MolfileError) in
                    guard value >= -15 && value <= 15 else {
                        throw p.error(.badPropertyLine, "charge \(value) on atom \(atom + 1) is out of range")
                    }
                    p.result.atoms[atom].formalCharge = Int8(value)
                }
            case "HYD":
                try parseAtomValueList(tag: tag) { (p: inout MolfileParser, atom: Int, value: Int) throws(MolfileError) in
                    guard value >= 0 && value <= 8 else {
                        throw p.error(.badPropertyLine, "hydrogen count \(value) on atom \(atom + 1) is out of range")
                    }
                    p.result.atoms[atom].explicitHydrogens = UInt8(value)
                    p.result.atoms[atom].noImplicit = true
                    p.result.fixedHydrogenCount[atom] = true
                }
            case "ZBO":
                try parseZeroOrderBonds()
            case "ALS":
                throw error(.atomListUnsupported, "atom lists (M  ALS) are queries, not molecules")
            case "RGP":
                try parseAtomValueList(tag: tag) { (p: inout MolfileParser, atom: Int, value: Int) throws(MolfileError) in
                    p.result.atoms[atom] = Atom(atomicNumber: 0, noImplicit: true)
                    p.warn(.queryFeature, "atom \(atom + 1) is R-group R\(value), read as a dummy atom (*)")
                }
            case "SUB", "UNS", "RBC":
                warn(.queryFeature, "query property M  \(tag) is not kept")
            case "STY", "SST", "SLB", "SCN", "SDS", "SAL", "SBL", "SPA", "SMT", "SDI", "CRS", "SBV", "SDT", "SDD", "SCD",
                "SED", "SPL", "SNC", "SAP", "SCL", "SBT":
                if !sgroupsWarned {
                    warn(.ignoredBlock, "S-groups (M  STY and related lines) are not kept; the atoms and bonds are read as drawn")
                    sgroupsWarned = true
                }
            case "APO", "LIN", "MRV", "PXA", "AAL", "LOG", "REG", "_AL":
                warn(.ignoredBlock, "property line M  \(tag) is not kept")
            default:
                warn(.unrecognizedLine, "unknown property line \(text.quoted(line)) skipped")
            }
        }
    }

    /// Reads `M  XXXnn8 aaa vvv aaa vvv …` lines: a count, then pairs of 4-column fields (atom, value).
    private mutating func parseAtomValueList(
        tag: String, _ apply: (inout MolfileParser, Int, Int) throws(MolfileError) -> Void
    ) throws(MolfileError) {
        let line = index
        guard let count = text.integer(line, from: 6, to: 9), count >= 0, count <= 15 else {
            throw error(.badPropertyLine, "M  \(tag): cannot read the entry count in \(text.quoted(line))")
        }
        for entry in 0..<count {
            let start = 9 + 8 * entry
            guard text.length(line) >= start + 5 else {
                throw error(.badPropertyLine, "M  \(tag): the line has fewer than the \(count) entries it announces")
            }
            guard let atomNumber = text.integer(line, from: start, to: start + 4),
                let value = text.integer(line, from: start + 4, to: start + 8)
            else {
                throw error(.badPropertyLine, "M  \(tag): cannot read entry \(entry + 1) \(text.quoted(line, from: start, to: start + 8))")
            }
            guard atomNumber >= 1 && atomNumber <= result.atoms.count else {
                throw error(.badPropertyLine, "M  \(tag): atom \(atomNumber) does not exist (there are \(result.atoms.count) atoms)")
            }
            try apply(&self, atomNumber - 1, value)
        }
    }

    /// `M  ZBO` (zero-order bond proposal): sets bond orders, 0 meaning a zero-order bond.
    private mutating func parseZeroOrderBonds() throws(MolfileError) {
        let line = index
        guard let count = text.integer(line, from: 6, to: 9), count >= 0, count <= 15 else {
            throw error(.badPropertyLine, "M  ZBO: cannot read the entry count")
        }
        for entry in 0..<count {
            let start = 9 + 8 * entry
            guard let bondNumber = text.integer(line, from: start, to: start + 4),
                let order = text.integer(line, from: start + 4, to: start + 8),
                bondNumber >= 1, bondNumber <= result.bonds.count
            else {
                throw error(.badPropertyLine, "M  ZBO: entry \(entry + 1) names no bond")
            }
            switch order {
            case 0: result.bonds[bondNumber - 1].order = .zero
            case 1: result.bonds[bondNumber - 1].order = .single
            case 2: result.bonds[bondNumber - 1].order = .double
            case 3: result.bonds[bondNumber - 1].order = .triple
            case 4: result.bonds[bondNumber - 1].order = .quadruple
            default: throw error(.badPropertyLine, "M  ZBO: bond order \(order) is not one of 0-4")
            }
        }
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        let utf8 = self.utf8
        guard let first = utf8.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }),
            let last = utf8.lastIndex(where: { $0 != 0x20 && $0 != 0x09 })
        else { return "" }
        return String(self[first...last])
    }
}
