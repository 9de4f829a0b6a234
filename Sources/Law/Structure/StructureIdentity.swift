import Chemistry

/// How a structure is identified against the knowledge base: the standardized parent (largest organic
/// fragment, neutralized), then stereo and isotopes set aside, written as non-isomeric canonical SMILES. The
/// law covers salts and isomers of a listed substance, so a hydrochloride or one enantiomer of a listed
/// racemate must find the same entry.
public struct StructureIdentity: Sendable {
    /// The standardized parent, stereo and isotopes kept (what the answer shows the user).
    public let standardized: Molecule
    /// Canonical isomeric SMILES of `standardized`.
    public let standardizedSMILES: String
    /// Non-isomeric canonical SMILES of the parent without stereo or isotopes: the lookup key.
    public let key: String
    /// The standardization steps that changed the input, in order (salts removed, charges neutralized,
    /// stereo and isotopes set aside for the lookup). Atom numbers of the stereo and isotope steps refer to
    /// the parent, those of the first two steps to the input.
    public let report: StandardizationReport

    public init(_ molecule: Molecule) {
        let parent = molecule.standardized()
        standardized = parent.molecule
        standardizedSMILES = parent.molecule.canonicalSMILES()
        let hasStereoOrIsotopes = parent.molecule.atoms.contains { $0.isotope != 0 || $0.chirality.kind != .none }
            || parent.molecule.bonds.contains { $0.stereo != .none }
        guard hasStereoOrIsotopes else {
            // Nothing to set aside: the isomeric canonical SMILES is the non-isomeric one.
            key = standardizedSMILES
            report = parent.report
            return
        }
        let loose = parent.molecule.standardized(
            options: StandardizationOptions(largestFragment: false, neutralize: false, removeStereo: true, removeIsotopes: true))
        key = loose.molecule.canonicalSMILES(options: CanonicalSMILESOptions(isomeric: false))
        report = StandardizationReport(steps: parent.report.steps + loose.report.steps)
    }

}
