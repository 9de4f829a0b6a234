/// Which connection-table format to write.
public enum MolfileVersion: Sendable, Hashable {
    /// V2000 when it can hold the molecule (at most 999 atoms and bonds, coordinates that fit its columns),
    /// V3000 otherwise.
    case automatic
    case v2000
    case v3000
}

/// Writes molecules as MDL molfiles, in a form that `MolfileReader` (and RDKit) read back as the same molecule:
/// Kekulé bond orders, charges, isotopes and radicals in `M  CHG`/`M  ISO`/`M  RAD` lines, a valence field where
/// the hydrogen count is not what the valence model would give, and stereo as the reader expects it: wedges
/// chosen and checked against the reader's own interpretation for 2D coordinates, nothing extra for 3D, atom
/// parities when there are no coordinates, and crossed bonds for double bonds the coordinates would otherwise
/// make cis or trans.
public enum MolfileWriter {
    /// The molfile text (ending in `M  END` and a newline).
    public static func write(_ molecule: Molecule, version: MolfileVersion = .automatic) throws(MolfileError) -> String {
        let plan = try MolfilePlan(molecule)
        let useV3000: Bool
        switch version {
        case .v3000:
            if let reason = plan.v3000Obstacle { throw MolfileError(.cannotWrite, "cannot write V3000: \(reason)") }
            useV3000 = true
        case .v2000:
            if let reason = plan.v2000Obstacle { throw MolfileError(.cannotWrite, "cannot write V2000: \(reason)") }
            useV3000 = false
        case .automatic:
            useV3000 = plan.v2000Obstacle != nil
            if useV3000, let reason = plan.v3000Obstacle {
                throw MolfileError(.cannotWrite, "cannot write V3000 (needed for \(plan.v2000Obstacle ?? "")): \(reason)")
            }
        }
        var out = ByteText()
        out.bytes.reserveCapacity(72 * (molecule.atomCount + molecule.bondCount + 8))
        plan.writeHeader(into: &out)
        if useV3000 {
            plan.writeV3000(into: &out)
        } else {
            plan.writeV2000(into: &out)
        }
        return out.string
    }
}

extension Molecule {
    /// The molecule as an MDL molfile (V2000 unless it needs V3000).
    public func molfile(version: MolfileVersion = .automatic) throws(MolfileError) -> String {
        try MolfileWriter.write(self, version: version)
    }
}

/// Everything decided before writing: coordinates, bond directions and marks, parities, valence fields.
struct MolfilePlan {
    let molecule: Molecule
    /// Coordinates to write (zeros when the molecule has none).
    var coordinates: [SIMD3<Double>]
    var is3D: Bool
    var hasCoordinates: Bool
    /// Per bond: write it from `end` to `begin` (a wedge must start at its stereocentre).
    var reversed: [Bool]
    var marks: [BondStereoMark]
    /// Per atom: the parity field (only for molecules without coordinates).
    var parities: [UInt8]
    /// Per atom: the valence field (0 none, 15 zero valence).
    var valences: [Int]
    /// The coordinates were made up to carry stereo (the molecule had none).
    var generatedCoordinates = false

    init(_ molecule: Molecule) throws(MolfileError) {
        self.molecule = molecule
        let n = molecule.atomCount
        hasCoordinates = molecule.coordinates.count == n && molecule.coordinates.contains { $0 != .zero }
        coordinates = hasCoordinates ? molecule.coordinates : [SIMD3<Double>](repeating: .zero, count: n)
        is3D = hasCoordinates && molecule.hasThreeDimensionalCoordinates && molecule.coordinates.contains { $0.z != 0 }
        reversed = [Bool](repeating: false, count: molecule.bondCount)
        marks = [BondStereoMark](repeating: .none, count: molecule.bondCount)
        parities = [UInt8](repeating: 0, count: n)
        valences = [Int](repeating: 0, count: n)
        for a in 0..<n where molecule.atoms[a].noImplicit || Self.needsValence(molecule, a) {
            // The valence as a reader computes it from the written (Kekulé) bond orders, plus all hydrogens.
            var halfUnits = 0
            for (_, b) in molecule.neighbors(of: a) {
                let bond = molecule.bonds[b]
                halfUnits += bond.order == .dative ? (Int(bond.end) == a ? 2 : 0) : bond.order.valenceHalfUnits
            }
            let v = (halfUnits + 1) / 2 + molecule.atoms[a].totalHydrogens
            valences[a] = v == 0 ? 15 : min(v, 14)
        }
        if hasCoordinates && !is3D {
            try planWedges()
        } else if !hasCoordinates && (Self.hasStereo(molecule) || Self.hasDoubleBondCandidates(molecule)) {
            // Without coordinates only parities could carry tetrahedral stereo (RDKit ignores them), nothing
            // carries cis/trans, and a reader takes every double bond that could be cis/trans as unknown: draw
            // coordinates that say what the molecule says, checked like any other drawing.
            if try !planLayout() {
                planParities()
                if molecule.bonds.contains(where: { $0.order == .double && ($0.stereo == .cis || $0.stereo == .trans) }) {
                    throw MolfileError(
                        .cannotWrite, "no 2D layout carried the double-bond configurations of this molecule; give it coordinates")
                }
            }
        }
        if !generatedCoordinates { try planDoubleBonds() }
    }

    /// True when the molecule states tetrahedral or cis/trans configuration.
    private static func hasStereo(_ m: Molecule) -> Bool {
        m.atoms.contains { $0.chirality.isTetrahedral } || m.bonds.contains { $0.stereo == .cis || $0.stereo == .trans }
    }

    /// True when some double bond could carry cis/trans (acyclic or in a large ring, substituted at both ends).
    private static func hasDoubleBondCandidates(_ m: Molecule) -> Bool {
        for bond in m.bonds where bond.order == .double && !bond.isAromatic {
            if m.degree(of: Int(bond.begin)) > 1 && m.degree(of: Int(bond.end)) > 1 { return true }
        }
        return false
    }

    /// Tries a few stereo-carrying layouts; keeps the first one the reader interprets correctly.
    private mutating func planLayout() throws(MolfileError) -> Bool {
        let layout = StereoLayout(molecule: molecule)
        for attempt in 0..<8 {
            var trial = self
            trial.coordinates = layout.coordinates(attempt: attempt)
            trial.hasCoordinates = true
            trial.generatedCoordinates = true
            do {
                try trial.planWedges()
                try trial.planDoubleBonds()
            } catch {
                continue
            }
            // A made-up drawing must not be borderline: a neighbour almost in line with a stereo double bond
            // could read either way once coordinates are rounded.
            guard trial.doubleBondGeometryIsClear() else { continue }
            self = trial
            return true
        }
        return false
    }

    /// Explicit hydrogen counts on atoms whose valence model gives none (metals) would otherwise be lost.
    private static func needsValence(_ m: Molecule, _ a: Int) -> Bool {
        m.atoms[a].explicitHydrogens > 0 && ElementTable.defaultValence(Int(m.atoms[a].atomicNumber)) < 0
    }

    /// Why V2000 cannot hold the molecule, or nil.
    var v2000Obstacle: String? {
        if molecule.atomCount > 999 { return "\(molecule.atomCount) atoms (V2000 holds at most 999)" }
        if molecule.bondCount > 999 { return "\(molecule.bondCount) bonds (V2000 holds at most 999)" }
        for c in coordinates where !(c.x > -9999.99995 && c.x < 99999.99995 && c.y > -9999.99995 && c.y < 99999.99995
            && c.z > -9999.99995 && c.z < 99999.99995)
        {
            return "coordinate \(c) does not fit V2000's 10-column fields"
        }
        return nil
    }

    /// Why V3000 cannot hold the molecule, or nil: it has no bond type for zero-order and quadruple bonds.
    var v3000Obstacle: String? {
        if let b = molecule.bonds.firstIndex(where: { $0.order == .zero || $0.order == .quadruple }) {
            return "bond \(b + 1) is \(molecule.bonds[b].order == .zero ? "zero-order" : "quadruple"), which V3000 cannot state"
        }
        return nil
    }

    // MARK: - Stereo planning

    /// Parity fields for tetrahedral centres, by the definition `assignChiralityFromParity` reads.
    private mutating func planParities() {
        for a in 0..<molecule.atomCount where molecule.atoms[a].chirality.isTetrahedral {
            let d = molecule.degree(of: a)
            guard d == 4 || (d == 3 && molecule.atoms[a].totalHydrogens <= 1) else { continue }
            let inBondOrder = molecule.neighbors(of: a).map(\.atom)
            // Accord's reference order puts an implicit hydrogen first; RDKit's bond-order tag puts it last.
            var counterclockwise = molecule.atoms[a].chirality == .counterclockwise
            if molecule.hasImplicitHydrogenFirst(a) { counterclockwise.toggle() }
            var clockwise = !counterclockwise
            if permutationIsOdd(from: inBondOrder, to: inBondOrder.sorted()) { clockwise.toggle() }
            parities[a] = clockwise ? 1 : 2
        }
    }

    /// Picks one wedge or hash per tetrahedral centre and checks it with the reader's interpretation.
    private mutating func planWedges() throws(MolfileError) {
        var m = molecule
        m.coordinates = coordinates
        let centres = (0..<m.atomCount).filter { m.atoms[$0].chirality.isTetrahedral }
        guard !centres.isEmpty else { return }
        let isCentre = Set(centres)
        let rings = RingSizes(m)
        var used = [Bool](repeating: false, count: m.bondCount)
        // A wedge must begin at its centre: `drawn` is the molecule with bonds oriented as they will be written.
        var drawn = m
        var stereogenic = m
        stereogenic.removeNonStereogenicStereo()
        for centre in centres where stereogenic.atoms[centre].chirality.isTetrahedral {
            let wanted = m.atoms[centre].chirality
            // Candidate single bonds, best first: to hydrogen, to atoms that are not centres, out of rings, to
            // atoms with fewer neighbours.
            let candidates = m.neighbors(of: centre).filter { m.bonds[$0.bond].order == .single && !used[$0.bond] }
                .sorted { x, y in
                    func score(_ c: (atom: Int, bond: Int)) -> Int {
                        var s = m.atoms[c.atom].atomicNumber == 1 ? -1_000_000 : 0
                        if isCentre.contains(c.atom) { s += 100_000 }
                        if rings.bondInRing[c.bond] { s += 20_000 }
                        if rings.atomInRing(c.atom) { s += 10_000 }
                        s += 100 * m.degree(of: c.atom) + Int(m.atoms[c.atom].atomicNumber)
                        return s
                    }
                    let (sx, sy) = (score(x), score(y))
                    return sx != sy ? sx < sy : x.bond < y.bond
                }
            var placed = false
            for (_, b) in candidates {
                // Orient the bond so that it begins at the centre, then try a wedge and a hash.
                var trial = drawn
                if Int(trial.bonds[b].begin) != centre {
                    trial = trial.reversingBond(b)
                }
                for mark in [BondStereoMark.wedge, .hash] {
                    var trialMarks = marks
                    trialMarks[b] = mark
                    trial.atoms[centre].chirality = .none
                    let writtenOrders = trial.bonds.map(\.order)
                    guard case .some(let ccw?) = trial.wedgeConfiguration(bond: b, marks: trialMarks, drawnOrders: writtenOrders)
                    else { break }
                    if trial.referenceChirality(atom: centre, counterclockwiseInBondOrder: ccw) == wanted {
                        marks[b] = mark
                        used[b] = true
                        reversed[b] = Int(drawn.bonds[b].begin) != centre ? !reversed[b] : reversed[b]
                        drawn = trial
                        drawn.atoms[centre].chirality = wanted
                        placed = true
                        break
                    }
                }
                if placed { break }
            }
            if !placed {
                throw MolfileError(
                    .cannotWrite,
                    "no bond at atom \(centre + 1) can carry a wedge that gives its configuration with these coordinates")
            }
        }
    }

    /// Crossed bonds for double bonds whose stereo is unknown or unspecified but which the coordinates would
    /// make cis or trans; an error when the coordinates contradict a stated configuration.
    private mutating func planDoubleBonds() throws(MolfileError) {
        let m = molecule
        for b in 0..<m.bondCount where m.bonds[b].order == .double && m.bonds[b].stereo == .either {
            marks[b] = .crossed
        }
        guard hasCoordinates, Self.hasDoubleBondCandidates(molecule) else { return }
        // What the molecule states, less what is not stereogenic anyway.
        var stated = m
        stated.coordinates = coordinates
        stated.removeNonStereogenicStereo()
        // What a reader will see in the coordinates.
        var reading = stated
        for b in 0..<reading.bondCount where reading.bonds[b].order == .double {
            reading.updateBond(b) { $0.stereo = .none; $0.stereoAtoms = (-1, -1) }
        }
        reading.assignDoubleBondStereoFromCoordinates(marks: marks)
        reading.removeNonStereogenicStereo()
        for b in 0..<m.bondCount where m.bonds[b].order == .double && !m.bonds[b].isAromatic {
            let wanted = stated.bonds[b].stereo
            let seen = reading.bonds[b].stereo
            switch (wanted, seen) {
            case (.none, .cis), (.none, .trans):
                marks[b] = .crossed
            case (.cis, _), (.trans, _):
                guard seen == .cis || seen == .trans else {
                    throw MolfileError(.cannotWrite, "the coordinates cannot show the configuration of bond \(b + 1)")
                }
                if !Self.sameConfiguration(m, b, wanted, stated.bonds[b].stereoAtoms, seen, reading.bonds[b].stereoAtoms) {
                    throw MolfileError(.cannotWrite, "the coordinates contradict the configuration of bond \(b + 1)")
                }
            default:
                break
            }
        }
    }

    /// True when every cis/trans double bond's substituents stand clearly off the line of the double bond
    /// (more than about 6 degrees), so that rounding the coordinates cannot change how they read.
    func doubleBondGeometryIsClear() -> Bool {
        let m = molecule
        for b in 0..<m.bondCount where m.bonds[b].stereo == .cis || m.bonds[b].stereo == .trans {
            let (begin, end) = (Int(m.bonds[b].begin), Int(m.bonds[b].end))
            for (x, y) in [(begin, end), (end, begin)] {
                let axis = coordinates[y] - coordinates[x]
                for (other, ob) in m.neighbors(of: x) where ob != b {
                    let v = coordinates[other] - coordinates[x]
                    let sine = abs(axis.x * v.y - axis.y * v.x) / ((lengthSquared(axis) * lengthSquared(v)).squareRoot() + 1e-12)
                    if sine < 0.1 { return false }
                }
            }
        }
        return true
    }

    /// Whether two cis/trans statements about one bond, relative to possibly different stereo atoms, agree.
    private static func sameConfiguration(
        _ m: Molecule, _ b: Int, _ s1: BondStereo, _ atoms1: (Int32, Int32), _ s2: BondStereo, _ atoms2: (Int32, Int32)
    ) -> Bool {
        var flips = 0
        let begin = m.bonds[b].begin
        func side(_ x: Int32) -> Int32 { m.bond(between: Int(x), and: Int(begin)) != nil ? begin : m.bonds[b].end }
        for x in [atoms1.0, atoms1.1] where x >= 0 {
            let y = side(x) == side(atoms2.0) ? atoms2.0 : atoms2.1
            if x != y { flips += 1 }
        }
        return (s1 == s2) == (flips % 2 == 0)
    }

    // MARK: - Text

    func writeHeader(into out: inout ByteText) {
        out.append(Self.singleLine(molecule.name))
        // Line 2: user initials (2), program (8), date and time (10), dimension code (2).
        out.append("\n  Accord            ")
        out.append(is3D ? "3D\n" : "2D\n")
        out.append(generatedCoordinates ? "coordinates carry stereo only; not a depiction\n" : "\n")
    }

    static func singleLine(_ s: String) -> String {
        String(s.map { $0 == "\n" || $0 == "\r" ? " " : $0 }.prefix(80))
    }

    /// The order column for a bond and whether it needs an `M  ZBO` entry.
    func bondType(_ b: Int) -> (code: Int, zeroOrder: Int?) {
        switch molecule.bonds[b].order {
        case .single: return (1, nil)
        case .double: return (2, nil)
        case .triple: return (3, nil)
        case .aromatic: return (4, nil)
        case .dative: return (9, nil)
        case .unspecified: return (8, nil)
        case .zero: return (0, 0)
        case .quadruple: return (0, 4)
        }
    }

    /// The V2000/V3000 symbol of an atom (`*` for dummy atoms).
    func symbol(_ a: Int) -> String {
        molecule.atoms[a].atomicNumber == 0 ? "*" : molecule.atoms[a].symbol
    }
}

/// An ASCII text buffer with the fixed-width number formatting molfiles need, without Foundation and without
/// building intermediate strings.
struct ByteText {
    var bytes: [UInt8] = []

    mutating func append(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ s: String) {
        bytes.append(contentsOf: s.utf8)
    }

    mutating func spaces(_ n: Int) {
        if n > 0 { bytes.append(contentsOf: repeatElement(0x20, count: n)) }
    }

    /// An integer right-aligned in `width` columns (wider when it does not fit).
    mutating func int(_ value: Int, width: Int = 0) {
        var digits: [UInt8] = []
        var v = value.magnitude
        repeat {
            digits.append(UInt8(48 + v % 10))
            v /= 10
        } while v > 0
        if value < 0 { digits.append(0x2D) }
        spaces(width - digits.count)
        bytes.append(contentsOf: digits.reversed())
    }

    /// `value` rounded to `decimals` places, right-aligned in `width` columns; never `-0.0000`.
    mutating func fixed(_ value: Double, decimals: Int, width: Int = 0) {
        var scale: Int64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * Double(scale)).rounded()
        guard scaled < 9.0e15, value.isFinite else {
            let text = "\(value)"
            spaces(width - text.utf8.count)
            append(text)
            return
        }
        let units = Int64(scaled)
        var digits: [UInt8] = []
        var fraction = units % scale
        for _ in 0..<decimals {
            digits.append(UInt8(48 + fraction % 10))
            fraction /= 10
        }
        if decimals > 0 { digits.append(0x2E) }
        var whole = units / scale
        repeat {
            digits.append(UInt8(48 + whole % 10))
            whole /= 10
        } while whole > 0
        if value < 0 && units != 0 { digits.append(0x2D) }
        spaces(width - digits.count)
        bytes.append(contentsOf: digits.reversed())
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}

extension Molecule {
    /// The same molecule with one bond's `begin` and `end` swapped (neighbour order is unchanged, since it
    /// follows bond indices; double-bond stereo atoms are swapped to stay on their ends).
    func reversingBond(_ b: Int) -> Molecule {
        var newBonds = bonds
        let bond = bonds[b]
        newBonds[b].begin = bond.end
        newBonds[b].end = bond.begin
        newBonds[b].stereoAtoms = (bond.stereoAtoms.1, bond.stereoAtoms.0)
        var copy = Molecule(uncheckedAtoms: atoms, bonds: newBonds)
        copy.name = name
        copy.properties = properties
        copy.coordinates = coordinates
        copy.hasThreeDimensionalCoordinates = hasThreeDimensionalCoordinates
        return copy
    }
}
