import Foundation

/// Runs the built `accord` executable (it sits next to the test binary in the build folder) and collects what
/// it prints, so the tests exercise the command exactly as users run it.
struct AccordProcess {
    let status: Int32
    let standardOutput: String
    let standardError: String

    /// The non-empty lines of standard output.
    var lines: [String] { standardOutput.split(separator: "\n").map(String.init) }

    static var executable: URL {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = testBinary.deletingLastPathComponent()
        // On Linux the test binary is `<build>/<Package>PackageTests.xctest`; on macOS it is inside a bundle.
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("accord").path),
            directory.path != "/"
        {
            directory = directory.deletingLastPathComponent()
        }
        return directory.appendingPathComponent("accord")
    }

    /// The package root, for the bundled examples and test data.
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func run(_ arguments: [String], input: String? = nil) throws -> AccordProcess {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let inputPipe = Pipe()
        process.standardInput = inputPipe
        try process.run()
        if let input { inputPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try inputPipe.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return AccordProcess(
            status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
            standardError: String(decoding: errData, as: UTF8.self))
    }
}
