/// One dated step of a listing or class rule: a temporary order, its extension, a permanent rule, a statute,
/// a UN decision, an announcement. Dates the sources do not give are `nil` and `effectiveUnknown` says why;
/// the engine then answers "unknown", never "not controlled".
public struct ListingStep: Sendable, Hashable, Codable {
    public let kind: Kind
    /// The day (or month, or year) the step took effect.
    public let effective: PartialDate?
    /// Why `effective` is `nil`.
    public let effectiveUnknown: String?
    /// A day the step cannot precede (a rule's publication date).
    public let notBefore: CalendarDate?
    /// A dated source that shows the step in force: the step is in force from that day on.
    public let inForce: Attestation?
    /// The last day a temporary order or extension is in force, unless a later step continues it.
    public let until: CalendarDate?
    public let untilNote: String?
    /// The control ended at `until` (recorded lapse); without it, what followed an expired step is unknown.
    public let lapsed: Bool
    /// The step continues the previous one without interruption ("extends", "maintains the placement").
    public let continues: Bool
    public let citation: Citation
    public let note: String?

    public enum Kind: String, Sendable, Hashable, Codable {
        /// Original listing whose instrument is not itemised.
        case listing
        case temporary
        case `extension`
        case permanent
        case statute
        /// Commission on Narcotic Drugs decision.
        case decision
        /// Listing as annexed to a treaty.
        case treaty
        /// Chinese announcement (公告).
        case announcement
        /// A change of scope that neither starts nor ends control.
        case amendment
        /// Removal from the list: control ends on `effective`.
        case removal
    }

    /// A dated source showing that the step was in force on `date`.
    public struct Attestation: Sendable, Hashable, Codable {
        public let date: CalendarDate
        public let source: String
    }
}
