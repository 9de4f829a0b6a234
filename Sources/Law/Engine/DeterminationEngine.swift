import Chemistry

/// The determination engine: a structure and a day in, per jurisdiction whether it is controlled, since when,
/// by which listing or class rule, with the citation and a sentence that says why; plus the nearest controlled
/// substances as analogue evidence. Built once per process (it parses and fingerprints every recorded
/// structure); immutable afterwards, so one engine serves any number of threads.
public struct DeterminationEngine: Sendable {
    /// What `classify` computes beyond the statuses.
    public struct Options: Sendable, Hashable {
        /// How many nearest controlled substances to list (0: none).
        public var nearest: Int
        /// The common substructure is computed for the most similar substance when it is at least this similar
        /// (1.01: never): below it a common substructure says little, and it is the costly part of the answer.
        public var commonSubstructureThreshold: Double
        /// Time limit of each common-substructure search, in seconds.
        public var commonSubstructureTimeout: Double
        /// The Analogue Act note is given when a US Schedule I/II substance is at least this similar: below it
        /// the similarity says nothing useful.
        public var analogueThreshold: Double

        public init(nearest: Int = 3, commonSubstructureThreshold: Double = 0.5, commonSubstructureTimeout: Double = 0.5,
                    analogueThreshold: Double = 0.35) {
            self.nearest = nearest
            self.commonSubstructureThreshold = commonSubstructureThreshold
            self.commonSubstructureTimeout = commonSubstructureTimeout
            self.analogueThreshold = analogueThreshold
        }
    }

    public let knowledgeBase: KnowledgeBase
    public let index: StructureIndex
    private let fentanyl: FentanylClassEvaluator
    private let evaluator: SubstanceStatusEvaluator
    private let screens: [(rule: ClassRule, query: SubstructureQuery)]
    /// Structural class rules that no code evaluates (reported by `law check`).
    public let unevaluatedRules: [String]

    public init(knowledgeBase: KnowledgeBase) {
        self.knowledgeBase = knowledgeBase
        index = StructureIndex(knowledgeBase: knowledgeBase)
        fentanyl = FentanylClassEvaluator()
        evaluator = SubstanceStatusEvaluator(knowledgeBase: knowledgeBase)
        var screens: [(ClassRule, SubstructureQuery)] = []
        var unevaluated: [String] = []
        for rule in knowledgeBase.rules {
            switch rule.kind {
            case .structuralClass where !FentanylClassEvaluator.ruleIDs.contains(rule.id):
                unevaluated.append(rule.id)
            case .definitionNotRetrieved:
                if let smarts = rule.screen?.smarts, let query = try? SubstructureQuery(smarts: smarts) {
                    screens.append((rule, query))
                } else {
                    unevaluated.append(rule.id)
                }
            default:
                break
            }
        }
        self.screens = screens
        unevaluatedRules = unevaluated
    }

    /// The status per jurisdiction of `molecule` on `date` (the statuses of `classify`).
    public func determine(_ molecule: Molecule, on date: CalendarDate) -> [JurisdictionStatus] {
        classify(molecule, on: date, options: Options(nearest: 0)).jurisdictions
    }

    /// The class rules' evaluations of a structure (standardized first).
    public func evaluateClasses(_ molecule: Molecule) -> [ClassEvaluation] {
        evaluations(of: StructureIdentity(molecule).standardized)
    }

    /// The full answer for one structure on one day.
    public func classify(_ molecule: Molecule, on date: CalendarDate, options: Options = Options()) -> Classification {
        let identity = StructureIdentity(molecule)
        return classify(identity: identity, inputName: molecule.name, on: date, options: options)
    }

    func classify(identity: StructureIdentity, inputName: String, on date: CalendarDate, options: Options) -> Classification {
        let kb = knowledgeBase
        let substances = index.substances(forKey: identity.key)
        let evaluations = evaluations(of: identity.standardized)
        let displayName = substances.first.map { kb.displayName(ofSubstance: $0) } ?? (inputName.isEmpty ? nil : inputName)
        var statuses: [JurisdictionStatus] = []
        for code in kb.jurisdictionCodes {
            if substances.isEmpty {
                let evidence = self.evidence(evaluations, listings: [])
                statuses.append(evaluator.status(name: displayName ?? "The structure", listings: [], evidence: evidence, in: code, on: date))
            } else {
                // Stereoisomers named separately share a constitution: the strongest answer among them stands.
                let candidates = substances.map { key -> JurisdictionStatus in
                    let listings = kb.listings(ofSubstance: key)
                    return evaluator.status(name: kb.displayName(ofSubstance: key), listings: listings,
                                            evidence: evidence(evaluations, listings: listings), in: code, on: date)
                }
                statuses.append(candidates.min { Self.strength($0.status) < Self.strength($1.status) } ?? candidates[0])
            }
        }
        var fingerprint: Fingerprint?
        var nearest: [NearestSubstance] = []
        if options.nearest > 0 {
            let fp = MorganGenerator.standard.fingerprint(of: identity.standardized)
            fingerprint = fp
            nearest = self.nearest(identity.standardized, fingerprint: fp, excluding: index.entryIndices(forKey: identity.key), options: options)
        }
        var note: String?
        if let us = statuses.first(where: { $0.jurisdiction == .unitedStates }), us.status == .notControlled || us.status == .unknown {
            let fp = fingerprint ?? MorganGenerator.standard.fingerprint(of: identity.standardized)
            note = analogueNote(fingerprint: fp, nearest: nearest, excluding: index.entryIndices(forKey: identity.key), options: options)
        }
        return Classification(date: date, identity: identity, substances: substances, name: displayName, jurisdictions: statuses,
                              classEvaluations: evaluations, nearest: nearest, analogueNote: note)
    }

    /// Controlled first, then unknown, then not controlled.
    static func strength(_ s: ControlStatus) -> Int {
        switch s {
        case .scheduled: return 0
        case .precursor: return 1
        case .unknown: return 2
        case .notControlled: return 3
        }
    }

    func evaluations(of parent: Molecule) -> [ClassEvaluation] {
        var out: [ClassEvaluation] = []
        let comparisons = fentanyl.comparisons(of: parent)
        for rule in knowledgeBase.rules where rule.kind == .structuralClass {
            if let e = fentanyl.evaluate(comparisons: comparisons, rule: rule.id) { out.append(e) }
        }
        for (rule, query) in screens where query.matches(parent) {
            let summary = rule.screen?.summary ?? "the rule's screen matches"
            out.append(ClassEvaluation(rule: rule.id, member: nil, criteria: [], unsettled: [summary], outside: [],
                                       explanation: "the structure matches the rule's screen, but the class definition was not retrieved (\(summary))"))
        }
        return out
    }

    /// The evaluations as class evidence; a member is "excluded by" its own listing in the rule's jurisdiction.
    /// A structure without the class's core is left out (the rule has nothing to say about it).
    func evidence(_ evaluations: [ClassEvaluation], listings: [Listing]) -> [(rule: ClassRule, expectation: RuleExample.Expectation)] {
        evaluations.compactMap { e in
            guard let rule = knowledgeBase.rule(id: e.rule), !e.lacksCore else { return nil }
            let own = listings.first { $0.jurisdiction == rule.jurisdiction && $0.form != .preparation }
            return (rule, e.expectation(excludedBy: e.member == true ? own?.id : nil))
        }
    }

    /// The class evidence of a structure (for timelines and gaps of structures outside the knowledge base).
    public func classEvidence(of molecule: Molecule) -> [(rule: ClassRule, expectation: RuleExample.Expectation)] {
        let identity = StructureIdentity(molecule)
        let listings = index.substances(forKey: identity.key).flatMap { knowledgeBase.listings(ofSubstance: $0) }
        return evidence(evaluations(of: identity.standardized), listings: listings)
    }

    func nearest(_ parent: Molecule, fingerprint: Fingerprint, excluding: [Int], options: Options) -> [NearestSubstance] {
        index.nearest(to: fingerprint, count: options.nearest, excluding: excluding).enumerated().map { rank, hit in
            let entry = index.entries[hit.entry]
            var atoms: Int?
            var smarts: String?
            if rank == 0 && hit.similarity >= options.commonSubstructureThreshold {
                let mcs = parent.maximumCommonSubstructure(
                    with: entry.molecule,
                    options: MCSOptions(ringMatchesRingOnly: true, completeRingsOnly: true, timeout: options.commonSubstructureTimeout))
                atoms = mcs.atomCount
                smarts = mcs.smarts
            }
            return NearestSubstance(substance: entry.substance, name: entry.name, similarity: hit.similarity, codes: entry.codes,
                                    commonAtoms: atoms, commonSMARTS: smarts, usScheduleIOrII: entry.usScheduleIOrII)
        }
    }

    /// The Federal Analogue Act note: the most similar US Schedule I/II substance, as evidence of structural
    /// similarity only.
    func analogueNote(fingerprint: Fingerprint, nearest: [NearestSubstance], excluding: [Int], options: Options) -> String? {
        guard knowledgeBase.rule(id: "us-analogue-act") != nil else { return nil }
        let best: NearestSubstance
        if let n = nearest.first(where: \.usScheduleIOrII) {
            best = n
        } else {
            guard let hit = index.nearest(to: fingerprint, count: 1, among: index.usScheduleIOrIIEntries, excluding: excluding).first,
                  hit.similarity >= options.analogueThreshold else { return nil }
            let entry = index.entries[hit.entry]
            best = NearestSubstance(substance: entry.substance, name: entry.name, similarity: hit.similarity, codes: entry.codes,
                                    commonAtoms: nil, commonSMARTS: nil, usScheduleIOrII: true)
        }
        guard best.similarity >= options.analogueThreshold else { return nil }
        let similarity = (best.similarity * 100).rounded() / 100
        let common = best.commonAtoms.map { ", \($0) atoms in common" } ?? ""
        return "Federal Analogue Act (21 U.S.C. 802(32), 813; us-analogue-act): the most similar Schedule I/II substance is \(best.name) (Tanimoto \(similarity)\(common)). Structural similarity is evidence for one criterion only; a controlled substance analogue also needs a substantially similar or greater effect and intended human consumption, which must be shown elsewhere."
    }
}

extension DeterminationEngine {
    /// Whether the structure `smiles` belongs to the class `rule`: true, false, or nil where the text leaves it
    /// open, the SMILES does not parse, or no code evaluates the rule. This is the shape of Surveillance's
    /// `KnowledgeBaseClasses.StructuralDecision` seam (`{ engine.classMembership(smiles: $0, rule: $1) }`).
    public func classMembership(smiles: String, rule: ClassRule) -> Bool? {
        guard let molecule = try? Molecule(smiles: smiles) else { return nil }
        return evaluations(of: StructureIdentity(molecule).standardized).first { $0.rule == rule.id }?.member
    }
}
