import Foundation

/// Reads the reference answers committed under Resources/ (see scripts/reference/).
enum ReferenceData {
    /// The non-comment lines of a resource file, split on tabs.
    static func rows(_ path: String) -> [[Substring]] {
        guard let url = Bundle.module.url(forResource: "Resources/" + path, withExtension: nil),
            let data = try? Data(contentsOf: url)
        else { return [] }
        var rows: [[Substring]] = []
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("#") { continue }
            if line.isEmpty { continue }
            rows.append(line.split(separator: "\t", omittingEmptySubsequences: false))
        }
        return rows
    }

    /// The files of a resource folder, sorted.
    static func files(in folder: String) -> [String] {
        guard let url = Bundle.module.url(forResource: "Resources/" + folder, withExtension: nil),
            let names = try? FileManager.default.contentsOfDirectory(atPath: url.path)
        else { return [] }
        return names.sorted().map { folder + "/" + $0 }
    }
}

extension ReferenceData {
    /// The non-comment lines of a gzip-compressed resource, decompressed by the system's `gzip` (the
    /// reference sets are stored compressed to keep the repository small).
    static func gzipLines(_ path: String) throws -> [String] {
        guard let url = Bundle.module.url(forResource: "Resources/" + path, withExtension: nil) else {
            throw ReferenceDataError(message: "missing resource \(path)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ReferenceDataError(message: "gzip could not read \(path)")
        }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
    }
}

struct ReferenceDataError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
