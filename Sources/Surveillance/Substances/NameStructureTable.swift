import CSV
import Foundation

/// The structures a source's substance names denote, from a reviewed table (one row per name and alternative),
/// so a name the knowledge base does not list can still be handed to the law engine by its structure.
///
/// The bundled table (`Resources/nflis-structures.tsv`) is written by `scripts/reference/make_nflis_structures.py`:
/// OPSIN on the systematic name NFLIS prints, or on one written for a trivial name, with the reasoning in each row;
/// a name that leaves the isomer open lists every structure it allows; a name nothing resolves has no alternative
/// and says why. The table never guesses, and neither does its reader: rows are only parsed and indexed.
public struct NameStructureTable: Sendable {
    /// One structure a name may denote.
    public struct Alternative: Sendable, Hashable {
        public var label: String
        /// The SMILES as obtained (OPSIN's, or RDKit's for a group placed on a parent).
        public var smiles: String
        /// RDKit's canonical SMILES and formula of it, for checking Accord's reading.
        public var rdkitCanonicalSMILES: String
        public var rdkitFormula: String
        /// How the structure was obtained, and the reasoning.
        public var method: String
        public var note: String
    }

    /// A source name and what it denotes: one alternative, several (the source could not tell them apart), or
    /// none (`unresolvedReason` says why).
    public struct Entry: Sendable, Hashable {
        public var name: String
        public var base: String
        public var alternatives: [Alternative]
        public var unresolvedReason: String?
    }

    static let columns = ["name", "base", "alternative", "label", "systematic_name", "method", "smiles",
                          "rdkit_canonical_smiles", "rdkit_formula", "rdkit_inchikey", "note"]

    public let entries: [Entry]
    private let byName: [String: Int]
    private let byKey: [String: Int]

    /// Parses a table in the generator's tab-separated layout; `file` names it in errors.
    public init(tsv text: String, file: String) throws(NameStructureTableError) {
        // Comment lines (`#`) come first; numbers in errors count them so they match the file.
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var skipped = 0
        while let first = lines.first, first.hasPrefix("#") {
            lines.removeFirst()
            skipped += 1
        }
        let body = lines.joined(separator: "\n")
        let reader: CSVReader
        do {
            reader = try CSVReader(string: body, delimiter: "\t")
        } catch {
            throw NameStructureTableError(file: file, message: "not a tab-separated table: \(error)")
        }
        guard let header = reader.next(), header != [""] else {
            throw NameStructureTableError(file: file, message: "the table is empty")
        }
        guard header == Self.columns else {
            throw NameStructureTableError(file: file, line: skipped + 1,
                                          message: "header is \(header.joined(separator: ",")); expected \(Self.columns.joined(separator: ","))")
        }
        var entries: [Entry] = []
        var index: [String: Int] = [:]
        var line = skipped + 1
        while let row = reader.next() {
            line += 1
            if row.count == 1 && row[0].isEmpty { continue }
            guard row.count == Self.columns.count else {
                throw NameStructureTableError(file: file, line: line, column: min(row.count, Self.columns.count),
                                              message: "\(row.count) fields; expected \(Self.columns.count)")
            }
            let name = row[0]
            guard !name.isEmpty else { throw NameStructureTableError(file: file, line: line, column: 1, message: "empty name") }
            guard let number = Int(row[2]), number >= 0 else {
                throw NameStructureTableError(file: file, line: line, column: 3, message: "alternative '\(row[2])' is not a number 0 or more")
            }
            let position: Int
            if let existing = index[name] {
                position = existing
            } else {
                position = entries.count
                index[name] = position
                entries.append(Entry(name: name, base: row[1], alternatives: [], unresolvedReason: nil))
            }
            if number == 0 {
                guard entries[position].alternatives.isEmpty, entries[position].unresolvedReason == nil else {
                    throw NameStructureTableError(file: file, line: line, column: 3, message: "'\(name)' is both resolved and unresolved")
                }
                guard !row[10].isEmpty else {
                    throw NameStructureTableError(file: file, line: line, column: 11, message: "an unresolved name needs its reason")
                }
                entries[position].unresolvedReason = row[10]
                continue
            }
            guard entries[position].unresolvedReason == nil, number == entries[position].alternatives.count + 1 else {
                throw NameStructureTableError(file: file, line: line, column: 3,
                                              message: "alternative \(number) of '\(name)' is out of order or follows an unresolved row")
            }
            guard !row[6].isEmpty else {
                throw NameStructureTableError(file: file, line: line, column: 7, message: "a resolved row needs its SMILES")
            }
            entries[position].alternatives.append(
                Alternative(label: row[3], smiles: row[6], rdkitCanonicalSMILES: row[7], rdkitFormula: row[8], method: row[5],
                            note: row[10]))
        }
        if let error = reader.error {
            throw NameStructureTableError(file: file, line: line + 1, message: "unreadable row: \(error)")
        }
        // Besides the exact name, each name answers to its normalised key (salt and form words dropped), unless
        // two names with different structures share it.
        var byKey: [String: Int] = [:]
        var clashing: Set<String> = []
        for (position, entry) in entries.enumerated() {
            let key = NameNormalizer.key(entry.name)
            guard !key.isEmpty else { continue }
            if let other = byKey[key] {
                if entries[other].alternatives.map(\.rdkitCanonicalSMILES) != entry.alternatives.map(\.rdkitCanonicalSMILES) {
                    clashing.insert(key)
                }
            } else {
                byKey[key] = position
            }
        }
        for key in clashing { byKey[key] = nil }
        self.entries = entries
        self.byName = index
        self.byKey = byKey
    }

    /// The table of NFLIS names shipped with the module.
    public static func bundledNFLIS() throws(NameStructureTableError) -> NameStructureTable {
        let file = "nflis-structures.tsv"
        guard let url = bundledNFLISURL else {
            throw NameStructureTableError(file: file, message: "missing from the Surveillance module's bundle")
        }
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw NameStructureTableError(file: file, message: "cannot be read: \(error.localizedDescription)")
        }
        return try NameStructureTable(tsv: text, file: file)
    }

    /// Where the bundled NFLIS table is, for tools and tests that read the file itself.
    public static var bundledNFLISURL: URL? {
        Bundle.module.url(forResource: "nflis-structures", withExtension: "tsv", subdirectory: "Resources")
    }

    /// The entry for a source name: by the exact name, else by its normalised key.
    public func entry(forName name: String) -> Entry? {
        if let position = byName[name.trimmingCharacters(in: .whitespaces)] { return entries[position] }
        let key = NameNormalizer.key(name)
        return key.isEmpty ? nil : byKey[key].map { entries[$0] }
    }
}
