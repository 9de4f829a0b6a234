import Exchange

/// The chemistry the server is built with: structure check, law classifier and structure search.
///
/// This build has no SMILES reader, law engine or structure search in the package yet, so structures are
/// refused with HTTP 501 (never stored unchecked), classifications are recorded as unavailable (never
/// guessed), and structure search answers 501. Replace these three values when the Chemistry and Law
/// modules provide them; nothing else in the server changes. For the SMILES reader the adapter is:
///
///     struct MoleculeValidator: StructureValidator {
///         func validate(smiles: String) throws(StructureProblem) {
///             do { _ = try Molecule(smiles: smiles) } catch { throw StructureProblem(message: error.message, position: error.column) }
///         }
///     }
///
/// A classifier maps the law engine's per-jurisdiction answers to `Determination` (status words `scheduled`,
/// `precursor`, `not_controlled`, `unknown`); a searcher compiles the SMARTS or fingerprints the query once and
/// runs it over the candidates it is given (already restricted to what the caller may read).
enum ChemistryWiring {
    static let validator: any StructureValidator = UnavailableValidator(
        reason: "this server was built without a SMILES reader, so structures cannot be checked and are refused; send substance names only")
    static let classifier: any SubstanceClassifier = UnavailableClassifier(reason: "this server was built without the law engine")
    static let searcher: any StructureSearcher = UnavailableStructureSearcher(reason: "this server was built without substructure and similarity search")
}

/// Refuses every structure as unavailable (HTTP 501) rather than storing it unchecked.
struct UnavailableValidator: StructureValidator {
    let reason: String
    func validate(smiles: String) throws(StructureProblem) {
        throw StructureProblem(message: reason, position: nil, unavailable: true)
    }
}
