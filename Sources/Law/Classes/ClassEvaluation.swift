/// What a structural class rule concludes for one structure: member, not a member, or unsettled (`nil`)
/// where the legal text leaves a point open, with the criteria met (each with the modification in words),
/// the open points and the modifications outside the definition.
public struct ClassEvaluation: Sendable, Hashable {
    public let rule: String
    /// `true` member, `false` not a member, `nil` the text does not settle it.
    public let member: Bool?
    /// Criteria met, in criterion order, each with what was modified.
    public let criteria: [RuleExample.CriterionMatch]
    /// Points the text leaves open (they make the answer unknown).
    public let unsettled: [String]
    /// Modifications no criterion allows (they take the structure out of the class).
    public let outside: [String]
    /// Why, in one sentence.
    public let explanation: String

    /// The structure lacks the parent compound's core, so the rule does not concern it at all.
    public var lacksCore: Bool { member == false && outside == [ClassEvaluation.noCore] }

    static let noCore = "no 4-anilidopiperidine core"

    /// The evaluation as the worked-example expectation the status evaluator consumes.
    func expectation(excludedBy: String?) -> RuleExample.Expectation {
        RuleExample.Expectation(rule: rule, member: member, criteria: criteria, excludedBy: excludedBy, note: explanation)
    }
}
