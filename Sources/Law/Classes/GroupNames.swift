import Chemistry

/// Names for the groups fentanyl analogues commonly carry, keyed by the non-isomeric canonical SMILES of the
/// group with `*` at its attachment point, so a modification reads "propionyl replaced by
/// cyclopentanecarbonyl" rather than as SMILES. A group without a name here is shown as its SMILES.
struct GroupNames: Sendable {
    private let names: [String: String]

    init() {
        var names: [String: String] = [:]
        for (smiles, name) in GroupNames.table {
            guard let molecule = try? Molecule(smiles: smiles) else { continue }
            names[molecule.canonicalSMILES(options: CanonicalSMILESOptions(isomeric: false))] = name
        }
        self.names = names
    }

    func name(forKey key: String) -> String? { names[key] }

    /// The canonical SMILES of a group of `m`: the atoms of `branch` plus `anchor` written as `*`.
    static func key(_ m: Molecule, branch: [Int], anchor: Int) -> String {
        guard var group = m.extracting(atoms: [anchor] + branch) else { return "?" }
        group.updateAtom(0) { $0 = Atom(atomicNumber: 0) }
        if let b = group.bond(between: 0, and: 1) { group.updateBond(b) { $0.isAromatic = false; if $0.order == .aromatic { $0.order = .single } } }
        return group.canonicalSMILES(options: CanonicalSMILESOptions(isomeric: false))
    }

    static let table: [(String, String)] = [
        // Acyl groups on the amide nitrogen.
        ("*C=O", "formyl"), ("*C(C)=O", "acetyl"), ("*C(=O)CC", "propionyl"), ("*C(=O)CCC", "butyryl"),
        ("*C(=O)C(C)C", "isobutyryl"), ("*C(=O)CCCC", "valeryl (pentanoyl)"), ("*C(=O)CC(C)C", "isovaleryl (3-methylbutanoyl)"),
        ("*C(=O)C(C)(C)C", "pivaloyl"), ("*C(=O)CCCCC", "hexanoyl"), ("*C(=O)C=C", "acryloyl"),
        ("*C(=O)C=CC", "but-2-enoyl (crotonyl)"), ("*C(=O)C(C)=C", "methacryloyl"), ("*C(=O)C1CC1", "cyclopropanecarbonyl"),
        ("*C(=O)C1CCC1", "cyclobutanecarbonyl"), ("*C(=O)C1CCCC1", "cyclopentanecarbonyl"), ("*C(=O)C1CCCCC1", "cyclohexanecarbonyl"),
        ("*C(=O)c1ccccc1", "benzoyl"), ("*C(=O)c1ccco1", "furan-2-carbonyl"), ("*C(=O)c1ccoc1", "furan-3-carbonyl"),
        ("*C(=O)c1cccs1", "thiophene-2-carbonyl"), ("*C(=O)COC", "methoxyacetyl"), ("*C(=O)C1CCCO1", "oxolane-2-carbonyl (tetrahydrofuranyl)"),
        ("*C(=O)C1CCOC1", "oxolane-3-carbonyl"), ("*C(=O)C(F)(F)F", "trifluoroacetyl"), ("*C(=O)OC", "methoxycarbonyl"),
        ("*C(=O)OCC", "ethoxycarbonyl"), ("*C(=O)OC(C)(C)C", "tert-butoxycarbonyl"), ("*C(=O)N", "carbamoyl"),
        ("*C(=O)NC", "methylcarbamoyl"), ("*C(=S)CC", "thiopropionyl"), ("*S(C)(=O)=O", "methanesulfonyl"),
        ("*S(=O)(=O)CC", "ethanesulfonyl"), ("*S(=O)(=O)CCC", "propanesulfonyl"), ("*C(=O)CO", "hydroxyacetyl"),
        ("*C(=O)Cc1ccccc1", "phenylacetyl"),
        // Rings on the amide nitrogen or at the end of the ethyl bridge.
        ("*c1ccccc1", "phenyl"), ("*c1ccccn1", "pyridin-2-yl"), ("*c1cccnc1", "pyridin-3-yl"), ("*c1ccncc1", "pyridin-4-yl"),
        ("*c1cccs1", "thiophen-2-yl"), ("*c1ccsc1", "thiophen-3-yl"), ("*c1ccco1", "furan-2-yl"), ("*c1ccoc1", "furan-3-yl"),
        ("*c1ncccn1", "pyrimidin-2-yl"), ("*c1cnccn1", "pyrazin-2-yl"), ("*c1nccs1", "thiazol-2-yl"),
        ("*c1ccc(F)cc1", "4-fluorophenyl"), ("*c1cccc(F)c1", "3-fluorophenyl"), ("*c1ccccc1F", "2-fluorophenyl"),
        ("*c1ccc(Cl)cc1", "4-chlorophenyl"), ("*c1cccc(Cl)c1", "3-chlorophenyl"), ("*c1ccccc1Cl", "2-chlorophenyl"),
        ("*c1ccc(Br)cc1", "4-bromophenyl"), ("*c1ccc(C)cc1", "4-methylphenyl"), ("*c1cccc(C)c1", "3-methylphenyl"),
        ("*c1ccccc1C", "2-methylphenyl"), ("*c1ccc(OC)cc1", "4-methoxyphenyl"), ("*c1cccc(OC)c1", "3-methoxyphenyl"),
        ("*c1ccccc1OC", "2-methoxyphenyl"), ("*c1ccc(O)cc1", "4-hydroxyphenyl"), ("*c1ccc(F)cc1F", "2,4-difluorophenyl"),
        ("*C1CCCCC1", "cyclohexyl"), ("*C1CCCC1", "cyclopentyl"), ("*C1CCC1", "cyclobutyl"), ("*C1CC1", "cyclopropyl"),
        ("*n1nnn(CC)c1=O", "4-ethyl-5-oxotetrazol-1-yl"), ("*c1ccc2ccccc2c1", "naphthalen-2-yl"),
        ("*c1cccc2ccccc12", "naphthalen-1-yl"), ("*C1CCCCC1", "cyclohexyl"), ("*c1ccc2c(c1)OCO2", "1,3-benzodioxol-5-yl"),
        // Groups on the piperidine nitrogen.
        ("*CCc1ccccc1", "phenethyl (2-phenylethyl)"), ("*Cc1ccccc1", "benzyl"), ("*CCCc1ccccc1", "3-phenylpropyl"),
        ("*C", "methyl"), ("*CC", "ethyl"), ("*CCC", "propyl"), ("*CCc1cccs1", "2-(thiophen-2-yl)ethyl"),
        ("*CCc1ccsc1", "2-(thiophen-3-yl)ethyl"), ("*CCc1ccncc1", "2-(pyridin-4-yl)ethyl"), ("*CCc1ccccn1", "2-(pyridin-2-yl)ethyl"),
        ("*CCC1CCCCC1", "2-cyclohexylethyl"), ("*CC(C)c1ccccc1", "2-phenylpropyl"), ("*C(C)Cc1ccccc1", "1-phenylpropan-2-yl"),
        ("*CC(O)c1ccccc1", "2-hydroxy-2-phenylethyl"), ("*CCc1ccc(F)cc1", "2-(4-fluorophenyl)ethyl"),
        ("*CC(C#N)c1ccccc1", "2-cyano-2-phenylethyl"), ("*CCc1ccc2ccccc2c1", "2-(naphthalen-2-yl)ethyl"),
        ("*CCC(=O)OC", "3-methoxy-3-oxopropyl"), ("*CCn1nnn(CC)c1=O", "2-(4-ethyl-5-oxotetrazol-1-yl)ethyl"),
        ("*CC(C)c1cccs1", "2-(thiophen-2-yl)propyl"), ("*CC(O)c1cccs1", "2-hydroxy-2-(thiophen-2-yl)ethyl"),
        ("*C(C)Cc1cccs1", "1-(thiophen-2-yl)propan-2-yl"), ("*CCc1ccco1", "2-(furan-2-yl)ethyl"), ("*CC(=O)c1ccccc1", "2-oxo-2-phenylethyl"), ("*C=Cc1ccccc1", "styryl"),
        // Substituents.
        ("*C(C)C", "isopropyl"), ("*F", "fluoro"), ("*Cl", "chloro"), ("*Br", "bromo"), ("*I", "iodo"), ("*O", "hydroxy"),
        ("*OC", "methoxy"), ("*OCC", "ethoxy"), ("*N", "amino"), ("*NC", "methylamino"), ("*N(C)C", "dimethylamino"),
        ("*[N+](=O)[O-]", "nitro"), ("*COC", "methoxymethyl"), ("*C(F)(F)F", "trifluoromethyl"), ("*C#N", "cyano"),
        ("*C=C", "vinyl"), ("*CC=C", "allyl"), ("*OC(C)=O", "acetoxy"), ("*CO", "hydroxymethyl"), ("*C(=O)O", "carboxy"),
        ("*=O", "oxo"), ("*C#C", "ethynyl"), ("*CCO", "2-hydroxyethyl"), ("*CN", "aminomethyl"),
    ]
}
