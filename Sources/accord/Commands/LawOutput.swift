import ArgumentParser
import Foundation
import Law

/// Writes one JSON object per line on standard output, keys sorted, so that output diffs and greps well.
struct JSONLineWriter {
    private let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    func write(_ value: some Encodable) throws {
        let data = try encoder.encode(value)
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data([0x0A]))
    }
}

/// The answer for one jurisdiction, as `law`, `gaps` and `classify` print it (every key present, `null` when empty).
struct JurisdictionAnswer: Encodable {
    let code: String
    let status: String
    @NullEncoded var basis: String?
    @NullEncoded var schedule: String?
    @NullEncoded var list: String?
    @NullEncoded var entry: String?
    @NullEncoded var rule: String?
    let criteria: [Criterion]
    @NullEncoded var effective: String?
    let effectiveIsLowerBound: Bool
    @NullEncoded var citation: String?
    @NullEncoded var url: String?
    let explanation: String
    let alsoListed: [String]

    struct Criterion: Encodable {
        let id: String
        let explanation: String
    }

    init(_ s: JurisdictionStatus) {
        code = s.jurisdiction.rawValue
        status = s.status.rawValue
        basis = s.basis?.rawValue
        schedule = s.schedule
        list = s.listing?.list ?? s.rule?.list
        entry = s.listing?.id
        rule = s.rule?.id
        criteria = s.criteria.map { Criterion(id: $0.id, explanation: $0.explanation) }
        effective = s.since?.description
        effectiveIsLowerBound = s.sinceIsLowerBound
        citation = s.citation?.text
        url = s.citation?.url
        explanation = s.explanation
        alsoListed = s.alsoListed.map(\.id)
    }

    enum CodingKeys: String, CodingKey {
        case code, status, basis, schedule, list, entry, rule, criteria, effective
        case effectiveIsLowerBound = "effective_is_lower_bound"
        case citation, url, explanation
        case alsoListed = "also_listed"
    }
}

/// Command-line parsing of dates and jurisdictions, with errors that name the bad value.
enum LawArguments {
    static func date(_ text: String?) throws -> CalendarDate {
        guard let text else { return today() }
        do {
            return try CalendarDate(parsing: text)
        } catch {
            throw ValidationError("--date \(error.description)")
        }
    }

    /// Today in the local calendar: the day the user is asking about.
    static func today() -> CalendarDate {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: Date())
        return CalendarDate(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1) ?? .earliest
    }

    static func jurisdictions(_ text: String?, in kb: KnowledgeBase) throws -> [JurisdictionCode] {
        guard let text else { return kb.jurisdictionCodes }
        let codes = text.split(separator: ",").map { JurisdictionCode(rawValue: $0.trimmingCharacters(in: .whitespaces).uppercased()) }
        for code in codes where kb.jurisdiction(code: code) == nil {
            throw ValidationError("unknown jurisdiction '\(code)' (known: \(kb.jurisdictionCodes.map(\.rawValue).joined(separator: ", ")))")
        }
        guard !codes.isEmpty else { throw ValidationError("no jurisdiction given") }
        return codes
    }

    /// The built-in knowledge base, or the one in `resources`; a broken one stops the command with every
    /// problem listed.
    static func knowledgeBase(resources: String?) throws -> KnowledgeBase {
        if let resources {
            return try KnowledgeBaseLoader.load(directory: URL(fileURLWithPath: resources))
        }
        return try KnowledgeBase.bundled()
    }
}
