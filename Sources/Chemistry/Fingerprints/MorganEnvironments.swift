/// RDKit's Morgan environment enumeration (`MorganGenerator.cpp`'s `getEnvironments`), written from the
/// description in docs/CHEMISTRY.md:
/// 1. every atom's invariant is a radius-0 environment;
/// 2. each layer hashes an atom's previous invariant with its sorted (bond type, neighbour invariant) pairs and
///    grows its bond set by the neighbours' sets;
/// 3. an environment whose bond set was already seen (in an earlier layer, or in this layer with a smaller
///    identifier or atom index) is dropped and its atom stops growing.
///
/// Flat arrays indexed by atom, bond sets as `W` 64-bit words per atom, no per-environment allocation.
enum MorganEnvironments {
    /// One atom's environment in the layer being built, sorted to find duplicate bond sets.
    struct Entry {
        var setHash: UInt64
        var code: UInt32
        var atom: Int32
    }

    /// Calls `body` with the identifiers of all environments (radius 0 first).
    static func withIdentifiers(of molecule: Molecule, radius: Int, _ body: ([UInt32]) -> Void) {
        var ids: [UInt32] = []
        var centres: [Int32] = []
        var radii: [Int32] = []
        run(molecule, radius: radius, ids: &ids, centres: &centres, radii: &radii, recordCentres: false)
        body(ids)
    }

    /// Every environment with its centre and radius.
    static func compute(of molecule: Molecule, radius: Int, environments: inout [MorganEnvironment]) {
        var ids: [UInt32] = []
        var centres: [Int32] = []
        var radii: [Int32] = []
        run(molecule, radius: radius, ids: &ids, centres: &centres, radii: &radii, recordCentres: true)
        environments.reserveCapacity(ids.count)
        for i in ids.indices {
            environments.append(MorganEnvironment(identifier: ids[i], atom: Int(centres[i]), radius: Int(radii[i])))
        }
    }

    /// RDKit's atom invariant: hash of (atomic number, total degree, total H, charge, isotope mass shift) and a
    /// trailing 1 for ring atoms.
    @inline(__always)
    static func atomInvariant(_ molecule: Molecule, _ a: Int, inRing: Bool) -> UInt32 {
        let atom = molecule.atoms[a]
        var h = MorganHash.combine(0, UInt32(atom.atomicNumber))
        h = MorganHash.combine(h, UInt32(molecule.degree(of: a) + atom.totalHydrogens))
        h = MorganHash.combine(h, UInt32(molecule.totalHydrogens(of: a)))
        h = MorganHash.combine(h, UInt32(bitPattern: Int32(atom.formalCharge)))
        h = MorganHash.combine(h, UInt32(bitPattern: massShift(atom)))
        if inRing { h = MorganHash.combine(h, 1) }
        return h
    }

    /// `int(isotope mass − average atomic weight)`, truncated toward zero; 0 without an isotope. An isotope
    /// the table does not know weighs its mass number, as in RDKit.
    static func massShift(_ atom: Atom) -> Int32 {
        guard atom.isotope != 0 else { return 0 }
        let z = Int(atom.atomicNumber)
        guard z <= ElementTable.maxAtomicNumber else { return 0 }
        var mass = ElementTable.isotopeMass(z, massNumber: Int(atom.isotope)) ?? 0
        if z != 0 && mass == 0 { mass = Double(atom.isotope) }
        return Int32((mass - ElementTable.atomicWeight(z)).rounded(.towardZero))
    }

    /// RDKit's `BondType` value of a perceived bond: an aromatic-flagged Kekulé bond is AROMATIC (12).
    @inline(__always)
    static func bondInvariant(_ bond: Bond) -> UInt32 {
        if bond.order == .aromatic || (bond.isAromatic && (bond.order == .single || bond.order == .double)) {
            return UInt32(BondOrder.aromatic.rawValue)
        }
        return UInt32(bond.order.rawValue)
    }

    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    static func run(
        _ molecule: Molecule, radius: Int, ids: inout [UInt32], centres: inout [Int32], radii: inout [Int32],
        recordCentres: Bool
    ) {
        let n = molecule.atomCount
        guard n > 0 else { return }
        var ringCopy: Molecule?
        if molecule.ringInfo.atomStats.count != n {
            var copy = molecule
            copy.perceiveRings()
            ringCopy = copy
        }
        let rings = ringCopy?.ringInfo ?? molecule.ringInfo

        ids.reserveCapacity(n * (radius + 1))
        var inv = [UInt32](repeating: 0, count: n)
        for a in 0..<n {
            let code = atomInvariant(molecule, a, inRing: rings.isInRing(atom: a))
            inv[a] = code
            ids.append(code)
            if recordCentres {
                centres.append(Int32(a))
                radii.append(0)
            }
        }
        guard radius > 0 else { return }

        let bondCount = molecule.bondCount
        var bondInv = [UInt32](repeating: 0, count: bondCount)
        for b in 0..<bondCount { bondInv[b] = bondInvariant(molecule.bonds[b]) }
        let w = max(1, (bondCount + 63) >> 6)
        let offsets = molecule.adjacencyOffsets
        let adjacentAtoms = molecule.adjacentAtoms
        let adjacentBonds = molecule.adjacentBonds

        var previousSets = [UInt64](repeating: 0, count: n * w)
        var sets = previousSets
        var dead = [Bool](repeating: false, count: n)
        var next = [UInt32](repeating: 0, count: n)
        var entries: [Entry] = []
        entries.reserveCapacity(n)
        var pairs: [UInt64] = []
        // Bond sets already emitted, sorted by hash, `w` words each; and this layer's new ones.
        var seenHashes: [UInt64] = []
        var seenSets: [UInt64] = []
        var newHashes: [UInt64] = []
        var newSets: [UInt64] = []

        for layer in 0..<radius {
            entries.removeAll(keepingCapacity: true)
            for a in 0..<n { next[a] = 0 }
            for a in 0..<n where !dead[a] {
                let lo = Int(offsets[a]), hi = Int(offsets[a + 1])
                if lo == hi {
                    dead[a] = true
                    continue
                }
                pairs.removeAll(keepingCapacity: true)
                let base = a * w
                for p in lo..<hi {
                    let b = Int(adjacentBonds[p])
                    let o = Int(adjacentAtoms[p])
                    sets[base + (b >> 6)] |= 1 << UInt64(b & 63)
                    let ob = o * w
                    for k in 0..<w { sets[base + k] |= previousSets[ob + k] }
                    pairs.append(UInt64(bondInv[b]) << 32 | UInt64(inv[o]))
                }
                // Insertion sort: degrees are small.
                if pairs.count > 1 {
                    for i in 1..<pairs.count {
                        let x = pairs[i]
                        var j = i
                        while j > 0 && pairs[j - 1] > x {
                            pairs[j] = pairs[j - 1]
                            j -= 1
                        }
                        pairs[j] = x
                    }
                }
                var code = MorganHash.combine(UInt32(truncatingIfNeeded: layer), inv[a])
                for pair in pairs {
                    code = MorganHash.combine(code, MorganHash.pair(UInt32(pair >> 32), UInt32(truncatingIfNeeded: pair)))
                }
                next[a] = code
                var h: UInt64 = 0x243F_6A88_85A3_08D3
                for k in 0..<w { h = mix(h ^ sets[base + k]) }
                entries.append(Entry(setHash: h, code: code, atom: Int32(a)))
            }

            entries.sort { x, y in
                if x.setHash != y.setHash { return x.setHash < y.setHash }
                if x.code != y.code { return x.code < y.code }
                return x.atom < y.atom
            }

            newHashes.removeAll(keepingCapacity: true)
            newSets.removeAll(keepingCapacity: true)
            var p = 0
            var i = 0
            while i < entries.count {
                let h = entries[i].setHash
                var j = i + 1
                while j < entries.count && entries[j].setHash == h { j += 1 }
                while p < seenHashes.count && seenHashes[p] < h { p += 1 }
                var q = p
                while q < seenHashes.count && seenHashes[q] == h { q += 1 }
                let groupStart = newHashes.count
                for k in i..<j {
                    let a = Int(entries[k].atom)
                    let base = a * w
                    var found = false
                    var c = p
                    while !found && c < q {
                        found = equalSets(seenSets, c * w, sets, base, w)
                        c += 1
                    }
                    c = groupStart
                    while !found && c < newHashes.count {
                        found = equalSets(newSets, c * w, sets, base, w)
                        c += 1
                    }
                    if found {
                        dead[a] = true
                    } else {
                        ids.append(entries[k].code)
                        if recordCentres {
                            centres.append(Int32(a))
                            radii.append(Int32(layer + 1))
                        }
                        newHashes.append(h)
                        for k in 0..<w { newSets.append(sets[base + k]) }
                    }
                }
                i = j
            }
            if layer + 1 < radius {
                mergeSeen(&seenHashes, &seenSets, newHashes, newSets, w)
                swap(&inv, &next)
                for k in 0..<(n * w) { previousSets[k] = sets[k] }
            }
        }
    }

    @inline(__always)
    static func equalSets(_ x: [UInt64], _ xBase: Int, _ y: [UInt64], _ yBase: Int, _ w: Int) -> Bool {
        for k in 0..<w where x[xBase + k] != y[yBase + k] { return false }
        return true
    }

    /// Merges this layer's emitted sets (sorted by hash) into the seen ones (sorted by hash).
    static func mergeSeen(
        _ hashes: inout [UInt64], _ sets: inout [UInt64], _ newHashes: [UInt64], _ newSets: [UInt64], _ w: Int
    ) {
        guard !newHashes.isEmpty else { return }
        var mergedHashes: [UInt64] = []
        var mergedSets: [UInt64] = []
        mergedHashes.reserveCapacity(hashes.count + newHashes.count)
        mergedSets.reserveCapacity(sets.count + newSets.count)
        var i = 0, j = 0
        while i < hashes.count || j < newHashes.count {
            if j >= newHashes.count || (i < hashes.count && hashes[i] <= newHashes[j]) {
                mergedHashes.append(hashes[i])
                mergedSets.append(contentsOf: sets[(i * w)..<(i * w + w)])
                i += 1
            } else {
                mergedHashes.append(newHashes[j])
                mergedSets.append(contentsOf: newSets[(j * w)..<(j * w + w)])
                j += 1
            }
        }
        hashes = mergedHashes
        sets = mergedSets
    }
}
