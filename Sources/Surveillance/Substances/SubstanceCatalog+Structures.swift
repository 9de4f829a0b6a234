/// Resolution of source names by structure: the name's structures from a reviewed table, matched by identity to
/// knowledge-base substances, and the rest classified against the structural class rules.
public struct StructureResolution: Sendable {
    public let table: NameStructureTable
    public let classifier: UnlistedStructureClassifier

    public init(table: NameStructureTable, classifier: UnlistedStructureClassifier) {
        self.table = table
        self.classifier = classifier
    }

    /// The match for a name the table resolves, or nil (not in the table, unresolved there, or a structure the
    /// chemistry core cannot read: then the name stays unmapped rather than half-mapped).
    func resolve(_ text: String, in catalog: SubstanceCatalog) -> SubstanceMatch? {
        guard let entry = table.entry(forName: text), !entry.alternatives.isEmpty else { return nil }
        var keys: [String] = []
        var stereo = false
        var unlisted: [UnlistedStructure] = []
        for alternative in entry.alternatives {
            guard let identity = StructureKey(smiles: alternative.smiles) else { return nil }
            if let found = classifier.index.substance(of: identity) {
                stereo = stereo || found.stereo
                if !keys.contains(found.key) { keys.append(found.key) }
            } else if !unlisted.contains(where: { $0.smiles == identity.isomeric }) {
                unlisted.append(classifier.classify(identity, label: alternative.label))
            }
        }
        let listed = keys.compactMap { key in catalog.entries.first { $0.id == key } }
        guard listed.count == keys.count else { return nil }
        let how = entry.alternatives.count == 1 ? "structure from the name: \(entry.alternatives[0].method)"
            : "structure from the name: one of \(entry.alternatives.count) structures the name allows"
        let basis = how + (stereo ? " (same constitution as the listed substance; listings cover its isomers)" : "")
        if unlisted.isEmpty {
            if listed.count == 1, let only = listed.first {
                return SubstanceMatch(id: only.id, name: only.name, kind: .substance, candidates: [only.id],
                                      classes: only.classes, basis: basis)
            }
            return SubstanceMatch(id: listed.map(\.id).joined(separator: " or "), name: listed.map(\.name).joined(separator: " or "),
                                  kind: .oneOf, candidates: listed.map(\.id),
                                  classes: Self.shared(listed.map(\.classes)), basis: basis)
        }
        let ids = listed.map(\.id) + unlisted.map { SubstanceCatalog.structurePrefix + $0.smiles }
        let names = listed.map(\.name) + unlisted.map(\.label)
        let pending = unlisted.contains { !$0.pending.isEmpty }
        return SubstanceMatch(id: ids.joined(separator: " or "),
                              name: names.count == 1 ? names[0] : "one of \(names.count): " + names.joined(separator: ", "),
                              kind: pending ? .classCandidate : .structure, candidates: listed.map(\.id),
                              classes: Self.shared(listed.map(\.classes) + unlisted.map(\.classes)), basis: basis,
                              unlisted: unlisted)
    }

    /// The classes every alternative belongs to, in the first one's order.
    static func shared(_ classes: [[SubstanceClass]]) -> [SubstanceClass] {
        guard let first = classes.first else { return [] }
        let common = classes.dropFirst().reduce(Set(first)) { $0.intersection($1) }
        return first.filter { common.contains($0) }
    }
}
