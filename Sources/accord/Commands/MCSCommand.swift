import ArgumentParser
import Chemistry
import Foundation

/// `accord mcs SMILES SMILES`: the maximum common substructure of two molecules, as one JSON line: the
/// SMARTS of the shared part, its atom and bond counts, whether the time limit cut the search short, and
/// which atoms (and bonds) correspond. Same semantics and defaults as RDKit's `rdFMCS.FindMCS`.
///
/// A SMILES that cannot be read gives one JSON line naming the argument, column and problem, and exit
/// status 1 (the arguments are unusable).
struct MCSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcs",
        abstract: "The maximum common substructure of two molecules (RDKit FindMCS semantics), as JSON.",
        discussion: """
            Prints {"smarts", "atoms", "bonds", "timed_out", "mapping", "bond_mapping", "first_atoms", \
            "second_atoms"}. "mapping" lists [first, second] atom index pairs (0-based, atoms in SMILES order \
            after ordinary hydrogens are folded into their neighbours, as RDKit's MolFromSmiles does); \
            "bond_mapping" the same for bonds.
            """
    )

    enum AtomCompare: String, ExpressibleByArgument, CaseIterable {
        case any, elements, isotopes
        case anyHeavy = "any-heavy"

        var comparison: MCSOptions.AtomComparison {
            switch self {
            case .any: return .any
            case .elements: return .elements
            case .isotopes: return .isotopes
            case .anyHeavy: return .anyHeavyAtom
            }
        }
    }

    enum BondCompare: String, ExpressibleByArgument, CaseIterable {
        case any, order
        case orderExact = "order-exact"

        var comparison: MCSOptions.BondComparison {
            switch self {
            case .any: return .any
            case .order: return .order
            case .orderExact: return .orderExact
            }
        }
    }

    @Argument(help: "The first molecule (SMILES).")
    var first: String

    @Argument(help: "The second molecule (SMILES).")
    var second: String

    @Flag(help: "Ring atoms and bonds match only ring atoms and bonds.")
    var ringMatchesRingOnly = false

    @Flag(help: "Rings of the smaller molecule are shared whole or not at all (implies ring bonds match ring bonds).")
    var completeRingsOnly = false

    @Option(help: "Give up after this many seconds and report the best substructure found so far (flagged timed_out).")
    var timeout: Double = 3600

    @Option(help: "How atoms are compared: any, elements, isotopes or any-heavy.")
    var atomCompare: AtomCompare = .elements

    @Option(help: "How bonds are compared: any, order (aromatic also matches single) or order-exact.")
    var bondCompare: BondCompare = .order

    @Flag(help: "Matched atoms also have the same total valence (with element comparison).")
    var matchValences = false

    @Flag(help: "Matched atoms also have the same formal charge.")
    var matchCharges = false

    func validate() throws {
        guard timeout.isFinite, timeout >= 0 else { throw ValidationError("--timeout must be a number of seconds, 0 or more") }
    }

    var options: MCSOptions {
        MCSOptions(
            atomComparison: atomCompare.comparison, bondComparison: bondCompare.comparison,
            ringMatchesRingOnly: ringMatchesRingOnly, completeRingsOnly: completeRingsOnly, matchValences: matchValences,
            matchFormalCharge: matchCharges, timeout: timeout)
    }

    func run() throws {
        let out = JSONLineWriter()
        var molecules: [Molecule] = []
        for (index, smiles) in [first, second].enumerated() {
            do {
                molecules.append(try Molecule(smiles: smiles))
            } catch {
                try out.write(InputError(argument: index + 1, smiles: smiles, column: error.column, error: error.message))
                throw ExitCode(1)
            }
        }
        let result = molecules[0].maximumCommonSubstructure(with: molecules[1], options: options)
        try out.write(Report(result, firstAtoms: molecules[0].atomCount, secondAtoms: molecules[1].atomCount))
    }

    struct InputError: Encodable {
        let argument: Int
        let smiles: String
        let column: Int
        let error: String
    }

    struct Report: Encodable {
        let smarts: String
        let atoms: Int
        let bonds: Int
        let timedOut: Bool
        let mapping: [[Int]]
        let bondMapping: [[Int]]
        let firstAtoms: Int
        let secondAtoms: Int

        init(_ r: MCSResult, firstAtoms: Int, secondAtoms: Int) {
            smarts = r.smarts
            atoms = r.atomCount
            bonds = r.bondCount
            timedOut = r.timedOut
            mapping = r.atomPairs.map { [$0.first, $0.second] }
            bondMapping = r.bondPairs.map { [$0.first, $0.second] }
            self.firstAtoms = firstAtoms
            self.secondAtoms = secondAtoms
        }

        enum CodingKeys: String, CodingKey {
            case smarts, atoms, bonds
            case timedOut = "timed_out"
            case mapping
            case bondMapping = "bond_mapping"
            case firstAtoms = "first_atoms"
            case secondAtoms = "second_atoms"
        }
    }
}
