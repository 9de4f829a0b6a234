import Chemistry

/// Compares a molecule's stereo with RDKit's as the reference script records it.
enum StereoComparison {
    /// Tetrahedral centres as "atom:number" strings, sorted.
    static func centres(_ m: Molecule) -> [String] {
        m.atoms.indices.filter { m.atoms[$0].chirality.isTetrahedral }.map { "\($0):\(m.atoms[$0].chirality.number)" }
    }

    static func centres(_ r: MoleculeReference) -> [String] {
        (r.centres ?? []).map { "\($0[0]):\($0[1])" }.sorted { a, b in
            (Int(a.split(separator: ":")[0]) ?? 0) < (Int(b.split(separator: ":")[0]) ?? 0)
        }
    }

    /// Stereo double bonds as "begin-end:kind" with cis/trans made relative to the reference's stereo atoms
    /// (or, for our own list, to the lowest-numbered neighbour at each end), sorted.
    static func doubleBonds(_ m: Molecule, relativeTo reference: MoleculeReference?) -> [String] {
        var result: [String] = []
        for bond in m.bonds where bond.stereo != .none {
            let (b, e) = (Int(bond.begin), Int(bond.end))
            let key = "\(min(b, e))-\(max(b, e))"
            if bond.stereo == .either {
                result.append(key + ":either")
                continue
            }
            // Our stereo atoms, keyed by the end they hang on.
            var ours: [Int: Int] = [:]
            for s in [Int(bond.stereoAtoms.0), Int(bond.stereoAtoms.1)] where s >= 0 {
                if m.bond(between: s, and: b) != nil && s != e { ours[b] = s } else { ours[e] = s }
            }
            var wanted: [Int: Int] = [:]
            if let entry = reference?.dbonds?.first(where: { f in
                Set([f[0].number, f[1].number]) == Set([b, e])
            }), entry[4].text != "either" {
                wanted[entry[0].number] = entry[2].number
                wanted[entry[1].number] = entry[3].number
            } else {
                for end in [b, e] {
                    wanted[end] = m.neighbors(of: end).map(\.atom).filter { $0 != b && $0 != e }.min() ?? -1
                }
            }
            var cis = bond.stereo == .cis
            for end in [b, e] where ours[end] != wanted[end] { cis.toggle() }
            result.append(key + (cis ? ":cis" : ":trans"))
        }
        return result.sorted()
    }

    static func doubleBonds(_ r: MoleculeReference) -> [String] {
        (r.dbonds ?? []).map { f in
            "\(min(f[0].number, f[1].number))-\(max(f[0].number, f[1].number)):\(f[4].text)"
        }.sorted()
    }
}
