import ArgumentParser
import Law
import Surveillance

/// The law the surveillance commands map names with: the knowledge base shipped with the Law module, as a
/// name catalog and the law engine's statuses (never a made-up status).
enum SubstanceResolvers {
    static func mapping() throws -> LawMapping {
        do {
            return try LawMapping.bundled()
        } catch {
            throw ValidationError("the law knowledge base could not be loaded: \(error)")
        }
    }
}
