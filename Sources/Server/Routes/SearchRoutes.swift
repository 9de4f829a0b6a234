import Exchange
import Hummingbird
import Storage

/// Hits of a structure search: how many structures were searched, how many matched, and the first `limit`.
struct StructureSearchResult: Codable, Sendable {
    let mode: String
    let searched: Int
    let matched: Int
    let items: [StructureHit]
}

extension ExchangeService {
    /// `POST /api/v1/search/structure`: substructure (SMARTS) or similarity search over the structures of
    /// the seizures the caller may read. Name and date/place search are filters of `GET /seizures`.
    func addSearchRoutes(to group: RouterGroup<AccordRequestContext>) {
        group.post("search/structure") { request, context in
            let caller = try context.requireCaller()
            var reader = try ObjectReader(try await request.jsonBody(limits: limits), limits: limits)
            let smarts = try reader.string("smarts", maxLength: limits.maxStructureText)
            let similarTo = try reader.string("similar_to", maxLength: limits.maxStructureText)
            let threshold = try reader.number("threshold", in: 0...1)
            let limit = try reader.integer("limit", in: 1...limits.maxPageSize) ?? limits.defaultPageSize
            let includeRetracted = try reader.bool("include_retracted") ?? false
            try reader.finish()
            guard (smarts == nil) != (similarTo == nil) else {
                throw ExchangeError(.invalid, code: "invalid_query", "give exactly one of smarts (substructure) or similar_to (similarity)", field: smarts == nil ? "smarts" : "similar_to")
            }
            if smarts != nil, threshold != nil {
                throw ExchangeError(.invalid, code: "invalid_query", "threshold applies to similar_to only", field: "threshold")
            }
            if let similarTo { try checker.validate(similarTo, field: "similar_to") }
            let candidates = try await store.structureCandidates(for: caller, includeRetracted: includeRetracted)
            let hits: [StructureHit]
            let mode: String
            do {
                if let smarts {
                    mode = "substructure"
                    hits = try searcher.substructure(smarts, in: candidates)
                } else {
                    mode = "similarity"
                    hits = try searcher.similar(to: similarTo ?? "", threshold: threshold ?? 0.7, in: candidates)
                }
            } catch let error as StructureProblem {
                let field = smarts == nil ? "similar_to" : "smarts"
                if error.unavailable { throw ExchangeError(.unavailable, code: "structure_search_unavailable", error.message, field: field) }
                throw ExchangeError(.invalid, code: smarts == nil ? "invalid_structure" : "invalid_smarts", error.message, field: field, position: error.position)
            }
            return JSONResponse.make(StructureSearchResult(mode: mode, searched: candidates.count, matched: hits.count, items: Array(hits.prefix(limit))))
        }
    }
}
