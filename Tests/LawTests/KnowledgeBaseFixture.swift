import Foundation
import Law
import Testing

/// The bundled knowledge base, loaded once for the whole test run.
enum Fixture {
    private static let loaded = Result { () throws(KnowledgeBaseError) -> KnowledgeBase in try KnowledgeBase.bundled() }

    static func knowledgeBase() throws -> KnowledgeBase {
        try loaded.get()
    }

    static func date(_ text: String) throws -> CalendarDate {
        try CalendarDate(parsing: text)
    }

    /// A copy of the bundled resources in a fresh temporary directory, for tests that break files.
    static func copyOfResources() throws -> URL {
        let source = try #require(KnowledgeBase.bundledResources)
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("accord-law-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: target)
        return target
    }
}
