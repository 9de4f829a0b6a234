/// How a drawing marks a bond's stereo. Molfiles, and any 2D drawing, state tetrahedral configuration with
/// wedges (towards the viewer) and hashes (away from the viewer) that start at the stereocentre, the bond's
/// `begin` atom; wavy single bonds and crossed double bonds say the configuration is unknown.
public enum BondStereoMark: UInt8, Sendable, Hashable {
    case none
    /// Solid wedge: the `end` atom lies in front of the drawing plane.
    case wedge
    /// Hashed wedge: the `end` atom lies behind the drawing plane.
    case hash
    /// Wavy single bond: the configuration at the `begin` atom, or of an adjacent double bond, is unknown.
    case wavy
    /// Crossed double bond: cis/trans is unknown.
    case crossed
}
