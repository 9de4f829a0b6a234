/// Checks that a submitted SMILES is a readable structure. Injected so the chemistry core's reader is used
/// in production and its errors (with the column) reach the client.
public protocol StructureValidator: Sendable {
    /// Throws a `StructureProblem` naming the column when `smiles` is not a valid structure.
    func validate(smiles: String) throws(StructureProblem)
}
