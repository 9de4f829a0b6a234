import ArgumentParser
import Exchange
import Foundation
import Storage

/// Where the exchange's data lives; shared by `serve`, `admin` and `audit`.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "Data folder for the embedded SQLite database.")
    var data: String = "./accord-data"

    @Option(name: .customLong("database-url"), help: "Use PostgreSQL instead: postgres://user:password@host:port/database[?sslmode=disable|prefer|require].")
    var databaseURL: String?

    func location() throws -> DatabaseLocation {
        if let databaseURL { return try DatabaseLocation.postgres(url: databaseURL) }
        return .sqlite(directory: data)
    }

    func openStore() async throws -> ExchangeStore {
        try await ExchangeStore.open(try location())
    }
}

/// Writes one JSON object as a line on standard output.
func printJSON(_ value: some Encodable) throws {
    let data = try ExchangeJSON.encoder().encode(value)
    FileHandle.standardOutput.write(data + Data("\n".utf8))
}

/// Writes a diagnostic line on standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Turns domain errors into a readable command failure.
func cliFailure(_ error: any Error) -> any Error {
    if let error = error as? ExchangeError { return ValidationError(error.description) }
    return error
}
