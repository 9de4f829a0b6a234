/// A fingerprint for substructure screening that never rejects a molecule containing the query: if a query
/// matches a molecule, every bit of the query's screen is set in the molecule's.
///
/// Accord's own design (docs/CHEMISTRY.md, "Substructure screen"), not RDKit's pattern fingerprint. Features:
/// - element counts: "at least t atoms of element Z" for t in 1, 2, 3, 4, 6, 8, 12, 16, 24, 32;
/// - element and degree: "an atom of element Z with at least d neighbours" for d up to 6;
/// - paths of 1 to 5 bonds labelled by elements only, and by elements and bond classes;
/// - branch points: an atom with three of its neighbours, labelled the same two ways;
/// - cycles of 3 to 6 atoms, unlabelled, and labelled by their edges (element, bond class, element).
///
/// Why no false negatives: a match maps query atoms one-to-one onto molecule atoms and every query bond onto
/// a molecule bond, so each query count, degree, simple path and cycle has an image in the molecule with at
/// least the same counts and degrees, and with the same labels wherever the query's labels are certain. The
/// query side only builds features from certain facts (`ScreenGraph`); the molecule side builds them all.
public struct SubstructureScreen: Sendable, Hashable {
    /// Screen fingerprints have 2048 bits.
    public let bitCount = 2048
    /// Longest labelled path, in bonds.
    static let pathBonds = 5
    /// Largest cycle recorded, in atoms (the search goes one bond deeper than paths to close it).
    static let cycleAtoms = 6
    static let countThresholds: [Int] = [1, 2, 3, 4, 6, 8, 12, 16, 24, 32]
    static let maximumDegree = 6

    /// The screen Accord uses.
    public static let standard = SubstructureScreen()

    public init() {}

    /// The molecule's screen (for the library side).
    public func fingerprint(of molecule: Molecule) -> Fingerprint {
        fingerprint(of: ScreenGraph(molecule: molecule))
    }

    /// The screen of a molecule used as a query with RDKit's molecule-query semantics (atoms match by
    /// element, bonds by type): element and bond class are certain (a dummy atom `*` is not).
    public func queryFingerprint(ofQueryMolecule molecule: Molecule) -> Fingerprint {
        var graph = ScreenGraph(molecule: molecule)
        graph.aromatic = [Bool?](repeating: nil, count: graph.atomCount)
        for a in 0..<graph.atomCount where graph.elements[a] == 0 { graph.elements[a] = nil }
        return fingerprint(of: graph)
    }

    /// The screen of a compiled query (SMARTS or a molecule query), built from what every match must have:
    /// elements the atom expressions force and bond classes the bond expressions force. Recursive
    /// sub-patterns, charges, ring and hydrogen primitives only narrow matches further and add no feature, so
    /// the screen stays a necessary condition.
    public func queryFingerprint(of query: SubstructureQuery) -> Fingerprint {
        fingerprint(of: ScreenGraph(query: query.compiled.graphs[0]))
    }

    // MARK: - Features

    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inline(__always)
    static func feature(_ family: UInt64, _ a: UInt64, _ b: UInt64) -> UInt64 {
        mix(family << 56 ^ a << 24 ^ b)
    }

    static let prime: UInt64 = 0x0000_0100_0000_01B3

    func fingerprint(of graph: ScreenGraph) -> Fingerprint {
        // bitCount is a power of two, so a feature's bit is its hash's low bits (as `hash % bitCount`).
        let mask = UInt64(bitCount - 1)
        let wordCount = bitCount / 64
        // A raw buffer: setting a bit is then one OR, with no copy-on-write or exclusivity check.
        let bits = UnsafeMutablePointer<UInt64>.allocate(capacity: wordCount)
        bits.initialize(repeating: 0, count: wordCount)
        defer { bits.deallocate() }
        func result() -> Fingerprint {
            Fingerprint(bitCount: bitCount, words: Array(UnsafeBufferPointer(start: bits, count: wordCount))) ?? Fingerprint(bitCount: bitCount)
        }
        let n = graph.atomCount
        @inline(__always) func set(_ h: UInt64) {
            let b = Int(truncatingIfNeeded: h & mask)
            bits[b >> 6] |= 1 << UInt64(b & 63)
        }

        // Element counts and element-degree.
        var counts = [Int](repeating: 0, count: 256)
        for a in 0..<n {
            guard let z = graph.elements[a] else { continue }
            counts[Int(z)] += 1
            let degree = min(Int(graph.offsets[a + 1] - graph.offsets[a]), Self.maximumDegree)
            if degree > 0 {
                for d in 1...degree { set(Self.feature(2, UInt64(z), UInt64(d))) }
            }
        }
        for z in 0..<256 where counts[z] > 0 {
            for t in Self.countThresholds where t <= counts[z] { set(Self.feature(1, UInt64(z), UInt64(t))) }
        }

        // Paths and cycles: depth-first over simple paths from every atom.
        guard n > 0 else { return result() }
        var onPath = [Bool](repeating: false, count: n)
        // Per depth: atom, next adjacency position, and the hashes of the path ending there.
        let maxDepth = Self.cycleAtoms - 1
        var pathAtom = [Int](repeating: 0, count: maxDepth + 1)
        // pathBond[d] joins pathAtom[d - 1] and pathAtom[d].
        var pathBond = [Int](repeating: 0, count: maxDepth + 1)
        var cursor = [Int](repeating: 0, count: maxDepth + 1)
        var elementForward = [UInt64](repeating: 0, count: maxDepth + 1)
        var elementReverse = [UInt64](repeating: 0, count: maxDepth + 1)
        var fullForward = [UInt64](repeating: 0, count: maxDepth + 1)
        var fullReverse = [UInt64](repeating: 0, count: maxDepth + 1)
        var elementValid = [Bool](repeating: false, count: maxDepth + 1)
        var fullValid = [Bool](repeating: false, count: maxDepth + 1)
        var power = [UInt64](repeating: 1, count: 2 * maxDepth + 2)
        for i in 1..<power.count { power[i] = power[i - 1] &* Self.prime }

        func atomToken(_ a: Int) -> (element: UInt64?, full: UInt64?) {
            guard let z = graph.elements[a] else { return (nil, nil) }
            return (UInt64(z) + 1, UInt64(z) + 1)
        }

        // Edge tokens of labelled cycles: symmetric in the two ends.
        func edgeToken(_ a: Int, _ b: Int, _ bond: Int) -> UInt64? {
            guard let za = graph.elements[a], let zb = graph.elements[b], let c = graph.bondClasses[bond] else { return nil }
            return Self.mix(UInt64(min(za, zb)) << 16 | UInt64(max(za, zb)) << 8 | UInt64(c.rawValue))
        }

        // Branch points: the atom with each set of three neighbours.
        for a in 0..<n {
            guard let za = graph.elements[a] else { continue }
            let lo = Int(graph.offsets[a]), hi = Int(graph.offsets[a + 1])
            guard hi - lo >= 3 else { continue }
            for i in lo..<hi {
                for j in (i + 1)..<hi {
                    for k in (j + 1)..<hi {
                        // A neighbour's element key needs a certain element; its full key also a certain bond class.
                        guard let zi = graph.elements[Int(graph.adjacentAtoms[i])], let zj = graph.elements[Int(graph.adjacentAtoms[j])],
                            let zk = graph.elements[Int(graph.adjacentAtoms[k])]
                        else { continue }
                        let e = Self.sorted3(UInt64(zi), UInt64(zj), UInt64(zk))
                        set(Self.feature(6, UInt64(za), e.0 << 16 | e.1 << 8 | e.2))
                        guard let ci = graph.bondClasses[Int(graph.adjacentBonds[i])], let cj = graph.bondClasses[Int(graph.adjacentBonds[j])],
                            let ck = graph.bondClasses[Int(graph.adjacentBonds[k])]
                        else { continue }
                        let f = Self.sorted3(
                            UInt64(zi) << 3 | UInt64(ci.rawValue), UInt64(zj) << 3 | UInt64(cj.rawValue), UInt64(zk) << 3 | UInt64(ck.rawValue))
                        set(Self.feature(7, UInt64(za), f.0 << 22 | f.1 << 11 | f.2))
                    }
                }
            }
        }

        for start in 0..<n {
            let (e0, f0) = atomToken(start)
            pathAtom[0] = start
            cursor[0] = Int(graph.offsets[start])
            elementForward[0] = e0 ?? 0
            elementReverse[0] = e0 ?? 0
            elementValid[0] = e0 != nil
            fullForward[0] = f0 ?? 0
            fullReverse[0] = f0 ?? 0
            fullValid[0] = f0 != nil
            onPath[start] = true
            var depth = 0
            while depth >= 0 {
                let a = pathAtom[depth]
                if cursor[depth] >= Int(graph.offsets[a + 1]) {
                    onPath[a] = false
                    depth -= 1
                    continue
                }
                let p = cursor[depth]
                cursor[depth] += 1
                let next = Int(graph.adjacentAtoms[p])
                let bonds = depth + 1
                if next == start && bonds >= 3 && bonds <= Self.cycleAtoms {
                    // Closing bond back to the start: a cycle of `bonds` atoms (each seen 2 × size times).
                    set(Self.feature(5, UInt64(bonds), 0))
                    var labelled: UInt64 = 0
                    var certain = true
                    for step in 0..<bonds where certain {
                        let from = pathAtom[step]
                        let to = step + 1 < bonds ? pathAtom[step + 1] : start
                        let bond = step + 1 < bonds ? pathBond[step + 1] : Int(graph.adjacentBonds[p])
                        if let token = edgeToken(from, to, bond) { labelled &+= token } else { certain = false }
                    }
                    if certain { set(Self.feature(8, UInt64(bonds), labelled)) }
                    continue
                }
                if onPath[next] || bonds > maxDepth { continue }
                // A path is walked from both ends and hashed the same way from either (the smaller of its
                // forward and reverse hashes), so it is recorded only from the end with the smaller index.
                let bond = Int(graph.adjacentBonds[p])
                let (e, f) = atomToken(next)
                let d = bonds
                elementValid[d] = elementValid[d - 1] && e != nil
                if elementValid[d] {
                    let token = e ?? 0
                    elementForward[d] = elementForward[d - 1] &* Self.prime &+ token
                    elementReverse[d] = elementReverse[d - 1] &+ token &* power[d]
                    if bonds <= Self.pathBonds && start < next {
                        set(Self.feature(3, UInt64(bonds), min(elementForward[d], elementReverse[d])))
                    }
                }
                let bondClass = graph.bondClasses[bond]
                fullValid[d] = fullValid[d - 1] && f != nil && bondClass != nil
                if fullValid[d] {
                    let bondToken = UInt64(bondClass?.rawValue ?? 0) &+ 600
                    let token = f ?? 0
                    // Tokens alternate atom, bond, atom: positions 2d - 1 (bond) and 2d (atom).
                    fullForward[d] = (fullForward[d - 1] &* Self.prime &+ bondToken) &* Self.prime &+ token
                    fullReverse[d] = fullReverse[d - 1] &+ bondToken &* power[2 * d - 1] &+ token &* power[2 * d]
                    if bonds <= Self.pathBonds && start < next {
                        set(Self.feature(4, UInt64(bonds), min(fullForward[d], fullReverse[d])))
                    }
                }
                depth = d
                pathAtom[d] = next
                pathBond[d] = bond
                cursor[d] = Int(graph.offsets[next])
                onPath[next] = true
            }
        }
        return result()
    }

    /// Three keys in increasing order (a branch point's neighbours, whatever order the adjacency lists them).
    @inline(__always)
    static func sorted3(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> (UInt64, UInt64, UInt64) {
        let (x, y) = a <= b ? (a, b) : (b, a)
        if c >= y { return (x, y, c) }
        return c >= x ? (x, c, y) : (c, x, y)
    }
}
