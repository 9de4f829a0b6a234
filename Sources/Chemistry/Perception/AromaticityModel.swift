/// Which rings count as aromatic. Different toolkits disagree, and each downstream answer (SMILES, SMARTS
/// matches, fingerprints) depends on the choice, so it is named rather than implied.
public enum AromaticityModel: String, Sendable, Hashable, CaseIterable {
    /// RDKit's default model (`AROMATICITY_RDKIT`): Hückel 4n+2 over single rings and fused systems of up to
    /// six rings, with RDKit's electron-donor rules (docs/CHEMISTRY.md). The default everywhere.
    case rdkit
    /// RDKit's `AROMATICITY_SIMPLE`: the same electron counting on 5- and 6-membered rings only, each ring on
    /// its own (no fused systems).
    case simple
    /// RDKit's `AROMATICITY_MDL`: only C and N, only one-electron donors, no exocyclic multiple bonds, rings
    /// of at least 6 atoms (5-rings only as part of a fused system).
    case mdl
    /// No aromaticity: every bond keeps its Kekulé order and no flag is set.
    case none
}
