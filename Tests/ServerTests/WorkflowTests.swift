import Exchange
import ExchangeTestSupport
import Foundation
import HTTPTypes
import Storage
import Testing

/// End-to-end flows through the API: what a seizure stores, joint cases, the proposal workflow, editing
/// with versions, retraction, access explanations, paging, keys and password sign-in.
struct WorkflowTests {
    @Test("a seizure stores normalised quantity and the classification at the seizure date", arguments: TestDatabase.allCases)
    func seizureContent(database: TestDatabase) async throws {
        try await withWorld(database) { world, client in
            let created = try await client.send(.post, "/api/v1/seizures", key: world.key(.owner), json: world.body(.seizure, level: "partners", extra: #","purity_percent":12.5,"form":"powder","packaging":"vacuum bags","route":{"origin":"CN","transit":["MX"],"destination":"US"},"exporter_identifiers":["USCC 91310000MA1K"],"shipper_identifiers":["AWB 123-45678901"],"grading":{"source_reliability":"B","information_credibility":"2"},"notes":"x""#))
            #expect(created.status == .created)
            #expect(created.headers[.location] == "/api/v1/seizures/\(created.string("id") ?? "")")
            #expect(created.headers[.cacheControl] == "no-store")
            guard case .object(let quantity) = created["quantity"], case .object(let normalized) = quantity["normalized"] else {
                Issue.record("no quantity: \(created.text)"); return
            }
            #expect(normalized["value"] == .number(2500))
            #expect(normalized["unit"] == .string("g"))
            guard case .array(let substances) = created["substances"], case .object(let first) = substances.first,
                  case .object(let classification) = first["classification"], case .array(let determinations) = classification["determinations"] else {
                Issue.record("no classification: \(created.text)"); return
            }
            #expect(classification["as_of"] == .string("2025-03-01"))
            #expect(classification["outcome"] == .string("determined"))
            #expect(classification["engine"] == .string("test-table"))
            #expect(determinations.count == 3)
            // The SMILES as sent, and what the chemistry core read from it, side by side.
            #expect(first["smiles"] == .string("CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1"))
            guard case .object(let structure) = first["structure"] else { Issue.record("no structure: \(created.text)"); return }
            #expect(structure["canonical_smiles"] == .string("CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1"))
            #expect(structure["standardized_smiles"] == .string("CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1"))
            #expect(structure["standardization"] == .array([]))
            #expect(created.string("owner_agency") == world.agencies[.owner]?.id.rawValue)
            #expect(created["version"] == .number(1))
        }
    }

    @Test("edits need the current version; retraction keeps the record readable and final", arguments: TestDatabase.allCases)
    func editAndRetract(database: TestDatabase) async throws {
        try await withWorld(database) { world, client in
            let id = try await world.create(.seizure, level: "partners", client: client)
            let uri = "/api/v1/seizures/\(id)"
            let edited = try await client.send(.put, uri, key: world.key(.owner), json: world.body(.seizure, level: "agency", version: 1))
            #expect(edited.status == .ok)
            #expect(edited["version"] == .number(2))
            // The partner lost access when the owner narrowed the distribution: explicit, audited, not silent.
            #expect(try await client.send(.get, uri, key: world.key(.partner)).status == .forbidden)
            let stale = try await client.send(.put, uri, key: world.key(.owner), json: world.body(.seizure, level: "partners", version: 1))
            #expect(stale.status == .conflict)
            #expect(stale.string("code") == "stale_version")
            #expect(stale.string("field") == "version")
            let retracted = try await client.send(.post, "\(uri)/retract", key: world.key(.owner), json: #"{"version":2,"reason":"duplicate of another report"}"#)
            #expect(retracted.status == .ok)
            guard case .object(let retraction) = retracted["retraction"] else { Issue.record("no retraction"); return }
            #expect(retraction["reason"] == .string("duplicate of another report"))
            #expect(try await client.send(.get, uri, key: world.key(.owner)).status == .ok)
            let again = try await client.send(.put, uri, key: world.key(.owner), json: world.body(.seizure, level: "agency", version: 3))
            #expect(again.status == .conflict)
            #expect(again.string("code") == "retracted")
            #expect(try await client.send(.get, "/api/v1/seizures?include_retracted=false", key: world.key(.owner)).itemIDs.isEmpty)
            #expect(try await client.send(.get, "/api/v1/seizures", key: world.key(.owner)).itemIDs == [id])
            let trail = try await client.send(.get, "/api/v1/audit?record=\(id)", key: world.key(.owner))
            guard case .array(let entries) = trail["entries"] else { Issue.record("no audit"); return }
            #expect(entries.compactMap { if case .object(let e) = $0, case .string(let a) = e["action"] { a } else { nil } }
                    == ["seizure.create", "seizure.update", "seizure.retract"])
            #expect(trail["next_after"] == .null)
            // Paged: two entries, then the rest from next_after.
            let first = try await client.send(.get, "/api/v1/audit?record=\(id)&limit=2", key: world.key(.owner))
            guard case .array(let firstEntries) = first["entries"], case .number(let next) = first["next_after"] else { Issue.record("no page: \(first.text)"); return }
            #expect(firstEntries.count == 2)
            let rest = try await client.send(.get, "/api/v1/audit?record=\(id)&after=\(Int(next))", key: world.key(.owner))
            guard case .array(let restEntries) = rest["entries"] else { Issue.record("no rest"); return }
            #expect(restEntries.count == 1)
            #expect(try await world.store.verifyAudit().intact)
        }
    }

    @Test("proposal workflow: draft, submit, review by the jurisdiction, decide; comments from readers", arguments: TestDatabase.allCases)
    func proposalWorkflow(database: TestDatabase) async throws {
        try await withWorld(database) { world, client in
            let seizure = try await world.create(.seizure, level: "partners", client: client)
            let body = world.body(.proposal, level: "partners").replacingOccurrences(of: #""rationale""#, with: #""seizure_ids":["\#(seizure)"],"rationale""#)
            let created = try await client.send(.post, "/api/v1/proposals", key: world.key(.owner), json: body)
            #expect(created.status == .created, "\(created.text)")
            let id = created.string("id") ?? ""
            guard case .object(let gap) = created["gap_report"] else { Issue.record("no gap report: \(created.text)"); return }
            #expect(gap["controlled_in"] == .array([.string("US")]))
            #expect(gap["not_controlled_in"] == .array([.string("CN")]))
            #expect(created.string("status") == "draft")
            let uri = "/api/v1/proposals/\(id)"

            let early = try await client.send(.post, "\(uri)/transitions", key: world.key(.partner), json: #"{"to":"accepted"}"#)
            #expect(early.status == .conflict)
            #expect(early.string("code") == "invalid_transition")
            // A stranger learns nothing about the workflow, not even that the step is invalid.
            let snooping = try await client.send(.post, "\(uri)/transitions", key: world.key(.stranger), json: #"{"to":"accepted"}"#)
            #expect(snooping.status == .forbidden)
            #expect(snooping.string("code") == "not_a_partner")
            #expect(try await client.send(.post, "\(uri)/transitions", key: world.key(.owner), json: #"{"to":"submitted","note":"for the May meeting"}"#).status == .ok)
            let notEditable = try await client.send(.put, uri, key: world.key(.owner), json: world.body(.proposal, level: "partners", version: 2))
            #expect(notEditable.string("code") == "not_editable")
            #expect(try await client.send(.post, "\(uri)/transitions", key: world.key(.owner), json: #"{"to":"under_review"}"#).string("code") == "not_reviewing_jurisdiction")
            #expect(try await client.send(.post, "\(uri)/transitions", key: world.key(.partner), json: #"{"to":"under_review"}"#).status == .ok)
            #expect(try await client.send(.post, "\(uri)/comments", key: world.key(.partner), json: #"{"text":"our lab confirms the structure"}"#).status == .created)
            let decided = try await client.send(.post, "\(uri)/transitions", key: world.key(.partner), json: #"{"to":"accepted","decision_date":"2025-06-01"}"#)
            #expect(decided.status == .ok)
            #expect(decided.string("status") == "accepted")
            #expect(decided.string("decision_date") == "2025-06-01")
            guard case .array(let history) = decided["history"], case .array(let comments) = decided["comments"] else { Issue.record("no history"); return }
            #expect(history.count == 3)
            #expect(comments.count == 1)
            #expect(try await client.send(.post, "\(uri)/transitions", key: world.key(.owner), json: #"{"to":"withdrawn"}"#).string("code") == "invalid_transition")
            // Evidence must be readable by the proposer: a stranger cannot cite the owner's seizure.
            let strangerBody = world.body(.proposal, level: "agency").replacingOccurrences(of: #""rationale""#, with: #""seizure_ids":["\#(seizure)"],"rationale""#)
            let refused = try await client.send(.post, "/api/v1/proposals", key: world.key(.stranger), json: strangerBody)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.string("code") == "unreadable_reference")
            #expect(refused.string("field") == "seizure_ids[0]")
        }
    }

    @Test("joint cases link readable seizures and known agencies", arguments: TestDatabase.allCases)
    func jointCases(database: TestDatabase) async throws {
        try await withWorld(database) { world, client in
            let seizure = try await world.create(.seizure, level: "agency", client: client)
            let partner = world.agencies[.partner]?.id.rawValue ?? ""
            let body = world.body(.jointCase, level: "partners").replacingOccurrences(of: #""participating_agencies":[]"#, with: #""participating_agencies":["\#(partner)"],"seizure_ids":["\#(seizure)"]"#)
            let created = try await client.send(.post, "/api/v1/cases", key: world.key(.owner), json: body)
            #expect(created.status == .created, "\(created.text)")
            let bad = body.replacingOccurrences(of: partner, with: "00000000-0000-0000-0000-000000000000")
            let refused = try await client.send(.post, "/api/v1/cases", key: world.key(.owner), json: bad)
            #expect(refused.string("field") == "participating_agencies[0]")
            // The linked seizure stays agency-only: linking never widens access.
            #expect(try await client.send(.get, "/api/v1/cases/\(created.string("id") ?? "")", key: world.key(.partner)).status == .ok)
            #expect(try await client.send(.get, "/api/v1/seizures/\(seizure)", key: world.key(.partner)).status == .forbidden)
        }
    }

    @Test("explain says why, in the words of the rule that decided", arguments: [TestDatabase.sqlite])
    func explain(database: TestDatabase) async throws {
        try await withWorld(database) { world, client in
            let id = try await world.create(.seizure, level: "working_group", client: client)
            let member = try await client.send(.get, "/api/v1/access/explain?record=\(id)", key: world.key(.member))
            #expect(member["allowed"] == .bool(true))
            #expect(member.string("rule") == "working_group_member")
            #expect(member.string("explanation")?.contains("Synthetic opioids WG") == true)
            let partner = try await client.send(.get, "/api/v1/access/explain?record=\(id)", key: world.key(.partner))
            #expect(partner["allowed"] == .bool(false))
            #expect(partner.string("rule") == "not_in_working_group")
            let edit = try await client.send(.get, "/api/v1/access/explain?record=\(id)&action=update", key: world.key(.member))
            #expect(edit.string("rule") == "owner_only")
            let denied = try await client.send(.get, "/api/v1/seizures/\(id)", key: world.key(.partner))
            #expect(denied.string("code") == "not_in_working_group")
            #expect(denied.string("message") == partner.string("explanation"))
        }
    }

    @Test("listing pages with cursors, newest first, and filters by name, date and place", arguments: TestDatabase.allCases)
    func paging(database: TestDatabase) async throws {
        try await withWorld(database) { world, client in
            var ids: [String] = []
            for month in 1...7 {
                let body = world.body(.seizure, level: "partners").replacingOccurrences(of: "2025-03-01", with: "2025-0\(month)-15")
                let reply = try await client.send(.post, "/api/v1/seizures", key: world.key(.owner), json: body)
                ids.append(reply.string("id") ?? "")
            }
            var seen: [String] = []
            var cursor: String?
            repeat {
                let reply = try await client.send(.get, "/api/v1/seizures?limit=3" + (cursor.map { "&cursor=\($0)" } ?? ""), key: world.key(.partner))
                #expect(reply.items.count <= 3)
                seen += reply.itemIDs
                cursor = reply.string("next_cursor")
            } while cursor != nil
            #expect(seen == ids.reversed())
            let range = try await client.send(.get, "/api/v1/seizures?from=2025-02-01&to=2025-04-30&country=US&city=san%20diego&substance=FENT", key: world.key(.partner))
            #expect(range.itemIDs == [ids[3], ids[2], ids[1]])
        }
    }

    @Test("keys: self-service and administrator issue, list and revoke; password sign-in issues an expiring key", arguments: [TestDatabase.sqlite])
    func keysAndSignIn(database: TestDatabase) async throws {
        try await withWorld(database) { world, client in
            let issued = try await client.send(.post, "/api/v1/keys", key: world.key(.owner), json: #"{"label":"laptop","read_only":true,"expires_in_days":30}"#)
            #expect(issued.status == .created)
            let token = issued.string("api_key") ?? ""
            #expect(try await client.send(.get, "/api/v1/me", key: token).status == .ok)
            #expect(!issued.text.contains("secret_hash"))
            guard case .object(let key) = issued["key"], case .string(let keyID) = key["id"] else { Issue.record("no key"); return }
            let listed = try await client.send(.get, "/api/v1/keys", key: world.key(.owner))
            #expect(!listed.text.contains("secret_hash"))
            #expect(try await client.send(.post, "/api/v1/keys/\(keyID)/revoke", key: world.key(.partner, .administrator)).status == .forbidden)
            #expect(try await client.send(.post, "/api/v1/keys/\(keyID)/revoke", key: world.key(.owner)).status == .ok)
            #expect(try await client.send(.get, "/api/v1/me", key: token).string("code") == "key_revoked")

            let analyst = try await client.send(.post, "/api/v1/users", key: world.key(.owner), json: #"{"name":"newbie","role":"viewer"}"#)
            #expect(analyst.status == .forbidden)
            let created = try await client.send(.post, "/api/v1/users", key: world.key(.owner, .administrator), json: #"{"name":"field-officer","role":"analyst","password":"correct horse battery"}"#)
            #expect(created.status == .created, "\(created.text)")
            let weak = try await client.send(.post, "/api/v1/users", key: world.key(.owner, .administrator), json: #"{"name":"weak","role":"analyst","password":"short"}"#)
            #expect(weak.string("code") == "weak_password")
            let agency = world.agencies[.owner]?.name ?? ""
            let wrong = try await client.send(.post, "/api/v1/auth/token", json: #"{"agency":"\#(agency)","user":"field-officer","password":"wrong horse battery"}"#)
            #expect(wrong.status == .unauthorized)
            #expect(wrong.string("code") == "invalid_credentials")
            let unknown = try await client.send(.post, "/api/v1/auth/token", json: #"{"agency":"nobody","user":"x","password":"whatever it is"}"#)
            #expect(unknown.string("code") == "invalid_credentials")
            let signedIn = try await client.send(.post, "/api/v1/auth/token", json: #"{"agency":"\#(agency)","user":"field-officer","password":"correct horse battery","expires_in_hours":1}"#)
            #expect(signedIn.status == .created)
            guard case .object(let signedKey) = signedIn["key"] else { Issue.record("no key"); return }
            #expect(signedKey["expires_at"] != nil)
            let me = try await client.send(.get, "/api/v1/me", key: signedIn.string("api_key"))
            guard case .object(let user) = me["user"] else { Issue.record("no me"); return }
            #expect(user["name"] == .string("field-officer"))
        }
    }
}
