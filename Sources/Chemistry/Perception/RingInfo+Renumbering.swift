extension RingInfo {
    /// The same rings after atoms and bonds that lie on no ring were deleted (hydrogen removal): indices are
    /// renumbered through `atomIndex` and `bondIndex` (old index to new, -1 for deleted), which keep the order
    /// of what remains, so rings keep their canonical start and direction and nothing has to be perceived again.
    func renumbered(atomIndex: [Int32], bondIndex: [Int32]) -> RingInfo {
        var result = self
        result.ringAtomList = ringAtomList.map { atomIndex[Int($0)] }
        result.ringBondList = ringBondList.map { bondIndex[Int($0)] }
        result.atomRings = atomRings.indices.filter { atomIndex[$0] >= 0 }.map { atomRings[$0] }
        result.atomSmallestRing = atomSmallestRing.indices.filter { atomIndex[$0] >= 0 }.map { atomSmallestRing[$0] }
        result.atomRingBonds = atomRingBonds.indices.filter { atomIndex[$0] >= 0 }.map { atomRingBonds[$0] }
        result.bondRings = bondRings.indices.filter { bondIndex[$0] >= 0 }.map { bondRings[$0] }
        result.bondSmallestRing = bondSmallestRing.indices.filter { bondIndex[$0] >= 0 }.map { bondSmallestRing[$0] }
        result.bondIsCyclic = bondIsCyclic.indices.filter { bondIndex[$0] >= 0 }.map { bondIsCyclic[$0] }
        result.bondBlock = bondBlock.indices.filter { bondIndex[$0] >= 0 }.map { bondBlock[$0] }
        return result
    }
}
