import ArgumentParser
import Law

/// `accord timeline NAME...`: every dated step of a substance's control across jurisdictions, oldest first,
/// one JSON line per step.
struct Timeline: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "The control history of substances across jurisdictions, by name, synonym, Chinese name or CAS number."
    )

    @Argument(help: "Substance names (any name, synonym, systematic or Chinese name, CAS number or knowledge-base key).")
    var names: [String]

    @Option(help: "Read the knowledge base from this directory instead of the built-in one.")
    var resources: String?

    func validate() throws {
        if names.isEmpty { throw ValidationError("give at least one substance name") }
    }

    func run() async throws {
        let kb = try LawArguments.knowledgeBase(resources: resources)
        let out = JSONLineWriter()
        for query in names {
            let keys = kb.substances(named: query)
            if keys.isEmpty {
                try out.write(NotFound(query: query, error: "no substance of the knowledge base has this name (structures are looked up by `accord classify`)"))
                continue
            }
            for key in keys {
                for event in SubstanceTimeline(substance: key, knowledgeBase: kb).events {
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
            name = kb.displayName(ofSubstance: e.substance)
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
