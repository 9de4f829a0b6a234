/// Reads a submitted SMILES with the chemistry core. Injected so the domain does not depend on the reader's
/// internals; its errors (with the column) reach the client.
public protocol StructureValidator: Sendable {
    /// The canonical and standardized forms of `smiles`; throws a `StructureProblem` naming the column when
    /// `smiles` is not a valid structure.
    func check(smiles: String) throws(StructureProblem) -> CheckedStructure
}
