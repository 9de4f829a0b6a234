import Chemistry
import Testing

@Suite("Molecule value")
struct MoleculeTests {
    @Test("adjacency lists neighbours in bond-index order")
    func adjacencyOrder() throws {
        // Propan-2-ol skeleton: C0-C1, C1-O2, C1-C3.
        let atoms = [Atom(atomicNumber: 6), Atom(atomicNumber: 6), Atom(atomicNumber: 8), Atom(atomicNumber: 6)]
        let bonds = [
            Bond(begin: 0, end: 1, order: .single), Bond(begin: 1, end: 2, order: .single),
            Bond(begin: 3, end: 1, order: .single),
        ]
        let m = try Molecule(atoms: atoms, bonds: bonds)
        #expect(m.degree(of: 1) == 3)
        #expect(m.neighbors(of: 1).map(\.atom) == [0, 2, 3])
        #expect(m.neighbors(of: 1).map(\.bond) == [0, 1, 2])
        #expect(m.bond(between: 3, and: 1) == 2)
        #expect(m.bond(between: 0, and: 2) == nil)
    }

    @Test("invalid bonds are rejected with the bond named")
    func invalidBonds() {
        let atoms = [Atom(atomicNumber: 6), Atom(atomicNumber: 6)]
        #expect(throws: MoleculeError.self) { try Molecule(atoms: atoms, bonds: [Bond(begin: 0, end: 2, order: .single)]) }
        #expect(throws: MoleculeError.self) { try Molecule(atoms: atoms, bonds: [Bond(begin: 1, end: 1, order: .single)]) }
        do {
            _ = try Molecule(atoms: atoms, bonds: [Bond(begin: 0, end: 1, order: .single), Bond(begin: 1, end: 0, order: .double)])
            Issue.record("duplicate bond accepted")
        } catch {
            #expect(error.code == .duplicateBond)
            #expect(error.bond == 1)
        }
    }

    @Test("updateBond cannot move a bond")
    func updateBondKeepsEnds() throws {
        var m = try Molecule(atoms: [Atom(atomicNumber: 6), Atom(atomicNumber: 8)], bonds: [Bond(begin: 0, end: 1, order: .single)])
        m.updateBond(0) { $0.order = .double; $0.end = 0 }
        #expect(m.bonds[0].order == .double)
        #expect(m.bonds[0].end == 1)
    }
}
