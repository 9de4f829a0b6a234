/// How `Molecule(smiles:options:)` turns a SMILES string into a molecule.
public struct SMILESReadOptions: Sendable, Hashable {
    /// Run `perceive()` (RDKit's sanitization). Off: the molecule is returned as written, with aromatic
    /// bonds still `.aromatic`, no implicit hydrogens computed, and no rings found.
    public var perceive = true
    /// The aromaticity model `perceive()` applies.
    public var aromaticity: AromaticityModel = .rdkit
    /// Fold ordinary hydrogen atoms (`[H]` bonded to one heavy atom) into their neighbour's hydrogen count,
    /// as RDKit's `MolFromSmiles` does. Isotopic, charged, mapped, bridging and stereo-defining hydrogens
    /// stay atoms.
    public var removeHydrogens = true

    public init(perceive: Bool = true, aromaticity: AromaticityModel = .rdkit, removeHydrogens: Bool = true) {
        self.perceive = perceive
        self.aromaticity = aromaticity
        self.removeHydrogens = removeHydrogens
    }
}

extension Molecule {
    /// Reads a SMILES string and perceives the molecule (RDKit's `MolFromSmiles`). A title after the first
    /// space or tab becomes `name`.
    ///
    /// Errors name the problem and its column, syntax and chemistry alike (`C(C)(C)(C)(C)C` fails with a
    /// valence error pointing at the first carbon).
    public init(smiles: String) throws(SMILESError) {
        try self.init(smiles: smiles, options: SMILESReadOptions())
    }

    /// Reads a SMILES string with explicit options (e.g. without perception, for a reader that wants the
    /// atoms exactly as written).
    public init(smiles: String, options: SMILESReadOptions) throws(SMILESError) {
        let parsed = try SMILESParser.parse(smiles)
        var builder = SMILESMoleculeBuilder(parsed, smiles: smiles)
        self = try builder.build(options: options)
    }
}

/// Turns a parse result into a `Molecule`: double-bond stereo from `/` `\`, hydrogen folding, tetrahedral
/// stereo into the reference order, perception, and errors mapped back to columns.
struct SMILESMoleculeBuilder {
    let parsed: SMILESParseResult
    let smiles: String

    init(_ parsed: SMILESParseResult, smiles: String) {
        self.parsed = parsed
        self.smiles = smiles
    }

    /// Per double bond of the parse: stereo relative to two neighbours (parse numbering).
    struct WrittenStereo {
        var bond: Int
        var stereo: BondStereo
        var atoms: (Int32, Int32)
    }

    mutating func build(options: SMILESReadOptions) throws(SMILESError) -> Molecule {
        let n = parsed.atoms.count
        // The common case (no stereo marks, no chirality, no [H] atoms): the parsed arrays are the molecule.
        if !parsed.hasDirections && !parsed.hasChirality && !(options.removeHydrogens && parsed.hasHydrogenAtoms) {
            var molecule = Molecule(uncheckedAtoms: parsed.atoms, bonds: parsed.bonds)
            molecule.name = parsed.name
            guard options.perceive else { return molecule }
            try perceive(&molecule, options: options, oldIndex: nil)
            return molecule
        }
        // Parse-graph adjacency (bond-index order).
        let neighbourBonds = BondLists(atomCount: n, bonds: parsed.bonds)
        var stereo = parsed.hasDirections ? stereoFromDirections(neighbourBonds) : []

        // Hydrogens to fold into their neighbours.
        var removed = [Bool](repeating: false, count: n)
        var removedCount = 0
        if options.removeHydrogens {
            for h in 0..<n where isRemovableHydrogen(h, neighbourBonds) {
                let bond = Int(neighbourBonds[h].first ?? 0)
                let heavy = Int(parsed.bonds[bond].other(Int32(h)))
                // A hydrogen that defines double-bond stereo is replaced by the other neighbour, or kept.
                var keep = false
                for k in stereo.indices where stereo[k].atoms.0 == Int32(h) || stereo[k].atoms.1 == Int32(h) {
                    let doubleBond = parsed.bonds[stereo[k].bond]
                    let partner = doubleBond.other(Int32(heavy))
                    var alternative: Int32 = -1
                    for nb in neighbourBonds[heavy] {
                        let other = parsed.bonds[Int(nb)].other(Int32(heavy))
                        if other != Int32(h) && other != partner && !removed[Int(other)] { alternative = other; break }
                    }
                    if alternative < 0 {
                        keep = true
                        break
                    }
                    if stereo[k].atoms.0 == Int32(h) { stereo[k].atoms.0 = alternative } else { stereo[k].atoms.1 = alternative }
                    stereo[k].stereo = stereo[k].stereo == .cis ? .trans : .cis
                }
                if keep { continue }
                removed[h] = true
                removedCount += 1
            }
        }

        // New numbering.
        var newIndex = [Int32](repeating: -1, count: n)
        var oldIndex: [Int32] = []
        oldIndex.reserveCapacity(n - removedCount)
        var atoms: [Atom] = []
        atoms.reserveCapacity(n - removedCount)
        for i in 0..<n where !removed[i] {
            newIndex[i] = Int32(atoms.count)
            oldIndex.append(Int32(i))
            atoms.append(parsed.atoms[i])
        }
        var bonds: [Bond] = []
        var bondNewIndex = [Int32](repeating: -1, count: parsed.bonds.count)
        bonds.reserveCapacity(parsed.bonds.count - removedCount)
        for (i, b) in parsed.bonds.enumerated() {
            if removed[Int(b.begin)] || removed[Int(b.end)] {
                let heavy = removed[Int(b.begin)] ? b.end : b.begin
                atoms[Int(newIndex[Int(heavy)])].explicitHydrogens &+= 1
                continue
            }
            var nb = b
            nb.begin = newIndex[Int(b.begin)]
            nb.end = newIndex[Int(b.end)]
            bondNewIndex[i] = Int32(bonds.count)
            bonds.append(nb)
        }
        for s in stereo {
            let b = Int(bondNewIndex[s.bond])
            guard b >= 0 else { continue }
            bonds[b].stereo = s.stereo
            bonds[b].stereoAtoms = (newIndex[Int(s.atoms.0)], newIndex[Int(s.atoms.1)])
        }
        var molecule = Molecule(uncheckedAtoms: atoms, bonds: bonds)
        molecule.name = parsed.name
        if parsed.hasChirality {
            convertChirality(&molecule, newIndex: newIndex, oldIndex: oldIndex, removed: removed, neighbourBonds: neighbourBonds)
        }
        guard options.perceive else { return molecule }
        try perceive(&molecule, options: options, oldIndex: oldIndex)
        return molecule
    }

    /// Perceives, maps errors to the SMILES, and drops stereo that does not survive perception.
    func perceive(_ molecule: inout Molecule, options: SMILESReadOptions, oldIndex: [Int32]?) throws(SMILESError) {
        do {
            try molecule.perceive(aromaticity: options.aromaticity)
        } catch {
            let atom = oldIndex.map { Int($0[error.atom]) } ?? error.atom
            let code: SMILESError.Code
            switch error.code {
            case .valence: code = .valence
            case .kekulization: code = .kekulization
            case .aromaticOutsideRing: code = .aromaticOutsideRing
            default: code = .chargeOnHydrogen
            }
            let offset = Int(parsed.atomInfo[atom].offset)
            throw SMILESError(
                code, error.message.replacingAtomNumber(error.atom + 1, with: atom + 1),
                column: SMILESParser.column(ofByteOffset: offset, in: smiles), atom: atom, smiles: smilesOnly())
        }
        // Stereo that does not survive perception (RDKit's rules): only non-aromatic double bonds outside
        // rings of fewer than 8 atoms keep cis/trans.
        for b in 0..<molecule.bonds.count where molecule.bonds[b].stereo != .none {
            let bond = molecule.bonds[b]
            let ringSize = molecule.ringInfo.smallestRingSize(ofBond: b)
            if bond.order != .double || bond.isAromatic || (ringSize > 0 && ringSize < 8) {
                molecule.bonds[b].stereo = .none
                molecule.bonds[b].stereoAtoms = (-1, -1)
            }
        }
    }

    /// The input up to the end of the SMILES (without the title), for error messages.
    func smilesOnly() -> String {
        var s = Substring(smiles)
        var index = s.startIndex
        while index < s.endIndex, s[index] == " " || s[index] == "\t" { index = s.index(after: index) }
        if let end = s[index...].firstIndex(where: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            s = s[..<end]
        }
        return String(s)
    }

    /// RDKit's rule for which hydrogen atoms `MolFromSmiles` folds away (except that mapped hydrogens are
    /// kept, so the map number is not lost).
    func isRemovableHydrogen(_ h: Int, _ neighbourBonds: BondLists) -> Bool {
        let atom = parsed.atoms[h]
        guard atom.atomicNumber == 1, atom.isotope == 0, atom.formalCharge == 0, atom.explicitHydrogens == 0,
            atom.mapNumber == 0, atom.chirality.kind == .none, neighbourBonds[h].count == 1
        else { return false }
        let bond = parsed.bonds[Int(neighbourBonds[h].first ?? 0)]
        guard bond.order == .single else { return false }
        let heavy = parsed.atoms[Int(bond.other(Int32(h)))]
        guard heavy.atomicNumber > 1 else { return false }
        switch heavy.chirality.kind {
        case .squarePlanar, .trigonalBipyramidal, .octahedral: return false
        default: return true
        }
    }

    /// Cis/trans of each double bond from the `/` `\` marks of the single bonds around it. Two marks on the
    /// same end that put both neighbours on one side contradict each other: the bond gets no stereo, as in
    /// RDKit.
    func stereoFromDirections(_ neighbourBonds: BondLists) -> [WrittenStereo] {
        var result: [WrittenStereo] = []
        for (i, b) in parsed.bonds.enumerated() where b.order == .double {
            guard let (atomA, sideA) = markedNeighbour(of: b.begin, excluding: b.end, neighbourBonds),
                let (atomB, sideB) = markedNeighbour(of: b.end, excluding: b.begin, neighbourBonds)
            else { continue }
            result.append(WrittenStereo(bond: i, stereo: sideA == sideB ? .cis : .trans, atoms: (atomA, atomB)))
        }
        return result
    }

    /// The first neighbour (in bond order) joined to `center` by a marked bond, with its side (+1 above,
    /// -1 below); nil when there is none or the marks contradict each other.
    func markedNeighbour(of center: Int32, excluding partner: Int32, _ neighbourBonds: BondLists) -> (Int32, Int)? {
        var first: (Int32, Int)?
        var sides = 0
        for nb in neighbourBonds[Int(center)] {
            let direction = parsed.bondInfo[Int(nb)].direction
            guard direction != 0 else { continue }
            let bond = parsed.bonds[Int(nb)]
            let other = bond.other(center)
            if other == partner { continue }
            let writtenFirst = parsed.bondInfo[Int(nb)].writtenFromBegin ? bond.begin : bond.end
            let side = writtenFirst == center ? Int(direction) : -Int(direction)
            if first == nil { first = (other, side) }
            if sides & (side > 0 ? 1 : 2) != 0 { return nil }
            sides |= side > 0 ? 1 : 2
        }
        return first
    }

    /// Converts every written `@`/`@@` (and non-tetrahedral class) from the SMILES neighbour order to the
    /// reference order of `Chirality`.
    func convertChirality(_ molecule: inout Molecule, newIndex: [Int32], oldIndex: [Int32], removed: [Bool], neighbourBonds: BondLists) {
        for newAtom in 0..<molecule.atomCount where molecule.atoms[newAtom].chirality.kind != .none {
            let old = Int(oldIndex[newAtom])
            let written = parsed.atoms[old]
            // SMILES order: the bonds by when they were attached to this atom; the bracket H at the atom's
            // own position; removed hydrogen atoms count as implicit hydrogens where they were written.
            var entries: [(sequence: UInt32, id: Int32)] = []
            for nb in neighbourBonds[old] {
                let bond = parsed.bonds[Int(nb)]
                let other = Int(bond.other(Int32(old)))
                let sequence = bond.begin == Int32(old) ? parsed.bondInfo[Int(nb)].sequenceAtBegin : parsed.bondInfo[Int(nb)].sequenceAtEnd
                entries.append((sequence, removed[other] ? ChiralityPermutation.implicitHydrogen : newIndex[other]))
            }
            for _ in 0..<Int(written.explicitHydrogens) {
                entries.append((parsed.atomInfo[old].sequence, ChiralityPermutation.implicitHydrogen))
            }
            entries.sort { $0.sequence < $1.sequence }
            var smilesOrder = entries.map(\.id)
            var referenceOrder: [Int32] = []
            let hydrogens = molecule.atoms[newAtom].totalHydrogens
            if hydrogens == 1 { referenceOrder.append(ChiralityPermutation.implicitHydrogen) }
            for nb in molecule.neighbors(of: newAtom) { referenceOrder.append(Int32(nb.atom)) }
            if written.chirality.kind == .tetrahedral && smilesOrder.count == 3 {
                smilesOrder.append(ChiralityPermutation.lonePair)
                referenceOrder.append(ChiralityPermutation.lonePair)
            }
            if let converted = ChiralityPermutation.convert(written.chirality, from: smilesOrder, to: referenceOrder) {
                molecule.atoms[newAtom].chirality = converted
            }
            // Otherwise (two or more hydrogens, too few neighbours) the class is kept as written: such a
            // centre has no defined configuration, and writing it back reproduces the input.
        }
    }
}

/// Each atom's bonds in bond-index order, in two flat arrays.
struct BondLists {
    let start: [Int32]
    let items: [Int32]

    init(atomCount n: Int, bonds: [Bond]) {
        var start = [Int32](repeating: 0, count: n + 1)
        for b in bonds {
            start[Int(b.begin) + 1] += 1
            start[Int(b.end) + 1] += 1
        }
        for a in 0..<n { start[a + 1] += start[a] }
        var fill = start
        var items = [Int32](repeating: 0, count: 2 * bonds.count)
        for (i, b) in bonds.enumerated() {
            items[Int(fill[Int(b.begin)])] = Int32(i)
            fill[Int(b.begin)] += 1
            items[Int(fill[Int(b.end)])] = Int32(i)
            fill[Int(b.end)] += 1
        }
        self.start = start
        self.items = items
    }

    subscript(_ atom: Int) -> ArraySlice<Int32> { items[Int(start[atom])..<Int(start[atom + 1])] }
}

extension String {
    /// The message with "atom N" renumbered (perception counts atoms after hydrogen folding, the SMILES
    /// user counts them as written).
    func replacingAtomNumber(_ old: Int, with new: Int) -> String {
        guard old != new else { return self }
        let needle = Array("atom \(old)".utf8)
        let bytes = Array(utf8)
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if i + needle.count <= bytes.count, bytes[i..<(i + needle.count)].elementsEqual(needle),
                i + needle.count == bytes.count || !(bytes[i + needle.count] >= 48 && bytes[i + needle.count] <= 57)
            {
                out.append(contentsOf: Array("atom \(new)".utf8))
                i += needle.count
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
