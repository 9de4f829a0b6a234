#!/usr/bin/env python3
"""Cross-check the knowledge base's structures against OPSIN (name to structure) wherever the law gives a
systematic name, and write the report that `accord law check` and the Law tests read.

    /work/.venv-ref/bin/python scripts/reference/check_opsin.py

OPSIN comes from PyPI `py2opsin` (it runs offline with the Java on the machine). Structures are compared by
RDKit InChIKey: the full key (same stereoisomer), then its first block (same constitution). Every
disagreement and every name OPSIN cannot read is listed in the report; none is dropped.

Output: Sources/Law/Resources/checks/opsin-report.json
"""
import glob
import json
import os
from collections import Counter, OrderedDict
from importlib.metadata import version

from py2opsin import py2opsin
from rdkit import Chem, RDLogger, rdBase

RDLogger.DisableLog("rdApp.*")

HERE = os.path.dirname(os.path.abspath(__file__))
RES = os.path.abspath(os.path.join(HERE, "..", "..", "Sources", "Law", "Resources"))


def inchikey(smiles):
    mol = Chem.MolFromSmiles(smiles) if smiles else None
    return Chem.MolToInchiKey(mol) if mol is not None else None


def main():
    jobs = []
    for path in sorted(glob.glob(os.path.join(RES, "lists", "*.json"))):
        with open(path, encoding="utf-8") as f:
            for e in json.load(f)["entries"]:
                for name in e["names"]["systematic"]:
                    jobs.append((e, name))
    names = [name for _, name in jobs]
    # OPSIN warns on stderr for each name it cannot read; the report records those names.
    smiles = py2opsin(names, allow_bad_stereo=True) if names else []
    results = []
    for (e, name), smi in zip(jobs, smiles):
        recorded = e["structure"]["inchikey"] if e["structure"] else None
        key = inchikey(smi)
        if not smi or key is None:
            status = "unparsed"
        elif recorded is None:
            status = "no-recorded-structure"
        elif key == recorded:
            status = "agrees"
        elif key.split("-")[0] == recorded.split("-")[0]:
            status = "agrees-constitution"
        else:
            status = "disagrees"
        results.append(OrderedDict([
            ("entry", e["id"]),
            ("name", name),
            ("status", status),
            ("opsinSmiles", smi or None),
            ("opsinInchikey", key),
            ("recordedSmiles", e["structure"]["smiles"] if e["structure"] else None),
            ("recordedInchikey", recorded),
        ]))
    counts = Counter(r["status"] for r in results)
    report = OrderedDict([
        ("formatVersion", 1),
        ("generatedBy", "scripts/reference/check_opsin.py"),
        ("tools", OrderedDict([("py2opsin", version("py2opsin")), ("rdkit", rdBase.rdkitVersion)])),
        ("comparison", "RDKit InChIKey of OPSIN's structure against the recorded structure: 'agrees' = same full key, "
                       "'agrees-constitution' = same first block (stereo differs or is unspecified on one side), "
                       "'disagrees' = different constitution, 'unparsed' = OPSIN could not read the name, "
                       "'no-recorded-structure' = the entry records no structure (OPSIN's reading is shown for review, "
                       "not adopted)"),
        ("summary", OrderedDict((k, counts.get(k, 0)) for k in
                                ["agrees", "agrees-constitution", "disagrees", "unparsed", "no-recorded-structure"])),
        ("results", results),
    ])
    os.makedirs(os.path.join(RES, "checks"), exist_ok=True)
    with open(os.path.join(RES, "checks", "opsin-report.json"), "w", encoding="utf-8") as f:
        json.dump(report, f, ensure_ascii=False, indent=2)
        f.write("\n")
    print(json.dumps(report["summary"]))
    for r in results:
        if r["status"] not in ("agrees",):
            print(f"  {r['status']:22} {r['entry']}: {r['name']}")


if __name__ == "__main__":
    main()
