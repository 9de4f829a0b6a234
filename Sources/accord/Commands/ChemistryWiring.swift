import Exchange
import Server

/// The chemistry the server is built with: structure check, law classifier and structure search.
///
/// Structures are read, canonicalized and standardized by the chemistry core (`ChemistryStructureValidator`),
/// and searched by substructure (screen, then matcher) and Morgan similarity (`ChemistryStructureSearcher`).
///
/// Classification: the law determination engine (structure -> status per jurisdiction at a date) is not in
/// this build, and the knowledge base offers no lookup by structure, so every structure is stored as
/// explicitly "not yet classified" (outcome `unavailable`, engine `none`), never with a guessed answer.
/// When the engine lands, replace `classifier` with an adapter mapping its per-jurisdiction answers to
/// `Determination` (status words `scheduled`, `precursor`, `not_controlled`, `unknown`); nothing else in the
/// server changes.
enum ChemistryWiring {
    static let validator: any StructureValidator = ChemistryStructureValidator()
    static let classifier: any SubstanceClassifier = UnavailableClassifier(
        reason: "not yet classified: this server has no law determination engine yet; the structure is stored as sent and can be classified once the engine is wired in")
    static let searcher: any StructureSearcher = makeSearcher()

    static func makeSearcher() -> any StructureSearcher {
        do {
            return try ChemistryStructureSearcher()
        } catch {
            return UnavailableStructureSearcher(reason: "structure search could not start: \(error)")
        }
    }
}
