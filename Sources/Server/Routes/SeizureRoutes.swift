import Exchange
import Hummingbird
import Storage

extension ExchangeService {
    /// `/api/v1/seizures`: report, list and search, read, edit, retract.
    func addSeizureRoutes(to group: RouterGroup<AccordRequestContext>) {
        group.post("seizures") { request, context in
            let caller = try context.requireCaller()
            try await authorize(caller, .create, nil)
            let draft = try SeizureDraft.parse(try await request.jsonBody(limits: limits), limits: limits, forUpdate: false)
            let record = Record(metadata: newMetadata(.seizure, sharing: draft.sharing, caller: caller),
                                content: try await checkedSeizure(draft, caller: caller))
            try await store.insert(record, actor: AuditActor(caller), structureKeys: structureKeys(of: record.content.substances))
            return created(record, location: "/api/v1/seizures/\(record.metadata.id)")
        }

        group.get("seizures") { request, context in
            let caller = try context.requireCaller()
            var reader = QueryReader(request)
            var query = try pageQuery(&reader)
            query.substance = try reader.string("substance")
            query.from = try reader.date("from")
            query.to = try reader.date("to")
            if let country = try reader.string("country", maxLength: 2) {
                guard CountryCode.isValid(country) else {
                    throw ExchangeError(.malformed, code: "invalid_value", "'\(country)' is not a country code", field: "country")
                }
                query.country = country
            }
            query.region = try reader.string("region")
            query.city = try reader.string("city")
            try reader.finish()
            if let from = query.from, let to = query.to, from > to {
                throw ExchangeError(.malformed, code: "invalid_range", "from (\(from)) is after to (\(to))", field: "from")
            }
            let page = try await store.list(Seizure.self, for: caller, query: query)
            return JSONResponse.make(Page(items: page.records, nextCursor: page.nextCursor?.token))
        }

        group.get("seizures/{id}") { _, context in
            let caller = try context.requireCaller()
            return JSONResponse.make(try await readable(try context.recordID(), as: Seizure.self, by: caller))
        }

        group.put("seizures/{id}") { request, context in
            let caller = try context.requireCaller()
            let id = try context.recordID()
            let draft = try SeizureDraft.parse(try await request.jsonBody(limits: limits), limits: limits, forUpdate: true)
            // Check the caller may edit before classifying anything.
            try await authorize(caller, .update, try await existingFacts(id, kind: .seizure))
            let content = try await checkedSeizure(draft, caller: caller)
            let updated = try await change(id, as: Seizure.self, by: caller, auditAction: "seizure.update", expectedVersion: draft.version,
                                           structureKeys: structureKeys(of: content.substances), action: { _ in .update }) { record in
                record.metadata.distribution = draft.sharing.distribution
                record.metadata.tlp = draft.sharing.tlp
                record.content = content
            }
            return JSONResponse.make(updated)
        }

        group.post("seizures/{id}/retract") { request, context in
            try await retract(Seizure.self, request: request, context: context)
        }
    }

    /// The access facts of an existing record of `kind`, or 404.
    func existingFacts(_ id: RecordID, kind: RecordKind) async throws -> SharedRecordFacts {
        guard let facts = try await store.recordFacts(id), facts.kind == kind else {
            throw ExchangeError.notFound("\(kind.rawValue) \(id)", field: "id")
        }
        return facts
    }

    /// Resolves references and checks and classifies structures for a seizure draft.
    func checkedSeizure(_ draft: SeizureDraft, caller: Caller) async throws -> Seizure {
        try await checkSharing(draft.sharing, caller: caller)
        if let caseId = draft.caseId {
            try await checkLinks([caseId], kind: .jointCase, field: "case_id", caller: caller, single: true)
        }
        return draft.seizure(substances: try checker.check(draft.substances, on: draft.date))
    }

    /// `POST /<kind>/{id}/retract`: the owner withdraws a record; it stays readable, marked retracted.
    func retract<C: RecordContent>(_ type: C.Type, request: Request, context: AccordRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let id = try context.recordID()
        let input = try RetractionInput.parse(try await request.jsonBody(limits: limits), limits: limits)
        let retracted = try await change(id, as: C.self, by: caller, auditAction: "\(C.kind.rawValue).retract", expectedVersion: input.version,
                                         action: { _ in .retract }) { record in
            record.metadata.retraction = Retraction(at: .now(), by: caller.user, reason: input.reason)
        }
        return JSONResponse.make(retracted)
    }
}
