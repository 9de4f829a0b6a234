/// Where a substance is controlled and where it is not, from a classification: the evidence a scheduling
/// proposal rests on.
public struct GapReport: Codable, Sendable, Hashable {
    /// Jurisdictions where the substance is a controlled (scheduled) drug.
    public let controlledIn: [String]
    /// Jurisdictions that regulate it only as a precursor chemical.
    public let precursorIn: [String]
    public let notControlledIn: [String]
    /// Jurisdictions whose status is unknown or a word this report does not know.
    public let undeterminedIn: [String]

    public init(_ classification: Classification) {
        var controlled: [String] = [], precursor: [String] = [], notControlled: [String] = [], undetermined: [String] = []
        for d in classification.determinations {
            if d.isControlled { controlled.append(d.jurisdiction) }
            else if d.isPrecursor { precursor.append(d.jurisdiction) }
            else if d.isNotControlled { notControlled.append(d.jurisdiction) }
            else { undetermined.append(d.jurisdiction) }
        }
        controlledIn = controlled.sorted()
        precursorIn = precursor.sorted()
        notControlledIn = notControlled.sorted()
        undeterminedIn = undetermined.sorted()
    }

    /// True when some jurisdiction schedules the substance and another does not: a gap to close.
    public var hasGap: Bool { !controlledIn.isEmpty && !(notControlledIn.isEmpty && precursorIn.isEmpty) }
}
