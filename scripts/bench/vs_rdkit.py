#!/usr/bin/env python3
"""The RDKit / FPSim2 side of scripts/bench-vs-rdkit, and the table.

Both sides get the same files, made here from the molecules committed under
Tests/ChemistryTests/Resources/Fingerprints (ChEMBL sets: chembl_20_chiral, first_5K, a NextMove sample):
- molecules.smi: every molecule RDKit reads (about 20,000), for reading, Morgan and as the search library;
- queries.smi: 100 molecules of first_5K (every 50th), the search queries.
Every rate is the best of 3 repetitions on one core (one thread, n_workers=1), measured in the same run, in
items per second of CPU time used (the machine is shared; wall time would charge other work to both sides).
"""
import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time

from rdkit import Chem, DataStructs, RDLogger, rdBase
from rdkit.Chem import rdFingerprintGenerator

RDLogger.DisableLog('rdApp.*')
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
SETS = ['chembl_20_chiral', 'first_5K', 'nextmove_chembl_sample']


def best(fn, repeats=3):
    """The least CPU time of `repeats` runs (process time: on a shared machine, time-slicing with other work
    does not count against either side; both sides measure the same way)."""
    t = float('inf')
    for _ in range(repeats):
        start = time.process_time()
        fn()
        t = min(t, time.process_time() - start)
    return t


def prepare(folder, quick):
    rows = []
    for s in SETS:
        with open(os.path.join(ROOT, 'Tests', 'ChemistryTests', 'Resources', 'Fingerprints', 'morgan_%s.tsv' % s)) as fh:
            for line in fh:
                if line.startswith('#'):
                    continue
                parts = line.rstrip('\n').split('\t')
                if len(parts) > 2 and parts[2] == 'OK':
                    rows.append((s, parts[0]))
    library = [smi for _, smi in rows]
    queries = [smi for s, smi in rows if s == 'first_5K'][::50][:(20 if quick else 100)]
    lib_path = os.path.join(folder, 'molecules.smi')
    q_path = os.path.join(folder, 'queries.smi')
    with open(lib_path, 'w') as fh:
        fh.writelines('%s %d\n' % (smi, i) for i, smi in enumerate(library))
    with open(q_path, 'w') as fh:
        fh.writelines('%s q%d\n' % (smi, i) for i, smi in enumerate(queries))
    return lib_path, q_path, library, queries


def swift(rates, *args):
    out = subprocess.run([rates] + [str(a) for a in args], check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--rates', required=True)
    ap.add_argument('--cpu', default='native')
    ap.add_argument('--quick', action='store_true')
    args = ap.parse_args()
    folder = tempfile.mkdtemp(prefix='accord-bench-')
    lib_path, q_path, library, queries = prepare(folder, args.quick)
    gen = rdFingerprintGenerator.GetMorganGenerator(radius=2, fpSize=2048)
    mols = [Chem.MolFromSmiles(s) for s in library]
    lib_fps = [gen.GetFingerprint(m) for m in mols]
    q_fps = [gen.GetFingerprint(Chem.MolFromSmiles(s)) for s in queries]
    rows = []  # (workload, unit, ours, theirs, reference name)

    # SMILES reading with full perception.
    t = best(lambda: [Chem.MolFromSmiles(s) for s in library])
    ours = swift(args.rates, 'read', lib_path)
    rows.append(('SMILES read + perception', 'molecules/s', ours['rate'], len(library) / t, 'RDKit MolFromSmiles'))

    rows.append(('canonical SMILES', 'molecules/s', None, None, 'not available (needs chem-canon)'))

    # Morgan fingerprints from perceived molecules.
    t = best(lambda: [gen.GetFingerprint(m) for m in mols])
    ours = swift(args.rates, 'morgan', lib_path)
    rows.append(('Morgan r2 2048 bits', 'molecules/s', ours['rate'], len(mols) / t, 'RDKit GetMorganGenerator'))

    # Brute-force Tanimoto.
    t = best(lambda: [DataStructs.BulkTanimotoSimilarity(q, lib_fps) for q in q_fps])
    ours = swift(args.rates, 'bulk', lib_path, q_path)
    rows.append(('Tanimoto, every pair', 'comparisons/s', ours['rate'], len(q_fps) * len(lib_fps) / t,
                 'RDKit BulkTanimotoSimilarity'))

    # FPSim2 threshold and top-k searches over the same fingerprints.
    from FPSim2 import FPSim2Engine
    from FPSim2.io import create_db_file
    import FPSim2
    h5 = os.path.join(folder, 'library.h5')
    create_db_file([[s, i] for i, s in enumerate(library)], h5, 'smiles', 'Morgan', {'radius': 2, 'fpSize': 2048})
    engine = FPSim2Engine(h5)
    for threshold in (0.4, 0.7):
        hits = []
        t = best(lambda: hits.append(sum(len(engine.similarity(q, threshold=threshold, n_workers=1)) for q in q_fps)))
        ours = swift(args.rates, 'threshold', lib_path, q_path, threshold, 1)
        rows.append(('threshold %.1f search' % threshold, 'queries/s', ours['rate'], len(q_fps) / t,
                     'FPSim2 %s similarity (hits %d vs %d)' % (FPSim2.__version__, ours['hits'], hits[-1])))
    hits = []
    t = best(lambda: hits.append(sum(len(engine.top_k(q, k=10, threshold=0.0, n_workers=1)) for q in q_fps)))
    ours = swift(args.rates, 'top', lib_path, q_path, 10, 1)
    rows.append(('top-10 search', 'queries/s', ours['rate'], len(q_fps) / t,
                 'FPSim2 %s top_k (hits %d vs %d)' % (FPSim2.__version__, ours['hits'], hits[-1])))

    rows.append(('substructure, screened', 'queries/s', None, None, 'not available (needs chem-smarts)'))
    rows.append(('MCS', 'pairs/s', None, None, 'not available (needs chem-mcs)'))
    rows.append(('SDF read', 'records/s', None, None, 'not available (needs chem-molfile)'))

    print('Accord vs RDKit %s, %d molecules, %d queries, one core each, rates per CPU second, Swift build: %s (%s)' % (
        rdBase.rdkitVersion, len(library), len(queries), args.cpu, platform.processor() or platform.machine()))
    print('| workload | unit | Accord | reference | ratio | reference tool |')
    print('|---|---|---:|---:|---:|---|')
    for name, unit, ours, theirs, ref in rows:
        if ours is None:
            print('| %s | %s | n/a | n/a | n/a | %s |' % (name, unit, ref))
        else:
            print('| %s | %s | %s | %s | %.1fx | %s |' % (name, unit, fmt(ours), fmt(theirs), ours / theirs, ref))


def fmt(x):
    if x >= 1e6:
        return '%.1f M' % (x / 1e6)
    if x >= 1e3:
        return '%.1f k' % (x / 1e3)
    return '%.1f' % x


if __name__ == '__main__':
    main()
