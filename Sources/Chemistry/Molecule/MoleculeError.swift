/// A structural problem in atoms and bonds handed to `Molecule.init(atoms:bonds:)`.
public struct MoleculeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable identifier of the problem, for programs that react to it.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        let name: String
        public static let bondAtomOutOfRange = Code(name: "bond_atom_out_of_range")
        public static let selfBond = Code(name: "self_bond")
        public static let duplicateBond = Code(name: "duplicate_bond")
        public var description: String { name }
    }

    public let code: Code
    public let message: String
    /// The offending bond index, when one is to blame.
    public let bond: Int?

    init(_ code: Code, _ message: String, bond: Int? = nil) {
        self.code = code
        self.message = message
        self.bond = bond
    }

    public var description: String { message }
}
