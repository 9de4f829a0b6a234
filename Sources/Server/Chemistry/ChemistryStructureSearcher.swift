import Chemistry
import Exchange

/// The chemistry core's search behind the exchange's `StructureSearcher` seam.
///
/// - Substructure: the SMARTS is compiled once; each distinct stored structure is first tested with the
///   substructure screen (stored with the structure, so no molecule is read for it), and only the structures
///   whose screen holds every bit of the query's screen are read and matched; hits carry the number of
///   distinct occurrences (RDKit's `len(GetSubstructMatches(q))`, at most `matchCountCap`).
/// - Similarity: the query is read and standardized as stored structures are, and compared by Tanimoto on
///   Morgan fingerprints (radius 2, 2048 bits, RDKit-identical bits), read from the stored keys.
///
/// Keys missing or of another scheme are computed on the spot (the route stores them for next time).
public struct ChemistryStructureSearcher: StructureSearcher {
    let morgan: MorganGenerator
    let screen = SubstructureScreen.standard
    /// Match counts stop here, as RDKit's `maxMatches` default.
    public static let matchCountCap = 1000

    public init() throws(FingerprintError) {
        morgan = try MorganGenerator(radius: 2, bitCount: 2048)
    }

    public var keyScheme: String { "screen-1;morgan-r2-2048" }

    public func keys(for structure: String) -> StructureKeys? {
        guard let molecule = try? Molecule(smiles: structure) else { return nil }
        return StructureKeys(structure: structure, scheme: keyScheme,
                             screen: FingerprintText.encode(screen.fingerprint(of: molecule)),
                             similarity: FingerprintText.encode(morgan.fingerprint(of: molecule)))
    }

    public func substructure(_ smarts: String, in candidates: [StructureCandidate]) throws(StructureProblem) -> StructureSearchOutcome {
        try Self.refuseWhitespace(smarts, "a SMARTS pattern has no spaces")
        let query: SubstructureQuery
        do {
            query = try SubstructureQuery(smarts: smarts)
        } catch {
            throw StructureProblem(message: error.message, position: error.column)
        }
        let queryScreen = QueryScreen(screen.queryFingerprint(of: query))
        // Per distinct structure: did it pass the screen, and how many times does the pattern occur.
        var outcomes: [String: (passed: Bool, count: Int)] = [:]
        var screened = 0
        var hits: [StructureHit] = []
        for candidate in candidates {
            let outcome: (passed: Bool, count: Int)
            if let known = outcomes[candidate.structure] {
                outcome = known
            } else {
                outcome = match(query, queryScreen: queryScreen, candidate)
                outcomes[candidate.structure] = outcome
            }
            if outcome.passed { screened += 1 }
            if outcome.count > 0 { hits.append(StructureHit(candidate: candidate, matchCount: outcome.count, similarity: nil)) }
        }
        hits.sort(by: StructureHit.ranksBefore)
        return StructureSearchOutcome(hits: hits, screened: screened)
    }

    public func similar(to smiles: String, threshold: Double, top: Int?, in candidates: [StructureCandidate]) throws(StructureProblem) -> StructureSearchOutcome {
        let checked = try ChemistryStructureValidator().check(smiles: smiles)
        let queryMolecule: Molecule
        do {
            queryMolecule = try Molecule(smiles: checked.standardizedSmiles)
        } catch {
            throw StructureProblem(message: "the standardized query could not be read back: \(error.message)", position: nil)
        }
        let query = morgan.fingerprint(of: queryMolecule)
        let a = query.popcount
        var similarities: [String: Double?] = [:]
        var hits: [StructureHit] = []
        for candidate in candidates {
            let similarity: Double?
            if let known = similarities[candidate.structure] {
                similarity = known
            } else {
                similarity = similarityFingerprint(candidate).map { target in
                    var common = 0
                    for i in 0..<min(query.words.count, target.words.count) {
                        common &+= (query.words[i] & target.words[i]).nonzeroBitCount
                    }
                    return SimilarityMetric.tanimoto.similarity(a: a, b: target.popcount, common: common)
                }
                similarities[candidate.structure] = similarity
            }
            if let similarity, similarity >= threshold {
                hits.append(StructureHit(candidate: candidate, matchCount: nil, similarity: similarity))
            }
        }
        hits.sort(by: StructureHit.ranksBefore)
        if let top, hits.count > top { hits.removeSubrange(top...) }
        return StructureSearchOutcome(hits: hits, screened: nil)
    }

    /// Screen test, then the matcher; an unreadable stored structure never matches.
    func match(_ query: SubstructureQuery, queryScreen: QueryScreen, _ candidate: StructureCandidate) -> (passed: Bool, count: Int) {
        var molecule: Molecule?
        let stored = candidate.keys.flatMap { $0.scheme == keyScheme ? FingerprintText.decode($0.screen, bitCount: screen.bitCount) : nil }
        let target: Fingerprint
        if let stored {
            target = stored
        } else {
            guard let read = try? Molecule(smiles: candidate.structure) else { return (false, 0) }
            molecule = read
            target = screen.fingerprint(of: read)
        }
        guard queryScreen.passes(target) else { return (false, 0) }
        if molecule == nil { molecule = try? Molecule(smiles: candidate.structure) }
        guard let molecule else { return (true, 0) }
        return (true, query.matchCount(molecule, uniquify: true, max: Self.matchCountCap))
    }

    /// The stored Morgan fingerprint, or one computed now; nil for an unreadable structure.
    func similarityFingerprint(_ candidate: StructureCandidate) -> Fingerprint? {
        if let keys = candidate.keys, keys.scheme == keyScheme, let stored = FingerprintText.decode(keys.similarity, bitCount: morgan.bitCount) {
            return stored
        }
        guard let molecule = try? Molecule(smiles: candidate.structure) else { return nil }
        return morgan.fingerprint(of: molecule)
    }

    /// The readers take text after whitespace as a title; a query field holds only the query.
    static func refuseWhitespace(_ text: String, _ message: String) throws(StructureProblem) {
        let scalars = text.unicodeScalars
        if let space = scalars.firstIndex(where: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
            throw StructureProblem(message: message, position: scalars.distance(from: scalars.startIndex, to: space) + 1)
        }
    }
}
