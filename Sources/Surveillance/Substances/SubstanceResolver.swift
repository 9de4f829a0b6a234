/// What a source's substance name maps to in the law knowledge base.
public struct SubstanceMatch: Sendable, Hashable, Codable {
    /// Stable knowledge-base id of the substance entry.
    public var id: String
    /// The entry's preferred name.
    public var name: String
    /// Classes the substance belongs to (e.g. `fentanyl-related substances`), so series can be asked per class.
    public var classes: [String]

    public init(id: String, name: String, classes: [String] = []) {
        self.id = id
        self.name = name
        self.classes = classes
    }
}

/// Maps source substance names to knowledge-base entries. The alert builder and series queries take one as a
/// value, so surveillance does not depend on how the knowledge base stores names.
public protocol SubstanceResolver: Sendable {
    /// The entry for a source name (and the source's own grouping, e.g. NFLIS base description), or nil.
    func resolve(name: String, group: String?) -> SubstanceMatch?
}

/// A substance's control status in one jurisdiction on one date, as the law engine determines it.
public struct JurisdictionStatus: Sendable, Hashable, Codable {
    /// `US`, `CN`, `UN`...
    public var jurisdiction: String
    /// `controlled`, `not_controlled` or `unknown`.
    public var status: String
    /// Schedule or list, e.g. `Schedule I`, when controlled.
    public var schedule: String?
    /// Where the determination comes from (listing, class rule, citation).
    public var basis: String?

    public init(jurisdiction: String, status: String, schedule: String? = nil, basis: String? = nil) {
        self.jurisdiction = jurisdiction
        self.status = status
        self.schedule = schedule
        self.basis = basis
    }
}

/// Answers "how is this substance controlled, here, on this date" for alerts.
public protocol ControlStatusProvider: Sendable {
    /// Statuses per jurisdiction on `date` (`YYYY-MM-DD`); an empty array when nothing is known.
    func statuses(of substance: SubstanceMatch?, sourceName: String, on date: String) -> [JurisdictionStatus]
}

/// The resolver used when no knowledge base is connected: maps nothing, so every name is reported unmapped.
public struct NoSubstanceResolver: SubstanceResolver {
    public init() {}
    public func resolve(name: String, group: String?) -> SubstanceMatch? { nil }
}

/// The status provider used when no law engine is connected: claims nothing.
public struct NoControlStatus: ControlStatusProvider {
    public init() {}
    public func statuses(of substance: SubstanceMatch?, sourceName: String, on date: String) -> [JurisdictionStatus] {
        []
    }
}
