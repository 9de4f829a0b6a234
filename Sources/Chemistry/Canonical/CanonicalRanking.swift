/// What canonical ranking takes into account.
public struct CanonicalRankingOptions: Sendable, Hashable {
    /// Use stereo (tetrahedral, square-planar/bipyramidal/octahedral classes, cis/trans) and isotopes.
    /// Off: two stereoisomers or isotopologues get the same ranks.
    public var isomeric = true

    public init(isomeric: Bool = true) {
        self.isomeric = isomeric
    }
}

/// A canonical numbering of a molecule's atoms, and its symmetry classes.
///
/// `ranks` is a permutation of `0 ..< atomCount` that depends only on the molecule, not on the order its
/// atoms were read in: two inputs of the same molecule (same stereoisomer when `isomeric`) get ranks under
/// which their atoms, bonds and stereo coincide. Canonical SMILES walks the molecule in this order.
///
/// `symmetryClasses` are the graph-invariant classes before any tie was broken: atoms in one class cannot
/// be told apart by element, charge, isotope, hydrogens, aromaticity, ring membership, map number or by
/// anything about their surroundings (the two ortho carbons of phenol share a class). They are what a
/// substructure search uses to report each match once, and what the law engine uses to tell equivalent
/// positions apart from distinct ones. A class is numbered by the lowest rank its atoms can take, so the
/// numbers are themselves canonical.
///
/// `stereo` says which stereo marks survived: marks that do not describe real stereoisomerism (a
/// "stereocentre" with two equivalent neighbours, a double bond with two equivalent substituents at one
/// end, a three-connected amine nitrogen) are dropped before ranking, so equivalent inputs give one answer.
public struct CanonicalRanking: Sendable, Hashable {
    /// Canonical rank of each atom (a permutation of `0 ..< atomCount`).
    public let ranks: [Int32]
    /// Symmetry class of each atom, before ties were broken (the lowest rank any atom of the class gets).
    public let symmetryClasses: [Int32]
    /// Atoms whose chirality was kept (`true`) or dropped as not stereogenic; atoms without chirality are
    /// `false`.
    public let keptAtomStereo: [Bool]
    /// Bonds whose cis/trans stereo was kept; bonds without it are `false`.
    public let keptBondStereo: [Bool]
    /// How many stereo marks of the input were dropped as not stereogenic.
    public let droppedStereoCount: Int
    /// `false` when the search over equivalent tie-breaking choices (needed only for stereo in symmetric
    /// ring systems) hit its bound; the ranks are then valid but may depend on input order.
    public let isExhaustive: Bool

    /// The atoms in rank order (`order[ranks[a]] == a`).
    public var order: [Int32] {
        var result = [Int32](repeating: 0, count: ranks.count)
        for (atom, rank) in ranks.enumerated() { result[Int(rank)] = Int32(atom) }
        return result
    }

    /// The number of distinct symmetry classes.
    public var symmetryClassCount: Int { Set(symmetryClasses).count }
}

extension Molecule {
    /// Ranks the atoms canonically (see `CanonicalRanking`): partition refinement over atom invariants and
    /// neighbourhoods, then stereo, then deterministic tie breaking; docs/CHEMISTRY.md "Canonical ranking"
    /// describes the invariants and the order they are compared in.
    ///
    /// The molecule should be perceived (hydrogen counts, aromatic flags and rings are invariants). Stereo
    /// marks that are not real stereo are ignored here; `canonicalized()` removes them from the molecule.
    public func canonicalRanking(options: CanonicalRankingOptions = CanonicalRankingOptions()) -> CanonicalRanking {
        var ranker = CanonicalRanker(self, isomeric: options.isomeric)
        return ranker.run()
    }
}
