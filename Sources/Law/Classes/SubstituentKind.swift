import Chemistry

/// The chemical class of a substituent, in the words the fentanyl class definitions use ("alkyl, alkenyl,
/// alkoxyl, ester, ether, hydroxyl, halo, haloalkyl, amino, or nitro groups"), plus the classes a definition
/// leaves open (`cycloalkyl`, `composite`) and everything else (`other`, with a word for what it is).
public enum SubstituentKind: Sendable, Hashable {
    case alkyl, alkenyl, alkoxyl, ester, ether, hydroxyl, halo, haloalkyl, amino, nitro
    /// A saturated carbocycle: whether the law's "alkyl" includes it is not settled.
    case cycloalkyl
    /// Built only from listed classes (hydroxymethyl, aminoethyl...): whether the combination counts is not settled.
    case composite
    /// Not one of the listed classes (cyano, oxo, alkynyl, carboxyl, a ring...).
    case other(String)

    /// The class in words ("alkyl", "cyano").
    public var word: String {
        switch self {
        case .alkyl: return "alkyl"
        case .alkenyl: return "alkenyl"
        case .alkoxyl: return "alkoxyl"
        case .ester: return "ester"
        case .ether: return "ether"
        case .hydroxyl: return "hydroxyl"
        case .halo: return "halo"
        case .haloalkyl: return "haloalkyl"
        case .amino: return "amino"
        case .nitro: return "nitro"
        case .cycloalkyl: return "cycloalkyl"
        case .composite: return "combined"
        case .other(let w): return w
        }
    }

    /// Classifies the substituent made of `atoms` (all atoms of the branch, `root` first bonded to `anchor`).
    static func classify(_ m: Molecule, atoms: [Int], root: Int, anchor: Int) -> SubstituentKind {
        guard let attach = m.bond(between: anchor, and: root) else { return .other("group") }
        let rootAtom = m.atoms[root]
        if m.bonds[attach].order != .single || m.bonds[attach].isAromatic {
            return rootAtom.atomicNumber == 8 ? .other("oxo") : .other("doubly bonded")
        }
        let inGroup = Set(atoms)
        var carbons = 0, oxygens = 0, nitrogens = 0, halogens = 0, others = 0
        var inRing = false, aromatic = false, charged = false
        for a in atoms {
            let atom = m.atoms[a]
            switch atom.atomicNumber {
            case 6: carbons += 1
            case 7: nitrogens += 1
            case 8: oxygens += 1
            case 9, 17, 35, 53: halogens += 1
            default: others += 1
            }
            if m.ringInfo.isInRing(atom: a) { inRing = true }
            if atom.isAromatic { aromatic = true }
            if atom.formalCharge != 0 { charged = true }
        }
        var ccDouble = 0, triple = 0, coDouble = 0, otherDouble = 0
        for b in m.bonds where inGroup.contains(Int(b.begin)) && inGroup.contains(Int(b.end)) {
            let z1 = m.atoms[Int(b.begin)].atomicNumber, z2 = m.atoms[Int(b.end)].atomicNumber
            switch b.order {
            case .double where !b.isAromatic:
                if z1 == 6 && z2 == 6 { ccDouble += 1 } else if (z1 == 6 && z2 == 8) || (z1 == 8 && z2 == 6) { coDouble += 1 } else { otherDouble += 1 }
            case .triple: triple += 1
            default: break
            }
        }
        // Nitro: N+ with two oxygens and nothing else.
        if rootAtom.atomicNumber == 7 && atoms.count == 3 && oxygens == 2 && (rootAtom.formalCharge == 1 || otherDouble == 2) {
            return .nitro
        }
        if inRing {
            let saturatedCarbocycle = carbons == atoms.count && !aromatic && ccDouble == 0 && triple == 0
            return saturatedCarbocycle ? .cycloalkyl : .other(aromatic ? "aromatic ring" : "ring")
        }
        if charged { return .other("charged group") }
        if atoms.count == 1 {
            switch rootAtom.atomicNumber {
            case 9, 17, 35, 53: return .halo
            case 8: return .hydroxyl
            case 7: return .amino
            case 6: return .alkyl
            default: return .other(rootAtom.symbol)
            }
        }
        if atoms.count == 2 && rootAtom.atomicNumber == 6 && nitrogens == 1 && triple == 1 { return .other("cyano") }
        if others > 0 { return .other("group with \(Set(atoms.map { m.atoms[$0].symbol }).sorted().joined(separator: ", "))") }
        if triple > 0 { return carbons == atoms.count ? .other("alkynyl") : .other("group with a triple bond") }
        if carbons == atoms.count { return ccDouble > 0 ? .alkenyl : .alkyl }
        if carbons + halogens == atoms.count && rootAtom.atomicNumber == 6 {
            return ccDouble == 0 ? .haloalkyl : .composite
        }
        // Carbonyls: esters are listed; acids, ketones, aldehydes and amides are not.
        var esterCarbonyls = 0
        for a in atoms where m.atoms[a].atomicNumber == 6 {
            var doubleO = false, esterO = false, hydroxyO = false, amideN = false
            for nb in m.neighbors(of: a) where inGroup.contains(nb.atom) {
                let z = m.atoms[nb.atom].atomicNumber
                let order = m.bonds[nb.bond].order
                if z == 8 && order == .double { doubleO = true }
                if z == 8 && order == .single {
                    if m.atoms[nb.atom].totalHydrogens > 0 { hydroxyO = true } else { esterO = true }
                }
                if z == 7 { amideN = true }
            }
            guard doubleO else { continue }
            if hydroxyO { return .other("carboxyl") }
            if esterO { esterCarbonyls += 1; continue }
            if amideN { return .other("amide") }
            return .other(a == root ? "acyl" : "oxo")
        }
        let saturated = ccDouble == 0 && otherDouble == 0
        let hydroxy = atoms.contains { m.atoms[$0].atomicNumber == 8 && m.atoms[$0].totalHydrogens > 0 }
        if nitrogens == 0 && halogens == 0 && saturated && !hydroxy {
            if esterCarbonyls > 0 { return .ester }
            if rootAtom.atomicNumber == 8 && oxygens == 1 { return .alkoxyl }
            if coDouble == 0 { return .ether }
        }
        if rootAtom.atomicNumber == 7 && nitrogens == 1 && oxygens == 0 && halogens == 0 && saturated && coDouble == 0 {
            return .amino
        }
        if otherDouble == 0 && (coDouble == esterCarbonyls) { return .composite }
        return .other("group")
    }
}
