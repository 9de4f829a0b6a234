/// One molecule as the maximum-common-substructure search sees it: flat arrays of bond ends and comparison
/// keys, with the ring facts the options need. Built once per molecule and options (a query reused against
/// many targets keeps its own), so the search itself never touches `Molecule`.
///
/// Two atoms (bonds) are compatible exactly when their keys are equal: the key packs every property the
/// options compare, computed the same way for both molecules.
struct MCSGraph: Sendable {
    let atomCount: Int
    let bondCount: Int
    /// Per atom: the comparison key (see `atomKey`).
    let atomKeys: [UInt64]
    /// Per bond: its two atoms.
    let bondBegin: [Int32]
    let bondEnd: [Int32]
    /// Per bond: the comparison key (see `bondKey`).
    let bondKeys: [UInt32]
    /// Per bond: the bond type as RDKit names it (12 for aromatic), for the SMARTS.
    let bondTypes: [UInt8]
    /// Per bond: its key and its atoms' keys, the label of the line-graph vertex the search maps.
    let vertexLabels: [VertexLabel]
    /// Per bond: how many other bonds share an atom with it (its line-graph degree), the search's order.
    let lineDegree: [Int32]
    let atomInRing: [Bool]
    let bondInRing: [Bool]
    /// Per atom: the number of bonds (graph degree), to choose RDKit's single-atom answer.
    let atomDegree: [Int32]
    /// The rings (relevant cycles) as bond lists, CSR: ring r is `ringBonds[ringOffsets[r] ..< ringOffsets[r + 1]]`.
    let ringOffsets: [Int32]
    let ringBonds: [Int32]
    /// The rings containing each bond, CSR like the rings.
    let bondRingOffsets: [Int32]
    let bondRings: [Int32]
    /// Atom facts the SMARTS writer needs.
    let atomicNumbers: [UInt8]
    let isotopes: [UInt16]
    let charges: [Int8]
    let valences: [Int32]

    /// A line-graph vertex label: bonds can be matched only when their labels are equal.
    struct VertexLabel: Comparable, Hashable, Sendable {
        var bond: UInt32
        var low: UInt64
        var high: UInt64

        static func < (a: VertexLabel, b: VertexLabel) -> Bool {
            if a.bond != b.bond { return a.bond < b.bond }
            if a.low != b.low { return a.low < b.low }
            return a.high < b.high
        }
    }

    var ringCount: Int { ringOffsets.count - 1 }

    init(_ input: Molecule, options: MCSOptions) {
        var molecule = input
        if molecule.ringInfo.bondStats.count != molecule.bondCount { molecule.perceiveRings() }  // not perceived yet
        let rings = molecule.ringInfo
        let n = molecule.atomCount
        let m = molecule.bondCount
        atomCount = n
        bondCount = m

        var valence = [Int32](repeating: 0, count: n)
        var halfUnits = [Int32](repeating: 0, count: n)
        var begin = [Int32](repeating: 0, count: m)
        var end = [Int32](repeating: 0, count: m)
        var types = [UInt8](repeating: 0, count: m)
        var bondRing = [Bool](repeating: false, count: m)
        var degree = [Int32](repeating: 0, count: n)
        for (i, b) in molecule.bonds.enumerated() {
            begin[i] = b.begin
            end[i] = b.end
            degree[Int(b.begin)] += 1
            degree[Int(b.end)] += 1
            types[i] = b.isAromatic ? BondOrder.aromatic.rawValue : b.order.rawValue
            bondRing[i] = rings.isInRing(bond: i)
            if b.order == .dative {
                halfUnits[Int(b.end)] += 2  // RDKit: a dative bond counts 1 at its acceptor, 0 at its donor
            } else {
                halfUnits[Int(b.begin)] += Int32(b.order.valenceHalfUnits)
                halfUnits[Int(b.end)] += Int32(b.order.valenceHalfUnits)
            }
        }
        var atomRing = [Bool](repeating: false, count: n)
        var keys = [UInt64](repeating: 0, count: n)
        var numbers = [UInt8](repeating: 0, count: n)
        var isotopeList = [UInt16](repeating: 0, count: n)
        var chargeList = [Int8](repeating: 0, count: n)
        for a in 0..<n {
            let atom = molecule.atoms[a]
            atomRing[a] = rings.isInRing(atom: a)
            valence[a] = (halfUnits[a] + 1) / 2 + Int32(atom.totalHydrogens)
            numbers[a] = atom.atomicNumber
            isotopeList[a] = atom.isotope
            chargeList[a] = atom.formalCharge
            keys[a] = Self.atomKey(atom, valence: valence[a], inRing: atomRing[a], options: options)
        }
        var bondKeyList = [UInt32](repeating: 0, count: m)
        var labels = [VertexLabel]()
        labels.reserveCapacity(m)
        var lineDegree = [Int32](repeating: 0, count: m)
        for i in 0..<m {
            bondKeyList[i] = Self.bondKey(type: types[i], inRing: bondRing[i], options: options)
            let ka = keys[Int(begin[i])]
            let kb = keys[Int(end[i])]
            labels.append(VertexLabel(bond: bondKeyList[i], low: min(ka, kb), high: max(ka, kb)))
            lineDegree[i] = degree[Int(begin[i])] + degree[Int(end[i])] - 2
        }

        var offsets: [Int32] = [0]
        var ringBondList: [Int32] = []
        var perBond = [Int32](repeating: 0, count: m + 1)
        for r in 0..<rings.ringCount {
            for b in rings.bonds(ofRing: r) {
                ringBondList.append(b)
                perBond[Int(b)] += 1
            }
            offsets.append(Int32(ringBondList.count))
        }
        var bondOffsets = [Int32](repeating: 0, count: m + 1)
        for b in 0..<m { bondOffsets[b + 1] = bondOffsets[b] + perBond[b] }
        var fill = bondOffsets
        var bondRingList = [Int32](repeating: 0, count: Int(bondOffsets[m]))
        for r in 0..<rings.ringCount {
            for b in rings.bonds(ofRing: r) {
                bondRingList[Int(fill[Int(b)])] = Int32(r)
                fill[Int(b)] += 1
            }
        }

        atomKeys = keys
        bondBegin = begin
        bondEnd = end
        bondKeys = bondKeyList
        bondTypes = types
        vertexLabels = labels
        self.lineDegree = lineDegree
        atomInRing = atomRing
        bondInRing = bondRing
        atomDegree = degree
        ringOffsets = offsets
        ringBonds = ringBondList
        bondRingOffsets = bondOffsets
        bondRings = bondRingList
        atomicNumbers = numbers
        isotopes = isotopeList
        charges = chargeList
        valences = valence
    }

    /// Packs what the options compare: the element (or isotope, or heavy/hydrogen/dummy class) in the low
    /// 16 bits, then valence, charge and ring membership when asked for. RDKit compares valences only under
    /// element comparison, and so does this.
    static func atomKey(_ atom: Atom, valence: Int32, inRing: Bool, options: MCSOptions) -> UInt64 {
        var key: UInt64
        switch options.atomComparison {
        case .any: key = 0
        case .elements:
            key = UInt64(atom.atomicNumber)
            if options.matchValences { key |= UInt64(UInt16(clamping: max(0, valence))) << 16 }
        case .isotopes: key = UInt64(atom.isotope)
        case .anyHeavyAtom: key = atom.atomicNumber > 1 ? 2 : UInt64(atom.atomicNumber)
        }
        if options.matchFormalCharge { key |= UInt64(UInt8(bitPattern: atom.formalCharge)) << 32 | 1 << 40 }
        if options.ringMatchesRingOnly { key |= (inRing ? 1 : 2) << 48 }
        return key
    }

    /// The bond's class under the options: its type (aromatic folded into single under `.order`), and
    /// whether it is in a ring when ring bonds match only ring bonds.
    static func bondKey(type: UInt8, inRing: Bool, options: MCSOptions) -> UInt32 {
        var key: UInt32
        switch options.bondComparison {
        case .any: key = 0
        case .order: key = type == BondOrder.aromatic.rawValue ? UInt32(BondOrder.single.rawValue) : UInt32(type)
        case .orderExact: key = UInt32(type)
        }
        if options.bondRingMatchesRingOnly { key |= (inRing ? 1 : 2) << 8 }
        return key
    }
}
