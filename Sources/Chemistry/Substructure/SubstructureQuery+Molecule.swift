extension SubstructureQuery {
    /// Uses a perceived molecule as the query, matched as RDKit matches a `MolFromSmiles` query:
    /// - atoms must have the same atomic number, and the same charge, isotope and radical count when the
    ///   query atom sets them (an uncharged query atom matches any charge); a dummy query atom `*` matches
    ///   only dummy atoms, and a labelled one (`[1*]`) only unlabelled or equally labelled dummies;
    /// - a query atom in `n` rings needs a target atom in at least `n` rings;
    /// - hydrogen counts and aromatic flags of atoms are not compared, bond types are (aromatic, single,
    ///   double, triple...), so `CC` from SMILES does not match the aromatic bonds of benzene.
    public init(molecule: Molecule) {
        let hasRings = molecule.ringInfo.atomStats.count == molecule.atomCount
        var atoms: [QueryGraph.Atom] = []
        atoms.reserveCapacity(molecule.atomCount)
        for (index, atom) in molecule.atoms.enumerated() {
            var operands = [AtomExpression(.equals(.atomicNumber, Int32(atom.atomicNumber)))]
            if hasRings, molecule.ringInfo.ringCount(ofAtom: index) > 0 {
                operands.append(AtomExpression(.atLeast(.ringCount, Int32(molecule.ringInfo.ringCount(ofAtom: index)))))
            }
            if atom.atomicNumber == 0 {
                if atom.isotope != 0 {
                    operands.append(
                        .combine(.or, [AtomExpression(.equals(.isotope, Int32(atom.isotope))), AtomExpression(.equals(.isotope, 0))]))
                }
            } else {
                if atom.formalCharge != 0 { operands.append(AtomExpression(.equals(.formalCharge, Int32(atom.formalCharge)))) }
                if atom.isotope != 0 { operands.append(AtomExpression(.equals(.isotope, Int32(atom.isotope)))) }
                if atom.radicalElectrons != 0 {
                    operands.append(AtomExpression(.equals(.radicalElectrons, Int32(atom.radicalElectrons))))
                }
            }
            atoms.append(
                QueryGraph.Atom(
                    expression: .combine(.and, operands), chirality: atom.chirality.isTetrahedral ? atom.chirality : .none,
                    referenceHasHydrogen: atom.totalHydrogens == 1, mapNumber: Int32(clamping: atom.mapNumber)))
        }
        var bonds: [QueryGraph.Bond] = []
        bonds.reserveCapacity(molecule.bondCount)
        for bond in molecule.bonds {
            let aromatic = MatchTarget.isAromatic(bond)
            let node: BondNode
            if aromatic {
                node = BondNode(.aromatic)
            } else {
                switch bond.order {
                case .single: node = BondNode(.single)
                case .double: node = BondNode(.double)
                case .triple: node = BondNode(.triple)
                case .quadruple: node = BondNode(.quadruple)
                case .aromatic: node = BondNode(.aromatic)
                case .dative: node = BondNode(.dative, donorIsBegin: true)
                case .zero: node = BondNode(.zero)
                case .unspecified: node = BondNode(.always)
                }
            }
            let isDouble = !aromatic && bond.order == .double
            let hasStereo = isDouble && (bond.stereo == .cis || bond.stereo == .trans)
            bonds.append(
                QueryGraph.Bond(
                    begin: bond.begin, end: bond.end, expression: BondExpression(node), isDoubleType: isDouble,
                    stereo: hasStereo ? bond.stereo : .none, stereoAtoms: hasStereo ? bond.stereoAtoms : (-1, -1)))
        }
        self.init(graphs: [QueryGraph(atoms: atoms, bonds: bonds)], smarts: nil, name: molecule.name)
    }
}
