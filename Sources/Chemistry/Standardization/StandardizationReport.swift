/// One standardization step that changed the molecule, so a user (or an audit trail) can see why the
/// standardized structure differs from what was submitted.
public struct StandardizationStep: Sendable, Hashable, CustomStringConvertible {
    /// What the step did.
    public enum Kind: String, Sendable, Hashable {
        /// Fragments other than the chosen one were dropped (`details`: their canonical SMILES).
        case removedFragments = "removed_fragments"
        /// No fragment contains carbon; the largest inorganic one was kept (`details`: its SMILES).
        case keptInorganicFragment = "kept_inorganic_fragment"
        /// Charged atoms were neutralized (`details`: element and former charge, e.g. `N+`).
        case neutralized
        /// Stereo marks were removed (`details`: counts of centres and double bonds).
        case removedStereo = "removed_stereo"
        /// Isotope labels were removed (`details`: the labels, e.g. `2H`).
        case removedIsotopes = "removed_isotopes"
    }

    public let kind: Kind
    /// The atoms concerned, as 0-based indices of the molecule handed to `standardized(options:)`.
    public let atoms: [Int]
    /// What changed, one item per fragment, atom or count, in words.
    public let details: [String]

    public init(kind: Kind, atoms: [Int], details: [String]) {
        self.kind = kind
        self.atoms = atoms
        self.details = details
    }

    /// For example `removed fragments: Cl`, `neutralized: N+ (atom 12)`, `removed stereo: 2 centres`.
    public var description: String {
        let label: String
        switch kind {
        case .removedFragments: label = "removed fragments"
        case .keptInorganicFragment: label = "no organic fragment, kept the largest"
        case .neutralized: label = "neutralized"
        case .removedStereo: label = "removed stereo"
        case .removedIsotopes: label = "removed isotopes"
        }
        return "\(label): \(details.joined(separator: ", "))"
    }
}

/// The steps of one standardization that changed something, in the order they ran; empty when the
/// molecule was already standard.
public struct StandardizationReport: Sendable, Hashable, CustomStringConvertible {
    public var steps: [StandardizationStep]

    public init(steps: [StandardizationStep] = []) {
        self.steps = steps
    }

    /// Whether any step changed the molecule.
    public var changedMolecule: Bool { !steps.isEmpty }

    /// The steps in words, separated by `; `.
    public var description: String { steps.map(\.description).joined(separator: "; ") }
}

/// A standardized molecule and what was done to get it.
public struct StandardizationResult: Sendable {
    public var molecule: Molecule
    public var report: StandardizationReport
}
