#!/usr/bin/env python3
"""Build the law knowledge base (Sources/Law/Resources) from the researched tables and the curation.

    /work/.venv-ref/bin/python scripts/reference/build_knowledge_base.py

Inputs (all committed): scripts/reference/law/sources/*.csv (researched facts, copied unchanged),
scripts/reference/law/curation.py (verified dates, decisions on conflicting facts) and
scripts/reference/law/rules.py (class rules and worked examples).

Outputs: Sources/Law/Resources/jurisdictions.json, lists/<list>.json (one object per listing, keys in a fixed
order) and rules/<rule>.json, rules/examples.json. Every structure is parsed with RDKit; its formula and
InChIKey are computed and compared with the recorded formula. The script stops with a message naming the row
and the problem when a fact is missing that the curation must supply (a dated row without curated steps, a
structure that does not parse, a formula that disagrees, two entries of one list with the same structure,
one substance key with two structures, an example excluded by a listing that does not exist).
"""
import csv
import json
import os
import re
import sys
from collections import defaultdict, OrderedDict

from rdkit import Chem, RDLogger
from rdkit.Chem.rdMolDescriptors import CalcMolFormula

RDLogger.DisableLog("rdApp.*")

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
SRC = os.path.join(HERE, "law", "sources")
OUT = os.path.join(ROOT, "Sources", "Law", "Resources")
sys.path.insert(0, os.path.join(HERE, "law"))

import curation as C  # noqa: E402
import rules as R  # noqa: E402

FORMAT_VERSION = 1
PROBLEMS = []


def problem(where, text):
    PROBLEMS.append(f"{where}: {text}")


def read_csv(name):
    with open(os.path.join(SRC, name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


# ---------------------------------------------------------------------------------------------------------
# Names and substance keys
# ---------------------------------------------------------------------------------------------------------

def match_key(name):
    """Separator- and case-insensitive form used to join spellings of one name."""
    s = name.lower().replace("α", "alpha").replace("β", "beta")
    return re.sub(r"[\s\-'’,()\[\]]", "", s)


ALIASES = {match_key(k): v for k, v in C.SUBSTANCE_ALIASES.items()}


def slug(name):
    s = name.lower().replace("α", "alpha").replace("β", "beta")
    s = re.sub(r"['’()\[\]]", "", s)
    s = re.sub(r"[^a-z0-9,\-]", "-", s)
    return re.sub(r"-+", "-", s).strip("-")


CANONICAL = {}  # match key -> the first key seen (substances.csv names are seen first)


def substance_key(*names):
    """Key of the first name (aliases applied, then the first spelling seen); None for class rows."""
    for n in names:
        if not n:
            continue
        mk = match_key(n)
        if mk in ALIASES:
            key = ALIASES[mk]
        else:
            bare = re.sub(r"\s*\(.*\)\s*$", "", n).strip()
            key = ALIASES.get(match_key(bare), slug(n)) if match_key(bare) in ALIASES else slug(n)
        if key is None:
            return None
        return CANONICAL.setdefault(match_key(key), key)
    return None


def first_name(common):
    return common.split(";")[0].strip()


CHEMICAL_HINT = re.compile(r"(yl\b|yl\)|yl\]|ane\b|amide|amine|ine\b|ate\b|one\b|ol\b|acid|ester|oxy|phenyl|piperid)")
TRIVIAL_STEM = re.compile(r"fentan|nitazen|morph|codei|brorph|methad|prodin|moramid|thiambut|pethid|ap-237|anpp|\bnpp\b",
                          re.I)


def looks_systematic(s):
    """A chemical (systematic) name rather than a trivial one: locants or brackets, and no trivial stem."""
    s = s.strip()
    if len(s) < 10 or TRIVIAL_STEM.search(s):
        return False
    return bool(CHEMICAL_HINT.search(s)) and bool(re.search(r"\d|[\[\(]|N-", s))


def split_top_level(s, sep=";"):
    out, depth, cur = [], 0, ""
    for ch in s:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        if ch == sep and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    out.append(cur)
    return [x.strip() for x in out if x.strip()]


def trailing_group(s):
    """(before, inside) when s ends with a top-level parenthesised group; None otherwise."""
    s = s.rstrip()
    if not s.endswith(")"):
        return None
    depth = 0
    for i in range(len(s) - 1, -1, -1):
        if s[i] in ")]":
            depth += 1
        elif s[i] in "([":
            depth -= 1
            if depth == 0:
                if s[i] != "(" or (i > 0 and s[i - 1] not in " "):
                    return None  # part of the name itself, e.g. "...-4-amine(4-anilinopiperidine" handled below
                return s[:i].strip(), s[i + 1:-1].strip()
    return None


def systematic_names(legal, extra=()):
    """Chemical names the legal text gives (for the OPSIN cross-check)."""
    names = []
    text = legal.strip()
    text = re.sub(r"\s*-\s*\d{4}\s*$", "", text)                       # "... - 9821"
    text = re.sub(r"\s*\.\s*\.\s*\.\s*\(\d{4}\)\s*$", "", text)        # "... . . . (9560)"
    text = re.sub(r"\s*\(\d{4}\)\.?\s*$", "", text)                    # "... (9725)."
    text = re.sub(r"\s+\d{4}\.?\s*$", "", text)                          # "Nalorphine 9400"
    head = re.split(r",\s*(?:its|their)\b|\s+and its salts", text)[0].strip()
    head = re.sub(r"\(including its optical isomers\)", "", head).strip()
    if head.count("(") > head.count(")"):
        head += ")" * (head.count("(") - head.count(")"))
    m = re.match(r"^(N-phenylpiperidin-4-amine)\((.*)\)$", head)       # "...-4-amine(4-anilinopiperidine; ...)"
    if m:
        head = m.group(1) + " (" + m.group(2) + ")"
    trivial_then_name = re.match(r"^([A-Z][a-z\-]+) \((.*)\)$", head)
    if "-Intermediate" in head and "," in head:
        names.append(head.split(",", 1)[1].strip())
    elif trivial_then_name and not looks_systematic(trivial_then_name.group(1)) and \
            trailing_group(head) is None and looks_systematic(trivial_then_name.group(2)):
        names.append(trivial_then_name.group(2))  # brackets unbalanced inside the name as printed
    else:
        group = trailing_group(head)
        if group:
            before, inside = group
            if looks_systematic(before):
                names.append(before)
            for part in split_top_level(inside):
                part = re.sub(r"^(?:(?:some )?(?:trade or )?other names?|also known as)\s*:?\s*", "", part,
                              flags=re.I).strip()
                if looks_systematic(part) and not part.lower().startswith(("cas ", "including")):
                    names.append(part)
        elif looks_systematic(head):
            names.append(head)
    for e in extra:
        if e and e not in names:
            names.append(e)
    return names


# ---------------------------------------------------------------------------------------------------------
# Structures
# ---------------------------------------------------------------------------------------------------------

def structure_info(smiles, where):
    mol = Chem.MolFromSmiles(smiles)
    if mol is None:
        problem(where, f"SMILES does not parse in RDKit: {smiles}")
        return None, None
    return CalcMolFormula(mol), Chem.MolToInchiKey(mol)


def make_structure(smiles, source, recorded_formula, formula_source, stereo_note, where):
    formula, inchikey = structure_info(smiles, where)
    if formula is None:
        return None
    if recorded_formula and recorded_formula != formula:
        problem(where, f"recorded formula {recorded_formula} ({formula_source}) differs from the structure's {formula}")
    return OrderedDict([
        ("smiles", smiles),
        ("source", source),
        ("formula", recorded_formula or formula),
        ("formulaSource", formula_source if recorded_formula else "computed from the recorded structure by RDKit"),
        ("inchikey", inchikey),
        ("stereo", stereo_note),
        ("stereoDescriptor", None),
    ])


def row_structure(smiles, source, key, table_formula, notes, where):
    """The structure a researched row records, with the formula from an independent source where
    substances.csv has one, else the table's (computed from the same SMILES, so not independent)."""
    rf, rfs = independent_formula(key)
    if not rf and table_formula:
        rf, rfs = table_formula, "researched table (computed from the recorded structure)"
    return make_structure(smiles, source, rf, rfs, stereo_note(notes, smiles), where)


def stereo_note(notes, smiles):
    for pat in ["constitution only", "not encoded", "stereo not", "relative stereo"]:
        if pat in notes:
            m = re.search(r"[^;]*(" + re.escape(pat) + r")[^;]*", notes)
            return m.group(0).strip() if m else notes
    return "as specified in the SMILES" if "@" in smiles or "/" in smiles or "\\" in smiles else "no stereocentre specified"


# ---------------------------------------------------------------------------------------------------------
# Entry construction
# ---------------------------------------------------------------------------------------------------------

LIST_PREFIX = {
    "us-csa-schedule-i": "us-1", "us-csa-schedule-ii": "us-2", "us-csa-schedule-iii": "us-3",
    "us-csa-schedule-iv": "us-4", "us-csa-schedule-v": "us-5", "us-list-i-chemicals": "us-list-i",
    "cn-narcotic-drugs": "cn-narcotic", "cn-nps-supplementary": "cn-nps", "cn-precursor-chemicals": "cn-precursor",
    "un-1961-schedule-i": "un61-1", "un-1961-schedule-iv": "un61-4", "un-1988-table-i": "un88-1",
}
LIST_JURISDICTION = {code: code.split("-")[0].upper() for code in LIST_PREFIX}
SCHEDULE_LABEL = {
    "us-csa-schedule-i": "I", "us-csa-schedule-ii": "II", "us-csa-schedule-iii": "III", "us-csa-schedule-iv": "IV",
    "us-csa-schedule-v": "V", "us-list-i-chemicals": "List I", "cn-narcotic-drugs": "麻醉药品",
    "cn-nps-supplementary": "非药用类麻醉药品和精神药品", "cn-precursor-chemicals": "易制毒化学品",
    "un-1961-schedule-i": "I", "un-1961-schedule-iv": "IV", "un-1988-table-i": "Table I",
}

ENTRIES = defaultdict(list)   # list code -> entries
USED_STEPS, USED_CONFLICTS = set(), set()
SUBSTANCE_EXTRA = {}          # substance key -> row of substances.csv


def new_entry(list_code, key, *, category, paragraph, legal, english, chinese, synonyms, systematic, form,
              form_note, structure, no_structure, codes, steps, notes, open_questions, id_suffix=None):
    entry_id = LIST_PREFIX[list_code] + "-" + key + (("-" + id_suffix) if id_suffix else "")
    extra = SUBSTANCE_EXTRA.get(key)
    syn = list(synonyms)
    if extra:
        for s in extra["synonyms"].split(";"):
            s = s.strip()
            if s and s not in syn and s != english:
                syn.append(s)
    return OrderedDict([
        ("id", entry_id),
        ("substance", key),
        ("jurisdiction", LIST_JURISDICTION[list_code]),
        ("list", list_code),
        ("schedule", SCHEDULE_LABEL[list_code]),
        ("category", category),
        ("paragraph", paragraph),
        ("form", form),
        ("formNote", form_note),
        ("names", OrderedDict([("legal", legal), ("english", english), ("chinese", chinese),
                               ("systematic", systematic)])),
        ("synonyms", syn),
        ("structure", structure),
        ("noStructure", None if structure else (no_structure or "no structure recorded in the sources")),
        ("codes", codes),
        ("steps", steps),
        ("notes", [n for n in notes if n]),
        ("openQuestions", [q for q in open_questions if q]),
    ])


def codes(dea=None, cas=None, cas_note=None):
    return OrderedDict([("dea", dea or None), ("cas", cas or None), ("casNote", cas_note)])


def cas_of(key):
    extra = SUBSTANCE_EXTRA.get(key)
    if not extra or not extra["cas"]:
        return None, None
    raw = extra["cas"].strip()
    m = re.match(r"^([\d\-]+)\s*(\((.*)\))?$", raw)
    if not m:
        return None, None
    return m.group(1), (("CAS " + m.group(1) + " is that of the " + m.group(3)) if m.group(3) else None)


def independent_formula(key):
    extra = SUBSTANCE_EXTRA.get(key)
    if extra and extra["molecular_formula"]:
        return extra["molecular_formula"], extra["formula_source"]
    return None, None


def two_year_end(st):
    """A US temporary scheduling order whose own end date was not retrieved ends two years after it took
    effect (21 U.S.C. 811(h)(2): 'shall expire at the end of two years', extendable by one year), unless a later
    step continues it."""
    eff = st["effective"]
    if st["kind"] == "temporary" and st["until"] is None and eff and len(eff) == 10:
        y, m, d = eff.split("-")
        st["until"] = f"{int(y) + 2:04d}-{m}-{d}" if (m, d) != ("02", "29") else f"{int(y) + 2:04d}-02-28"
        st["untilNote"] = ((st["untilNote"] + "; ") if st["untilNote"] else "") + \
            "two years after it took effect, the term of a temporary order under 21 U.S.C. 811(h)(2) (its own end " \
            "date was not retrieved); what followed is recorded only where a later step says"


def normalise_step(s, where):
    out = OrderedDict()
    for k in ["kind", "effective", "effectiveUnknown", "notBefore", "inForce", "until", "untilNote", "lapsed",
              "continues", "citation", "note"]:
        out[k] = s.get(k)
    if out["effective"] is None and not out["effectiveUnknown"] and not out["continues"]:
        problem(where, "a step without an effective date must say why (effectiveUnknown)")
    if not out["citation"] or not out["citation"].get("text"):
        problem(where, "a step without a citation")
    return out


# ---------------------------------------------------------------------------------------------------------
# United States
# ---------------------------------------------------------------------------------------------------------

US_LIST_BY_SCHEDULE = {
    "I": "us-csa-schedule-i", "II": "us-csa-schedule-ii", "II (immediate precursor)": "us-csa-schedule-ii",
    "III": "us-csa-schedule-iii", "IV": "us-csa-schedule-iv", "V": "us-csa-schedule-v",
    "List I": "us-list-i-chemicals", "List I (as carbamate of 4-AP)": "us-list-i-chemicals",
}
US_STEPS = {match_key(k): v for k, v in C.US_STEPS.items()}
BOTANICAL = {"granulated opium", "opium extracts", "opium fluid", "powdered opium", "raw opium", "tincture of opium",
             "concentrate of poppy straw"}


def us_category(list_code, paragraph, steps):
    m = re.search(r"13\d\d\.\d\d\(([a-z])\)", paragraph)
    cat = m.group(1) if m else None
    if list_code == "us-csa-schedule-i" and any(s["kind"] in ("permanent", "statute") for s in steps):
        return "b"
    if cat is None and "1308.11" in paragraph:
        return "b"
    return cat


def build_us(rows):
    for i, r in enumerate(rows):
        where = f"us_opioids.csv row {i + 2} ({r['common_name']})"
        if r["common_name"].startswith("fentanyl-related substances"):
            continue  # the class: rules/us-frs.json
        list_code = US_LIST_BY_SCHEDULE[r["schedule"]]
        common = first_name(r["common_name"])
        form, form_note, id_suffix = "substance", None, None
        para = r["cfr_paragraph"]
        para_short = re.sub(r"\s*\[.*?\]|\s*\(paragraph not retrieved\)|now in |\(permanent\)", "", para).strip()
        if common.endswith(" preparation"):
            key = substance_key(common[: -len(" preparation")])
            form = "preparation"
            form_note = "a preparation with quantity limits; the structure is that of the narcotic ingredient, which "\
                        "this listing covers only in such preparations"
            m = re.search(r"\(([a-z])\)\((\d+)\)(?:\(([ivx]+)\))?", para)
            id_suffix = "preparation-" + "".join(x for x in m.groups() if x) if m else "preparation"
        elif common in BOTANICAL:
            key = "poppy-straw-concentrate" if "poppy" in common else "opium"
            form = "botanical"
            form_note = common
            if key == "opium":
                id_suffix = slug(common)
        else:
            key = substance_key(common)
        if common == "etorphine hydrochloride":
            form, form_note = "salt", "the hydrochloride salt only; etorphine base and its other salts are in Schedule I "\
                                      "(21 CFR 1308.11(c)(10))"
        elif common == "etorphine":
            form_note = "except the hydrochloride salt, which is in Schedule II (21 CFR 1308.12(b)(1)(iv))"
        elif common == "bulk dextropropoxyphene":
            form, form_note = "bulk", "non-dosage forms only; dosage forms are in Schedule IV (21 CFR 1308.14(b)(2))"
        elif common == "dextropropoxyphene":
            form_note = "narcotic drug in limited quantities (dosage forms); bulk (non-dosage) forms are in Schedule II"
        elif common == "alphacetylmethadol":
            form_note = "except levo-alphacetylmethadol (LAAM), which is in Schedule II (21 CFR 1308.12(c)(11))"
        # steps
        curated = US_STEPS.get(match_key(key)) if form in ("substance", "salt", "bulk") else None
        if curated is not None:
            USED_STEPS.add(match_key(key))
        if curated is not None and list_code == "us-csa-schedule-i" or (curated is not None and list_code in (
                "us-csa-schedule-ii", "us-csa-schedule-iii", "us-csa-schedule-iv", "us-list-i-chemicals")):
            steps = [dict(s) for s in curated]
        else:
            if r["effective_date"] or (r["federal_register"] and "per earlier research" not in r["federal_register"]):
                problem(where, "the researched row gives dates or Federal Register citations; curation.US_STEPS must "
                               "supply its steps")
            section = re.search(r"(1308\.1[1-5]|1310\.02)", para + " " + r["status_source"])
            section = section.group(1) if section else None
            inforce = None
            if section in C.ATTESTATIONS and "MichalOpoka" in r["status_source"]:
                d, src = C.ATTESTATIONS[section]
                inforce = C.attest(d, src)
            steps = [C.step("listing", C.cite("21 CFR " + para_short + " (" + r["status_source"].split(" (")[0] + ")"),
                            effectiveUnknown="the date this substance was first placed on this list is not recorded",
                            inForce=inforce)]
        steps = [normalise_step(s, where) for s in steps]
        for st in steps:
            two_year_end(st)
        category = us_category(list_code, para, steps)
        # structure
        structure, no_structure = None, None
        if ("US", key) in C.REJECTED_STRUCTURES:
            no_structure = C.REJECTED_STRUCTURES[("US", key)]
        elif r["smiles"]:
            structure = row_structure(r["smiles"], r["smiles_source"], key, r["formula"], r["notes"], where)
        elif form in ("preparation", "botanical"):
            no_structure = "a preparation or plant material, not a single compound"
        cas, cas_note = cas_of(key)
        notes = [r["notes"]] if r["notes"] else []
        notes.append("Listing status from: " + r["status_source"])
        oq = []
        entry_id = LIST_PREFIX[list_code] + "-" + key + (("-" + id_suffix) if id_suffix else "")
        if entry_id in C.CODE_CONFLICTS:
            oq.append("DEA code: " + C.CODE_CONFLICTS[entry_id])
            USED_CONFLICTS.add(entry_id)
        synonyms = [s.strip() for s in r["common_name"].split(";")[1:]]
        entry = new_entry(list_code, key, category=category, paragraph="21 CFR " + para_short, legal=r["name_in_cfr"],
                          english=common, chinese=None, synonyms=synonyms,
                          systematic=systematic_names(r["name_in_cfr"]) if form not in ("preparation", "botanical")
                          else [], form=form, form_note=form_note,
                          structure=structure, no_structure=no_structure, codes=codes(r["dea_code"], cas, cas_note),
                          steps=steps, notes=notes, open_questions=oq, id_suffix=id_suffix)
        ENTRIES[list_code].append(entry)
    for x in C.US_EXTRA_ENTRIES:
        where = "curation.US_EXTRA_ENTRIES " + x["substance"]
        structure = make_structure(x["smiles"], x["smilesSource"], None, None, "no stereocentre specified", where)
        ENTRIES[x["list"]].append(new_entry(
            x["list"], x["substance"], category=x["category"], paragraph=x["paragraph"], legal=x["legal"],
            english=x["english"], chinese=None, synonyms=[], systematic=x["systematic"], form="substance",
            form_note=None, structure=structure, no_structure=None, codes=codes(), steps=[
                normalise_step(s, where) for s in x["steps"]], notes=x["notes"], open_questions=[]))


# ---------------------------------------------------------------------------------------------------------
# China
# ---------------------------------------------------------------------------------------------------------

CN_LIST = {"麻醉药品品种目录": "cn-narcotic-drugs", "非药用类麻醉药品和精神药品管制品种增补目录": "cn-nps-supplementary",
           "易制毒化学品分类和品种目录": "cn-precursor-chemicals"}


def build_cn(rows):
    for i, r in enumerate(rows):
        where = f"cn_opioids.csv row {i + 2} ({r['english_name']})"
        key = substance_key(r["english_name"])
        if key is None:
            continue  # a class: rules/
        list_code = CN_LIST[r["list"].split(" (")[0]]
        notes_text = r["notes"]
        rendering = "our rendering" in notes_text
        chinese = None if rendering or not r["chinese_name"] else r["chinese_name"]
        synonyms = [r["chinese_name"]] if rendering and r["chinese_name"] else []
        form, form_note = "substance", None
        no_structure = None
        if "botanical/preparation" in notes_text:
            form, no_structure = "botanical", "plant material or a preparation, not a single compound"
            if key in ("poppy-shell", "concentrate-of-poppy-straw"):
                key = "poppy-straw-concentrate" if "concentrate" in key else key
            if key == "compound-camphor-tincture":
                form = "preparation"
        if "group/intermediate name" in notes_text and "and other" in r["english_name"]:
            form, no_structure = "group", "a group of substances, not a single compound"
        # steps
        if list_code == "cn-narcotic-drugs":
            inforce = C.attest("2025-03-04", C.SCIO_2025) if C.CN_STEPS.get((list_code, key)) == "scio" else None
            steps = [C.step("listing", C.cite("《麻醉药品品种目录》; item from " + r["source"]),
                            effectiveUnknown="the edition of the list that added this item was not retrieved (the item "
                                             "set matches the 2007 edition; the 2013 edition, effective 2014-01-01, was not "
                                             "retrieved)", inForce=inforce)]
        elif list_code == "cn-nps-supplementary":
            eff = r["effective_date"] or None
            source_cite = {"2017-03-01": C.CN_NPS_2017_03, "2017-07-01": C.CN_NPS_2017_07,
                           "2024-07-01": C.CN_NPS_2024_07}.get(eff, C.CN_NPS_2018_08)
            steps = [C.step("announcement", source_cite, effective=eff,
                            effectiveUnknown=None if eff else "announced in August 2018 among 32 NPS; the effective date "
                                                              "is not in the report retrieved")]
        else:
            steps = [C.step("listing", C.CN_PRECURSOR_2018, effective="2018-02",
                            note="the month is known, the day is not")]
        steps = [normalise_step(s, where) for s in steps]
        structure = None
        if ("CN", key) in C.REJECTED_STRUCTURES:
            no_structure = C.REJECTED_STRUCTURES[("CN", key)]
        elif r["smiles"]:
            structure = row_structure(r["smiles"], r["smiles_source"], key, r["formula"], notes_text, where)
        cas = r["cas"] or cas_of(key)[0]
        notes = [notes_text] if notes_text else []
        notes.append("Listing from: " + r["source"])
        ENTRIES[list_code].append(new_entry(
            list_code, key, category={"cn-narcotic-drugs": "narcotic", "cn-nps-supplementary": "nps",
                                      "cn-precursor-chemicals": "precursor"}[list_code],
            paragraph=CN_PARAGRAPH[list_code], legal=r["chinese_name"] or None, english=r["english_name"],
            chinese=chinese, synonyms=synonyms, systematic=systematic_names(r["english_name"]), form=form,
            form_note=form_note, structure=structure, no_structure=no_structure, codes=codes(None, cas),
            steps=steps, notes=notes, open_questions=[]))


CN_PARAGRAPH = {"cn-narcotic-drugs": "《麻醉药品品种目录》", "cn-nps-supplementary": "《非药用类麻醉药品和精神药品管制品种增补目录》",
                "cn-precursor-chemicals": "《易制毒化学品分类和品种目录》"}

# ---------------------------------------------------------------------------------------------------------
# United Nations
# ---------------------------------------------------------------------------------------------------------

UN_ATTEST = {
    "acetylfentanyl": ("2017-06-07", "US final order FR Doc 2017-11795 (82 FR 26349) states that it discharges the "
                                     "United States obligations under the Single Convention"),
    "butyrfentanyl": ("2018-04-20", "83 FR 17486 (FR Doc 2018-08280) 'discharges the United States obligations under "
                                    "the Single Convention on Narcotic Drugs (1961)'"),
    "u-47700": ("2018-04-20", "83 FR 17486 (FR Doc 2018-08280) 'discharges the United States obligations under the "
                              "Single Convention on Narcotic Drugs (1961)'"),
    "2-methyl-ap-237": ("2024-03-15", "US final order FR Doc 2024-05543 states that it discharges the Single Convention "
                                      "obligations"),
    "brorphine": ("2023-03-06", "US final order FR Doc 2023-04364 states that it discharges the Single Convention "
                                "obligations"),
    "metonitazene": ("2023-08-18", "US final order FR Doc 2023-17778 states that it discharges the Single Convention "
                                   "obligations"),
    "cyclopropylfentanyl": ("2019-10-25", "84 FR 57323 (FR Doc 2019-23348) 'discharges the United States' obligations "
                                          "under the Single Convention on Narcotic Drugs (1961)'"),
}

UN_EXTRA = ["methoxyacetylfentanyl", "ortho-fluorofentanyl", "para-fluorobutyrfentanyl"]  # CND-62 (2019) decisions
# that definitions.md records and the UN table lacks


def un_steps(r, key):
    year, src = r["year_added"], r["decision_or_source"]
    att = UN_ATTEST.get(key)
    inforce = C.attest(att[0], att[1]) if att else None
    if key in C.UN_DECISIONS:
        return None
    if year.startswith("2018"):
        return [C.step("decision", C.UN_CND_61, effective="2018-03", inForce=inforce)]
    if year.startswith("2019"):
        return [C.step("decision", C.UN_CND_62, effective="2019", inForce=inforce,
                       note="the session month is not in the sources")]
    if year.startswith("2020"):
        return [C.step("decision", C.cite(src), effectiveUnknown="WHO ECDD-42 recommended the addition; the CND decision "
                                                                  "(probably at its 63rd session, 2020) was not retrieved")]
    if year.startswith("2022") and r["convention"].startswith("1961"):
        return [C.step("decision", C.cite(src), effective="2022-03", inForce=inforce,
                       note="CND year and session from a live blog of the session, not the official decision text")]
    if year.startswith("2024") and "recommended" not in year:
        return [C.step("decision", C.cite(src), effective="2024-03",
                       note="CND year and session from a live blog of the session, not the official decision text")]
    if year.startswith("2017"):
        return [C.step("decision", C.UN_1988_2017, effective="2017-03")]
    if year.startswith("2022"):
        return [C.step("decision", C.UN_1988_2022, effective="2022-03")]
    if "recommended" in year:
        return [C.step("decision", C.cite(src), effectiveUnknown="INCB recommended adding it to Table I (statement of "
                                                                  "2024-03-19); the CND decision was not retrieved",
                       notBefore="2024-03-19")]
    if year.startswith("1961"):
        attest_2013 = C.attest("2013-09-25", C.UN_ST_CND_2013) if "ST/CND/1/Add.1" in src else None
        return [C.step("treaty", C.cite(src),
                       effectiveUnknown="in Schedule I per the Commentary's list of drugs in Schedule I; whether as "
                                        "annexed to the Convention (in force 1964-12-13) or added later is not recorded",
                       inForce=attest_2013)]
    if "ST/CND/1/Add.1" in src:
        return [C.step("listing", C.cite(src), effectiveUnknown="year added not retrieved",
                       inForce=C.attest("2013-09-25", C.UN_ST_CND_2013))]
    if inforce:
        return [C.step("decision", C.cite(src), effectiveUnknown="CND decision year not retrieved", inForce=inforce)]
    return [C.step("decision", C.cite(src), effectiveUnknown="CND decision year not retrieved")]


def build_un(rows, structures_by_key):
    for i, r in enumerate(rows):
        where = f"un_opioids.csv row {i + 2} ({r['name']})"
        key = substance_key(r["name"])
        conv = r["convention"]
        sched = r["schedule_or_table"]
        if conv.startswith("1961"):
            lists = ["un-1961-schedule-i"] + (["un-1961-schedule-iv"] if "IV" in sched else [])
        else:
            lists = ["un-1988-table-i"]
        steps = C.UN_DECISIONS.get(key, {}).get(lists[0]) or un_steps(r, key)
        steps = [normalise_step(s, where) for s in steps]
        structure, no_structure = None, None
        if r["smiles"]:
            structure = row_structure(r["smiles"], r["smiles_source"], key, r["formula"], r["notes"], where)
        elif key in structures_by_key:
            structure = borrowed(structures_by_key[key])
        else:
            no_structure = r["notes"] or None
        notes = [r["notes"]] if r["notes"] else []
        notes.append("Listing from: " + r["decision_or_source"])
        for list_code in lists:
            ENTRIES[list_code].append(new_entry(
                list_code, key, category="I" if list_code != "un-1961-schedule-iv" else "IV",
                paragraph=("1961 Convention, Schedule " + ("IV" if list_code.endswith("iv") else "I"))
                if conv.startswith("1961") else "1988 Convention, Table I",
                legal=r["name"], english=re.sub(r"\s*\(.*\)$", "", r["name"]), chinese=None, synonyms=[],
                systematic=systematic_names(r["name"], un_systematic(r)), form="substance", form_note=None,
                structure=structure, no_structure=no_structure, codes=codes(None, cas_of(key)[0]), steps=steps,
                notes=notes, open_questions=[]))
    for name in UN_EXTRA:
        key = substance_key(name)
        where = "UN_EXTRA " + key
        steps = [normalise_step(C.step("decision", C.UN_CND_62, effective="2019", inForce=C.attest(
            "2019-10-25", "84 FR 57323 (FR Doc 2019-23348) 'discharges the United States' obligations under the Single "
                          "Convention on Narcotic Drugs (1961)'"), note="the session month is not in the sources"), where)]
        ENTRIES["un-1961-schedule-i"].append(new_entry(
            "un-1961-schedule-i", key, category="I", paragraph="1961 Convention, Schedule I", legal=name, english=name,
            chinese=None, synonyms=[], systematic=[], form="substance", form_note=None,
            structure=borrowed(structures_by_key[key]), no_structure=None, codes=codes(None, cas_of(key)[0]),
            steps=steps, notes=["Decision recorded in definitions.md (UN conventions: 2019, CND-62); not in the UN table."],
            open_questions=[]))


def un_systematic(r):
    m = re.search(r"UN 1961 chemical name '([^']+)'", r["smiles_source"])
    return [m.group(1)] if m else []


def borrowed(pair):
    entry_id, st = pair
    out = OrderedDict(st)
    out["source"] = f"as recorded for the same substance in {entry_id} ({st['source']})"
    return out


def fill_structures_by_key():
    """Structure of each substance from the first entry that records one (US lists first)."""
    by_key = {}
    for list_code in LIST_PREFIX:
        for e in ENTRIES[list_code]:
            if e["structure"] and e["form"] in ("substance", "salt", "bulk") and e["substance"] not in by_key:
                by_key[e["substance"]] = (e["id"], e["structure"])
    return by_key


def borrow_missing(by_key):
    """Entries of a substance whose own row has no usable structure take the one recorded for it elsewhere."""
    for entries in ENTRIES.values():
        for e in entries:
            if e["structure"] is None and e["form"] in ("substance", "salt", "bulk") and e["substance"] in by_key:
                why = e["noStructure"]
                e["structure"] = borrowed(by_key[e["substance"]])
                e["noStructure"] = None
                if why and "used instead" in why:
                    e["notes"].append("Structure: " + why)
                elif why:
                    e["structure"] = None
                    e["noStructure"] = why


# ---------------------------------------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------------------------------------

def skeleton(inchikey):
    return inchikey.split("-")[0]


def check_collisions():
    all_ids = set()
    for list_code, entries in ENTRIES.items():
        names, structs = {}, {}
        for e in entries:
            if e["id"] in all_ids:
                problem(e["id"], "duplicate entry id")
            all_ids.add(e["id"])
            n = match_key(e["names"]["legal"] or e["names"]["english"])
            if n in names:
                problem(e["id"], f"same legal name as {names[n]} in {list_code}")
            names[n] = e["id"]
            st = e["structure"]
            if st and e["form"] in ("substance", "salt", "bulk"):
                k = skeleton(st["inchikey"])
                if k in structs:
                    other = structs[k]
                    a, b = C.STEREO_FAMILIES.get(e["substance"]), C.STEREO_FAMILIES.get(other[1])
                    if other[1] == e["substance"]:
                        pass  # one substance in two forms (salt, bulk): distinct listings
                    elif not (a and b and a != b):
                        problem(e["id"], f"same structure as {other[0]} in {list_code}")
                structs[k] = (e["id"], e["substance"])
    # one substance key, one constitution
    by_key = defaultdict(set)
    by_struct = defaultdict(set)
    for entries in ENTRIES.values():
        for e in entries:
            if e["structure"] and e["form"] in ("substance", "salt", "bulk"):
                by_key[e["substance"]].add(skeleton(e["structure"]["inchikey"]))
                by_struct[skeleton(e["structure"]["inchikey"])].add(e["substance"])
    for key, sks in by_key.items():
        if len(sks) > 1:
            problem(key, f"one substance key with {len(sks)} different structures")
    for sk, keys in by_struct.items():
        keys = sorted(keys)
        if len(keys) > 1 and not all(k in C.STEREO_FAMILIES for k in keys):
            problem(", ".join(keys), "different substance keys share one structure; add an alias or a stereo family")
    return all_ids


def build_rules(all_ids):
    entries_by_id = {e["id"]: e for es in ENTRIES.values() for e in es}
    rules_out = []
    for rule in R.RULES:
        r = OrderedDict()
        for k in ["id", "jurisdiction", "kind", "name", "nameZh", "list", "schedule", "parent", "legalText",
                  "criteria", "combination", "exclusions", "screen", "steps", "notes", "openQuestions"]:
            r[k] = rule.get(k)
        r["steps"] = [normalise_step(s, "rule " + rule["id"]) for s in rule["steps"]]
        if r["parent"]:
            f, ik = structure_info(r["parent"]["smiles"], "rule " + rule["id"] + " parent")
            r["parent"] = OrderedDict(list(r["parent"].items()) + [("formula", f), ("inchikey", ik)])
        if r["screen"]:
            if Chem.MolFromSmarts(r["screen"]["smarts"]) is None:
                problem("rule " + rule["id"], "screen SMARTS does not parse")
        rules_out.append(r)
    rule_ids = {r["id"]: r for r in rules_out}
    examples = []
    seen = set()
    for x in R.EXAMPLES:
        where = "example " + x["id"]
        if x["id"] in seen:
            problem(where, "duplicate example id")
        seen.add(x["id"])
        f, ik = structure_info(x["smiles"], where)
        for exp in x["expectations"]:
            rule = rule_ids.get(exp["rule"])
            if rule is None:
                problem(where, f"unknown rule {exp['rule']}")
                continue
            crit_ids = {c["id"] for c in rule["criteria"]}
            for cid in exp["criteria"]:
                if cid not in crit_ids:
                    problem(where, f"criterion {cid} is not a criterion of {exp['rule']}")
            if exp["member"] is True and not exp["criteria"]:
                problem(where, f"a member of {exp['rule']} must name the criteria it meets")
            if exp["member"] is False and exp["criteria"]:
                problem(where, f"a non-member of {exp['rule']} cannot meet criteria")
            if exp["excludedBy"]:
                target = entries_by_id.get(exp["excludedBy"])
                if target is None:
                    problem(where, f"excluded by {exp['excludedBy']}, which is not an entry")
                elif ik and (not target["structure"] or skeleton(target["structure"]["inchikey"]) != skeleton(ik)):
                    problem(where, f"excluded by {exp['excludedBy']}, whose structure differs from the example's")
        for o in x["outcomes"]:
            if o["basis"] == "listing":
                target = entries_by_id.get(o["ref"])
                if target is None:
                    problem(where, f"outcome names {o['ref']}, which is not an entry")
                elif ik and target["structure"] and skeleton(target["structure"]["inchikey"]) != skeleton(ik):
                    problem(where, f"outcome names {o['ref']}, whose structure differs from the example's")
            elif o["basis"] == "class" and o["ref"] not in rule_ids:
                problem(where, f"outcome names rule {o['ref']}, which does not exist")
        examples.append(OrderedDict([
            ("id", x["id"]), ("name", x["name"]), ("smiles", x["smiles"]), ("formula", f), ("inchikey", ik),
            ("description", x["description"]),
            ("expectations", [OrderedDict([("rule", e["rule"]), ("member", e["member"]),
                                           ("criteria", [OrderedDict([("id", k), ("explanation", v)])
                                                         for k, v in e["criteria"].items()]),
                                           ("excludedBy", e["excludedBy"]), ("note", e["note"])])
                              for e in x["expectations"]]),
            ("probes", [OrderedDict([("rule", p["rule"]), ("criteria", p["criteria"])]) for p in x["probes"]]),
            ("outcomes", [OrderedDict([("jurisdiction", o["jurisdiction"]), ("date", o["date"]),
                                       ("status", o["status"]), ("basis", o["basis"]), ("ref", o["ref"])])
                          for o in x["outcomes"]]),
        ]))
    return rules_out, examples


# ---------------------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------------------

GENERATED = "Generated by scripts/reference/build_knowledge_base.py from scripts/reference/law/; edit those and regenerate."


def write_json(path, obj):
    full = os.path.join(OUT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, indent=2)
        f.write("\n")


def main():
    for r in read_csv("substances.csv"):
        SUBSTANCE_EXTRA[substance_key(r["name"])] = r
    build_us(read_csv("us_opioids.csv"))
    build_cn(read_csv("cn_opioids.csv"))
    by_key = fill_structures_by_key()
    build_un(read_csv("un_opioids.csv"), by_key)
    borrow_missing(by_key)
    for entries in ENTRIES.values():
        for e in entries:
            if e["structure"]:
                e["structure"] = OrderedDict(e["structure"])
                e["structure"]["stereoDescriptor"] = C.STEREO_FAMILIES.get(e["substance"])
    all_ids = check_collisions()
    for k in set(US_STEPS) - USED_STEPS:
        problem("curation.US_STEPS", f"{k} matches no US entry")
    for k in set(C.CODE_CONFLICTS) - USED_CONFLICTS:
        problem("curation.CODE_CONFLICTS", f"{k} is not an entry")
    codes_seen = {}
    for es in ENTRIES.values():
        for e in es:
            dea = e["codes"]["dea"]
            if dea and e["jurisdiction"] == "US":
                if dea in codes_seen and not (e["id"] in C.CODE_CONFLICTS and codes_seen[dea] in C.CODE_CONFLICTS) \
                        and e["substance"] != next(x["substance"] for xs in ENTRIES.values() for x in xs
                                                   if x["id"] == codes_seen[dea]):
                    problem(e["id"], f"DEA code {dea} also used by {codes_seen[dea]}")
                codes_seen.setdefault(dea, e["id"])
    rules_out, examples = build_rules(all_ids)
    if PROBLEMS:
        print("\n".join(PROBLEMS), file=sys.stderr)
        print(f"{len(PROBLEMS)} problem(s); nothing written", file=sys.stderr)
        sys.exit(1)
    jur = OrderedDict([("formatVersion", FORMAT_VERSION), ("generatedBy", GENERATED), ("jurisdictions", [])])
    for j in C.JURISDICTIONS:
        jj = OrderedDict()
        for k in ["code", "name", "nameZh", "authority", "classRules", "noClassRulesNote"]:
            jj[k] = j[k]
        jj["lists"] = []
        for lst in j["lists"]:
            ll = OrderedDict()
            for k in ["code", "name", "nameZh", "control", "instrument", "file", "completeThrough", "completeness", "categories",
                      "notes"]:
                ll[k] = lst.get(k)
            jj["lists"].append(ll)
        jur["jurisdictions"].append(jj)
    write_json("jurisdictions.json", jur)
    for j in C.JURISDICTIONS:
        for lst in j["lists"]:
            write_json(lst["file"], OrderedDict([("formatVersion", FORMAT_VERSION), ("generatedBy", GENERATED),
                                                 ("list", lst["code"]), ("entries", ENTRIES[lst["code"]])]))
    for r in rules_out:
        write_json(f"rules/{r['id']}.json", OrderedDict([("formatVersion", FORMAT_VERSION), ("generatedBy", GENERATED)]
                                                        + list(r.items())))
    write_json("rules/examples.json", OrderedDict([("formatVersion", FORMAT_VERSION), ("generatedBy", GENERATED),
                                                   ("examples", examples)]))
    total = sum(len(v) for v in ENTRIES.values())
    print(f"{total} entries, {len(rules_out)} rules, {len(examples)} examples", file=sys.stderr)
    for code in LIST_PREFIX:
        es = ENTRIES[code]
        print(f"  {code}: {len(es)} entries, {sum(1 for e in es if e['structure'])} with structure", file=sys.stderr)


if __name__ == "__main__":
    main()
