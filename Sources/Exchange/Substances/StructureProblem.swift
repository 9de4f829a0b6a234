/// Why a structure (SMILES) or query (SMARTS) was refused, with the 1-based column at fault when known.
public struct StructureProblem: Error, Sendable, Hashable {
    public let message: String
    public let position: Int?
    /// True when the capability is missing rather than the input being wrong.
    public let unavailable: Bool

    public init(message: String, position: Int?, unavailable: Bool = false) {
        self.message = message
        self.position = position
        self.unavailable = unavailable
    }
}
