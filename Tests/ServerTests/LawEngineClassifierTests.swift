import Exchange
import ExchangeTestSupport
import Hummingbird
import HummingbirdTesting
import Law
import Server
import Storage
import Testing

/// `accord serve`'s classifier: the law determination engine, asked about a seizure's structure at the
/// seizure date, with its answers stored in the record.
struct LawEngineClassifierTests {
    @Test("a seizure's structure is classified by the law engine at the seizure date", arguments: [TestDatabase.sqlite])
    func seizureIsClassified(database: TestDatabase) async throws {
        let classifier = LawEngineClassifier(knowledgeBase: try KnowledgeBase.bundled())
        try await withWorld(database) { world, _ in
            let service = ExchangeService(store: world.store, validator: ChemistryStructureValidator(), classifier: classifier,
                                          searcher: try ChemistryStructureSearcher(), bcryptCost: 4)
            let app = Application(router: service.makeRouter())
            try await app.test(.router) { testClient in
                let client = Client(client: testClient)
                // Fentanyl hydrochloride: the engine standardizes to fentanyl, listed in the US and by the UN.
                let body = #"{"distribution":{"level":"partners"},"tlp":"amber","date":"2025-03-01","place":{"country":"US"},"substances":[{"smiles":"CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1.Cl"},{"smiles":"CCO"}]}"#
                let reply = try await client.send(.post, "/api/v1/seizures", key: world.key(.owner), json: body)
                #expect(reply.status == .created, "\(reply.text)")
                guard case .array(let substances) = reply["substances"], substances.count == 2,
                      case .object(let fentanyl) = substances[0], case .object(let ethanol) = substances[1],
                      case .object(let classification) = fentanyl["classification"],
                      case .array(let determinations) = classification["determinations"],
                      case .object(let ethanolClassification) = ethanol["classification"] else {
                    Issue.record("no classification: \(reply.text)"); return
                }
                #expect(classification["outcome"] == .string("determined"))
                #expect(classification["engine"] == .string("accord-law-engine"))
                #expect(classification["as_of"] == .string("2025-03-01"))
                var statuses: [String: JSONValue] = [:]
                for case .object(let d) in determinations {
                    if case .string(let j) = d["jurisdiction"] { statuses[j] = d["status"] }
                }
                #expect(statuses["US"] == .string("scheduled"))
                // China's answer is the engine's (its recorded list may leave the day open); it must be there.
                #expect(statuses["CN"] != nil)
                #expect(statuses["UN"] == .string("scheduled"))
                // Ethanol is in no recorded list: never reported as controlled.
                guard case .array(let ethanolDeterminations) = ethanolClassification["determinations"] else { Issue.record("no ethanol determinations"); return }
                for case .object(let d) in ethanolDeterminations {
                    #expect(d["status"] != .string("scheduled") && d["status"] != .string("precursor"), "\(d)")
                }
            }
        }
    }
}
