/* jd-review-builtins.c: the built-in review checklists (DOMAIN.md §2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Penalty by general procedure follows Tables B–D (stages → documents →
 * items; the 审查决定 stage takes the remaining points of Table B as Tables
 * C–E divide them), licensing follows Table A (item 9 read as 10 points),
 * penalty by simple procedure, inspection (§2.11, from the 检查笔录 items)
 * and coercion (§2.10, from its deduction catalogue) are drawn up from the
 * same sources. Every template opens with the four legality items of §2.1,
 * which zero the score when failed (河南, 宣武), and totals 100 points.
 * The texts are English msgids; the Chinese catalogue carries the wording
 * of the source tables.
 */

#define G_LOG_DOMAIN "jd-review"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jd-review-template.h"

typedef enum
{
  ROW_STAGE,      /* a top-level section */
  ROW_DOCUMENT,   /* a section inside the last stage */
  ROW_ITEM,       /* an item of the last section opened */
} RowKind;

typedef struct
{
  RowKind       kind;
  const char   *text;
  double        points;
  const char   *rule;
  double        typical[JD_REVIEW_MAX_TYPICAL];   /* 0 ends the list */
  JdVetoEffect  veto;
} Row;

typedef struct
{
  const char    *code;
  JdReviewKind   kind;
  const char    *name;
  const Row     *rows;
  gsize          n_rows;
} BuiltinTemplate;

/* 一般程序行政处罚案卷评查表 */
static const Row penalty_general_rows[] = {
  { ROW_STAGE, N_("Legality (basic standard)"), 0 },
  { ROW_ITEM, N_("Subject: the agency has the power and acts within it; a delegated body acts in the delegator’s name; the officers hold enforcement certificates; the right party is dealt with"), 0,
    N_("Any failure: the file scores 0 (deduct 100)"), { 0 }, JD_VETO_ZERO },
  { ROW_ITEM, N_("Facts and evidence: the facts are clear, the evidence is sufficient and lawfully obtained, the conduct is characterised correctly, within the limitation period"), 0,
    N_("Any failure: the file scores 0 (deduct 100)"), { 0 }, JD_VETO_ZERO },
  { ROW_ITEM, N_("Applicable law: a legal basis exists and is in force; the right law and article are applied; discretion is used properly"), 0,
    N_("Any failure: the file scores 0 (deduct 100)"), { 0 }, JD_VETO_ZERO },
  { ROW_ITEM, N_("Procedure: the legal procedure is followed: at least two officers, rights notified, hearing held where required, time limits kept"), 0,
    N_("Any failure: the file scores 0 (deduct 100)"), { 0 }, JD_VETO_ZERO },
  { ROW_STAGE, N_("Case filing stage"), 5 },
  { ROW_DOCUMENT, N_("Case filing approval form"), 5 },
  { ROW_ITEM, N_("The party’s basic information is recorded"), 0.5,
    N_("Missing or wrong: deduct all points"), { 0.5 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The case source is stated (site inspection, report, assignment, referral)"), 0.5,
    N_("Missing or wrong: deduct all points"), { 0.5 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The facts of the case are recorded"), 1,
    N_("Each defect: deduct 0.5, up to the item’s points"), { 0.5, 1 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The handler’s opinion names the law, regulation or rule possibly violated"), 1,
    N_("Each defect: deduct 0.5, up to the item’s points"), { 0.5, 1 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The approving head’s opinion, signature and date"), 1,
    N_("Each defect: deduct 0.5, up to the item’s points"), { 0.5, 1 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The case is filed within the time limit"), 1,
    N_("Late: deduct all"), { 1 }, JD_VETO_NONE },
  { ROW_STAGE, N_("Investigation and evidence stage"), 35 },
  { ROW_DOCUMENT, N_("Inspection (site examination) record"), 10 },
  { ROW_ITEM, N_("Start and end time and place of the inspection"), 2,
    N_("Each defect: deduct 1, up to the item’s points"), { 1, 2 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The inspection content is clear"), 2,
    N_("Each defect: deduct 1, up to the item’s points"), { 1, 2 }, JD_VETO_NONE },
  { ROW_ITEM, N_("Basic information of the inspected party"), 2,
    N_("Each defect: deduct 1, up to the item’s points"), { 1, 2 }, JD_VETO_NONE },
  { ROW_ITEM, N_("Findings recorded accurately, objectively and completely"), 2,
    N_("Each defect: deduct 1, up to the item’s points"), { 1, 2 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The inspected party’s opinion and signature; if absent or refusing, a witness signs, or two or more officers sign and explain"), 2,
    N_("Each defect: deduct 1, up to the item’s points"), { 1, 2 }, JD_VETO_NONE },
  { ROW_DOCUMENT, N_("Questioning record"), 10 },
  { ROW_ITEM, N_("Start and end time and place"), 1,
    N_("Each defect: deduct 0.5, up to the item’s points"), { 0.5, 1 }, JD_VETO_NONE },
  { ROW_ITEM, N_("One record per person questioned"), 1,
    N_("Missing or wrong: deduct all points"), { 1 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The basic information of the person questioned is complete"), 1,
    N_("Each defect: deduct 0.5, up to the item’s points"), { 0.5, 1 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The content is complete"), 2,
    N_("Each defect: deduct 1, up to the item’s points"), { 1, 2 }, JD_VETO_NONE },
  { ROW_ITEM, N_("Signatures of two officers"), 2,
    N_("Each defect: deduct 1, up to the item’s points"), { 1, 2 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The person questioned signs every page; if refusing, two or more officers sign and explain"), 2,
    N_("Each defect: deduct 1, up to the item’s points"), { 1, 2 }, JD_VETO_NONE },
  { ROW_ITEM, N_("Alterations are fingerprinted, sealed or signed by the person questioned"), 1,
    N_("Each defect: deduct 0.5, up to the item’s points"), { 0.5, 1 }, JD_VETO_NONE },
  { ROW_DOCUMENT, N_("Evidence collection and preservation documents"), 15 },
  { ROW_ITEM, N_("The evidence-giver’s information is recorded"), 1,
    N_("Each defect: deduct 0.5, up to the item’s points"), { 0.5, 1 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The reason for collecting the evidence is proper"), 1,
    N_("Missing or wrong: deduct all points"), { 1 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The place of collection is stated exactly"), 1,
    N_("Missing or wrong: deduct all points"), { 1 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The items collected are relevant to the case"), 1,
    N_("Missing or wrong: deduct all points"), { 1 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The description of the evidence is accurate"), 1,
    N_("Missing or wrong: deduct all points"), { 1 }, JD_VETO_NONE },
  { ROW_ITEM, N_("Signatures of two officers"), 1,
    N_("Missing or wrong: deduct all points"), { 1 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The evidence-giver signs or seals"), 1,
    N_("Missing or wrong: deduct all points"), { 1 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The organ’s seal and the date"), 1,
    N_("Missing or wrong: deduct all points"), { 1 }, JD_VETO_NONE },
  { ROW_ITEM, N_("Goods registered and preserved in advance are dealt with within the legal period"), 1,
    N_("Missing or wrong: deduct all points"), { 1 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The testing or appraisal body is suitable, the purpose clear and the procedure lawful"), 1,
    N_("Missing or wrong: deduct all points"), { 1 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The appraisal conclusion is clear and signed by the appraiser"), 1,
    N_("Missing or wrong: deduct all points"), { 1 }, JD_VETO_NONE },
  { ROW_ITEM, N_("Registration and preservation, sealing or seizure are approved, with the notice and a list of the goods"), 4,
    N_("Irregular registration, sealing or seizure: deduct 2 to 4 depending on the defect"), { 2, 4 }, JD_VETO_NONE },
  { ROW_STAGE, N_("Review and decision stage"), 43 },
  { ROW_DOCUMENT, N_("Case handling approval form"), 5 },
  { ROW_ITEM, N_("The cause of action and the party"), 1,
    N_("Missing or wrong: deduct all points"), { 1 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The facts, the evidence and the legal basis"), 1,
    N_("Missing or wrong: deduct all points"), { 1 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The handler’s opinion, signature and date"), 1,
    N_("Missing or wrong: deduct all points"), { 1 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The legal office’s review opinion"), 1,
    N_("Missing or wrong: deduct all points"), { 1 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The head’s approval, signature and date"), 1,
    N_("Missing or wrong: deduct all points"), { 1 }, JD_VETO_NONE },
  { ROW_DOCUMENT, N_("Prior notice of the penalty"), 8 },
  { ROW_ITEM, N_("States the facts, reasons and legal basis of the intended penalty"), 2,
    N_("Each defect: deduct 1, up to the item’s points"), { 1, 2 }, JD_VETO_NONE },
  { ROW_ITEM, N_("Notifies the right to state and defend"), 2,
    N_("Each defect: deduct 1, up to the item’s points"), { 1, 2 }, JD_VETO_NONE },
  { ROW_ITEM, N_("Notifies the right to a hearing where the penalty requires one"), 2,
    N_("Each defect: deduct 1, up to the item’s points"), { 1, 2 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The notice is served and signed for by the party"), 2,
    N_("Each defect: deduct 1, up to the item’s points"), { 1, 2 }, JD_VETO_NONE },
  { ROW_DOCUMENT, N_("Statement, defence and hearing"), 5 },
  { ROW_ITEM, N_("The party’s statement and defence are recorded and reviewed"), 2,
    N_("Defence not reviewed: deduct 2"), { 2 }, JD_VETO_NONE },
  { ROW_ITEM, N_("A hearing requested is held by law, with notice, record and report"), 2,
    N_("Hearing irregular: deduct 1 to 2; not held when required: deduct all"), { 1, 2 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The hearing record is signed by the party"), 1,
    N_("Each defect: deduct 0.5, up to the item’s points"), { 0.5, 1 }, JD_VETO_NONE },
  { ROW_DOCUMENT, N_("Collective discussion"), 4 },
  { ROW_ITEM, N_("Complex or serious cases are discussed and decided collectively by the heads"), 2,
    N_("Missing or wrong: deduct all points"), { 2 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The discussion is recorded completely and signed"), 2,
    N_("Discussed but not recorded: deduct 2; record incomplete or wrong: deduct 1"), { 1, 2 }, JD_VETO_NONE },
  { ROW_DOCUMENT, N_("Penalty decision"), 21 },
  { ROW_ITEM, N_("The party’s basic information"), 3,
    N_("Missing or wrong: deduct 3; incomplete or irregular: deduct 1 to 2"), { 1, 2, 3 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The facts of the violation and the evidence"), 3,
    N_("Missing or wrong: deduct 3; incomplete or irregular: deduct 1 to 2"), { 1, 2, 3 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The type of penalty and its legal basis, to the article and clause"), 3,
    N_("Missing or wrong: deduct 3; incomplete or irregular: deduct 1 to 2"), { 1, 2, 3 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The manner and period of performance"), 3,
    N_("Missing or wrong: deduct 3; incomplete or irregular: deduct 1 to 2"), { 1, 2, 3 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The route and time limit for reconsideration or litigation"), 3,
    N_("Missing or wrong: deduct 3; incomplete or irregular: deduct 1 to 2"), { 1, 2, 3 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The organ’s name and seal"), 3,
    N_("Missing or wrong: deduct 3; incomplete or irregular: deduct 1 to 2"), { 1, 2, 3 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The date of the decision"), 3,
    N_("Missing or wrong: deduct 3; incomplete or irregular: deduct 1 to 2"), { 1, 2, 3 }, JD_VETO_NONE },
  { ROW_STAGE, N_("Service and enforcement stage"), 9 },
  { ROW_ITEM, N_("The service record is complete: place, time, signatures of the recipient or a witness and of the server"), 3,
    N_("Each error: deduct 1; no recipient signature and no note by two officers with a witness, or the decision not served within 7 days: deduct all"), { 1, 3 }, JD_VETO_NONE },
  { ROW_ITEM, N_("Fines are collected with legal receipts, a copy in the file"), 3,
    N_("Missing or wrong: deduct all points"), { 3 }, JD_VETO_NONE },
  { ROW_ITEM, N_("Confiscation: documents and a list of the items; fines and their collection kept apart"), 3,
    N_("Missing or wrong: deduct all points"), { 3 }, JD_VETO_NONE },
  { ROW_STAGE, N_("Archiving stage"), 8 },
  { ROW_ITEM, N_("One case, one file"), 1,
    N_("Missing or wrong: deduct all points"), { 1 }, JD_VETO_NONE },
  { ROW_ITEM, N_("Unified cover, filled in completely"), 1,
    N_("Missing or wrong: deduct all points"), { 1 }, JD_VETO_NONE },
  { ROW_ITEM, N_("Table of contents in the order of the documents"), 1,
    N_("Missing or wrong: deduct all points"), { 1 }, JD_VETO_NONE },
  { ROW_ITEM, N_("Documents filed in order: filing, investigation, review, decision, service, enforcement"), 1,
    N_("Each defect: deduct 0.5, up to the item’s points"), { 0.5, 1 }, JD_VETO_NONE },
  { ROW_ITEM, N_("Pages numbered one by one"), 1,
    N_("Each defect: deduct 0.5, up to the item’s points"), { 0.5, 1 }, JD_VETO_NONE },
  { ROW_ITEM, N_("Bound neatly, without metal"), 1,
    N_("Each defect: deduct 0.5, up to the item’s points"), { 0.5, 1 }, JD_VETO_NONE },
  { ROW_ITEM, N_("Paper undamaged and of uniform size"), 1,
    N_("Each defect: deduct 0.5, up to the item’s points"), { 0.5, 1 }, JD_VETO_NONE },
  { ROW_ITEM, N_("Clear print; no pencil or ballpoint pen (copied before filing)"), 1,
    N_("Each defect: deduct 0.5, up to the item’s points"), { 0.5, 1 }, JD_VETO_NONE },
};

/* 简易程序行政处罚案卷评查表 */
static const Row penalty_simple_rows[] = {
  { ROW_STAGE, N_("Legality (basic standard)"), 0 },
  { ROW_ITEM, N_("Subject: the agency has the power and acts within it; a delegated body acts in the delegator’s name; the officers hold enforcement certificates; the right party is dealt with"), 0,
    N_("Any failure: the file scores 0 (deduct 100)"), { 0 }, JD_VETO_ZERO },
  { ROW_ITEM, N_("Facts and evidence: the facts are clear, the evidence is sufficient and lawfully obtained, the conduct is characterised correctly, within the limitation period"), 0,
    N_("Any failure: the file scores 0 (deduct 100)"), { 0 }, JD_VETO_ZERO },
  { ROW_ITEM, N_("Applicable law: a legal basis exists and is in force; the right law and article are applied; discretion is used properly"), 0,
    N_("Any failure: the file scores 0 (deduct 100)"), { 0 }, JD_VETO_ZERO },
  { ROW_ITEM, N_("Procedure: the legal procedure is followed: at least two officers, rights notified, hearing held where required, time limits kept"), 0,
    N_("Any failure: the file scores 0 (deduct 100)"), { 0 }, JD_VETO_ZERO },
  { ROW_STAGE, N_("Before the decision"), 30 },
  { ROW_ITEM, N_("The officers show their enforcement certificates"), 10,
    N_("Not done or not recorded: deduct all; recorded incompletely: deduct 5"), { 5, 10 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The party is told the facts, reasons and legal basis of the penalty"), 10,
    N_("Not told: deduct all; told incompletely: deduct 2 to 5"), { 2, 5, 10 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The party is told of the right to state and defend, and is heard"), 10,
    N_("Not told: deduct all; told incompletely: deduct 2 to 5"), { 2, 5, 10 }, JD_VETO_NONE },
  { ROW_STAGE, N_("On-the-spot penalty decision"), 40 },
  { ROW_ITEM, N_("The party’s basic information"), 5,
    N_("Missing or wrong: deduct all; incomplete or irregular: deduct 1 to 2"), { 1, 2, 5 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The facts of the violation and the evidence"), 5,
    N_("Missing or wrong: deduct all; incomplete or irregular: deduct 1 to 2"), { 1, 2, 5 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The type of penalty and its legal basis, to the article and clause"), 5,
    N_("Missing or wrong: deduct all; incomplete or irregular: deduct 1 to 2"), { 1, 2, 5 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The penalty lies within the simple procedure: a warning, or a fine of up to 200 yuan for a citizen or 3,000 yuan for an organisation"), 10,
    N_("Missing or wrong: deduct all points"), { 10 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The route and time limit for reconsideration or litigation"), 5,
    N_("Missing or wrong: deduct all; incomplete or irregular: deduct 1 to 2"), { 1, 2, 5 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The officers sign or seal, and the organ is named"), 5,
    N_("Missing or wrong: deduct all; incomplete or irregular: deduct 1 to 2"), { 1, 2, 5 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The decision is handed to the party on the spot and signed for"), 5,
    N_("Missing or wrong: deduct all; incomplete or irregular: deduct 1 to 2"), { 1, 2, 5 }, JD_VETO_NONE },
  { ROW_STAGE, N_("Filing and payment"), 20 },
  { ROW_ITEM, N_("The decision is filed with the organ within the time limit"), 10,
    N_("Not filed: deduct all; filed late: deduct 5"), { 5, 10 }, JD_VETO_NONE },
  { ROW_ITEM, N_("Fines are paid at the bank, or collected on the spot with legal receipts and handed in within the time limit"), 10,
    N_("No legal receipt: deduct all; handed in late: deduct 5"), { 5, 10 }, JD_VETO_NONE },
  { ROW_STAGE, N_("Archiving"), 10 },
  { ROW_ITEM, N_("One case, one file"), 4,
    N_("Each defect: deduct 2, up to the item’s points"), { 2, 4 }, JD_VETO_NONE },
  { ROW_ITEM, N_("Documents complete and in order"), 3,
    N_("Each defect: deduct 1, up to the item’s points"), { 1, 3 }, JD_VETO_NONE },
  { ROW_ITEM, N_("Bound neatly, without metal"), 3,
    N_("Each defect: deduct 1, up to the item’s points"), { 1, 3 }, JD_VETO_NONE },
};

/* 行政许可案卷评查表 */
static const Row licensing_rows[] = {
  { ROW_STAGE, N_("Legality (basic standard)"), 0 },
  { ROW_ITEM, N_("Subject: the agency has the power and acts within it; a delegated body acts in the delegator’s name; the officers hold enforcement certificates; the right party is dealt with"), 0,
    N_("Any failure: the file scores 0 (deduct 100)"), { 0 }, JD_VETO_ZERO },
  { ROW_ITEM, N_("Facts and evidence: the facts are clear, the evidence is sufficient and lawfully obtained, the conduct is characterised correctly, within the limitation period"), 0,
    N_("Any failure: the file scores 0 (deduct 100)"), { 0 }, JD_VETO_ZERO },
  { ROW_ITEM, N_("Applicable law: a legal basis exists and is in force; the right law and article are applied; discretion is used properly"), 0,
    N_("Any failure: the file scores 0 (deduct 100)"), { 0 }, JD_VETO_ZERO },
  { ROW_ITEM, N_("Procedure: the legal procedure is followed: at least two officers, rights notified, hearing held where required, time limits kept"), 0,
    N_("Any failure: the file scores 0 (deduct 100)"), { 0 }, JD_VETO_ZERO },
  { ROW_STAGE, N_("Application and acceptance"), 27 },
  { ROW_ITEM, N_("Applications that meet the legal conditions are accepted"), 5,
    N_("Deduct 1 to 5 depending on the defect, up to the item’s points"), { 1, 3, 5 }, JD_VETO_NONE },
  { ROW_ITEM, N_("Incomplete materials, or materials not in legal form: the applicant is told once of everything to supply"), 10,
    N_("Not told: deduct all; told incompletely: deduct 2 to 5"), { 2, 5, 10 }, JD_VETO_NONE },
  { ROW_ITEM, N_("Reasons are given when an application is refused"), 6,
    N_("Missing: deduct all; incomplete: deduct 2 to 3"), { 2, 3, 6 }, JD_VETO_NONE },
  { ROW_ITEM, N_("Acceptance or refusal is decided within the time limit"), 6,
    N_("Late: deduct all"), { 6 }, JD_VETO_NONE },
  { ROW_STAGE, N_("Review and decision"), 36 },
  { ROW_ITEM, N_("Licences run by two or more departments: one accepts, the others reply within the set working days, and the accepting department answers within the time limit"), 15,
    N_("Deduct 2 to 5 for each irregularity, up to the item’s points"), { 2, 5, 10 }, JD_VETO_NONE },
  { ROW_ITEM, N_("Where the substance of the materials must be checked, two or more staff check it and make a site inspection record"), 6,
    N_("Missing: deduct all; incomplete: deduct 2 to 3"), { 2, 3, 6 }, JD_VETO_NONE },
  { ROW_ITEM, N_("Licences involving bidding, auction, examination, assessment, inspection, testing or quarantine follow their special rules"), 5,
    N_("Deduct 1 to 5 depending on the defect, up to the item’s points"), { 1, 3, 5 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The applicant and interested parties are notified; licences requiring a hearing are announced and heard by law"), 10,
    N_("Not told: deduct all; told incompletely: deduct 2 to 5"), { 2, 5, 10 }, JD_VETO_NONE },
  { ROW_STAGE, N_("Fees and supervision"), 20 },
  { ROW_ITEM, N_("Fees are charged only for legal items at legal rates, with unified receipts"), 10,
    N_("Deduct 2 to 5 for each irregularity, up to the item’s points"), { 2, 5, 10 }, JD_VETO_NONE },
  { ROW_ITEM, N_("Licensees are supervised (periodic inspection or registration) and supervision records are kept"), 10,
    N_("Deduct 2 to 5 for each irregularity, up to the item’s points"), { 2, 5, 10 }, JD_VETO_NONE },
  { ROW_STAGE, N_("Time limits and service"), 5 },
  { ROW_ITEM, N_("Finished within the time limit; documents served by the legal time and method"), 5,
    N_("Deduct 1 to 5 depending on the defect, up to the item’s points"), { 1, 3, 5 }, JD_VETO_NONE },
  { ROW_STAGE, N_("Documents and archiving"), 12 },
  { ROW_ITEM, N_("One case, one file"), 1.5,
    N_("Missing or wrong: deduct all points"), { 1.5 }, JD_VETO_NONE },
  { ROW_ITEM, N_("Unified cover, filled in completely"), 1.5,
    N_("Missing or wrong: deduct all points"), { 1.5 }, JD_VETO_NONE },
  { ROW_ITEM, N_("Table of contents in the order of the documents"), 1.5,
    N_("Missing or wrong: deduct all points"), { 1.5 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The contents are in order"), 1.5,
    N_("Missing or wrong: deduct all points"), { 1.5 }, JD_VETO_NONE },
  { ROW_ITEM, N_("Pages numbered one by one"), 1.5,
    N_("Missing or wrong: deduct all points"), { 1.5 }, JD_VETO_NONE },
  { ROW_ITEM, N_("Bound neatly, without metal"), 1.5,
    N_("Missing or wrong: deduct all points"), { 1.5 }, JD_VETO_NONE },
  { ROW_ITEM, N_("Paper undamaged and of uniform size"), 1.5,
    N_("Missing or wrong: deduct all points"), { 1.5 }, JD_VETO_NONE },
  { ROW_ITEM, N_("Clear print; no pencil or ballpoint pen (copied before filing)"), 1.5,
    N_("Missing or wrong: deduct all points"), { 1.5 }, JD_VETO_NONE },
};

/* 行政检查案卷评查表 */
static const Row inspection_rows[] = {
  { ROW_STAGE, N_("Legality (basic standard)"), 0 },
  { ROW_ITEM, N_("Subject: the agency has the power and acts within it; a delegated body acts in the delegator’s name; the officers hold enforcement certificates; the right party is dealt with"), 0,
    N_("Any failure: the file scores 0 (deduct 100)"), { 0 }, JD_VETO_ZERO },
  { ROW_ITEM, N_("Facts and evidence: the facts are clear, the evidence is sufficient and lawfully obtained, the conduct is characterised correctly, within the limitation period"), 0,
    N_("Any failure: the file scores 0 (deduct 100)"), { 0 }, JD_VETO_ZERO },
  { ROW_ITEM, N_("Applicable law: a legal basis exists and is in force; the right law and article are applied; discretion is used properly"), 0,
    N_("Any failure: the file scores 0 (deduct 100)"), { 0 }, JD_VETO_ZERO },
  { ROW_ITEM, N_("Procedure: the legal procedure is followed: at least two officers, rights notified, hearing held where required, time limits kept"), 0,
    N_("Any failure: the file scores 0 (deduct 100)"), { 0 }, JD_VETO_ZERO },
  { ROW_STAGE, N_("Basis and officers"), 20 },
  { ROW_ITEM, N_("The source of the inspection is clear (plan, random check, complaint, assignment)"), 5,
    N_("Deduct 1 to 5 depending on the defect, up to the item’s points"), { 1, 3, 5 }, JD_VETO_NONE },
  { ROW_ITEM, N_("At least two officers inspect and show their enforcement certificates"), 10,
    N_("Not done or not recorded: deduct all; recorded incompletely: deduct 5"), { 5, 10 }, JD_VETO_NONE },
  { ROW_ITEM, N_("One specific object is inspected"), 5,
    N_("Missing or wrong: deduct all points"), { 5 }, JD_VETO_NONE },
  { ROW_STAGE, N_("Inspection record"), 60 },
  { ROW_ITEM, N_("Start and end time and place of the inspection"), 10,
    N_("Deduct 2 to 5 for each irregularity, up to the item’s points"), { 2, 5, 10 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The inspection content is clear"), 10,
    N_("Deduct 2 to 5 for each irregularity, up to the item’s points"), { 2, 5, 10 }, JD_VETO_NONE },
  { ROW_ITEM, N_("Basic information of the inspected party"), 10,
    N_("Deduct 2 to 5 for each irregularity, up to the item’s points"), { 2, 5, 10 }, JD_VETO_NONE },
  { ROW_ITEM, N_("Findings recorded accurately, objectively and completely"), 15,
    N_("Deduct 2 to 5 for each irregularity, up to the item’s points"), { 2, 5, 10 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The inspected party’s opinion and signature; if absent or refusing, a witness signs, or two or more officers sign and explain"), 10,
    N_("Deduct 2 to 5 for each irregularity, up to the item’s points"), { 2, 5, 10 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The officers sign the record"), 5,
    N_("Deduct 1 to 5 depending on the defect, up to the item’s points"), { 1, 3, 5 }, JD_VETO_NONE },
  { ROW_STAGE, N_("Follow-up"), 10 },
  { ROW_ITEM, N_("Problems found are ordered corrected, dealt with by law or referred"), 5,
    N_("Deduct 1 to 5 depending on the defect, up to the item’s points"), { 1, 3, 5 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The result is told to the inspected party or published as required"), 5,
    N_("Deduct 1 to 5 depending on the defect, up to the item’s points"), { 1, 3, 5 }, JD_VETO_NONE },
  { ROW_STAGE, N_("Archiving"), 10 },
  { ROW_ITEM, N_("One inspection, one file"), 4,
    N_("Each defect: deduct 2, up to the item’s points"), { 2, 4 }, JD_VETO_NONE },
  { ROW_ITEM, N_("Documents complete and in order"), 3,
    N_("Each defect: deduct 1, up to the item’s points"), { 1, 3 }, JD_VETO_NONE },
  { ROW_ITEM, N_("Bound neatly, without metal"), 3,
    N_("Each defect: deduct 1, up to the item’s points"), { 1, 3 }, JD_VETO_NONE },
};

/* 行政强制案卷评查表 */
static const Row coercion_rows[] = {
  { ROW_STAGE, N_("Legality (basic standard)"), 0 },
  { ROW_ITEM, N_("Subject: the agency has the power and acts within it; a delegated body acts in the delegator’s name; the officers hold enforcement certificates; the right party is dealt with"), 0,
    N_("Any failure: the file scores 0 (deduct 100)"), { 0 }, JD_VETO_ZERO },
  { ROW_ITEM, N_("Facts and evidence: the facts are clear, the evidence is sufficient and lawfully obtained, the conduct is characterised correctly, within the limitation period"), 0,
    N_("Any failure: the file scores 0 (deduct 100)"), { 0 }, JD_VETO_ZERO },
  { ROW_ITEM, N_("Applicable law: a legal basis exists and is in force; the right law and article are applied; discretion is used properly"), 0,
    N_("Any failure: the file scores 0 (deduct 100)"), { 0 }, JD_VETO_ZERO },
  { ROW_ITEM, N_("Procedure: the legal procedure is followed: at least two officers, rights notified, hearing held where required, time limits kept"), 0,
    N_("Any failure: the file scores 0 (deduct 100)"), { 0 }, JD_VETO_ZERO },
  { ROW_STAGE, N_("Procedure of the measure"), 35 },
  { ROW_ITEM, N_("Approved by the organ’s head beforehand, or within 24 hours in an emergency"), 10,
    N_("Coercive measure without approval: deduct 5 to 10"), { 5, 10 }, JD_VETO_NONE },
  { ROW_ITEM, N_("Carried out by at least two officers who show their certificates"), 5,
    N_("Missing or wrong: deduct all points"), { 5 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The party is called to the scene and told the reasons, basis, rights and remedies"), 10,
    N_("Not told: deduct all; told incompletely: deduct 2 to 5"), { 2, 5, 10 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The party’s statement and defence are heard and reviewed"), 5,
    N_("Not heard: deduct all; not reviewed: deduct 2"), { 2, 5 }, JD_VETO_NONE },
  { ROW_ITEM, N_("An on-site record is made and signed by the party and the officers"), 5,
    N_("Missing: deduct all; incomplete: deduct 2 to 3"), { 2, 3, 5 }, JD_VETO_NONE },
  { ROW_STAGE, N_("Decision and list"), 30 },
  { ROW_ITEM, N_("The sealing or seizure decision has all its elements"), 10,
    N_("Irregular sealing or seizure: deduct 2 to 6 depending on the defect"), { 2, 4, 6 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The list of goods is made in two copies and signed by the party"), 8,
    N_("Irregular sealing or seizure: deduct 2 to 6 depending on the defect"), { 2, 4, 6 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The period is at most 30 days, and any extension is approved"), 7,
    N_("Deduct 1 to 5 depending on the defect, up to the item’s points"), { 1, 3, 5 }, JD_VETO_NONE },
  { ROW_ITEM, N_("Only places, facilities or goods involved in the case are sealed or seized"), 5,
    N_("Missing or wrong: deduct all points"), { 5 }, JD_VETO_NONE },
  { ROW_STAGE, N_("Enforcement"), 15 },
  { ROW_ITEM, N_("The party is warned in writing before the enforcement decision"), 5,
    N_("Missing or wrong: deduct all points"), { 5 }, JD_VETO_NONE },
  { ROW_ITEM, N_("The enforcement decision states its basis, manner, time and remedies"), 5,
    N_("Missing or wrong: deduct all; incomplete or irregular: deduct 1 to 2"), { 1, 2, 5 }, JD_VETO_NONE },
  { ROW_ITEM, N_("Sealed or seized goods are released or dealt with in time"), 5,
    N_("Not dealt with in time: deduct 1 to 5"), { 1, 3, 5 }, JD_VETO_NONE },
  { ROW_STAGE, N_("Service and documents"), 10 },
  { ROW_ITEM, N_("Documents are served with a complete service record"), 5,
    N_("No service record: deduct all; irregular service: deduct 0.5 to 2"), { 0.5, 1, 2 }, JD_VETO_NONE },
  { ROW_ITEM, N_("Unified document forms are used"), 5,
    N_("Forms not unified: deduct 0.5 to 2 for each"), { 0.5, 1, 2 }, JD_VETO_NONE },
  { ROW_STAGE, N_("Archiving"), 10 },
  { ROW_ITEM, N_("Evidence is complete and pasted properly"), 5,
    N_("Each piece missing or poorly pasted: deduct 1"), { 1 }, JD_VETO_NONE },
  { ROW_ITEM, N_("Documents are in order and bound neatly"), 5,
    N_("Wrong order or untidy binding: deduct 0.5 to 2"), { 0.5, 1, 2 }, JD_VETO_NONE },
};

static const BuiltinTemplate builtin_templates[] = {
  { "penalty-general", JD_REVIEW_KIND_PENALTY_GENERAL, N_("Penalty case file review checklist (general procedure)"), penalty_general_rows, G_N_ELEMENTS (penalty_general_rows) },
  { "penalty-simple", JD_REVIEW_KIND_PENALTY_SIMPLE, N_("Penalty case file review checklist (simple procedure)"), penalty_simple_rows, G_N_ELEMENTS (penalty_simple_rows) },
  { "licensing", JD_REVIEW_KIND_LICENSING, N_("Licensing case file review checklist"), licensing_rows, G_N_ELEMENTS (licensing_rows) },
  { "inspection", JD_REVIEW_KIND_INSPECTION, N_("Inspection case file review checklist"), inspection_rows, G_N_ELEMENTS (inspection_rows) },
  { "coercion", JD_REVIEW_KIND_COERCION, N_("Coercion case file review checklist"), coercion_rows, G_N_ELEMENTS (coercion_rows) },
};

/* With TRANSLATE, in the language Jiandu runs in; else with the English
 * source texts, as the database stores them. */
static const char *
text_of (const char *source,
         gboolean    translate)
{
  return translate ? _(source) : source;
}

static JdReviewTemplate *
build (const BuiltinTemplate *builtin,
       gboolean               translate)
{
  JdReviewTemplate *self = jd_review_template_new ();
  int stage = -1;
  int section = -1;

  self->code = g_strdup (builtin->code);
  self->version = 1;
  self->name = g_strdup (text_of (builtin->name, translate));
  self->kind = builtin->kind;
  self->mode = JD_SCORING_SUM;
  self->total_points = 100;
  self->builtin = TRUE;

  for (gsize i = 0; i < builtin->n_rows; i++)
    {
      const Row *row = &builtin->rows[i];
      guint n_typical = 0;

      switch (row->kind)
        {
        case ROW_STAGE:
          stage = section = jd_review_template_add_section (self, -1, text_of (row->text, translate),
                                                            row->points);
          break;
        case ROW_DOCUMENT:
          section = jd_review_template_add_section (self, stage, text_of (row->text, translate),
                                                    row->points);
          break;
        case ROW_ITEM:
          while (n_typical < JD_REVIEW_MAX_TYPICAL && row->typical[n_typical] > 0)
            n_typical++;
          jd_review_template_add_item (self, section, text_of (row->text, translate), row->points,
                                       row->rule != NULL ? text_of (row->rule, translate) : NULL,
                                       row->typical, n_typical, row->veto);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return self;
}

GPtrArray *
jd_review_template_builtins (void)
{
  GPtrArray *templates = g_ptr_array_new_with_free_func ((GDestroyNotify) jd_review_template_free);

  for (gsize i = 0; i < G_N_ELEMENTS (builtin_templates); i++)
    g_ptr_array_add (templates, build (&builtin_templates[i], TRUE));

  return templates;
}

GPtrArray *
_jd_review_template_builtins_untranslated (void)
{
  GPtrArray *templates = g_ptr_array_new_with_free_func ((GDestroyNotify) jd_review_template_free);

  for (gsize i = 0; i < G_N_ELEMENTS (builtin_templates); i++)
    g_ptr_array_add (templates, build (&builtin_templates[i], FALSE));

  return templates;
}
