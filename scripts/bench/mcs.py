#!/usr/bin/env python3
"""MCS speed: our release build against RDKit's rdFMCS.FindMCS on the same pairs, in the same run.

    /work/.venv-ref/bin/python scripts/bench/mcs.py [--repeat N] [--skip-build]

Pairs are the reference sets (Tests/ChemistryTests/Resources/MCS/: 780 fentanyl-analog pairs, 200 random
approved-drug pairs), each with default options and with ringMatchesRingOnly + completeRingsOnly. Both sides
parse the SMILES before the clock starts and time only the MCS calls; RDKit gets the same timeout (10 s).
For each set the script prints pairs/second from CPU time (process time, which the other jobs on a shared
machine disturb least) and from wall-clock time, and how many answers agree.
"""
import os
import subprocess
import sys
import tempfile
import time

from rdkit import Chem, RDLogger
from rdkit.Chem import rdFMCS

RDLogger.DisableLog('rdApp.*')
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
DATA = os.path.join(ROOT, 'Tests', 'ChemistryTests', 'Resources', 'MCS')
OPTIONS = {'default': ({}, []), 'ring_complete': ({'ringMatchesRingOnly': True, 'completeRingsOnly': True}, ['ring', 'complete'])}


def rows(name):
    with open(os.path.join(DATA, name)) as f:
        return [line.rstrip('\n').split('\t') for line in f if line.strip() and not line.startswith('#')]


def pair_sets():
    analogs = [r[0] for r in rows('fentanyl_analogs.smi')]
    sets = []
    for label in OPTIONS:
        fentanyl = [(analogs[int(r[0])], analogs[int(r[1])]) for r in rows('fentanyl_pairs.tsv') if r[2] == label]
        drugs = [(r[0], r[1]) for r in rows('drug_pairs.tsv') if r[2] == label]
        sets.append(('fentanyl analogs', label, fentanyl))
        sets.append(('approved drugs', label, drugs))
    return sets


def rdkit_run(pairs, label, repeat):
    mols = [(Chem.MolFromSmiles(a), Chem.MolFromSmiles(b)) for a, b in pairs]
    options = OPTIONS[label][0]
    atoms = []
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for _ in range(repeat):
        atoms = [rdFMCS.FindMCS([a, b], timeout=10, **options).numAtoms for a, b in mols]
    return time.process_time() - cpu0, time.perf_counter() - wall0, atoms


def ours_run(bench, pairs, label, repeat):
    with tempfile.NamedTemporaryFile('w', suffix='.tsv', delete=False) as f:
        for a, b in pairs:
            f.write('%s\t%s\n' % (a, b))
        path = f.name
    try:
        run = subprocess.run([bench, 'mcs', path, 'timeout=10', 'repeat=%d' % repeat] + OPTIONS[label][1],
                             capture_output=True, text=True, check=True)
    finally:
        os.unlink(path)
    # The bench times the MCS calls only (parsing comes before), in wall-clock and process CPU seconds.
    wall = float(run.stderr.split('seconds ')[1].split()[0])
    cpu = float(run.stderr.split('cpu_seconds ')[1].split()[0])
    atoms = [int(line.split('\t')[1]) for line in run.stdout.splitlines() if not line.startswith('ERR')]
    return cpu, wall, atoms


def main():
    repeat = 1
    if '--repeat' in sys.argv:
        repeat = int(sys.argv[sys.argv.index('--repeat') + 1])
    if '--skip-build' not in sys.argv:
        subprocess.run(['swift', 'build', '-c', 'release', '--product', 'chemistry-bench'], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
    bin_path = subprocess.run(['swift', 'build', '-c', 'release', '--show-bin-path'], cwd=ROOT, check=True,
                              capture_output=True, text=True).stdout.strip()
    bench = os.path.join(bin_path, 'chemistry-bench')
    print('%-17s %-14s %6s | %12s %12s | %12s %12s | %8s | %s' % (
        'set', 'options', 'pairs', 'RDKit cpu/s', 'RDKit wall/s', 'ours cpu/s', 'ours wall/s', 'speed-up', 'same atoms'))
    for name, label, pairs in pair_sets():
        r_cpu, r_wall, r_atoms = rdkit_run(pairs, label, repeat)
        o_cpu, o_wall, o_atoms = ours_run(bench, pairs, label, repeat)
        n = len(pairs) * repeat
        same = sum(1 for x, y in zip(r_atoms, o_atoms) if x == y)
        print('%-17s %-14s %6d | %12.1f %12.1f | %12.1f %12.1f | %7.1fx | %d/%d' % (
            name, label, len(pairs), n / r_cpu, n / r_wall, n / o_cpu, n / o_wall, r_cpu / o_cpu, same, len(pairs)))


if __name__ == '__main__':
    main()
