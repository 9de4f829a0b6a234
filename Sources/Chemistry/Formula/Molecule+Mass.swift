/// Molecular masses and simple counts, defined as RDKit defines them so that values agree to the last digit that
/// matters (RDKit's `Descriptors.MolWt`, `Descriptors.ExactMolWt`, `GetNumHeavyAtoms`, `GetFormalCharge`).
extension Molecule {
    /// The mass of an electron in unified atomic mass units (CODATA 2018), subtracted per positive charge in
    /// monoisotopic masses, as mass spectrometry needs and RDKit does.
    public static let electronMass = 5.485_799_090_65e-4

    /// Average molecular weight in g/mol: standard atomic weights, except that isotope-labelled atoms weigh
    /// their isotope's mass (the mass number when the isotope is not tabulated).
    public var averageMass: Double {
        var mass = 0.0
        var hydrogens = 0
        for atom in atoms {
            mass += atom.isotope == 0 ? ElementTable.atomicWeight(Int(atom.atomicNumber)) : Self.isotopeMass(atom)
            hydrogens += atom.totalHydrogens
        }
        return mass + Double(hydrogens) * ElementTable.atomicWeight(1)
    }

    /// Monoisotopic mass: the most abundant isotope of each element (or the labelled isotope), less the mass of
    /// the electrons a positive ion lacks (plus those a negative ion carries).
    public var monoisotopicMass: Double {
        var mass = 0.0
        var hydrogens = 0
        for atom in atoms {
            mass += atom.isotope == 0 ? ElementTable.mostCommonIsotopeMass(Int(atom.atomicNumber)) : Self.isotopeMass(atom)
            mass -= Double(atom.formalCharge) * Self.electronMass
            hydrogens += atom.totalHydrogens
        }
        return mass + Double(hydrogens) * ElementTable.mostCommonIsotopeMass(1)
    }

    /// Atoms heavier than hydrogen (dummy atoms are not counted; deuterium is hydrogen).
    public var heavyAtomCount: Int {
        atoms.reduce(0) { $0 + ($1.atomicNumber > 1 ? 1 : 0) }
    }

    /// The sum of the formal charges.
    public var netCharge: Int {
        atoms.reduce(0) { $0 + Int($1.formalCharge) }
    }

    private static func isotopeMass(_ atom: Atom) -> Double {
        ElementTable.isotopeMass(Int(atom.atomicNumber), massNumber: Int(atom.isotope)) ?? Double(atom.isotope)
    }
}
