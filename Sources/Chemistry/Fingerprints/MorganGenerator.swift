/// Morgan (ECFP-like) fingerprints whose identifiers and bits are RDKit's.
///
/// Analysts compare Accord's answers with RDKit's, so the generator reproduces RDKit 2026.09's
/// `rdFingerprintGenerator.GetMorganGenerator(radius:fpSize:)` with its default settings: connectivity atom
/// invariants (atomic number, total degree, total hydrogens, formal charge, isotope mass shift, ring
/// membership), bond types as bond invariants, no chirality, redundant environments removed, one bit per
/// feature. docs/CHEMISTRY.md gives the algorithm step by step.
///
/// The molecule must be perceived (`Molecule.perceive()`, which every reader runs by default): hydrogen
/// counts, aromatic bond flags and rings are read from it. A molecule without ring information gets its rings
/// found on a copy.
public struct MorganGenerator: Sendable, Hashable {
    /// The largest radius accepted; RDKit's environments stop growing long before (a molecule's diameter).
    public static let maximumRadius = 32
    /// The largest fingerprint accepted (16 Mbit), far past any useful folded size.
    public static let maximumBitCount = 1 << 24

    /// How many bonds out from each atom environments grow (2 gives ECFP4-like features).
    public let radius: Int
    /// The folded size of bit and count fingerprints.
    public let bitCount: Int

    /// A generator for `radius` and `bitCount` (RDKit's `fpSize`); RDKit's defaults in Accord are 2 and 2048.
    public init(radius: Int = 2, bitCount: Int = 2048) throws(FingerprintError) {
        guard radius >= 0 && radius <= Self.maximumRadius else {
            throw FingerprintError(.invalidRadius, "radius must be between 0 and \(Self.maximumRadius), not \(radius)")
        }
        guard bitCount >= 1 && bitCount <= Self.maximumBitCount else {
            throw FingerprintError(
                .invalidBitCount, "the fingerprint size must be between 1 and \(Self.maximumBitCount) bits, not \(bitCount)")
        }
        self.radius = radius
        self.bitCount = bitCount
    }

    /// RDKit's default Morgan generator in Accord: radius 2, 2048 bits.
    public static let standard = MorganGenerator(uncheckedRadius: 2, bitCount: 2048)

    init(uncheckedRadius radius: Int, bitCount: Int) {
        self.radius = radius
        self.bitCount = bitCount
    }

    /// The bit fingerprint (RDKit's `GetFingerprint`): bit `identifier % bitCount` for every environment.
    public func fingerprint(of molecule: Molecule) -> Fingerprint {
        var fp = Fingerprint(bitCount: bitCount)
        let size = UInt32(bitCount)
        MorganEnvironments.withIdentifiers(of: molecule, radius: radius) { ids in
            for id in ids { fp.set(Int(id % size)) }
        }
        return fp
    }

    /// The folded count fingerprint (RDKit's `GetCountFingerprint`): how many environments fall on each bit.
    public func countFingerprint(of molecule: Molecule) -> CountFingerprint {
        let size = UInt32(bitCount)
        var indices: [UInt32] = []
        MorganEnvironments.withIdentifiers(of: molecule, radius: radius) { ids in
            indices = ids.map { $0 % size }
        }
        return CountFingerprint(length: UInt64(bitCount), indices: indices)
    }

    /// The unfolded count fingerprint (RDKit's `GetSparseCountFingerprint`): raw 32-bit identifiers.
    public func sparseCountFingerprint(of molecule: Molecule) -> CountFingerprint {
        var indices: [UInt32] = []
        MorganEnvironments.withIdentifiers(of: molecule, radius: radius) { ids in indices = Array(ids) }
        return CountFingerprint(length: 1 << 32, indices: indices)
    }

    /// Every environment with its centre atom and radius, in RDKit's order (all radius-0 environments by atom,
    /// then each layer's new environments), to explain which part of a molecule set a bit.
    public func environments(of molecule: Molecule) -> [MorganEnvironment] {
        var result: [MorganEnvironment] = []
        MorganEnvironments.compute(of: molecule, radius: radius, environments: &result)
        return result
    }
}

/// One Morgan environment: the circular neighbourhood of `radius` bonds around `atom`.
public struct MorganEnvironment: Sendable, Hashable {
    /// RDKit's 32-bit identifier (the key of `GetSparseCountFingerprint`).
    public var identifier: UInt32
    /// The centre atom.
    public var atom: Int
    /// How many bonds out from the centre the environment reaches.
    public var radius: Int

    public init(identifier: UInt32, atom: Int, radius: Int) {
        self.identifier = identifier
        self.atom = atom
        self.radius = radius
    }
}
