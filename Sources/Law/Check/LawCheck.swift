import Chemistry
import Foundation

/// The consistency checks of the knowledge base that `accord law check` runs and the tests assert: the files
/// load and validate; no two entries of one list share an id, a name or a structure; every worked example is
/// well-formed and names listings of its own structure; and the OPSIN cross-check is current, with every
/// disagreement listed. Structure parsing and formula checks join when the chemistry core provides them
/// (`structureChecker`).
public struct LawCheck: Sendable {
    /// Checks one recorded structure with the chemistry core: returns the problems (parse error, formula
    /// differing from the recorded one), or an empty array. The default is `formulaChecker`.
    public typealias StructureChecker = @Sendable (_ smiles: String, _ recordedFormula: String) -> [String]

    public let resources: URL
    public let structureChecker: StructureChecker?

    public init(resources: URL, structureChecker: StructureChecker? = LawCheck.formulaChecker) {
        self.resources = resources
        self.structureChecker = structureChecker
    }

    /// The SMILES parses and its molecular formula (Hill order, as RDKit writes it) is the recorded one.
    public static let formulaChecker: StructureChecker = { smiles, recorded in
        let molecule: Molecule
        do throws(SMILESError) {
            molecule = try Molecule(smiles: smiles)
        } catch {
            return ["SMILES \(smiles) does not parse: column \(error.column): \(error.message)"]
        }
        let formula = MolecularFormula(molecule).text
        return formula == recorded ? [] : ["formula \(formula) of \(smiles) differs from the recorded \(recorded)"]
    }

    public func run() -> LawCheckReport {
        var findings: [LawCheckFinding] = []
        var examined: [String: Int] = [:]
        let kb: KnowledgeBase
        do {
            kb = try KnowledgeBaseLoader.load(directory: resources)
        } catch {
            return LawCheckReport(findings: error.problems.map {
                LawCheckFinding(check: "load", severity: .error, file: $0.file, id: $0.id, field: $0.field, message: $0.message)
            }, examined: ["load": 1])
        }
        examined["load"] = kb.listings.count + kb.rules.count + kb.examples.count
        findings += collisions(kb, examined: &examined)
        findings += exampleChecks(kb, examined: &examined)
        findings += opsinChecks(kb, examined: &examined)
        findings += structuralChecks(kb, examined: &examined)
        if let checker = structureChecker {
            var n = 0
            for listing in kb.listings {
                guard let s = listing.structure else { continue }
                n += 1
                for message in checker(s.smiles, s.formula) {
                    findings.append(LawCheckFinding(check: "structure", severity: .error, file: listing.list, id: listing.id,
                                                    field: "structure", message: message))
                }
            }
            for example in kb.examples {
                n += 1
                for message in checker(example.smiles, example.formula) {
                    findings.append(LawCheckFinding(check: "structure", severity: .error, file: KnowledgeBaseLayout.examples,
                                                    id: example.id, field: "smiles", message: message))
                }
            }
            examined["structure"] = n
        }
        for listing in kb.listings {
            for q in listing.openQuestions {
                findings.append(LawCheckFinding(check: "open-question", severity: .note, file: listing.list, id: listing.id, field: nil, message: q))
            }
        }
        for rule in kb.rules {
            for q in rule.openQuestions {
                findings.append(LawCheckFinding(check: "open-question", severity: .note, file: KnowledgeBaseLayout.rule(rule.id),
                                                id: rule.id, field: nil, message: q))
            }
        }
        return LawCheckReport(findings: findings, examined: examined)
    }

    /// No two entries of one list with the same id, legal name or structure. One substance may have two
    /// entries in a list in different forms (etorphine base and its hydrochloride); stereoisomers recorded by
    /// constitution only may share it when their names carry different descriptors (alpha/beta, levo/dextro).
    func collisions(_ kb: KnowledgeBase, examined: inout [String: Int]) -> [LawCheckFinding] {
        var out: [LawCheckFinding] = []
        var byList: [String: [Listing]] = [:]
        for l in kb.listings { byList[l.list, default: []].append(l) }
        var n = 0
        for (list, entries) in byList.sorted(by: { $0.key < $1.key }) {
            var names: [String: String] = [:]
            var structures: [Substring: Listing] = [:]
            for e in entries {
                n += 1
                let name = KnowledgeBase.nameKey(e.names.legal ?? e.names.english ?? e.id)
                if let other = names[name] {
                    out.append(LawCheckFinding(check: "collision", severity: .error, file: list, id: e.id, field: "names.legal",
                                               message: "same name as \(other) in \(list)"))
                }
                names[name] = e.id
                guard e.form.matchesStructure, let s = e.structure else { continue }
                if let other = structures[s.skeletonKey], other.substance != e.substance {
                    let distinct = s.stereoDescriptor != nil && other.structure?.stereoDescriptor != nil
                        && s.stereoDescriptor != other.structure?.stereoDescriptor
                    if !distinct {
                        out.append(LawCheckFinding(check: "collision", severity: .error, file: list, id: e.id, field: "structure",
                                                   message: "same structure (\(s.inchikey)) as \(other.id) in \(list)"))
                    }
                }
                structures[s.skeletonKey] = e
            }
        }
        // One substance key, one constitution, in every list.
        for key in kb.substanceKeys {
            let skeletons = Set(kb.listings(ofSubstance: key).filter(\.form.matchesStructure).compactMap { $0.structure?.skeletonKey })
            if skeletons.count > 1 {
                out.append(LawCheckFinding(check: "collision", severity: .error, file: nil, id: key, field: "substance",
                                           message: "substance key \(key) has \(skeletons.count) different structures across lists"))
            }
        }
        examined["collision"] = n
        return out
    }

    /// With the determination engine: no two entries of one list share a structure identity (standardized,
    /// stereo and isotopes aside) unless both carry different stereo descriptors or belong to one substance,
    /// and every worked example gives its expected answer for each rule the engine evaluates.
    func structuralChecks(_ kb: KnowledgeBase, examined: inout [String: Int]) -> [LawCheckFinding] {
        var out: [LawCheckFinding] = []
        var byList: [String: [String: Listing]] = [:]
        var n = 0
        for l in kb.listings where l.form.matchesStructure {
            guard let s = l.structure, let molecule = try? Molecule(smiles: s.smiles) else { continue }
            n += 1
            let key = StructureIdentity(molecule).key
            if let other = byList[l.list]?[key], other.substance != l.substance {
                let distinct = s.stereoDescriptor != nil && other.structure?.stereoDescriptor != nil
                    && s.stereoDescriptor != other.structure?.stereoDescriptor
                if !distinct {
                    out.append(LawCheckFinding(check: "collision", severity: .error, file: l.list, id: l.id, field: "structure",
                                               message: "same standardized structure (\(key)) as \(other.id) in \(l.list)"))
                }
            }
            byList[l.list, default: [:]][key] = l
        }
        examined["structure-collision"] = n
        let evaluator = FentanylClassEvaluator()
        var m = 0
        for example in kb.examples {
            guard let molecule = try? Molecule(smiles: example.smiles) else { continue }
            let parent = StructureIdentity(molecule).standardized
            for e in example.expectations {
                guard let result = evaluator.evaluate(parent, rule: e.rule) else { continue }
                m += 1
                let expected = e.criteria.map(\.id).sorted()
                if result.member != e.member || result.criteria.map(\.id) != expected {
                    func word(_ b: Bool?) -> String { b.map { $0 ? "member" : "not a member" } ?? "unsettled" }
                    out.append(LawCheckFinding(
                        check: "examples", severity: .error, file: KnowledgeBaseLayout.examples, id: example.id, field: "expectations",
                        message: "\(e.rule): expected \(word(e.member)) \(expected), the engine gives \(word(result.member)) \(result.criteria.map(\.id)): \(result.explanation)"))
                }
            }
        }
        examined["class-examples"] = m
        return out
    }

    /// Every example names listings of its own structure, and each dated outcome that rests on a listing
    /// agrees with that listing's steps (the part of the engine that needs no chemistry).
    func exampleChecks(_ kb: KnowledgeBase, examined: inout [String: Int]) -> [LawCheckFinding] {
        var out: [LawCheckFinding] = []
        let file = KnowledgeBaseLayout.examples
        var n = 0
        for x in kb.examples {
            n += 1
            for e in x.expectations {
                if let ex = e.excludedBy, let l = kb.listing(id: ex), l.structure?.skeletonKey != x.skeletonKey {
                    out.append(LawCheckFinding(check: "examples", severity: .error, file: file, id: x.id, field: "excludedBy",
                                               message: "\(ex) does not have the example's structure"))
                }
            }
            for o in x.outcomes {
                switch o.basis {
                case "listing":
                    guard let ref = o.ref, let l = kb.listing(id: ref) else { continue }
                    if l.structure?.skeletonKey != x.skeletonKey {
                        out.append(LawCheckFinding(check: "examples", severity: .error, file: file, id: x.id, field: "outcomes",
                                                   message: "\(ref) does not have the example's structure"))
                    }
                    let state = StepCoverage(steps: l.steps).state(on: o.date)
                    let expectedInForce = o.status == .scheduled || o.status == .precursor
                    if expectedInForce != state.isInForce {
                        out.append(LawCheckFinding(check: "examples", severity: .error, file: file, id: x.id, field: "outcomes",
                                                   message: "expects \(o.status.rawValue) by \(ref) on \(o.date), but its steps give \(state)"))
                    }
                case "class":
                    guard let ref = o.ref, let rule = kb.rule(id: ref) else { continue }
                    if o.status == .scheduled && !StepCoverage(steps: rule.steps).state(on: o.date).isInForce {
                        out.append(LawCheckFinding(check: "examples", severity: .error, file: file, id: x.id, field: "outcomes",
                                                   message: "expects control by \(ref) on \(o.date), when the rule is not in force"))
                    }
                default:
                    break
                }
            }
        }
        examined["examples"] = n
        return out
    }

    /// The OPSIN report covers every systematic name recorded now, and lists its disagreements.
    func opsinChecks(_ kb: KnowledgeBase, examined: inout [String: Int]) -> [LawCheckFinding] {
        let report: OPSINReport
        do {
            report = try OPSINReport.load(resources: resources)
        } catch {
            return error.problems.map {
                LawCheckFinding(check: "opsin", severity: .error, file: $0.file, id: $0.id, field: $0.field,
                                message: $0.message + " (run scripts/reference/check_opsin.py)")
            }
        }
        var out: [LawCheckFinding] = []
        let reported = Set(report.results.map { "\($0.entry)\u{0}\($0.name)" })
        var expected = 0
        for l in kb.listings {
            for name in l.names.systematic {
                expected += 1
                if !reported.contains("\(l.id)\u{0}\(name)") {
                    out.append(LawCheckFinding(check: "opsin", severity: .error, file: KnowledgeBaseLayout.opsinReport, id: l.id,
                                               field: "names.systematic", message: "'\(name)' is not in the OPSIN report: it is stale (run scripts/reference/check_opsin.py)"))
                }
                let recorded = l.structure?.inchikey
                if let r = report.results.first(where: { $0.entry == l.id && $0.name == name }), r.recordedInchikey != recorded {
                    out.append(LawCheckFinding(check: "opsin", severity: .error, file: KnowledgeBaseLayout.opsinReport, id: l.id,
                                               field: "recordedInchikey", message: "the report compared another structure than the one recorded now: it is stale (run scripts/reference/check_opsin.py)"))
                }
            }
        }
        for r in report.results {
            switch r.status {
            case .agrees:
                continue
            case .agreesConstitution:
                out.append(LawCheckFinding(check: "opsin", severity: .disagreement, file: KnowledgeBaseLayout.opsinReport, id: r.entry,
                                           field: "stereo", message: "OPSIN reads '\(r.name)' as the same constitution with other stereo (\(r.opsinSmiles ?? "")) than the recorded \(r.recordedSmiles ?? "")"))
            case .disagrees:
                out.append(LawCheckFinding(check: "opsin", severity: .disagreement, file: KnowledgeBaseLayout.opsinReport, id: r.entry,
                                           field: "structure", message: "OPSIN reads '\(r.name)' as \(r.opsinSmiles ?? "?"), not the recorded \(r.recordedSmiles ?? "?")"))
            case .unparsed:
                out.append(LawCheckFinding(check: "opsin", severity: .disagreement, file: KnowledgeBaseLayout.opsinReport, id: r.entry,
                                           field: "names.systematic", message: "OPSIN cannot read the legal name '\(r.name)'"))
            case .noRecordedStructure:
                out.append(LawCheckFinding(check: "opsin", severity: .note, file: KnowledgeBaseLayout.opsinReport, id: r.entry,
                                           field: "structure", message: "no recorded structure; OPSIN reads '\(r.name)' as \(r.opsinSmiles ?? "?") (for review, not adopted)"))
            }
        }
        examined["opsin"] = expected
        return out
    }
}
