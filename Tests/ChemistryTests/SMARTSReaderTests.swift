import Chemistry
import Testing

/// The SMARTS reader against RDKit's `MolFromSmarts` (Resources/SMARTS/parse.tsv) and on its own error
/// reporting.
@Suite("SMARTS reader")
struct SMARTSReaderTests {
    /// Accepts exactly what RDKit accepts, with two documented exceptions: a ring closure with different bonds
    /// on its two sides (RDKit keeps the opening one; we refuse, as Daylight and Open Babel do) and an empty
    /// pattern (RDKit returns an empty query; we refuse it).
    @Test("accepts and rejects what RDKit does on 6,400 hand-made and mutated SMARTS")
    func rdkitAgreement() {
        let rows = ReferenceData.rows("SMARTS/parse.tsv")
        #expect(rows.count > 6000)
        var agree = 0
        var deviations: [String: Int] = [:]
        var problems: [String] = []
        for row in rows {
            let smarts = String(row[0])
            let rdkitAccepts = row[1] == "OK"
            do throws(SMARTSError) {
                let query = try SubstructureQuery(smarts: smarts)
                if rdkitAccepts {
                    agree += 1
                } else {
                    problems.append("accepted '\(smarts)' (\(query.atomCount) atoms), RDKit rejects it")
                }
            } catch {
                #expect(error.column >= 1 && error.column <= smarts.unicodeScalars.count + 1, "\(smarts): \(error)")
                #expect(!error.message.isEmpty)
                if !rdkitAccepts {
                    agree += 1
                } else if error.code == .conflictingRingBond || error.code == .empty {
                    deviations[error.code.name, default: 0] += 1
                } else {
                    problems.append("rejected '\(smarts)' (\(error.code): \(error.message)), RDKit accepts it")
                }
            }
        }
        #expect(problems.isEmpty, "\(problems.count) disagreements:\n\(problems.prefix(40).joined(separator: "\n"))")
        #expect(agree + deviations.values.reduce(0, +) == rows.count)
        // The documented exceptions stay rare.
        #expect(deviations.values.reduce(0, +) < rows.count / 100, "\(deviations)")
    }

    @Test("errors name the problem and its column", arguments: [
        ("", SMARTSError.Code.empty, 1),
        ("C(", .unbalancedParenthesis, 2),
        ("C)", .unbalancedParenthesis, 2),
        ("C(C", .unbalancedParenthesis, 2),
        ("CC(=)C", .bondWithoutAtom, 4),
        ("C()", .emptyBranch, 2),
        ("C.", .misplacedDot, 2),
        (".C", .misplacedDot, 1),
        ("(C).(C)", .unsupported, 1),
        ("C.(C)", .unsupported, 3),
        ("C=", .bondWithoutAtom, 2),
        ("[C", .unclosedBracketAtom, 1),
        ("C[]", .emptyBracketAtom, 2),
        ("C[Q]", .unknownElement, 3),
        ("C[C&]", .missingOperand, 4),
        ("[,C]", .missingOperand, 2),
        ("[!]", .missingOperand, 2),
        ("C1CC", .unclosedRing, 2),
        ("C11", .ringClosureToSelf, 3),
        ("C1C1", .duplicateBond, 4),
        ("C=1CC#1", .conflictingRingBond, 6),
        ("C%1CC", .invalidRingNumber, 2),
        ("[#]", .invalidAtomicNumber, 2),
        ("[C:2147483640]", .numberTooLarge, 4),
        ("[C@TH3]", .invalidChirality, 3),
        ("[^6]", .invalidHybridization, 2),
        ("[D{3]", .invalidRange, 3),
        ("[H+C]", .unexpectedCharacter, 4),
        ("[$()]", .emptyRecursion, 2),
        ("[$(CC]", .unexpectedCharacter, 6),
        ("[C:]", .invalidAtomMap, 3),
        ("Xe", .unknownElement, 1),
        ("CH", .unexpectedCharacter, 2),
        ("C C(", .unbalancedParenthesis, 0),
    ])
    func errorCodes(_ smarts: String, _ code: SMARTSError.Code, _ column: Int) {
        do throws(SMARTSError) {
            let query = try SubstructureQuery(smarts: smarts)
            // "C C(" has the title "C(": the pattern itself is valid.
            #expect(column == 0, "accepted '\(smarts)' with \(query.atomCount) atoms")
        } catch {
            #expect(error.code == code, "\(smarts): \(error)")
            #expect(error.column == column, "\(smarts): \(error)")
        }
    }

    @Test("the description shows the pattern with a caret under the column")
    func caret() throws {
        do throws(SMARTSError) {
            _ = try SubstructureQuery(smarts: "CC(=O)[N;H2&]C")
            Issue.record("accepted an invalid pattern")
        } catch {
            #expect(error.column == 12)
            let lines = error.description.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count == 3)
            #expect(lines[1] == "  CC(=O)[N;H2&]C")
            #expect(lines[2] == "  " + String(repeating: " ", count: 11) + "^")
        }
    }

    @Test("a title after whitespace is kept and is not part of the pattern")
    func title() throws {
        let query = try SubstructureQuery(smarts: "  [NX3;H2]c1ccccc1 aniline nitrogen ")
        #expect(query.name == "aniline nitrogen")
        #expect(query.atomCount == 7)
    }

    @Test("recursion deeper than the bound is refused, not a stack overflow")
    func recursionDepth() throws {
        var nested = "C"
        for _ in 0..<60 { nested = "[$(\(nested))]" }
        #expect(throws: Never.self) { try SubstructureQuery(smarts: nested) }
        var deep = "C"
        for _ in 0..<200 { deep = "[$(\(deep))]" }
        do throws(SMARTSError) {
            _ = try SubstructureQuery(smarts: deep)
            Issue.record("accepted recursion 200 deep")
        } catch {
            #expect(error.code == .tooDeeplyNested)
        }
    }
}
