import Foundation

/// The checks that need more than one value at a time: ids unique, references resolving, steps in order
/// and not overlapping, citations present, structures recorded or their absence explained. Decoding already
/// rejected malformed dates and unknown enum values.
struct KnowledgeBaseValidator {
    let jurisdictions: [Jurisdiction]
    let listFiles: [(file: String, declared: ControlList, content: ListFile)]
    let rules: [ClassRule]
    let ruleFiles: [String: String]
    let examples: [RuleExample]

    func problems() -> [KnowledgeBaseProblem] {
        var out: [KnowledgeBaseProblem] = []
        let jf = KnowledgeBaseLayout.jurisdictions
        var jurisdictionCodes = Set<JurisdictionCode>()
        var listCodes: [String: JurisdictionCode] = [:]
        var listsByCode: [String: ControlList] = [:]
        for j in jurisdictions {
            if !jurisdictionCodes.insert(j.code).inserted {
                out.append(.init(file: jf, id: j.code.rawValue, message: "duplicate jurisdiction code"))
            }
            for list in j.lists {
                if listCodes[list.code] != nil {
                    out.append(.init(file: jf, id: list.code, message: "duplicate list code"))
                }
                listCodes[list.code] = j.code
                listsByCode[list.code] = list
                if list.categories.isEmpty {
                    out.append(.init(file: jf, id: list.code, field: "categories", message: "a list needs at least one category"))
                }
            }
        }
        // Entries.
        var ids: [String: String] = [:]
        for (file, declared, content) in listFiles {
            if content.list != declared.code {
                out.append(.init(file: file, field: "list", message: "the file says list '\(content.list)' but jurisdictions.json declares it as '\(declared.code)'"))
            }
            let categories = Set(declared.categories.map(\.code))
            for e in content.entries {
                if let other = ids[e.id] {
                    out.append(.init(file: file, id: e.id, message: "duplicate id (also in \(other))"))
                }
                ids[e.id] = file
                if e.list != declared.code {
                    out.append(.init(file: file, id: e.id, field: "list", message: "unknown or wrong list code '\(e.list)' (this file holds '\(declared.code)')"))
                }
                if let owner = listCodes[declared.code], owner != e.jurisdiction {
                    out.append(.init(file: file, id: e.id, field: "jurisdiction", message: "'\(e.jurisdiction)' but the list belongs to '\(owner)'"))
                }
                if !categories.contains(e.category) {
                    out.append(.init(file: file, id: e.id, field: "category", message: "unknown category '\(e.category)' of list \(declared.code)"))
                }
                if !KnowledgeBaseValidator.isKey(e.substance) {
                    out.append(.init(file: file, id: e.id, field: "substance", message: "substance key '\(e.substance)' must be lower-case letters, digits, ',' and '-'"))
                }
                if (e.names.legal ?? "").isEmpty && (e.names.english ?? "").isEmpty {
                    out.append(.init(file: file, id: e.id, field: "names", message: "neither a legal nor an English name"))
                }
                if let s = e.structure {
                    out += KnowledgeBaseValidator.structureProblems(s, file: file, id: e.id)
                } else if (e.noStructure ?? "").isEmpty {
                    out.append(.init(file: file, id: e.id, field: "noStructure", message: "no structure and no reason why"))
                }
                if let dea = e.codes.dea, !(dea.count == 4 && dea.allSatisfy(\.isASCIIDigit)) {
                    out.append(.init(file: file, id: e.id, field: "codes.dea", message: "DEA code '\(dea)' is not four digits"))
                }
                out += KnowledgeBaseValidator.stepProblems(e.steps, file: file, id: e.id, requireSteps: true)
            }
        }
        // Rules.
        var ruleIDs = Set<String>()
        for r in rules {
            let file = ruleFiles[r.id] ?? KnowledgeBaseLayout.rule(r.id)
            if !ruleIDs.insert(r.id).inserted {
                out.append(.init(file: file, id: r.id, message: "duplicate rule id"))
            }
            if file != KnowledgeBaseLayout.rule(r.id) {
                out.append(.init(file: file, id: r.id, field: "id", message: "the file of rule '\(r.id)' must be \(KnowledgeBaseLayout.rule(r.id))"))
            }
            if !jurisdictionCodes.contains(r.jurisdiction) {
                out.append(.init(file: file, id: r.id, field: "jurisdiction", message: "unknown jurisdiction '\(r.jurisdiction)'"))
            }
            if let list = r.list, listCodes[list] == nil {
                out.append(.init(file: file, id: r.id, field: "list", message: "unknown list code '\(list)'"))
            }
            if r.legalText.isEmpty || r.legalText.contains(where: { $0.citation.text.isEmpty }) {
                out.append(.init(file: file, id: r.id, field: "legalText", message: "a rule needs its legal text with citations"))
            }
            var criterionIDs = Set<String>()
            for c in r.criteria where !criterionIDs.insert(c.id).inserted {
                out.append(.init(file: file, id: r.id, field: "criteria", message: "duplicate criterion id '\(c.id)'"))
            }
            if r.kind == .structuralClass && (r.criteria.isEmpty || r.parent == nil) {
                out.append(.init(file: file, id: r.id, field: "criteria", message: "a structural class needs a parent compound and criteria"))
            }
            if r.kind == .definitionNotRetrieved && r.screen == nil {
                out.append(.init(file: file, id: r.id, field: "screen", message: "a class without its definition needs a screen saying which structures it may reach"))
            }
            if let p = r.parent, !KnowledgeBaseValidator.isInChIKey(p.inchikey) {
                out.append(.init(file: file, id: r.id, field: "parent.inchikey", message: "'\(p.inchikey)' is not an InChIKey"))
            }
            for x in r.exclusions where x.citation.text.isEmpty {
                out.append(.init(file: file, id: r.id, field: "exclusions", message: "exclusion '\(x.id)' has no citation"))
            }
            out += KnowledgeBaseValidator.stepProblems(r.steps, file: file, id: r.id, requireSteps: r.kind != .analogueProvision)
        }
        for j in jurisdictions {
            for id in j.classRules where !rules.contains(where: { $0.id == id }) {
                out.append(.init(file: jf, id: j.code.rawValue, field: "classRules", message: "rule '\(id)' has no rule file"))
            }
            if j.classRules.isEmpty && (j.noClassRulesNote ?? "").isEmpty {
                out.append(.init(file: jf, id: j.code.rawValue, field: "noClassRulesNote", message: "a jurisdiction without class rules must say so"))
            }
        }
        // Examples.
        let ef = KnowledgeBaseLayout.examples
        let rulesByID = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var exampleIDs = Set<String>()
        for x in examples {
            if !exampleIDs.insert(x.id).inserted {
                out.append(.init(file: ef, id: x.id, message: "duplicate example id"))
            }
            if x.smiles.isEmpty || !KnowledgeBaseValidator.isInChIKey(x.inchikey) {
                out.append(.init(file: ef, id: x.id, field: "smiles", message: "an example needs a SMILES and its InChIKey"))
            }
            for (i, e) in x.expectations.enumerated() {
                let field = "expectations[\(i)]"
                guard let rule = rulesByID[e.rule] else {
                    out.append(.init(file: ef, id: x.id, field: field + ".rule", message: "unknown rule '\(e.rule)'"))
                    continue
                }
                let known = Set(rule.criteria.map(\.id))
                for c in e.criteria where !known.contains(c.id) {
                    out.append(.init(file: ef, id: x.id, field: field + ".criteria", message: "'\(c.id)' is not a criterion of \(e.rule)"))
                }
                if e.member == true && e.criteria.isEmpty {
                    out.append(.init(file: ef, id: x.id, field: field, message: "a member must name the criteria it meets"))
                }
                if e.member == false && !e.criteria.isEmpty {
                    out.append(.init(file: ef, id: x.id, field: field, message: "a non-member cannot meet criteria"))
                }
                if let ex = e.excludedBy {
                    if ids[ex] == nil {
                        out.append(.init(file: ef, id: x.id, field: field + ".excludedBy", message: "unknown entry '\(ex)'"))
                    } else if e.member != true {
                        out.append(.init(file: ef, id: x.id, field: field + ".excludedBy", message: "only a member can be excluded by a listing"))
                    }
                }
            }
            for (i, o) in x.outcomes.enumerated() {
                let field = "outcomes[\(i)]"
                if !jurisdictionCodes.contains(o.jurisdiction) {
                    out.append(.init(file: ef, id: x.id, field: field + ".jurisdiction", message: "unknown jurisdiction '\(o.jurisdiction)'"))
                }
                switch o.basis {
                case "listing":
                    if ids[o.ref ?? ""] == nil {
                        out.append(.init(file: ef, id: x.id, field: field + ".ref", message: "unknown entry '\(o.ref ?? "")'"))
                    }
                case "class":
                    if rulesByID[o.ref ?? ""] == nil {
                        out.append(.init(file: ef, id: x.id, field: field + ".ref", message: "unknown rule '\(o.ref ?? "")'"))
                    }
                case nil:
                    if o.status != .notControlled {
                        out.append(.init(file: ef, id: x.id, field: field + ".basis", message: "a controlled or unknown outcome needs a basis"))
                    }
                default:
                    out.append(.init(file: ef, id: x.id, field: field + ".basis", message: "basis must be 'listing' or 'class'"))
                }
            }
        }
        return out
    }

    /// Steps are dated consistently: each has a citation and an effective date or a reason; a step's own
    /// dates agree; steps come in order; a new temporary order does not overlap the previous one.
    static func stepProblems(_ steps: [ListingStep], file: String, id: String, requireSteps: Bool) -> [KnowledgeBaseProblem] {
        var out: [KnowledgeBaseProblem] = []
        if requireSteps && steps.isEmpty {
            out.append(.init(file: file, id: id, field: "steps", message: "no dated step"))
        }
        var previousStart: CalendarDate?
        var previousUntil: CalendarDate?
        for (i, s) in steps.enumerated() {
            let field = "steps[\(i)]"
            if s.citation.text.trimmingCharacters(in: .whitespaces).isEmpty {
                out.append(.init(file: file, id: id, field: field + ".citation", message: "missing citation"))
            }
            if s.effective == nil && (s.effectiveUnknown ?? "").isEmpty && !s.continues {
                out.append(.init(file: file, id: id, field: field + ".effective", message: "no effective date and no reason why it is unknown"))
            }
            if s.continues && i == 0 {
                out.append(.init(file: file, id: id, field: field + ".continues", message: "the first step cannot continue a previous one"))
            }
            if let e = s.effective, let u = s.until, u < e.first {
                out.append(.init(file: file, id: id, field: field + ".until", message: "ends (\(u)) before it starts (\(e))"))
            }
            if let e = s.effective, let nb = s.notBefore, e.last < nb {
                out.append(.init(file: file, id: id, field: field + ".notBefore", message: "effective \(e) is before the earliest possible day \(nb)"))
            }
            if let a = s.inForce, let u = s.until, u < a.date {
                out.append(.init(file: file, id: id, field: field + ".inForce", message: "attested in force on \(a.date), after its end \(u)"))
            }
            if let e = s.effective, let a = s.inForce, a.date < e.first {
                out.append(.init(file: file, id: id, field: field + ".inForce", message: "attested in force on \(a.date), before it took effect (\(e))"))
            }
            let start = s.effective?.first ?? s.notBefore
            if let start, let previousStart, start < previousStart {
                out.append(.init(file: file, id: id, field: field, message: "out of order: starts \(start), before the previous step (\(previousStart))"))
            }
            if s.kind == .temporary, let start, let previousUntil, start <= previousUntil {
                out.append(.init(file: file, id: id, field: field, message: "a new temporary order starting \(start) overlaps the previous step, in force until \(previousUntil)"))
            }
            if let start { previousStart = start }
            previousUntil = s.until ?? (s.continues ? previousUntil : nil)
        }
        return out
    }

    static func structureProblems(_ s: RecordedStructure, file: String, id: String) -> [KnowledgeBaseProblem] {
        var out: [KnowledgeBaseProblem] = []
        if s.smiles.isEmpty {
            out.append(.init(file: file, id: id, field: "structure.smiles", message: "empty SMILES"))
        }
        if !isInChIKey(s.inchikey) {
            out.append(.init(file: file, id: id, field: "structure.inchikey", message: "'\(s.inchikey)' is not an InChIKey"))
        }
        if !isFormula(s.formula) {
            out.append(.init(file: file, id: id, field: "structure.formula", message: "'\(s.formula)' is not a molecular formula"))
        }
        if s.source.isEmpty {
            out.append(.init(file: file, id: id, field: "structure.source", message: "a structure needs its source"))
        }
        return out
    }

    static func isKey(_ s: String) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "," }
    }

    /// 14 letters, a hyphen, 10 letters, a hyphen, one letter.
    static func isInChIKey(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        let lengths = parts.map(\.count)
        return lengths == [14, 10, 1] && parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isUppercase } }
    }

    /// Element symbols with counts, optionally with a charge or dot-separated parts ("C22H28N2O", "C18H22BrNO3").
    static func isFormula(_ s: String) -> Bool {
        guard let first = s.first, first.isUppercase else { return false }
        return s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
