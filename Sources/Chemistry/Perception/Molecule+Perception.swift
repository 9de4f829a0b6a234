extension Molecule {
    /// Makes the molecule what RDKit's sanitization makes it, so every later answer (hydrogen counts,
    /// aromatic flags, rings, SMILES, fingerprints) agrees with RDKit's:
    /// 1. `cleanUp` rewrites (nitro and N-oxides to charge-separated form, halogen oxides, P ylides) and
    ///    single bonds from over-valent non-metals to metals become dative;
    /// 2. valence check and implicit hydrogens (RDKit's valence model, docs/CHEMISTRY.md);
    /// 3. kekulization of aromatic input (every bond gets a Kekulé order);
    /// 4. rings (relevant cycles, `ringInfo`) and radicals on atoms with a fixed hydrogen count;
    /// 5. aromaticity under `model` (flags on atoms and bonds; bonds keep their Kekulé order);
    /// 6. a last valence check with aromatic bonds counted as 1.5.
    ///
    /// Independent of any file format: readers build the atoms and bonds, then call this. Throws on
    /// impossible valences, unkekulizable aromatic input, and aromatic atoms outside rings, naming the atom.
    /// On error the molecule is left unchanged.
    public mutating func perceive(aromaticity model: AromaticityModel = .rdkit) throws(PerceptionError) {
        var perceiver = Perceiver(self)
        try perceiver.run(aromaticity: model)
        atoms = perceiver.atoms
        bonds = perceiver.bonds
        ringInfo = perceiver.rings
        aromaticityModel = model
    }

    /// Finds the rings only (no valence, kekulization or aromaticity), for molecules that are already
    /// perceived or that only need ring facts.
    public mutating func perceiveRings() {
        ringInfo = RingPerception.perceive(
            atomCount: atoms.count, bonds: bonds, offsets: adjacencyOffsets, adjacentAtoms: adjacentAtoms,
            adjacentBonds: adjacentBonds)
    }
}
