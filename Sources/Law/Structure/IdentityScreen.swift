import Chemistry

/// A cheap necessary condition of identity: heavy atoms counted per element and the bonds between heavy atoms.
/// Two molecules with the same non-isomeric canonical SMILES are the same graph, so they have the same screen;
/// a structure whose screen no knowledge-base structure has cannot match any, and its lookup key (a canonical
/// SMILES, the costliest part of identification) need not be written. Hydrogens, charges and bond orders are
/// left out on purpose: hydrogens may be graph atoms or counts and charges may sit on hydrogen atoms, and the
/// screen must not tell apart two forms that canonical SMILES writes alike.
public struct IdentityScreen: Sendable, Hashable {
    /// Per element present, `atomicNumber << 24 | count`, by atomic number; then the heavy-heavy bond count.
    private let words: [UInt32]

    public init(_ molecule: Molecule) {
        // Counts by atomic number (0 to 255); most molecules hold a handful of elements.
        var counts = [UInt32](repeating: 0, count: 256)
        var present = 0
        for atom in molecule.atoms where atom.atomicNumber != 1 {
            let z = Int(atom.atomicNumber)
            if counts[z] == 0 { present += 1 }
            counts[z] &+= 1
        }
        var bonds: UInt32 = 0
        for bond in molecule.bonds
        where molecule.atoms[Int(bond.begin)].atomicNumber != 1 && molecule.atoms[Int(bond.end)].atomicNumber != 1 {
            bonds &+= 1
        }
        var words: [UInt32] = []
        words.reserveCapacity(present + 1)
        for z in 0..<counts.count where counts[z] != 0 {
            words.append(UInt32(z) << 24 | (counts[z] & 0xFF_FFFF))
        }
        words.append(bonds)
        self.words = words
    }
}
