/// A worked example of the class rules: a structure with what each rule should conclude and why, and dated
/// outcomes per jurisdiction. The tests hold the engine to them.
public struct RuleExample: Sendable, Hashable, Codable, Identifiable {
    public let id: String
    public let name: String
    public let smiles: String
    public let formula: String
    public let inchikey: String
    public let description: String
    public let expectations: [Expectation]
    /// The criteria the example was designed to probe, as a positive or a boundary case.
    public let probes: [Probe]
    public let outcomes: [Outcome]

    /// Criteria of one rule that the example probes.
    public struct Probe: Sendable, Hashable, Codable {
        public let rule: String
        public let criteria: [String]
    }

    /// What one rule concludes for the example.
    public struct Expectation: Sendable, Hashable, Codable {
        public let rule: String
        /// `true` member, `false` not a member, `nil` the text does not settle it (the engine answers unknown).
        public let member: Bool?
        /// The criteria met, each with what was modified.
        public let criteria: [CriterionMatch]
        /// The listing that keeps the example out of the class (it is controlled by that listing instead).
        public let excludedBy: String?
        public let note: String?
    }

    /// A criterion met, with what was modified, in words a prosecutor could read.
    public struct CriterionMatch: Sendable, Hashable, Codable {
        public let id: String
        public let explanation: String
    }

    /// The expected determination in one jurisdiction at one date.
    public struct Outcome: Sendable, Hashable, Codable {
        public let jurisdiction: JurisdictionCode
        public let date: CalendarDate
        public let status: ControlStatus
        /// `listing` or `class` (nil when not controlled).
        public let basis: String?
        /// The listing id or rule id the outcome rests on.
        public let ref: String?
    }

    /// The InChIKey's first block (constitution).
    public var skeletonKey: Substring { inchikey.prefix(while: { $0 != "-" }) }
}
