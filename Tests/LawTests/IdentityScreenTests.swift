import Chemistry
import Law
import Testing

/// The identity screen lets the engine skip the lookup key's canonical SMILES; it must never skip a structure
/// the full key would have matched, and a structure that passes the screen must still be matched by its key.
@Suite struct IdentityScreenTests {
    static let engine = Result { () throws -> DeterminationEngine in DeterminationEngine(knowledgeBase: try Fixture.knowledgeBase()) }

    /// Listed structures, their salts and mirror images: the same key always comes with the same screen, the
    /// screened identity writes the same key as the full one, and the screened lookup finds the same entries.
    @Test func equalKeysHaveEqualScreensAndScreenedLookupsAgree() throws {
        let kb = try Fixture.knowledgeBase()
        let engine = try Self.engine.get()
        var screenOfKey: [String: IdentityScreen] = [:]
        var checked = 0
        for listing in kb.listings {
            guard let structure = listing.structure else { continue }
            let parsed = try Molecule(smiles: structure.smiles)
            for smiles in [structure.smiles] + DeterminationEngineTests.variants(structure.smiles, heavyAtoms: parsed.atomCount) {
                let molecule = try Molecule(smiles: smiles)
                let full = StructureIdentity(molecule)
                let key = try #require(full.key)
                if let earlier = screenOfKey[key] {
                    #expect(earlier == full.screen, "\(listing.id) as \(smiles): same key \(key), different screen")
                } else {
                    screenOfKey[key] = full.screen
                }
                let screened = StructureIdentity(molecule, lookupScreens: engine.index.screens)
                #expect(screened.screen == full.screen)
                #expect(screened.key == key, "\(listing.id) as \(smiles): the screen skipped a listed structure")
                #expect(engine.index.substances(forKey: screened.key) == engine.index.substances(forKey: key))
                #expect(engine.index.substances(forKey: key).contains(listing.substance), "\(listing.id) as \(smiles)")
                checked += 1
            }
        }
        #expect(checked > 500)
    }

    /// Constitutional isomers of fentanyl with its element counts and bond count pass the screen, are
    /// canonicalized, and are not matched to fentanyl or to any other entry.
    @Test func aScreenMatchWithADifferentStructureIsNotAMatch() throws {
        let engine = try Self.engine.get()
        let fentanyl = StructureIdentity(try Molecule(smiles: "CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1"))
        #expect(engine.index.screens.contains(fentanyl.screen))
        #expect(engine.index.substances(forKey: fentanyl.key) == ["fentanyl"])
        // The propionyl's methyl moved to the piperidine's 4-position; a pyrrolidine with a methylated phenethyl;
        // the same with a stereo centre (the branch that sets stereo aside before the key).
        for smiles in ["CC(=O)N(c1ccccc1)C1(C)CCN(CCc2ccccc2)CC1", "CCC(=O)N(c1ccccc1)C1CCN(CCc2ccc(C)cc2)C1",
                       "CCC(=O)N(c1ccccc1)[C@@H]1CCN(CCc2ccc(C)cc2)C1"] {
            let molecule = try Molecule(smiles: smiles)
            let full = StructureIdentity(molecule)
            let screened = StructureIdentity(molecule, lookupScreens: engine.index.screens)
            guard screened.screen == fentanyl.screen else { continue }
            let key = try #require(screened.key, "\(smiles): a screen match must be canonicalized")
            #expect(key == full.key)
            #expect(key != fentanyl.key)
            #expect(engine.index.substances(forKey: key).isEmpty, "\(smiles)")
            #expect(engine.classify(molecule, on: try Fixture.date("2024-06-01")).substances.isEmpty, "\(smiles)")
        }
        let isomer = try Molecule(smiles: "CC(=O)N(c1ccccc1)C1(C)CCN(CCc2ccccc2)CC1")
        #expect(StructureIdentity(isomer).screen == fentanyl.screen, "the test's isomer must share fentanyl's screen")
    }

    /// A structure whose screen no entry has gets no key and no substances, and its full key matches nothing.
    @Test func aScreenMissSkipsTheKeyOnlyWhenNothingCouldMatch() throws {
        let engine = try Self.engine.get()
        let molecule = try Molecule(smiles: "C[C@H](N)Cc1ccc(cc1)[Si](C)(C)C")
        let screened = StructureIdentity(molecule, lookupScreens: engine.index.screens)
        #expect(!engine.index.screens.contains(screened.screen))
        #expect(screened.key == nil)
        #expect(engine.index.substances(forKey: screened.key).isEmpty)
        #expect(engine.index.substances(forKey: StructureIdentity(molecule).key).isEmpty)
        #expect(screened.standardizedSMILES == StructureIdentity(molecule).standardizedSMILES)
        #expect(screened.report.steps.map(\.kind) == StructureIdentity(molecule).report.steps.map(\.kind))
    }
}
