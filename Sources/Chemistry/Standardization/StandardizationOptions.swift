/// Which standardization steps `Molecule.standardized(options:)` runs. The defaults are what identity
/// lookups need (the law engine compares the parent compound of a salt, in neutral form); stereo and isotope
/// removal are for looser comparisons.
public struct StandardizationOptions: Sendable, Hashable {
    /// Keep only the largest organic fragment (drops counter-ions, salts and solvents).
    public var largestFragment = true
    /// Neutralize charged acids and bases where a neutral form exists.
    public var neutralize = true
    /// Remove all stereo (tetrahedral and other atom classes, cis/trans).
    public var removeStereo = false
    /// Remove isotope labels (deuterium atoms become ordinary hydrogens, counted on their atom).
    public var removeIsotopes = false

    public init(largestFragment: Bool = true, neutralize: Bool = true, removeStereo: Bool = false, removeIsotopes: Bool = false) {
        self.largestFragment = largestFragment
        self.neutralize = neutralize
        self.removeStereo = removeStereo
        self.removeIsotopes = removeIsotopes
    }
}
