#!/usr/bin/env python3
"""Checks with RDKit that RDKit reads Accord's canonical SMILES as the same molecule, stereo included.

    /work/.venv-ref/bin/python scripts/reference/check_canon_roundtrip.py [--accord PATH] [--show N]

For each reference set under Tests/ChemistryTests/Resources/Canonical/ (made by make_canon_reference.py), the
source SMILES are piped through `accord canon -` (PATH defaults to .build/release/accord, then
.build/debug/accord). Each output line `CANONICAL<TAB>name` is read back by RDKit and its isomeric canonical
SMILES compared with RDKit's canonical SMILES of the source (third column of the set).

The same run also pipes every other SMILES of each molecule through `accord canon` (RDKit's canonical SMILES
and the 10 random atom orderings) and counts the molecules whose 12 SMILES all give one canonical string:
the whole-set figure for what `swift test` samples in debug builds.

`--smiles FILE` (repeatable) adds any SMILES file (first column; e.g. RDKit's canonSmiles.smi beside the
project) as one more set: RDKit's canonical SMILES and 10 random orderings are made on the fly, seeded, as
make_canon_reference.py makes them for the committed sets.

The script prints both rates per set and the first N disagreements of each kind, and exits 1 when a rate
falls below 99.9 %.
"""
import argparse
import gzip
import os
import subprocess
import sys

from rdkit import Chem, RDLogger

RDLogger.DisableLog('rdApp.*')

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
DATA = os.path.join(ROOT, 'Tests', 'ChemistryTests', 'Resources', 'Canonical')
SETS = ['chembl_20_chiral', 'first_5K']
TARGET = 0.999


def read_set(name):
    rows = []
    with gzip.open(os.path.join(DATA, name + '.tsv.gz'), 'rt') as f:
        for line in f:
            if line.startswith('#'):
                continue
            fields = line.rstrip('\n').split('\t')
            rows.append((fields[0], fields[1], fields[2], fields[3:]))
    return rows


def make_set(path):
    """Rows like read_set's for a SMILES file: molecules RDKit reads, with orderings made here."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from make_canon_reference import random_orderings
    rows = []
    with open(path) as f:
        for i, line in enumerate(f):
            fields = line.split()
            mol = Chem.MolFromSmiles(fields[0]) if fields else None
            if mol is None:
                continue
            rows.append((str(i), fields[0], Chem.MolToSmiles(mol), random_orderings(mol, seed=i)))
    return rows


def find_accord(explicit):
    candidates = [explicit] if explicit else [
        os.path.join(ROOT, '.build', 'release', 'accord'), os.path.join(ROOT, '.build', 'debug', 'accord')]
    for path in candidates:
        if path and os.path.exists(path):
            return path
    raise SystemExit('accord not found; build it (swift build -c release --product accord) or pass --accord')


def run_canon(accord, rows):
    """Canonical SMILES (or an `error` line) for each (name, smiles) row, in order."""
    text = ''.join('%s %s\n' % (smiles, name) for name, smiles in rows)
    result = subprocess.run([accord, 'canon', '-'], input=text, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit('accord canon failed (%d): %s' % (result.returncode, result.stderr[:2000]))
    lines = result.stdout.rstrip('\n').split('\n')
    if len(lines) != len(rows):
        raise SystemExit('accord canon wrote %d lines for %d records' % (len(lines), len(rows)))
    return lines


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--accord', help='path of the accord executable')
    parser.add_argument('--show', type=int, default=10, help='disagreements to print per set')
    parser.add_argument('--smiles', action='append', default=[], help='another SMILES file to check')
    parser.add_argument('--only-smiles', action='store_true', help='check only the --smiles files')
    args = parser.parse_args()
    accord = find_accord(args.accord)
    failed = False
    sets = [] if args.only_smiles else [(name, lambda name=name: read_set(name)) for name in SETS]
    sets += [(os.path.basename(path), lambda path=path: make_set(path)) for path in args.smiles]
    for name, load in sets:
        rows = load()
        output = run_canon(accord, [(index, smiles) for index, smiles, _, _ in rows])
        agree = 0
        shown = 0
        for (index, smiles, expected, _), line in zip(rows, output):
            fields = line.split('\t')
            ours = fields[0]
            mol = Chem.MolFromSmiles(ours) if not ours.startswith('error') else None
            if mol is not None and Chem.MolToSmiles(mol) == expected:
                agree += 1
            elif shown < args.show:
                shown += 1
                got = Chem.MolToSmiles(mol) if mol is not None else 'unreadable'
                print('  %s %s\n    source, RDKit: %s\n    ours:          %s\n    ours by RDKit: %s'
                      % (name, index, expected, ours, got))
        rate = agree / len(rows)
        print('%s: %d of %d (%.3f %%) read back by RDKit as the source molecule' % (name, agree, len(rows), 100 * rate))
        if rate < TARGET:
            failed = True

        writings = [(index, other) for index, _, expected, orderings in rows for other in [expected] + orderings]
        per_molecule = 1 + len(rows[0][3])
        others = run_canon(accord, writings)
        same = 0
        shown = 0
        for k, (index, smiles, _, _) in enumerate(rows):
            strings = {output[k].split('\t')[0]} | {
                line.split('\t')[0] for line in others[k * per_molecule:(k + 1) * per_molecule]}
            if len(strings) == 1 and not next(iter(strings)).startswith('error'):
                same += 1
            elif shown < args.show:
                shown += 1
                print('  %s %s: %d canonical strings for %s\n    %s' % (name, index, len(strings), smiles, '\n    '.join(sorted(strings))))
        rate = same / len(rows)
        print('%s: %d of %d (%.3f %%) give one canonical string from all %d SMILES (source, RDKit canonical, %d random orders)'
              % (name, same, len(rows), 100 * rate, per_molecule + 1, per_molecule - 1))
        if rate < TARGET:
            failed = True
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
