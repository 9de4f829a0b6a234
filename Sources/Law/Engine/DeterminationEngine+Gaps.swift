import Chemistry

extension DeterminationEngine {
    /// The gap a structure (say, a class member seen in seizures) makes between `jurisdictions` on `date`:
    /// controlled in at least one and not, or not known to be, in another; nil when there is none. `name`
    /// labels it when the structure is not a knowledge-base substance (its `substance` is then the
    /// standardized SMILES).
    public func gap(_ molecule: Molecule, name: String, on date: CalendarDate, between jurisdictions: [JurisdictionCode]) -> ControlGap? {
        let identity = StructureIdentity(molecule)
        let substances = index.substances(forKey: identity.key)
        let listings = substances.flatMap { knowledgeBase.listings(ofSubstance: $0) }
        let evaluations = evaluations(of: identity.standardized)
        let evidence = evidence(evaluations, listings: listings)
        let c = classify(identity: identity, inputName: name, on: date, options: Options(nearest: 0))
        let statuses = jurisdictions.compactMap { code in c.jurisdictions.first { $0.jurisdiction == code } }
        let controlled = statuses.contains { $0.status == .scheduled || $0.status == .precursor }
        let open = statuses.filter { $0.status == .notControlled || $0.status == .unknown }
        guard controlled, !open.isEmpty else { return nil }
        let evaluator = SubstanceStatusEvaluator(knowledgeBase: knowledgeBase)
        let closings = open.compactMap { s -> ControlGap.Closing? in
            guard let next = evaluator.nextControl(listings: listings, evidence: evidence, in: s.jurisdiction, after: date) else { return nil }
            return ControlGap.Closing(jurisdiction: s.jurisdiction, date: next.date, citation: next.citation, ref: next.ref)
        }
        return ControlGap(substance: substances.first ?? identity.standardizedSMILES, name: c.name ?? identity.standardizedSMILES,
                          date: date, statuses: statuses, closings: closings)
    }

    /// The timeline of a structure: its knowledge-base substances' timelines when it is one, else the steps of
    /// the class rules it meets (or may meet, where the text is open).
    public func timeline(_ molecule: Molecule) -> [SubstanceTimeline] {
        let identity = StructureIdentity(molecule)
        let substances = index.substances(forKey: identity.key)
        let evaluations = evaluations(of: identity.standardized)
        if !substances.isEmpty {
            return substances.map { key in
                let listings = knowledgeBase.listings(ofSubstance: key)
                return SubstanceTimeline(substance: key, listings: listings, evidence: evidence(evaluations, listings: listings), knowledgeBase: knowledgeBase)
            }
        }
        return [SubstanceTimeline(substance: identity.standardizedSMILES, listings: [], evidence: evidence(evaluations, listings: []),
                                  knowledgeBase: knowledgeBase)]
    }
}
