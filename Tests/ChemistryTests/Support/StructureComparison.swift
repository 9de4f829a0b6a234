import Chemistry

/// Structural comparison of two molecules with the same atom numbering, for round-trip tests.
enum StructureComparison {
    /// nil when the molecules have the same atoms (element, charge, isotope, radicals, total hydrogens), bonds
    /// (ends, order, aromaticity), tetrahedral configurations and cis/trans configurations; otherwise what
    /// differs first. A double bond without configuration and one whose configuration is unknown are the same
    /// thing to a molfile (RDKit writes both crossed), so they compare equal.
    static func difference(_ a: Molecule, _ b: Molecule) -> String? {
        guard a.atomCount == b.atomCount else { return "atom count \(a.atomCount) vs \(b.atomCount)" }
        guard a.bondCount == b.bondCount else { return "bond count \(a.bondCount) vs \(b.bondCount)" }
        for i in 0..<a.atomCount {
            let (x, y) = (a.atoms[i], b.atoms[i])
            if x.atomicNumber != y.atomicNumber || x.formalCharge != y.formalCharge || x.isotope != y.isotope
                || x.radicalElectrons != y.radicalElectrons
            {
                return "atom \(i + 1): \(x) vs \(y)"
            }
            if a.totalHydrogens(of: i) != b.totalHydrogens(of: i) {
                return "atom \(i + 1): \(a.totalHydrogens(of: i)) vs \(b.totalHydrogens(of: i)) hydrogens"
            }
            if x.chirality != y.chirality { return "atom \(i + 1): chirality \(x.chirality) vs \(y.chirality)" }
        }
        for i in 0..<a.bondCount {
            let (x, y) = (a.bonds[i], b.bonds[i])
            guard Set([x.begin, x.end]) == Set([y.begin, y.end]) else { return "bond \(i + 1) joins other atoms" }
            if x.order != y.order || x.isAromatic != y.isAromatic {
                return "bond \(i + 1): \(x.order)/\(x.isAromatic) vs \(y.order)/\(y.isAromatic)"
            }
        }
        let sa = StereoComparison.doubleBonds(a, relativeTo: nil).filter { !$0.hasSuffix(":either") }
        let sb = StereoComparison.doubleBonds(b, relativeTo: nil).filter { !$0.hasSuffix(":either") }
        if sa != sb { return "double bonds \(sa) vs \(sb)" }
        return nil
    }
}
