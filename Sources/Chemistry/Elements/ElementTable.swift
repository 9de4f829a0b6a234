/// Per-element facts (symbols, weights, isotopes, valences) indexed by atomic number.
///
/// The data comes from RDKit's periodic table (see `scripts/reference/make_element_table.py`), because
/// Accord's hydrogen counts and masses must agree with RDKit's. Lookups are array reads: no hashing on
/// the hot path except `atomicNumber(symbol:)`, which parsers call once per atom.
public enum ElementTable {
    /// The largest atomic number known to the table (oganesson).
    public static let maxAtomicNumber = 118

    /// The element symbol, `*` for the dummy atom 0, or `nil` beyond the table.
    @inlinable
    public static func symbol(_ atomicNumber: Int) -> String? {
        atomicNumber >= 0 && atomicNumber <= maxAtomicNumber ? symbols[atomicNumber] : nil
    }

    /// The atomic number for an exactly-cased symbol (`Cl`, not `CL`), or `nil` when it names no element.
    public static func atomicNumber(symbol: String) -> Int? {
        symbolIndex[symbol]
    }

    static let symbolIndex: [String: Int] = {
        var index: [String: Int] = [:]
        for (z, s) in symbols.enumerated() where z > 0 { index[s] = z }
        return index
    }()

    /// Standard atomic weight in g/mol (0 for the dummy atom).
    @inlinable
    public static func atomicWeight(_ atomicNumber: Int) -> Double { atomicWeights[atomicNumber] }

    /// Mass number of the most abundant natural isotope (0 for the dummy atom).
    @inlinable
    public static func mostCommonIsotope(_ atomicNumber: Int) -> Int { Int(mostCommonIsotopes[atomicNumber]) }

    /// Exact mass of the most abundant natural isotope, used for monoisotopic masses.
    @inlinable
    public static func mostCommonIsotopeMass(_ atomicNumber: Int) -> Double { mostCommonIsotopeMasses[atomicNumber] }

    /// Exact mass of one isotope, or `nil` when the table does not know it (callers then use the mass
    /// number itself, as RDKit does).
    public static func isotopeMass(_ atomicNumber: Int, massNumber: Int) -> Double? {
        guard atomicNumber > 0, atomicNumber <= maxAtomicNumber else { return nil }
        var lo = Int(isotopeOffsets[atomicNumber]), hi = Int(isotopeOffsets[atomicNumber + 1])
        while lo < hi {
            let mid = (lo + hi) / 2
            let a = Int(isotopeMassNumbers[mid])
            if a == massNumber { return isotopeMasses[mid] }
            if a < massNumber { lo = mid + 1 } else { hi = mid }
        }
        return nil
    }

    /// Natural abundance of an isotope in percent, or `nil` when unknown.
    public static func isotopeAbundance(_ atomicNumber: Int, massNumber: Int) -> Double? {
        guard atomicNumber > 0, atomicNumber <= maxAtomicNumber else { return nil }
        for i in Int(isotopeOffsets[atomicNumber])..<Int(isotopeOffsets[atomicNumber + 1])
        where Int(isotopeMassNumbers[i]) == massNumber {
            return isotopeAbundances[i]
        }
        return nil
    }

    /// Outer-shell (valence) electrons, which the aromaticity model counts.
    @inlinable
    public static func outerElectrons(_ atomicNumber: Int) -> Int { Int(outerElectrons[atomicNumber]) }

    /// Allowed valences in increasing order; `[-1]` means the element takes any valence and never gets
    /// implicit hydrogens (metals), a trailing `-1` means "these, or anything above".
    @inlinable
    public static func valences(_ atomicNumber: Int) -> [Int8] { valenceLists[atomicNumber] }

    /// The default (first allowed) valence, or -1 when the element has none.
    @inlinable
    public static func defaultValence(_ atomicNumber: Int) -> Int { Int(valenceLists[atomicNumber][0]) }
}
