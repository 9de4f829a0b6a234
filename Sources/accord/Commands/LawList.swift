import ArgumentParser
import Law

/// `accord law list`: one JSON line per listing (or per class rule with `--rules`), with its status on a day.
struct LawList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the listings of the knowledge base as JSON lines, with their status on a day."
    )

    @Option(help: "Only this jurisdiction (US, CN or UN).")
    var jurisdiction: String?

    @Option(help: "Only this list (e.g. us-csa-schedule-i, cn-nps-supplementary, un-1988-table-i).")
    var list: String?

    @Option(help: "Day of the status, YYYY-MM-DD (default: today).")
    var date: String?

    @Flag(help: "List the class-wide rules instead of the listings.")
    var rules = false

    @Option(help: "Read the knowledge base from this directory instead of the built-in one.")
    var resources: String?

    func run() async throws {
        let kb = try LawArguments.knowledgeBase(resources: resources)
        let day = try LawArguments.date(date)
        let codes = try LawArguments.jurisdictions(jurisdiction, in: kb)
        if let list, kb.list(code: list) == nil {
            throw ValidationError("unknown list '\(list)'")
        }
        let out = JSONLineWriter()
        if rules {
            for rule in kb.rules where codes.contains(rule.jurisdiction) && (list == nil || rule.list == list) {
                try out.write(RuleLine(rule, on: day))
            }
            return
        }
        for listing in kb.listings where codes.contains(listing.jurisdiction) && (list == nil || listing.list == list) {
            try out.write(ListingLine(listing, kb: kb, on: day))
        }
    }
}

/// One listing as `law list` prints it.
struct ListingLine: Encodable {
    let id: String
    let jurisdiction: String
    let list: String
    let listName: String
    let schedule: String
    let paragraph: String
    let form: String
    @NullEncoded var formNote: String?
    let substance: String
    let name: String
    @NullEncoded var legalName: String?
    let chineseName: String?
    let synonyms: [String]
    @NullEncoded var smiles: String?
    let formula: String?
    @NullEncoded var inchikey: String?
    let noStructure: String?
    @NullEncoded var deaCode: String?
    let cas: String?
    let date: String
    let status: String
    @NullEncoded var effective: String?
    let effectiveIsLowerBound: Bool
    @NullEncoded var statusNote: String?
    let citation: String?
    @NullEncoded var url: String?
    let openQuestions: [String]

    init(_ l: Listing, kb: KnowledgeBase, on day: CalendarDate) {
        id = l.id
        jurisdiction = l.jurisdiction.rawValue
        list = l.list
        listName = kb.list(code: l.list)?.name ?? l.list
        schedule = l.schedule
        paragraph = l.paragraph
        form = l.form.rawValue
        formNote = l.formNote
        substance = l.substance
        name = l.displayName
        legalName = l.names.legal
        chineseName = l.names.chinese
        synonyms = l.synonyms
        smiles = l.structure?.smiles
        formula = l.structure?.formula
        inchikey = l.structure?.inchikey
        noStructure = l.noStructure
        deaCode = l.codes.dea
        cas = l.codes.cas
        date = day.description
        openQuestions = l.openQuestions
        let control: ControlStatus = kb.list(code: l.list)?.control == .precursor ? .precursor : .scheduled
        switch StepCoverage(steps: l.steps).state(on: day) {
        case .inForce(let since, let lowerBound, let step):
            (status, effective, effectiveIsLowerBound, statusNote) = (control.rawValue, since.description, lowerBound, nil)
            (citation, url) = (l.steps[step].citation.text, l.steps[step].citation.url)
        case .notYet(let from):
            (status, effective, effectiveIsLowerBound, statusNote) = (ControlStatus.notControlled.rawValue, nil, false, "takes effect no earlier than \(from)")
            (citation, url) = (l.steps.first?.citation.text, l.steps.first?.citation.url)
        case .ended(let on, let step):
            (status, effective, effectiveIsLowerBound, statusNote) = (ControlStatus.notControlled.rawValue, nil, false, "ended on \(on)")
            (citation, url) = (l.steps[step].citation.text, l.steps[step].citation.url)
        case .unknown(let step, let reason):
            (status, effective, effectiveIsLowerBound, statusNote) = (ControlStatus.unknown.rawValue, nil, false, reason)
            (citation, url) = (step.map { l.steps[$0].citation.text }, step.flatMap { l.steps[$0].citation.url })
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, jurisdiction, list
        case listName = "list_name"
        case schedule, paragraph, form
        case formNote = "form_note"
        case substance, name
        case legalName = "legal_name"
        case chineseName = "chinese_name"
        case synonyms, smiles, formula, inchikey
        case noStructure = "no_structure"
        case deaCode = "dea_code"
        case cas, date, status, effective
        case effectiveIsLowerBound = "effective_is_lower_bound"
        case statusNote = "status_note"
        case citation, url
        case openQuestions = "open_questions"
    }
}

/// One class rule as `law list --rules` prints it.
struct RuleLine: Encodable {
    let id: String
    let jurisdiction: String
    let kind: String
    let name: String
    @NullEncoded var nameZh: String?
    let list: String?
    @NullEncoded var schedule: String?
    let criteria: [Criterion]
    let exclusions: [String]
    let examples: Int
    let date: String
    let inForce: Bool
    @NullEncoded var effective: String?
    let citation: String?
    let openQuestions: [String]

    struct Criterion: Encodable {
        let id: String
        @NullEncoded var quote: String?
        let summary: String
    }

    init(_ r: ClassRule, on day: CalendarDate) {
        id = r.id
        jurisdiction = r.jurisdiction.rawValue
        kind = r.kind.rawValue
        name = r.name
        nameZh = r.nameZh
        list = r.list
        schedule = r.schedule
        criteria = r.criteria.map { Criterion(id: $0.id, quote: $0.quote, summary: $0.summary) }
        exclusions = r.exclusions.map(\.summary)
        examples = r.examples.count
        date = day.description
        openQuestions = r.openQuestions
        if case .inForce(let since, _, let step) = StepCoverage(steps: r.steps).state(on: day) {
            (inForce, effective, citation) = (true, since.description, r.steps[step].citation.text)
        } else {
            (inForce, effective, citation) = (false, nil, nil)
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, jurisdiction, kind, name
        case nameZh = "name_zh"
        case list, schedule, criteria, exclusions, examples, date
        case inForce = "in_force"
        case effective, citation
        case openQuestions = "open_questions"
    }
}
