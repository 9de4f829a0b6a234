extension RingInfo {
    /// The same rings after atoms and bonds that lie on no ring were deleted (hydrogen removal): indices are
    /// renumbered through `atomIndex` and `bondIndex` (old index to new, -1 for deleted), which keep the order
    /// of what remains, so rings keep their canonical start and direction and nothing has to be perceived again.
    func renumbered(atomIndex: [Int32], bondIndex: [Int32]) -> RingInfo {
        var result = self
        result.ringAtomList = ringAtomList.map { atomIndex[Int($0)] }
        result.ringBondList = ringBondList.map { bondIndex[Int($0)] }
        result.atomStats = atomStats.indices.filter { atomIndex[$0] >= 0 }.map { atomStats[$0] }
        result.bondStats = bondStats.indices.filter { bondIndex[$0] >= 0 }.map { bondStats[$0] }
        return result
    }

    /// The same rings under new atom and bond numbers (`newAtom[old]`, `newBond[old]`), so a renumbered
    /// molecule keeps its ring facts without a new ring search. Each ring is rotated back to the documented
    /// cycle order (lowest atom first, towards its lower ring neighbour).
    func renumbered(newAtom: [Int32], newBond: [Int32]) -> RingInfo {
        let atomCount = newAtom.count, bondCount = newBond.count
        guard atomStats.count == atomCount, bondStats.count == bondCount else {
            return RingInfo(atomCount: atomCount, bondCount: bondCount)
        }
        var result = RingInfo(atomCount: atomCount, bondCount: bondCount)
        for old in 0..<atomCount { result.atomStats[Int(newAtom[old])] = atomStats[old] }
        for old in 0..<bondCount { result.bondStats[Int(newBond[old])] = bondStats[old] }
        result.blockCount = blockCount
        result.cyclomaticNumber = cyclomaticNumber
        result.isComplete = isComplete
        result.ringAtomList.reserveCapacity(ringAtomList.count)
        result.ringBondList.reserveCapacity(ringBondList.count)
        for ring in 0..<ringCount {
            let atoms = self.atoms(ofRing: ring).map { newAtom[Int($0)] }
            let bonds = self.bonds(ofRing: ring).map { newBond[Int($0)] }
            let k = atoms.count
            var start = 0
            for i in 1..<k where atoms[i] < atoms[start] { start = i }
            let forward = atoms[(start + 1) % k] < atoms[(start + k - 1) % k]
            for step in 0..<k {
                if forward {
                    result.ringAtomList.append(atoms[(start + step) % k])
                    result.ringBondList.append(bonds[(start + step) % k])
                } else {
                    result.ringAtomList.append(atoms[(start - step + k) % k])
                    // Bond k joins atom k and k + 1; walking backwards, the bond after atom i is bond i - 1.
                    result.ringBondList.append(bonds[(start - step - 1 + 2 * k) % k])
                }
            }
            result.ringOffsets.append(Int32(result.ringAtomList.count))
        }
        return result
    }
}
