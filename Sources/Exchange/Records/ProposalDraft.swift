/// A proposal as submitted.
public struct ProposalDraft: Sendable {
    public let sharing: SharingInput
    public let substance: SubstanceInput
    public let jurisdiction: String
    public let rationale: String
    public let seizureIds: [RecordID]
    public let version: Int?

    public static func parse(_ json: JSONValue, limits: InputLimits, forUpdate: Bool) throws(ExchangeError) -> ProposalDraft {
        var r = try ObjectReader(json, limits: limits)
        let version = forUpdate ? try r.integer("version", in: 1...Int(Int32.max), required: true) : nil
        let sharing = try SharingInput.read(&r)
        guard let substanceValue = r.value("substance") else {
            throw ExchangeError.invalid("substance", "is required", code: "missing_field")
        }
        let substance = try SubstanceInput.read(substanceValue, path: "substance", limits: limits)
        let jurisdiction = try readCountry(&r, "jurisdiction", required: true) ?? ""
        let rationale = try r.requiredString("rationale", maxLength: limits.maxLongText)
        guard !rationale.isEmpty else { throw ExchangeError.invalid("rationale", "must not be empty", code: "missing_field") }
        let seizures = try readRecordIDs(&r, "seizure_ids")
        try r.finish()
        return ProposalDraft(sharing: sharing, substance: substance, jurisdiction: jurisdiction, rationale: rationale,
                             seizureIds: unique(seizures), version: version)
    }
}
