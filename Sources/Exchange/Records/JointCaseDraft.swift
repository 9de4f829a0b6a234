/// A joint case as submitted.
public struct JointCaseDraft: Sendable {
    public let sharing: SharingInput
    public let title: String
    public let participatingAgencies: [AgencyID]
    public let seizureIds: [RecordID]
    public let status: CaseStatus
    public let notes: String?
    public let version: Int?

    public static func parse(_ json: JSONValue, limits: InputLimits, forUpdate: Bool) throws(ExchangeError) -> JointCaseDraft {
        var r = try ObjectReader(json, limits: limits)
        let version = forUpdate ? try r.integer("version", in: 1...Int(Int32.max), required: true) : nil
        let sharing = try SharingInput.read(&r)
        let title = try r.requiredString("title")
        guard !title.isEmpty else { throw ExchangeError.invalid("title", "must not be empty", code: "missing_field") }
        let agencies = try r.array("participating_agencies") { (value, path) throws(ExchangeError) -> AgencyID in
            let text = try ObjectReader.string(value, path: path, maxLength: 36)
            guard IdentifierFactory.isWellFormed(text) else {
                throw ExchangeError.invalid(path, "'\(text)' is not an agency id (a UUID)", code: "invalid_value")
            }
            return AgencyID(rawValue: text.lowercased())
        }
        let seizures = try readRecordIDs(&r, "seizure_ids")
        let status = CaseStatus(rawValue: try r.choice("status", CaseStatus.allCases.map(\.rawValue)) ?? "open") ?? .open
        let notes = try r.string("notes", maxLength: limits.maxLongText)
        try r.finish()
        return JointCaseDraft(sharing: sharing, title: title, participatingAgencies: unique(agencies), seizureIds: unique(seizures),
                              status: status, notes: notes, version: version)
    }

    public var content: JointCase {
        JointCase(title: title, participatingAgencies: participatingAgencies, seizureIds: seizureIds, status: status, notes: notes)
    }
}
