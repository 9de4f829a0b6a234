"""Class-wide rules (as data) and their worked examples.

The criteria are quoted from the legal texts (see sources/definitions.md for where each quote comes from) and
followed by Accord's reading of them. The worked examples were designed from the texts: at least one positive
and one negative example per criterion, combinations, and the boundary cases (non-aromatic rings, bicyclic
rings, chain length changes, removal rather than replacement, open lists). `build_knowledge_base.py` checks
every SMILES with RDKit, records its formula and InChIKey, and checks that an example said to be excluded by
a listing has the structure of that listing.

Expectation fields, per rule:
- member: True when the structure meets the definition (one or more criteria, and no modification outside
  them); False when it does not; None when the text does not settle it (the engine must answer `unknown`).
- criteria: criterion id -> what was modified, in words a prosecutor could read.
- excludedBy: id of the listing that keeps the substance out of the class (the listing applies instead).
"""

from curation import cite, step

FENTANYL = "CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1"

US_FRS = {
    "id": "us-frs",
    "jurisdiction": "US",
    "kind": "structural-class",
    "name": "Fentanyl-related substances",
    "nameZh": "芬太尼相关物质（美国）",
    "list": "us-csa-schedule-i",
    "schedule": "I",
    "parent": {
        "name": "fentanyl",
        "systematic": "N-phenyl-N-[1-(2-phenylethyl)piperidin-4-yl]propanamide",
        "smiles": FENTANYL,
    },
    "legalText": [
        {
            "quote": "Fentanyl-related substance means any substance not otherwise listed under another Administration "
                     "Controlled Substance Code Number, and for which no exemption or approval is in effect under "
                     "section 505 of the Federal Food, Drug, and Cosmetic Act [21 U.S.C. 355], that is structurally "
                     "related to fentanyl by one or more of the following modifications",
            "citation": cite("21 CFR 1308.11(h)(30)(i), added by 83 FR 5188/5191 (2018-02-06)",
                             "https://thefederalregister.org/83-FR/5188"),
        },
        {
            "quote": "Unless specifically exempted or unless listed in another schedule, any material, compound, mixture, "
                     "or preparation which contains any quantity of a fentanyl-related substance, or which contains the "
                     "salts, isomers, and salts of isomers of a fentanyl-related substance whenever the existence of such "
                     "salts, isomers, and salts of isomers is possible within the specific chemical designation.",
            "citation": cite("21 U.S.C. 812(c) Schedule I(e)(1), added by the HALT Fentanyl Act, P.L. 119-26, sec. 2",
                             "https://www.congress.gov/119/bills/s331/BILLS-119s331enr.htm"),
        },
        {
            "quote": "the term 'fentanyl-related substance' means any substance that is structurally related to fentanyl "
                     "by 1 or more of the following modifications",
            "citation": cite("21 U.S.C. 812(c) Schedule I(e)(2), HALT Fentanyl Act, P.L. 119-26, sec. 2",
                             "https://www.congress.gov/119/bills/s331/BILLS-119s331enr.htm"),
        },
    ],
    "criteria": [
        {
            "id": "A",
            "quote": "By replacement of the phenyl portion of the phenethyl group by any monocycle, whether or not further "
                     "substituted in or on the monocycle.",
            "summary": "the phenyl ring of the phenethyl group is replaced by any single ring (aromatic or not), "
                       "substituted or not",
            "reading": [
                "The two-carbon bridge between the piperidine nitrogen and the ring is kept; only the ring changes.",
                "A monocycle is one ring: a fused or bridged ring system (naphthalene, indane) is not a monocycle.",
                "The ring need not be aromatic (cyclohexyl counts).",
                "Substituents of any kind on the new ring are covered ('whether or not further substituted'), so a "
                "substituted phenyl ring also counts as a replacement.",
                "Removing the ring (leaving an ethyl group) is not a replacement by a monocycle.",
            ],
        },
        {
            "id": "B",
            "quote": "By substitution in or on the phenethyl group with alkyl, alkenyl, alkoxyl, hydroxyl, halo, "
                     "haloalkyl, amino, or nitro groups.",
            "summary": "the phenethyl group carries one of the listed substituents",
            "reading": [
                "Only the listed substituent classes count; a cyano, oxo or acyl substituent on the bridge is not covered.",
                "Lengthening or shortening the bridge is not a substitution.",
            ],
        },
        {
            "id": "C",
            "quote": "By substitution in or on the piperidine ring with alkyl, alkenyl, alkoxyl, ester, ether, hydroxyl, "
                     "halo, haloalkyl, amino, or nitro groups.",
            "summary": "the piperidine ring carries one of the listed substituents",
            "reading": [
                "Only the listed substituent classes count (the list is closed).",
                "The piperidine ring itself is kept: a pyrrolidine, azepane or bridged ring in its place is not covered.",
            ],
        },
        {
            "id": "D",
            "quote": "By replacement of the aniline ring with any aromatic monocycle whether or not further substituted in "
                     "or on the aromatic monocycle.",
            "summary": "the phenyl ring on the amide nitrogen is replaced by any single aromatic ring, substituted or not",
            "reading": [
                "The new ring must be aromatic (cyclohexyl does not count) and a single ring (naphthyl does not count).",
                "The ring takes the place of the aniline ring, bonded to the amide nitrogen; inserting a CH2 (benzyl) is "
                "not a replacement. The US text does not say 'directly attached' as the Chinese text does; Accord reads "
                "'replacement of the aniline ring' as requiring the same position.",
                "A substituted phenyl ring is an aromatic monocycle 'further substituted', so ring substituents count.",
            ],
        },
        {
            "id": "E",
            "quote": "By replacement of the N-propionyl group with another acyl group.",
            "summary": "the propionyl group on the amide nitrogen is replaced by another acyl group",
            "reading": [
                "Any acyl group R-C(=O)- counts; DEA treated the ethoxycarbonyl of fentanyl carbamate as one (FR Doc "
                "2021-05589: the substance falls within the definition).",
                "Removing the acyl group (4-ANPP) is not a replacement.",
                "Whether a sulfonyl group is an 'acyl group' is not settled by the text.",
            ],
        },
    ],
    "combination": "any one or more of the modifications A-E, and no modification outside them",
    "exclusions": [
        {
            "id": "listed-elsewhere",
            "quote": "not otherwise listed under another Administration Controlled Substance Code Number",
            "summary": "a substance listed under its own code number keeps that listing (e.g. carfentanil stays in "
                       "Schedule II although it meets criterion C)",
            "citation": cite("21 CFR 1308.11(h)(30)(i) (2018); 21 U.S.C. 812(c) Schedule I(e)(1) 'unless listed in "
                             "another schedule' (2025)"),
            "from": "2018-02-06",
            "to": None,
        },
        {
            "id": "fdca-505",
            "quote": "for which no exemption or approval is in effect under section 505 of the Federal Food, Drug, and "
                     "Cosmetic Act [21 U.S.C. 355]",
            "summary": "a substance with an FDA new-drug approval or investigational exemption in effect is not a "
                       "fentanyl-related substance under the temporary order",
            "citation": cite("21 CFR 1308.11(h)(30)(i) (2018)"),
            "from": "2018-02-06",
            "to": "2025-07-15",
        },
        {
            "id": "halt-e3",
            "quote": "A substance that satisfies the definition of the term 'fentanyl-related substance' in paragraph (2) "
                     "shall nonetheless not be treated as a fentanyl-related substance subject to this schedule if the "
                     "substance—",
            "summary": "the statute's own exceptions; the text after this opening was not retrieved",
            "citation": cite("21 U.S.C. 812(c) Schedule I(e)(3), HALT Fentanyl Act, P.L. 119-26, sec. 2"),
            "from": "2025-07-16",
            "to": None,
        },
    ],
    "steps": [
        step("temporary", cite("83 FR 5188 (FR Doc 2018-02319, docket DEA-476), temporary scheduling order adding "
                               "21 CFR 1308.11(h)(30), code 9850, 'effective Feb. 6, 2018, through Feb. 6, 2020'",
                               "https://thefederalregister.org/83-FR/5188"),
             effective="2018-02-06", until="2020-02-06"),
        step("extension", cite("Temporary Reauthorization and Study of the Emergency Scheduling of Fentanyl Analogues "
                               "Act, P.L. 116-114 (2020-02-06), sec. 2: 1308.11(h)(30) 'shall remain in effect until "
                               "May 6, 2021'", "https://www.congress.gov/116/plaws/publ114/PLAW-116publ114.htm"),
             effective="2020-02-06", continues=True, until="2021-05-06"),
        step("extension", cite("Extending Temporary Emergency Scheduling of Fentanyl Analogues Act, P.L. 117-12 "
                               "(2021-05-04), extending the order until October 22, 2021",
                               "https://www.govinfo.gov/bulkdata/PLAW/117/public/PLAW-117publ12.xml"),
             effective="2021-05-04", continues=True, until="2021-10-22"),
        step("extension", cite("Extensions in the fiscal-year 2022 continuing appropriations acts and the Consolidated "
                               "Appropriations Act, 2022 ('an additional nine months', CEPOP report of 2022-03-14); "
                               "CRS R47572 (2023-05-24): 'Congress has extended the FRS temporary scheduling order "
                               "several times'", "https://www.everycrsreport.com/reports/R47572.html"),
             continues=True, effectiveUnknown="continues the previous extension; the individual acts and their dates "
                                              "are not itemised here",
             untilNote="superseded by the extension of 2022-12-29"),
        step("extension", cite("Extension enacted 2022-12-29 (CRS R47572: 'most recently on December 29, 2022. The "
                               "order is now set to expire on December 31, 2024')",
                               "https://www.everycrsreport.com/reports/R47572.html"),
             effective="2022-12-29", continues=True, until="2024-12-31"),
        step("extension", cite("Extension to 2025-03-31 (CRS IN12468)"),
             continues=True, effectiveUnknown="act and date of enactment not retrieved", until="2025-03-31"),
        step("extension", cite("Full-Year Continuing Appropriations and Extensions Act, 2025 (H.R. 1968, P.L. 119-4), "
                               "sec. 3105: extension to 2025-09-30"),
             continues=True, effectiveUnknown="date of enactment not recorded in the sources", until="2025-09-30",
             untilNote="superseded by the HALT Fentanyl Act"),
        step("statute", cite("Halt All Lethal Trafficking of Fentanyl Act, P.L. 119-26, sec. 2, adding paragraph (e) to "
                             "Schedule I in 21 U.S.C. 812(c); approved 2025-07-16 (GPO statute compilation COMPS-18185)",
                             "https://www.congress.gov/119/bills/s331/BILLS-119s331enr.htm"),
             effective="2025-07-16",
             note="CRS LSB11343 gives the signing date as 2025-07-17; Accord follows the GPO approval date 2025-07-16 "
                  "(the date the brief and other sources give); the one-day difference is recorded, not hidden"),
    ],
    "notes": [
        "Before the class order, fentanyl analogues outside the schedules could be prosecuted only under the Federal "
        "Analogue Act (see us-analogue-act), case by case.",
        "DEA names newly identified fentanyl-related substances in the Federal Register (e.g. 84 FR 16397, 2019-04-19, "
        "named five); a named substance is still controlled by the class, not by its own listing.",
    ],
    "openQuestions": [
        "Text of 21 U.S.C. 812(c) Schedule I(e)(3) (the statute's exceptions) after its opening words: not retrieved. "
        "Until it is, the engine applies the listed-elsewhere exclusion only.",
        "Whether a sulfonyl group is an 'acyl group' under criterion E.",
    ],
}

CN_FRS = {
    "id": "cn-frs",
    "jurisdiction": "CN",
    "kind": "structural-class",
    "name": "Fentanyl-related substances (class control)",
    "nameZh": "芬太尼类物质",
    "list": "cn-nps-supplementary",
    "schedule": "增补目录",
    "parent": {
        "name": "fentanyl",
        "systematic": "N-[1-(2-苯乙基)-4-哌啶基]-N-苯基丙酰胺",
        "smiles": FENTANYL,
    },
    "legalText": [
        {
            "quote": "芬太尼类物质是指化学结构与芬太尼（N-[1-(2-苯乙基)-4-哌啶基]-N-苯基丙酰胺）相比，符合以下一个或多个条件的物质",
            "citation": cite("公安部、国家卫生健康委员会、国家药品监督管理局《关于将芬太尼类物质列入〈非药用类麻醉药品和精神药品管制"
                             "品种增补目录〉的公告》 (2019-04-01, effective 2019-05-01)",
                             "http://shanghaiinvest.com/cn/viewfile.php?id=13701"),
        },
    ],
    "criteria": [
        {
            "id": "1",
            "quote": "使用其他酰基替代丙酰基",
            "summary": "the propionyl group is replaced by another acyl group",
            "reading": [
                "Equivalent to US criterion E.",
                "Removing the acyl group (4-ANPP) is not a replacement.",
                "Whether an alkoxycarbonyl (carbamate) or sulfonyl group is an acyl group (酰基) is not settled by the text.",
            ],
        },
        {
            "id": "2",
            "quote": "使用任何取代或未取代的单环芳香基团替代与氮原子直接相连的苯基",
            "summary": "the phenyl directly attached to the amide nitrogen is replaced by any substituted or unsubstituted "
                       "aromatic monocycle",
            "reading": [
                "Equivalent to US criterion D: the ring must be aromatic and a single ring.",
                "The text names the phenyl 'directly attached to the nitrogen' (与氮原子直接相连); a benzyl in its place is "
                "not a ring attached directly.",
                "Substitution on that phenyl ring is covered (a substituted phenyl is a substituted aromatic monocycle).",
            ],
        },
        {
            "id": "3",
            "quote": "哌啶环上存在烷基、烯基、烷氧基、酯基、醚基、羟基、卤素、卤代烷基、氨基及硝基等取代基",
            "summary": "the piperidine ring carries alkyl, alkenyl, alkoxy, ester, ether, hydroxyl, halogen, haloalkyl, amino, "
                       "nitro or similar (等) substituents",
            "reading": [
                "The list ends with 等 ('and so on'): substituents outside it (e.g. cyano) are neither clearly in nor "
                "clearly out; Accord answers unknown for them.",
                "The piperidine ring itself is kept.",
            ],
        },
        {
            "id": "4",
            "quote": "使用其他任意基团（氢原子除外）替代苯乙基",
            "summary": "the phenethyl group is replaced by any other group except a hydrogen atom",
            "reading": [
                "Broader than US criteria A and B together: any group counts, including benzyl, 3-phenylpropyl, "
                "naphthylethyl, ethyl or a substituted phenethyl.",
                "Removing the phenethyl group (leaving N-H, as in norfentanyl) is explicitly excluded.",
            ],
        },
    ],
    "combination": "one or more of the conditions 1-4; Accord also requires that no part outside them is changed and "
                   "reports unknown where the text read literally (one condition met, other parts changed) and "
                   "structurally disagree",
    "exclusions": [
        {
            "id": "listed-elsewhere",
            "quote": None,
            "summary": "a fentanyl-type substance already in the List of Narcotic Drugs (e.g. fentanyl, sufentanil, "
                       "remifentanil, alfentanil) or already named in the Supplementary List stays controlled under its "
                       "original list",
            "citation": cite("MPS/NHC/NMPA announcement of 2019-04-01, as summarised by the UNODC EWA newsclip of April 2019",
                             "https://www.unodc.org/LSS/announcement/Details/f2adea68-fbed-4292-a4cc-63771c943318"),
            "from": "2019-05-01",
            "to": None,
        },
        {
            "id": "legitimate-use",
            "quote": None,
            "summary": "a class member found to have medical, industrial, research or other legitimate use has its status "
                       "adjusted under article 3(2) of the 2015 Measures",
            "citation": cite("《非药用类麻醉药品和精神药品列管办法》 (2015) art. 3(2), as referred to by the announcement"),
            "from": "2019-05-01",
            "to": None,
        },
    ],
    "steps": [
        step("announcement", cite("公安部、国家卫生健康委员会、国家药品监督管理局《关于将芬太尼类物质列入〈非药用类麻醉药品和精神药品"
                                  "管制品种增补目录〉的公告》, announced 2019-04-01, effective 2019-05-01",
                                  "http://shanghaiinvest.com/cn/viewfile.php?id=13701"),
             effective="2019-05-01"),
    ],
    "notes": [
        "China's nitazene class (2025-07-01) and synthetic cannabinoid class (2021-07-01) followed the same carve-outs.",
    ],
    "openQuestions": [
        "Whether substituents outside the list of criterion 3 (the list ends with 等) are covered.",
        "Whether a substance meeting one condition but changed elsewhere (e.g. a non-aromatic ring on the amide nitrogen) "
        "is covered when the text is read literally.",
    ],
}

CN_NITAZENES = {
    "id": "cn-nitazenes",
    "jurisdiction": "CN",
    "kind": "class-definition-not-retrieved",
    "name": "Nitazene-class substances (class control)",
    "nameZh": "尼秦类物质",
    "list": "cn-nps-supplementary",
    "schedule": "增补目录",
    "parent": None,
    "legalText": [
        {
            "quote": "关于将尼秦类物质和三氟乙咪酯等12种物质列入〈非药用类麻醉药品和精神药品管制品种增补目录〉的公告",
            "citation": cite("Announcement title (NNCC press conference 2025-06-19; China Daily 2025-06-19)",
                             "http://global.chinadaily.com.cn/a/202506/19/WS6853bcd3a310a04af22c747e.html"),
        },
    ],
    "criteria": [],
    "screen": {
        "smarts": "c1ccc2c(c1)nc(Cc1ccccc1)n2CCN",
        "summary": "2-benzylbenzimidazole carrying a 2-aminoethyl group on N1 (the anchor of the UK generic definition of "
                   "nitazenes); Accord answers unknown for such structures in China from 2025-07-01 because China's "
                   "definition text was not retrieved",
    },
    "combination": None,
    "exclusions": [],
    "steps": [
        step("announcement", cite("Class control of nitazene-class substances, effective 2025-07-01 (China Daily "
                                  "2025-06-19; 163.com)",
                                  "http://global.chinadaily.com.cn/a/202506/19/WS6853bcd3a310a04af22c747e.html"),
             effective="2025-07-01"),
    ],
    "notes": ["China's third class-wide control, after fentanyl-related substances (2019) and synthetic cannabinoids (2021)."],
    "openQuestions": ["The structural definition (general formula or criteria) was not retrieved."],
}

US_ANALOGUE_ACT = {
    "id": "us-analogue-act",
    "jurisdiction": "US",
    "kind": "analogue-provision",
    "name": "Controlled substance analogue (Federal Analogue Act)",
    "nameZh": None,
    "list": None,
    "schedule": "I (to the extent intended for human consumption)",
    "parent": None,
    "legalText": [
        {
            "quote": None,
            "citation": cite("21 U.S.C. 802(32) (definition) and 21 U.S.C. 813 (treatment as Schedule I); described in "
                             "CRS LSB10404", "https://www.everycrsreport.com/reports/LSB10404.html"),
        },
    ],
    "criteria": [
        {
            "id": "structure",
            "quote": None,
            "summary": "its chemical structure is substantially similar to that of a Schedule I or II controlled substance",
            "reading": ["Accord shows the structural similarity (nearest Schedule I/II substances, Morgan Tanimoto and "
                        "common substructure) as evidence only; it never decides this criterion."],
        },
        {
            "id": "effect",
            "quote": None,
            "summary": "it has, or is represented or intended to have, a stimulant, depressant or hallucinogenic effect "
                       "substantially similar to or greater than that of the Schedule I or II substance",
            "reading": ["Pharmacology must be shown elsewhere; Accord holds no such data."],
        },
    ],
    "combination": "both criteria, and intended for human consumption",
    "exclusions": [
        {"id": "controlled", "quote": None, "summary": "a controlled substance is not an analogue",
         "citation": cite("21 U.S.C. 802(32)(C)"), "from": None, "to": None},
        {"id": "approved", "quote": None,
         "summary": "a substance with an approved new drug application, or under an investigational exemption, is not "
                    "an analogue", "citation": cite("21 U.S.C. 802(32)(C)"), "from": None, "to": None},
        {"id": "not-for-consumption", "quote": None,
         "summary": "a substance not intended for human consumption is not treated as Schedule I",
         "citation": cite("21 U.S.C. 813"), "from": None, "to": None},
    ],
    "steps": [],
    "notes": ["The analogue route is case-by-case and needs proof of intended human consumption; the class-wide FRS "
              "listing was created because of this (definitions.md c1)."],
    "openQuestions": ["The full statutory text of 21 U.S.C. 802(32) was not retrieved; the criteria are paraphrased from "
                      "CRS LSB10404."],
}

RULES = [US_FRS, CN_FRS, CN_NITAZENES, US_ANALOGUE_ACT]


def ex(id, name, smiles, description, us, cn, outcomes=()):
    return {"id": id, "name": name, "smiles": smiles, "description": description,
            "expectations": [dict(rule="us-frs", **us), dict(rule="cn-frs", **cn)],
            "outcomes": [dict(jurisdiction=j, date=d, status=s, basis=b, ref=r) for (j, d, s, b, r) in outcomes]}


def member(criteria, excludedBy=None, note=None):
    return {"member": True, "criteria": criteria, "excludedBy": excludedBy, "note": note}


def nonmember(note):
    return {"member": False, "criteria": {}, "excludedBy": None, "note": note}


def unsettled(note, criteria=None):
    return {"member": None, "criteria": criteria or {}, "excludedBy": None, "note": note}


# Dated outcomes use these dates: before the US class order, after both class orders, after HALT.
D_PRE_US, D_PRE_CN, D_BOTH = "2018-01-01", "2019-04-30", "2024-06-01"


def class_only(us=True, cn=True):
    """Dated outcomes for a designed structure that no list names."""
    out = []
    if us:
        out += [("US", D_PRE_US, "not_controlled", None, None), ("US", D_BOTH, "scheduled", "class", "us-frs")]
    if cn:
        out += [("CN", D_PRE_CN, "not_controlled", None, None), ("CN", D_BOTH, "scheduled", "class", "cn-frs")]
    return out


EXAMPLES = [
    ex("fentanyl", "fentanyl (the parent)", FENTANYL,
       "The reference compound of both definitions: unmodified, so not a class member; listed in its own right.",
       nonmember("fentanyl itself is the reference compound, not a modification of it"),
       nonmember("fentanyl itself is the reference compound; it is on the List of Narcotic Drugs"),
       [("US", D_BOTH, "scheduled", "listing", "us-2-fentanyl")]),
    # --- US A / CN 4: the phenethyl group -------------------------------------------------------------------
    ex("a-thiophene", "thiofentanyl", "CCC(=O)N(c1ccccc1)C1CCN(CCc2cccs2)CC1",
       "Phenyl of the phenethyl group replaced by thiophene: meets US A and CN 4, but listed in both countries.",
       member({"A": "phenyl of the phenethyl group replaced by thiophene (an aromatic monocycle)"},
              excludedBy="us-1-thiofentanyl"),
       member({"4": "phenethyl replaced by 2-(thiophen-2-yl)ethyl"}, excludedBy="cn-narcotic-thiofentanyl"),
       [("US", D_BOTH, "scheduled", "listing", "us-1-thiofentanyl")]),
    ex("a-cyclohexyl", "cyclohexylethyl analogue (designed)", "CCC(=O)N(c1ccccc1)C1CCN(CCC2CCCCC2)CC1",
       "A non-aromatic ring in place of the phenethyl phenyl: US A allows any monocycle, aromatic or not.",
       member({"A": "phenyl of the phenethyl group replaced by cyclohexane (a non-aromatic monocycle)"}),
       member({"4": "phenethyl replaced by 2-cyclohexylethyl"}),
       class_only()),
    ex("a-pyridine", "pyridin-4-ylethyl analogue (designed)", "CCC(=O)N(c1ccccc1)C1CCN(CCc2ccncc2)CC1",
       "A heteroaromatic ring in place of the phenethyl phenyl.",
       member({"A": "phenyl of the phenethyl group replaced by pyridine"}),
       member({"4": "phenethyl replaced by 2-(pyridin-4-yl)ethyl"}),
       class_only()),
    ex("a-naphthalene", "naphthalen-2-ylethyl analogue (designed)",
       "CCC(=O)N(c1ccccc1)C1CCN(CCc2ccc3ccccc3c2)CC1",
       "Boundary: a bicyclic ring in place of the phenethyl phenyl. Not a monocycle, so not US A; China's condition 4 "
       "accepts any group.",
       nonmember("naphthalene is a fused bicyclic system, not a monocycle (A), and a fused ring is not one of the "
                 "substituents listed in B"),
       member({"4": "phenethyl replaced by 2-(naphthalen-2-yl)ethyl"}),
       class_only(us=False) + [("US", D_BOTH, "not_controlled", None, None)]),
    ex("a-benzyl", "benzylfentanyl", "CCC(=O)N(c1ccccc1)C1CCN(Cc2ccccc2)CC1",
       "Boundary (chain shortened): benzyl in place of phenethyl. Not US A or B (the bridge changed); China's "
       "condition 4 accepts it. In the US it is a List I chemical.",
       nonmember("the two-carbon bridge is shortened to one carbon: neither a replacement of the phenyl portion (A) "
                 "nor a substitution (B)"),
       member({"4": "phenethyl replaced by benzyl"}),
       [("US", D_BOTH, "precursor", "listing", "us-list-i-benzylfentanyl"),
        ("CN", D_PRE_CN, "not_controlled", None, None), ("CN", D_BOTH, "scheduled", "class", "cn-frs")]),
    ex("a-phenylpropyl", "3-phenylpropyl analogue (designed)", "CCC(=O)N(c1ccccc1)C1CCN(CCCc2ccccc2)CC1",
       "Boundary (chain lengthened): 3-phenylpropyl in place of phenethyl.",
       nonmember("the bridge is lengthened to three carbons: an insertion, neither A nor B"),
       member({"4": "phenethyl replaced by 3-phenylpropyl"}),
       class_only(us=False) + [("US", D_BOTH, "not_controlled", None, None)]),
    ex("a-removed-ring", "N-ethyl analogue (designed)", "CCC(=O)N(c1ccccc1)C1CCN(CC)CC1",
       "Boundary (removal rather than replacement): the phenyl of the phenethyl group is removed, leaving ethyl.",
       nonmember("removing the phenyl ring is not a replacement by a monocycle (A)"),
       member({"4": "phenethyl replaced by ethyl (any group other than hydrogen)"}),
       class_only(us=False) + [("US", D_BOTH, "not_controlled", None, None)]),
    ex("a-removed-group", "norfentanyl", "CCC(=O)N(c1ccccc1)C1CCNCC1",
       "Boundary (removal): the whole phenethyl group removed. Neither class covers it; the US lists it as an immediate "
       "precursor.",
       nonmember("the phenethyl group is removed, not replaced or substituted"),
       nonmember("condition 4 excludes replacement by a hydrogen atom (氢原子除外)"),
       [("US", D_BOTH, "scheduled", "listing", "us-2-norfentanyl")]),
    # --- US B -------------------------------------------------------------------------------------------------
    ex("b-methyl", "beta-methyl fentanyl", "CCC(=O)N(c1ccccc1)C1CCN(CC(C)c2ccccc2)CC1",
       "Methyl on the phenethyl bridge: US B. Controlled by the class from 2018-02-06, then listed from 2021-04-27.",
       member({"B": "alkyl (methyl) substituent on the phenethyl group"}, excludedBy="us-1-beta-methyl-fentanyl"),
       member({"4": "phenethyl replaced by 2-phenylpropyl"}),
       [("US", "2019-06-01", "scheduled", "class", "us-frs"),
        ("US", D_BOTH, "scheduled", "listing", "us-1-beta-methyl-fentanyl"),
        ("CN", D_BOTH, "scheduled", "class", "cn-frs")]),
    ex("b-ring-fluoro", "4-fluorophenethyl analogue (designed)", "CCC(=O)N(c1ccccc1)C1CCN(CCc2ccc(F)cc2)CC1",
       "Fluorine on the phenethyl ring: a halo substituent on the phenethyl group (B), and equally a replacement of the "
       "phenyl by a substituted monocycle (A).",
       member({"A": "phenyl of the phenethyl group replaced by 4-fluorophenyl (a substituted monocycle)",
               "B": "halo (fluoro) substituent on the phenethyl group"}),
       member({"4": "phenethyl replaced by 2-(4-fluorophenyl)ethyl"}),
       class_only()),
    ex("b-cyano-bridge", "bridge cyano analogue (designed)", "CCC(=O)N(c1ccccc1)C1CCN(CC(C#N)c2ccccc2)CC1",
       "Boundary: a cyano group on the phenethyl bridge is not one of the substituents B lists.",
       nonmember("cyano is not among the substituents listed in B, and the bridge is not part of the monocycle of A"),
       member({"4": "phenethyl replaced by 2-cyano-2-phenylethyl"}),
       class_only(us=False) + [("US", D_BOTH, "not_controlled", None, None)]),
    # --- US C / CN 3 ------------------------------------------------------------------------------------------
    ex("c-fluoro", "3-fluoropiperidine analogue (designed)", "CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1F",
       "Fluorine on the piperidine ring: US C and CN 3.",
       member({"C": "halo (fluoro) substituent on the piperidine ring"}),
       member({"3": "halogen (fluoro) substituent on the piperidine ring"}),
       class_only()),
    ex("c-methyl-listed", "3-methylfentanyl", "CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1C",
       "Methyl on the piperidine ring: meets C / 3, but listed individually in both countries.",
       member({"C": "alkyl (methyl) substituent on the piperidine ring"}, excludedBy="us-1-3-methylfentanyl"),
       member({"3": "alkyl (methyl) substituent on the piperidine ring"}, excludedBy="cn-narcotic-3-methylfentanyl"),
       [("US", D_BOTH, "scheduled", "listing", "us-1-3-methylfentanyl")]),
    ex("c-ester-listed", "carfentanil", "CCC(=O)N(c1ccccc1)C1(C(=O)OC)CCN(CCc2ccccc2)CC1",
       "Methyl ester on the piperidine ring: meets C / 3, but carfentanil is in US Schedule II and on China's "
       "Supplementary List since 2017-03-01.",
       member({"C": "ester (methoxycarbonyl) substituent on the piperidine ring"}, excludedBy="us-2-carfentanil"),
       member({"3": "ester (methoxycarbonyl) substituent on the piperidine ring"}, excludedBy="cn-nps-carfentanil"),
       [("US", D_BOTH, "scheduled", "listing", "us-2-carfentanil"),
        ("CN", D_BOTH, "scheduled", "listing", "cn-nps-carfentanil")]),
    ex("c-cyano", "4-cyanopiperidine analogue (designed)", "CCC(=O)N(c1ccccc1)C1(C#N)CCN(CCc2ccccc2)CC1",
       "Boundary (open list): cyano on the piperidine ring is outside the US list; China's list ends with 等.",
       nonmember("cyano is not among the substituents listed in C (the US list is closed)"),
       unsettled("cyano is not named in condition 3, whose list ends with 等 ('and so on')"),
       [("US", D_BOTH, "not_controlled", None, None), ("CN", D_BOTH, "unknown", "class", "cn-frs")]),
    ex("c-ring-contracted", "pyrrolidine analogue (designed)", "CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)C1",
       "Boundary: the piperidine ring replaced by pyrrolidine. Both definitions keep the piperidine ring.",
       nonmember("the piperidine ring is replaced, which none of A-E allows"),
       nonmember("the piperidine ring is replaced, which none of the conditions allows"),
       [("US", D_BOTH, "not_controlled", None, None), ("CN", D_BOTH, "not_controlled", None, None)]),
    # --- US D / CN 2 ------------------------------------------------------------------------------------------
    ex("d-pyridine", "pyridin-2-yl anilide analogue (designed)", "CCC(=O)N(c1ccccn1)C1CCN(CCc2ccccc2)CC1",
       "Pyridine in place of the aniline ring: US D and CN 2.",
       member({"D": "aniline ring replaced by pyridine (an aromatic monocycle)"}),
       member({"2": "phenyl on the amide nitrogen replaced by pyridin-2-yl"}),
       class_only()),
    ex("d-thiophene", "thiophen-3-yl anilide analogue (designed)", "CCC(=O)N(c1ccsc1)C1CCN(CCc2ccccc2)CC1",
       "A five-membered aromatic ring in place of the aniline ring.",
       member({"D": "aniline ring replaced by thiophene (an aromatic monocycle)"}),
       member({"2": "phenyl on the amide nitrogen replaced by thiophen-3-yl"}),
       class_only()),
    ex("d-fluoro-listed", "para-fluorofentanyl", "CCC(=O)N(c1ccc(F)cc1)C1CCN(CCc2ccccc2)CC1",
       "4-Fluorophenyl on the amide nitrogen: D / 2, but listed individually in both countries.",
       member({"D": "aniline ring replaced by 4-fluorophenyl (a substituted aromatic monocycle)"},
              excludedBy="us-1-para-fluorofentanyl"),
       member({"2": "phenyl on the amide nitrogen replaced by 4-fluorophenyl"},
              excludedBy="cn-narcotic-para-fluorofentanyl"),
       [("US", D_BOTH, "scheduled", "listing", "us-1-para-fluorofentanyl")]),
    ex("d-cyclohexyl", "cyclohexyl anilide analogue (designed)", "CCC(=O)N(C1CCCCC1)C1CCN(CCc2ccccc2)CC1",
       "Boundary (non-aromatic): cyclohexyl on the amide nitrogen. Both texts require an aromatic ring there.",
       nonmember("cyclohexane is not aromatic, so D does not apply"),
       nonmember("cyclohexyl is not an aromatic group (芳香基团), so condition 2 does not apply"),
       [("US", D_BOTH, "not_controlled", None, None), ("CN", D_BOTH, "not_controlled", None, None)]),
    ex("d-naphthyl", "naphthalen-1-yl anilide analogue (designed)",
       "CCC(=O)N(c1cccc2ccccc12)C1CCN(CCc2ccccc2)CC1",
       "Boundary (bicyclic): naphthyl on the amide nitrogen is aromatic but not a monocycle.",
       nonmember("naphthalene is not a monocycle, so D does not apply"),
       nonmember("naphthalene is not a monocyclic (单环) aromatic group"),
       [("US", D_BOTH, "not_controlled", None, None), ("CN", D_BOTH, "not_controlled", None, None)]),
    ex("d-benzyl", "N-benzyl analogue (designed)", "CCC(=O)N(Cc1ccccc1)C1CCN(CCc2ccccc2)CC1",
       "Boundary (not attached directly): a CH2 between the amide nitrogen and the ring.",
       nonmember("a benzyl group is not an aromatic monocycle in the place of the aniline ring (a CH2 is inserted)"),
       nonmember("the ring is not attached directly to the nitrogen (与氮原子直接相连)"),
       [("US", D_BOTH, "not_controlled", None, None), ("CN", D_BOTH, "not_controlled", None, None)]),
    # --- US E / CN 1 ------------------------------------------------------------------------------------------
    ex("e-acetyl-listed", "acetylfentanyl", "CC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1",
       "Acetyl in place of propionyl: US E, listed individually in the US since 2017 (temporary order of 2015); China "
       "controls it through the class (condition 1).",
       member({"E": "propionyl replaced by acetyl"}, excludedBy="us-1-acetylfentanyl"),
       member({"1": "propionyl replaced by acetyl"}, note="China individually listed 25 fentanyl analogues before 2019 (names not retrieved); if this was one, that listing applies instead of the class"),
       [("US", D_BOTH, "scheduled", "listing", "us-1-acetylfentanyl"),
        ("CN", D_BOTH, "scheduled", "class", "cn-frs")]),
    ex("e-butyryl-listed", "butyrfentanyl", "CCCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1",
       "Butyryl in place of propionyl: US E, listed individually in the US; China controls it through the class.",
       member({"E": "propionyl replaced by butyryl"}, excludedBy="us-1-butyrfentanyl"),
       member({"1": "propionyl replaced by butyryl"}, note="China individually listed 25 fentanyl analogues before 2019 (names not retrieved); if this was one, that listing applies instead of the class"),
       [("US", "2017-01-01", "scheduled", "listing", "us-1-butyrfentanyl"),
        ("CN", D_BOTH, "scheduled", "class", "cn-frs")]),
    ex("e-crotonyl", "crotonylfentanyl", "C/C=C/C(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1",
       "Crotonyl (but-2-enoyl) in place of propionyl: US E and CN 1.",
       member({"E": "propionyl replaced by but-2-enoyl (crotonyl)"}),
       member({"1": "propionyl replaced by but-2-enoyl (crotonyl)"}),
       class_only()),
    ex("e-hexanoyl", "hexanoyl analogue (designed)", "CCCCCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1",
       "A longer acyl group in place of propionyl.",
       member({"E": "propionyl replaced by hexanoyl"}),
       member({"1": "propionyl replaced by hexanoyl"}),
       class_only()),
    ex("e-carbamate", "fentanyl carbamate", "CCOC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1",
       "Boundary: ethoxycarbonyl in place of propionyl. DEA found it within the US definition and listed it on "
       "2021-05-04; whether China's 酰基 includes it is not settled.",
       member({"E": "propionyl replaced by ethoxycarbonyl (DEA, FR Doc 2021-05589: within the definition)"},
              excludedBy="us-1-fentanyl-carbamate"),
       unsettled("whether an alkoxycarbonyl group is an acyl group (酰基) under condition 1 is not settled by the text"),
       [("US", "2019-06-01", "scheduled", "class", "us-frs"),
        ("US", D_BOTH, "scheduled", "listing", "us-1-fentanyl-carbamate"),
        ("CN", D_BOTH, "unknown", "class", "cn-frs")]),
    ex("e-removed", "4-ANPP (despropionyl fentanyl)", "c1ccc(NC2CCN(CCc3ccccc3)CC2)cc1",
       "Boundary (removal): the propionyl group removed. Not a replacement; both countries control it as a precursor.",
       nonmember("removing the acyl group is not a replacement by another acyl group (E)"),
       nonmember("removing the acyl group is not a replacement (condition 1)"),
       [("US", D_BOTH, "scheduled", "listing", "us-2-anpp"),
        ("CN", D_BOTH, "precursor", "listing", "cn-precursor-anpp")]),
    ex("e-sulfonyl", "propanesulfonyl analogue (designed)", "CCCS(=O)(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1",
       "Boundary: a sulfonyl group in place of the propionyl group.",
       unsettled("whether a sulfonyl group is an 'acyl group' (E) is not settled by the text"),
       unsettled("whether a sulfonyl group is an acyl group (酰基) under condition 1 is not settled by the text"),
       [("US", D_BOTH, "unknown", "class", "us-frs"), ("CN", D_BOTH, "unknown", "class", "cn-frs")]),
    # --- combinations -----------------------------------------------------------------------------------------
    ex("ae-thiophene-cyclopentyl", "thiophene and cyclopentanecarbonyl analogue (designed)",
       "O=C(C1CCCC1)N(c1ccccc1)C1CCN(CCc2cccs2)CC1",
       "Two modifications at once: US A and E; CN 1 and 4.",
       member({"A": "phenyl of the phenethyl group replaced by thiophene",
               "E": "propionyl replaced by cyclopentanecarbonyl"}),
       member({"1": "propionyl replaced by cyclopentanecarbonyl", "4": "phenethyl replaced by 2-(thiophen-2-yl)ethyl"}),
       class_only()),
    ex("cde", "acetyl, pyridyl and 3-methyl analogue (designed)", "CC(=O)N(c1ccccn1)C1CCN(CCc2ccccc2)CC1C",
       "Three modifications: US C, D and E; CN 1, 2 and 3.",
       member({"C": "alkyl (methyl) substituent on the piperidine ring",
               "D": "aniline ring replaced by pyridine",
               "E": "propionyl replaced by acetyl"}),
       member({"1": "propionyl replaced by acetyl", "2": "phenyl on the amide nitrogen replaced by pyridin-2-yl",
               "3": "alkyl (methyl) substituent on the piperidine ring"}),
       class_only()),
    ex("bd", "beta-hydroxy para-fluoro analogue (designed)", "CCC(=O)N(c1ccc(F)cc1)C1CCN(CC(O)c2ccccc2)CC1",
       "Hydroxyl on the bridge and a fluorinated aniline ring: US B and D; CN 2 and 4.",
       member({"B": "hydroxyl substituent on the phenethyl group",
               "D": "aniline ring replaced by 4-fluorophenyl"}),
       member({"2": "phenyl on the amide nitrogen replaced by 4-fluorophenyl",
               "4": "phenethyl replaced by 2-hydroxy-2-phenylethyl"}),
       class_only()),
    ex("abcde", "all five modifications (designed)", "O=C(C1CC1)N(c1ccc(F)cc1)C1CCN(CC(C)c2cccs2)CC1C",
       "Every modification at once: US A, B, C, D and E; CN 1, 2, 3 and 4.",
       member({"A": "phenyl of the phenethyl group replaced by thiophene",
               "B": "alkyl (methyl) substituent on the phenethyl group",
               "C": "alkyl (methyl) substituent on the piperidine ring",
               "D": "aniline ring replaced by 4-fluorophenyl",
               "E": "propionyl replaced by cyclopropanecarbonyl"}),
       member({"1": "propionyl replaced by cyclopropanecarbonyl",
               "2": "phenyl on the amide nitrogen replaced by 4-fluorophenyl",
               "3": "alkyl (methyl) substituent on the piperidine ring",
               "4": "phenethyl replaced by 2-(thiophen-2-yl)propyl"}),
       class_only()),
    ex("a-plus-outside", "thiophene with a cyclohexyl anilide (designed)", "CCC(=O)N(C1CCCCC1)C1CCN(CCc2cccs2)CC1",
       "One allowed modification (US A / CN 4) together with one that neither text allows (non-aromatic ring on the "
       "amide nitrogen).",
       nonmember("the cyclohexyl on the amide nitrogen is a modification outside A-E (D requires an aromatic ring)"),
       unsettled("condition 4 is met, but the cyclohexyl on the amide nitrogen is outside the conditions: covered if "
                 "'符合以下一个或多个条件' is read literally, not if every change must be one of the conditions",
                 criteria={"4": "phenethyl replaced by 2-(thiophen-2-yl)ethyl"}),
       [("US", D_BOTH, "not_controlled", None, None), ("CN", D_BOTH, "unknown", "class", "cn-frs")]),
    # --- boundary cases added with the structural engine ------------------------------------------------------
    ex("e-methyl", "N-methyl analogue (designed)", "CN(c1ccccc1)C1CCN(CCc2ccccc2)CC1",
       "Boundary: the propionyl group replaced by a methyl group, which is not an acyl group.",
       nonmember("methyl is not an acyl group: neither a replacement by another acyl group (E) nor any other criterion"),
       nonmember("methyl is not an acyl group (condition 1)"),
       [("US", D_BOTH, "not_controlled", None, None), ("CN", D_BOTH, "not_controlled", None, None)]),
    ex("e-formyl", "formyl analogue (designed)", "O=CN(c1ccccc1)C1CCN(CCc2ccccc2)CC1",
       "The smallest acyl group, formyl (HC(=O)-), in place of propionyl.",
       member({"E": "propionyl replaced by formyl"}),
       member({"1": "propionyl replaced by formyl"}),
       class_only()),
    ex("e-thioamide", "thiopropionyl analogue (designed)", "CCC(=S)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1",
       "Boundary: a thioacyl group (C=S) in place of the propionyl group; whether it is an 'acyl group' is not settled.",
       unsettled("whether a thioacyl group is an 'acyl group' under criterion E is not settled by the text"),
       unsettled("whether a thioacyl group is an acyl group (酰基) under condition 1 is not settled by the text"),
       [("US", D_BOTH, "unknown", "class", "us-frs"), ("CN", D_BOTH, "unknown", "class", "cn-frs")]),
    ex("b-styryl", "styryl analogue (designed)", "CCC(=O)N(c1ccccc1)C1CCN(/C=C/c2ccccc2)CC1",
       "Boundary: the two-carbon bridge made unsaturated (a styryl group); the bridge is changed, not substituted.",
       nonmember("the ethyl bridge is unsaturated: neither a replacement of the phenyl portion (A) nor a substitution "
                 "with a listed group (B)"),
       member({"4": "phenethyl replaced by styryl"}),
       [("US", D_BOTH, "not_controlled", None, None), ("CN", D_BOTH, "scheduled", "class", "cn-frs")]),
    ex("b-oxo-bridge", "bridge oxo analogue (designed)", "CCC(=O)N(c1ccccc1)C1CCN(CC(=O)c2ccccc2)CC1",
       "Boundary: an oxo group on the bridge (a phenacyl group); oxo is not among B's substituents.",
       nonmember("an oxo group is not one of the substituents criterion B lists"),
       member({"4": "phenethyl replaced by 2-oxo-2-phenylethyl"}),
       [("US", D_BOTH, "not_controlled", None, None), ("CN", D_BOTH, "scheduled", "class", "cn-frs")]),
    ex("c-cyclopropyl", "3-cyclopropylpiperidine analogue (designed)", "CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1C1CC1",
       "Boundary: a cycloalkyl substituent on the piperidine ring; whether 'alkyl' includes cycloalkyl is not settled.",
       unsettled("whether a cycloalkyl group is an 'alkyl' group under criterion C is not settled"),
       unsettled("whether a cycloalkyl group is an 'alkyl' group under condition 3 is not settled"),
       [("US", D_BOTH, "unknown", "class", "us-frs"), ("CN", D_BOTH, "unknown", "class", "cn-frs")]),
    ex("c-hydroxymethyl", "3-hydroxymethylpiperidine analogue (designed)", "CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1CO",
       "Boundary: a substituent combining two listed classes (hydroxyl on an alkyl group); whether the combination "
       "counts is not settled.",
       unsettled("a hydroxymethyl group combines the listed alkyl and hydroxyl classes; whether it counts is not settled"),
       unsettled("a hydroxymethyl group combines the listed alkyl and hydroxyl classes; whether it counts is not settled"),
       [("US", D_BOTH, "unknown", "class", "us-frs"), ("CN", D_BOTH, "unknown", "class", "cn-frs")]),
    ex("c-fused-indoline", "spiro-indoline analogue (designed)", "CCC(=O)N1c2ccccc2CC12CCN(CCc1ccccc1)CC2",
       "Boundary: the anilide nitrogen and ring closed into a ring spiro-fused to the piperidine (a bicyclic system "
       "replacing the amide nitrogen's open chain); no criterion allows a new ring.",
       nonmember("the amide nitrogen is part of a ring fused to the aniline ring and spiro to the piperidine: the "
                 "4-anilidopiperidine core itself is changed"),
       nonmember("the 4-anilidopiperidine core itself is changed"),
       [("US", D_BOTH, "not_controlled", None, None), ("CN", D_BOTH, "not_controlled", None, None)]),
    ex("d-cyclohexenyl", "cyclohexenyl anilide analogue (designed)", "CCC(=O)N(C1=CCCCC1)C1CCN(CCc2ccccc2)CC1",
       "Boundary: a partly unsaturated, non-aromatic ring on the amide nitrogen.",
       nonmember("cyclohexenyl is not aromatic: criterion D requires an aromatic monocycle"),
       nonmember("cyclohexenyl is not aromatic: condition 2 requires an aromatic monocycle"),
       [("US", D_BOTH, "not_controlled", None, None), ("CN", D_BOTH, "not_controlled", None, None)]),
    # --- listed medicines and unrelated structures --------------------------------------------------------------
    ex("sufentanil", "sufentanil", "CCC(=O)N(c1ccccc1)C1(COC)CCN(CCc2cccs2)CC1",
       "A medicine that meets the criteria but keeps its own listing in both countries.",
       member({"A": "phenyl of the phenethyl group replaced by thiophene",
               "C": "ether (methoxymethyl) substituent on the piperidine ring"}, excludedBy="us-2-sufentanil"),
       member({"3": "ether (methoxymethyl) substituent on the piperidine ring",
               "4": "phenethyl replaced by 2-(thiophen-2-yl)ethyl"}, excludedBy="cn-narcotic-sufentanil"),
       [("US", D_BOTH, "scheduled", "listing", "us-2-sufentanil")]),
    ex("alfentanil", "alfentanil", "CCC(=O)N(c1ccccc1)C1(COC)CCN(CCn2nnn(CC)c2=O)CC1",
       "A medicine whose phenethyl phenyl is replaced by a tetrazolinone ring (a monocycle): meets US A and C, listed "
       "in Schedule II.",
       member({"A": "phenyl of the phenethyl group replaced by a 4-ethyl-5-oxotetrazol-1-yl ring (a monocycle)",
               "C": "ether (methoxymethyl) substituent on the piperidine ring"}, excludedBy="us-2-alfentanil"),
       member({"3": "ether (methoxymethyl) substituent on the piperidine ring",
               "4": "phenethyl replaced by 2-(4-ethyl-5-oxotetrazol-1-yl)ethyl"}, excludedBy="cn-narcotic-alfentanil"),
       [("US", D_BOTH, "scheduled", "listing", "us-2-alfentanil")]),
    ex("remifentanil", "remifentanil", "CCC(=O)N(c1ccccc1)C1(C(=O)OC)CCN(CCC(=O)OC)CC1",
       "A medicine whose phenethyl phenyl is replaced by an ester, not a ring: outside US A, inside China's condition 4; "
       "listed in both countries.",
       nonmember("the phenyl of the phenethyl group is replaced by a methoxycarbonyl group, not a monocycle: a "
                 "modification outside A-E (criterion C alone would not make it a member)"),
       member({"3": "ester (methoxycarbonyl) substituent on the piperidine ring",
               "4": "phenethyl replaced by 3-methoxy-3-oxopropyl"}, excludedBy="cn-narcotic-remifentanil"),
       [("US", D_BOTH, "scheduled", "listing", "us-2-remifentanil")]),
    ex("isotonitazene", "isotonitazene", "CCN(CC)CCn1c(Cc2ccc(OC(C)C)cc2)nc2cc([N+](=O)[O-])ccc21",
       "A nitazene, not a fentanyl: neither fentanyl class applies. China's nitazene class (definition not retrieved) "
       "makes its Chinese status unknown from 2025-07-01.",
       nonmember("not structurally related to fentanyl (no 4-anilidopiperidine)"),
       nonmember("not structurally related to fentanyl (no 4-anilidopiperidine)"),
       [("CN", "2025-08-01", "unknown", "class", "cn-nitazenes")]),
    ex("morphine", "morphine", "CN1CC[C@]23c4c5ccc(O)c4O[C@H]2[C@@H](O)C=C[C@H]3[C@H]1C5",
       "An unrelated opioid: neither class applies.",
       nonmember("not structurally related to fentanyl"),
       nonmember("not structurally related to fentanyl"),
       [("US", D_BOTH, "scheduled", "listing", "us-2-morphine")]),
]


# Which criteria each example probes (as a positive or a boundary case), so that the tests can check that every
# criterion has both. US A and B pair with China's 4, C with 3, D with 2, E with 1.
_PROBE_BY_PREFIX = {"a": {"us-frs": ["A"], "cn-frs": ["4"]}, "b": {"us-frs": ["B"], "cn-frs": ["4"]},
                    "c": {"us-frs": ["C"], "cn-frs": ["3"]}, "d": {"us-frs": ["D"], "cn-frs": ["2"]},
                    "e": {"us-frs": ["E"], "cn-frs": ["1"]}}
_PROBE_EXTRA = {
    "ae-thiophene-cyclopentyl": {"us-frs": ["A", "E"], "cn-frs": ["1", "4"]},
    "cde": {"us-frs": ["C", "D", "E"], "cn-frs": ["1", "2", "3"]},
    "bd": {"us-frs": ["B", "D"], "cn-frs": ["2", "4"]},
    "abcde": {"us-frs": ["A", "B", "C", "D", "E"], "cn-frs": ["1", "2", "3", "4"]},
    "a-plus-outside": {"us-frs": ["A", "D"], "cn-frs": ["2", "4"]},
    "remifentanil": {"us-frs": ["A", "C"], "cn-frs": ["3", "4"]},
}
for _x in EXAMPLES:
    _p = _PROBE_EXTRA.get(_x["id"]) or _PROBE_BY_PREFIX.get(_x["id"].split("-")[0]) if "-" in _x["id"] else _PROBE_EXTRA.get(_x["id"])
    _x["probes"] = [{"rule": r, "criteria": c} for r, c in (_p or {}).items()]
