/// How `SMILESWriter` writes a molecule.
public struct SMILESWriteOptions: Sendable, Hashable {
    /// Aromatic atoms in lowercase with implicit aromatic bonds (`c1ccccc1`); `false` writes the Kekulé
    /// form with every atom capitalized (`C1=CC=CC=C1`).
    public var aromatic = true
    /// Write stereo (`@`, `@@`, `/`, `\`) and isotopes.
    public var isomeric = true
    /// Write atom map numbers (`[CH3:1]`).
    public var atomMaps = true

    public init(aromatic: Bool = true, isomeric: Bool = true, atomMaps: Bool = true) {
        self.aromatic = aromatic
        self.isomeric = isomeric
        self.atomMaps = atomMaps
    }
}

/// Writes SMILES by a depth-first walk over the molecule.
///
/// Without ranks the walk starts at atom 0 and takes neighbours in index order, so a molecule read from
/// SMILES is written with its atoms in the same order. With ranks (lower first), every choice (start atom of
/// each component, branch order, which bond closes a ring) follows the ranks: that is how a canonical SMILES
/// is made from canonical ranks. Brackets appear only where the reader needs them (charge, isotope, map,
/// stereo, an element outside the organic subset, or a hydrogen count other than the one the valence model
/// would give), and reading the output gives back the same molecule.
public struct SMILESWriter: Sendable {
    public var options: SMILESWriteOptions

    public init(options: SMILESWriteOptions = SMILESWriteOptions()) {
        self.options = options
    }

    /// The SMILES of `molecule`, visiting atoms by index.
    public func write(_ molecule: Molecule) -> String {
        var writer = SMILESEmitter(molecule: molecule, ranks: nil, options: options)
        return writer.run()
    }

    /// The SMILES of `molecule`, visiting atoms by increasing `ranks[atom]` (ties by index).
    public func write(_ molecule: Molecule, ranks: [Int]) -> String {
        var writer = SMILESEmitter(molecule: molecule, ranks: ranks.count == molecule.atomCount ? ranks : nil, options: options)
        return writer.run()
    }

    /// The atom indices in the order the last `write` placed them would be useful to callers that need the
    /// output order; `writeWithOrder` returns both.
    public func writeWithOrder(_ molecule: Molecule, ranks: [Int]? = nil) -> (smiles: String, atomOrder: [Int]) {
        var writer = SMILESEmitter(molecule: molecule, ranks: ranks.flatMap { $0.count == molecule.atomCount ? $0 : nil }, options: options)
        let text = writer.run()
        return (text, writer.outputOrder)
    }
}

extension Molecule {
    /// The molecule as SMILES (aromatic, isomeric, atoms in index order).
    public func smiles(options: SMILESWriteOptions = SMILESWriteOptions()) -> String {
        SMILESWriter(options: options).write(self)
    }
}

/// One run of the writer.
struct SMILESEmitter {
    let molecule: Molecule
    let ranks: [Int]?
    let options: SMILESWriteOptions
    var output: [UInt8] = []
    private(set) var outputOrder: [Int] = []

    // Walk results.
    var visited: [Bool]
    var parentBond: [Int32]
    /// Tree children of each atom in walk order, as linked lists in flat arrays (no array per atom):
    /// `firstChild`, then `nextSibling` of each child; -1 ends a list.
    var firstChild: [Int32]
    var lastChild: [Int32]
    var nextSibling: [Int32]
    var childCount: [Int32]
    /// Ring-closure bonds at each atom, in the order their digits are written.
    var ringBondsAt: [[Int32]]
    var isRingBond: [Bool]
    var position: [Int32]  // output position of each atom
    /// Bond direction marks chosen for stereo double bonds: +1 '/', -1 '\' as written.
    var direction: [Int8]
    var ringDigit: [Int32]
    var writtenAromatic: [Bool]

    init(molecule: Molecule, ranks: [Int]?, options: SMILESWriteOptions) {
        self.molecule = molecule
        self.ranks = ranks
        self.options = options
        let n = molecule.atomCount
        visited = [Bool](repeating: false, count: n)
        parentBond = [Int32](repeating: -1, count: n)
        firstChild = [Int32](repeating: -1, count: n)
        lastChild = [Int32](repeating: -1, count: n)
        nextSibling = [Int32](repeating: -1, count: n)
        childCount = [Int32](repeating: 0, count: n)
        ringBondsAt = [[Int32]](repeating: [], count: n)
        isRingBond = [Bool](repeating: false, count: molecule.bondCount)
        position = [Int32](repeating: -1, count: n)
        direction = [Int8](repeating: 0, count: molecule.bondCount)
        ringDigit = [Int32](repeating: -1, count: molecule.bondCount)
        writtenAromatic = molecule.atoms.map { options.aromatic && $0.isAromatic && SMILESEmitter.canBeWrittenAromatic($0.atomicNumber) }
    }

    static func canBeWrittenAromatic(_ z: UInt8) -> Bool {
        switch z {
        case 5, 6, 7, 8, 15, 16, 14, 33, 34, 52: return true
        default: return false
        }
    }

    @inline(__always)
    func rank(_ atom: Int) -> Int { ranks?[atom] ?? atom }

    /// Neighbours of an atom sorted by rank, as (atom, bond).
    func sortedNeighbours(_ atom: Int) -> [(atom: Int, bond: Int)] {
        var list: [(atom: Int, bond: Int)] = []
        appendSortedNeighbours(atom, to: &list)
        return list
    }

    /// Appends the atom's neighbours, sorted by (rank, index) when there are ranks (insertion sort: lists are
    /// short, and no closure captures the emitter).
    func appendSortedNeighbours(_ atom: Int, to list: inout [(atom: Int, bond: Int)]) {
        let start = list.count
        for nb in molecule.neighbors(of: atom) { list.append((nb.atom, nb.bond)) }
        guard let ranks else { return }
        var i = start + 1
        while i < list.count {
            let value = list[i]
            var j = i - 1
            while j >= start && (ranks[list[j].atom], list[j].atom) > (ranks[value.atom], value.atom) {
                list[j + 1] = list[j]
                j -= 1
            }
            list[j + 1] = value
            i += 1
        }
    }

    mutating func run() -> String {
        let n = molecule.atomCount
        guard n > 0 else { return "" }
        var roots: [Int] = []
        if ranks == nil {
            // Keep the atom order when it is a valid walk (always so for molecules read from SMILES).
            if let indexRoots = walkInIndexOrder() {
                roots = indexRoots
            } else {
                resetWalk()
            }
        }
        if roots.isEmpty {
            var starts = Array(0..<n)
            if let ranks {
                if ranks.allSatisfy({ $0 >= 0 && $0 <= Int(UInt32.max) }) && n <= Int(UInt32.max) {
                    // By (rank, index), sorted as packed integers: no closure capturing the emitter.
                    var keys = (0..<n).map { UInt64(ranks[$0]) << 32 | UInt64($0) }
                    keys.sort()
                    starts = keys.map { Int($0 & 0xFFFF_FFFF) }
                } else {
                    starts.sort { (ranks[$0], $0) < (ranks[$1], $1) }
                }
            }
            for s in starts where !visited[s] {
                roots.append(s)
                walk(from: s)
            }
        }
        if options.isomeric { assignDirections() }
        var first = true
        for root in roots {
            if !first { output.append(UInt8(ascii: ".")) }
            first = false
            emit(from: root)
        }
        return String(decoding: output, as: UTF8.self)
    }

    mutating func resetWalk() {
        let n = molecule.atomCount
        visited = [Bool](repeating: false, count: n)
        parentBond = [Int32](repeating: -1, count: n)
        firstChild = [Int32](repeating: -1, count: n)
        lastChild = [Int32](repeating: -1, count: n)
        nextSibling = [Int32](repeating: -1, count: n)
        childCount = [Int32](repeating: 0, count: n)
        ringBondsAt = [[Int32]](repeating: [], count: n)
        isRingBond = [Bool](repeating: false, count: molecule.bondCount)
        position = [Int32](repeating: -1, count: n)
        outputOrder = []
    }

    /// A walk whose visiting order is the atom order: from each atom, descend only into the next atom by
    /// index; other bonds become ring closures. Returns the component roots, or nil when the atom order is
    /// not the order of any walk (then the ordinary walk is used).
    mutating func walkInIndexOrder() -> [Int]? {
        let n = molecule.atomCount
        var roots: [Int] = []
        var next = 0
        var stack: [Int] = []
        // Component of each atom, to tell a genuine new component from a walk that got stuck.
        var component = [Int](repeating: -1, count: n)
        var count = 0
        for s in 0..<n where component[s] < 0 {
            var queue = [s]
            component[s] = count
            while let a = queue.popLast() {
                for nb in molecule.neighbors(of: a) where component[nb.atom] < 0 {
                    component[nb.atom] = count
                    queue.append(nb.atom)
                }
            }
            count += 1
        }
        var started = [Bool](repeating: false, count: count)
        while next < n {
            if stack.isEmpty {
                if started[component[next]] { return nil }
                started[component[next]] = true
                roots.append(next)
                visit(next, parent: -1, bond: -1)
                stack.append(next)
                next += 1
                continue
            }
            let top = stack[stack.count - 1]
            if let bond = molecule.bond(between: top, and: next) {
                visit(next, parent: top, bond: bond)
                stack.append(next)
                next += 1
            } else {
                stack.removeLast()
            }
        }
        // Every bond not in the tree is a ring closure.
        for (b, bond) in molecule.bonds.enumerated() where parentBond[Int(bond.begin)] != Int32(b) && parentBond[Int(bond.end)] != Int32(b) {
            isRingBond[b] = true
            ringBondsAt[Int(bond.begin)].append(Int32(b))
            ringBondsAt[Int(bond.end)].append(Int32(b))
        }
        return roots
    }

    mutating func addChild(_ child: Int, to parent: Int) {
        if firstChild[parent] < 0 {
            firstChild[parent] = Int32(child)
        } else {
            nextSibling[Int(lastChild[parent])] = Int32(child)
        }
        lastChild[parent] = Int32(child)
        childCount[parent] += 1
    }

    /// The tree children of an atom in walk order.
    func children(of atom: Int) -> [Int32] {
        var result: [Int32] = []
        var c = firstChild[atom]
        while c >= 0 {
            result.append(c)
            c = nextSibling[Int(c)]
        }
        return result
    }

    mutating func visit(_ atom: Int, parent: Int, bond: Int) {
        visited[atom] = true
        position[atom] = Int32(outputOrder.count)
        outputOrder.append(atom)
        if parent >= 0 {
            parentBond[atom] = Int32(bond)
            addChild(atom, to: parent)
        }
    }

    /// Depth-first walk: tree edges become chain/branch bonds, the others ring closures.
    mutating func walk(from root: Int) {
        // Each frame's sorted neighbours live in one shared buffer (frames nest, so a popped frame's entries
        // are the buffer's tail): no allocation per atom.
        var stack: [(atom: Int, next: Int, end: Int)] = []
        var buffer: [(atom: Int, bond: Int)] = []
        visited[root] = true
        position[root] = Int32(outputOrder.count)
        outputOrder.append(root)
        appendSortedNeighbours(root, to: &buffer)
        stack.append((root, 0, buffer.count))
        while !stack.isEmpty {
            let top = stack.count - 1
            let atom = stack[top].atom
            if stack[top].next >= stack[top].end {
                let start = top > 0 ? stack[top - 1].end : 0
                buffer.removeSubrange(start...)
                stack.removeLast()
                continue
            }
            let (other, bond) = buffer[stack[top].next]
            stack[top].next += 1
            if bond == Int(parentBond[atom]) { continue }
            if visited[other] {
                // A bond back to an atom already written: a ring closure (recorded once, from the later atom).
                if !isRingBond[bond] && position[other] < position[atom] {
                    isRingBond[bond] = true
                    ringBondsAt[other].append(Int32(bond))
                    ringBondsAt[atom].append(Int32(bond))
                }
                continue
            }
            visited[other] = true
            parentBond[other] = Int32(bond)
            position[other] = Int32(outputOrder.count)
            outputOrder.append(other)
            addChild(other, to: atom)
            let start = buffer.count
            appendSortedNeighbours(other, to: &buffer)
            stack.append((other, start, buffer.count))
        }
    }

    // MARK: - Writing

    mutating func emit(from root: Int) {
        // Explicit stack of (atom, state): state 0 = write the atom, k > 0 = before child k-1 was written.
        var freeDigits = DigitPool()
        // `next` is the child to write after `child` children were written.
        var stack: [(atom: Int, child: Int, next: Int32)] = [(root, -1, -1)]
        while !stack.isEmpty {
            let top = stack.count - 1
            let atom = stack[top].atom
            let child = stack[top].child
            if child == -1 {
                writeAtom(atom, digits: &freeDigits)
                stack[top].child = 0
                stack[top].next = firstChild[atom]
                continue
            }
            let count = Int(childCount[atom])
            if child > 0 && child < count { output.append(UInt8(ascii: ")")) }
            if child >= count {
                stack.removeLast()
                continue
            }
            stack[top].child += 1
            let next = Int(stack[top].next)
            stack[top].next = nextSibling[next]
            if child < count - 1 { output.append(UInt8(ascii: "(")) }
            writeBondSymbol(Int(parentBond[next]), from: atom, to: next)
            stack.append((next, -1, -1))
        }
    }

    /// Atom symbol, then its ring-closure digits.
    mutating func writeAtom(_ atom: Int, digits: inout DigitPool) {
        // Ring bonds at this atom: closings (partner written before) keep their digit; openings get one.
        let rings = ringBondsAt[atom]
        _ = rings
        // Closings first, in the order the partners were written; then openings by partner position.
        let order = ringBondsOrdered(atom)
        ringBondsAt[atom] = order
        writeAtomSymbol(atom)
        var released: [Int32] = []
        for bond in order {
            let b = Int(bond)
            let partner = Int(molecule.bonds[b].other(Int32(atom)))
            if position[partner] < position[atom] {
                // Closing: the bond symbol goes here, as RDKit writes it.
                let digit = ringDigit[b]
                writeBondSymbol(b, from: atom, to: partner)
                writeRingNumber(Int(digit))
                released.append(digit)
            } else {
                let digit = digits.take()
                ringDigit[b] = digit
                writeRingNumber(Int(digit))
            }
        }
        for d in released { digits.give(d) }
    }

    mutating func writeRingNumber(_ digit: Int) {
        if digit < 10 {
            output.append(UInt8(ascii: "0") + UInt8(digit))
        } else if digit < 100 {
            output.append(UInt8(ascii: "%"))
            output.append(UInt8(ascii: "0") + UInt8(digit / 10))
            output.append(UInt8(ascii: "0") + UInt8(digit % 10))
        } else {
            output.append(contentsOf: Array("%(\(digit))".utf8))
        }
    }

    /// The bond symbol for a bond written from `from` to `to` (empty when the reader's default is right).
    mutating func writeBondSymbol(_ b: Int, from: Int, to: Int) {
        let bond = molecule.bonds[b]
        if direction[b] != 0 {
            output.append(direction[b] > 0 ? UInt8(ascii: "/") : UInt8(ascii: "\\"))
            return
        }
        let bothAromatic = writtenAromatic[from] && writtenAromatic[to]
        switch bond.order {
        case .single:
            if bothAromatic && !(options.aromatic && bond.isAromatic) { output.append(UInt8(ascii: "-")) }
        case .double:
            if !(bothAromatic && bond.isAromatic) { output.append(UInt8(ascii: "=")) }
        case .triple: output.append(UInt8(ascii: "#"))
        case .quadruple: output.append(UInt8(ascii: "$"))
        case .aromatic:
            if !bothAromatic { output.append(UInt8(ascii: ":")) }
        case .dative:
            output.append(contentsOf: Int(bond.begin) == from ? Array("->".utf8) : Array("<-".utf8))
        case .zero, .unspecified:
            // Not expressible in SMILES; written as a plain bond.
            if bothAromatic { output.append(UInt8(ascii: "-")) }
        }
    }

    // MARK: - Atoms

    mutating func writeAtomSymbol(_ atom: Int) {
        let a = molecule.atoms[atom]
        let aromatic = writtenAromatic[atom]
        let hydrogens = a.totalHydrogens
        let chirality = options.isomeric ? writtenChirality(atom) : .none
        let isotope = options.isomeric ? a.isotope : 0
        let map = options.atomMaps ? a.mapNumber : 0
        var bracket = a.formalCharge != 0 || isotope != 0 || map != 0 || chirality.kind != .none
        let z = Int(a.atomicNumber)
        if !bracket {
            if z == 0 {
                bracket = hydrogens != 0
            } else if !SMILESEmitter.isOrganicSubset(z, aromatic: aromatic) {
                bracket = true
            } else {
                bracket = hydrogens != defaultHydrogens(atom, aromatic: aromatic)
            }
        }
        guard bracket else {
            appendSymbol(z, aromatic: aromatic)
            return
        }
        output.append(UInt8(ascii: "["))
        if isotope != 0 { appendNumber(Int(isotope)) }
        appendSymbol(z, aromatic: aromatic)
        switch chirality.kind {
        case .none: break
        case .tetrahedral:
            output.append(UInt8(ascii: "@"))
            if chirality.number != 1 { output.append(UInt8(ascii: "@")) }
        case .allene: appendClass("@AL", chirality.number)
        case .squarePlanar: appendClass("@SP", chirality.number)
        case .trigonalBipyramidal: appendClass("@TB", chirality.number)
        case .octahedral: appendClass("@OH", chirality.number)
        }
        if hydrogens > 0 {
            output.append(UInt8(ascii: "H"))
            if hydrogens > 1 { appendNumber(hydrogens) }
        }
        if a.formalCharge != 0 {
            output.append(a.formalCharge > 0 ? UInt8(ascii: "+") : UInt8(ascii: "-"))
            let magnitude = abs(Int(a.formalCharge))
            if magnitude > 1 { appendNumber(magnitude) }
        }
        if map != 0 {
            output.append(UInt8(ascii: ":"))
            appendNumber(Int(map))
        }
        output.append(UInt8(ascii: "]"))
    }

    /// The element symbol, lowercase when written aromatic.
    mutating func appendSymbol(_ z: Int, aromatic: Bool) {
        guard z > 0, let symbol = ElementTable.symbol(z) else {
            output.append(UInt8(ascii: "*"))
            return
        }
        var first = true
        for byte in symbol.utf8 {
            output.append(first && aromatic && byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
            first = false
        }
    }

    /// A non-negative decimal number.
    mutating func appendNumber(_ value: Int) {
        if value >= 10 { appendNumber(value / 10) }
        output.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    mutating func appendClass(_ name: StaticString, _ number: UInt8) {
        name.withUTF8Buffer { output.append(contentsOf: $0) }
        appendNumber(Int(number))
    }

    static func isOrganicSubset(_ z: Int, aromatic: Bool) -> Bool {
        if aromatic {
            switch z {
            case 5, 6, 7, 8, 15, 16: return true
            default: return false
            }
        }
        switch z {
        case 5, 6, 7, 8, 9, 15, 16, 17, 35, 53: return true
        default: return false
        }
    }


    /// The hydrogens the reader would give this atom if written without brackets: RDKit's implicit-H
    /// rule over the bonds as they are written (aromatic bonds count 1.5).
    func defaultHydrogens(_ atom: Int, aromatic: Bool) -> Int {
        let a = molecule.atoms[atom]
        var halves = 0
        var hasAromaticBond = false
        for nb in molecule.neighbors(of: atom) {
            let bond = molecule.bonds[nb.bond]
            let writtenAsAromatic: Bool
            switch bond.order {
            case .aromatic: writtenAsAromatic = true
            case .single, .double:
                writtenAsAromatic = options.aromatic && bond.isAromatic && writtenAromatic[atom] && writtenAromatic[nb.atom]
            default: writtenAsAromatic = false
            }
            if writtenAsAromatic {
                halves += 3
                hasAromaticBond = true
            } else {
                switch bond.order {
                case .single: halves += 2
                case .double: halves += 4
                case .triple: halves += 6
                case .quadruple: halves += 8
                case .dative: halves += Int(bond.end) == atom ? 2 : 0
                default: break
                }
            }
        }
        let isAromaticAtom = aromatic || hasAromaticBond
        let ev = ValenceModel.explicitValence(atomicNumber: Int(a.atomicNumber), charge: 0, accumulatedHalves: halves, isAromaticAtom: isAromaticAtom)
        if case .count(let h) = ValenceModel.implicitHydrogens(
            atomicNumber: Int(a.atomicNumber), charge: 0, radicals: 0, explicitValence: ev, isAromaticAtom: isAromaticAtom)
        {
            return h
        }
        return -1
    }

    // MARK: - Stereo

    /// The atom's configuration relative to the order the output lists its neighbours in: the atom it is
    /// reached from, its implicit hydrogen, its ring-closure partners in digit order, then its children.
    func writtenChirality(_ atom: Int) -> Chirality {
        let a = molecule.atoms[atom]
        guard a.chirality.kind != .none else { return .none }
        var reference: [Int32] = []
        if a.totalHydrogens == 1 { reference.append(ChiralityPermutation.implicitHydrogen) }
        for nb in molecule.neighbors(of: atom) { reference.append(Int32(nb.atom)) }
        var written: [Int32] = []
        if parentBond[atom] >= 0 { written.append(molecule.bonds[Int(parentBond[atom])].other(Int32(atom))) }
        if a.totalHydrogens == 1 { written.append(ChiralityPermutation.implicitHydrogen) }
        for bond in ringBondsOrdered(atom) { written.append(molecule.bonds[Int(bond)].other(Int32(atom))) }
        written.append(contentsOf: children(of: atom))
        if a.chirality.kind == .tetrahedral && reference.count == 3 {
            reference.append(ChiralityPermutation.lonePair)
            written.append(ChiralityPermutation.lonePair)
        }
        return ChiralityPermutation.convert(a.chirality, from: reference, to: written) ?? a.chirality
    }

    /// Ring bonds at an atom in the order `writeAtom` writes them (closings first, then openings).
    func ringBondsOrdered(_ atom: Int) -> [Int32] {
        var list = ringBondsAt[atom]
        guard list.count > 1 else { return list }
        // Key: closings (partner written earlier) before openings, then by the partner's position.
        let own = position[atom]
        var keys = list.map { bond -> Int64 in
            let partner = position[Int(molecule.bonds[Int(bond)].other(Int32(atom)))]
            return (partner < own ? 0 : 1 << 32) | Int64(partner)
        }
        var i = 1
        while i < list.count {
            let (key, value) = (keys[i], list[i])
            var j = i - 1
            while j >= 0 && keys[j] > key {
                keys[j + 1] = keys[j]
                list[j + 1] = list[j]
                j -= 1
            }
            keys[j + 1] = key
            list[j + 1] = value
            i += 1
        }
        return list
    }

    /// The atom a bond's symbol is read from: the parent for tree bonds; for ring closures the closing
    /// atom, where the symbol is written ("C/1" reads as from C to the ring partner).
    func writtenFirst(_ b: Int) -> Int {
        let bond = molecule.bonds[b]
        let u = Int(bond.begin), v = Int(bond.end)
        let earlier = position[u] < position[v] ? u : v
        return isRingBond[b] ? (earlier == u ? v : u) : earlier
    }

    /// Chooses '/' and '\' marks so that every cis/trans double bond reads back the same, solving the sign
    /// constraints between shared single bonds (conjugated systems) by two-colouring.
    mutating func assignDirections() {
        let bonds = molecule.bonds
        let stereoBonds = bonds.indices.filter { bonds[$0].stereo == .cis || bonds[$0].stereo == .trans }
        guard !stereoBonds.isEmpty else { return }
        // Marked single bonds and constraints: value(bond) = direction as written; side(center, bond) =
        // value * (center written first ? 1 : -1).
        var marked = Set<Int>()
        var chosen: [(doubleBond: Int, first: Int, second: Int, sameSide: Bool)] = []
        for d in stereoBonds {
            let bond = bonds[d]
            let a = Int(bond.begin), b = Int(bond.end)
            guard let (bondA, flipA) = markableBond(at: a, partner: b, stereoAtom: Int(bond.stereoAtoms.0)),
                let (bondB, flipB) = markableBond(at: b, partner: a, stereoAtom: Int(bond.stereoAtoms.1))
            else { continue }
            // Stereo atoms on the same side (cis) ⇔ equal sides; a flip means the marked neighbour is the
            // other substituent, on the opposite side.
            let sameSide = (bond.stereo == .cis) != (flipA != flipB)
            marked.insert(bondA)
            marked.insert(bondB)
            chosen.append((d, bondA, bondB, sameSide))
        }
        // Constraint edges: side(a, x) vs side(b, y) equal or opposite; and two marked bonds at the same end
        // of a stereo double bond must be on opposite sides.
        var edges: [Int: [(Int, Int)]] = [:]  // bond -> [(other bond, parity: 0 same value, 1 opposite value)]
        func centreSign(_ bond: Int, _ centre: Int) -> Int { writtenFirst(bond) == centre ? 1 : -1 }
        func addConstraint(_ x: Int, _ cx: Int, _ y: Int, _ cy: Int, sameSide: Bool) {
            // side_x = v_x * s_x, side_y = v_y * s_y; sameSide ⇔ v_x * s_x == v_y * s_y.
            let valuesEqual = (centreSign(x, cx) * centreSign(y, cy) == 1) == sameSide
            let parity = valuesEqual ? 0 : 1
            edges[x, default: []].append((y, parity))
            edges[y, default: []].append((x, parity))
        }
        for c in chosen {
            let bond = bonds[c.doubleBond]
            addConstraint(c.first, Int(bond.begin), c.second, Int(bond.end), sameSide: c.sameSide)
            for centre in [Int(bond.begin), Int(bond.end)] {
                let others = molecule.neighbors(of: centre).filter { marked.contains($0.bond) && $0.bond != c.doubleBond }
                if others.count == 2 {
                    addConstraint(others[0].bond, centre, others[1].bond, centre, sameSide: false)
                }
            }
        }
        var value = [Int: Int8]()
        var consistent = true
        for start in marked.sorted() where value[start] == nil {
            value[start] = 1
            var queue = [start]
            while let x = queue.popLast() {
                for (y, parity) in edges[x] ?? [] {
                    let expected: Int8 = parity == 0 ? value[x]! : -value[x]!
                    if let existing = value[y] {
                        if existing != expected { consistent = false }
                    } else {
                        value[y] = expected
                        queue.append(y)
                    }
                }
            }
        }
        guard consistent else { return }
        for (bond, v) in value { direction[bond] = v }
        suppressSpuriousStereo()
    }

    /// A double bond without stereo whose two ends both got marks (for neighbouring stereo bonds) would read
    /// back as cis/trans. Give one end a second, contradicting mark: the reader then ignores that bond, as
    /// RDKit does with contradicting marks.
    mutating func suppressSpuriousStereo() {
        let bonds = molecule.bonds
        func side(_ bond: Int, _ centre: Int) -> Int { Int(direction[bond]) * (writtenFirst(bond) == centre ? 1 : -1) }
        func writtenAsDouble(_ b: Int) -> Bool {
            let bond = bonds[b]
            guard bond.order == .double else { return false }
            return !(options.aromatic && bond.isAromatic && writtenAromatic[Int(bond.begin)] && writtenAromatic[Int(bond.end)])
        }
        // Double bonds in rings of fewer than 8 atoms never get stereo when read, so marks next to them are safe.
        func isDoubleEnd(_ atom: Int) -> Bool {
            molecule.neighbors(of: atom).contains { nb in
                let ring = molecule.ringInfo.smallestRingSize(ofBond: nb.bond)
                return writtenAsDouble(nb.bond) && !(ring > 0 && ring < 8)
            }
        }
        for (d, bond) in bonds.enumerated() where writtenAsDouble(d) && bond.stereo == .none {
            let a = Int(bond.begin), b = Int(bond.end)
            var ends: [(centre: Int, marks: [Int], free: [Int])] = []
            for (centre, partner) in [(a, b), (b, a)] {
                var marks: [Int] = [], free: [Int] = []
                for nb in molecule.neighbors(of: centre) where nb.atom != partner && nb.bond != d {
                    if direction[nb.bond] != 0 {
                        marks.append(nb.bond)
                    } else if bonds[nb.bond].order == .single && !isDoubleEnd(nb.atom) {
                        free.append(nb.bond)
                    }
                }
                ends.append((centre, marks, free))
            }
            let readsAsStereo = ends.allSatisfy { end in
                !end.marks.isEmpty && Set(end.marks.map { side($0, end.centre) }).count == 1
                    && !(end.marks.count == 2 && side(end.marks[0], end.centre) == side(end.marks[1], end.centre))
            }
            guard readsAsStereo else { continue }
            for end in ends {
                guard let extra = end.free.first, let existing = end.marks.first else { continue }
                // Same side as the existing mark: a contradiction the reader resolves by ignoring the bond.
                let wanted = side(existing, end.centre)
                direction[extra] = Int8(wanted * (writtenFirst(extra) == end.centre ? 1 : -1))
                break
            }
        }
    }

    /// The single bond to mark at `centre` (one end of a stereo double bond to `partner`): the bond to the
    /// stereo atom, or to the other substituent (then `flip` is true). Prefers a bond that does not also touch
    /// a double bond without stereo, so no stereo appears where there was none.
    func markableBond(at centre: Int, partner: Int, stereoAtom: Int) -> (Int, Bool)? {
        var options: [(bond: Int, flip: Bool, touchesOtherDouble: Bool)] = []
        for nb in molecule.neighbors(of: centre) where nb.atom != partner {
            let bond = molecule.bonds[nb.bond]
            guard bond.order == .single else { continue }
            var touches = false
            for nb2 in molecule.neighbors(of: nb.atom) where nb2.bond != nb.bond {
                let other = molecule.bonds[nb2.bond]
                if other.order == .double && other.stereo == .none { touches = true }
            }
            options.append((nb.bond, nb.atom != stereoAtom, touches))
        }
        guard !options.isEmpty else { return nil }
        let best = options.min { a, b in
            if a.touchesOtherDouble != b.touchesOtherDouble { return !a.touchesOtherDouble }
            return a.flip == false && b.flip == true
        }
        guard let best else { return nil }
        return (best.bond, best.flip)
    }
}

/// Ring-closure numbers: the lowest free one is used next.
struct DigitPool {
    private var used: [Bool] = [false]  // index 0 unused: digits start at 1

    mutating func take() -> Int32 {
        for d in 1..<used.count where !used[d] {
            used[d] = true
            return Int32(d)
        }
        used.append(true)
        return Int32(used.count - 1)
    }

    mutating func give(_ digit: Int32) {
        if Int(digit) < used.count { used[Int(digit)] = false }
    }
}
