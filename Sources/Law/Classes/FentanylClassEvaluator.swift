import Chemistry

/// Evaluates the fentanyl-related-substances definitions on a structure: the US class (criteria A-E,
/// 21 U.S.C. 812(c) Schedule I(e); 21 CFR 1308.11(h)(30)) and China's (conditions 1-4, 2019 announcement).
/// The molecule is compared with fentanyl region by region (`FentanylComparison`); each difference must be a
/// modification a criterion allows. Where the text is open (whether a sulfonyl group is an acyl group, what
/// China's 等 "and so on" reaches, a combination of listed substituent classes) the answer is unsettled,
/// never guessed. A structure without fentanyl's 4-anilidopiperidine core is not a member.
public struct FentanylClassEvaluator: Sendable {
    /// The rule ids this evaluator implements.
    public static let ruleIDs: Set<String> = ["us-frs", "cn-frs"]

    private let core: SubstructureQuery
    private let names: GroupNames

    public init() {
        // The core pattern is a constant of this file; it parses (a test holds it to that).
        core = (try? SubstructureQuery(smarts: FentanylComparison.coreSMARTS)) ?? SubstructureQuery(molecule: Molecule())
        names = GroupNames()
    }

    /// The rule's conclusion for `molecule` (a standardized parent), or nil for a rule this evaluator does not implement.
    public func evaluate(_ molecule: Molecule, rule: String) -> ClassEvaluation? {
        evaluate(comparisons: comparisons(of: molecule), rule: rule)
    }

    /// Every reading of the molecule as a modified fentanyl (computed once for both rules).
    func comparisons(of molecule: Molecule) -> [FentanylComparison] {
        FentanylComparison.comparisons(of: molecule, core: core, names: names)
    }

    func evaluate(comparisons: [FentanylComparison], rule: String) -> ClassEvaluation? {
        guard FentanylClassEvaluator.ruleIDs.contains(rule) else { return nil }
        guard !comparisons.isEmpty else {
            return ClassEvaluation(rule: rule, member: false, criteria: [], unsettled: [], outside: [ClassEvaluation.noCore],
                                   explanation: "it lacks fentanyl's core (a piperidine ring whose 4-position carries the amide nitrogen), which every criterion keeps")
        }
        let candidates = comparisons.map { rule == "us-frs" ? unitedStates($0) : china($0) }
        // The reading most favourable to membership decides: member, then unsettled, then the fewest changes outside.
        func rank(_ e: ClassEvaluation) -> (Int, Int, Int) {
            (e.member == true ? 0 : e.member == nil ? 1 : 2, e.outside.count, e.unsettled.count)
        }
        return candidates.min { rank($0) < rank($1) }
    }

    private struct Findings {
        var met: [(id: String, text: String)] = []
        var unsettled: [String] = []
        var outside: [String] = []
        mutating func meet(_ id: String, _ text: String) { met.append((id, text)) }
    }

    // MARK: United States, criteria A-E

    private static let listedB: [SubstituentKind] = [.alkyl, .alkenyl, .alkoxyl, .hydroxyl, .halo, .haloalkyl, .amino, .nitro]
    private static let listedC: [SubstituentKind] = [.alkyl, .alkenyl, .alkoxyl, .ester, .ether, .hydroxyl, .halo, .haloalkyl, .amino, .nitro]

    private func unitedStates(_ c: FentanylComparison) -> ClassEvaluation {
        var f = Findings()
        f.outside += c.joins
        switch c.acyl {
        case .unchanged: break
        case .replaced(let g): f.meet("E", "propionyl replaced by \(g.label)")
        case .alkoxycarbonyl(let g):
            f.meet("E", "propionyl replaced by \(g.label) (an alkoxycarbonyl group; DEA treated fentanyl carbamate's ethoxycarbonyl as an acyl group, FR Doc 2021-05589)")
        case .questionable(let g, let what):
            f.unsettled.append("whether \(what) (\(g.label)) in place of the propionyl group is an 'acyl group' under criterion E is not settled by the text")
        case .notAcyl(let g): f.outside.append("propionyl replaced by \(g.label), which is not an acyl group")
        case .removed: f.outside.append("the propionyl group is removed (criterion E covers replacement by another acyl group, not removal)")
        }
        switch c.amideRing {
        case .unchanged: break
        case .aromaticMonocycle(let g): f.meet("D", "aniline ring replaced by \(g.label) (an aromatic monocycle)")
        case .nonAromatic(let g): f.outside.append("aniline ring replaced by \(g.label), which is not aromatic (criterion D requires an aromatic monocycle)")
        case .fused(let g): f.outside.append("aniline ring replaced by \(g.label), a fused or spiro ring system, not a monocycle")
        case .notDirect(let g): f.outside.append("aniline ring replaced by \(g.label), which is not a ring in the aniline ring's place on the amide nitrogen")
        case .removed: f.outside.append("the aniline ring is removed")
        }
        for s in c.piperidineSubstituents {
            classify(s, listed: Self.listedC, criterion: "C", open: false, into: &f)
        }
        if let n = c.nitrogenGroup {
            if !n.isPhenethyl {
                if let shape = n.shape {
                    f.outside.append("phenethyl replaced by \(n.group.label): \(shape); criteria A and B keep the ethyl bridge and a ring at its end")
                } else if let ring = n.ring {
                    if !n.ringIsMonocycle {
                        f.outside.append("phenyl of the phenethyl group replaced by \(ring.label), which is not a monocycle (criterion A)")
                    } else if ring.key != FentanylComparison.phenylKey {
                        f.meet("A", "phenyl of the phenethyl group replaced by \(ring.label)\(n.ringSubstituents.isEmpty ? "" : " (a substituted monocycle)")")
                    }
                    // Substituents on a phenyl ring are also substitution "on the phenethyl group" (B); on another
                    // ring they are part of A's "whether or not further substituted".
                    for s in n.ringSubstituents where n.ringIsBenzene && Self.listedB.contains(s.kind) {
                        f.meet("B", s.description)
                    }
                    for s in n.bridgeSubstituents {
                        classify(s, listed: Self.listedB, criterion: "B", open: false, into: &f)
                    }
                }
            }
        } else {
            f.outside.append("the phenethyl group is removed (hydrogen on the piperidine nitrogen); criteria A and B modify it, none removes it")
        }
        return conclude(rule: "us-frs", f, literal: false, ruleName: "the US definition")
    }

    // MARK: China, conditions 1-4

    private func china(_ c: FentanylComparison) -> ClassEvaluation {
        var f = Findings()
        f.outside += c.joins
        switch c.acyl {
        case .unchanged: break
        case .replaced(let g): f.meet("1", "propionyl replaced by \(g.label)")
        case .alkoxycarbonyl(let g):
            f.unsettled.append("whether an alkoxycarbonyl group (\(g.label), a carbamate) in place of the propionyl group is an acyl group (酰基) under condition 1 is not settled by the text")
        case .questionable(let g, let what):
            f.unsettled.append("whether \(what) (\(g.label)) in place of the propionyl group is an acyl group (酰基) under condition 1 is not settled by the text")
        case .notAcyl(let g): f.outside.append("propionyl replaced by \(g.label), which is not an acyl group")
        case .removed: f.outside.append("the propionyl group is removed (condition 1 covers replacement by another acyl group)")
        }
        switch c.amideRing {
        case .unchanged: break
        case .aromaticMonocycle(let g): f.meet("2", "phenyl on the amide nitrogen replaced by \(g.label)")
        case .nonAromatic(let g): f.outside.append("phenyl on the amide nitrogen replaced by \(g.label), which is not aromatic (condition 2)")
        case .fused(let g): f.outside.append("phenyl on the amide nitrogen replaced by \(g.label), not a monocycle (condition 2)")
        case .notDirect(let g): f.outside.append("phenyl on the amide nitrogen replaced by \(g.label), which is not a ring attached directly to the nitrogen (condition 2)")
        case .removed: f.outside.append("the phenyl on the amide nitrogen is removed")
        }
        for s in c.piperidineSubstituents {
            classify(s, listed: Self.listedC, criterion: "3", open: true, into: &f)
        }
        if let n = c.nitrogenGroup {
            if !n.isPhenethyl { f.meet("4", "phenethyl replaced by \(n.group.label)") }
        } else {
            f.outside.append("phenethyl replaced by hydrogen, which condition 4 excludes (氢原子除外)")
        }
        return conclude(rule: "cn-frs", f, literal: true, ruleName: "China's definition")
    }

    /// A substituent against a criterion's list of classes. `open`: the list ends with 等, so other classes are
    /// unsettled rather than outside.
    private func classify(_ s: FentanylComparison.Substituent, listed: [SubstituentKind], criterion: String, open: Bool, into f: inout Findings) {
        if listed.contains(s.kind) {
            f.meet(criterion, s.description)
            return
        }
        switch s.kind {
        case .cycloalkyl:
            f.unsettled.append("\(s.description): whether a cycloalkyl group is an 'alkyl' group under criterion \(criterion) is not settled")
        case .composite, .ether, .ester:
            f.unsettled.append("\(s.description): a group combining the classes criterion \(criterion) lists; whether it counts is not settled")
        default:
            if open {
                f.unsettled.append("\(s.description): not one of the classes condition \(criterion) names, and its list ends with 等 ('and so on')")
            } else {
                f.outside.append("\(s.description): not one of the classes criterion \(criterion) lists")
            }
        }
    }

    /// US (`literal` false): a member when one or more criteria are met and nothing else changed; unsettled
    /// points make it unknown; any change outside makes it not a member. China (`literal` true): the text
    /// says "one or more conditions", so a structure meeting a condition but changed elsewhere too is unknown
    /// (literal and structural readings disagree), as are unsettled points.
    private func conclude(rule: String, _ f: Findings, literal: Bool, ruleName: String) -> ClassEvaluation {
        var seen = Set<String>()
        var criteria: [RuleExample.CriterionMatch] = []
        for id in Set(f.met.map(\.id)).sorted() {
            let text = f.met.filter { $0.id == id }.map(\.text).filter { seen.insert(id + $0).inserted }.joined(separator: "; ")
            criteria.append(RuleExample.CriterionMatch(id: id, explanation: text))
        }
        let met = criteria.map(\.id).joined(separator: ", ")
        let member: Bool?
        let explanation: String
        if !f.outside.isEmpty {
            if literal && (!criteria.isEmpty || !f.unsettled.isEmpty) {
                member = nil
                explanation = "it meets \(criteria.isEmpty ? "possibly a condition" : "condition \(met)") of \(ruleName), but also differs from fentanyl in a way no condition covers (\(f.outside.joined(separator: "; "))); whether such a substance is covered is not settled"
            } else {
                member = false
                explanation = "it differs from fentanyl in a way \(ruleName) does not allow: \(f.outside.joined(separator: "; "))"
            }
        } else if !f.unsettled.isEmpty {
            member = nil
            explanation = f.unsettled.joined(separator: "; ")
        } else if criteria.isEmpty {
            member = false
            explanation = "it is fentanyl itself, the reference compound, not a modification of it"
        } else {
            member = true
            explanation = "it differs from fentanyl only by modifications \(ruleName) lists (\(met))"
        }
        return ClassEvaluation(rule: rule, member: member, criteria: member == false ? [] : criteria,
                               unsettled: f.unsettled, outside: f.outside, explanation: explanation)
    }
}
