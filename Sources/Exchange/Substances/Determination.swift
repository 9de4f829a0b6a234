/// A law engine's answer for one structure in one jurisdiction on one day, stored with the record as a
/// snapshot: later changes to the law or the engine do not rewrite what was determined then.
public struct Determination: Codable, Sendable, Hashable {
    /// `US`, `CN`, `UN`, ...
    public let jurisdiction: String
    /// The engine's status word: `scheduled` (or `controlled`), `precursor`, `not_controlled`, or `unknown`.
    public let status: String
    /// Why: e.g. `listed`, `class_rule`, `analogue`, `none`.
    public let basis: String
    /// Schedule or list, when controlled (`Schedule I`, `Annex I`).
    public let schedule: String?
    /// The legal instrument relied on.
    public let citation: String?
    /// The engine's explanation in words.
    public let explanation: String

    public init(jurisdiction: String, status: String, basis: String, schedule: String?, citation: String?, explanation: String) {
        self.jurisdiction = jurisdiction
        self.status = status
        self.basis = basis
        self.schedule = schedule
        self.citation = citation
        self.explanation = explanation
    }

    /// True when the status says the substance is a controlled drug.
    public var isControlled: Bool { status == "scheduled" || status == "controlled" }
    /// True when the substance is regulated as a precursor chemical, not as a drug.
    public var isPrecursor: Bool { status == "precursor" }
    /// True when the status says the substance is not controlled.
    public var isNotControlled: Bool { status == "not_controlled" }
}
