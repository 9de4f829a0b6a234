/// The stereo configuration written on an atom.
///
/// Tetrahedral chirality is relative to the atom's *reference order* of neighbours, which is the same for
/// every reader and writer so that stereo survives any round trip:
/// 1. an implicit hydrogen (a hydrogen count that is not a graph atom), if the atom has exactly one, comes
///    first;
/// 2. then the graph neighbours in the order `Molecule.neighbors(of:)` lists them (bond-index order).
///
/// A three-connected centre without an implicit hydrogen (a sulfoxide S, a phosphine P) has a lone pair as
/// its fourth neighbour, placed *last* in every order (so `C[S@](=O)CC` and `[S@](C)(=O)CC` agree, as in
/// RDKit).
///
/// Looking from the first reference neighbour, `.counterclockwise` (SMILES `@`) means the others run
/// anticlockwise, `.clockwise` (`@@`) clockwise. Readers convert their own order (the SMILES string's, the
/// molfile's) into the reference order with `ChiralityPermutation.convert`; writers convert back.
///
/// The non-tetrahedral OpenSMILES classes (`@SP`, `@TB`, `@OH`) are kept with their number relative to the
/// same reference order (converted through their geometry, `NonTetrahedralGeometry`), so they survive reading
/// and writing even though no perception uses them yet. `@AL` refers to the ends of an allene, not to the
/// centre's neighbours, and is kept as written.
@frozen
public struct Chirality: Sendable, Hashable {
    /// The stereo class.
    public enum Kind: UInt8, Sendable, Hashable {
        case none = 0, tetrahedral, allene, squarePlanar, trigonalBipyramidal, octahedral
    }

    public var kind: Kind
    /// The class number: 1 (`@`) or 2 (`@@`) for tetrahedral and allene, 1-3 square planar, 1-20
    /// trigonal bipyramidal, 1-30 octahedral; 0 for `.none`.
    public var number: UInt8

    @inlinable
    public init(kind: Kind, number: UInt8) {
        self.kind = kind
        self.number = number
    }

    public static let none = Chirality(kind: .none, number: 0)
    /// SMILES `@`.
    public static let counterclockwise = Chirality(kind: .tetrahedral, number: 1)
    /// SMILES `@@`.
    public static let clockwise = Chirality(kind: .tetrahedral, number: 2)

    @inlinable
    public var isTetrahedral: Bool { kind == .tetrahedral }

    /// The same configuration seen through an odd permutation of the reference order (`@` <-> `@@`).
    /// Only tetrahedral and allene stereo have a two-valued parity that a swap inverts.
    @inlinable
    public var inverted: Chirality {
        switch kind {
        case .tetrahedral, .allene: return Chirality(kind: kind, number: number == 1 ? 2 : 1)
        default: return self
        }
    }
}
