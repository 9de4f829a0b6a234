/// Substructure and similarity search over stored structures, injected from the chemistry core.
/// Candidates are already restricted to what the caller may read.
public protocol StructureSearcher: Sendable {
    /// Structures containing the SMARTS pattern. Throws for an invalid pattern, naming the column.
    func substructure(_ smarts: String, in candidates: [StructureCandidate]) throws(StructureProblem) -> [StructureHit]
    /// Structures whose Tanimoto similarity to `smiles` is at least `threshold`, most similar first.
    func similar(to smiles: String, threshold: Double, in candidates: [StructureCandidate]) throws(StructureProblem) -> [StructureHit]
}
