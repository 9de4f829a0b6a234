import Exchange
import Hummingbird
import Storage

extension ExchangeService {
    /// `/api/v1/cases`: joint investigations.
    func addCaseRoutes(to group: RouterGroup<AccordRequestContext>) {
        group.post("cases") { request, context in
            let caller = try context.requireCaller()
            try await authorize(caller, .create, nil)
            let draft = try JointCaseDraft.parse(try await request.jsonBody(limits: limits), limits: limits, forUpdate: false)
            try await checkCase(draft, caller: caller)
            let record = Record(metadata: newMetadata(.jointCase, sharing: draft.sharing, caller: caller), content: draft.content)
            try await store.insert(record, actor: AuditActor(caller))
            return created(record, location: "/api/v1/cases/\(record.metadata.id)")
        }

        group.get("cases") { request, context in
            let caller = try context.requireCaller()
            var reader = QueryReader(request)
            let query = try pageQuery(&reader)
            try reader.finish()
            let page = try await store.list(JointCase.self, for: caller, query: query)
            return JSONResponse.make(Page(items: page.records, nextCursor: page.nextCursor?.token))
        }

        group.get("cases/{id}") { _, context in
            let caller = try context.requireCaller()
            return JSONResponse.make(try await readable(try context.recordID(), as: JointCase.self, by: caller))
        }

        group.put("cases/{id}") { request, context in
            let caller = try context.requireCaller()
            let id = try context.recordID()
            let draft = try JointCaseDraft.parse(try await request.jsonBody(limits: limits), limits: limits, forUpdate: true)
            try await authorize(caller, .update, try await existingFacts(id, kind: .jointCase))
            try await checkCase(draft, caller: caller)
            let updated = try await change(id, as: JointCase.self, by: caller, auditAction: "case.update", expectedVersion: draft.version,
                                           action: { _ in .update }) { record in
                record.metadata.distribution = draft.sharing.distribution
                record.metadata.tlp = draft.sharing.tlp
                record.content = draft.content
            }
            return JSONResponse.make(updated)
        }

        group.post("cases/{id}/retract") { request, context in
            try await retract(JointCase.self, request: request, context: context)
        }
    }

    func checkCase(_ draft: JointCaseDraft, caller: Caller) async throws {
        try await checkSharing(draft.sharing, caller: caller)
        for (index, agency) in draft.participatingAgencies.enumerated() where try await store.agency(agency) == nil {
            throw ExchangeError(.invalid, code: "unknown_reference", "no agency has the id \(agency)", field: "participating_agencies[\(index)]")
        }
        try await checkLinks(draft.seizureIds, kind: .seizure, field: "seizure_ids", caller: caller)
    }
}
