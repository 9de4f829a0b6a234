import ArgumentParser
import Exchange
import Foundation
import Hummingbird
import Server
import Storage
import Surveillance

/// `accord serve`: runs the exchange's HTTP API.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the exchange server (HTTP API under /api/v1).",
        discussion: "Prints one JSON line {\"listening\": URL} on standard output once the server accepts connections. Stops cleanly on SIGINT or SIGTERM.")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "Port to listen on (0 picks a free port).")
    var port: Int = 8080

    @Option(name: .customLong("max-body-bytes"), help: "Largest request body accepted.")
    var maxBodyBytes: Int = 1 << 20

    func run() async throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard (1024...(64 << 20)).contains(maxBodyBytes) else { throw ValidationError("--max-body-bytes must be between 1024 and 67108864") }
        let store: ExchangeStore
        do {
            store = try await database.openStore()
        } catch {
            throw cliFailure(error)
        }
        var limits = InputLimits()
        limits.maxBodyBytes = maxBodyBytes
        let mapping: LawMapping
        do {
            mapping = try SubstanceResolvers.mapping()
        } catch {
            await store.close()
            throw error
        }
        let service = ExchangeService(store: store, validator: ChemistryWiring.validator, classifier: ChemistryWiring.classifier,
                                      searcher: ChemistryWiring.searcher, surveillance: mapping, limits: limits)
        let host = self.host
        let app = service.makeApplication(host: host, port: port) { port in
            struct Listening: Encodable { let listening: String; let database: String }
            try? printJSON(Listening(listening: "http://\(host):\(port)", database: store.databaseKind))
        }
        printError("accord: serving \(store.location) on \(host):\(port)")
        do {
            try await app.runService()
        } catch {
            await store.close()
            throw error
        }
        await store.close()
    }
}
