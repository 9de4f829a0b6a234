/// Bond orders, with raw values equal to RDKit's `BondType` so that invariants hashed from them (Morgan
/// fingerprints) agree bit for bit.
public enum BondOrder: UInt8, Sendable, Hashable {
    case unspecified = 0
    case single = 1
    case double = 2
    case triple = 3
    case quadruple = 4
    /// Only on input that has not been kekulized yet (aromatic SMILES, molfile bond type 4); a perceived
    /// molecule keeps a Kekulé order on every bond and marks aromaticity with `Bond.isAromatic`. The one
    /// exception, as in RDKit: an aromatic bond outside any ring between atoms that are not aromatic
    /// (`C:C`) stays `.aromatic` with `isAromatic == false`, counting 1.5 towards valence.
    case aromatic = 12
    /// Coordinate bond, drawn from `begin` (donor) to `end`.
    case dative = 17
    /// A bond that contributes nothing to valence (e.g. in some organometallic inputs).
    case zero = 21

    /// The bond's contribution to each end's valence in its Kekulé form (aromatic counts 1.5 as in RDKit,
    /// expressed here in half units: single = 2, aromatic = 3).
    @inlinable
    public var valenceHalfUnits: Int {
        switch self {
        case .single: return 2
        case .double: return 4
        case .triple: return 6
        case .quadruple: return 8
        case .aromatic: return 3
        case .unspecified, .dative, .zero: return 0
        }
    }
}

/// Double-bond stereo, relative to the bond's two `stereoAtoms` (one neighbour of each end).
public enum BondStereo: UInt8, Sendable, Hashable {
    case none = 0
    /// The stereo atoms are on the same side (Z-like relative to them, not CIP).
    case cis
    /// The stereo atoms are on opposite sides.
    case trans
    /// Explicitly unknown ("either", molfile stereo 3 or a crossed bond).
    case either
}

/// One bond of a `Molecule`.
@frozen
public struct Bond: Sendable, Hashable {
    /// First atom index (the donor of a dative bond; the narrow end of a wedge).
    public var begin: Int32
    /// Second atom index.
    public var end: Int32
    /// Kekulé order (or `.aromatic` before kekulization).
    public var order: BondOrder
    /// Set by aromaticity perception.
    public var isAromatic: Bool
    /// Double-bond stereo relative to `stereoAtoms`.
    public var stereo: BondStereo
    /// For a double bond with stereo: a neighbour of `begin` and a neighbour of `end` (-1 when unused).
    public var stereoAtoms: (Int32, Int32)

    @inlinable
    public init(
        begin: Int32, end: Int32, order: BondOrder, isAromatic: Bool = false, stereo: BondStereo = .none,
        stereoAtoms: (Int32, Int32) = (-1, -1)
    ) {
        self.begin = begin
        self.end = end
        self.order = order
        self.isAromatic = isAromatic
        self.stereo = stereo
        self.stereoAtoms = stereoAtoms
    }

    /// The atom at the other end of the bond from `atom`.
    @inlinable
    public func other(_ atom: Int32) -> Int32 { atom == begin ? end : begin }

    public static func == (a: Bond, b: Bond) -> Bool {
        a.begin == b.begin && a.end == b.end && a.order == b.order && a.isAromatic == b.isAromatic
            && a.stereo == b.stereo && a.stereoAtoms.0 == b.stereoAtoms.0 && a.stereoAtoms.1 == b.stereoAtoms.1
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(begin)
        hasher.combine(end)
        hasher.combine(order)
        hasher.combine(isAromatic)
        hasher.combine(stereo)
        hasher.combine(stereoAtoms.0)
        hasher.combine(stereoAtoms.1)
    }
}
