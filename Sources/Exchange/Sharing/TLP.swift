/// Traffic Light Protocol 2.0 marking: tells recipients how far they may pass the information on.
///
/// TLP governs recipients' onward sharing; who receives a record is its `Distribution`. One combination is
/// refused rather than silently adjusted: `red` (named recipients only) with `partners` distribution, whose
/// recipients change whenever a partnership is added.
public enum TLP: String, Codable, Sendable, CaseIterable, Hashable {
    case clear
    case green
    case amber
    case amberStrict = "amber+strict"
    case red

    /// The marking as TLP 2.0 writes it (`TLP:AMBER+STRICT`).
    public var label: String { "TLP:" + rawValue.uppercased() }

    /// Why this marking cannot go with `distribution`, if it cannot.
    public func conflict(with distribution: Distribution) -> String? {
        if self == .red, case .partners = distribution {
            return "TLP:RED is for named recipients only; share it with the owner agency or a named working group, not with the changing set of partners"
        }
        return nil
    }
}
