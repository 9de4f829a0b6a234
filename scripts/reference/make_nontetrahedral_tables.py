#!/usr/bin/env python3
"""Derive the geometry of OpenSMILES' square-planar (@SP), trigonal-bipyramidal (@TB) and octahedral (@OH)
stereo classes from RDKit's behaviour, and print the tables that Sources/Chemistry/Molecule/
NonTetrahedralGeometry.swift holds.

Why: each class number means a geometry relative to the order neighbours are written in. Re-expressing a
class for another neighbour order (the reference order of `Chirality`) needs that geometry. We describe each
class by the positions that are trans to each other plus, for TB and OH, one handedness bit, and fit the
handedness bits so that every (class, neighbour order) pair RDKit calls the same stereoisomer (same canonical
SMILES) gets the same geometric key. The script checks the fit against every pair and fails if any disagrees.

    /work/.venv-ref/bin/python scripts/reference/make_nontetrahedral_tables.py
"""
import itertools
import sys
from rdkit import Chem

LIGANDS = ['F', 'Cl', 'Br', 'I', 'O', 'N']

# Axial pairs of @TB1..@TB20 and trans partners of @OH1..@OH30 (OpenSMILES specification), except that
# RDKit 2026.09 treats @TB10 as having the axis b-d and @TB11 the axis b-e (the specification lists b-e for
# @TB10 and b-d for @TB11); we follow RDKit, the project's oracle.
TB_AXIAL = [None, (0, 4), (0, 4), (0, 3), (0, 3), (0, 2), (0, 2), (0, 1), (0, 1), (1, 4), (1, 3), (1, 4), (1, 3),
            (1, 2), (1, 2), (2, 4), (2, 3), (3, 4), (3, 4), (2, 3), (2, 4)]
OH_TRANS = [None,
            [5, 3, 4, 1, 2, 0], [5, 3, 4, 1, 2, 0], [4, 3, 5, 1, 0, 2], [5, 4, 3, 2, 1, 0], [4, 5, 3, 2, 0, 1],
            [3, 4, 5, 0, 1, 2], [3, 5, 4, 0, 2, 1], [5, 2, 1, 4, 3, 0], [4, 2, 1, 5, 0, 3], [5, 2, 1, 4, 3, 0],
            [4, 2, 1, 5, 0, 3], [3, 2, 1, 0, 5, 4], [3, 2, 1, 0, 5, 4], [5, 4, 3, 2, 1, 0], [4, 5, 3, 2, 0, 1],
            [4, 3, 5, 1, 0, 2], [3, 5, 4, 0, 2, 1], [3, 4, 5, 0, 1, 2], [2, 4, 0, 5, 1, 3], [2, 5, 0, 4, 3, 1],
            [2, 3, 0, 1, 5, 4], [2, 3, 0, 1, 5, 4], [2, 5, 0, 4, 3, 1], [2, 4, 0, 5, 1, 3], [1, 0, 4, 5, 2, 3],
            [1, 0, 5, 4, 3, 2], [1, 0, 3, 2, 5, 4], [1, 0, 3, 2, 5, 4], [1, 0, 5, 4, 3, 2], [1, 0, 4, 5, 2, 3]]


def det(a, b, c):
    return (a[0] * (b[1] * c[2] - b[2] * c[1]) - a[1] * (b[0] * c[2] - b[2] * c[0]) + a[2] * (b[0] * c[1] - b[1] * c[0]))


def tb_positions(k, hand):
    i, j = TB_AXIAL[k]
    eq = [p for p in range(5) if p not in (i, j)]
    pos = {i: (0, 0, 1), j: (0, 0, -1)}
    ring = [(1, 0, 0), (-0.5, 0.866, 0), (-0.5, -0.866, 0)]
    if hand < 0:
        ring = [ring[0], ring[2], ring[1]]
    for p, xyz in zip(eq, ring):
        pos[p] = xyz
    return pos


def oh_positions(k, hand):
    trans = OH_TRANS[k]
    pos = {0: (0, 0, 1), trans[0]: (0, 0, -1)}
    eq = [p for p in range(6) if p not in (0, trans[0])]
    p = eq[0]
    q = trans[p]
    r = min(x for x in eq if x not in (p, q))
    s = trans[r]
    ring = [(1, 0, 0), (0, 1, 0), (-1, 0, 0), (0, -1, 0)]
    order = [p, r, q, s] if hand > 0 else [p, s, q, r]
    for x, xyz in zip(order, ring):
        pos[x] = xyz
    return pos


def key(pos_of_ligand):
    """Rotation-invariant key of a labelled geometry: trans pairs plus the sign of one cis triple."""
    ligs = sorted(pos_of_ligand)
    def is_trans(a, b):
        pa, pb = pos_of_ligand[a], pos_of_ligand[b]
        return sum(x * y for x, y in zip(pa, pb)) < -0.99
    pairs = tuple(sorted((a, b) for a in ligs for b in ligs if a < b and is_trans(a, b)))
    l0 = ligs[0]
    cis = [x for x in ligs if x != l0 and not is_trans(l0, x)]
    if len(ligs) == 4:
        return pairs
    m1 = cis[0]
    # The first cis ligand that is neither trans to m1 nor in the plane of l0 and m1 (in a trigonal
    # bipyramid the three equatorial ligands are coplanar).
    for m2 in cis:
        if m2 == m1 or is_trans(m1, m2):
            continue
        d = det(pos_of_ligand[l0], pos_of_ligand[m1], pos_of_ligand[m2])
        if abs(d) > 0.1:
            return pairs, d > 0
    return pairs, False


def canon(kind, k, order):
    smi = '[Fe@%s%d]' % (kind, k) + ''.join('(%s)' % LIGANDS[i] for i in order[:-1]) + LIGANDS[order[-1]]
    return Chem.MolToSmiles(Chem.MolFromSmiles(smi))


def fit(kind, n, classes, positions):
    groups = {}
    for k in range(1, classes + 1):
        for perm in itertools.permutations(range(n)):
            groups.setdefault(canon(kind, k, perm), []).append((k, perm))
    hands = {1: 1}
    # Fix each class's hand by finding a permutation of class 1 that RDKit calls the same stereoisomer.
    def lig_key(k, hand, perm):
        base = positions(k, hand)
        return key({perm[p]: base[p] for p in range(n)})
    for members in groups.values():
        anchor = [m for m in members if m[0] == 1]
        if not anchor:
            continue
        ref = lig_key(1, 1, anchor[0][1])
        for k, perm in members:
            if k in hands:
                continue
            for hand in (1, -1):
                if lig_key(k, hand, perm) == ref:
                    hands[k] = hand
                    break
    assert len(hands) == classes, (kind, hands)
    # Check every pair: one key per RDKit stereoisomer, and different stereoisomers have different keys.
    seen = set()
    for members in groups.values():
        keys = {lig_key(k, hands[k], perm) for k, perm in members}
        if len(keys) != 1:
            sys.exit('%s: the fitted geometry disagrees with RDKit' % kind)
        seen |= keys
    if len(seen) != len(groups):
        sys.exit('%s: the geometric key does not tell stereoisomers apart' % kind)
    return [hands[k] for k in range(1, classes + 1)], len(groups)


def main():
    # Square planar: trans partner tables, found by brute force over the three partitions.
    partitions = [((0, 2), (1, 3)), ((0, 1), (2, 3)), ((0, 3), (1, 2))]
    groups = {}
    for k in range(1, 4):
        for perm in itertools.permutations(range(4)):
            groups.setdefault(canon('SP', k, perm), []).append((k, perm))
    found = None
    for choice in itertools.permutations(partitions):
        ok = True
        for members in groups.values():
            keys = set()
            for k, perm in members:
                keys.add(tuple(sorted(tuple(sorted((perm[a], perm[b]))) for a, b in choice[k - 1])))
            if len(keys) != 1:
                ok = False
                break
        if ok:
            found = choice
            break
    if found is None:
        sys.exit('square planar: no partition assignment matches RDKit')
    print('SP trans pairs per class 1..3:', found)
    tb, ntb = fit('TB', 5, 20, tb_positions)
    print('TB hands 1..20 (%d stereoisomers):' % ntb, tb)
    oh, noh = fit('OH', 6, 30, oh_positions)
    print('OH hands 1..30 (%d stereoisomers):' % noh, oh)


if __name__ == '__main__':
    main()
