/// RDKit 2026.09's valence model (docs/CHEMISTRY.md, "Valence model"): explicit valence with the
/// aromatic rounding, the isoelectronic ("effective element") rule, the hypervalent-anion exception, and the
/// implicit-hydrogen count. Pure functions of small integers, so the perception passes can call them per atom
/// without allocating.
///
/// Valences are handled in half units internally (an aromatic bond contributes 1.5), exactly as RDKit's
/// `getTwiceValenceContrib`, so no floating point is involved.
enum ValenceModel {
    /// Elements left of carbon, for which a positive charge removes valence (RDKit's `isEarlyAtom`).
    static let earlyAtoms: [Bool] = {
        var table = [Bool](repeating: false, count: 119)
        for z in [3, 4, 5, 11, 12, 13, 19, 20, 21, 22, 30, 31, 32, 37, 38, 39, 40, 41, 48, 49, 50, 51, 55, 56,
                  57, 58, 59, 60, 61, 72, 73, 80, 81, 82, 83, 87, 88, 89, 90, 91, 92, 93]
        { table[z] = true }
        for z in 104...118 { table[z] = true }
        return table
    }()

    /// Elements RDKit's `M` query calls metals: everything but the dummy, hydrogen, the noble gases and the
    /// non-metals B C N O F Si P S Cl As Se Br Te I At.
    static let metals: [Bool] = {
        var table = [Bool](repeating: true, count: 119)
        for z in [0, 1, 2, 5, 6, 7, 8, 9, 10, 14, 15, 16, 17, 18, 33, 34, 35, 36, 52, 53, 54, 85, 86] { table[z] = false }
        return table
    }()

    /// The element table's valence lists, flattened (at most 4 per element) so the hot paths read plain
    /// integers instead of retaining nested arrays.
    static let valenceTable: [Int8] = {
        var table = [Int8](repeating: -1, count: 4 * (ElementTable.maxAtomicNumber + 1))
        for z in 0...ElementTable.maxAtomicNumber {
            for (i, v) in ElementTable.valences(z).prefix(4).enumerated() { table[4 * z + i] = v }
        }
        return table
    }()
    static let valenceCounts: [UInt8] = (0...ElementTable.maxAtomicNumber).map { UInt8(min(4, ElementTable.valences($0).count)) }

    @inline(__always) static func valenceCount(_ z: Int) -> Int { Int(valenceCounts[z]) }
    @inline(__always) static func valence(_ z: Int, _ i: Int) -> Int { Int(valenceTable[4 * z + i]) }
    @inline(__always) static func defaultValence(_ z: Int) -> Int { Int(valenceTable[4 * z]) }
    @inline(__always) static func lastValence(_ z: Int) -> Int { Int(valenceTable[4 * z + Int(valenceCounts[z]) - 1]) }

    @inline(__always)
    static func isEarlyAtom(_ z: Int) -> Bool { z >= 0 && z < earlyAtoms.count && earlyAtoms[z] }

    @inline(__always)
    static func isMetal(_ z: Int) -> Bool { z >= 0 && z < metals.count && metals[z] }

    /// The element's own valence list is exactly `[-1]` (metals with no default valence): such atoms keep
    /// their element for the valence model whatever their charge.
    @inline(__always)
    static func hasNoValences(_ z: Int) -> Bool {
        valenceCounts[z] == 1 && valenceTable[4 * z] == -1
    }

    /// The element whose valences apply: Z − charge (N+ behaves as C, O− as F), clamped to the table.
    @inline(__always)
    static func effectiveAtomicNumber(_ z: Int, charge: Int) -> Int {
        if hasNoValences(z) { return z }
        return min(max(z - charge, 0), ElementTable.maxAtomicNumber)
    }

    /// Negatively charged P, S, As and Se keep their own hypervalent valences rather than those of the
    /// isoelectronic halogen or noble gas.
    @inline(__always)
    static func canBeHypervalent(_ z: Int, effective: Int) -> Bool {
        (effective > 16 && (z == 15 || z == 16)) || (effective > 34 && (z == 33 || z == 34))
    }

    /// RDKit's explicit valence from the accumulated bond orders (in half units, explicit Hs included):
    /// aromatic atoms above the default valence are rounded down to an allowed valence when within 1.5,
    /// and x.5 rounds up.
    @inline(__always)
    static func explicitValence(atomicNumber z: Int, charge: Int, accumulatedHalves: Int, isAromaticAtom: Bool) -> Int {
        var accum = accumulatedHalves
        let effective = effectiveAtomicNumber(z, charge: charge)
        let dv = defaultValence(effective)
        if isAromaticAtom && dv >= 0 && accum > 2 * dv {
            var pval = dv
            for i in 0..<valenceCount(effective) {
                let v = valence(effective, i)
                if v == -1 || 2 * v > accum { break }
                pval = v
            }
            if accum - 2 * pval <= 3 { accum = 2 * pval }
        }
        return (accum + 1) / 2
    }

    /// Whether an explicit valence is above every valence the atom may have (RDKit's "Explicit valence for
    /// atom # i X, v, is greater than permitted").
    @inline(__always)
    static func exceedsMaximumValence(atomicNumber z: Int, charge: Int, explicitValence: Int) -> Bool {
        let ownLast = lastValence(z)
        guard ownLast >= 0 else { return false }
        let effective = effectiveAtomicNumber(z, charge: charge)
        var maximum = lastValence(effective)
        var offset = 0
        if canBeHypervalent(z, effective: effective) {
            maximum = ownLast
            offset = -charge
        }
        if z == 1 && charge == -1 { maximum = 2 }
        return maximum >= 0 && explicitValence + offset > maximum
    }

    /// The outcome of the implicit-hydrogen rule.
    enum ImplicitResult {
        case count(Int)
        /// An aromatic atom whose explicit valence is not one of its allowed valences.
        case aromaticValenceNotAllowed
        /// A non-aromatic atom above all its allowed valences.
        case valenceTooHigh
        /// A hydrogen with a charge other than 0 or ±1 and no bonds.
        case unreasonableHydrogenCharge
    }

    /// RDKit's implicit-hydrogen count for an atom that allows implicit hydrogens (callers return 0 for
    /// bracket atoms themselves).
    @inline(__always)
    static func implicitHydrogens(
        atomicNumber z: Int, charge: Int, radicals: Int, explicitValence ev: Int, isAromaticAtom: Bool
    ) -> ImplicitResult {
        if z == 0 { return .count(0) }
        if ev == 0 && z == 1 && radicals == 0 {
            if charge == 1 || charge == -1 { return .count(0) }
            if charge == 0 { return .count(1) }
            return .unreasonableHydrogenCharge
        }
        var explicitPlusRadicals = ev + radicals
        var effective = effectiveAtomicNumber(z, charge: charge)
        if effective == 0 { return .count(0) }
        let dv = defaultValence(effective)
        if dv == -1 { return .count(0) }
        if canBeHypervalent(z, effective: effective) {
            effective = z
            explicitPlusRadicals -= charge
        }
        let count = valenceCount(effective)
        if isAromaticAtom {
            if explicitPlusRadicals <= dv { return .count(dv - explicitPlusRadicals) }
            for i in 0..<count {
                let v = valence(effective, i)
                if v <= 0 { break }
                if v == explicitPlusRadicals { return .count(0) }
            }
            return .aromaticValenceNotAllowed
        }
        for i in 0..<count {
            let v = valence(effective, i)
            if v < 0 { break }
            if explicitPlusRadicals <= v { return .count(v - explicitPlusRadicals) }
        }
        if lastValence(effective) != -1 && lastValence(z) > 0 { return .valenceTooHigh }
        return .count(0)
    }
}
