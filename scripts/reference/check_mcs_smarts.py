#!/usr/bin/env python3
"""Checks the SMARTS our maximum common substructure writes, with RDKit: for every reference pair
(Tests/ChemistryTests/Resources/MCS/) and both option sets, the SMARTS must parse, match both molecules,
and have as many atoms and bonds as we report; and where we report more atoms than RDKit, the SMARTS is the
evidence that RDKit missed a valid answer.

    /work/.venv-ref/bin/python scripts/reference/check_mcs_smarts.py [--skip-build]

Runs the release build of chemistry-bench (`chemistry-bench mcs`), so it needs no other tool than RDKit.
Prints one summary line per set and options, and every failing pair.
"""
import os
import subprocess
import sys
import tempfile

from rdkit import Chem, RDLogger

RDLogger.DisableLog('rdApp.*')
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
DATA = os.path.join(ROOT, 'Tests', 'ChemistryTests', 'Resources', 'MCS')
OPTIONS = {'default': [], 'ring_complete': ['ring', 'complete']}


def rows(name):
    with open(os.path.join(DATA, name)) as f:
        return [line.rstrip('\n').split('\t') for line in f if line.strip() and not line.startswith('#')]


def main():
    if '--skip-build' not in sys.argv:
        subprocess.run(['swift', 'build', '-c', 'release', '--product', 'chemistry-bench'], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
    bin_path = subprocess.run(['swift', 'build', '-c', 'release', '--show-bin-path'], cwd=ROOT, check=True,
                              capture_output=True, text=True).stdout.strip()
    bench = os.path.join(bin_path, 'chemistry-bench')
    analogs = [r[0] for r in rows('fentanyl_analogs.smi')]
    failures = 0
    for label, flags in OPTIONS.items():
        sets = [
            ('fentanyl analogs', [(analogs[int(r[0])], analogs[int(r[1])], r) for r in rows('fentanyl_pairs.tsv') if r[2] == label]),
            ('approved drugs', [(r[0], r[1], r) for r in rows('drug_pairs.tsv') if r[2] == label]),
        ]
        for name, pairs in sets:
            with tempfile.NamedTemporaryFile('w', suffix='.tsv', delete=False) as f:
                for a, b, _ in pairs:
                    f.write('%s\t%s\n' % (a, b))
                path = f.name
            try:
                out = subprocess.run([bench, 'mcs', path, 'timeout=60'] + flags, capture_output=True, text=True,
                                     check=True).stdout.splitlines()
            finally:
                os.unlink(path)
            ok = 0
            larger = 0
            for (a, b, ref), line in zip(pairs, out):
                fields = line.split('\t')
                atoms, bonds, smarts = int(fields[1]), int(fields[2]), fields[4]
                problem = None
                if atoms == 0:
                    problem = None if smarts == '' else 'SMARTS for an empty answer'
                else:
                    pattern = Chem.MolFromSmarts(smarts)
                    if pattern is None:
                        problem = 'RDKit cannot parse the SMARTS'
                    elif (pattern.GetNumAtoms(), pattern.GetNumBonds()) != (atoms, bonds):
                        problem = 'SMARTS has %d atoms %d bonds' % (pattern.GetNumAtoms(), pattern.GetNumBonds())
                    elif not Chem.MolFromSmiles(a).HasSubstructMatch(pattern):
                        problem = 'SMARTS does not match the first molecule'
                    elif not Chem.MolFromSmiles(b).HasSubstructMatch(pattern):
                        problem = 'SMARTS does not match the second molecule'
                if problem:
                    failures += 1
                    print('FAIL %s %s: %s / %s: %s (%s)' % (name, label, a, b, problem, smarts))
                    continue
                ok += 1
                if atoms > int(ref[3]):
                    larger += 1
                    print('  ours larger than RDKit (%d vs %d atoms), SMARTS valid in RDKit: %s / %s: %s' % (
                        atoms, int(ref[3]), a, b, smarts))
            print('%s, %s: %d/%d SMARTS parse in RDKit and match both molecules; %d answers larger than RDKit\'s' % (
                name, label, ok, len(pairs), larger))
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()
