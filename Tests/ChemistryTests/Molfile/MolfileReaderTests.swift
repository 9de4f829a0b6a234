import Chemistry
import Foundation
import Testing

/// The molfile format's fields and blocks, one feature at a time, with the positions errors must name.
@Suite("Molfile reader")
struct MolfileReaderTests {
    /// A V2000 molfile from atom and bond lines (header and counts line added).
    static func v2000(_ atoms: [String], _ bonds: [String], _ properties: [String] = [], name: String = "test") -> String {
        func pad(_ n: Int) -> String { String(repeating: " ", count: 3 - String(n).count) + String(n) }
        var lines = [name, "  Accord            2D", "", pad(atoms.count) + pad(bonds.count) + "  0  0  0  0  0  0  0  0999 V2000"]
        lines += atoms + bonds + properties + ["M  END"]
        return lines.joined(separator: "\n") + "\n"
    }

    static func atom(_ symbol: String, x: Double = 0, y: Double = 0, z: Double = 0, fields: String = " 0  0  0  0  0  0  0  0  0  0  0  0") -> String {
        func f(_ v: Double) -> String {
            let units = Int((abs(v) * 10000).rounded())
            let text = (v < 0 ? "-" : "") + "\(units / 10000)." + String(repeating: "0", count: 4 - String(units % 10000).count) + "\(units % 10000)"
            return String(repeating: " ", count: 10 - text.count) + text
        }
        return f(x) + f(y) + f(z) + " " + symbol + String(repeating: " ", count: 3 - symbol.count) + fields
    }

    @Test("atom block: charges, mass differences, map numbers; bonds with their orders")
    func atomBlock() throws {
        let text = Self.v2000(
            [
                Self.atom("C", fields: "-1  0  0  0  0  0  0  0  0  7  0  0"),  // 11C, map 7
                Self.atom("N", x: 1.5, fields: " 0  3  0  0  0  0  0  0  0  0  0  0"),  // +1
                Self.atom("O", x: 3, fields: " 0  5  0  0  0  0  0  0  0  0  0  0"),  // -1
                Self.atom("CL", x: 4.5),
            ],
            ["  1  2  1  0", "  2  3  1  0", "  2  4  1  0"])
        let m = try MolfileReader.read(text, options: MolfileReadOptions(removeHydrogens: false)).molecule
        #expect(m.atoms.map(\.atomicNumber) == [6, 7, 8, 17])
        #expect(m.atoms[0].isotope == 11)
        #expect(m.atoms[0].mapNumber == 7)
        #expect(m.atoms.map(\.formalCharge) == [0, 1, -1, 0])
        #expect(m.bonds.map(\.order) == [.single, .single, .single])
        #expect(m.name == "test")
    }

    @Test("M  CHG replaces every atom-block charge; M  ISO and M  RAD set isotopes and radicals")
    func propertyLines() throws {
        let text = Self.v2000(
            [
                Self.atom("C", fields: " 0  3  0  0  0  0  0  0  0  0  0  0"),  // atom-block +1, superseded
                Self.atom("N", x: 1.5),
                Self.atom("C", x: 3),
            ],
            ["  1  2  1  0", "  2  3  1  0"],
            ["M  CHG  1   2   1", "M  ISO  1   3  13", "M  RAD  1   1   2"])
        let m = try MolfileReader.read(text).molecule
        #expect(m.atoms.map(\.formalCharge) == [0, 1, 0])
        #expect(m.atoms[1].totalHydrogens == 2)  // N+ takes carbon's valence: [NH2+]
        #expect(m.atoms[2].isotope == 13)
        #expect(m.atoms[0].radicalElectrons == 1)
    }

    @Test("the valence field fixes hydrogen counts; 15 means zero valence")
    func valenceField() throws {
        let text = Self.v2000(
            [
                Self.atom("C", fields: " 0  0  0  0  0  2  0  0  0  0  0  0"),  // valence 2: one H besides the bond
                Self.atom("N", x: 1.5, fields: " 0  0  0  0  0 15  0  0  0  0  0  0"),  // zero valence: no H
            ],
            ["  1  2  1  0"])
        let m = try MolfileReader.read(text).molecule
        #expect(m.atoms[0].explicitHydrogens == 1 && m.atoms[0].noImplicit)
        #expect(m.atoms[1].explicitHydrogens == 0 && m.atoms[1].noImplicit)
    }

    @Test("hydrogen atoms become counts; wedges set chirality in the reference order")
    func hydrogensAndWedges() throws {
        // (R)-CHFClBr drawn with its hydrogen as an atom on a hashed bond.
        let text = Self.v2000(
            [
                Self.atom("C"), Self.atom("F", x: 0, y: 1.5), Self.atom("Cl", x: 1.3, y: -0.75),
                Self.atom("Br", x: -1.3, y: -0.75), Self.atom("H", x: 0.5, y: 0.2),
            ],
            ["  1  2  1  0", "  1  3  1  0", "  1  4  1  0", "  1  5  1  6"])
        let withH = try MolfileReader.read(text, options: MolfileReadOptions(removeHydrogens: false)).molecule
        let without = try MolfileReader.read(text).molecule
        #expect(withH.atomCount == 5)
        #expect(without.atomCount == 4)
        #expect(without.atoms[0].explicitHydrogens == 1)
        #expect(withH.atoms[0].chirality.isTetrahedral)
        // Neighbour order F, Cl, Br, H with the H atom becomes H, F, Cl, Br: three swaps invert the tag.
        #expect(without.atoms[0].chirality == withH.atoms[0].chirality.inverted)
    }

    @Test("query atoms become dummy atoms with a warning; atom lists are errors naming their line")
    func queryFeatures() throws {
        let query = Self.v2000([Self.atom("C"), Self.atom("A", x: 1.5)], ["  1  2  1  0"], ["A    1", "Me"])
        let record = try MolfileReader.read(query)
        #expect(record.molecule.atoms[1].atomicNumber == 0)
        #expect(record.warnings.contains { $0.code == .queryFeature && $0.line == 6 })
        #expect(record.warnings.contains { $0.code == .atomAlias })

        let list = Self.v2000([Self.atom("C"), Self.atom("L", x: 1.5)], ["  1  2  1  0"])
        #expect(throws: MolfileError.self) { try MolfileReader.read(list) }
        do {
            _ = try MolfileReader.read(list)
        } catch {
            #expect(error.code == .atomListUnsupported)
            #expect(error.line == 6)
        }
        let als = Self.v2000([Self.atom("C"), Self.atom("C", x: 1.5)], ["  1  2  1  0"], ["M  ALS   2  2 F C   N   "])
        #expect { try MolfileReader.read(als) } throws: { ($0 as? MolfileError)?.code == .atomListUnsupported }
    }

    @Test("errors name the problem and the line", arguments: [
        // (mutation of a valid two-atom file, expected code, expected line)
        ("    0.0000    0.0000    0.0000 C   0  0  0  0  0  0  0  0  0  0  0  0", "    0.0000    x.0000    0.0000 C   0  0  0  0  0  0  0  0  0  0  0  0", "bad_atom_line", 5),
        ("    0.0000    0.0000    0.0000 C   0  0  0  0  0  0  0  0  0  0  0  0", "    0.0000    0.0000    0.0000 Xx  0  0  0  0  0  0  0  0  0  0  0  0", "unknown_element", 5),
        ("  1  2  1  0", "  1  3  1  0", "bond_atom_out_of_range", 7),
        ("  1  2  1  0", "  1  1  1  0", "self_bond", 7),
        ("  1  2  1  0", "  1  2 11  0", "bad_bond_line", 7),
        ("M  END", "M  CHG  1   9   1\nM  END", "bad_property_line", 8),
        ("M  END", "", "missing_end", 9),
        ("  2  1  0  0  0  0  0  0  0  0999 V2000", "  2  1  0  0  0  0  0  0  0  0999 V4000", "bad_counts_line", 4),
        ("  2  1  0  0  0  0  0  0  0  0999 V2000", "  3  1  0  0  0  0  0  0  0  0999 V2000", "bad_atom_line", 7),
    ])
    func errors(original: String, replacement: String, code: String, line: Int) throws {
        let valid = Self.v2000([Self.atom("C"), Self.atom("O", x: 1.5)], ["  1  2  1  0"])
        #expect(valid.contains(original))
        let broken = valid.replacingFirst(original, with: replacement)
        do {
            _ = try MolfileReader.read(broken)
            Issue.record("no error for \(replacement)")
        } catch {
            #expect(error.code.description == code, "\(error)")
            #expect(error.line == line, "\(error)")
        }
    }

    @Test("rings renumbered after hydrogen removal equal freshly perceived ones")
    func ringsAfterHydrogenRemoval() throws {
        var checked = 0
        for record in try SDFReader(path: try #require(TestResources.path("molfile/mols.1000.sdf.gz"))) {
            guard let m = record.molecule, record.number <= 300 else { break }
            var fresh = m
            fresh.perceiveRings()
            #expect(m.ringInfo == fresh.ringInfo, "record \(record.number)")
            checked += 1
        }
        #expect(checked == 300)
    }

    @Test("chemically impossible structures are errors naming the atom's line")
    func invalidStructure() {
        // A carbon bonded to five carbons.
        let atoms = [MolfileReaderTests.atom("C")] + (1...5).map { MolfileReaderTests.atom("C", x: Double($0)) }
        let text = Self.v2000(atoms, (2...6).map { "  1  \($0)  1  0" })
        do {
            _ = try MolfileReader.read(text)
            Issue.record("a five-bonded carbon was accepted")
        } catch {
            #expect(error.code == .invalidStructure)
            #expect(error.line == 5)
        }
    }

    @Test("V3000: properties, continuation lines, wedges, and the same molecule as V2000")
    func v3000() throws {
        let text = """
            ethanol-like
              Accord            2D

              0  0  0     0  0            999 V3000
            M  V30 BEGIN CTAB
            M  V30 COUNTS 3 2 0 0 0
            M  V30 BEGIN ATOM
            M  V30 1 C 0 0 0 0 MASS=13
            M  V30 2 C 1.5 0 0 0 CHG=-1 -
            M  V30 RAD=2
            M  V30 3 O 3 0 0 4
            M  V30 END ATOM
            M  V30 BEGIN BOND
            M  V30 1 1 1 2
            M  V30 2 1 2 3
            M  V30 END BOND
            M  V30 END CTAB
            M  END

            """
        let m = try MolfileReader.read(text).molecule
        #expect(m.atoms.map(\.atomicNumber) == [6, 6, 8])
        #expect(m.atoms[0].isotope == 13)
        #expect(m.atoms[1].formalCharge == -1 && m.atoms[1].radicalElectrons == 1)
        #expect(m.atoms[2].mapNumber == 4)
        let again = try MolfileReader.read(try m.molfile(version: .v2000)).molecule
        #expect(StructureComparison.difference(m, again) == nil)
        let bad = text.replacingFirst("M  V30 2 1 2 3", with: "M  V30 2 1 2 9")
        #expect { try MolfileReader.read(bad) } throws: { ($0 as? MolfileError)?.code == .bondAtomOutOfRange }
        let list = text.replacingFirst("M  V30 3 O 3 0 0 4", with: "M  V30 3 [O,S] 3 0 0 4")
        #expect { try MolfileReader.read(list) } throws: { ($0 as? MolfileError)?.code == .atomListUnsupported }
    }

    @Test("crossed double bonds and wavy bonds make cis/trans unknown")
    func unknownDoubleBonds() throws {
        // 2-butene drawn trans; then crossed.
        let atoms = [Self.atom("C", x: 0, y: 0), Self.atom("C", x: 1.3, y: 0.75), Self.atom("C", x: 2.6, y: 0), Self.atom("C", x: 3.9, y: 0.75)]
        let trans = try MolfileReader.read(Self.v2000(atoms, ["  1  2  1  0", "  2  3  2  0", "  3  4  1  0"])).molecule
        #expect(trans.bonds[1].stereo == .trans)
        let crossed = try MolfileReader.read(Self.v2000(atoms, ["  1  2  1  0", "  2  3  2  3", "  3  4  1  0"])).molecule
        #expect(crossed.bonds[1].stereo == .either)
        let wavy = try MolfileReader.read(Self.v2000(atoms, ["  1  2  1  4", "  2  3  2  0", "  3  4  1  0"])).molecule
        #expect(wavy.bonds[1].stereo == .either)
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
