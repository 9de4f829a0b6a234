#!/usr/bin/env python3
"""Checks with RDKit that RDKit reads Accord's canonical SMILES as the same molecule, stereo included.

    /work/.venv-ref/bin/python scripts/reference/check_canon_roundtrip.py [--accord PATH] [--show N]

For each reference set under Tests/ChemistryTests/Resources/Canonical/ (made by make_canon_reference.py), the
source SMILES are piped through `accord canon -` (PATH defaults to .build/release/accord, then
.build/debug/accord). Each output line `CANONICAL<TAB>name` is read back by RDKit and its isomeric canonical
SMILES compared with RDKit's canonical SMILES of the source (third column of the set). The script prints the
agreement rate per set and the first N disagreements, and exits 1 when a set falls below 99.9 %.
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
            rows.append((fields[0], fields[1], fields[2]))
    return rows


def find_accord(explicit):
    candidates = [explicit] if explicit else [
        os.path.join(ROOT, '.build', 'release', 'accord'), os.path.join(ROOT, '.build', 'debug', 'accord')]
    for path in candidates:
        if path and os.path.exists(path):
            return path
    raise SystemExit('accord not found; build it (swift build -c release --product accord) or pass --accord')


def run_canon(accord, rows):
    text = ''.join('%s %s\n' % (smiles, index) for index, smiles, _ in rows)
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
    args = parser.parse_args()
    accord = find_accord(args.accord)
    failed = False
    for name in SETS:
        rows = read_set(name)
        output = run_canon(accord, rows)
        agree = 0
        shown = 0
        for (index, smiles, expected), line in zip(rows, output):
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
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
