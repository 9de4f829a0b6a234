import Foundation

/// Locates files committed under `Tests/ChemistryTests/Resources` (copied into the test bundle).
enum TestResources {
    static func url(_ relativePath: String) -> URL? {
        Bundle.module.url(forResource: "Resources", withExtension: nil)?.appendingPathComponent(relativePath)
    }

    static func path(_ relativePath: String) -> String? {
        url(relativePath).map(\.path)
    }

    static func bytes(_ relativePath: String) -> [UInt8]? {
        guard let url = url(relativePath), let data = try? Data(contentsOf: url) else { return nil }
        return [UInt8](data)
    }
}
