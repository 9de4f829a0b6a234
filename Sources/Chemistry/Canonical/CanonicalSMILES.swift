/// How `canonicalSMILES(options:)` writes a molecule.
public struct CanonicalSMILESOptions: Sendable, Hashable {
    /// Write stereo (`@`, `@@`, `/`, `\`) and isotopes, and tell stereoisomers and isotopologues apart.
    public var isomeric = true
    /// Aromatic atoms in lowercase (`c1ccccc1`); `false` writes a Kekulé form (`C1=CC=CC=C1`), itself
    /// chosen canonically.
    public var aromatic = true

    public init(isomeric: Bool = true, aromatic: Bool = true) {
        self.isomeric = isomeric
        self.aromatic = aromatic
    }
}

extension Molecule {
    /// One SMILES per molecule, whatever order its atoms were read in: the atoms are ranked canonically
    /// (`canonicalRanking`), stereo marks that are not real stereo are dropped, and the SMILES writer walks
    /// each fragment depth-first from its lowest-ranked atom, taking branches and ring closures in rank
    /// order; fragments are sorted as strings and joined with `.`.
    ///
    /// The string need not equal RDKit's canonical SMILES, but RDKit reads it as the same molecule.
    public func canonicalSMILES(options: CanonicalSMILESOptions = CanonicalSMILESOptions()) -> String {
        let ranking = canonicalRanking(options: CanonicalRankingOptions(isomeric: options.isomeric))
        let writer = SMILESWriter(
            options: SMILESWriteOptions(aromatic: options.aromatic, isomeric: options.isomeric, atomMaps: true))
        let smiles: String
        if options.aromatic && !(options.isomeric && ranking.keptBondStereo.contains(true)) {
            // The writer's walk follows the ranks, and nothing else it decides depends on atom or bond
            // numbers when there are no '/' '' marks to place and no Kekulé form to choose: write the molecule
            // as it is, without renumbering it.
            var molecule = self
            for a in 0..<atomCount where atoms[a].chirality.kind != .none && !ranking.keptAtomStereo[a] {
                molecule.atoms[a].chirality = .none
            }
            smiles = writer.write(molecule, ranks: ranking.ranks.map(Int.init))
        } else {
            var canonical = canonicalized(with: ranking, isomeric: options.isomeric)
            if !options.aromatic { canonical.assignCanonicalKekuleForm() }
            smiles = writer.write(canonical, ranks: Array(0..<canonical.atomCount))
        }
        guard smiles.utf8.contains(UInt8(ascii: ".")) else { return smiles }
        return smiles.split(separator: ".").sorted().joined(separator: ".")
    }

    /// Places the double bonds of aromatic systems by a matching over the atoms in their current (canonical)
    /// order, so the Kekulé form written depends only on the molecule. The atoms that need a double bond
    /// are the same in every Kekulé form; only which partner they get changes.
    mutating func assignCanonicalKekuleForm() {
        let n = atomCount
        var matched = [Bool](repeating: false, count: n)
        var any = false
        for b in bonds where b.isAromatic && b.order == .double {
            matched[Int(b.begin)] = true
            matched[Int(b.end)] = true
            any = true
        }
        guard any else { return }
        var local = [Int](repeating: -1, count: n)
        var vertices: [Int] = []
        for a in 0..<n where matched[a] {
            local[a] = vertices.count
            vertices.append(a)
        }
        var start = [Int](repeating: 0, count: vertices.count + 1)
        var neighbours: [Int] = []
        var edgeBond: [Int] = []
        for (k, a) in vertices.enumerated() {
            for nb in self.neighbors(of: a) where bonds[nb.bond].isAromatic && local[nb.atom] >= 0 {
                let order = bonds[nb.bond].order
                guard order == .single || order == .double else { continue }
                neighbours.append(local[nb.atom])
                edgeBond.append(nb.bond)
            }
            start[k + 1] = neighbours.count
        }
        var matching = MaximumMatching(vertexCount: vertices.count, start: start, neighbours: neighbours)
        matching.seedGreedily()
        matching.augment()
        for k in 0..<vertices.count where matching.mate[k] < 0 { return }  // keep the perceived form
        for k in 0..<vertices.count {
            for p in start[k]..<start[k + 1] {
                bonds[edgeBond[p]].order = matching.mate[k] == neighbours[p] ? .double : .single
            }
        }
    }
}
