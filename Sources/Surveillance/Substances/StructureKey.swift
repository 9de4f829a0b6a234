import Chemistry

/// What two structures must share to be the same substance: the canonical SMILES of the standardized parent
/// (largest organic fragment, neutralized; Accord's chemistry core), with stereo and without.
///
/// Listings name a substance "including its isomers" and record most structures as constitution only, so a
/// match on the constitution is a match on the substance unless two listed substances share it (stereoisomers
/// listed apart), which the index reports.
public struct StructureKey: Sendable, Hashable {
    /// Canonical SMILES of the standardized structure, with stereo.
    public var isomeric: String
    /// Canonical SMILES of the standardized structure without stereo or isotopes.
    public var constitution: String

    /// The identity of a SMILES, or nil when it cannot be read.
    public init?(smiles: String) {
        guard let molecule = try? Molecule(smiles: smiles) else { return nil }
        self.init(molecule: molecule)
    }

    public init(molecule: Molecule) {
        let parent = molecule.standardized().molecule
        isomeric = parent.canonicalSMILES()
        constitution = parent.canonicalSMILES(options: CanonicalSMILESOptions(isomeric: false))
    }
}
