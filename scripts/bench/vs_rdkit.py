#!/usr/bin/env python3
"""The RDKit / FPSim2 side of scripts/bench-vs-rdkit, and the table.

Both sides get the same files, made here from the molecules committed under
Tests/ChemistryTests/Resources/Fingerprints (ChEMBL sets: chembl_20_chiral, first_5K, a NextMove sample):
- molecules.smi: every molecule RDKit reads (about 20,000), for reading, Morgan and as the search library;
- queries.smi: 100 molecules of first_5K (every 50th), the search queries;
- queries.sma: 100 SMARTS of issue 3's sets (every 9th RLewis filter, every 16th RDKit substructure query read
  as SMARTS), searched over molecules.smi with the substructure screen on both sides;
- pairs.tsv: the 780 fentanyl-analog pairs of the MCS reference set (default options);
- molecules.sdf: the committed SD files, uncompressed into one.
Every rate is the best of 3 repetitions on one core (one thread, n_workers=1), measured in the same run, in
items per second of CPU time used (the machine is shared; wall time would charge other work to both sides).
"""
import argparse
import gzip
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


def resource(*parts):
    return os.path.join(ROOT, 'Tests', 'ChemistryTests', 'Resources', *parts)


def prepare_smarts(folder, quick):
    """SMARTS queries both sides read: every 9th RLewis filter and every 16th of RDKit's substructure queries
    read as SMARTS (Resources/SMARTS/patterns.tsv, the sets of issue 3)."""
    sets = {'rlewis': [], 'queries-smarts': []}
    with open(resource('SMARTS', 'patterns.tsv')) as fh:
        for line in fh:
            parts = line.rstrip('\n').split('\t')
            if not line.startswith('#') and len(parts) > 1 and parts[0] in sets and Chem.MolFromSmarts(parts[1]) is not None:
                sets[parts[0]].append(parts[1])
    smarts = sets['rlewis'][::9] + sets['queries-smarts'][::16]
    if quick:
        smarts = smarts[::5]
    path = os.path.join(folder, 'queries.sma')
    with open(path, 'w') as fh:
        fh.writelines('%s\n' % q for q in smarts)
    return path, smarts


def prepare_mcs(folder, quick):
    """Fentanyl-analog pairs of the MCS reference set (Resources/MCS), default options."""
    with open(resource('MCS', 'fentanyl_analogs.smi')) as fh:
        analogs = [line.split()[0] for line in fh if line.strip() and not line.startswith('#')]
    pairs = []
    with open(resource('MCS', 'fentanyl_pairs.tsv')) as fh:
        for line in fh:
            parts = line.split('\t')
            if not line.startswith('#') and len(parts) > 2 and parts[2] == 'default':
                pairs.append((analogs[int(parts[0])], analogs[int(parts[1])]))
    if quick:
        pairs = pairs[:100]
    path = os.path.join(folder, 'pairs.tsv')
    with open(path, 'w') as fh:
        fh.writelines('%s\t%s\n' % p for p in pairs)
    return path, pairs


def prepare_sdf(folder):
    """The committed SD files (Resources/molfile: PubChem, ChEMBL 2D, 3D, V3000 and parity sets, CDK2), as one
    uncompressed file so that neither side pays for gzip."""
    path = os.path.join(folder, 'molecules.sdf')
    names = ['mols.1000.sdf.gz', 'chembl_2d.sdf.gz', 'chembl_3d.sdf.gz', 'chembl_v3000.sdf.gz', 'chembl_parity.sdf.gz', 'cdk2.sdf']
    with open(path, 'wb') as out:
        for name in names:
            opener = gzip.open if name.endswith('.gz') else open
            with opener(resource('molfile', name), 'rb') as fh:
                data = fh.read()
            out.write(data if data.endswith(b'\n') else data + b'\n')
    return path


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
    notes = []  # lines printed under the table

    # SMILES reading with full perception.
    t = best(lambda: [Chem.MolFromSmiles(s) for s in library])
    ours = swift(args.rates, 'read', lib_path)
    rows.append(('SMILES read + perception', 'molecules/s', ours['rate'], len(library) / t, 'RDKit MolFromSmiles'))

    # Canonical SMILES of perceived molecules.
    t = best(lambda: [Chem.MolToSmiles(m) for m in mols])
    ours = swift(args.rates, 'canon', lib_path)
    rows.append(('canonical SMILES', 'molecules/s', ours['rate'], len(mols) / t, 'RDKit MolToSmiles'))

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

    # Screened substructure search: the same SMARTS over the same library, molecules and screens held in
    # memory on both sides (built before the clock starts), every match returned.
    from rdkit.Chem import rdSubstructLibrary
    smarts_path, smarts = prepare_smarts(folder, args.quick)
    sslib = rdSubstructLibrary.SubstructLibrary(rdSubstructLibrary.MolHolder(), rdSubstructLibrary.PatternHolder())
    for m in mols:
        sslib.AddMol(m)
    patterns = [Chem.MolFromSmarts(q) for q in smarts]
    hits = []
    t = best(lambda: hits.append(sum(len(sslib.GetMatches(q, numThreads=1, maxResults=len(mols), useChirality=False))
                                     for q in patterns)))
    ours = swift(args.rates, 'screen', lib_path, smarts_path)
    rows.append(('substructure, screened', 'queries/s', ours['rate'], len(patterns) / t,
                 'RDKit SubstructLibrary + PatternHolder (hits %d vs %d; our screen rejected %.1f%% of pairs)' % (
                     ours['hits'], hits[-1], 100.0 * ours['rejected'] / max(1, ours['pairs']))))
    notes.append('substructure: without the screen (matcher on every molecule) Accord does %s queries/s (hits %d); '
                 'computing the screens of the library: %s molecules/s' % (
                     fmt(ours['unscreened_rate']), ours['unscreened_hits'], fmt(ours['screens_per_second'])))

    # MCS of fentanyl-analog pairs, default options, timeout 10 s on both sides.
    from rdkit.Chem import rdFMCS
    pairs_path, pairs = prepare_mcs(folder, args.quick)
    pair_mols = [(Chem.MolFromSmiles(a), Chem.MolFromSmiles(b)) for a, b in pairs]
    atoms = []
    t = best(lambda: atoms.append(sum(rdFMCS.FindMCS([a, b], timeout=10).numAtoms for a, b in pair_mols)))
    ours = swift(args.rates, 'mcs', pairs_path)
    rows.append(('MCS, fentanyl analogs', 'pairs/s', ours['rate'], len(pair_mols) / t,
                 'RDKit FindMCS, default options (MCS atoms %d vs %d)' % (ours['atoms'], atoms[-1])))

    # SD file reading: parse, perception, stereo from the drawing, hydrogens folded (RDKit's defaults).
    sdf_path = prepare_sdf(folder)
    records = []

    def read_sdf():
        with open(sdf_path, 'rb') as fh:
            records.append(sum(1 for _ in Chem.ForwardSDMolSupplier(fh)))
    t = best(read_sdf)
    ours = swift(args.rates, 'sdf', sdf_path)
    rows.append(('SDF read', 'records/s', ours['rate'], records[-1] / t,
                 'RDKit ForwardSDMolSupplier (%d records)' % records[-1]))

    print('Accord vs RDKit %s, %d molecules, %d queries, one core each, rates per CPU second, Swift build: %s (%s)' % (
        rdBase.rdkitVersion, len(library), len(queries), args.cpu, platform.processor() or platform.machine()))
    print('| workload | unit | Accord | reference | ratio | reference tool |')
    print('|---|---|---:|---:|---:|---|')
    for name, unit, ours, theirs, ref in rows:
        if ours is None:
            print('| %s | %s | n/a | n/a | n/a | %s |' % (name, unit, ref))
        else:
            print('| %s | %s | %s | %s | %.1fx | %s |' % (name, unit, fmt(ours), fmt(theirs), ours / theirs, ref))
    for note in notes:
        print(note)


def fmt(x):
    if x >= 1e6:
        return '%.1f M' % (x / 1e6)
    if x >= 1e3:
        return '%.1f k' % (x / 1e3)
    return '%.1f' % x


if __name__ == '__main__':
    main()
