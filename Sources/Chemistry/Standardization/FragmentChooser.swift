/// Chooses the parent fragment of a multi-fragment record (a salt, a solvate, a mixture):
///
/// 1. fragments with at least one carbon atom ("organic") win over fragments without (so hydrochlorides,
///    sodium salts, water and metal counter-ions go, even when a counter-ion is heavier);
/// 2. then the most heavy (non-hydrogen) atoms;
/// 3. then the most atoms counting hydrogens (so `[BH4-]` wins over `[Na+]`);
/// 4. then the highest average molecular mass, hydrogens and isotopes included;
/// 5. then the smallest canonical SMILES, so the choice never depends on the order the fragments were
///    written in.
///
/// With no organic fragment at all (`[Na+].[Cl-]`) the same rules pick among the inorganic ones.
/// RDKit's `LargestFragmentChooser(preferOrganic=True)` uses the same organic test but ranks by atoms with
/// their hydrogens first; the two differ when the fragment with fewer heavy atoms carries more hydrogens
/// (methenamine mandelate, tetramethylammonium salts; see docs/CHEMISTRY.md). Like RDKit's, this rule keeps
/// a large organic counter-ion (pamoate, 29 heavy atoms) over a smaller drug.
enum FragmentChooser {
    struct Choice {
        var index: Int
        var organic: Bool
    }

    static func choose(_ m: Molecule, fragments: [[Int]]) -> Choice {
        struct Candidate {
            var index: Int
            var organic: Bool
            var heavyAtoms: Int
            var allAtoms: Int
            var mass: Double
        }
        var candidates: [Candidate] = []
        for (i, fragment) in fragments.enumerated() {
            var organic = false, heavy = 0, all = 0
            var mass = 0.0
            for a in fragment {
                let atom = m.atoms[a]
                let z = Int(atom.atomicNumber)
                if z == 6 { organic = true }
                if z > 1 { heavy += 1 }
                all += 1 + atom.totalHydrogens
                if atom.isotope != 0 {
                    mass += ElementTable.isotopeMass(z, massNumber: Int(atom.isotope)) ?? Double(atom.isotope)
                } else {
                    mass += ElementTable.atomicWeight(z)
                }
                mass += Double(atom.totalHydrogens) * ElementTable.atomicWeight(1)
            }
            candidates.append(Candidate(index: i, organic: organic, heavyAtoms: heavy, allAtoms: all, mass: mass))
        }
        let anyOrganic = candidates.contains { $0.organic }
        var best: [Candidate] = []
        for c in candidates where c.organic == anyOrganic {
            guard let first = best.first else {
                best = [c]
                continue
            }
            if c.heavyAtoms != first.heavyAtoms {
                if c.heavyAtoms > first.heavyAtoms { best = [c] }
            } else if c.allAtoms != first.allAtoms {
                if c.allAtoms > first.allAtoms { best = [c] }
            } else if abs(c.mass - first.mass) > 1e-6 {
                if c.mass > first.mass { best = [c] }
            } else {
                best.append(c)
            }
        }
        guard best.count > 1 else { return Choice(index: best[0].index, organic: anyOrganic) }
        var chosen = best[0].index
        var chosenSMILES = m.extracting(atoms: fragments[chosen])?.canonicalSMILES() ?? ""
        for c in best.dropFirst() {
            let smiles = m.extracting(atoms: fragments[c.index])?.canonicalSMILES() ?? ""
            if smiles < chosenSMILES {
                chosen = c.index
                chosenSMILES = smiles
            }
        }
        return Choice(index: chosen, organic: anyOrganic)
    }
}
