/// The V2000 and V3000 connection-table text of a planned molecule.
extension MolfilePlan {
    /// Bond endpoints as written (1-based), honouring reversed bonds.
    private func endpoints(_ b: Int) -> (Int, Int) {
        let bond = molecule.bonds[b]
        let (x, y) = (Int(bond.begin) + 1, Int(bond.end) + 1)
        return reversed[b] ? (y, x) : (x, y)
    }

    /// The radical code of the format: 2 doublet (one electron), 3 triplet (two).
    private func radicalCode(_ a: Int) -> Int {
        switch molecule.atoms[a].radicalElectrons {
        case 0: return 0
        case 1: return 2
        default: return 3
        }
    }

    func writeV2000(into out: inout ByteText) {
        let m = molecule
        out.int(m.atomCount, width: 3)
        out.int(m.bondCount, width: 3)
        out.append("  0  0  0  0  0  0  0  0999 V2000\n")
        for a in 0..<m.atomCount {
            let c = coordinates[a]
            out.fixed(c.x, decimals: 4, width: 10)
            out.fixed(c.y, decimals: 4, width: 10)
            out.fixed(c.z, decimals: 4, width: 10)
            out.append(" ")
            let sym = symbol(a)
            out.append(sym)
            out.spaces(3 - sym.utf8.count)
            out.append(" 0  0")
            out.int(Int(parities[a]), width: 3)
            out.append("  0  0")
            out.int(valences[a], width: 3)
            out.append("  0  0  0")
            out.int(Int(min(m.atoms[a].mapNumber, 999)), width: 3)
            out.append("  0  0\n")
        }
        var zeroOrder: [(Int, Int)] = []
        for b in 0..<m.bondCount {
            let (x, y) = endpoints(b)
            let (code, zero) = bondType(b)
            if let zero { zeroOrder.append((b + 1, zero)) }
            out.int(x, width: 3)
            out.int(y, width: 3)
            out.int(code, width: 3)
            switch marks[b] {
            case .wedge: out.append("  1\n")
            case .hash: out.append("  6\n")
            case .wavy: out.append("  4\n")
            case .crossed: out.append("  3\n")
            case .none: out.append("  0\n")
            }
        }
        var charges: [(Int, Int)] = []
        var radicals: [(Int, Int)] = []
        var isotopes: [(Int, Int)] = []
        for a in 0..<m.atomCount {
            let atom = m.atoms[a]
            if atom.formalCharge != 0 { charges.append((a + 1, Int(atom.formalCharge))) }
            if atom.radicalElectrons != 0 { radicals.append((a + 1, radicalCode(a))) }
            if atom.isotope != 0 { isotopes.append((a + 1, Int(atom.isotope))) }
        }
        Self.propertyLines("CHG", charges, into: &out)
        Self.propertyLines("RAD", radicals, into: &out)
        Self.propertyLines("ISO", isotopes, into: &out)
        Self.propertyLines("ZBO", zeroOrder, into: &out)
        out.append("M  END\n")
    }

    /// `M  XXXnn8 aaa vvv …` lines, at most eight entries each.
    private static func propertyLines(_ tag: StaticString, _ entries: [(Int, Int)], into out: inout ByteText) {
        var start = 0
        while start < entries.count {
            let chunk = entries[start..<min(start + 8, entries.count)]
            out.append("M  ")
            out.append(tag)
            out.int(chunk.count, width: 3)
            for (atom, value) in chunk {
                out.int(atom, width: 4)
                out.int(value, width: 4)
            }
            out.append("\n")
            start += 8
        }
    }

    func writeV3000(into out: inout ByteText) {
        let m = molecule
        out.append("  0  0  0     0  0            999 V3000\n")
        out.append("M  V30 BEGIN CTAB\n")
        Self.v3000Line("COUNTS \(m.atomCount) \(m.bondCount) 0 0 0", into: &out)
        out.append("M  V30 BEGIN ATOM\n")
        for a in 0..<m.atomCount {
            let atom = m.atoms[a]
            let c = coordinates[a]
            var line = ByteText()
            line.int(a + 1)
            line.append(" ")
            line.append(symbol(a))
            line.append(" ")
            line.fixed(c.x, decimals: 4)
            line.append(" ")
            line.fixed(c.y, decimals: 4)
            line.append(" ")
            line.fixed(c.z, decimals: 4)
            line.append(" ")
            line.int(Int(atom.mapNumber))
            if atom.formalCharge != 0 { line.append(" CHG="); line.int(Int(atom.formalCharge)) }
            if atom.radicalElectrons != 0 { line.append(" RAD="); line.int(radicalCode(a)) }
            if atom.isotope != 0 { line.append(" MASS="); line.int(Int(atom.isotope)) }
            if parities[a] != 0 { line.append(" CFG="); line.int(Int(parities[a])) }
            if valences[a] != 0 { line.append(" VAL="); line.int(valences[a] == 15 ? -1 : valences[a]) }
            Self.v3000Line(line.string, into: &out)
        }
        out.append("M  V30 END ATOM\n")
        if m.bondCount > 0 {
            out.append("M  V30 BEGIN BOND\n")
            for b in 0..<m.bondCount {
                let (x, y) = endpoints(b)
                var line = ByteText()
                line.int(b + 1)
                line.append(" ")
                line.int(bondType(b).code)
                line.append(" ")
                line.int(x)
                line.append(" ")
                line.int(y)
                switch marks[b] {
                case .wedge: line.append(" CFG=1")
                case .hash: line.append(" CFG=3")
                case .wavy, .crossed: line.append(" CFG=2")
                case .none: break
                }
                Self.v3000Line(line.string, into: &out)
            }
            out.append("M  V30 END BOND\n")
        }
        out.append("M  V30 END CTAB\n")
        out.append("M  END\n")
    }

    /// One logical V3000 line, split into 80-column physical lines with `-` continuations.
    private static func v3000Line(_ content: String, into out: inout ByteText) {
        var rest = Substring(content)
        while rest.utf8.count > 72 {
            out.append("M  V30 ")
            out.append(String(rest.prefix(72)))
            out.append("-\n")
            rest = rest.dropFirst(72)
        }
        out.append("M  V30 ")
        out.append(String(rest))
        out.append("\n")
    }
}
