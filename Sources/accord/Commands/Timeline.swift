import ArgumentParser
import Chemistry
import Law

/// `accord timeline NAME...`: every dated step of a substance's control across jurisdictions, oldest first,
/// one JSON line per step.
struct Timeline: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "The control history of substances across jurisdictions, by name, synonym, Chinese name, CAS number or SMILES.",
        discussion: """
            A query that names no knowledge-base substance is read as SMILES: a salt or stereoisomer of a listed \
            substance gives that substance's history; another structure gives the steps of the class rules it \
            meets (or may meet, where the text is open). One JSON line per step, oldest first.

            Examples:
              accord timeline "acetyl fentanyl"
              accord timeline 'O=C(C1CCCC1)N(c1ccccc1)C1CCN(CCc2cccs2)CC1'
            """
    )

    @Argument(help: "Substance names (any name, synonym, systematic or Chinese name, CAS number or knowledge-base key) or SMILES.")
    var names: [String]

    @Option(help: "Read the knowledge base from this directory instead of the built-in one.")
    var resources: String?

    func validate() throws {
        if names.isEmpty { throw ValidationError("give at least one substance name") }
    }

    func run() async throws {
        let kb = try LawArguments.knowledgeBase(resources: resources)
        let out = JSONLineWriter()
        var engine: DeterminationEngine?
        for query in names {
            let keys = kb.substances(named: query)
            if !keys.isEmpty {
                for key in keys {
                    for event in SubstanceTimeline(substance: key, knowledgeBase: kb).events {
                        try out.write(EventLine(query: query, event: event, kb: kb))
                    }
                }
                continue
            }
            let molecule: Molecule
            do throws(SMILESError) {
                molecule = try Molecule(smiles: query)
            } catch {
                try out.write(NotFound(query: query, error: "no substance of the knowledge base has this name, and as a SMILES, column \(error.column): \(error.message)"))
                continue
            }
            let built = engine ?? DeterminationEngine(knowledgeBase: kb)
            engine = built
            let timelines = built.timeline(molecule)
            if timelines.allSatisfy({ $0.events.isEmpty }) {
                try out.write(NotFound(query: query, error: "the structure is on no recorded list and meets no class rule, so it has no control history"))
            }
            for timeline in timelines {
                for event in timeline.events {
                    try out.write(EventLine(query: query, event: event, kb: kb))
                }
            }
        }
    }

    struct NotFound: Encodable {
        let query: String
        let error: String
    }

    struct EventLine: Encodable {
        let query: String
        let substance: String
        let name: String
        let jurisdiction: String
        @NullEncoded var list: String?
        let listName: String?
        @NullEncoded var schedule: String?
        let entry: String?
        @NullEncoded var rule: String?
        let criteria: [String]
        let kind: String
        @NullEncoded var date: String?
        let dateUnknown: String?
        @NullEncoded var notBefore: String?
        let inForceOn: String?
        @NullEncoded var until: String?
        let untilNote: String?
        let continues: Bool
        let citation: String
        @NullEncoded var url: String?
        let note: String?

        init(query: String, event e: TimelineEvent, kb: KnowledgeBase) {
            self.query = query
            substance = e.substance
            name = kb.listings(ofSubstance: e.substance).isEmpty ? e.substance : kb.displayName(ofSubstance: e.substance)
            jurisdiction = e.jurisdiction.rawValue
            let listCode = e.listing?.list ?? e.rule?.list
            list = listCode
            listName = listCode.flatMap { kb.list(code: $0)?.name }
            schedule = e.listing?.schedule ?? e.rule?.schedule
            entry = e.listing?.id
            rule = e.rule?.id
            criteria = e.criteria.map { "\($0.id): \($0.explanation)" }
            kind = e.step.kind.rawValue
            date = e.step.effective?.description
            dateUnknown = e.step.effectiveUnknown
            notBefore = e.step.notBefore?.description
            inForceOn = e.step.inForce?.date.description
            until = e.step.until?.description
            untilNote = e.step.untilNote
            continues = e.step.continues
            citation = e.step.citation.text
            url = e.step.citation.url
            note = e.step.note ?? e.step.inForce?.source
        }

        enum CodingKeys: String, CodingKey {
            case query, substance, name, jurisdiction, list
            case listName = "list_name"
            case schedule, entry, rule, criteria, kind, date
            case dateUnknown = "date_unknown"
            case notBefore = "not_before"
            case inForceOn = "in_force_on"
            case until
            case untilNote = "until_note"
            case continues, citation, url, note
        }
    }
}
