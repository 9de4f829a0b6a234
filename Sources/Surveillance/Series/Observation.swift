/// One published number: a source's count (or quantity) of something, for one substance, place and period.
///
/// Every importer produces observations, and every series, alert and chart is built from them, so the
/// source's own substance name is kept verbatim next to the grouping the source gave it; mapping names to
/// the law knowledge base happens later and never rewrites what was imported.
public struct Observation: Sendable, Hashable, Codable {
    public var source: SourceFormat
    /// What was counted, e.g. `drug_reports`, `ed_visits`, `seizure_events`, `seizure_pounds`.
    public var measure: String
    /// The substance as the source names it (NFLIS `SUBSTANCE_DESCRIPTION`, CBP `Drug Type`, DOSE drug column,
    /// VSRR indicator, or an Accord substance name or structure key).
    public var substance: String
    /// The source's own grouping of the substance when it has one (NFLIS `BASE_DESCRIPTION`).
    public var substanceGroup: String?
    /// Jurisdiction or office: a US state code, `US`, a CBP field office, an ISO country code.
    public var place: String
    public var period: Period
    public var value: Double

    public init(source: SourceFormat, measure: String, substance: String, substanceGroup: String? = nil,
                place: String, period: Period, value: Double) {
        self.source = source
        self.measure = measure
        self.substance = substance
        self.substanceGroup = substanceGroup
        self.place = place
        self.period = period
        self.value = value
    }
}

/// The data formats Accord imports.
public enum SourceFormat: String, Sendable, Codable, CaseIterable {
    /// DEA NFLIS-Drug public query: laboratory drug reports by substance, state and year.
    case nflis
    /// CDC DOSE dashboard download: nonfatal overdose ED visits and hospitalisations by jurisdiction and month.
    case dose
    /// CBP drug seizure statistics: seizure events and pounds by month, office and drug type.
    case cbp
    /// CDC VSRR provisional drug overdose death counts: 12-month-ending counts by state and month.
    case vsrr
    /// Accord's own seizure records, from a CSV export (`accord surveil import accord FILE`).
    case accord
    /// Seizures recorded in this exchange: built on demand from the records the asking agency may read, never
    /// imported or stored as observations.
    case exchange

    /// The formats `accord surveil import` reads.
    public static let importable: [SourceFormat] = [.nflis, .dose, .cbp, .vsrr, .accord]
}
