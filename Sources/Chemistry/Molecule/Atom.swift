/// One atom of a `Molecule`: a small value stored contiguously, with no references.
///
/// Hydrogens are usually not graph atoms. An atom carries two counts of them:
/// - `explicitHydrogens`: written by the input (SMILES bracket `[NH2+]`, molfile `H` count, or `[H]` atoms
///   the SMILES reader folded into their neighbour) and never changed by perception;
/// - `implicitHydrogens`: computed by the valence model for atoms that allow it (`noImplicit == false`).
/// `totalHydrogens` is their sum; hydrogen atoms that are graph neighbours are counted by
/// `Molecule.totalHydrogens(of:)`.
@frozen
public struct Atom: Sendable, Hashable {
    /// Atomic number; 0 for a dummy or query atom (`*`, `R`).
    public var atomicNumber: UInt8
    /// Formal charge.
    public var formalCharge: Int8
    /// Mass number, or 0 for natural isotopic abundance.
    public var isotope: UInt16
    /// Hydrogens stated by the input, not graph atoms.
    public var explicitHydrogens: UInt8
    /// Hydrogens added by the valence model.
    public var implicitHydrogens: UInt8
    /// Unpaired electrons.
    public var radicalElectrons: UInt8
    /// Set by aromaticity perception (or by aromatic input before it is kekulized).
    public var isAromatic: Bool
    /// `true` when the input fixed the hydrogen count (bracket atoms, molfile atoms with an H count):
    /// the valence model must not add implicit hydrogens.
    public var noImplicit: Bool
    /// Stereo configuration relative to the atom's reference neighbour order (see `Chirality`).
    public var chirality: Chirality
    /// Atom map number or OpenSMILES atom class (`[CH3:4]`); 0 when absent.
    public var mapNumber: UInt32

    @inlinable
    public init(
        atomicNumber: UInt8, formalCharge: Int8 = 0, isotope: UInt16 = 0, explicitHydrogens: UInt8 = 0,
        implicitHydrogens: UInt8 = 0, radicalElectrons: UInt8 = 0, isAromatic: Bool = false,
        noImplicit: Bool = false, chirality: Chirality = .none, mapNumber: UInt32 = 0
    ) {
        self.atomicNumber = atomicNumber
        self.formalCharge = formalCharge
        self.isotope = isotope
        self.explicitHydrogens = explicitHydrogens
        self.implicitHydrogens = implicitHydrogens
        self.radicalElectrons = radicalElectrons
        self.isAromatic = isAromatic
        self.noImplicit = noImplicit
        self.chirality = chirality
        self.mapNumber = mapNumber
    }

    /// Hydrogens that are not graph atoms.
    @inlinable
    public var totalHydrogens: Int { Int(explicitHydrogens) + Int(implicitHydrogens) }

    /// The element symbol (`*` for a dummy atom).
    public var symbol: String { ElementTable.symbol(Int(atomicNumber)) ?? "*" }
}
