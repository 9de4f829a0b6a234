import Testing

@testable import Chemistry

/// Searches return exactly the brute-force answer on a real library (10,000 ChEMBL molecules), whatever the
/// pruning and the number of threads.
@Suite struct SearchTests {
    static let library = LibraryFixture.chembl
    static let arena = try? LibraryFixture.arena(library)
    static let queries = Array(LibraryFixture.queries.enumerated().filter { $0.offset % 100 == 0 }.map(\.element))

    @Test(arguments: [0.0, 0.3, 0.4, 0.55, 0.7, 0.9, 1.0])
    func thresholdSearchIsExact(threshold: Double) throws {
        let arena = try #require(Self.arena)
        #expect(arena.count == Self.library.count && arena.count > 9_000)
        for query in Self.queries {
            let expected = LibraryFixture.bruteForce(query.fingerprint, Self.library, metric: .tanimoto)
                .filter { $0.similarity >= threshold }
            for threads in [1, 2, 3] {
                let found = try arena.search(query.fingerprint, threshold: threshold, threads: threads)
                #expect(found == expected, "query \(query.name) threshold \(threshold) threads \(threads)")
            }
        }
    }

    @Test(arguments: [1, 10, 100, 1000])
    func topKIsExact(k: Int) throws {
        let arena = try #require(Self.arena)
        for query in Self.queries {
            let expected = Array(LibraryFixture.bruteForce(query.fingerprint, Self.library, metric: .tanimoto).prefix(k))
            for threads in [1, 2] {
                let found = try arena.search(query.fingerprint, top: k, threads: threads)
                #expect(found == expected, "query \(query.name) k \(k) threads \(threads)")
            }
        }
    }

    @Test func topKWithThresholdStopsAtTheThreshold() throws {
        let arena = try #require(Self.arena)
        let query = Self.queries[3].fingerprint
        let expected = Array(LibraryFixture.bruteForce(query, Self.library, metric: .tanimoto).filter { $0.similarity >= 0.35 }.prefix(50))
        #expect(try arena.search(query, top: 50, threshold: 0.35) == expected)
    }

    @Test(arguments: [(1.0, 0.0), (0.0, 1.0), (0.5, 0.5), (0.9, 0.1), (2.0, 1.0)])
    func tverskySearchIsExact(alpha: Double, beta: Double) throws {
        let arena = try #require(Self.arena)
        let metric = SimilarityMetric.tversky(alpha: alpha, beta: beta)
        for query in Self.queries.prefix(10) {
            let all = LibraryFixture.bruteForce(query.fingerprint, Self.library, metric: metric)
            #expect(try arena.search(query.fingerprint, threshold: 0.6, metric: metric) == all.filter { $0.similarity >= 0.6 })
            #expect(try arena.search(query.fingerprint, top: 25, metric: metric) == Array(all.prefix(25)))
        }
    }

    @Test func bulkSimilaritiesAreInInputOrder() throws {
        let arena = try #require(Self.arena)
        let query = Self.queries[0].fingerprint
        let sims = try arena.similarities(to: query, threads: 2)
        let expected = LibraryFixture.bruteForce(query, Self.library, metric: .tanimoto)
        #expect(sims.count == Self.library.count)
        for hit in expected { #expect(sims[hit.index] == hit.similarity) }
    }

    @Test func arenaKeepsNamesFingerprintsAndPopcounts() throws {
        let arena = try #require(Self.arena)
        for i in stride(from: 0, to: Self.library.count, by: 97) {
            #expect(arena.name(at: i) == Self.library[i].name)
            #expect(arena.fingerprint(at: i) == Self.library[i].fingerprint)
            #expect(arena.popcount(at: i) == Self.library[i].fingerprint.popcount)
        }
        #expect(arena.type == "test")
    }

    @Test func badQueriesAreErrors() throws {
        let arena = try #require(Self.arena)
        #expect(throws: FingerprintError.self) { try arena.search(Fingerprint(bitCount: 1024), threshold: 0.5) }
        #expect(throws: FingerprintError.self) { try arena.search(Fingerprint(bitCount: 2048), threshold: .nan) }
        #expect(throws: FingerprintError.self) { try arena.search(Fingerprint(bitCount: 2048), top: -1) }
        #expect(throws: FingerprintError.self) {
            try arena.search(Fingerprint(bitCount: 2048), threshold: 0.5, metric: .tversky(alpha: -1, beta: 1))
        }
        var builder = try FingerprintArena.Builder(bitCount: 2048)
        #expect(throws: FingerprintError.self) { try builder.append(Fingerprint(bitCount: 1024), name: "x") }
    }

    @Test func emptyFingerprintsHaveSimilarityZero() throws {
        var builder = try FingerprintArena.Builder(bitCount: 64)
        try builder.append(Fingerprint(bitCount: 64), name: "empty")
        try builder.append(Fingerprint(bitCount: 64, onBits: [1, 2]), name: "two")
        let arena = builder.build()
        let hits = try arena.search(Fingerprint(bitCount: 64), threshold: 0)
        #expect(hits == [SimilarityHit(index: 0, similarity: 0), SimilarityHit(index: 1, similarity: 0)])
        #expect(try arena.search(Fingerprint(bitCount: 64), threshold: 0.01).isEmpty)
        let empty = try FingerprintArena.Builder(bitCount: 64).build()
        #expect(try empty.search(Fingerprint(bitCount: 64), top: 5).isEmpty)
    }
}
