import Exchange
import Hummingbird
import Storage

/// One page of a structure search: how many structures the caller may search, how many passed the
/// substructure screen, how many matched in all, and this page of hits.
struct StructureSearchResult: Encodable, Sendable {
    let mode: String
    let searched: Int
    let screened: Int?
    let matched: Int
    let items: [StructureHitView]
    let nextCursor: String?

    enum CodingKeys: String, CodingKey { case mode, searched, screened, matched, items, nextCursor }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(mode, forKey: .mode)
        try container.encode(searched, forKey: .searched)
        try container.encodeIfPresent(screened, forKey: .screened)
        try container.encode(matched, forKey: .matched)
        try container.encode(items, forKey: .items)
        try container.encode(nextCursor, forKey: .nextCursor)
    }
}

/// A hit as clients see it: the seizure and substance, the SMILES as sent and the standardized one searched.
struct StructureHitView: Encodable, Sendable {
    let record: RecordID
    let substanceIndex: Int
    let smiles: String
    let standardizedSmiles: String
    let matchCount: Int?
    let similarity: Double?

    init(_ hit: StructureHit) {
        record = hit.candidate.record
        substanceIndex = hit.candidate.substanceIndex
        smiles = hit.candidate.smiles
        standardizedSmiles = hit.candidate.structure
        matchCount = hit.matchCount
        similarity = hit.similarity
    }
}

extension ExchangeService {
    /// `POST /api/v1/search/structure`: substructure (SMARTS) or similarity search over the structures of
    /// the seizures the caller may read, paged by cursor. Name and date/place search are filters of
    /// `GET /seizures`.
    func addSearchRoutes(to group: RouterGroup<AccordRequestContext>) {
        group.post("search/structure") { request, context in
            let caller = try context.requireCaller()
            var reader = try ObjectReader(try await request.jsonBody(limits: limits), limits: limits)
            let smarts = try reader.string("smarts", maxLength: limits.maxStructureText)
            let similarTo = try reader.string("similar_to", maxLength: limits.maxStructureText)
            let threshold = try reader.number("threshold", in: 0...1)
            let top = try reader.integer("top", in: 1...Self.maxSimilarityTop)
            let limit = try reader.integer("limit", in: 1...limits.maxPageSize) ?? limits.defaultPageSize
            let cursorToken = try reader.string("cursor", maxLength: 128)
            let includeRetracted = try reader.bool("include_retracted") ?? false
            try reader.finish()
            guard (smarts == nil) != (similarTo == nil) else {
                throw ExchangeError(.invalid, code: "invalid_query", "give exactly one of smarts (substructure) or similar_to (similarity)", field: smarts == nil ? "smarts" : "similar_to")
            }
            if smarts != nil, threshold != nil {
                throw ExchangeError(.invalid, code: "invalid_query", "threshold applies to similar_to only", field: "threshold")
            }
            if smarts != nil, top != nil {
                throw ExchangeError(.invalid, code: "invalid_query", "top applies to similar_to only", field: "top")
            }
            let mode = smarts == nil ? "similarity" : "substructure"
            let cursor = try cursorToken.map { token throws(ExchangeError) in try StructureSearchCursor(token: token, mode: mode) }
            // Read the query first, so a bad SMILES is refused with its column before any stored structure is read.
            if let similarTo { _ = try checker.validate(similarTo, field: "similar_to") }
            let candidates = try await withCurrentKeys(try await store.structureCandidates(for: caller, includeRetracted: includeRetracted))
            let outcome: StructureSearchOutcome
            do throws(StructureProblem) {
                if let smarts {
                    outcome = try searcher.substructure(smarts, in: candidates)
                } else {
                    outcome = try searcher.similar(to: similarTo ?? "", threshold: threshold ?? Self.defaultSimilarityThreshold, top: top, in: candidates)
                }
            } catch {
                let field = smarts == nil ? "similar_to" : "smarts"
                if error.unavailable { throw ExchangeError(.unavailable, code: "structure_search_unavailable", error.message, field: field) }
                let column = error.position.map { " (column \($0))" } ?? ""
                throw ExchangeError(.invalid, code: smarts == nil ? "invalid_structure" : "invalid_smarts",
                                    "is not a valid \(smarts == nil ? "SMILES" : "SMARTS"): \(error.message)\(column)", field: field, position: error.position)
            }
            let remaining = cursor.map { cursor in outcome.hits.filter(cursor.precedes) } ?? outcome.hits
            let page = Array(remaining.prefix(limit))
            let next = remaining.count > limit ? page.last.map { StructureSearchCursor(after: $0, mode: mode).token } : nil
            return JSONResponse.make(StructureSearchResult(mode: mode, searched: candidates.count, screened: outcome.screened,
                                                           matched: outcome.hits.count, items: page.map(StructureHitView.init), nextCursor: next))
        }
    }

    /// Threshold of a similarity search that names none.
    static let defaultSimilarityThreshold = 0.7
    /// Most hits a similarity search's `top` may ask for.
    static let maxSimilarityTop = 10_000

    /// The candidates with keys of the searcher's scheme: keys missing (structures stored before keys were
    /// kept, or by an older scheme) are computed once and stored for the next search.
    func withCurrentKeys(_ candidates: [StructureCandidate]) async throws -> [StructureCandidate] {
        let scheme = searcher.keyScheme
        var fresh: [String: StructureKeys] = [:]
        var unreadable: Set<String> = []
        var result = candidates
        for (i, candidate) in candidates.enumerated() where candidate.keys?.scheme != scheme {
            if let keys = fresh[candidate.structure] {
                result[i] = candidate.with(keys: keys)
            } else if !unreadable.contains(candidate.structure) {
                if let keys = searcher.keys(for: candidate.structure) {
                    fresh[candidate.structure] = keys
                    result[i] = candidate.with(keys: keys)
                } else {
                    unreadable.insert(candidate.structure)
                }
            }
        }
        try await store.saveStructureKeys(fresh.values.sorted { $0.structure < $1.structure })
        return result
    }

    /// The search keys of the structures of substances about to be written, stored with the record so the
    /// first search need not compute them.
    func structureKeys(of substances: [SeizedSubstance]) -> [StructureKeys] {
        Set(substances.compactMap { $0.structure?.standardizedSmiles }).sorted().compactMap { searcher.keys(for: $0) }
    }
}
