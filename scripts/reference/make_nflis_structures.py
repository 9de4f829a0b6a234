#!/usr/bin/env python3
"""Give every NFLIS substance name a structure (or the set of structures it may denote), or say why not, and
write the table surveillance maps NFLIS names by.

    /work/.venv-ref/bin/python scripts/reference/make_nflis_structures.py          # write the table
    /work/.venv-ref/bin/python scripts/reference/make_nflis_structures.py --check  # exit 1 if it is stale

Input: the distinct SUBSTANCE_DESCRIPTION values of the NFLIS file the tests use
(Tests/SurveillanceTests/Resources/nflis_fentanyl_reports_by_state_year.csv), with their BASE_DESCRIPTION.

How a name gets its structure, in this order:
1. `CURATED` below, keyed by the name without its salt words: a systematic name we wrote for a trivial name
   (OPSIN reads it), with the reasoning in the note; several for a name that leaves the isomer open (the row's
   alternatives: the name denotes one of them); or the reason the name stays unresolved.
2. Otherwise the systematic name NFLIS prints in parentheses: every `;`-separated part is given to OPSIN, and
   all parts OPSIN reads must give the same structure (InChIKey).
Nothing else: a name neither route resolves stays unresolved, with the reason, and is listed as unmapped.

OPSIN is PyPI `py2opsin` (runs offline with the machine's Java); RDKit gives the canonical SMILES, formula and
InChIKey of each structure, which the Swift tests check against Accord's own reader, formula and canonical form.

Output: Sources/Surveillance/Resources/nflis-structures.tsv, one row per (name, alternative):
name, base, alternative (1..n; 0 for an unresolved name), label, systematic_name, method, smiles (as obtained),
rdkit_canonical_smiles, rdkit_formula, rdkit_inchikey, note.
"""
import csv
import io
import os
import re
import sys
from importlib.metadata import version

import rdkit
from py2opsin import py2opsin
from rdkit import Chem, RDLogger
from rdkit.Chem.rdMolDescriptors import CalcMolFormula

RDLogger.DisableLog("rdApp.*")

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
NFLIS = os.path.join(ROOT, "Tests", "SurveillanceTests", "Resources", "nflis_fentanyl_reports_by_state_year.csv")
OUT = os.path.join(ROOT, "Sources", "Surveillance", "Resources", "nflis-structures.tsv")

SALT_WORDS = re.compile(
    r"(,?\s*SALT UNDETERM(INED|NIED))|(\s+(HYDROCHLORIDE|CITRATE|BASE))$|(\s*,\s*OTHER)$")

# Fragments of systematic names used below.
PIP = "piperidin-4-yl"
PHENETHYL_PIP = "1-(2-phenylethyl)piperidin-4-yl"


def fent(acyl_amide, aryl="phenyl", pip=PHENETHYL_PIP):
    """N-<aryl>-N-[<pip>]<acyl_amide>: the systematic name of a fentanyl-type amide."""
    return f"N-{aryl}-N-[{pip}]{acyl_amide}"


class EveryPosition:
    """A name that adds a group to a known parent without saying where: the candidates are every structure with the
    group in place of one hydrogen of the parent (on carbon; on nitrogen too for carbon groups), the set of isomers
    the name allows. RDKit places the group; duplicates by symmetry are merged."""

    def __init__(self, label, parent, group, note):
        self.label, self.parent, self.group, self.note = label, parent, group, note


GROUPS = {"methyl": ("C", True), "ethyl": ("CC", True), "fluoro": ("F", False), "chloro": ("Cl", False),
          "methoxy": ("OC", False), "2-phenylethyl": ("CCc1ccccc1", True)}


def every_position(parent_smiles, group):
    """Canonical SMILES of the parent with `group` in place of each hydrogen in turn, in a stable order."""
    fragment, on_nitrogen = GROUPS[group]
    parent = Chem.MolFromSmiles(parent_smiles)
    seen, out = set(), []
    for atom in parent.GetAtoms():
        if atom.GetTotalNumHs() == 0 or atom.GetSymbol() not in (("C", "N") if on_nitrogen else ("C",)):
            continue
        rw = Chem.RWMol(parent)
        index = rw.AddAtom(Chem.Atom(0))
        rw.AddBond(atom.GetIdx(), index, Chem.BondType.SINGLE)
        rw.GetAtomWithIdx(atom.GetIdx()).SetNoImplicit(False)
        rw.GetAtomWithIdx(atom.GetIdx()).SetNumExplicitHs(0)
        product = Chem.ReplaceSubstructs(rw.GetMol(), Chem.MolFromSmarts("[#0]"), Chem.MolFromSmiles(fragment),
                                         replaceAll=True)[0]
        Chem.SanitizeMol(product)
        smiles = Chem.MolToSmiles(product)
        if smiles not in seen:
            seen.add(smiles)
            out.append(smiles)
    return out


TWO_POSITION = ("an unprimed 2- locant on a fentanyl-type name is the anilide ring's ortho position in every name the "
                "file explains (2-FLUOROFENTANYL, 2-METHYL ACETYL FENTANYL, 2-FLUORO ACRYLFENTANYL, DESPROPIONYL "
                "2-METHYLFENTANYL)")
PRIMED = ("primed ring positions denote the phenethyl ring, as in the Federal Register's name for 4'-methyl "
          "acetyl fentanyl, N-(1-(4-methylphenethyl)piperidin-4-yl)-N-phenylacetamide (FR Doc 2021-04214)")
BENZYL = ("'N-benzyl ... norfentanyl' / '... benzyl fentanyl': the benzyl group on the piperidine nitrogen of the "
          "norfentanyl, in place of phenethyl (NFLIS names P-FLUORO BENZYL FENTANYL also N-BENZYL PARA-FLUORO "
          "NORFENTANYL)")

OPEN = "the name does not say where the group is: one of the structures with it in place of any one hydrogen"
PHENETHYL_OPEN = "fluorine somewhere on the phenethyl group (ring or chain), place not given: one of the five"
THREE_POSITION = ("'3-' is the piperidine's 3-position in 3-METHYLFENTANYL but the anilide ring's meta position in "
                  "3-FLUOROISOBUTYRYL FENTANYL (base meta-Fluoroisobutyryl fentanyl), and NFLIS keeps 3-FLUOROFENTANYL apart "
                  "from META-FLUOROFENTANYL: one of the two readings")
FENTANYL = fent("propanamide")
ANPP = "N-phenyl-1-(2-phenylethyl)piperidin-4-amine"

# Keyed by the name without salt words. A list of (label, systematic name, note) tuples (several: the name denotes
# one of them), an EveryPosition (or a list of them), or a string: the reason the name stays unresolved.
CURATED = {
    # --- substances the knowledge base lists by trivial name (structure from their systematic names)
    "FENTANYL": [("fentanyl", fent("propanamide"), "")],
    "FENTANYL CARBAMATE": [("fentanyl carbamate", f"ethyl N-phenyl-N-[{PHENETHYL_PIP}]carbamate", "")],
    "CARFENTANIL": [("carfentanil", "methyl 1-(2-phenylethyl)-4-[phenyl(propanoyl)amino]piperidine-4-carboxylate", "")],
    "REMIFENTANIL": [("remifentanil", "methyl 1-(3-methoxy-3-oxopropyl)-4-[phenyl(propanoyl)amino]piperidine-4-carboxylate", "")],
    "SUFENTANIL": [("sufentanil", fent("propanamide", pip="4-(methoxymethyl)-1-[2-(thiophen-2-yl)ethyl]piperidin-4-yl"), "")],
    "ALFENTANIL": [("alfentanil", fent("propanamide", pip="1-[2-(4-ethyl-5-oxo-4,5-dihydro-1H-tetrazol-1-yl)ethyl]-4-(methoxymethyl)piperidin-4-yl"), "")],
    "OCFENTANIL": [("ocfentanil", fent("2-methoxyacetamide", aryl="(2-fluorophenyl)"), "")],
    "THIOFENTANYL": [("thiofentanyl", fent("propanamide", pip="1-[2-(thiophen-2-yl)ethyl]piperidin-4-yl"), "")],
    "NORFENTANYL": [("norfentanyl", fent("propanamide", pip=PIP), "")],
    "BENZYLFENTANYL": [("benzylfentanyl", fent("propanamide", pip="1-benzylpiperidin-4-yl"), "")],
    "3-METHYLFENTANYL": [("3-methylfentanyl", fent("propanamide", pip="3-methyl-1-(2-phenylethyl)piperidin-4-yl"), "")],
    "CIS-3-METHYLFENTANYL": [("cis-3-methylfentanyl", fent("propanamide", pip="3-methyl-1-(2-phenylethyl)piperidin-4-yl"),
                              "constitution only: the cis relative configuration is not encoded")],
    "TRANS-3-METHYLFENTANYL": [("trans-3-methylfentanyl", fent("propanamide", pip="3-methyl-1-(2-phenylethyl)piperidin-4-yl"),
                                "constitution only: the trans relative configuration is not encoded")],
    "ALPHA-METHYLFENTANYL": [("alpha-methylfentanyl", fent("propanamide", pip="1-(1-phenylpropan-2-yl)piperidin-4-yl"), "")],
    "ACETYL-ALPHA-METHYLFENTANYL": [("acetyl-alpha-methylfentanyl", fent("acetamide", pip="1-(1-phenylpropan-2-yl)piperidin-4-yl"), "")],
    "ACRYL-ALPHA-METHYLFENTANYL": [("acryl-alpha-methylfentanyl", fent("prop-2-enamide", pip="1-(1-phenylpropan-2-yl)piperidin-4-yl"), "")],
    "ALPHA-METHYLTHIOFENTANYL": [("alpha-methylthiofentanyl", fent("propanamide", pip="1-[1-(thiophen-2-yl)propan-2-yl]piperidin-4-yl"), "")],
    "BETA-METHYLFENTANYL": [("beta-methylfentanyl", fent("propanamide", pip="1-(2-phenylpropyl)piperidin-4-yl"), "")],
    "BETA-METHYL ACETYL FENTANYL": [("beta-methyl acetyl fentanyl", fent("acetamide", pip="1-(2-phenylpropyl)piperidin-4-yl"), "")],
    "BETA-HYDROXY-3-METHYLFENTANYL": [("beta-hydroxy-3-methylfentanyl", fent("propanamide", pip="1-(2-hydroxy-2-phenylethyl)-3-methylpiperidin-4-yl"), "")],
    "ALPHA'-METHYL BUTYRYL FENTANYL": [("alpha'-methyl butyryl fentanyl", fent("2-methylbutanamide"),
                                       "alpha' is the acyl chain's alpha carbon, as in the CFR's name 2-methyl-N-(1-phenethylpiperidin-4-yl)-N-phenylbutanamide")],
    "3-PHENYLPROPANOYL FENTANYL": [("3-phenylpropanoyl fentanyl", fent("3-phenylpropanamide"), "")],
    "4-ANILINO-1-PHENETHYLPIPERIDINE": [("4-ANPP", "N-phenyl-1-(2-phenylethyl)piperidin-4-amine", "")],
    "1-BOC-4-PIPERIDONE": [("1-boc-4-piperidone", "tert-butyl 4-oxopiperidine-1-carboxylate", "")],
    "N-PHENYL-4-PIPERIDINAMINE": [("4-AP", "N-phenylpiperidin-4-amine", "")],
    "3-FURANYL FENTANYL": [("3-furanyl fentanyl", fent("furan-3-carboxamide"), "")],
    "ISOVALERYL FENTANYL": [("isovaleryl fentanyl", fent("3-methylbutanamide"), "")],
    "VALERYL/ISOVALERYL FENTANYL": [("valeryl fentanyl", fent("pentanamide"), "the laboratory could not tell the two apart"),
                                    ("isovaleryl fentanyl", fent("3-methylbutanamide"), "the laboratory could not tell the two apart")],
    "FURANYL/3-FURANYL FENTANYL": [("furanyl fentanyl", fent("furan-2-carboxamide"), "the laboratory could not tell the two apart"),
                                   ("3-furanyl fentanyl", fent("furan-3-carboxamide"), "the laboratory could not tell the two apart")],
    "CYCLOPROPYL/CROTONYL FENTANYL": [("cyclopropyl fentanyl", fent("cyclopropanecarboxamide"), "the laboratory could not tell the two apart"),
                                      ("crotonyl fentanyl", fent("(2E)-but-2-enamide"), "the laboratory could not tell the two apart")],
    "BENZYL ACRYLFENTANYL": [("benzyl acrylfentanyl", fent("prop-2-enamide", pip="1-benzylpiperidin-4-yl"), BENZYL)],
    "N-BENZYLFURANYLFENTANYL": [("N-benzyl furanyl fentanyl", fent("furan-2-carboxamide", pip="1-benzylpiperidin-4-yl"), BENZYL)],
    "P-FLUORO BENZYL FENTANYL (N-BENZYL PARA-FLUORO NORFENTANYL)": [("para-fluoro benzyl fentanyl", fent("propanamide", aryl="(4-fluorophenyl)", pip="1-benzylpiperidin-4-yl"), BENZYL)],
    "P-FLUORO CYCLOPROPYL BENZYL FENTANYL (N-BENZYL PARA-FLUORO CYCLOPROPYL NORFENTANYL)": [("para-fluoro cyclopropyl benzyl fentanyl", fent("cyclopropanecarboxamide", aryl="(4-fluorophenyl)", pip="1-benzylpiperidin-4-yl"), BENZYL)],
    # --- ring-substituted fentanyls, position given
    "P-FLUOROFENTANYL": [("para-fluorofentanyl", fent("propanamide", aryl="(4-fluorophenyl)"), "")],
    "META-FLUOROFENTANYL": [("meta-fluorofentanyl", fent("propanamide", aryl="(3-fluorophenyl)"), "")],
    "PARA-CHLOROFENTANYL": [("para-chlorofentanyl", fent("propanamide", aryl="(4-chlorophenyl)"), "")],
    "ORTHO-CHLOROFENTANYL": [("ortho-chlorofentanyl", fent("propanamide", aryl="(2-chlorophenyl)"), "")],
    "ORTHO-METHYLFENTANYL (O-METHYL FENTANYL)": [("ortho-methylfentanyl", fent("propanamide", aryl="(2-methylphenyl)"), "")],
    "PARA-METHYLFENTANYL": [("para-methylfentanyl", fent("propanamide", aryl="(4-methylphenyl)"), "")],
    "PARA-FLUORO ACETYL FENTANYL": [("para-fluoro acetyl fentanyl", fent("acetamide", aryl="(4-fluorophenyl)"), "")],
    "PARA-METHYL ACETYL FENTANYL": [("para-methyl acetyl fentanyl", fent("acetamide", aryl="(4-methylphenyl)"), "")],
    "ORTHO-METHYL ACETYL FENTANYL (2-METHYL ACETYL FENTANYL)": [("ortho-methyl acetyl fentanyl", fent("acetamide", aryl="(2-methylphenyl)"), "")],
    "4'-METHYL ACETYL FENTANYL": [("4'-methyl acetyl fentanyl", fent("acetamide", pip="1-[2-(4-methylphenyl)ethyl]piperidin-4-yl"), PRIMED)],
    "3',4'-DIMETHOXY FENTANYL": [("3',4'-dimethoxy fentanyl", fent("propanamide", pip="1-[2-(3,4-dimethoxyphenyl)ethyl]piperidin-4-yl"), PRIMED)],
    "BUTANOYL-4-FLUOROFENTANYL": [("para-fluorobutyryl fentanyl", fent("butanamide", aryl="(4-fluorophenyl)"),
                                   "NFLIS groups it under para-Fluorobutyryl fentanyl")],
    "ISOBUTANOYL-4-FLUOROFENTANYL": [("para-fluoroisobutyryl fentanyl", fent("2-methylpropanamide", aryl="(4-fluorophenyl)"),
                                      "NFLIS groups it under para-Fluoroisobutyryl fentanyl")],
    "P-FLUOROBUTYRYL FENTANYL (P-FBF)": [("para-fluorobutyryl fentanyl", fent("butanamide", aryl="(4-fluorophenyl)"), "")],
    "META-FLUOROBUTYRYL FENTANYL (M-FLUOROBUTYRYL FENTANYL; M-FBF)": [("meta-fluorobutyryl fentanyl", fent("butanamide", aryl="(3-fluorophenyl)"), "")],
    "3-FLUOROISOBUTYRYL FENTANYL": [("meta-fluoroisobutyryl fentanyl", fent("2-methylpropanamide", aryl="(3-fluorophenyl)"),
                                     "NFLIS groups it under meta-Fluoroisobutyryl fentanyl")],
    "O-FLUORO ACRYLFENTANYL (2-FLUORO ACRYLFENTANYL)": [("ortho-fluoro acryl fentanyl", fent("prop-2-enamide", aryl="(2-fluorophenyl)"), "")],
    "ORTHO-FLUORO FURANYL FENTANYL": [("ortho-fluoro furanyl fentanyl", fent("furan-2-carboxamide", aryl="(2-fluorophenyl)"), "")],
    "META-FLUORO FURANYL FENTANYL": [("meta-fluoro furanyl fentanyl", fent("furan-2-carboxamide", aryl="(3-fluorophenyl)"), "")],
    "PARA-FLUORO FURANYL FENTANYL": [("para-fluoro furanyl fentanyl", fent("furan-2-carboxamide", aryl="(4-fluorophenyl)"), "")],
    "PARA-METHOXY FURANYL FENTANYL": [("para-methoxy furanyl fentanyl", fent("furan-2-carboxamide", aryl="(4-methoxyphenyl)"), "")],
    "PARA-FLUORO VALERYL FENTANYL": [("para-fluoro valeryl fentanyl", fent("pentanamide", aryl="(4-fluorophenyl)"), "")],
    # --- a group named without its place: every place the parent allows (the set of isomers the name leaves open)
    "FLUOROFENTANYL": EveryPosition("fluorofentanyl", FENTANYL, "fluoro", OPEN),
    "FLUOROFENTANYL, ISOMER UNDETERMINED": EveryPosition("fluorofentanyl", FENTANYL, "fluoro", OPEN),
    "CHLOROFENTANYL": EveryPosition("chlorofentanyl", FENTANYL, "chloro", OPEN),
    "METHYLFENTANYL": EveryPosition("methylfentanyl", FENTANYL, "methyl", OPEN),
    "FLUORO ACETYL FENTANYL": EveryPosition("fluoro acetyl fentanyl", fent("acetamide"), "fluoro",
                                            OPEN + " (on the acetyl group too: 'fluoroacetyl' and 'fluoro acetyl' read alike)"),
    "METHYL ACETYL FENTANYL": EveryPosition("methyl acetyl fentanyl", fent("acetamide"), "methyl",
                                            OPEN + " (a methyl on the acetyl group gives fentanyl itself)"),
    "FLUORO FURANYL FENTANYL": EveryPosition("fluoro furanyl fentanyl", fent("furan-2-carboxamide"), "fluoro", OPEN),
    "FLUORO VALERYL FENTANYL": EveryPosition("fluoro valeryl fentanyl", fent("pentanamide"), "fluoro", OPEN),
    "FLUOROBUTYRYL FENTANYL": EveryPosition("fluorobutyryl fentanyl", fent("butanamide"), "fluoro", OPEN),
    "FLUOROISOBUTYRYLFENTANYL": EveryPosition("fluoroisobutyryl fentanyl", fent("2-methylpropanamide"), "fluoro", OPEN),
    "FLUOROBUTYRYL/FLUOROISOBUTYRYL FENTANYL": [
        EveryPosition("fluorobutyryl fentanyl", fent("butanamide"), "fluoro", "the laboratory could not tell butyryl from isobutyryl; " + OPEN),
        EveryPosition("fluoroisobutyryl fentanyl", fent("2-methylpropanamide"), "fluoro", "the laboratory could not tell butyryl from isobutyryl; " + OPEN)],
    "METHOXYBUTYRYL FENTANYL": EveryPosition("methoxybutyryl fentanyl", fent("butanamide"), "methoxy",
                                             OPEN + " (on the anilide ring as in PARA-METHOXYBUTYRYL FENTANYL, or on the butyryl chain as in METHOXYACETYL FENTANYL)"),
    "METHYL CYCLOPROPYL FENTANYL": EveryPosition("methyl cyclopropyl fentanyl", fent("cyclopropanecarboxamide"), "methyl", OPEN),
    "N-BENZYL FLUORO NORFENTANYL": EveryPosition("N-benzyl fluoro norfentanyl", fent("propanamide", pip="1-benzylpiperidin-4-yl"), "fluoro",
                                                 BENZYL + "; " + OPEN),
    "DESPROPIONYL FLUOROFENTANYL": EveryPosition("fluoro 4-ANPP", ANPP, "fluoro", OPEN),
    "DESPROPIONYL FLUOROFENTANYL, ISOMER UNDETERMINED": EveryPosition("fluoro 4-ANPP", ANPP, "fluoro", OPEN),
    "FLUORO-4-ANPP": EveryPosition("fluoro 4-ANPP", ANPP, "fluoro", OPEN),
    "CHLORO 4-ANPP": EveryPosition("chloro 4-ANPP", ANPP, "chloro", OPEN),
    "DESPROPIONYL METHYLFENTANYL": EveryPosition("methyl 4-ANPP", ANPP, "methyl", OPEN),
    "ETHYL 4-ANPP": EveryPosition("ethyl 4-ANPP", ANPP, "ethyl", OPEN),
    "PHENETHYL 4-ANPP": EveryPosition("phenethyl 4-ANPP", ANPP, "2-phenylethyl", OPEN),
    "FLUORO 4-ANILINOPIPERIDINE": EveryPosition("fluoro 4-AP", "N-phenylpiperidin-4-amine", "fluoro", OPEN),
    "FLUORO-PHENETHYL 4-ANPP": [
        ("ortho-fluorophenethyl 4-ANPP", "1-[2-(2-fluorophenyl)ethyl]-N-phenylpiperidin-4-amine", PHENETHYL_OPEN),
        ("meta-fluorophenethyl 4-ANPP", "1-[2-(3-fluorophenyl)ethyl]-N-phenylpiperidin-4-amine", PHENETHYL_OPEN),
        ("para-fluorophenethyl 4-ANPP", "1-[2-(4-fluorophenyl)ethyl]-N-phenylpiperidin-4-amine", PHENETHYL_OPEN),
        ("alpha-fluorophenethyl 4-ANPP", "1-(1-fluoro-2-phenylethyl)-N-phenylpiperidin-4-amine", PHENETHYL_OPEN),
        ("beta-fluorophenethyl 4-ANPP", "1-(2-fluoro-2-phenylethyl)-N-phenylpiperidin-4-amine", PHENETHYL_OPEN)],
    "3-FLUOROFENTANYL": [
        ("3-fluoropiperidine fentanyl", fent("propanamide", pip="3-fluoro-1-(2-phenylethyl)piperidin-4-yl"), THREE_POSITION),
        ("meta-fluorofentanyl", fent("propanamide", aryl="(3-fluorophenyl)"), THREE_POSITION)],
    "TETRAHYDROTHIOPHENE FENTANYL": [
        ("tetrahydrothiophene-2-carbonyl fentanyl", fent("thiolane-2-carboxamide"), "the name gives no ring position; one of the two"),
        ("tetrahydrothiophene-3-carbonyl fentanyl", fent("thiolane-3-carboxamide"), "the name gives no ring position; one of the two")],
    "N-PHENYL-N-[1-(1-PHENETHYL)PIPERIDIN-4-YL]PROPANAMIDE": [
        ("N-[1-(1-phenylethyl)piperidin-4-yl] analogue", fent("propanamide", pip="1-(1-phenylethyl)piperidin-4-yl"),
         "NFLIS's systematic name with '1-phenethyl' spelt 1-phenylethyl, which OPSIN requires")],
    # --- 4-ANPP-type names
    "DESPROPIONYL P-FLUOROFENTANYL": [("para-fluoro 4-ANPP", "N-(4-fluorophenyl)-1-(2-phenylethyl)piperidin-4-amine", "")],
    "DESPROPIONYL M-FLUOROFENTANYL": [("meta-fluoro 4-ANPP", "N-(3-fluorophenyl)-1-(2-phenylethyl)piperidin-4-amine", "")],
    "DESPROPIONYL O-FLUOROFENTANYL": [("ortho-fluoro 4-ANPP", "N-(2-fluorophenyl)-1-(2-phenylethyl)piperidin-4-amine", "")],
    "2F-4-ANPP": [("ortho-fluoro 4-ANPP", "N-(2-fluorophenyl)-1-(2-phenylethyl)piperidin-4-amine", TWO_POSITION)],
    "DESPROPIONYL O-METHYLFENTANYL (DESPROPIONYL 2-METHYLFENTANYL)": [("ortho-methyl 4-ANPP", "N-(2-methylphenyl)-1-(2-phenylethyl)piperidin-4-amine", "")],
    "DESPROPIONYL META-METHYLFENTANYL": [("meta-methyl 4-ANPP", "N-(3-methylphenyl)-1-(2-phenylethyl)piperidin-4-amine", "")],
    "ORTHO-CHLORO 4-ANPP": [("ortho-chloro 4-ANPP", "N-(2-chlorophenyl)-1-(2-phenylethyl)piperidin-4-amine", "")],
    "2-CL-4-ANPP": [("ortho-chloro 4-ANPP", "N-(2-chlorophenyl)-1-(2-phenylethyl)piperidin-4-amine", TWO_POSITION)],
    "PARA-FLUOROPHENETHYL 4-ANPP": [("para-fluorophenethyl 4-ANPP", "1-[2-(4-fluorophenyl)ethyl]-N-phenylpiperidin-4-amine", "")],
    "DESPROPIONYL CARFENTANIL": [("despropionyl carfentanil (4-carbomethoxy 4-ANPP)", "methyl 4-anilino-1-(2-phenylethyl)piperidine-4-carboxylate",
                                  "NFLIS groups it under 4-Carbomethoxy 4-ANPP")],
    "1-PROPIONYL-4-ANILINOPIPERIDINE": [("1-propionyl-4-anilinopiperidine", "1-(4-anilinopiperidin-1-yl)propan-1-one", "")],
    # --- norfentanyl-type names
    "N-METHYL NORFENTANYL": [("N-methyl norfentanyl", fent("propanamide", pip="1-methylpiperidin-4-yl"), "")],
    "N-ETHYL NORFENTANYL": [("N-ethyl norfentanyl", fent("propanamide", pip="1-ethylpiperidin-4-yl"), "")],
    "N-BOC NORFENTANYL": [("N-boc norfentanyl", "tert-butyl 4-[phenyl(propanoyl)amino]piperidine-1-carboxylate", "")],
    "N-PROPIONYL NORFENTANYL": [("N-propionyl norfentanyl", fent("propanamide", pip="1-propanoylpiperidin-4-yl"), "")],
    "N-PROPIONYL PARA-FLUORO NORFENTANYL": [("N-propionyl para-fluoro norfentanyl", fent("propanamide", aryl="(4-fluorophenyl)", pip="1-propanoylpiperidin-4-yl"), "")],
    "PARA-FLUORO NORFENTANYL": [("para-fluoro norfentanyl", fent("propanamide", aryl="(4-fluorophenyl)", pip=PIP), "")],
    # --- other piperidine intermediates
    "1-BOC-4-HYDROXYPIPERIDINE": [("1-boc-4-hydroxypiperidine", "tert-butyl 4-hydroxypiperidine-1-carboxylate", "")],
    "1-PHENETHYL-4-HYDROXYPIPERIDINE": [("1-phenethyl-4-hydroxypiperidine", "1-(2-phenylethyl)piperidin-4-ol", "")],
    "1-PHENETHYL-4-PROPIONYLOXYPIPERIDINE": [("1-phenethyl-4-propionyloxypiperidine", "1-(2-phenylethyl)piperidin-4-yl propanoate", "")],
    # --- names that stay unresolved
    "BIPIPERIDINYL 4-ANPP": "the name does not say how the two piperidine rings are joined or what replaces which group",
    "N-PHENYL-1-(1-PHENETHYL)PIPERIDINE": ("the name is self-contradictory as printed (an N-phenyl piperidine whose nitrogen also "
                                           "carries 1-phenethyl); OPSIN cannot read it and no reading is certain"),
    "FENTANYL-RELATED SUBSTANCE (UNSPECIFIED)": "names the class, not a substance (mapped as an unidentified class member)",
}


def stem(name):
    """The name without NFLIS's salt and form words, collapsed spaces."""
    s = re.sub(r"\s+", " ", name.strip())
    previous = None
    while previous != s:
        previous = s
        s = SALT_WORDS.sub("", s).strip().rstrip(",").strip()
    return s


def parenthesised_parts(name):
    """The ';'-separated parts inside the outermost parentheses of a name (NFLIS prints synonyms and systematic names there)."""
    start = name.find("(")
    if start < 0:
        return []
    depth, end = 0, -1
    for i in range(start, len(name)):
        if name[i] == "(":
            depth += 1
        elif name[i] == ")":
            depth -= 1
            if depth == 0:
                end = i
                break
    if end < 0:
        return []
    inner = name[start + 1:end]
    # NFLIS sometimes breaks a name with a space after a hyphen ("...-4-YL)- N-PHENYL...", "...YL) BUTYRAMIDE").
    return [re.sub(r"-\s+", "-", re.sub(r"\)\s+(?=[A-Z])", ")", p.strip())) for p in inner.split(";") if p.strip()]


def read_names():
    with open(NFLIS, newline="", encoding="utf-8") as f:
        names = {}
        for row in csv.DictReader(f):
            names.setdefault(row["SUBSTANCE_DESCRIPTION"].strip(), set()).add(row["BASE_DESCRIPTION"].strip())
    return {n: sorted(b) for n, b in sorted(names.items())}


def describe(smiles):
    mol = Chem.MolFromSmiles(smiles) if smiles else None
    if mol is None:
        return None
    return Chem.MolToSmiles(mol), CalcMolFormula(mol), Chem.MolToInchiKey(mol)


def build():
    names = read_names()
    plans = {}  # name -> list of (label, systematic, method, note) or reason string
    opsin_jobs = set()
    for name in names:
        key = stem(name)
        if key in CURATED:
            entry = CURATED[key]
            if isinstance(entry, str):
                plans[name] = entry
                continue
            entries = entry if isinstance(entry, list) else [entry]
            plans[name] = entries
            for e in entries:
                opsin_jobs.add(e.parent if isinstance(e, EveryPosition) else e[1])
            continue
        # A name that is itself systematic (N-(1-TERT-BUTYL-4-PIPERIDYL)-N-PHENYLPROPANAMIDE), then the parts
        # NFLIS prints in parentheses.
        parts = [key] + parenthesised_parts(key)
        if not parts:
            plans[name] = "no systematic name in the name and no curated reading"
            continue
        plans[name] = ("parts", parts)
        opsin_jobs.update(parts)
    jobs = sorted(opsin_jobs)
    # OPSIN warns on stderr for each text it cannot read (most parenthesised parts are trivial synonyms).
    results = dict(zip(jobs, py2opsin(jobs, allow_bad_stereo=True)))

    rows = []
    for name, bases in names.items():
        plan = plans[name]
        base = " | ".join(bases)
        if isinstance(plan, str):
            rows.append([name, base, "0", "", "", "unresolved", "", "", "", "", plan])
            continue
        if isinstance(plan, tuple):
            parsed = [(p, results.get(p) or "") for p in plan[1]]
            read = [(p, s, describe(s)) for p, s in parsed if s and describe(s)]
            keys = {d[2] for _, _, d in read}
            if not read:
                rows.append([name, base, "0", "", "", "unresolved", "", "", "", "",
                             "OPSIN reads none of the parenthesised names: " + "; ".join(plan[1])])
                continue
            if len(keys) > 1:
                rows.append([name, base, "0", "", "", "unresolved", "", "", "", "",
                             "the parenthesised names OPSIN reads disagree: " + "; ".join(p for p, _, _ in read)])
                continue
            p, s, d = read[0]
            whole = p == plan[1][0]
            label = stem(name).lower() if whole else stem(name).split("(")[0].strip().lower()
            unread = [q for q, t in parsed[1:] if not t]
            note = ("other parenthesised parts are trivial synonyms OPSIN does not read: " + "; ".join(unread)) if unread and not whole else ""
            method = "opsin on the name, which is systematic" if whole else "opsin on the systematic name NFLIS prints in parentheses"
            rows.append([name, base, "1", label, p, method, s, d[0], d[1], d[2], note])
            continue
        alternatives, seen = [], set()
        for e in plan:
            if isinstance(e, EveryPosition):
                parent = results.get(e.parent) or ""
                if describe(parent) is None:
                    raise SystemExit(f"OPSIN cannot read the parent {e.parent!r} for {name!r}")
                method = (f"every position: RDKit puts {e.group} in place of each hydrogen of the parent "
                          f"(OPSIN on the parent's systematic name)")
                for k, smiles in enumerate(every_position(parent, e.group), start=1):
                    alternatives.append((f"{e.label} isomer {k}", e.parent, method, smiles, e.note))
            else:
                label, systematic, note = e
                smiles = results.get(systematic) or ""
                if describe(smiles) is None:
                    raise SystemExit(f"OPSIN cannot read the curated name {systematic!r} for {name!r}")
                alternatives.append((label, systematic, "opsin on a systematic name written for the trivial name", smiles, note))
        index = 0
        for label, systematic, method, smiles, note in alternatives:
            d = describe(smiles)
            if d[2] in seen:  # the same structure reached twice (a union of isomer sets)
                continue
            seen.add(d[2])
            index += 1
            rows.append([name, base, str(index), label, systematic, method, smiles, d[0], d[1], d[2], note])
    return rows


def render(rows):
    out = io.StringIO()
    out.write(f"# Generated by scripts/reference/make_nflis_structures.py (OPSIN via py2opsin {version('py2opsin')}, "
              f"RDKit {rdkit.__version__}). Do not edit: change the script and regenerate.\n")
    out.write("# One row per NFLIS substance name and alternative; alternative 0 = unresolved, with the reason in note.\n")
    writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(["name", "base", "alternative", "label", "systematic_name", "method", "smiles",
                     "rdkit_canonical_smiles", "rdkit_formula", "rdkit_inchikey", "note"])
    for row in rows:
        writer.writerow(row)
    return out.getvalue()


def main():
    text = render(build())
    if "--check" in sys.argv[1:]:
        with open(OUT, encoding="utf-8") as f:
            if f.read() != text:
                print(f"{os.path.relpath(OUT, ROOT)} is stale: run this script without --check", file=sys.stderr)
                return 1
        print("up to date")
        return 0
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {os.path.relpath(OUT, ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
