/// A molecular formula in Hill order, written exactly as RDKit's `rdMolDescriptors.CalcMolFormula` writes it, so
/// that formulas can be compared as strings across Accord, RDKit and the records agencies exchange.
///
/// Hill order: carbon first, then hydrogen, then the other elements alphabetically; with no carbon, hydrogen
/// still comes first. Counts of 1 are omitted and the net charge follows as `+`, `-`, `+2`, `-3`….
/// By default isotopes are merged into their element (`[13CH4]` is `CH4`). With `.separate`, labelled atoms are
/// listed after the unlabelled atoms of their element as `[13C]`, and deuterium and tritium as `D` and `T`
/// (or `[2H]`, `[3H]` without abbreviation): `C[13C]H6O[18O]`, `CH3D`.
public struct MolecularFormula: Sendable, Hashable, CustomStringConvertible {
    /// How isotope-labelled atoms are written.
    public enum Isotopes: Sendable, Hashable {
        /// Counted with their element (RDKit's default).
        case merged
        /// Listed on their own (`separateIsotopes=True`); `abbreviateHydrogen` writes `D` and `T`.
        case separate(abbreviateHydrogen: Bool)
    }

    /// The formula text, e.g. `C22H28N2O` or `C4H12N+`.
    public let text: String

    public var description: String { text }

    public init(_ molecule: Molecule, isotopes: Isotopes = .merged) {
        var counts: [Key: Int] = [:]
        var hydrogens = 0
        var charge = 0
        for atom in molecule.atoms {
            var key = Key(isotope: 0, symbol: atom.symbol)
            if case .separate(let abbreviate) = isotopes {
                if abbreviate && atom.atomicNumber == 1 && (atom.isotope == 2 || atom.isotope == 3) {
                    key.symbol = atom.isotope == 2 ? "D" : "T"
                } else {
                    key.isotope = Int(atom.isotope)
                }
            }
            counts[key, default: 0] += 1
            hydrogens += atom.totalHydrogens
            charge += Int(atom.formalCharge)
        }
        if hydrogens > 0 { counts[Key(isotope: 0, symbol: "H"), default: 0] += hydrogens }
        var text = ""
        for key in counts.keys.sorted(by: Key.hillOrder) {
            text += key.isotope > 0 ? "[\(key.isotope)\(key.symbol)]" : key.symbol
            if let n = counts[key], n > 1 { text += String(n) }
        }
        if charge > 0 {
            text += charge > 1 ? "+\(charge)" : "+"
        } else if charge < 0 {
            text += charge < -1 ? "-\(-charge)" : "-"
        }
        self.text = text
    }

    /// One formula entry: an element symbol (or `D`, `T`) and an isotope (0 when unlabelled).
    private struct Key: Hashable {
        var isotope: Int
        var symbol: String

        /// Carbon entries first, then hydrogen, deuterium and tritium, then everything else by isotope and then
        /// symbol (so unlabelled elements come alphabetically before every labelled one); within carbon and
        /// hydrogen, unlabelled first and then by mass number.
        static func hillOrder(_ a: Key, _ b: Key) -> Bool {
            for special in ["C", "H"] {
                if a.symbol == special {
                    return b.symbol == special ? a.isotope < b.isotope : true
                }
                if b.symbol == special { return false }
            }
            for special in ["D", "T"] {
                if a.symbol == special { return b.symbol != special }
                if b.symbol == special { return false }
            }
            if a.isotope != b.isotope { return a.isotope < b.isotope }
            return a.symbol < b.symbol
        }
    }
}

extension Molecule {
    /// The molecular formula in Hill order with isotopes merged, e.g. `C22H28N2O` (RDKit's `CalcMolFormula`).
    public var molecularFormula: String { MolecularFormula(self).text }
}
