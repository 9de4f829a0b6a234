"""Hand-curated facts for the law knowledge base.

`build_knowledge_base.py` reads the researched tables in `sources/` and this module. Everything here is a fact
checked against a dated primary or official source (the citation says which) or a decision about conflicting
facts (the comment says why). Nothing here is a guess: where the sources do not say, the step says that the
date is unknown and why.

Conventions
- Dates are ISO strings. `effective` may be a day (`2018-02-06`), a month (`2018-02`) or a year (`2018`) when the
  source gives no more; `None` when unknown, with `effectiveUnknown` saying why.
- `notBefore`: a date the step cannot precede (for a Federal Register rule: its publication date).
- `inForce`: a dated source that shows the step in force on that date (an "attestation"): the engine treats the
  step as in force from then on, until a recorded end.
- `until`: the scheduled end of a temporary order (the end of its last day in force).
"""

# ---------------------------------------------------------------------------------------------------------
# Citations used many times
# ---------------------------------------------------------------------------------------------------------

ECFR_1308_11_2018 = (
    "21 CFR 1308.11 as in force on 2018-02-06 (eCFR text mirrored in GitHub MichalOpoka/ecfr @105e0fc2; "
    "its latest effective-date note is 83 FR 5191 of 2018-02-06)"
)
ECFR_1308_12_2022 = (
    "21 CFR 1308.12 as current when 87 FR 70717 (2022-11-21) was pending (eCFR text mirrored in GitHub "
    "MichalOpoka/ecfr @1259d5b8)"
)
ECFR_1308_15_2016 = (
    "21 CFR 1308.15 as amended through 81 FR 29491 of 2016-05-12 (eCFR text mirrored in GitHub "
    "MichalOpoka/ecfr @17639b10)"
)
ECFR_1310_02_2021 = (
    "21 CFR 1310.02 as current c. late 2021 (eCFR text mirrored in GitHub MichalOpoka/ecfr @04d1d96f); it "
    "includes the 85 FR 20822 amendment effective 2020-05-15"
)
SCIO_2025 = (
    "State Council Information Office white paper 'Controlling Fentanyl-Related Substances - China's "
    "Contribution' (2025-03-04): fentanyl-related medications are in the List of Controlled Narcotic Drugs"
)
UN_ST_CND_2013 = (
    "UN ST/CND/1/Add.1 'Schedules of the Single Convention on Narcotic Drugs, 1961 ... as at 25 September 2013' "
    "(docslib.org/doc/2406239)"
)
CN_FRS_ANNOUNCEMENT = (
    "MPS/NHC/NMPA announcement of 2019-04-01 adding fentanyl-related substances to the Supplementary List "
    "(effective 2019-05-01)"
)

# Dates attested by dated legal texts (see the module docstring). Keyed by the section the researched row
# cites in its `status_source` column.
ATTESTATIONS = {
    "1308.11": ("2018-02-06", ECFR_1308_11_2018),
    "1308.12": ("2022-11-21", ECFR_1308_12_2022),
    "1308.15": ("2016-05-12", ECFR_1308_15_2016),
    "1310.02": ("2020-05-15", ECFR_1310_02_2021),
}


def cite(text, url=None):
    return {"text": text, "url": url}


def step(kind, citation, effective=None, effectiveUnknown=None, notBefore=None, inForce=None, until=None,
         untilNote=None, lapsed=False, continues=False, note=None):
    return {
        "kind": kind,
        "effective": effective,
        "effectiveUnknown": effectiveUnknown,
        "notBefore": notBefore,
        "inForce": inForce,
        "until": until,
        "untilNote": untilNote,
        "lapsed": lapsed,
        "continues": continues,
        "citation": citation,
        "note": note,
    }


def attest(date, source):
    return {"date": date, "source": source}


# ---------------------------------------------------------------------------------------------------------
# Jurisdictions and their lists
# ---------------------------------------------------------------------------------------------------------

def coverage(salts, isomers, esters, ethers, note=None):
    return {"salts": salts, "isomers": isomers, "esters": esters, "ethers": ethers, "note": note}


ALL_FOUR = coverage(True, True, True, True)

JURISDICTIONS = [
    {
        "code": "US",
        "name": "United States",
        "nameZh": "美国",
        "authority": "Controlled Substances Act (21 U.S.C. 801 et seq.); DEA regulations, 21 CFR parts 1308 and 1310",
        "classRules": ["us-frs", "us-analogue-act"],
        "noClassRulesNote": None,
        "lists": [
            {
                "code": "us-csa-schedule-i",
                "name": "Controlled Substances Act, Schedule I",
                "nameZh": None,
                "control": "drug",
                "instrument": "21 U.S.C. 812(c) Schedule I; 21 CFR 1308.11",
                "file": "lists/us-csa-schedule-i.json",
                "completeThrough": "2018-02-06",
                "completeness": "every opiate (1308.11(b)), opium derivative (1308.11(c)) and fentanyl-type temporary listing (1308.11(h)) of the text in force on 2018-02-06 is recorded; later additions only where retrieved",
                "categories": [
                    {
                        "code": "b",
                        "name": "Opiates (21 CFR 1308.11(b))",
                        "coverage": coverage(True, True, True, True,
                                             "for 3-methylthiofentanyl only, 'isomer' includes the optical and geometric "
                                             "isomers (the current text names it; the 2018 text cites its paragraph number "
                                             "as (b)(34), the 2019 text as (b)(39))"),
                        "quote": "Unless specifically excepted or unless listed in another schedule, any of the following "
                                 "opiates, including their isomers, esters, ethers, salts, and salts of isomers, esters and "
                                 "ethers, whenever the existence of such isomers, esters, ethers and salts is possible within "
                                 "the specific chemical designation",
                        "citation": cite("21 CFR 1308.11(b) " + "(" + ECFR_1308_11_2018 + ")"),
                    },
                    {
                        "code": "c",
                        "name": "Opium derivatives (21 CFR 1308.11(c))",
                        "coverage": coverage(True, True, False, False),
                        "quote": "Unless specifically excepted or unless listed in another schedule, any of the following "
                                 "opium derivatives, its salts, isomers, and salts of isomers whenever the existence of such "
                                 "salts, isomers, and salts of isomers is possible within the specific chemical designation",
                        "citation": cite("21 CFR 1308.11(c) (" + ECFR_1308_11_2018 + ")"),
                    },
                    {
                        "code": "h",
                        "name": "Temporary listing of substances subject to emergency scheduling (21 CFR 1308.11(h))",
                        "coverage": coverage(True, True, True, True,
                                             "each fentanyl-type (h) listing names 'its isomers, esters, ethers, salts and "
                                             "salts of isomers, esters and ethers'"),
                        "quote": "Any material, compound, mixture or preparation which contains any quantity of the "
                                 "following substances",
                        "citation": cite("21 CFR 1308.11(h) (" + ECFR_1308_11_2018 + ")"),
                    },
                ],
                "notes": [
                    "Paragraph numbers of entries listed before 2018 follow the text as in force on 2018-02-06; DEA "
                    "renumbers the opiates paragraph whenever it adds a substance.",
                    "Not yet recorded: the temporary listings 1308.11(h)(31)-(h)(91); seven of the nine fentanyl-related "
                    "substances made permanent by 88 FR 85104 (2023-12-07); the seven specific fentanyl-related "
                    "substances placed by 90 FR 44979 (FR Doc 2025-18103, effective 2025-09-18), whose names were not "
                    "retrieved.",
                ],
            },
            {
                "code": "us-csa-schedule-ii",
                "name": "Controlled Substances Act, Schedule II",
                "nameZh": None,
                "control": "drug",
                "instrument": "21 U.S.C. 812(c) Schedule II; 21 CFR 1308.12",
                "file": "lists/us-csa-schedule-ii.json",
                "completeThrough": "2022-11-21",
                "completeness": "every opiate, opium derivative and fentanyl immediate precursor of the text current on 2022-11-21 is recorded",
                "categories": [
                    {
                        "code": "b",
                        "name": "Substances, vegetable origin or chemical synthesis (21 CFR 1308.12(b))",
                        "coverage": coverage(True, None, None, None,
                                             "(b)(1) covers 'any salt, compound, derivative, or preparation of opium or "
                                             "opiate'; (b)(2) any salt, compound, derivative or preparation 'chemically "
                                             "equivalent or identical'; isomers, esters and ethers are not named"),
                        "quote": "Opium and opiate, and any salt, compound, derivative, or preparation of opium or opiate "
                                 "excluding apomorphine, thebaine-derived butorphanol, dextrorphan, nalbuphine, naldemedine, "
                                 "nalmefene, naloxegol, naloxone, 6β-naltrexol, naltrexone, and samidorphan, and their "
                                 "respective salts, but including the following",
                        "citation": cite("21 CFR 1308.12(b)(1) (" + ECFR_1308_12_2022 + ")"),
                    },
                    {
                        "code": "c",
                        "name": "Opiates (21 CFR 1308.12(c))",
                        "coverage": coverage(True, True, True, True, "dextrorphan and levopropoxyphene excepted"),
                        "quote": "Unless specifically excepted or unless in another schedule any of the following opiates, "
                                 "including its isomers, esters, ethers, salts and salts of isomers, esters and ethers "
                                 "whenever the existence of such isomers, esters, ethers, and salts is possible within the "
                                 "specific chemical designation, dextrorphan and levopropoxyphene excepted",
                        "citation": cite("21 CFR 1308.12(c) (" + ECFR_1308_12_2022 + ")"),
                    },
                    {
                        "code": "g",
                        "name": "Immediate precursors (21 CFR 1308.12(g))",
                        "coverage": coverage(None, None, None, None,
                                             "the paragraph covers 'any material, compound, mixture, or preparation which "
                                             "contains any quantity of' the substance; salts and isomers are not named"),
                        "quote": "Unless specifically excepted or unless listed in another schedule, any material, compound, "
                                 "mixture, or preparation which contains any quantity of the following substances",
                        "citation": cite("21 CFR 1308.12(g) (" + ECFR_1308_12_2022 + ")"),
                    },
                ],
                "notes": [
                    "Immediate precursors placed in Schedule II under 21 U.S.C. 811(e) are controlled substances; Accord "
                    "reports them as scheduled, with their category.",
                ],
            },
            {
                "code": "us-csa-schedule-iii",
                "name": "Controlled Substances Act, Schedule III",
                "nameZh": None,
                "control": "drug",
                "instrument": "21 U.S.C. 812(c) Schedule III; 21 CFR 1308.13",
                "file": "lists/us-csa-schedule-iii.json",
                "completeThrough": None,
                "completeness": "the narcotic paragraphs of a text of c. 2016-2017 are recorded, but the text carries no date",
                "categories": [
                    {
                        "code": "d",
                        "name": "Nalorphine (21 CFR 1308.13(d))",
                        "coverage": coverage(None, None, None, None, "the paragraph names the substance only"),
                        "quote": "Nalorphine 9400.",
                        "citation": cite("21 CFR 1308.13(d) (eCFR text mirrored in GitHub MichalOpoka/ecfr @17639b10)"),
                    },
                    {
                        "code": "e",
                        "name": "Narcotic drugs (21 CFR 1308.13(e))",
                        "coverage": coverage(True, None, None, None),
                        "quote": "Any material, compound, mixture, or preparation containing any of the following narcotic "
                                 "drugs, or their salts calculated as the free anhydrous base or alkaloid, in limited "
                                 "quantities as set forth below",
                        "citation": cite("21 CFR 1308.13(e) (eCFR text mirrored in GitHub MichalOpoka/ecfr @17639b10)"),
                    },
                ],
                "notes": [],
            },
            {
                "code": "us-csa-schedule-iv",
                "name": "Controlled Substances Act, Schedule IV",
                "nameZh": None,
                "control": "drug",
                "instrument": "21 U.S.C. 812(c) Schedule IV; 21 CFR 1308.14",
                "file": "lists/us-csa-schedule-iv.json",
                "completeThrough": None,
                "completeness": "the narcotic and opioid paragraphs of a text of c. 2022 are recorded, but the text carries no date",
                "categories": [
                    {
                        "code": "b",
                        "name": "Narcotic drugs in limited quantities (21 CFR 1308.14(b))",
                        "coverage": coverage(True, None, None, None),
                        "quote": "any material, compound, mixture, or preparation containing any of the following narcotic "
                                 "drugs, or their salts calculated as the free anhydrous base or alkaloid, in limited "
                                 "quantities as set forth below",
                        "citation": cite("21 CFR 1308.14(b) (eCFR text mirrored in GitHub MichalOpoka/ecfr @04d1d96f)"),
                    },
                    {
                        "code": "g",
                        "name": "Other substances (21 CFR 1308.14(g))",
                        "coverage": coverage(True, None, None, None),
                        "quote": "any material, compound, mixture or preparation which contains any quantity of the "
                                 "following substances, including its salts",
                        "citation": cite("21 CFR 1308.14(g) (eCFR text mirrored in GitHub MichalOpoka/ecfr @04d1d96f)"),
                    },
                ],
                "notes": [],
            },
            {
                "code": "us-csa-schedule-v",
                "name": "Controlled Substances Act, Schedule V",
                "nameZh": None,
                "control": "drug",
                "instrument": "21 U.S.C. 812(c) Schedule V; 21 CFR 1308.15",
                "file": "lists/us-csa-schedule-v.json",
                "completeThrough": "2016-05-12",
                "completeness": "every narcotic preparation of the text amended through 2016-05-12 is recorded",
                "categories": [
                    {
                        "code": "c",
                        "name": "Narcotic drugs containing non-narcotic active medicinal ingredients (21 CFR 1308.15(c))",
                        "coverage": coverage(True, None, None, None),
                        "quote": "Any compound, mixture, or preparation containing any of the following narcotic drugs, or "
                                 "their salts calculated as the free anhydrous base or alkaloid, in limited quantities as "
                                 "set forth below",
                        "citation": cite("21 CFR 1308.15(c) (" + ECFR_1308_15_2016 + ")"),
                    },
                ],
                "notes": [],
            },
            {
                "code": "us-list-i-chemicals",
                "name": "List I chemicals",
                "nameZh": None,
                "control": "precursor",
                "instrument": "21 U.S.C. 802(34); 21 CFR 1310.02(a)",
                "file": "lists/us-list-i-chemicals.json",
                "completeThrough": None,
                "completeness": "only the fentanyl-related chemicals are recorded",
                "categories": [
                    {
                        "code": "a",
                        "name": "List I chemicals (21 CFR 1310.02(a))",
                        "coverage": coverage(None, None, None, None,
                                             "each listing names its own scope (for example 'and its salts'; 'its amides, "
                                             "its carbamates, and its salts')"),
                        "quote": "The following chemicals have been specifically designated by the Administrator of the Drug "
                                 "Enforcement Administration as the listed chemicals subject to the provisions of this part "
                                 "and parts 1309 and 1313 of this chapter.",
                        "citation": cite("21 CFR 1310.02 (" + ECFR_1310_02_2021 + ")"),
                    },
                ],
                "notes": [
                    "Only the List I chemicals used to make fentanyl (and propionic anhydride, the usual acylating "
                    "reagent) are recorded.",
                ],
            },
        ],
    },
    {
        "code": "CN",
        "name": "China",
        "nameZh": "中国",
        "authority": "《麻醉药品和精神药品管理条例》; 《非药用类麻醉药品和精神药品列管办法》 (2015); 《易制毒化学品管理条例》",
        "classRules": ["cn-frs", "cn-nitazenes"],
        "noClassRulesNote": None,
        "lists": [
            {
                "code": "cn-narcotic-drugs",
                "name": "List of Narcotic Drugs (medical narcotic drugs list)",
                "nameZh": "麻醉药品品种目录",
                "control": "drug",
                "instrument": "《麻醉药品品种目录》 under the Regulations on Narcotic Drugs and Psychotropic Substances",
                "file": "lists/cn-narcotic-drugs.json",
                "completeThrough": None,
                "completeness": "the item set of an undated copy (matching the 2007 edition) is recorded; the current edition was not retrieved",
                "categories": [
                    {
                        "code": "narcotic",
                        "name": "麻醉药品 (narcotic drugs)",
                        "coverage": coverage(True, None, None, None,
                                             "the list's note reads 上述品种包括其可能存在的盐和单方制剂 (the items include their "
                                             "possible salts and single-ingredient preparations), quoted from a secondary "
                                             "reproduction; isomers, esters and ethers not retrieved"),
                        "quote": "上述品种包括其可能存在的盐和单方制剂",
                        "citation": cite("'药品零售企业不得经营的药品名单' reproducing the note of the narcotic drugs list "
                                         "(360docs.net/doc/5117920759.html); secondary source"),
                    },
                ],
                "notes": [
                    "The item set comes from an undated copy of the list (a public word list) that matches the 2007 "
                    "edition. The 2013 edition (121 items, published 2013-11-11, effective 2014-01-01) was not retrieved, "
                    "so no entry has a recorded listing date; an entry is in force only where a dated source attests it.",
                    "The announcement of 2023 (国家药监局 公安部 国家卫生健康委 2023年第43号) added oliceridine (奥赛利定) to the list; "
                    "not recorded as an entry (effective date not retrieved).",
                ],
            },
            {
                "code": "cn-nps-supplementary",
                "name": "Supplementary List of Controlled Non-Medical Narcotic Drugs and Psychotropic Substances",
                "nameZh": "非药用类麻醉药品和精神药品管制品种增补目录",
                "control": "drug",
                "instrument": "《非药用类麻醉药品和精神药品列管办法》 (2015) and its supplementary list with later additions",
                "file": "lists/cn-nps-supplementary.json",
                "completeThrough": None,
                "completeness": "only the opioid additions whose names and dates were retrieved are recorded",
                "categories": [
                    {
                        "code": "nps",
                        "name": "非药用类麻醉药品和精神药品 (non-medical narcotic drugs and psychotropic substances)",
                        "coverage": coverage(None, None, None, None, "the list's own scope note was not retrieved"),
                        "quote": None,
                        "citation": cite("《非药用类麻醉药品和精神药品列管办法》 (2015)"),
                    },
                ],
                "notes": [
                    "Before the class control of 2019-05-01 China had individually listed 25 fentanyl analogues "
                    "(Xinhua / gov.cn 2019-04-01; csttcn.com 2018-08-29). Only those whose names and dates were retrieved "
                    "are recorded; the 2015 list of 116 NPS and its full additions were not retrieved.",
                ],
            },
            {
                "code": "cn-precursor-chemicals",
                "name": "Catalogue of Precursor Chemicals",
                "nameZh": "易制毒化学品分类和品种目录",
                "control": "precursor",
                "instrument": "《易制毒化学品管理条例》 annex 《易制毒化学品的分类和品种目录》",
                "file": "lists/cn-precursor-chemicals.json",
                "completeThrough": None,
                "completeness": "only NPP and 4-ANPP are recorded",
                "categories": [
                    {
                        "code": "precursor",
                        "name": "易制毒化学品 (precursor chemicals)",
                        "coverage": coverage(None, None, None, None, "the catalogue's scope note was not retrieved"),
                        "quote": None,
                        "citation": cite("《易制毒化学品管理条例》"),
                    },
                ],
                "notes": [
                    "Whether 4-AP, 1-boc-4-AP, norfentanyl or 4-piperidone are on the catalogue was not retrieved.",
                ],
            },
        ],
    },
    {
        "code": "UN",
        "name": "United Nations drug control conventions",
        "nameZh": "联合国禁毒公约",
        "authority": "Single Convention on Narcotic Drugs, 1961; Convention against Illicit Traffic in Narcotic Drugs "
                     "and Psychotropic Substances, 1988",
        "classRules": [],
        "noClassRulesNote": "The UN conventions have no class-wide opioid definition: substances are added one by one "
                            "by vote of the Commission on Narcotic Drugs on WHO (1961 Convention) or INCB (1988 "
                            "Convention) recommendations. A structure outside the schedules is not controlled "
                            "internationally, whatever its similarity to a scheduled substance.",
        "lists": [
            {
                "code": "un-1961-schedule-i",
                "name": "Single Convention on Narcotic Drugs, 1961, Schedule I",
                "nameZh": "1961年麻醉品单一公约 附表一",
                "control": "drug",
                "instrument": "Single Convention on Narcotic Drugs, 1961, as amended by the 1972 Protocol",
                "file": "lists/un-1961-schedule-i.json",
                "completeThrough": None,
                "completeness": "a selection of Schedule I opioids is recorded; the full Yellow List was not retrieved",
                "categories": [
                    {
                        "code": "I",
                        "name": "Schedule I",
                        "coverage": coverage(None, None, None, None,
                                             "the Schedule's closing paragraphs on isomers, esters, ethers and salts "
                                             "were not retrieved"),
                        "quote": None,
                        "citation": cite("Single Convention on Narcotic Drugs, 1961, Schedule I"),
                    },
                ],
                "notes": [
                    "Accord treats a substance as controlled under the UN conventions from the date of the Commission's "
                    "decision (or from the Convention's entry into force, 1964-12-13, for the Schedule as annexed); a "
                    "decision takes effect for each Party on receipt of the Secretary-General's notification, a date "
                    "that differs between Parties and is not recorded.",
                    "Single Convention entered into force on 1964-12-13 (UNODC Bulletin on Narcotics 1965, 'Coming into "
                    "force of the Single Convention on Narcotic Drugs, 1961').",
                ],
            },
            {
                "code": "un-1961-schedule-iv",
                "name": "Single Convention on Narcotic Drugs, 1961, Schedule IV",
                "nameZh": "1961年麻醉品单一公约 附表四",
                "control": "drug",
                "instrument": "Single Convention on Narcotic Drugs, 1961, as amended by the 1972 Protocol",
                "file": "lists/un-1961-schedule-iv.json",
                "completeThrough": None,
                "completeness": "only carfentanil is recorded",
                "categories": [
                    {
                        "code": "IV",
                        "name": "Schedule IV (drugs also in Schedule I with particularly dangerous properties)",
                        "coverage": coverage(None, None, None, None, "not retrieved"),
                        "quote": None,
                        "citation": cite("Single Convention on Narcotic Drugs, 1961, Schedule IV"),
                    },
                ],
                "notes": [],
            },
            {
                "code": "un-1988-table-i",
                "name": "1988 Convention, Table I",
                "nameZh": "1988年禁毒公约 表一",
                "control": "precursor",
                "instrument": "United Nations Convention against Illicit Traffic in Narcotic Drugs and Psychotropic "
                              "Substances, 1988, article 12",
                "file": "lists/un-1988-table-i.json",
                "completeThrough": None,
                "completeness": "only the fentanyl precursors are recorded",
                "categories": [
                    {
                        "code": "I",
                        "name": "Table I",
                        "coverage": coverage(None, None, None, None, "the Table's note on salts was not retrieved"),
                        "quote": None,
                        "citation": cite("1988 Convention, Table I"),
                    },
                ],
                "notes": [],
            },
        ],
    },
]

# ---------------------------------------------------------------------------------------------------------
# Substance keys: one stable key per substance links the entries of different lists. The build script derives
# it from the names; these aliases join spellings the sources write differently. Keys compare after dropping
# case, spaces, hyphens and apostrophes.
# ---------------------------------------------------------------------------------------------------------

SUBSTANCE_ALIASES = {
    # spelling in a source -> substance key
    "acetyl fentanyl": "acetylfentanyl",
    "acetylalphamethylfentanyl": "acetyl-alpha-methylfentanyl",
    "acryl fentanyl": "acrylfentanyl",
    "acryloylfentanyl": "acrylfentanyl",
    "butyryl fentanyl": "butyrfentanyl",
    "furanyl fentanyl": "furanylfentanyl",
    "4-fluoroisobutyryl fentanyl": "4-fluoroisobutyrylfentanyl",
    "4-fluoroisobutyrfentanyl (4-fibf, pfibf)": "4-fluoroisobutyrylfentanyl",
    "tetrahydrofuranyl fentanyl": "tetrahydrofuranylfentanyl",
    "tetrahydrofuranylfentanyl (thf-f)": "tetrahydrofuranylfentanyl",
    "valeryl fentanyl": "valerylfentanyl",
    "cyclopropyl fentanyl": "cyclopropylfentanyl",
    "methoxyacetyl fentanyl": "methoxyacetylfentanyl",
    "parafluorofentanyl": "para-fluorofentanyl",
    "para-fluorobutyrfentanyl": "para-fluorobutyryl-fentanyl",
    "alphamethylfentanyl": "alpha-methylfentanyl",
    "alphamethylthiofentanyl": "alpha-methylthiofentanyl",
    "betahydroxyfentanyl": "beta-hydroxyfentanyl",
    "betahydroxy-3-methylfentanyl": "beta-hydroxy-3-methylfentanyl",
    "4-anpp": "anpp",
    "4-anpp (4-anilino-n-phenethylpiperidine)": "anpp",
    "4-anilino-n-phenethylpiperidine (anpp)": "anpp",
    "npp (n-phenethyl-4-piperidone)": "npp",
    "n-phenethyl-4-piperidone (npp)": "npp",
    "4-ap (n-phenylpiperidin-4-amine)": "4-ap",
    "1-boc-4-ap (tert-butyl 4-(phenylamino)piperidine-1-carboxylate)": "1-boc-4-ap",
    "pethidine (meperidine)": "pethidine",
    "pethidine intermediate a": "pethidine-intermediate-a",
    "pethidine intermediate b": "pethidine-intermediate-b",
    "pethidine intermediate c": "pethidine-intermediate-c",
    "methadone intermediate": "methadone-intermediate",
    "moramide intermediate": "moramide-intermediate",
    "bulk dextropropoxyphene": "dextropropoxyphene",
    "etorphine hydrochloride": "etorphine",
    "levo-alphacetylmethadol": "levo-alphacetylmethadol",
    "phenylacetone (p2p)": "phenylacetone",
    "nicocodine": "nicocodeine",
    "heroine": "heroin",
    "nitazene class (2-benzylbenzimidazole opioids)": None,  # a class, not a substance: a rule
    "fentanyl-related substances (class)": None,
}

# Distinct substances whose recorded structures share a constitution (the structures are given without the
# stereo descriptor the name carries). Pairs in this table may share a structure within one list.
STEREO_FAMILIES = {
    # key -> stereo descriptor of the name
    "acetylmethadol": "unspecified",
    "alphacetylmethadol": "alpha",
    "betacetylmethadol": "beta",
    "levo-alphacetylmethadol": "levo-alpha",
    "alphameprodine": "alpha",
    "betameprodine": "beta",
    "alphamethadol": "alpha",
    "betamethadol": "beta",
    "alphaprodine": "alpha",
    "betaprodine": "beta",
    "dextromoramide": "dextro",
    "levomoramide": "levo",
    "racemoramide": "racemic",
    "dextropropoxyphene": "dextro",
}

# ---------------------------------------------------------------------------------------------------------
# Structures the researched tables record that must not be used, and why.
# ---------------------------------------------------------------------------------------------------------

REJECTED_STRUCTURES = {
    # (jurisdiction, substance key) -> why the researched structure is not used
    ("US", "codeine-methylbromide"): "quaternary N-methyl salt: the source SMILES is codeine and methyl bromide as "
        "separate fragments, which is not the N-methylcodeinium cation; no structure is recorded",
    ("US", "morphine-methylbromide"): "quaternary N-methyl salt: the source SMILES is morphine and methyl bromide as "
        "separate fragments, which is not the N-methylmorphinium cation; no structure is recorded",
    ("US", "morphine-methylsulfonate"): "quaternary N-methyl salt: the source SMILES is morphine and methanesulfonic acid "
        "as separate fragments, which is not the N-methylmorphinium salt; no structure is recorded",
    ("US", "methyldihydromorphine"): "OPSIN read the trivial name as the 3-O-methyl ether, which is dihydrocodeine (the "
        "collision check found the two identical); methyldihydromorphine is 6-methyldihydromorphine, with a C-methyl at "
        "position 6; no structure is recorded",
    ("CN", "methyldihydromorphine"): "the researched structure is that of dihydrocodeine (see the US entry); no structure "
        "is recorded",
    ("US", "morphine-n-oxide"): "OPSIN's reading of the trivial name is a morphinan N-oxide without morphine's hydroxyl "
        "groups and ether bridge (C16H19NO); the structure recorded for the same substance in the Chinese list "
        "(C17H19NO4) is used instead",
    ("CN", "mppp"): "the researched structure is the cathinone that SWGDRUG also calls MPPP; the Chinese name "
        "1-甲基-4-苯基-4-哌啶丙酸酯 names the opioid 1-methyl-4-phenyl-4-propionoxypiperidine, whose structure is "
        "recorded in the US list and used instead",
}

# ---------------------------------------------------------------------------------------------------------
# DEA code conflicts found in the 2018 CFR text, by entry id: the code is kept as printed and the conflict is
# recorded as an open question of the entry (the code-collision check accepts only the pairs listed here).
# ---------------------------------------------------------------------------------------------------------

CODE_CONFLICTS = {
    "us-1-valerylfentanyl": "the 2018 CFR text prints (9804) for valeryl fentanyl at 1308.11(h)(23); "
        "1308.13(e)(1)(ii) uses 9804 for a codeine combination product. One of the two is a misprint; the current "
        "eCFR was not retrieved.",
    "us-1-ocfentanil": "the 2018 CFR text prints (9832) for ocfentanil at 1308.11(h)(29); "
        "1308.11(b)(10) uses 9832 for alpha-methylthiofentanyl. One of the two is a misprint; the current eCFR was "
        "not retrieved.",
    "us-1-alpha-methylthiofentanyl": "shares code 9832 with ocfentanil in the 2018 CFR text (see "
        "ocfentanil)",
    "us-3-codeine-preparation-e1ii": "shares code 9804 with valeryl fentanyl in the 2018 CFR text "
        "(see valeryl fentanyl)",
}

# ---------------------------------------------------------------------------------------------------------
# US listing histories verified against the Federal Register (keyed by substance key; Schedule I unless the
# key says otherwise). Each replaces the single undated step the researched row would give.
# ---------------------------------------------------------------------------------------------------------

FR = "https://www.federalregister.gov/d/"

US_STEPS = {
    "acetylfentanyl": [
        step("temporary", cite("80 FR 42381 (2015-07-17), temporary scheduling order for acetyl fentanyl",
                               "https://thefederalregister.org/80-FR/42381"),
             effectiveUnknown="published 2015-07-17; its effective date was not retrieved", notBefore="2015-07-17"),
        step("permanent", cite("82 FR 26349, FR Doc 2017-11795, final order placing acetyl fentanyl in Schedule I "
                               "(effective 2017-06-07); 21 CFR 1308.11(b)(3)", "http://federal.elaws.us/citation/82-FR-26351"),
             effective="2017-06-07"),
    ],
    "butyrfentanyl": [
        step("temporary", cite("81 FR 29492, FR Doc 2016-11219, temporary scheduling order for butyryl fentanyl and "
                               "beta-hydroxythiofentanyl: 'This final order is effective on May 12, 2016'; 21 CFR 1308.11(h)(2)",
                               "http://federal.elaws.us/fr/citation/2016-11219"),
             effective="2016-05-12", inForce=attest("2018-02-06", ECFR_1308_11_2018),
             untilNote="two-year temporary order; superseded by the final order of 2018-04-20"),
        step("permanent", cite("83 FR 17486, FR Doc 2018-08280, final order: 'maintains the placement' of butyryl "
                               "fentanyl and U-47700 in Schedule I and discharges the Single Convention obligations",
                               "https://thefederalregister.org/83-FR/17486"),
             effectiveUnknown="published 2018-04-20; the researched table gave this publication date as the effective "
                              "date, which the order's summary does not state", notBefore="2018-04-20",
             continues=True),
    ],
    "u-47700": [
        step("temporary", cite("81 FR 79389, temporary scheduling order for U-47700 (effective 2016-11-14); "
                               "21 CFR 1308.11(h)(4)", "https://thefederalregister.org/81-FR/79389"),
             effective="2016-11-14", inForce=attest("2018-02-06", ECFR_1308_11_2018)),
        step("permanent", cite("83 FR 17486, FR Doc 2018-08280, final order: 'maintains the placement' of butyryl "
                               "fentanyl and U-47700 in Schedule I", "https://thefederalregister.org/83-FR/17486"),
             effectiveUnknown="published 2018-04-20; effective date not stated in the summary retrieved",
             notBefore="2018-04-20",
             continues=True),
    ],
    "beta-hydroxythiofentanyl": [
        step("temporary", cite("81 FR 29492, FR Doc 2016-11219, temporary scheduling order for butyryl fentanyl and "
                               "beta-hydroxythiofentanyl: 'This final order is effective on May 12, 2016'; 21 CFR 1308.11(h)(3)",
                               "http://federal.elaws.us/fr/citation/2016-11219"),
             effective="2016-05-12",
             inForce=attest("2018-02-06", ECFR_1308_11_2018), until="2018-05-12",
             untilNote="83 FR 21834: 'currently is in effect through May 12, 2018'"),
        step("extension", cite("83 FR 21834, FR Doc 2018-10009 (2018-05-10), extension of the temporary placement of "
                               "beta-hydroxythiofentanyl for one year or until the permanent scheduling action is "
                               "completed", "https://thefederalregister.org/83-FR/21834"),
             continues=True, until="2019-05-12",
             untilNote="one year from the end of the previous period; what followed (permanent placement or lapse) "
                       "was not retrieved"),
    ],
    "furanylfentanyl": [
        step("temporary", cite("81 FR 85873, FR Doc 2016-28693 (2016-11-29), temporary scheduling order for furanyl "
                               "fentanyl; 21 CFR 1308.11(h)(5)", "https://thefederalregister.org/81-FR/85873"),
             effectiveUnknown="published 2016-11-29; effective date not retrieved", notBefore="2016-11-29",
             inForce=attest("2018-02-06", ECFR_1308_11_2018)),
        step("permanent", cite("83 FR 61320, FR Doc 2018-26045, final order that 'maintains the placement' of furanyl "
                               "fentanyl, 4-fluoroisobutyryl fentanyl, acryl fentanyl, tetrahydrofuranyl fentanyl and "
                               "ocfentanil in Schedule I and discharges the Single Convention obligations; 'DATES: Effective November 29, 2018'",
                               "http://federal.elaws.us/fr/citation/2018-26045"),
             effective="2018-11-29",
             continues=True),
    ],
    "4-fluoroisobutyrylfentanyl": [
        step("temporary", cite("82 FR 20544 (2017-05-03), temporary scheduling order; 21 CFR 1308.11(h)(16), "
                               "redesignated (h)(13) by 82 FR 47974", "https://thefederalregister.org/82-FR/20544"),
             effective="2017-05-03", until="2019-05-03",
             untilNote="eCFR effective-date note: 'effective May 3, 2017, until May 3, 2019'"),
        step("permanent", cite("83 FR 61320, FR Doc 2018-26045, final order: 'DATES: Effective November 29, 2018'",
                               "http://federal.elaws.us/fr/citation/2018-26045"),
             effective="2018-11-29",
             continues=True),
    ],
    "acrylfentanyl": [
        step("temporary", cite("82 FR 32457 (2017-07-14), temporary scheduling order; 21 CFR 1308.11(h)(17), "
                               "redesignated (h)(14) by 82 FR 47974", "https://thefederalregister.org/82-FR/32457"),
             effective="2017-07-14", until="2019-07-15",
             untilNote="eCFR effective-date note: 'effective July 14, 2017, until July 15, 2019'"),
        step("permanent", cite("83 FR 61320, FR Doc 2018-26045, final order (2018-11-29); 21 CFR 1308.11(b)(4) in the "
                               "current numbering", "http://federal.elaws.us/fr/citation/2018-26045"),
             effective="2018-11-29",
             continues=True),
    ],
    "tetrahydrofuranylfentanyl": [
        step("temporary", cite("82 FR 49504/49508 (2017-10-26), temporary scheduling order for ortho-fluorofentanyl, "
                               "tetrahydrofuranyl fentanyl and methoxyacetyl fentanyl; 21 CFR 1308.11(h)(20)",
                               "https://thefederalregister.org/82-FR/49504"),
             effective="2017-10-26", until="2019-10-28",
             untilNote="eCFR effective-date note: 'effective Oct. 26, 2017, through Oct. 28, 2019'"),
        step("permanent", cite("83 FR 61320, FR Doc 2018-26045, final order: 'DATES: Effective November 29, 2018'",
                               "http://federal.elaws.us/fr/citation/2018-26045"),
             effective="2018-11-29",
             continues=True),
    ],
    "ocfentanil": [
        step("temporary", cite("83 FR 4580/4584 (2018-02-01), temporary placement of seven fentanyl-related substances; "
                               "21 CFR 1308.11(h)(29)", "https://thefederalregister.org/83-FR/4580"),
             effective="2018-02-01", until="2020-02-01",
             untilNote="eCFR effective-date note: 'effective Feb. 1, 2018, through Feb. 1, 2020'"),
        step("permanent", cite("83 FR 61320, FR Doc 2018-26045, final order: 'DATES: Effective November 29, 2018'",
                               "http://federal.elaws.us/fr/citation/2018-26045"),
             effective="2018-11-29",
             continues=True),
    ],
    "ortho-fluorofentanyl": [
        step("temporary", cite("82 FR 49504/49508 (2017-10-26), temporary scheduling order; 21 CFR 1308.11(h)(19)",
                               "https://thefederalregister.org/82-FR/49504"),
             effective="2017-10-26", until="2019-10-28",
             untilNote="eCFR effective-date note: 'effective Oct. 26, 2017, through Oct. 28, 2019'"),
        step("permanent", cite("84 FR 57323, FR Doc 2019-23348, final order for cyclopropyl fentanyl, methoxyacetyl "
                               "fentanyl, ortho-fluorofentanyl and para-fluorobutyryl fentanyl (effective 2019-10-25)",
                               "http://federal.elaws.us/fr/10/25/2019/2019-23348"),
             effective="2019-10-25",
             continues=True),
    ],
    "methoxyacetylfentanyl": [
        step("temporary", cite("82 FR 49504/49508 (2017-10-26), temporary scheduling order; 21 CFR 1308.11(h)(21)",
                               "https://thefederalregister.org/82-FR/49504"),
             effective="2017-10-26", until="2019-10-28",
             untilNote="eCFR effective-date note: 'effective Oct. 26, 2017, through Oct. 28, 2019'"),
        step("permanent", cite("84 FR 57323, FR Doc 2019-23348, final order (effective 2019-10-25)",
                               "http://federal.elaws.us/fr/10/25/2019/2019-23348"),
             effective="2019-10-25",
             continues=True),
    ],
    "cyclopropylfentanyl": [
        step("temporary", cite("83 FR 469/472 (2018-01-04), temporary placement of cyclopropyl fentanyl; "
                               "21 CFR 1308.11(h)(22)", "https://regulations.justia.com/regulations/fedreg/2018/01/04/2017-28470.html"),
             effective="2018-01-04", until="2020-01-04",
             untilNote="eCFR effective-date note: 'effective Jan. 4, 2018, through Jan. 4, 2020'"),
        step("permanent", cite("84 FR 57323, FR Doc 2019-23348, final order (effective 2019-10-25)",
                               "http://federal.elaws.us/fr/10/25/2019/2019-23348"),
             effective="2019-10-25",
             continues=True),
    ],
    "para-fluorobutyrylfentanyl": [
        step("temporary", cite("83 FR 4580/4584 (2018-02-01), temporary placement of seven fentanyl-related substances; "
                               "21 CFR 1308.11(h)(24)", "https://thefederalregister.org/83-FR/4580"),
             effective="2018-02-01", until="2020-02-01",
             untilNote="eCFR effective-date note: 'effective Feb. 1, 2018, through Feb. 1, 2020'"),
        step("permanent", cite("84 FR 57323, FR Doc 2019-23348, final order (effective 2019-10-25)",
                               "http://federal.elaws.us/fr/10/25/2019/2019-23348"),
             effective="2019-10-25",
             continues=True),
    ],
}

# The five substances of 83 FR 4584 made permanent on 2020-11-25.
for _key, _para in [("valerylfentanyl", "(h)(23)"), ("para-methoxybutyrylfentanyl", "(h)(25)"),
                    ("para-chloroisobutyrylfentanyl", "(h)(26)"), ("isobutyrylfentanyl", "(h)(27)"),
                    ("cyclopentylfentanyl", "(h)(28)")]:
    US_STEPS[_key] = [
        step("temporary", cite("83 FR 4580/4584 (2018-02-01), temporary placement of seven fentanyl-related "
                               "substances; 21 CFR 1308.11" + _para, "https://thefederalregister.org/83-FR/4580"),
             effective="2018-02-01", until="2020-02-01",
             untilNote="eCFR effective-date note: 'effective Feb. 1, 2018, through Feb. 1, 2020'"),
        step("extension", cite("85 FR 5321, FR Doc 2020-01683 (2020-01-30), extension of the temporary placement of "
                               "cyclopentyl, isobutyryl, para-chloroisobutyryl, para-methoxybutyryl and valeryl fentanyl",
                               "https://regulations.justia.com/regulations/fedreg/2020/01/30/2020-01683.html"),
             continues=True, untilNote="length of the extension not retrieved; superseded by the final rule of 2020-11-25"),
        step("permanent", cite("85 FR 75231, FR Doc 2020-22757, final rule placing the five substances in Schedule I "
                               "(effective 2020-11-25 per STR Trade Report, December 2020); paragraph numbers corrected "
                               "by FR Doc 2021-06596", "https://regulations.justia.com/regulations/fedreg/2020/11/25/2020-22757.html"),
             effective="2020-11-25",
             continues=True),
    ]

# The ten fentanyl-related substances of 86 FR 22113 and the four of 86 FR 23602: covered by the class order
# from 2018-02-06 (see the us-frs rule), then individually and permanently listed.
_TEN = ["2-fluoro-ortho-fluorofentanyl", "4-methylacetylfentanyl", "beta-phenylfentanyl", "beta-methylfentanyl",
        "ortho-fluorobutyrylfentanyl", "ortho-methylacetylfentanyl", "ortho-methylmethoxyacetylfentanyl",
        "para-methylfentanyl", "phenylfentanyl", "thiofuranylfentanyl"]
for _key in _TEN:
    US_STEPS[_key] = [
        step("permanent", cite("86 FR 22113, FR Doc 2021-08720, final rule placing 10 specific fentanyl-related "
                               "substances in Schedule I (effective 2021-04-27); before it they were controlled as "
                               "fentanyl-related substances under the 2018 class order",
                               "http://federal.elaws.us/fr/4/27/2021/2021-08720"),
             effective="2021-04-27"),
    ]
for _key in ["fentanylcarbamate", "ortho-fluoroacrylfentanyl", "ortho-fluoroisobutyrylfentanyl",
             "para-fluorofuranylfentanyl"]:
    US_STEPS[_key] = [
        step("permanent", cite("86 FR 23602, FR Doc 2021-09402 (published 2021-05-04), final rule placing four specific "
                               "fentanyl-related substances in Schedule I; STR Trade Report: effective 'May 4'",
                               "https://regulations.justia.com/regulations/fedreg/2021/05/04/2021-09402.html"),
             effective="2021-05-04",
             note="definitions.md gave 'effective May 4' without a year (STR report); the rule was published "
                  "2021-05-04, which fixes the year"),
    ]

US_STEPS.update({
    "brorphine": [
        step("temporary", cite("86 FR 11862, FR Doc 2021-04242, temporary scheduling order (effective 2021-03-01 to "
                               "2023-03-01)", "http://federal.elaws.us/fr/citation/2021-04242"),
             effective="2021-03-01", until="2023-03-01"),
        step("permanent", cite("88 FR 13692, FR Doc 2023-04364 (2023-03-06), final order placing brorphine in Schedule I: "
                               "'DATES: Effective April 5, 2023'; it discharges the Single Convention obligations and "
                               "'continues to impose' the schedule I controls; correction FR Doc 2023-15249",
                               "https://regulations.justia.com/regulations/fedreg/2023/03/06/2023-04364.html"),
             effective="2023-04-05", continues=True,
             note="the order continues the controls, so the temporary order stayed in force until it took effect; the "
                  "extension that bridged 2023-03-01 to 2023-04-05 was not retrieved"),
    ],
    "metonitazene": [
        step("temporary", cite("87 FR 21561, FR Doc 2022-07640, temporary placement of seven nitazenes (effective "
                               "2022-04-12 to 2024-04-12)", "http://federal.elaws.us/citation/87-FR-21561"),
             effective="2022-04-12", until="2024-04-12"),
        step("permanent", cite("FR Doc 2023-17778 (2023-08-18), final order placing metonitazene in Schedule I; "
                               "discharges the Single Convention obligations", FR + "2023-17778"),
             effectiveUnknown="published 2023-08-18; effective date not retrieved", notBefore="2023-08-18"),
    ],
    "isotonitazene": [
        step("temporary", cite("85 FR 51342, FR Doc 2020-17951, temporary placement of isotonitazene (effective "
                               "2020-08-20)", "https://regulations.justia.com/regulations/fedreg/2020/08/20/2020-17951.html"),
             effective="2020-08-20",
             untilNote="expiry of the temporary order and the permanent rule were not retrieved; DEA code 9614 per the "
                       "openFDA/GSRS record, which cites 1308.11 opiates"),
    ],
    "2-methyl-ap-237": [
        step("permanent", cite("FR Doc 2024-05543 (2024-03-15), final order placing 2-methyl AP-237 in Schedule I; "
                               "discharges the Single Convention obligations", FR + "2024-05543"),
             effectiveUnknown="published 2024-03-15; effective date not retrieved", notBefore="2024-03-15"),
    ],
})

for _key in ["etodesnitazene", "n-pyrrolidinoetonitazene", "protonitazene"]:
    US_STEPS[_key] = [
        step("temporary", cite("87 FR 21561, FR Doc 2022-07640, temporary placement of seven nitazenes (effective "
                               "2022-04-12 to 2024-04-12)", "http://federal.elaws.us/citation/87-FR-21561"),
             effective="2022-04-12", until="2024-04-12"),
        step("permanent", cite("89 FR 25514, FR Doc 2024-07684 (2024-04-11), final rule placing etodesnitazene, "
                               "N-pyrrolidino etonitazene and protonitazene in Schedule I", FR + "2024-07684"),
             effectiveUnknown="published 2024-04-11; effective date not retrieved", notBefore="2024-04-11"),
    ]
for _key in ["butonitazene", "flunitazene", "metodesnitazene"]:
    US_STEPS[_key] = [
        step("temporary", cite("87 FR 21561, FR Doc 2022-07640, temporary placement of seven nitazenes (effective "
                               "2022-04-12 to 2024-04-12)", "http://federal.elaws.us/citation/87-FR-21561"),
             effective="2022-04-12", until="2024-04-12"),
        step("extension", cite("FR Doc 2024-07689 (2024-04-11), extension of the temporary placement",
                               FR + "2024-07689"),
             continues=True, untilNote="length of the extension not retrieved"),
        step("permanent", cite("FR Doc 2024-07694 (2024-04-11), final rule placing butonitazene, flunitazene and "
                               "metodesnitazene in Schedule I", FR + "2024-07694"),
             effectiveUnknown="published 2024-04-11; effective date not retrieved", notBefore="2024-04-11"),
    ]
for _key in ["n-desethylisotonitazene", "n-piperidinyletonitazene"]:
    US_STEPS[_key] = [
        step("temporary", cite("FR Doc 2023-23379 (2023-10-25), notice/order of temporary placement", FR + "2023-23379"),
             effectiveUnknown="published 2023-10-25; effective date not retrieved", notBefore="2023-10-25"),
        step("permanent", cite("FR Doc 2025-23717 (2025-12-23), final rule", FR + "2025-23717"),
             effectiveUnknown="published 2025-12-23; effective date not retrieved", notBefore="2025-12-23"),
    ]
for _key in ["n-pyrrolidinometonitazene", "n-pyrrolidinoprotonitazene"]:
    US_STEPS[_key] = [
        step("temporary", cite("FR Doc 2025-15566 (2025-08-15), temporary placement", FR + "2025-15566"),
             effectiveUnknown="published 2025-08-15; effective date not retrieved", notBefore="2025-08-15"),
        step("permanent", cite("FR Doc 2026-00362 (2026-01-12), final rule", FR + "2026-00362"),
             effectiveUnknown="published 2026-01-12; effective date not retrieved", notBefore="2026-01-12"),
    ]
for _key in ["ethyleneoxynitazene", "methylenedioxynitazene", "5-methyletodesnitazene", "n-desethyletonitazene",
             "n-desethylprotonitazene", "n,n-dimethylaminoetonitazene", "n-pyrrolidinoisotonitazene"]:
    US_STEPS[_key] = [
        step("temporary", cite("FR Doc 2025-19542 (2025-10-15), temporary placement of seven nitazenes in Schedule I",
                               FR + "2025-19542"),
             effective="2025-10-15",
             untilNote="a temporary order lasts two years and may be extended by one (21 U.S.C. 811(h)(2)); the "
                       "researched summary gives 2025-10-15 as its date"),
    ]

# Schedule II - V and List I entries with verified dates.
US_STEPS.update({
    "anpp": [
        step("permanent", cite("75 FR 37295, FR Doc 2010-15520 (2010-06-29), control of ANPP as an immediate precursor "
                               "in Schedule II: 'This rulemaking becomes effective August 30, 2010'; name corrected by "
                               "84 FR 2448 (2019-02-07); 21 CFR 1308.12(g)(3)(i)",
                               "http://www.deadiversion.usdoj.gov/fed_regs/rules/2010/fr0629.htm"),
             effective="2010-08-30"),
    ],
    "norfentanyl": [
        step("permanent", cite("85 FR 21320, FR Doc 2020-07381 (published 2020-04-17), control of norfentanyl as an "
                               "immediate precursor in Schedule II (effective 2020-05-18); 21 CFR 1308.12(g)(3)(ii)",
                               "https://regulations.justia.com/regulations/fedreg/2020/04/17/2020-07381.html"),
             effective="2020-05-18"),
    ],
    "buprenorphine": [
        step("permanent", cite("67 FR 62354, FR Doc 02-25293 (2002-10-07), rescheduling of buprenorphine from Schedule V "
                               "to Schedule III: 'Effective Date: October 7, 2002'; 21 CFR 1308.13(e)(2)(i)",
                               "https://www.govinfo.gov/content/pkg/FR-2002-10-07/html/02-25293.htm"),
             effective="2002-10-07",
             note="the rule recalls that buprenorphine was in Schedule II from 1970 (as a thebaine derivative), then in "
                  "Schedule V, before this rescheduling"),
    ],
    "tramadol": [
        step("permanent", cite("79 FR 37623, FR Doc 2014-15548 (2014-07-02), placement of tramadol into Schedule IV: "
                               "'DATES: Effective August 18, 2014'; 21 CFR 1308.14(b)(3)",
                               "https://www.govinfo.gov/content/pkg/FR-2014-07-02/html/2014-15548.htm"),
             effective="2014-08-18",
             note="the researched table flagged this date as unverified; the final rule's DATES line confirms it"),
    ],
    "npp": [
        step("permanent", cite("72 FR 20039, FR Doc 07-2015 (2007-04-23), interim rule controlling NPP as a List I "
                               "chemical; 21 CFR 1310.02(a)(29)", "https://regulations.justia.com/regulations/fedreg/2007/04/23/07-2015.html"),
             effectiveUnknown="interim rule published 2007-04-23; its effective date was not retrieved",
             notBefore="2007-04-23"),
        step("permanent", cite("73 FR 43355, FR Doc E8-17034 (2008-07-25), final rule adopting the interim rule 'without "
                               "change'", "https://www.federalregister.gov/documents/2008/07/25/E8-17034"),
             effectiveUnknown="published 2008-07-25; effective date not retrieved", notBefore="2008-07-25",
             continues=True, inForce=attest("2020-05-15", ECFR_1310_02_2021)),
    ],
    "benzylfentanyl": [
        step("permanent", cite("85 FR 20822, FR Doc 2020-07064 (2020-04-15), control of benzylfentanyl and 4-anilinopiperidine "
                               "as List I chemicals (effective 2020-05-15); 21 CFR 1310.02(a)(32)",
                               "https://www.govinfo.gov/content/pkg/FR-2020-04-15/html/2020-07064.htm"),
             effective="2020-05-15"),
    ],
    "4-ap": [
        step("permanent", cite("85 FR 20822, FR Doc 2020-07064 (2020-04-15), control of 4-anilinopiperidine, its amides, "
                               "its carbamates and its salts as a List I chemical (effective 2020-05-15); "
                               "21 CFR 1310.02(a)(33)", "https://www.govinfo.gov/content/pkg/FR-2020-04-15/html/2020-07064.htm"),
             effective="2020-05-15"),
        step("amendment", cite("FR Doc 2023-23927 (2023-10-31), final rule adding the halides of 4-anilinopiperidine to "
                               "the listing", FR + "2023-23927"),
             effectiveUnknown="published 2023-10-31; effective date not retrieved", notBefore="2023-10-31"),
    ],
    "1-boc-4-ap": [
        step("permanent", cite("85 FR 20822, FR Doc 2020-07064: controlled from 2020-05-15 as a carbamate of "
                               "4-anilinopiperidine (21 CFR 1310.02(a)(33), 'its carbamates')",
                               "https://www.govinfo.gov/content/pkg/FR-2020-04-15/html/2020-07064.htm"),
             effective="2020-05-15"),
        step("amendment", cite("87 FR 67550, FR Doc 2022-24155 (2022-11-09), 'Specific Listing for 1-boc-4-AP, a "
                               "Currently Controlled List I Chemical'",
                               "https://regulations.justia.com/regulations/fedreg/2022/11/09/2022-24155.html"),
             effectiveUnknown="published 2022-11-09; effective date not retrieved", notBefore="2022-11-09"),
    ],
    "4-piperidone": [
        step("permanent", cite("FR Doc 2023-07538 (2023-04-12), final rule designating 4-piperidone, its acetals, amides, "
                               "carbamates and salts as a List I chemical; effective 2023-05-12 as stated in FR Doc "
                               "2025-19349", FR + "2023-07538"),
             effective="2023-05-12"),
    ],
    "1-boc-4-piperidone": [
        step("permanent", cite("FR Doc 2023-07538: controlled from 2023-05-12 as a carbamate of 4-piperidone",
                               FR + "2023-07538"),
             effective="2023-05-12"),
        step("amendment", cite("FR Doc 2025-19349 (2025-10-02), specific listing of 1-boc-4-piperidone",
                               FR + "2025-19349"),
             effectiveUnknown="published 2025-10-02; effective date not retrieved", notBefore="2025-10-02"),
    ],
    "5,6-dichlorobrorphine": [
        step("temporary", cite("21 CFR 1308.11(h)(92), temporary listing (HuggingFace dataset "
                               "referencesource/dea-controlled-substance-schedule-by-drug, citing the current eCFR)"),
             effectiveUnknown="the temporary order's date was not retrieved"),
    ],
})

# Entries the law makes clear that the researched tables did not hold (with the source that makes them clear).
US_EXTRA_ENTRIES = [
    {
        "list": "us-csa-schedule-i",
        "substance": "meta-fluorofentanyl",
        "category": "b",
        "paragraph": "21 CFR 1308.11(b) (paragraph not retrieved)",
        "legal": "meta-fluorofentanyl (N-(3-fluorophenyl)-N-(1-phenethylpiperidin-4-yl)propionamide)",
        "english": "meta-fluorofentanyl",
        "systematic": ["N-(3-fluorophenyl)-N-(1-phenethylpiperidin-4-yl)propionamide"],
        "smiles": "CCC(=O)N(c1cccc(F)c1)C1CCN(CCc2ccccc2)CC1",
        "smilesSource": "OPSIN 2.9.0 on the chemical name printed in FR Doc 2023-26694",
        "steps": [
            step("permanent", cite("88 FR 85104, FR Doc 2023-26694, final rule placing nine specific fentanyl-related "
                                   "substances in Schedule I: 'Effective date: December 7, 2023'; they were then listed "
                                   "under a temporary scheduling order", "http://federal.elaws.us/fr/12/7/2023/2023-26694"),
                 effective="2023-12-07"),
        ],
        "notes": ["One of the nine substances of FR Doc 2023-26694; the temporary order that preceded it was not retrieved."],
    },
    {
        "list": "us-csa-schedule-i",
        "substance": "meta-fluoroisobutyrylfentanyl",
        "category": "b",
        "paragraph": "21 CFR 1308.11(b) (paragraph not retrieved)",
        "legal": "meta-fluoroisobutyryl fentanyl (N-(3-fluorophenyl)-N-(1-phenethylpiperidin-4-yl)isobutyramide)",
        "english": "meta-fluoroisobutyryl fentanyl",
        "systematic": ["N-(3-fluorophenyl)-N-(1-phenethylpiperidin-4-yl)isobutyramide"],
        "smiles": "CC(C)C(=O)N(c1cccc(F)c1)C1CCN(CCc2ccccc2)CC1",
        "smilesSource": "OPSIN 2.9.0 on the chemical name printed in FR Doc 2023-26694",
        "steps": [
            step("permanent", cite("88 FR 85104, FR Doc 2023-26694, final rule placing nine specific fentanyl-related "
                                   "substances in Schedule I: 'Effective date: December 7, 2023'",
                                   "http://federal.elaws.us/fr/12/7/2023/2023-26694"),
                 effective="2023-12-07"),
        ],
        "notes": ["One of the nine substances of FR Doc 2023-26694; the temporary order that preceded it was not retrieved."],
    },
]

# ---------------------------------------------------------------------------------------------------------
# China
# ---------------------------------------------------------------------------------------------------------

CN_STEPS = {
    ("cn-narcotic-drugs", "fentanyl"): "scio",
    ("cn-narcotic-drugs", "sufentanil"): "scio",
    ("cn-narcotic-drugs", "remifentanil"): "scio",
    ("cn-narcotic-drugs", "alfentanil"): "scio",
}

CN_NPS_2017_03 = cite("Announcement adding acrylfentanyl, carfentanil, furanylfentanyl and valerylfentanyl to the "
                      "Supplementary List from 2017-03-01 (reported by ecns.cn 2017-02-16)",
                      "http://ecns.cn/2017/02-16/245645.shtml")
CN_NPS_2017_07 = cite("Announcement adding U-47700, MT-45, PMMA and 4,4'-DMAR to the Supplementary List from "
                      "2017-07-01 (China Daily 2017-06-19)",
                      "https://global.chinadaily.com.cn/china/2017-06/19/content_29804093.htm")
CN_NPS_2018_08 = cite("Announcement of 32 NPS including 四氢呋喃芬太尼 and 4-氟异丁酰芬太尼 (csttcn.com report of "
                      "2018-08-29)", "http://csttcn.com/news/domestic/176154.html")
CN_NPS_2024_07 = cite("Announcement listing 46 substances including 溴啡, 美托尼秦 and 丙托尼秦 from 2024-07-01 "
                      "(法治日报 via kmhtsm.cn; China Daily 2025-06-19)", "http://kmhtsm.cn/index.php/xw/42.html")
CN_PRECURSOR_2018 = cite("4-ANPP and NPP listed as precursor chemicals in February 2018 (csttcn.com report of "
                         "2018-08-29: '今年2月份...将...4-ANPP和NPP列为易制毒化学品'); SCIO white paper 2025",
                         "http://csttcn.com/news/domestic/176154.html")

# ---------------------------------------------------------------------------------------------------------
# UN
# ---------------------------------------------------------------------------------------------------------

UN_DECISIONS = {
    # substance key -> (steps per list code)
    "fentanyl": {"un-1961-schedule-i": [
        step("decision", cite("INCB press release: fentanyl 'controlled under the 1961 Single Convention since 1964' "
                              "(corecommunique.com copy)"),
             effective="1964"),
    ]},
}
UN_CND_61 = cite("CND 61st session (12-16 March 2018) on the WHO recommendations in E/CN.7/2018/10 "
                 "(docslib.org copy); adoption per earlier research")
UN_CND_62 = cite("CND 62nd session (2019) on the WHO ECDD-41 recommendations (UNODC EWA, December 2018)",
                 "https://unodc.org/LSS/Announcement/Details/45648fce-7e99-4121-925c-188e659721ee")
UN_1988_2017 = cite("CND 60th session (March 2017) on the INCB recommendation of February 2017 (UNIS press release; "
                    "SCIO white paper 2025)")
UN_1988_2022 = cite("CND 65th session (March 2022) on the INCB 133rd-session recommendation (INCB press release "
                    "2022-02-07); INCB President's statement at CND 67 (2024-03-19)")
