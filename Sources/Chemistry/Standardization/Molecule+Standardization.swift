extension Molecule {
    /// The parent structure used to identify a substance, and a report of what changed. Steps, in order:
    ///
    /// 1. largest organic fragment: salts, counter-ions and solvents are dropped (`FragmentChooser`);
    /// 2. neutralization of charged acids and bases where a neutral form exists (`Neutralizer`);
    /// 3. stereo removal, on request;
    /// 4. isotope removal, on request (labelled hydrogen atoms become hydrogen counts).
    ///
    /// The molecule should be perceived (as every reader returns it); the result is perceived again after
    /// changes. Standardizing never fails: a step whose result would not perceive (which should not happen)
    /// is skipped and the molecule keeps its previous form. Atom numbers in the report refer to `self`.
    public func standardized(options: StandardizationOptions = StandardizationOptions()) -> StandardizationResult {
        var molecule = self
        var origin = Array(0..<atomCount)  // input index of each current atom
        var steps: [StandardizationStep] = []

        if options.largestFragment {
            let fragments = molecule.fragments()
            if fragments.count > 1 {
                let choice = FragmentChooser.choose(molecule, fragments: fragments)
                if let parent = molecule.extracting(atoms: fragments[choice.index]) {
                    var removedAtoms: [Int] = []
                    var removedSMILES: [String] = []
                    for (i, fragment) in fragments.enumerated() where i != choice.index {
                        removedAtoms.append(contentsOf: fragment.map { origin[$0] })
                        removedSMILES.append(molecule.extracting(atoms: fragment)?.canonicalSMILES() ?? "?")
                    }
                    if !choice.organic {
                        steps.append(
                            StandardizationStep(
                                kind: .keptInorganicFragment, atoms: fragments[choice.index].map { origin[$0] },
                                details: [parent.canonicalSMILES()]))
                    }
                    steps.append(StandardizationStep(kind: .removedFragments, atoms: removedAtoms.sorted(), details: removedSMILES))
                    origin = fragments[choice.index].map { origin[$0] }
                    molecule = parent
                }
            }
        }

        if options.neutralize {
            var neutralizer = Neutralizer(molecule)
            neutralizer.run()
            if !neutralizer.changed.isEmpty {
                var candidate = neutralizer.molecule
                if (try? candidate.perceive(aromaticity: molecule.aromaticityModel ?? .rdkit)) != nil {
                    var seen = Set<Int>()
                    var atoms: [Int] = []
                    var details: [String] = []
                    for (atom, charge) in neutralizer.changed where seen.insert(atom).inserted {
                        atoms.append(origin[atom])
                        let sign = charge > 0 ? "+" : "-"
                        let magnitude = abs(charge) > 1 ? String(abs(charge)) : ""
                        details.append("\(molecule.atoms[atom].symbol)\(sign)\(magnitude) (atom \(origin[atom] + 1))")
                    }
                    steps.append(StandardizationStep(kind: .neutralized, atoms: atoms, details: details))
                    molecule = candidate
                }
            }
        }

        if options.removeStereo {
            var centres: [Int] = []
            var doubleBonds = 0
            var stereoAtoms: [Int] = []
            for a in 0..<molecule.atomCount where molecule.atoms[a].chirality.kind != .none {
                centres.append(a)
                molecule.atoms[a].chirality = .none
            }
            for b in 0..<molecule.bondCount where molecule.bonds[b].stereo != .none {
                if molecule.bonds[b].stereo != .either { doubleBonds += 1 }
                stereoAtoms.append(Int(molecule.bonds[b].begin))
                stereoAtoms.append(Int(molecule.bonds[b].end))
                molecule.bonds[b].stereo = .none
                molecule.bonds[b].stereoAtoms = (-1, -1)
            }
            if !centres.isEmpty || !stereoAtoms.isEmpty {
                var details: [String] = []
                if !centres.isEmpty { details.append("\(centres.count) \(centres.count == 1 ? "centre" : "centres")") }
                if doubleBonds > 0 { details.append("\(doubleBonds) double \(doubleBonds == 1 ? "bond" : "bonds")") }
                if doubleBonds == 0 && centres.isEmpty { details.append("unknown double-bond stereo") }
                let atoms = Set(centres + stereoAtoms).map { origin[$0] }.sorted()
                steps.append(StandardizationStep(kind: .removedStereo, atoms: atoms, details: details))
            }
        }

        if options.removeIsotopes {
            var labelled: [Int] = []
            var labels: [String] = []
            var fold = [Bool](repeating: false, count: molecule.atomCount)
            for a in 0..<molecule.atomCount where molecule.atoms[a].isotope != 0 {
                labelled.append(origin[a])
                labels.append("\(molecule.atoms[a].isotope)\(molecule.atoms[a].symbol) (atom \(origin[a] + 1))")
                molecule.atoms[a].isotope = 0
                let atom = molecule.atoms[a]
                if atom.atomicNumber == 1 && atom.formalCharge == 0 && atom.mapNumber == 0 { fold[a] = true }
            }
            if !labelled.isEmpty {
                if fold.contains(true) {
                    let (folded, newIndex) = molecule.foldingHydrogenAtoms(fold)
                    var candidate = folded
                    if (try? candidate.perceive(aromaticity: molecule.aromaticityModel ?? .rdkit)) != nil {
                        var newOrigin = [Int](repeating: 0, count: candidate.atomCount)
                        for (old, new) in newIndex.enumerated() where new >= 0 { newOrigin[Int(new)] = origin[old] }
                        origin = newOrigin
                        molecule = candidate
                    }
                }
                steps.append(StandardizationStep(kind: .removedIsotopes, atoms: labelled, details: labels))
            }
        }
        return StandardizationResult(molecule: molecule, report: StandardizationReport(steps: steps))
    }
}
