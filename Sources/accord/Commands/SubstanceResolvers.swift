import ArgumentParser
import Law
import Surveillance

/// The law the surveillance commands map names with: the knowledge base shipped with the Law module, as a
/// name catalog (with the bundled structures of NFLIS names) and the law engine's statuses (never a made-up
/// status).
///
/// This is where the structural class engine plugs in: `LawMapping.bundled(classes:)` takes a
/// `KnowledgeBaseClasses` whose `structuralDecision` answers for a standardized SMILES and a class rule; until
/// one is given, names known only by structure map as `class_candidate`.
enum SubstanceResolvers {
    static func mapping() throws -> LawMapping {
        do {
            return try LawMapping.bundled()
        } catch {
            throw ValidationError("the law knowledge base could not be loaded: \(error)")
        }
    }
}
