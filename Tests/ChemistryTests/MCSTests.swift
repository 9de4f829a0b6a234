import Chemistry
import Testing

/// Maximum common substructure: small cases whose answers were checked with RDKit 2026.09.1
/// (`rdFMCS.FindMCS`), the properties every answer must have, options, timeouts and odd input.
@Suite("Maximum common substructure")
struct MCSTests {
    static func molecule(_ smiles: String) throws -> Molecule { try Molecule(smiles: smiles) }

    static func mcs(_ a: String, _ b: String, _ options: MCSOptions = MCSOptions()) throws -> MCSResult {
        let first = try molecule(a)
        let second = try molecule(b)
        let result = first.maximumCommonSubstructure(with: second, options: options)
        let problems = MCSValidation.problems(result, first, second, options)
        #expect(problems.isEmpty, "\(a) vs \(b): \(problems)")
        return result
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let first: String
        let second: String
        let options: MCSOptions
        let atoms: Int
        let bonds: Int
        var testDescription: String { "\(first) / \(second)" }
    }

    static let ringOnly = MCSOptions(ringMatchesRingOnly: true)
    static let completeRings = MCSOptions(completeRingsOnly: true)
    static let ringComplete = MCSOptions(ringMatchesRingOnly: true, completeRingsOnly: true)

    /// Each answer is RDKit's (numAtoms, numBonds) for the same pair and options.
    static let cases: [Case] = [
        Case(first: "c1ccccc1", second: "C1CCCCC1", options: MCSOptions(), atoms: 6, bonds: 6),  // aromatic matches single
        Case(first: "c1ccccc1", second: "C=CC=CC=C", options: MCSOptions(), atoms: 2, bonds: 1),  // not double
        Case(first: "c1ccccc1C", second: "CCCCCC", options: MCSOptions(), atoms: 6, bonds: 5),
        Case(first: "c1ccccc1C", second: "CCCCCC", options: ringOnly, atoms: 1, bonds: 0),
        Case(first: "c1ccccc1C", second: "CCCCCC", options: completeRings, atoms: 2, bonds: 1),
        Case(first: "C1CCCCC1", second: "C1CCCCCCCCC1", options: MCSOptions(), atoms: 6, bonds: 5),
        Case(first: "C1CCCCC1", second: "C1CCCCCCCCC1", options: completeRings, atoms: 0, bonds: 0),
        Case(first: "C1CCCCC1", second: "C1CC2CCC1C2", options: completeRings, atoms: 6, bonds: 6),
        Case(first: "C1CC2CCC1C2", second: "C1CCCC1", options: completeRings, atoms: 5, bonds: 5),
        Case(first: "c1ccc2ccccc2c1", second: "C1CCCCCCCCC1", options: completeRings, atoms: 10, bonds: 10),
        Case(first: "c1ccc2ccccc2c1", second: "c1ccccc1CC", options: completeRings, atoms: 6, bonds: 6),
        Case(first: "c1ccc2ccccc2c1C", second: "c1ccccc1CCCCCCC", options: completeRings, atoms: 7, bonds: 7),
        Case(first: "Cc1ccccc1", second: "CCCCCCCCC", options: completeRings, atoms: 2, bonds: 1),
        Case(first: "Cc1ccccc1", second: "CCCCCCCCC", options: ringComplete, atoms: 1, bonds: 0),
        Case(first: "Cc1ccccc1", second: "CC1CCCCC1N", options: ringComplete, atoms: 7, bonds: 7),
        Case(first: "c1ccccc1", second: "C1CCCC1", options: completeRings, atoms: 0, bonds: 0),
        Case(first: "CC(C)(C)C", second: "C1CC1", options: completeRings, atoms: 0, bonds: 0),
        Case(first: "C1CC1", second: "CC(C)C", options: MCSOptions(), atoms: 3, bonds: 2),  // triangle is not a star
        Case(first: "C1CC1C", second: "CC(C)C", options: MCSOptions(), atoms: 4, bonds: 3),
        Case(first: "CCO", second: "NN", options: MCSOptions(), atoms: 0, bonds: 0),
        Case(first: "CCO", second: "NCN", options: MCSOptions(), atoms: 1, bonds: 0),
        Case(first: "CC.OO", second: "CCO", options: MCSOptions(), atoms: 2, bonds: 1),  // connected only
        Case(first: "[NH4+]", second: "[NH3]", options: MCSOptions(), atoms: 1, bonds: 0),
        Case(first: "C[NH3+]", second: "CN", options: MCSOptions(), atoms: 2, bonds: 1),
        Case(first: "[2H]C", second: "CC", options: MCSOptions(atomComparison: .isotopes), atoms: 1, bonds: 0),
        Case(first: "C[13CH3]", second: "CC", options: MCSOptions(atomComparison: .isotopes), atoms: 1, bonds: 0),
        Case(first: "CC=O", second: "CCO", options: MCSOptions(bondComparison: .any), atoms: 3, bonds: 2),
        Case(first: "CC=O", second: "CCO", options: MCSOptions(bondComparison: .orderExact), atoms: 2, bonds: 1),
        Case(first: "c1ccccc1", second: "C1=CC=CC=C1", options: MCSOptions(bondComparison: .orderExact), atoms: 6, bonds: 6),
        Case(first: "CCO", second: "CCN", options: MCSOptions(atomComparison: .any), atoms: 3, bonds: 2),
        Case(first: "Cc1ccccc1", second: "Cc1ccccc1CC", options: MCSOptions(matchValences: true), atoms: 7, bonds: 7),
        Case(
            first: "CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1", second: "CCC(=O)N(c1ccccc1)C1(COC)CCN(CCn2nnn(CC)c2=O)CC1",
            options: MCSOptions(), atoms: 19, bonds: 20),
    ]

    @Test("small cases give RDKit's atom and bond counts", arguments: cases)
    func smallCases(_ c: Case) throws {
        let r = try Self.mcs(c.first, c.second, c.options)
        #expect(r.atomCount == c.atoms)
        #expect(r.bondCount == c.bonds)
        #expect(!r.timedOut)
        #expect(r.smarts.isEmpty == (c.atoms == 0))
    }

    @Test("the answer does not depend on argument order without completeRingsOnly")
    func symmetric() throws {
        for (a, b) in [("CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1", "COC(=O)C1(N(C(=O)CC)c2ccccc2)CCN(CCc2cccs2)CC1"),
                       ("c1ccc2ccccc2c1", "C1CCC2CCCCC2C1"), ("OC(=O)c1ccccc1O", "CC(=O)Oc1ccccc1C(O)=O")] {
            for options in [MCSOptions(), Self.ringOnly] {
                let forward = try Self.mcs(a, b, options)
                let backward = try Self.mcs(b, a, options)
                #expect(forward.atomCount == backward.atomCount)
                #expect(forward.bondCount == backward.bondCount)
            }
        }
    }

    @Test("the mapping lists pairs of the first and second molecule")
    func mappingOrientation() throws {
        // Acetylfentanyl (fewer bonds) given second: pairs still name fentanyl's atoms first.
        let fentanyl = try Self.molecule("CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1")
        let acetyl = try Self.molecule("CC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1")
        let r = fentanyl.maximumCommonSubstructure(with: acetyl)
        #expect(r.atomCount == 24)
        #expect(r.bondCount == 26)
        #expect(MCSValidation.problems(r, fentanyl, acetyl, MCSOptions()).isEmpty)
        // Fentanyl's terminal methyl (atom 0) is the one atom left out... or the other end of the ethyl:
        // either way, exactly one fentanyl atom is missing.
        #expect(Set(r.atomPairs.map(\.first)).count == fentanyl.atomCount - 1)
        #expect(Set(r.atomPairs.map(\.second)).count == acetyl.atomCount)
    }

    @Test("a prepared query gives the same answers as the one-off call")
    func preparedQuery() throws {
        let query = MCSQuery(try Self.molecule("CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1"))
        for smiles in ["CC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1", "O=C(c1ccco1)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1", "CCO", "C", ""] {
            let target = try Self.molecule(smiles)
            let once = query.molecule.maximumCommonSubstructure(with: target)
            let prepared = query.find(in: target)
            #expect(once.atomCount == prepared.atomCount)
            #expect(once.bondCount == prepared.bondCount)
            #expect(query.find(in: MCSQuery(target)).bondCount == once.bondCount)
            #expect(query.bondUpperBound(for: MCSQuery(target)) >= once.bondCount)
        }
        // A target prepared with other options is prepared again with the query's: octane shares 7 bonds
        // with hexylbenzene by default (aromatic bonds match single ones), 5 when rings match rings only.
        let ringTarget = MCSQuery(try Self.molecule("c1ccccc1CCCCCC"), options: Self.ringOnly)
        let octane = try Self.molecule("CCCCCCCC")
        #expect(MCSQuery(octane).find(in: ringTarget).bondCount == 7)
        #expect(MCSQuery(octane, options: Self.ringOnly).find(in: ringTarget).bondCount == 5)
    }

    @Test("asking for at least k bonds gives the same answer when there is one, and nil when there is not")
    func atLeast() throws {
        let fentanyl = MCSQuery(try Self.molecule("CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1"))
        for smiles in ["CC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1", "CCC(=O)N(c1ccccc1)C1(COC)CCN(CCn2nnn(CC)c2=O)CC1",
                       "CN1CCC23c4c5ccc(O)c4OC2C(O)C=CC3C1C5", "OC(=O)c1ccccc1O", "CCO"] {
            let target = try Self.molecule(smiles)
            let full = fentanyl.find(in: target)
            for k in [1, full.bondCount - 1, full.bondCount, full.bondCount + 1, 30] where k > 0 {
                let floored = fentanyl.find(in: target, atLeast: k)
                if full.bondCount >= k {
                    #expect(floored?.bondCount == full.bondCount, "\(smiles) at least \(k)")
                    #expect(floored?.atomCount == full.atomCount, "\(smiles) at least \(k)")
                } else {
                    #expect(floored == nil, "\(smiles) at least \(k)")
                }
            }
            #expect(fentanyl.find(in: target, atLeast: 0)?.bondCount == full.bondCount)
        }
    }

    @Test("SMARTS: ring closures, branches and option primitives")
    func smarts() throws {
        #expect(try Self.mcs("c1ccccc1", "c1ccccc1").smarts == "[#6]1:[#6]:[#6]:[#6]:[#6]:[#6]:1")
        #expect(try Self.mcs("c1ccccc1", "C1CCCCC1").smarts == "[#6]1:,-[#6]:,-[#6]:,-[#6]:,-[#6]:,-[#6]:,-1")
        #expect(try Self.mcs("CC(C)C", "CC(C)C").smarts == "[#6]-[#6](-[#6])-[#6]")
        #expect(try Self.mcs("CCO", "NCN").smarts == "[#6]")
        #expect(try Self.mcs("Cc1ccccc1", "CCCCCCCCC", Self.ringComplete).smarts == "[#6&!R]")
        #expect(try Self.mcs("CCO", "CCN", MCSOptions(atomComparison: .any)).smarts == "*-*-*")
        #expect(try Self.mcs("CC=O", "CCO", MCSOptions(bondComparison: .any)).smarts == "[#6]~[#6]~[#8]")
        #expect(try Self.mcs("C[O-]", "C[O-]", MCSOptions(matchFormalCharge: true)).smarts == "[#6&+0]-[#8&-1]")
        #expect(try Self.mcs("CO", "CO", MCSOptions(matchValences: true)).smarts == "[#6&v4]-[#8&v2]")
        #expect(try Self.mcs("C[13CH3]", "C[13CH3]", MCSOptions(atomComparison: .isotopes)).smarts == "[0*]-[13*]")
        #expect(try Self.mcs("C1CC1", "C1CC1", Self.ringComplete).smarts == "[#6&R]1-;@[#6&R]-;@[#6&R]-;@1")
        // Two ring closures open at once (spiro, bicyclic) use distinct digits.
        let bicyclic = try Self.mcs("C1CC2CCC1C2", "C1CC2CCC1C2").smarts
        #expect(bicyclic.contains("1") && bicyclic.contains("2"))
        // A wheel (a hub bonded to every atom of a 120-atom rim) opens 119 closures at its hub at once:
        // %10 ... %99, then %(100) ... as RDKit writes and reads them.
        let wheel = try Self.mcs(Self.wheel(120), Self.wheel(120))
        #expect(wheel.bondCount == 240)
        #expect(wheel.smarts.contains("%99") && wheel.smarts.contains("%(100)") && wheel.smarts.contains("%(119)"))
    }

    /// A dummy-atom hub bonded to each atom of an n-membered carbon ring.
    static func wheel(_ n: Int) -> String {
        func label(_ d: Int) -> String { d < 10 ? String(d) : d < 100 ? "%\(d)" : "%(\(d))" }
        // The hub is chain-bonded to the first rim atom and closes a ring with each of the others.
        var smiles = "*" + (2...n).map(label).joined() + "C" + label(n + 1)
        for k in 2...n { smiles += "C" + label(k) }
        return smiles + label(n + 1)
    }

    @Test("a timeout returns the best answer found so far, flagged")
    func timeout() throws {
        // Two steroids compared with any atom matching any atom take many search nodes.
        let a = try Self.molecule("C[C@]12CC[C@H]3[C@@H](CCC4=CC(=O)CC[C@@H]43)[C@@H]1CC[C@@H]2OC(=O)CCc1ccccc1")
        let b = try Self.molecule("CC(C)CCC[C@@H](C)[C@H]1CC[C@H]2[C@@H]3CC=C4C[C@@H](O)CC[C@]4(C)[C@H]3CC[C@]12C")
        let untimed = a.maximumCommonSubstructure(with: b, options: MCSOptions(atomComparison: .any, timeout: nil))
        #expect(!untimed.timedOut)
        #expect(untimed.searchNodes > 1000, "the pair is too easy to show a timeout (the clock is read every 256 nodes)")
        let options = MCSOptions(atomComparison: .any, timeout: 0)
        let r = a.maximumCommonSubstructure(with: b, options: options)
        #expect(r.timedOut)
        #expect(r.bondCount <= untimed.bondCount)
        #expect(MCSValidation.problems(r, a, b, options).isEmpty)
        // Odd limits: negative and NaN stop at once, infinity and huge values mean no limit.
        for limit in [-1, Double.nan, -Double.infinity] {
            #expect(a.maximumCommonSubstructure(with: b, options: MCSOptions(atomComparison: .any, timeout: limit)).timedOut)
        }
        for limit in [Double.infinity, 1e300] {
            #expect(try Self.mcs("CCO", "CCN", MCSOptions(timeout: limit)).bondCount == 1)
        }
    }

    @Test("odd input: empty molecules, lone atoms, salts, explicit hydrogens, dummies, dative bonds")
    func oddInput() throws {
        for (a, b) in [("", ""), ("", "CCO"), ("C", "C"), ("[Na+].[Cl-]", "[Na+].[Cl-]"), ("[H][H]", "[H][H]"),
                       ("*C(*)=O", "CC(=O)*"), ("C[N+]([O-])=O", "CN(=O)=O"), ("[NH3]->[Cu+2]", "[NH3]->[Cu+2]<-[NH3]"),
                       ("[2H]C([2H])([2H])O", "CO"), ("C1CC2CC3CC1CC(C2)C3", "C12C3C4C1C5C2C3C45")] {
            for options in [MCSOptions(), Self.ringComplete, MCSOptions(atomComparison: .anyHeavyAtom, bondComparison: .orderExact)] {
                _ = try Self.mcs(a, b, options)
            }
        }
        #expect(try Self.mcs("[H][H]", "[H][H]").bondCount == 1)
        #expect(try Self.mcs("", "CCO").isEmpty)
        #expect(try Self.mcs("[NH3]->[Cu+2]", "[NH3]->[Cu+2]<-[NH3]").smarts == "[#7]->[#29]")
    }
}

/// Robustness over varied real molecules (the SMILES perception sets: NCI, ChEMBL, RDKit regression
/// molecules with charges, metals, isotopes, odd rings): every answer, under every option set, must pass the
/// first-principles checks, and without completeRingsOnly the counts must not depend on argument order.
@Suite("MCS over varied molecules")
struct MCSRobustnessTests {
    static let optionSets: [MCSOptions] = [
        MCSOptions(timeout: 2),
        MCSOptions(ringMatchesRingOnly: true, completeRingsOnly: true, timeout: 2),
        MCSOptions(completeRingsOnly: true, timeout: 2),
        MCSOptions(atomComparison: .anyHeavyAtom, bondComparison: .orderExact, matchFormalCharge: true, timeout: 2),
        MCSOptions(atomComparison: .isotopes, bondComparison: .any, ringMatchesRingOnly: true, timeout: 2),
        MCSOptions(matchValences: true, timeout: 2),
    ]

    @Test("answers are valid and symmetric", arguments: ["first_5K", "NCI_aromat_regress", "chembl_20_chiral", "aromat_regress"])
    func varied(set: String) throws {
        var molecules: [Molecule] = []
        for (i, row) in ReferenceData.rows("SMILES/perception/\(set).tsv").enumerated() where i % 50 == 0 && row[1] == "OK" {
            molecules.append(try Molecule(smiles: String(row[0])))
        }
        #expect(molecules.count >= 40)
        var checked = 0
        for i in 0..<(molecules.count - 1) {
            let (a, b) = (molecules[i], molecules[i + 1])
            let options = Self.optionSets[i % Self.optionSets.count]
            let forward = a.maximumCommonSubstructure(with: b, options: options)
            let problems = MCSValidation.problems(forward, a, b, options)
            #expect(problems.isEmpty, "\(set) \(i): \(problems)")
            if !options.completeRingsOnly {
                let backward = b.maximumCommonSubstructure(with: a, options: options)
                if !forward.timedOut && !backward.timedOut {
                    #expect(forward.bondCount == backward.bondCount && forward.atomCount == backward.atomCount, "\(set) \(i)")
                }
            }
            checked += 1
        }
        #expect(checked >= 39)
    }

    /// The search keeps its own stack (one frame per mapped bond), so a long polymer cannot overflow the
    /// thread's stack.
    @Test("long chains map whole without exhausting the stack")
    func longChains() throws {
        let a = try Molecule(smiles: String(repeating: "C", count: 3000))
        let b = try Molecule(smiles: "O" + String(repeating: "C", count: 3050))
        let r = a.maximumCommonSubstructure(with: b)
        #expect(r.bondCount == 2999)
        #expect(r.atomCount == 3000)
        #expect(MCSValidation.problems(r, a, b, MCSOptions()).isEmpty)
    }
}
