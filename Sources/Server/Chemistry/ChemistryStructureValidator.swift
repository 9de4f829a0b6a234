import Chemistry
import Exchange

/// The chemistry core's SMILES reader behind the exchange's `StructureValidator` seam: a structure is read and
/// perceived as RDKit sanitizes it, written back as canonical SMILES, and standardized (largest organic
/// fragment, neutralized) for search and classification. Problems carry the reader's 1-based column.
public struct ChemistryStructureValidator: StructureValidator {
    public init() {}

    public func check(smiles: String) throws(StructureProblem) -> CheckedStructure {
        try ChemistryStructureSearcher.refuseWhitespace(smiles, "a SMILES has no spaces; send the substance's name in `name`")
        let molecule: Molecule
        do {
            molecule = try Molecule(smiles: smiles)
        } catch {
            throw StructureProblem(message: error.message, position: error.column)
        }
        guard molecule.atomCount > 0 else { throw StructureProblem(message: "the SMILES has no atoms", position: 1) }
        let standardized = molecule.standardized()
        return CheckedStructure(canonicalSmiles: molecule.canonicalSMILES(),
                                standardizedSmiles: standardized.molecule.canonicalSMILES(),
                                standardization: standardized.report.steps.map(\.description))
    }
}
