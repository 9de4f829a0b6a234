/// How `MaximumCommonSubstructure` compares atoms and bonds, and when it gives up. The defaults are those of
/// RDKit's `rdFMCS.FindMCS`, so answers can be checked against it.
public struct MCSOptions: Sendable, Hashable {
    /// Which atoms may be matched to each other.
    public enum AtomComparison: String, Sendable, Hashable, CaseIterable {
        /// Any atom matches any atom (RDKit `CompareAny`).
        case any
        /// Same atomic number (RDKit `CompareElements`).
        case elements
        /// Same isotope label, whatever the element; unlabelled atoms all match (RDKit `CompareIsotopes`).
        case isotopes
        /// Same atomic number, or both heavier than hydrogen (RDKit `CompareAnyHeavyAtom`).
        case anyHeavyAtom
    }

    /// Which bonds may be matched to each other.
    public enum BondComparison: String, Sendable, Hashable, CaseIterable {
        /// Any bond matches any bond (RDKit `CompareAny`).
        case any
        /// Same order, where an aromatic bond also matches a single bond (RDKit `CompareOrder`): a ring
        /// written aromatic in one molecule still matches its saturated or Kekulé-single analogue.
        case order
        /// Same order, aromatic only with aromatic (RDKit `CompareOrderExact`).
        case orderExact
    }

    public var atomComparison: AtomComparison
    public var bondComparison: BondComparison
    /// Ring atoms match only ring atoms and ring bonds only ring bonds, so a chain is never laid over part
    /// of a ring.
    public var ringMatchesRingOnly: Bool
    /// A ring of the smaller molecule (fewer bonds; the first one on a tie) is in the common substructure
    /// whole or not at all, as RDKit's `completeRingsOnly` decides it (see docs/CHEMISTRY.md). Implies ring
    /// bonds match only ring bonds.
    public var completeRingsOnly: Bool
    /// Matched atoms also have the same total valence (bond orders plus hydrogens).
    public var matchValences: Bool
    /// Matched atoms also have the same formal charge.
    public var matchFormalCharge: Bool
    /// Wall-clock limit in seconds; past it the search stops and returns the best substructure found so
    /// far, flagged `timedOut`. `nil` means no limit. RDKit's default is 3600.
    public var timeout: Double?

    public init(
        atomComparison: AtomComparison = .elements, bondComparison: BondComparison = .order,
        ringMatchesRingOnly: Bool = false, completeRingsOnly: Bool = false, matchValences: Bool = false,
        matchFormalCharge: Bool = false, timeout: Double? = 3600
    ) {
        self.atomComparison = atomComparison
        self.bondComparison = bondComparison
        self.ringMatchesRingOnly = ringMatchesRingOnly
        self.completeRingsOnly = completeRingsOnly
        self.matchValences = matchValences
        self.matchFormalCharge = matchFormalCharge
        self.timeout = timeout
    }

    /// Ring bonds match only ring bonds (asked for, or implied by `completeRingsOnly`).
    @inlinable var bondRingMatchesRingOnly: Bool { ringMatchesRingOnly || completeRingsOnly }
}
