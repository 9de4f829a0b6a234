/// Substructure and similarity search over stored structures, injected from the chemistry core.
/// Candidates are already restricted to what the caller may read; hits come back in `StructureHit.ranksBefore`
/// order.
public protocol StructureSearcher: Sendable {
    /// Names how `keys(for:)` builds keys; stored keys of another scheme are rebuilt.
    var keyScheme: String { get }
    /// Search keys of a standardized structure, or nil when it cannot be read.
    func keys(for structure: String) -> StructureKeys?
    /// Structures containing the SMARTS pattern, with their match counts, and how many passed the screen.
    /// Throws for an invalid pattern, naming the column.
    func substructure(_ smarts: String, in candidates: [StructureCandidate]) throws(StructureProblem) -> StructureSearchOutcome
    /// Structures whose Tanimoto similarity to `smiles` is at least `threshold`, most similar first, at most
    /// `top` when given. Throws for an invalid SMILES, naming the column.
    func similar(to smiles: String, threshold: Double, top: Int?, in candidates: [StructureCandidate]) throws(StructureProblem) -> StructureSearchOutcome
}
