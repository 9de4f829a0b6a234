import ArgumentParser
import Law
import Surveillance

/// The law the surveillance commands map names with: the knowledge base shipped with the Law module, as a
/// name catalog (with the bundled structures of NFLIS names) and the law engine's statuses (never a made-up
/// status).
///
/// Names known only by their structure are decided by the law engine's class rules (`LawMapping.bundled()`
/// plugs the `DeterminationEngine` into the catalog's structural decision).
enum SubstanceResolvers {
    static func mapping() throws -> LawMapping {
        do {
            return try LawMapping.bundled()
        } catch {
            throw ValidationError("the law knowledge base could not be loaded: \(error)")
        }
    }
}
