extension Molecule {
    /// The molecule renumbered into canonical order (atom `i` has rank `i`), with stereo marks that are not
    /// real stereo removed (and, when not `isomeric`, all stereo and isotopes removed).
    ///
    /// Two inputs of the same molecule give canonicalized molecules with the same atoms, bonds and stereo,
    /// which is what canonical SMILES writes out and what exact-identity lookups can compare.
    public func canonicalized(options: CanonicalRankingOptions = CanonicalRankingOptions()) -> Molecule {
        canonicalized(with: canonicalRanking(options: options), isomeric: options.isomeric)
    }

    /// Applies a ranking computed for this molecule.
    func canonicalized(with ranking: CanonicalRanking, isomeric: Bool) -> Molecule {
        var copy = self
        for a in 0..<copy.atomCount where copy.atoms[a].chirality.kind != .none {
            if !isomeric || !ranking.keptAtomStereo[a] { copy.atoms[a].chirality = .none }
        }
        for b in 0..<copy.bondCount where copy.bonds[b].stereo != .none {
            let realStereo = copy.bonds[b].stereo == .cis || copy.bonds[b].stereo == .trans
            if !isomeric || (realStereo && !ranking.keptBondStereo[b]) {
                copy.bonds[b].stereo = .none
                copy.bonds[b].stereoAtoms = (-1, -1)
            }
        }
        if !isomeric {
            for a in 0..<copy.atomCount where copy.atoms[a].isotope != 0 { copy.atoms[a].isotope = 0 }
        }
        return copy.renumbered(ranking.order.map(Int.init)) ?? copy
    }
}
