import Exchange
import Hummingbird
import Storage

extension ExchangeService {
    /// `/api/v1/proposals`: requests to control a substance, with evidence and a review workflow.
    func addProposalRoutes(to group: RouterGroup<AccordRequestContext>) {
        group.post("proposals") { request, context in
            let caller = try context.requireCaller()
            try await authorize(caller, .create, nil)
            let draft = try ProposalDraft.parse(try await request.jsonBody(limits: limits), limits: limits, forUpdate: false)
            let content = try await checkedProposal(draft, caller: caller, status: .draft, comments: [], history: [])
            let record = Record(metadata: newMetadata(.proposal, sharing: draft.sharing, caller: caller), content: content)
            try await store.insert(record, actor: AuditActor(caller))
            return created(record, location: "/api/v1/proposals/\(record.metadata.id)")
        }

        group.get("proposals") { request, context in
            let caller = try context.requireCaller()
            var reader = QueryReader(request)
            let query = try pageQuery(&reader)
            try reader.finish()
            let page = try await store.list(Proposal.self, for: caller, query: query)
            return JSONResponse.make(Page(items: page.records, nextCursor: page.nextCursor?.token))
        }

        group.get("proposals/{id}") { _, context in
            let caller = try context.requireCaller()
            return JSONResponse.make(try await readable(try context.recordID(), as: Proposal.self, by: caller))
        }

        group.put("proposals/{id}") { request, context in
            let caller = try context.requireCaller()
            let id = try context.recordID()
            let draft = try ProposalDraft.parse(try await request.jsonBody(limits: limits), limits: limits, forUpdate: true)
            try await authorize(caller, .update, try await existingFacts(id, kind: .proposal))
            let content = try await checkedProposal(draft, caller: caller, status: .draft, comments: [], history: [])
            let updated = try await change(id, as: Proposal.self, by: caller, auditAction: "proposal.update", expectedVersion: draft.version,
                                           action: { _ in .update }) { record in
                guard record.content.status == .draft else {
                    throw ExchangeError.conflict(code: "not_editable", "a proposal's content is fixed once submitted (it is \(record.content.status.rawValue)); withdraw it and write a new one")
                }
                record.metadata.distribution = draft.sharing.distribution
                record.metadata.tlp = draft.sharing.tlp
                record.content = Proposal(substance: content.substance, jurisdiction: content.jurisdiction, rationale: content.rationale,
                                          seizureIds: content.seizureIds, classification: content.classification, gapReport: content.gapReport,
                                          status: record.content.status, comments: record.content.comments,
                                          history: record.content.history, decisionDate: record.content.decisionDate)
            }
            return JSONResponse.make(updated)
        }

        group.post("proposals/{id}/transitions") { request, context in
            let caller = try context.requireCaller()
            let id = try context.recordID()
            let step = try ProposalStepInput.parse(try await request.jsonBody(limits: limits), limits: limits)
            let updated = try await change(id, as: Proposal.self, by: caller, auditAction: "proposal.transition", expectedVersion: nil,
                                           action: { record in
                // A step the workflow does not have is a conflict, but only readers may learn that: ask for
                // read access, and let `apply` refuse the step.
                record.content.status.step(to: step.to) ?? .read
            }) { record in
                try record.content.apply(step, by: caller, at: .now())
            }
            return JSONResponse.make(updated)
        }

        group.post("proposals/{id}/comments") { request, context in
            let caller = try context.requireCaller()
            let id = try context.recordID()
            let input = try CommentInput.parse(try await request.jsonBody(limits: limits), limits: limits)
            let updated = try await change(id, as: Proposal.self, by: caller, auditAction: "proposal.comment", expectedVersion: nil,
                                           action: { _ in .comment }) { record in
                record.content.comments.append(ProposalComment(caller: caller, at: .now(), text: input.text))
            }
            return JSONResponse.make(updated, status: .created)
        }

        group.post("proposals/{id}/retract") { request, context in
            try await retract(Proposal.self, request: request, context: context)
        }
    }

    /// Checks the evidence and classifies the proposed structure as of today.
    func checkedProposal(_ draft: ProposalDraft, caller: Caller, status: ProposalStatus, comments: [ProposalComment],
                         history: [ProposalTransition]) async throws -> Proposal {
        try await checkSharing(draft.sharing, caller: caller)
        try await checkLinks(draft.seizureIds, kind: .seizure, field: "seizure_ids", caller: caller)
        var classification: Classification?
        var structure: CheckedStructure?
        if let smiles = draft.substance.smiles {
            structure = try checker.validate(smiles, field: "substance.smiles")
            classification = checker.classifier.classification(of: smiles, on: Timestamp.now().calendarDate)
        }
        return Proposal(substance: ProposedSubstance(name: draft.substance.name, smiles: draft.substance.smiles, structure: structure),
                        jurisdiction: draft.jurisdiction, rationale: draft.rationale, seizureIds: draft.seizureIds,
                        classification: classification, gapReport: classification.map(GapReport.init),
                        status: status, comments: comments, history: history, decisionDate: nil)
    }
}
