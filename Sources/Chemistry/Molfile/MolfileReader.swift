/// How molfiles are turned into molecules. The defaults give the molecule RDKit's `MolFromMolBlock` and
/// `SDMolSupplier` give: perceived, stereo read from the drawing, ordinary hydrogens folded into counts.
public struct MolfileReadOptions: Sendable, Hashable {
    /// Fold ordinary hydrogen atoms into hydrogen counts (see `Molecule.removingHydrogens()`).
    public var removeHydrogens = true
    /// Read tetrahedral and double-bond stereo from wedges, coordinates and parities.
    public var perceiveStereo = true
    /// Records larger than this many bytes are reported and skipped (SDF reading only), which keeps memory
    /// bounded on damaged files that lack `$$$$` separators.
    public var maxRecordBytes = 64 << 20

    public init(removeHydrogens: Bool = true, perceiveStereo: Bool = true, maxRecordBytes: Int = 64 << 20) {
        self.removeHydrogens = removeHydrogens
        self.perceiveStereo = perceiveStereo
        self.maxRecordBytes = maxRecordBytes
    }
}

/// A molecule read from a molfile with the warnings about what it could not keep.
public struct MolfileRecord: Sendable {
    public var molecule: Molecule
    public var warnings: [MolfileWarning]
}

/// Reads MDL molfiles (V2000 and V3000 connection tables). For SDF files use `SDFReader`.
public enum MolfileReader {
    /// Reads one molfile. Anything after `M  END` (SDF data items) is ignored here.
    public static func read(_ molfile: String, options: MolfileReadOptions = MolfileReadOptions()) throws(MolfileError)
        -> MolfileRecord
    {
        let text = RecordText(text: molfile)
        let (record, _) = try read(text, options: options)
        return record
    }

    /// Reads one molfile from bytes (UTF-8 or ASCII; `\n` or `\r\n` line ends).
    public static func read(bytes: [UInt8], options: MolfileReadOptions = MolfileReadOptions()) throws(MolfileError)
        -> MolfileRecord
    {
        let (record, _) = try read(RecordText(bytes: bytes), options: options)
        return record
    }

    /// Reads the connection table at the start of `text`; also returns the index of the line after `M  END`.
    static func read(_ text: RecordText, options: MolfileReadOptions) throws(MolfileError) -> (MolfileRecord, Int) {
        var parser = MolfileParser(text: text)
        let parsed = try parser.parse()
        let (molecule, warnings) = try build(parsed, options: options)
        return (MolfileRecord(molecule: molecule, warnings: warnings), parsed.endIndex)
    }

    /// Turns a parsed connection table into a molecule: valence fields, perception, stereo, hydrogens.
    static func build(_ parsed: ParsedMolfile, options: MolfileReadOptions) throws(MolfileError) -> (Molecule, [MolfileWarning]) {
        var warnings = parsed.warnings
        var atoms = parsed.atoms
        // A valence field fixes the hydrogen count: valence minus the bonds drawn (RDKit's reading).
        for i in atoms.indices where parsed.valences[i] != 0 && !parsed.fixedHydrogenCount[i] {
            atoms[i].noImplicit = true
            if parsed.valences[i] < 0 {
                atoms[i].explicitHydrogens = 0
                continue
            }
            var halfUnits = 0
            for bond in parsed.bonds where Int(bond.begin) == i || Int(bond.end) == i {
                halfUnits += bond.order == .dative ? (Int(bond.end) == i ? 2 : 0) : bond.order.valenceHalfUnits
            }
            let drawn = (halfUnits + 1) / 2
            atoms[i].explicitHydrogens = UInt8(clamping: max(0, Int(parsed.valences[i]) - drawn))
        }
        var molecule = Molecule(uncheckedAtoms: atoms, bonds: parsed.bonds)
        molecule.name = parsed.name
        let hasCoordinates = parsed.coordinates.contains { $0 != .zero }
        let nonzeroZ = parsed.coordinates.contains { $0.z != 0 }
        let hasWedges = parsed.bondMarks.contains { $0 == .wedge || $0 == .hash }
        // RDKit's reading of the dimension: non-zero z means 3D; a "3D" header with flat coordinates means 3D
        // unless wedges show it is a drawing.
        let is3D = nonzeroZ || (parsed.headerSays3D && !hasWedges)
        if hasCoordinates {
            molecule.coordinates = parsed.coordinates
            molecule.hasThreeDimensionalCoordinates = is3D
        }
        // Perception (RDKit's sanitization) on the molecule with its hydrogen atoms: implicit hydrogens, Kekulé
        // orders for aromatic bonds, aromaticity, rings. Its errors name an atom, mapped here to its line.
        do {
            try molecule.perceive()
        } catch {
            let line = error.atom >= 0 && error.atom < parsed.atomLines.count ? parsed.atomLines[error.atom] : nil
            throw MolfileError(.invalidStructure, error.message, line: line)
        }
        if options.perceiveStereo {
            if hasCoordinates && is3D {
                molecule.assignChiralityFrom3D()
            } else if hasCoordinates {
                let ambiguous = molecule.assignChiralityFromWedges(parsed.bondMarks, drawnOrders: parsed.bonds.map(\.order))
                for a in ambiguous {
                    warnings.append(
                        MolfileWarning(
                            .ambiguousStereo, "the wedges at atom \(a + 1) are contradictory or degenerate; no configuration read",
                            line: parsed.atomLines[a]))
                }
            } else if parsed.parities.contains(where: { $0 == 1 || $0 == 2 }) {
                molecule.assignChiralityFromParity(parsed.parities)
            }
            // Double bonds are read before hydrogens go, so that a hydrogen that alone fixes a double bond's
            // geometry (an imine N-H) is kept, as RDKit keeps it.
            // A table without coordinates cannot say cis or trans: its candidate double bonds come out
            // unknown, as RDKit reads them from the all-zero coordinates.
            if !hasCoordinates { molecule.coordinates = parsed.coordinates }
            molecule.assignDoubleBondStereoFromCoordinates(marks: parsed.bondMarks)
            if !hasCoordinates { molecule.coordinates = [] }
        }
        if options.removeHydrogens {
            molecule = molecule.removingHydrogens()
        }
        if options.perceiveStereo {
            molecule.removeNonStereogenicStereo()
        }
        return (molecule, warnings)
    }
}

extension Molecule {
    /// Reads one MDL molfile (V2000 or V3000), perceived and with stereo read from the drawing; warnings about
    /// features the molecule cannot hold are dropped (use `MolfileReader.read` to see them).
    public init(molfile: String) throws(MolfileError) {
        self = try MolfileReader.read(molfile).molecule
    }
}
