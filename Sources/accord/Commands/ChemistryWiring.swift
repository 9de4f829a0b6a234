import Exchange
import Law
import Server

/// The chemistry the server is built with: structure check, law classifier and structure search.
///
/// Structures are read, canonicalized and standardized by the chemistry core (`ChemistryStructureValidator`),
/// and searched by substructure (screen, then matcher) and Morgan similarity (`ChemistryStructureSearcher`).
///
/// Classification: the law determination engine over the bundled knowledge base (`LawEngineClassifier`);
/// when the knowledge base cannot be loaded, every structure is stored as explicitly "not yet classified"
/// (outcome `unavailable`, engine `none`, with the reason), never with a guessed answer.
enum ChemistryWiring {
    static let validator: any StructureValidator = ChemistryStructureValidator()
    static let classifier: any SubstanceClassifier = makeClassifier()
    static let searcher: any StructureSearcher = makeSearcher()

    static func makeClassifier() -> any SubstanceClassifier {
        do {
            return LawEngineClassifier(knowledgeBase: try KnowledgeBase.bundled())
        } catch {
            return UnavailableClassifier(reason: "not yet classified: the law knowledge base could not be loaded (\(error))")
        }
    }

    static func makeSearcher() -> any StructureSearcher {
        do {
            return try ChemistryStructureSearcher()
        } catch {
            return UnavailableStructureSearcher(reason: "structure search could not start: \(error)")
        }
    }
}
