import ArgumentParser
import Chemistry
import Foundation

/// `accord similar --query SMILES [--threshold T | --top K] LIBRARY`: the library's structures most similar
/// to a query, best first, as JSON lines.
struct SimilarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "similar",
        abstract: "Search a library (SMILES, SD, FPS or arena file) for structures similar to a query.",
        discussion: """
            Prints one JSON line per hit, {"index", "name", "similarity"}, by decreasing similarity (ties by library \
            order). Without --threshold or --top, the 10 most similar are printed. Fingerprints are Morgan (RDKit's \
            bits); FPS and arena libraries keep the radius and size their type line names. Searches are exact: \
            popcount pruning never drops a hit. SMILES and SD libraries (plain or gzip) are fingerprinted on every \
            core, with a progress bar on standard error when it is a terminal; for repeated searches, write an \
            arena file once with `accord fingerprint --format arena -o library.afp` and search that.
            """
    )

    @Option(help: "The query structure as SMILES.")
    var query: String

    @Option(help: "Print every structure with at least this similarity.")
    var threshold: Double?

    @Option(help: "Print the K most similar structures (with --threshold: at most K of those above it).")
    var top: Int?

    @Option(help: "tanimoto (default) or tversky.")
    var metric = "tanimoto"

    @Option(help: "Tversky weight of bits only the query has.")
    var alpha = 1.0

    @Option(help: "Tversky weight of bits only the library structure has.")
    var beta = 1.0

    @Option(help: "Morgan radius for structure libraries (default 2; FPS and arena files name theirs).")
    var radius: Int?

    @Option(help: "Fingerprint size for structure libraries (default 2048).")
    var bits: Int?

    @Option(help: "Threads to search with (default: every core).")
    var threads: Int?

    @Argument(help: "The library: a SMILES or SD file (or - for standard input), an .fps file or an .afp arena file.")
    var library: String

    func validate() throws {
        if let threshold, !(threshold >= 0 && threshold <= 1) {
            throw ValidationError("--threshold must be between 0 and 1, not \(threshold)")
        }
        if let top, top < 1 { throw ValidationError("--top must be at least 1, not \(top)") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        guard metric == "tanimoto" || metric == "tversky" else {
            throw ValidationError("--metric must be tanimoto or tversky, not \(metric)")
        }
    }

    func run() async throws {
        let molecule: Molecule
        do {
            molecule = try Molecule(smiles: query)
        } catch {
            throw ValidationError("--query is not a readable SMILES:\n\(error)")
        }
        let similarity: SimilarityMetric = metric == "tversky" ? .tversky(alpha: alpha, beta: beta) : .tanimoto
        do {
            try similarity.validate()
        } catch {
            throw ValidationError(error.message)
        }
        let loaded = try FingerprintLibrary.load(library, radius: radius, bits: bits, progress: true)
        let fingerprint = loaded.generator.fingerprint(of: molecule)
        let hits: [SimilarityHit]
        do {
            if let threshold, top == nil {
                hits = try loaded.arena.search(fingerprint, threshold: threshold, metric: similarity, threads: threads)
            } else {
                hits = try loaded.arena.search(
                    fingerprint, top: top ?? 10, threshold: threshold ?? 0, metric: similarity, threads: threads)
            }
        } catch {
            throw ValidationError(error.message)
        }
        for hit in hits {
            try Output.line(Hit(index: hit.index, name: loaded.arena.name(at: hit.index), similarity: hit.similarity))
        }
    }

    struct Hit: Encodable {
        let index: Int
        let name: String
        let similarity: Double
    }
}
