/// The sharing choices submitted with a record: distribution and TLP marking, both required so nothing is
/// shared by a default the owner did not pick.
public struct SharingInput: Sendable, Hashable {
    public let distribution: Distribution
    public let tlp: TLP

    public init(distribution: Distribution, tlp: TLP) {
        self.distribution = distribution
        self.tlp = tlp
    }

    static func read(_ reader: inout ObjectReader) throws(ExchangeError) -> SharingInput {
        let distribution = try reader.object("distribution", required: true) { (r: inout ObjectReader) throws(ExchangeError) -> Distribution in
            switch try r.choice("level", Distribution.levels, required: true) {
            case "working_group":
                let id = try r.requiredString("working_group")
                return .workingGroup(WorkingGroupID(rawValue: id))
            case "partners":
                return .partners
            default:
                return .agency
            }
        } ?? .agency
        guard let tlpText = try reader.choice("tlp", TLP.allCases.map(\.rawValue), required: true), let tlp = TLP(rawValue: tlpText) else {
            throw ExchangeError.invalid(reader.fieldPath("tlp"), "is required", code: "missing_field")
        }
        if let conflict = tlp.conflict(with: distribution) {
            throw ExchangeError.invalid(reader.fieldPath("tlp"), conflict, code: "tlp_distribution_conflict")
        }
        return SharingInput(distribution: distribution, tlp: tlp)
    }

    /// Checks a working-group distribution against the group: it must exist and include the owner agency.
    public func check(owner: AgencyID, group: WorkingGroup?) throws(ExchangeError) {
        guard let id = distribution.workingGroup else { return }
        guard let group, group.id == id else {
            throw ExchangeError.invalid("distribution.working_group", "working group \(id) does not exist", code: "unknown_reference")
        }
        guard group.members.contains(owner) else {
            throw ExchangeError.invalid("distribution.working_group", "your agency is not a member of working group '\(group.name)', so it cannot share through it", code: "not_a_member")
        }
    }
}
