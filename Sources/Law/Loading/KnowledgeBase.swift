import Foundation

/// The loaded, validated knowledge base: jurisdictions and their lists, every listing, the class rules with
/// their worked examples, and indexes to find a substance by any of its names or codes.
public struct KnowledgeBase: Sendable {
    public let jurisdictions: [Jurisdiction]
    public let listings: [Listing]
    public let rules: [ClassRule]
    public let examples: [RuleExample]

    private let listingIndex: [String: Int]
    private let listIndex: [String: ControlList]
    private let jurisdictionIndex: [JurisdictionCode: Jurisdiction]
    private let ruleIndex: [String: Int]
    private let bySubstance: [String: [Int]]
    private let byName: [String: Set<String>]

    init(jurisdictions: [Jurisdiction], listings: [Listing], rules: [ClassRule], examples: [RuleExample]) {
        self.jurisdictions = jurisdictions
        self.listings = listings
        self.examples = examples
        var rules = rules
        for i in rules.indices {
            let id = rules[i].id
            rules[i].examples = examples.filter { $0.expectations.contains { $0.rule == id } }
        }
        self.rules = rules
        listingIndex = Dictionary(listings.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        listIndex = Dictionary(jurisdictions.flatMap(\.lists).map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        jurisdictionIndex = Dictionary(jurisdictions.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        ruleIndex = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var bySubstance: [String: [Int]] = [:]
        var byName: [String: Set<String>] = [:]
        for (i, e) in listings.enumerated() {
            bySubstance[e.substance, default: []].append(i)
            var names = [e.substance, e.id] + e.synonyms + e.names.systematic
            names += [e.names.legal, e.names.english, e.names.chinese, e.codes.cas].compactMap { $0 }
            for n in names where !n.isEmpty {
                byName[KnowledgeBase.nameKey(n), default: []].insert(e.substance)
            }
        }
        self.bySubstance = bySubstance
        self.byName = byName
    }

    /// The knowledge base shipped with the module (`Sources/Law/Resources`).
    public static func bundled() throws(KnowledgeBaseError) -> KnowledgeBase {
        guard let url = bundledResources else {
            throw KnowledgeBaseError(problems: [KnowledgeBaseProblem(file: "Resources", message: "the Law module's resources are missing from its bundle")])
        }
        return try KnowledgeBaseLoader.load(directory: url)
    }

    /// Where the bundled resources are, for tools that read other files there (the OPSIN report).
    public static var bundledResources: URL? {
        Bundle.module.url(forResource: "Resources", withExtension: nil)
    }

    public func listing(id: String) -> Listing? { listingIndex[id].map { listings[$0] } }
    public func list(code: String) -> ControlList? { listIndex[code] }
    public func jurisdiction(code: JurisdictionCode) -> Jurisdiction? { jurisdictionIndex[code] }
    public func rule(id: String) -> ClassRule? { ruleIndex[id].map { rules[$0] } }
    public var jurisdictionCodes: [JurisdictionCode] { jurisdictions.map(\.code) }

    /// Every substance key, sorted.
    public var substanceKeys: [String] { bySubstance.keys.sorted() }

    /// The listings of one substance, in file order (US, then China, then UN).
    public func listings(ofSubstance key: String) -> [Listing] {
        (bySubstance[key] ?? []).map { listings[$0] }
    }

    /// Substance keys whose name, synonym, systematic name, Chinese name, CAS number, key or entry id equals
    /// `name`, ignoring case, spaces, hyphens, apostrophes, commas and brackets ("Acetyl fentanyl" finds
    /// "acetylfentanyl"; "芬太尼" finds fentanyl).
    public func substances(named name: String) -> [String] {
        (byName[KnowledgeBase.nameKey(name)] ?? []).sorted()
    }

    /// The structure recorded for a substance (the first listing that records one).
    public func structure(ofSubstance key: String) -> RecordedStructure? {
        listings(ofSubstance: key).lazy.compactMap(\.structure).first
    }

    /// A readable name for a substance: the first English name among its listings.
    public func displayName(ofSubstance key: String) -> String {
        listings(ofSubstance: key).lazy.compactMap(\.names.english).first ?? key
    }

    /// Normal form for name lookup.
    static func nameKey(_ name: String) -> String {
        // ASCII names (most of them, read for every name when the knowledge base loads) byte by byte: the same
        // lowercasing and the same characters dropped as the general path below, without grapheme breaking.
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(name.utf8.count)
            for u in name.utf8 {
                switch u {
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "-"), UInt8(ascii: "'"), UInt8(ascii: ","),
                     UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"):
                    continue
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    bytes.append(u + 0x20)
                default:
                    bytes.append(u)
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var s = name.lowercased().replacingOccurrences(of: "α", with: "alpha").replacingOccurrences(of: "β", with: "beta")
        s.removeAll { " \t-'’,()[]".contains($0) }
        return s
    }
}
