import Chemistry
import Testing

@Suite("Element table")
struct ElementTableTests {
    @Test("symbols round-trip through atomic numbers")
    func symbolsRoundTrip() {
        for z in 1...ElementTable.maxAtomicNumber {
            let symbol = ElementTable.symbol(z)
            #expect(symbol != nil)
            #expect(ElementTable.atomicNumber(symbol: symbol ?? "") == z)
        }
        #expect(ElementTable.atomicNumber(symbol: "CL") == nil)
        #expect(ElementTable.symbol(119) == nil)
    }

    @Test("isotope lookups find exact masses and reject unknown isotopes")
    func isotopes() {
        let c13 = ElementTable.isotopeMass(6, massNumber: 13)
        #expect(c13.map { abs($0 - 13.003354835) < 1e-6 } == true)
        #expect(ElementTable.isotopeMass(6, massNumber: 99) == nil)
        #expect(ElementTable.mostCommonIsotope(17) == 35)
    }
}
