/* test-dashboard.c: rates, rankings and alerts on a district stated by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>
#include <string.h>

#include "fixture.h"
#include "jd-dashboard.h"
#include "jd-sample.h"

/* 测试区, year 2024 against 2023 (names sort by code point under C.UTF-8:
 * 丁镇 < 丙街道 < 乙局 < 甲局; 孙三 < 李四 < 赵一 < 钱二).
 *
 * Agencies existing in 2024:
 *   甲局 (A, department, domain 市场监管): 2023: 4 inspections.
 *        2024: 1 inspection (publicized, recorded, first offence exempt) and
 *        1 general penalty (publicized, recorded, review required but not
 *        done, fine 1,000 yuan): 2 records, fell 50%, reviewed 0/1.
 *   乙局 (B, department): 2023: 5 inspections. 2024: 3 inspections (one
 *        not penalised) and 2 licensing, 4 of 5 publicized, all recorded,
 *        no penalty: 80% publicized.
 *   丙街道 (C, town): no records at all.
 *   丁镇 (D, town): 2023: 2 inspections. 2024: 1 inspection, 1 simple
 *        penalty (lighter, 200 yuan), 1 general penalty (mitigated,
 *        referred, review required and done, 5,000 yuan): 3 records, all
 *        publicized and recorded.
 * Not existing in 2024: 戊队 (E, team established 2025), 己局 (F, dissolved 2022).
 *
 * Officers (issued; status):
 *   a1 (A) 2019, valid, acts 2024 (the inspection)
 *   a2 孙三 (A) 2019, valid but expired 2024-06-30, acts 2024 (the penalty)
 *   a3 (A) issued 2025-01-10: not yet in service in 2024
 *   b1 李四 (B) 2020, valid, expires 2025-02-15, acts 2024
 *   b2 赵一 (B) 2020, valid, acted 2023 only: idle in 2024
 *   c1 钱二 (C) 2021, valid, never acts: idle
 *   c2 (C) 2021, cancelled 2024-10-01 (retired)
 *   d1 (D) 2018, valid, acts 2024
 *   d2 (D) 2018, cancelled 2024-05-01 (transferred), expired 2024-01-01,
 *      acted 2024 (the general penalty, with d1) before cancellation
 *   d3 (D) 2018, suspended 2024-03-01
 *   e1 (E) issued 2024-06-01, valid, expires 2024-02-01 (E did not exist)
 *
 * District 2024: issued by Dec 31: 10 (all but a3); valid: a1 a2 b1 b2 c1
 * d1 e1 = 7; in service (not cancelled): those + d3 = 8; participating
 * (valid and acting): a1 a2 b1 d1 = 4; new: e1 = 1; cancelled: c2 (retired),
 * d2 (transferred) = 2. Records 2 + 5 + 0 + 3 = 10 (2023: 11).
 *
 * Supervision figures 2024: A: reconsiderations 4, corrected 1; lawsuits
 * concluded 2, lost 1; hearings 2, head appearances 1. D: lawsuits 3, lost 0;
 * hearings 2, appearances 2. (A 2023: 10 reconsiderations, 10 corrected,
 * which 2024 must not count.)
 */
typedef struct
{
  JdDb   *db;
  gint64  district;
  gint64  domain;
  gint64  a, b, c, d, e, f;
  gint64  a1, a2, a3, b1, b2, c1, c2, d1, d2, d3, e1;
} Crafted;

static gint64
add_agency (Crafted      *cr,
            const char   *name,
            JdAgencyKind  kind,
            int           established,
            int           dissolved)
{
  g_autoptr(GError) error = NULL;
  JdAgencyInfo info = {
    .district_id = cr->district, .name = name, .kind = kind,
    .domain_id = kind == JD_AGENCY_KIND_DISTRICT_DEPARTMENT ? cr->domain : 0,
    .active = dissolved == 0, .established_year = established, .dissolved_year = dissolved,
  };
  gint64 id = 0;

  jd_db_add_agency (cr->db, &info, &id, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_officer (Crafted    *cr,
             gint64      agency,
             const char *name,
             const char *issued,
             const char *expires)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cert = g_strdup_printf ("CERT-%s-%s", name, issued);
  JdOfficerInfo info = {
    .agency_id = agency, .name = name, .certificate_no = cert,
    .issued_on = issued, .expires_on = expires, .status = JD_CERT_STATUS_VALID,
  };
  gint64 id = 0;

  jd_db_add_officer (cr->db, &info, &id, &error);
  g_assert_no_error (error);
  return id;
}

static void
apply (Crafted         *cr,
       gint64           officer,
       JdCertEventKind  kind,
       const char      *date,
       JdCancelReason   reason)
{
  g_autoptr(GError) error = NULL;

  jd_db_apply_certificate_event (cr->db, officer, kind, date, NULL, reason, &error);
  g_assert_no_error (error);
}

typedef struct
{
  JdActionCategory category;
  JdProcedure      procedure;
  const char      *date;
  gint64           fine_yuan;
  gboolean         publicized;
  gboolean         recorded;
  gboolean         review_required;
  gboolean         review_done;
  JdLeniency       leniency;
  gboolean         referred;
} Rec;

static void
add_rec (Crafted    *cr,
         gint64      agency,
         const Rec  *rec,
         gint64      officer1,
         gint64      officer2)
{
  g_autoptr(GError) error = NULL;
  gint64 officers[2] = { officer1, officer2 };
  JdRecordInfo info = {
    .agency_id = agency, .category = rec->category, .procedure = rec->procedure,
    .penalty_type = rec->category == JD_CATEGORY_PENALTY ? JD_PENALTY_TYPE_FINE : JD_PENALTY_TYPE_NONE,
    .opened_on = rec->date, .closed_on = rec->date, .fine_fen = rec->fine_yuan * 100,
    .publicized = rec->publicized, .recorded = rec->recorded,
    .legal_review_required = rec->review_required, .legal_review_done = rec->review_done,
    .leniency = rec->leniency, .referred = rec->referred,
    .officer_ids = officers, .n_officers = officer2 != 0 ? 2 : 1,
  };

  jd_db_add_record (cr->db, &info, NULL, &error);
  g_assert_no_error (error);
}

static void
set_figures (Crafted *cr,
             gint64   agency,
             int      year,
             int      recon,
             int      corrected,
             int      concluded,
             int      lost,
             int      hearings,
             int      appearances)
{
  g_autoptr(GError) error = NULL;
  JdSupervisionFigures figures = {
    .agency_id = agency, .year = year,
    .reconsiderations = recon, .reconsiderations_corrected = corrected,
    .lawsuits_concluded = concluded, .lawsuits_lost = lost,
    .hearings = hearings, .head_appearances = appearances,
  };

  jd_db_set_supervision_figures (cr->db, &figures, &error);
  g_assert_no_error (error);
}

static void
crafted_fill (Crafted *cr)
{
  g_autoptr(GError) error = NULL;
  const Rec inspection = { JD_CATEGORY_INSPECTION, JD_PROCEDURE_NONE, "2024-03-01", 0, TRUE, TRUE };
  const Rec inspection_2023 = { JD_CATEGORY_INSPECTION, JD_PROCEDURE_NONE, "2023-05-01", 0, TRUE, TRUE };
  Rec rec;

  cr->db = jd_db_open (":memory:", &error);
  g_assert_no_error (error);

  jd_db_add_district (cr->db, "120198", "测试区", JD_DISTRICT_LEVEL_DISTRICT, TRUE,
                      &cr->district, &error);
  g_assert_no_error (error);
  jd_db_add_domain (cr->db, "market", "市场监管", &cr->domain, &error);
  g_assert_no_error (error);

  cr->a = add_agency (cr, "甲局", JD_AGENCY_KIND_DISTRICT_DEPARTMENT, 0, 0);
  cr->b = add_agency (cr, "乙局", JD_AGENCY_KIND_DISTRICT_DEPARTMENT, 0, 0);
  cr->c = add_agency (cr, "丙街道", JD_AGENCY_KIND_SUBDISTRICT_TOWN, 0, 0);
  cr->d = add_agency (cr, "丁镇", JD_AGENCY_KIND_SUBDISTRICT_TOWN, 0, 0);
  cr->e = add_agency (cr, "戊队", JD_AGENCY_KIND_INTEGRATED_TEAM, 2025, 0);
  cr->f = add_agency (cr, "己局", JD_AGENCY_KIND_DISTRICT_DEPARTMENT, 0, 2022);

  cr->a1 = add_officer (cr, cr->a, "周五", "2019-01-01", "2027-12-31");
  cr->a2 = add_officer (cr, cr->a, "孙三", "2019-01-01", "2024-06-30");
  cr->a3 = add_officer (cr, cr->a, "吴六", "2025-01-10", "2030-01-10");
  cr->b1 = add_officer (cr, cr->b, "李四", "2020-01-01", "2025-02-15");
  cr->b2 = add_officer (cr, cr->b, "赵一", "2020-01-01", "2028-01-01");
  cr->c1 = add_officer (cr, cr->c, "钱二", "2021-01-01", "2028-01-01");
  cr->c2 = add_officer (cr, cr->c, "郑七", "2021-01-01", "2028-01-01");
  cr->d1 = add_officer (cr, cr->d, "王八", "2018-01-01", "2028-01-01");
  cr->d2 = add_officer (cr, cr->d, "冯九", "2018-01-01", "2024-01-01");
  cr->d3 = add_officer (cr, cr->d, "陈十", "2018-01-01", "2028-01-01");
  cr->e1 = add_officer (cr, cr->e, "褚甲", "2024-06-01", "2024-02-01");

  apply (cr, cr->c2, JD_CERT_EVENT_CANCEL, "2024-10-01", JD_CANCEL_REASON_RETIRED);
  apply (cr, cr->d2, JD_CERT_EVENT_CANCEL, "2024-05-01", JD_CANCEL_REASON_TRANSFERRED);
  apply (cr, cr->d3, JD_CERT_EVENT_SUSPEND, "2024-03-01", JD_CANCEL_REASON_NONE);

  /* 甲局 */
  for (int i = 0; i < 4; i++)
    add_rec (cr, cr->a, &inspection_2023, cr->a1, 0);
  rec = inspection;
  rec.leniency = JD_LENIENCY_FIRST_OFFENCE;
  add_rec (cr, cr->a, &rec, cr->a1, 0);
  rec = (Rec) { JD_CATEGORY_PENALTY, JD_PROCEDURE_GENERAL, "2024-04-01", 1000, TRUE, TRUE, TRUE, FALSE };
  add_rec (cr, cr->a, &rec, cr->a2, 0);

  /* 乙局 */
  for (int i = 0; i < 5; i++)
    add_rec (cr, cr->b, &inspection_2023, cr->b1, cr->b2);
  rec = inspection;
  rec.leniency = JD_LENIENCY_NOT_PENALISED;
  add_rec (cr, cr->b, &rec, cr->b1, 0);
  add_rec (cr, cr->b, &inspection, cr->b1, 0);
  add_rec (cr, cr->b, &inspection, cr->b1, 0);
  rec = (Rec) { JD_CATEGORY_LICENSING, JD_PROCEDURE_NONE, "2024-06-01", 0, TRUE, TRUE };
  add_rec (cr, cr->b, &rec, cr->b1, 0);
  rec.publicized = FALSE;
  add_rec (cr, cr->b, &rec, cr->b1, 0);

  /* 丁镇 */
  add_rec (cr, cr->d, &inspection_2023, cr->d1, 0);
  add_rec (cr, cr->d, &inspection_2023, cr->d1, 0);
  add_rec (cr, cr->d, &inspection, cr->d1, 0);
  rec = (Rec) { JD_CATEGORY_PENALTY, JD_PROCEDURE_SIMPLE, "2024-07-01", 200, TRUE, TRUE,
                FALSE, FALSE, JD_LENIENCY_LIGHTER };
  add_rec (cr, cr->d, &rec, cr->d1, 0);
  rec = (Rec) { JD_CATEGORY_PENALTY, JD_PROCEDURE_GENERAL, "2024-02-01", 5000, TRUE, TRUE,
                TRUE, TRUE, JD_LENIENCY_MITIGATED, TRUE };
  add_rec (cr, cr->d, &rec, cr->d1, cr->d2);

  set_figures (cr, cr->a, 2024, 4, 1, 2, 1, 2, 1);
  set_figures (cr, cr->a, 2023, 10, 10, 0, 0, 0, 0);
  set_figures (cr, cr->d, 2024, 0, 0, 3, 0, 2, 2);
}

static void
crafted_clear (Crafted *cr)
{
  g_clear_object (&cr->db);
}

static void
assert_ratio (const JdRatio *ratio,
              gint64         numerator,
              gint64         denominator)
{
  g_assert_cmpint (ratio->numerator, ==, numerator);
  g_assert_cmpint (ratio->denominator, ==, denominator);
  if (denominator == 0)
    {
      g_assert_false (ratio->defined);
      g_assert_cmpfloat (ratio->value, ==, 0.0);
    }
  else
    {
      g_assert_true (ratio->defined);
      g_assert_cmpfloat_with_epsilon (ratio->value, (double) numerator / (double) denominator, 1e-12);
    }
}

static void
compute (Crafted     *cr,
         gint64       agency,
         int          year,
         JdDashboard *out)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jd_dashboard_compute (cr->db, 0, agency, year, out, &error));
  g_assert_no_error (error);
  g_assert_cmpint (out->year, ==, year);
  g_assert_cmpint (out->agency_id, ==, agency);
  g_assert_cmpint (out->district_id, ==, cr->district);
}

static void
test_district (void)
{
  Crafted cr = { 0 };
  JdDashboard dash;
  const gint64 *v;

  crafted_fill (&cr);
  compute (&cr, 0, 2024, &dash);
  v = dash.overview.values;

  g_assert_cmpint (v[JD_FIGURE_AGENCIES], ==, 4);
  g_assert_cmpint (v[JD_FIGURE_AGENCIES_DEPARTMENTS], ==, 2);
  g_assert_cmpint (v[JD_FIGURE_AGENCIES_TOWNS], ==, 2);
  g_assert_cmpint (v[JD_FIGURE_AGENCIES_TEAMS], ==, 0);
  g_assert_cmpint (v[JD_FIGURE_OFFICERS_VALID], ==, 7);
  g_assert_cmpint (v[JD_FIGURE_OFFICERS_NEW], ==, 1);
  g_assert_cmpint (v[JD_FIGURE_OFFICERS_CANCELLED], ==, 2);
  g_assert_cmpint (v[JD_FIGURE_RECORDS], ==, 10);
  g_assert_cmpint (v[JD_FIGURE_INSPECTIONS], ==, 5);
  g_assert_cmpint (v[JD_FIGURE_PENALTIES], ==, 3);
  g_assert_cmpint (v[JD_FIGURE_PENALTIES_GENERAL], ==, 2);
  g_assert_cmpint (v[JD_FIGURE_PENALTIES_SIMPLE], ==, 1);
  g_assert_cmpint (v[JD_FIGURE_LICENSING], ==, 2);
  g_assert_cmpint (v[JD_FIGURE_FINES], ==, 620000);

  g_assert_cmpint (dash.officers_in_service, ==, 8);
  g_assert_cmpint (dash.officers_participating, ==, 4);
  g_assert_cmpint (dash.cancelled_by_reason[JD_CANCEL_REASON_RETIRED], ==, 1);
  g_assert_cmpint (dash.cancelled_by_reason[JD_CANCEL_REASON_TRANSFERRED], ==, 1);
  g_assert_cmpint (dash.cancelled_by_reason[JD_CANCEL_REASON_REVOKED], ==, 0);
  g_assert_cmpint (dash.cancelled_by_reason[JD_CANCEL_REASON_NONE], ==, 0);

  g_assert_cmpint (dash.leniency[JD_LENIENCY_NONE], ==, 0);
  g_assert_cmpint (dash.leniency[JD_LENIENCY_NOT_PENALISED], ==, 1);
  g_assert_cmpint (dash.leniency[JD_LENIENCY_FIRST_OFFENCE], ==, 1);
  g_assert_cmpint (dash.leniency[JD_LENIENCY_LIGHTER], ==, 1);
  g_assert_cmpint (dash.leniency[JD_LENIENCY_MITIGATED], ==, 1);
  g_assert_cmpint (dash.referrals, ==, 1);

  assert_ratio (&dash.rates[JD_RATE_CERTIFICATE], 7, 8);
  assert_ratio (&dash.rates[JD_RATE_PARTICIPATION], 4, 7);
  assert_ratio (&dash.rates[JD_RATE_RECORDS_PER_OFFICER], 10, 4);
  g_assert_cmpfloat (dash.rates[JD_RATE_RECORDS_PER_OFFICER].value, ==, 2.5);
  assert_ratio (&dash.rates[JD_RATE_PUBLICIZED], 9, 10);
  assert_ratio (&dash.rates[JD_RATE_RECORDED], 10, 10);
  assert_ratio (&dash.rates[JD_RATE_LEGAL_REVIEW], 1, 2);
  assert_ratio (&dash.rates[JD_RATE_RECONSIDERATION_CORRECTION], 1, 4);
  assert_ratio (&dash.rates[JD_RATE_LITIGATION_LOSS], 1, 5);
  assert_ratio (&dash.rates[JD_RATE_HEAD_APPEARANCE], 3, 4);

  /* 2023: valid a1 a2 b1 b2 c1 c2 d1 d2 d3 = 9, all in service; acting
   * a1 b1 b2 d1 = 4; records 11, all publicized and recorded, none reviewed. */
  compute (&cr, 0, 2023, &dash);
  g_assert_cmpint (dash.overview.values[JD_FIGURE_AGENCIES], ==, 4);
  g_assert_cmpint (dash.overview.values[JD_FIGURE_RECORDS], ==, 11);
  assert_ratio (&dash.rates[JD_RATE_CERTIFICATE], 9, 9);
  assert_ratio (&dash.rates[JD_RATE_PARTICIPATION], 4, 9);
  assert_ratio (&dash.rates[JD_RATE_RECORDS_PER_OFFICER], 11, 4);
  assert_ratio (&dash.rates[JD_RATE_PUBLICIZED], 11, 11);
  assert_ratio (&dash.rates[JD_RATE_LEGAL_REVIEW], 0, 0);
  assert_ratio (&dash.rates[JD_RATE_RECONSIDERATION_CORRECTION], 10, 10);
  assert_ratio (&dash.rates[JD_RATE_LITIGATION_LOSS], 0, 0);
  assert_ratio (&dash.rates[JD_RATE_HEAD_APPEARANCE], 0, 0);
  g_assert_cmpint (dash.cancelled_by_reason[JD_CANCEL_REASON_RETIRED], ==, 0);

  crafted_clear (&cr);
}

static void
test_agency (void)
{
  g_autoptr(GError) error = NULL;
  Crafted cr = { 0 };
  JdDashboard dash;

  crafted_fill (&cr);

  /* 甲局: valid a1 a2 (a3 not issued yet), both acting; 2 records */
  compute (&cr, cr.a, 2024, &dash);
  g_assert_cmpint (dash.overview.values[JD_FIGURE_AGENCIES], ==, 1);
  g_assert_cmpint (dash.overview.values[JD_FIGURE_AGENCIES_DEPARTMENTS], ==, 1);
  g_assert_cmpint (dash.overview.values[JD_FIGURE_AGENCIES_TOWNS], ==, 0);
  g_assert_cmpint (dash.overview.values[JD_FIGURE_OFFICERS_VALID], ==, 2);
  g_assert_cmpint (dash.overview.values[JD_FIGURE_OFFICERS_NEW], ==, 0);
  g_assert_cmpint (dash.overview.values[JD_FIGURE_RECORDS], ==, 2);
  g_assert_cmpint (dash.overview.values[JD_FIGURE_INSPECTIONS], ==, 1);
  g_assert_cmpint (dash.overview.values[JD_FIGURE_PENALTIES_GENERAL], ==, 1);
  g_assert_cmpint (dash.overview.values[JD_FIGURE_FINES], ==, 100000);
  g_assert_cmpint (dash.officers_in_service, ==, 2);
  g_assert_cmpint (dash.leniency[JD_LENIENCY_FIRST_OFFENCE], ==, 1);
  g_assert_cmpint (dash.leniency[JD_LENIENCY_NOT_PENALISED], ==, 0);
  g_assert_cmpint (dash.referrals, ==, 0);
  assert_ratio (&dash.rates[JD_RATE_CERTIFICATE], 2, 2);
  assert_ratio (&dash.rates[JD_RATE_PARTICIPATION], 2, 2);
  assert_ratio (&dash.rates[JD_RATE_RECORDS_PER_OFFICER], 2, 2);
  assert_ratio (&dash.rates[JD_RATE_PUBLICIZED], 2, 2);
  assert_ratio (&dash.rates[JD_RATE_RECORDED], 2, 2);
  assert_ratio (&dash.rates[JD_RATE_LEGAL_REVIEW], 0, 1);
  assert_ratio (&dash.rates[JD_RATE_RECONSIDERATION_CORRECTION], 1, 4);
  assert_ratio (&dash.rates[JD_RATE_LITIGATION_LOSS], 1, 2);
  assert_ratio (&dash.rates[JD_RATE_HEAD_APPEARANCE], 1, 2);

  /* 丁镇: valid d1; in service d1 d3 (suspended); acting d1 (d2 acted but
   * was cancelled by the end of the year) */
  compute (&cr, cr.d, 2024, &dash);
  g_assert_cmpint (dash.overview.values[JD_FIGURE_AGENCIES_TOWNS], ==, 1);
  g_assert_cmpint (dash.overview.values[JD_FIGURE_OFFICERS_VALID], ==, 1);
  g_assert_cmpint (dash.overview.values[JD_FIGURE_OFFICERS_CANCELLED], ==, 1);
  g_assert_cmpint (dash.overview.values[JD_FIGURE_PENALTIES], ==, 2);
  g_assert_cmpint (dash.overview.values[JD_FIGURE_PENALTIES_SIMPLE], ==, 1);
  g_assert_cmpint (dash.overview.values[JD_FIGURE_FINES], ==, 520000);
  g_assert_cmpint (dash.officers_in_service, ==, 2);
  g_assert_cmpint (dash.officers_participating, ==, 1);
  g_assert_cmpint (dash.cancelled_by_reason[JD_CANCEL_REASON_TRANSFERRED], ==, 1);
  g_assert_cmpint (dash.cancelled_by_reason[JD_CANCEL_REASON_RETIRED], ==, 0);
  g_assert_cmpint (dash.leniency[JD_LENIENCY_LIGHTER], ==, 1);
  g_assert_cmpint (dash.leniency[JD_LENIENCY_MITIGATED], ==, 1);
  g_assert_cmpint (dash.referrals, ==, 1);
  assert_ratio (&dash.rates[JD_RATE_CERTIFICATE], 1, 2);
  assert_ratio (&dash.rates[JD_RATE_PARTICIPATION], 1, 1);
  assert_ratio (&dash.rates[JD_RATE_RECORDS_PER_OFFICER], 3, 1);
  assert_ratio (&dash.rates[JD_RATE_PUBLICIZED], 3, 3);
  assert_ratio (&dash.rates[JD_RATE_LEGAL_REVIEW], 1, 1);
  assert_ratio (&dash.rates[JD_RATE_RECONSIDERATION_CORRECTION], 0, 0);
  assert_ratio (&dash.rates[JD_RATE_LITIGATION_LOSS], 0, 3);
  assert_ratio (&dash.rates[JD_RATE_HEAD_APPEARANCE], 2, 2);

  /* 丙街道: no records, so every record-based rate is undefined */
  compute (&cr, cr.c, 2024, &dash);
  g_assert_cmpint (dash.overview.values[JD_FIGURE_RECORDS], ==, 0);
  g_assert_cmpint (dash.overview.values[JD_FIGURE_OFFICERS_VALID], ==, 1);
  g_assert_cmpint (dash.cancelled_by_reason[JD_CANCEL_REASON_RETIRED], ==, 1);
  assert_ratio (&dash.rates[JD_RATE_CERTIFICATE], 1, 1);
  assert_ratio (&dash.rates[JD_RATE_PARTICIPATION], 0, 1);
  assert_ratio (&dash.rates[JD_RATE_RECORDS_PER_OFFICER], 0, 0);
  assert_ratio (&dash.rates[JD_RATE_PUBLICIZED], 0, 0);
  assert_ratio (&dash.rates[JD_RATE_RECORDED], 0, 0);
  assert_ratio (&dash.rates[JD_RATE_LEGAL_REVIEW], 0, 0);
  assert_ratio (&dash.rates[JD_RATE_RECONSIDERATION_CORRECTION], 0, 0);
  assert_ratio (&dash.rates[JD_RATE_LITIGATION_LOSS], 0, 0);
  assert_ratio (&dash.rates[JD_RATE_HEAD_APPEARANCE], 0, 0);

  /* 戊队 did not exist in 2024: not counted as an agency, but its officer
   * holds a valid certificate */
  compute (&cr, cr.e, 2024, &dash);
  g_assert_cmpint (dash.overview.values[JD_FIGURE_AGENCIES], ==, 0);
  g_assert_cmpint (dash.overview.values[JD_FIGURE_OFFICERS_VALID], ==, 1);
  assert_ratio (&dash.rates[JD_RATE_PARTICIPATION], 0, 1);

  /* An unknown agency, and an agency of another district */
  g_assert_false (jd_dashboard_compute (cr.db, 0, 9999, 2024, &dash, &error));
  g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  {
    JdAgencyInfo other = { 0 };
    gint64 other_district = 0, other_agency = 0;

    jd_db_add_district (cr.db, "120197", "外区", JD_DISTRICT_LEVEL_DISTRICT, FALSE,
                        &other_district, &error);
    g_assert_no_error (error);
    other.district_id = other_district;
    other.name = "外局";
    other.active = TRUE;
    jd_db_add_agency (cr.db, &other, &other_agency, &error);
    g_assert_no_error (error);

    g_assert_false (jd_dashboard_compute (cr.db, cr.district, other_agency, 2024, &dash, &error));
    g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_NOT_FOUND);
    g_clear_error (&error);

    /* with district 0 the agency's own district is used */
    g_assert_true (jd_dashboard_compute (cr.db, 0, other_agency, 2024, &dash, &error));
    g_assert_no_error (error);
    g_assert_cmpint (dash.district_id, ==, other_district);
    g_assert_cmpint (dash.overview.values[JD_FIGURE_AGENCIES], ==, 1);
  }

  crafted_clear (&cr);
}

static JdAgencyYear *
find_row (GPtrArray *agencies,
          gint64     id)
{
  for (guint i = 0; i < agencies->len; i++)
    {
      JdAgencyYear *row = g_ptr_array_index (agencies, i);

      if (row->id == id)
        return row;
    }
  return NULL;
}

static void
test_list_agencies (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) agencies = NULL;
  Crafted cr = { 0 };
  JdAgencyYear *row;

  crafted_fill (&cr);
  agencies = jd_dashboard_list_agencies (cr.db, 0, 2024, &error);
  g_assert_no_error (error);
  g_assert_nonnull (agencies);

  /* 戊队 (from 2025) and 己局 (dissolved 2022) are left out; by name */
  g_assert_cmpuint (agencies->len, ==, 4);
  g_assert_cmpint (((JdAgencyYear *) agencies->pdata[0])->id, ==, cr.d);
  g_assert_cmpint (((JdAgencyYear *) agencies->pdata[1])->id, ==, cr.c);
  g_assert_cmpint (((JdAgencyYear *) agencies->pdata[2])->id, ==, cr.b);
  g_assert_cmpint (((JdAgencyYear *) agencies->pdata[3])->id, ==, cr.a);
  for (guint i = 1; i < agencies->len; i++)
    g_assert_cmpint (g_utf8_collate (((JdAgencyYear *) agencies->pdata[i - 1])->name,
                                     ((JdAgencyYear *) agencies->pdata[i])->name), <, 0);

  row = find_row (agencies, cr.a);
  g_assert_cmpstr (row->name, ==, "甲局");
  g_assert_cmpint (row->kind, ==, JD_AGENCY_KIND_DISTRICT_DEPARTMENT);
  g_assert_cmpint (row->domain_id, ==, cr.domain);
  g_assert_cmpstr (row->domain_name, ==, "市场监管");
  g_assert_true (row->active);
  g_assert_cmpint (row->officers_valid, ==, 2);
  g_assert_cmpint (row->officers_participating, ==, 2);
  g_assert_cmpint (row->records, ==, 2);
  g_assert_cmpint (row->records_previous, ==, 4);
  g_assert_cmpint (row->inspections, ==, 1);
  g_assert_cmpint (row->penalties, ==, 1);
  g_assert_cmpint (row->penalties_general, ==, 1);
  g_assert_cmpint (row->penalties_simple, ==, 0);
  g_assert_cmpint (row->fine_fen, ==, 100000);
  g_assert_cmpint (row->publicized, ==, 2);
  g_assert_cmpint (row->recorded, ==, 2);
  g_assert_cmpint (row->review_required, ==, 1);
  g_assert_cmpint (row->review_done, ==, 0);

  row = find_row (agencies, cr.b);
  g_assert_cmpint (row->officers_valid, ==, 2);
  g_assert_cmpint (row->officers_participating, ==, 1);
  g_assert_cmpint (row->records, ==, 5);
  g_assert_cmpint (row->records_previous, ==, 5);
  g_assert_cmpint (row->inspections, ==, 3);
  g_assert_cmpint (row->penalties, ==, 0);
  g_assert_cmpint (row->publicized, ==, 4);
  g_assert_cmpint (row->recorded, ==, 5);

  row = find_row (agencies, cr.c);
  g_assert_cmpstr (row->domain_name, ==, NULL);
  g_assert_cmpint (row->domain_id, ==, 0);
  g_assert_cmpint (row->officers_valid, ==, 1);
  g_assert_cmpint (row->officers_participating, ==, 0);
  g_assert_cmpint (row->records, ==, 0);
  g_assert_cmpint (row->records_previous, ==, 0);

  row = find_row (agencies, cr.d);
  g_assert_cmpint (row->kind, ==, JD_AGENCY_KIND_SUBDISTRICT_TOWN);
  g_assert_cmpint (row->officers_valid, ==, 1);
  g_assert_cmpint (row->officers_participating, ==, 1);
  g_assert_cmpint (row->records, ==, 3);
  g_assert_cmpint (row->records_previous, ==, 2);
  g_assert_cmpint (row->penalties, ==, 2);
  g_assert_cmpint (row->penalties_general, ==, 1);
  g_assert_cmpint (row->penalties_simple, ==, 1);
  g_assert_cmpint (row->fine_fen, ==, 520000);
  g_assert_cmpint (row->review_required, ==, 1);
  g_assert_cmpint (row->review_done, ==, 1);

  /* 2025: 戊队 exists; nothing recorded, 2024's records are the previous year's */
  g_clear_pointer (&agencies, g_ptr_array_unref);
  agencies = jd_dashboard_list_agencies (cr.db, cr.district, 2025, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (agencies->len, ==, 5);
  row = find_row (agencies, cr.e);
  g_assert_nonnull (row);
  g_assert_cmpint (row->officers_valid, ==, 1);
  row = find_row (agencies, cr.a);
  g_assert_cmpint (row->records, ==, 0);
  g_assert_cmpint (row->records_previous, ==, 2);
  /* a3 issued 2025-01-10 now counts; a2 is still marked valid */
  g_assert_cmpint (row->officers_valid, ==, 3);

  crafted_clear (&cr);
}

static GPtrArray *
list_2024 (Crafted *cr)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *agencies = jd_dashboard_list_agencies (cr->db, 0, 2024, &error);

  g_assert_no_error (error);
  return agencies;
}

static void
assert_ranking (GPtrArray    *ranked,
                const gint64 *ids,
                guint         n_ids)
{
  g_assert_nonnull (ranked);
  g_assert_cmpuint (ranked->len, ==, n_ids);
  for (guint i = 0; i < n_ids; i++)
    g_assert_cmpint (((JdAgencyYear *) g_ptr_array_index (ranked, i))->id, ==, ids[i]);
}

static void
test_rankings (void)
{
  g_autoptr(GPtrArray) agencies = NULL;
  JdRankingOptions options;
  GPtrArray *ranked;
  Crafted cr = { 0 };

  jd_ranking_options_init (&options);
  g_assert_cmpint (options.department_threshold, ==, 1000);
  g_assert_cmpint (options.town_threshold, ==, 1500);
  g_assert_cmpuint (options.top_n, ==, 5);

  crafted_fill (&cr);
  agencies = list_2024 (&cr);

  /* Departments: 乙局 5, 甲局 2; strictly above the threshold */
  ranked = jd_rank_above_threshold (agencies, JD_AGENCY_KIND_DISTRICT_DEPARTMENT, 1);
  assert_ranking (ranked, (gint64[]) { cr.b, cr.a }, 2);
  g_ptr_array_unref (ranked);
  ranked = jd_rank_above_threshold (agencies, JD_AGENCY_KIND_DISTRICT_DEPARTMENT, 2);
  assert_ranking (ranked, (gint64[]) { cr.b }, 1);
  g_ptr_array_unref (ranked);
  ranked = jd_rank_above_threshold (agencies, JD_AGENCY_KIND_DISTRICT_DEPARTMENT,
                                    options.department_threshold);
  assert_ranking (ranked, NULL, 0);
  g_ptr_array_unref (ranked);
  /* Towns: 丁镇 3; 丙街道 has 0, not above 0 */
  ranked = jd_rank_above_threshold (agencies, JD_AGENCY_KIND_SUBDISTRICT_TOWN, 0);
  assert_ranking (ranked, (gint64[]) { cr.d }, 1);
  g_ptr_array_unref (ranked);

  /* Records per valid officer: 丁镇 3/1 = 3, 乙局 5/2 = 2.5, 甲局 2/2 = 1,
   * 丙街道 0/1 = 0 */
  ranked = jd_rank_records_per_officer (agencies, TRUE, 2);
  assert_ranking (ranked, (gint64[]) { cr.d, cr.b }, 2);
  g_ptr_array_unref (ranked);
  ranked = jd_rank_records_per_officer (agencies, FALSE, 2);
  assert_ranking (ranked, (gint64[]) { cr.c, cr.a }, 2);
  g_ptr_array_unref (ranked);
  ranked = jd_rank_records_per_officer (agencies, TRUE, options.top_n);
  assert_ranking (ranked, (gint64[]) { cr.d, cr.b, cr.a, cr.c }, 4);
  g_ptr_array_unref (ranked);

  /* Penalties: 丁镇 2, 甲局 1 */
  ranked = jd_rank_penalties (agencies);
  assert_ranking (ranked, (gint64[]) { cr.d, cr.a }, 2);
  g_ptr_array_unref (ranked);

  crafted_clear (&cr);
}

static void
test_rankings_ties (void)
{
  g_autoptr(GPtrArray) agencies = g_ptr_array_new ();
  JdAgencyYear rows[4] = {
    { .id = 1, .name = (char *) "b", .kind = JD_AGENCY_KIND_DISTRICT_DEPARTMENT,
      .records = 100, .penalties = 7, .officers_valid = 4 },
    { .id = 2, .name = (char *) "a", .kind = JD_AGENCY_KIND_DISTRICT_DEPARTMENT,
      .records = 50, .penalties = 7, .officers_valid = 2 },
    { .id = 3, .name = (char *) "c", .kind = JD_AGENCY_KIND_DISTRICT_DEPARTMENT,
      .records = 100, .penalties = 9, .officers_valid = 0 },
    { .id = 4, .name = (char *) "d", .kind = JD_AGENCY_KIND_INTEGRATED_TEAM,
      .records = 100, .penalties = 0, .officers_valid = 5 },
  };
  GPtrArray *ranked;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_ptr_array_add (agencies, &rows[i]);

  /* b and c tie on 100 records: by name */
  ranked = jd_rank_above_threshold (agencies, JD_AGENCY_KIND_DISTRICT_DEPARTMENT, 10);
  assert_ranking (ranked, (gint64[]) { 1, 3, 2 }, 3);
  g_ptr_array_unref (ranked);
  ranked = jd_rank_above_threshold (agencies, JD_AGENCY_KIND_INTEGRATED_TEAM, 10);
  assert_ranking (ranked, (gint64[]) { 4 }, 1);
  g_ptr_array_unref (ranked);

  /* a and b both 25 per officer, d 20; c has no officer */
  ranked = jd_rank_records_per_officer (agencies, TRUE, 10);
  assert_ranking (ranked, (gint64[]) { 2, 1, 4 }, 3);
  g_ptr_array_unref (ranked);
  ranked = jd_rank_records_per_officer (agencies, FALSE, 10);
  assert_ranking (ranked, (gint64[]) { 4, 2, 1 }, 3);
  g_ptr_array_unref (ranked);
  ranked = jd_rank_records_per_officer (agencies, TRUE, 0);
  assert_ranking (ranked, NULL, 0);
  g_ptr_array_unref (ranked);

  /* c 9, then a and b with 7 by name; d has none */
  ranked = jd_rank_penalties (agencies);
  assert_ranking (ranked, (gint64[]) { 3, 2, 1 }, 3);
  g_ptr_array_unref (ranked);
}

typedef struct
{
  JdAlertKind  kind;
  gint64       agency;
  gint64       officer;
  const char  *subject;
  const char  *message;
  double       value;
} ExpectedAlert;

static void
assert_alerts (GPtrArray           *alerts,
               const ExpectedAlert *expected,
               guint                n_expected)
{
  g_assert_nonnull (alerts);
  for (guint i = 0; i < MIN (alerts->len, n_expected); i++)
    {
      JdAlert *alert = g_ptr_array_index (alerts, i);

      g_test_message ("alert %u: %d %s: %s", i, alert->kind, alert->subject, alert->message);
      g_assert_cmpint (alert->kind, ==, expected[i].kind);
      g_assert_cmpint (alert->agency_id, ==, expected[i].agency);
      g_assert_cmpint (alert->officer_id, ==, expected[i].officer);
      g_assert_cmpstr (alert->subject, ==, expected[i].subject);
      if (expected[i].message != NULL)
        g_assert_cmpstr (alert->message, ==, expected[i].message);
      g_assert_cmpfloat_with_epsilon (alert->value, expected[i].value, 1e-9);
    }
  g_assert_cmpuint (alerts->len, ==, n_expected);
}

static void
test_alerts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  JdAlertOptions options;
  Crafted cr = { 0 };

  jd_alert_options_init (&options);
  g_assert_cmpuint (options.expiring_days, ==, 90);
  g_assert_cmpfloat (options.records_fall, ==, 0.30);
  g_assert_cmpfloat (options.three_systems_minimum, ==, 0.90);
  g_assert_null (options.reference_date);

  crafted_fill (&cr);

  /* Reference 2024-12-31; expiring until 2025-03-31. */
  alerts = jd_dashboard_alerts (cr.db, 0, 2024, NULL, &error);
  g_assert_no_error (error);
  {
    const ExpectedAlert expected[] = {
      { JD_ALERT_NO_RECORDS, cr.c, 0, "丙街道", "No enforcement records in 2024", 0 },
      { JD_ALERT_NO_PENALTIES, cr.b, 0, "乙局", "5 records in 2024, but no penalty", 5 },
      { JD_ALERT_THREE_SYSTEMS, cr.b, 0, "乙局",
        "Three-systems compliance 80.0%: publicized 80.0%, recorded 100.0%", 0.8 },
      { JD_ALERT_RECORDS_FELL, cr.a, 0, "甲局", "Records fell by 50.0% (4 → 2)", 0.5 },
      { JD_ALERT_THREE_SYSTEMS, cr.a, 0, "甲局",
        "Three-systems compliance 0.0%: publicized 100.0%, recorded 100.0%, "
        "legally reviewed 0.0%", 0.0 },
      /* 2024-06-30 to 2024-12-31 */
      { JD_ALERT_CERTIFICATE_EXPIRED, cr.a, cr.a2, "孙三",
        "Certificate expired on 2024-06-30 but is still marked valid", 184 },
      /* 2024-12-31 to 2025-02-15 */
      { JD_ALERT_CERTIFICATE_EXPIRING, cr.b, cr.b1, "李四",
        "Certificate expires on 2025-02-15", 46 },
      { JD_ALERT_OFFICER_IDLE, cr.b, cr.b2, "赵一",
        "Valid certificate, but no enforcement record in 2024", 0 },
      { JD_ALERT_OFFICER_IDLE, cr.c, cr.c1, "钱二",
        "Valid certificate, but no enforcement record in 2024", 0 },
    };

    assert_alerts (alerts, expected, G_N_ELEMENTS (expected));
  }
  g_clear_pointer (&alerts, g_ptr_array_unref);

  /* Thresholds: a 50% fall is not more than 60%; 80% is not under 80%;
   * 2025-02-15 is more than 30 days after 2025-01-01 */
  options.records_fall = 0.6;
  options.three_systems_minimum = 0.8;
  options.expiring_days = 30;
  options.reference_date = (char *) "2025-01-01";
  alerts = jd_dashboard_alerts (cr.db, cr.district, 2024, &options, &error);
  g_assert_no_error (error);
  {
    const ExpectedAlert expected[] = {
      { JD_ALERT_NO_RECORDS, cr.c, 0, "丙街道", NULL, 0 },
      { JD_ALERT_NO_PENALTIES, cr.b, 0, "乙局", NULL, 5 },
      { JD_ALERT_THREE_SYSTEMS, cr.a, 0, "甲局", NULL, 0.0 },
      { JD_ALERT_CERTIFICATE_EXPIRED, cr.a, cr.a2, "孙三", NULL, 185 },
      { JD_ALERT_OFFICER_IDLE, cr.b, cr.b2, "赵一", NULL, 0 },
      { JD_ALERT_OFFICER_IDLE, cr.c, cr.c1, "钱二", NULL, 0 },
    };

    assert_alerts (alerts, expected, G_N_ELEMENTS (expected));
  }
  g_clear_pointer (&alerts, g_ptr_array_unref);

  /* 46 days is within 46 days, and a certificate expiring on the reference
   * date is expiring, not expired */
  options.expiring_days = 46;
  options.reference_date = (char *) "2024-12-31";
  alerts = jd_dashboard_alerts (cr.db, 0, 2024, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (alerts->len, ==, 7);
  g_assert_cmpint (((JdAlert *) alerts->pdata[4])->kind, ==, JD_ALERT_CERTIFICATE_EXPIRING);
  g_clear_pointer (&alerts, g_ptr_array_unref);
  options.reference_date = (char *) "2024-06-30";
  options.expiring_days = 0;
  alerts = jd_dashboard_alerts (cr.db, 0, 2024, &options, &error);
  g_assert_no_error (error);
  {
    JdAlert *alert = g_ptr_array_index (alerts, 3);

    g_assert_cmpint (alert->kind, ==, JD_ALERT_CERTIFICATE_EXPIRING);
    g_assert_cmpint (alert->officer_id, ==, cr.a2);
    g_assert_cmpfloat (alert->value, ==, 0);
  }
  g_clear_pointer (&alerts, g_ptr_array_unref);

  /* Not a date */
  options.reference_date = (char *) "31.12.2024";
  alerts = jd_dashboard_alerts (cr.db, 0, 2024, &options, &error);
  g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID);
  g_assert_null (alerts);
  g_clear_error (&error);

  /* 2025: 戊队 exists (no records); nobody acted; 甲局 and 乙局 fell 100%,
   * 丁镇 too; a2 (expired) and a3 (issued 2025) are valid and idle */
  alerts = jd_dashboard_alerts (cr.db, 0, 2025, NULL, &error);
  g_assert_no_error (error);
  {
    guint n_no_records = 0, n_fell = 0, n_idle = 0;

    for (guint i = 0; i < alerts->len; i++)
      {
        JdAlert *alert = g_ptr_array_index (alerts, i);

        n_no_records += alert->kind == JD_ALERT_NO_RECORDS;
        n_fell += alert->kind == JD_ALERT_RECORDS_FELL;
        n_idle += alert->kind == JD_ALERT_OFFICER_IDLE;
        g_assert_cmpint (alert->kind, !=, JD_ALERT_THREE_SYSTEMS);
        g_assert_cmpint (alert->kind, !=, JD_ALERT_NO_PENALTIES);
      }
    g_assert_cmpuint (n_no_records, ==, 5);
    g_assert_cmpuint (n_fell, ==, 3);
    /* a1 a2 a3 b1 b2 c1 d1 e1 */
    g_assert_cmpuint (n_idle, ==, 8);
  }

  crafted_clear (&cr);
}

/* In the current year the certificate alerts look from today. */
static void
test_alerts_current_year (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 10);
  g_autofree char *expires = g_date_time_format (later, "%Y-%m-%d");
  int year = g_date_time_get_year (now);
  Crafted cr = { 0 };
  gint64 agency, officer;

  cr.db = jd_db_open (":memory:", &error);
  g_assert_no_error (error);
  jd_db_add_district (cr.db, "120198", "测试区", JD_DISTRICT_LEVEL_DISTRICT, TRUE,
                      &cr.district, &error);
  g_assert_no_error (error);
  agency = add_agency (&cr, "甲局", JD_AGENCY_KIND_DISTRICT_DEPARTMENT, 0, 0);
  officer = add_officer (&cr, agency, "孙三", "2019-01-01", expires);

  alerts = jd_dashboard_alerts (cr.db, 0, year, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (alerts->len, ==, 3);
  g_assert_cmpint (((JdAlert *) alerts->pdata[0])->kind, ==, JD_ALERT_NO_RECORDS);
  /* one officer's alerts in the order of JdAlertKind */
  g_assert_cmpint (((JdAlert *) alerts->pdata[1])->kind, ==, JD_ALERT_OFFICER_IDLE);
  g_assert_cmpint (((JdAlert *) alerts->pdata[2])->kind, ==, JD_ALERT_CERTIFICATE_EXPIRING);
  g_assert_cmpint (((JdAlert *) alerts->pdata[2])->officer_id, ==, officer);
  g_assert_cmpfloat (((JdAlert *) alerts->pdata[2])->value, ==, 10);

  crafted_clear (&cr);
}

static void
test_empty_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDb) db = jd_db_open (":memory:", &error);
  g_autoptr(GPtrArray) agencies = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  JdDashboard dash;

  g_assert_no_error (error);
  g_assert_true (jd_dashboard_compute (db, 0, 0, 2024, &dash, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dash.district_id, ==, 0);
  for (guint i = 0; i < JD_FIGURE_N; i++)
    g_assert_cmpint (dash.overview.values[i], ==, 0);
  for (guint i = 0; i < JD_RATE_N; i++)
    assert_ratio (&dash.rates[i], 0, 0);

  agencies = jd_dashboard_list_agencies (db, 0, 2024, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (agencies->len, ==, 0);
  alerts = jd_dashboard_alerts (db, 0, 2024, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (alerts->len, ==, 0);
}

static void
assert_same_overview (JdDb   *db,
                      gint64  district,
                      int     year)
{
  g_autoptr(GError) error = NULL;
  JdOverview overview;
  JdDashboard dash;

  g_assert_true (jd_stats_overview (db, district, year, &overview, &error));
  g_assert_no_error (error);
  g_assert_true (jd_dashboard_compute (db, district, 0, year, &dash, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dash.overview.year, ==, overview.year);
  for (guint i = 0; i < JD_FIGURE_N; i++)
    g_assert_cmpint (dash.overview.values[i], ==, overview.values[i]);
  for (guint i = 0; i < JD_CATEGORY_N; i++)
    g_assert_cmpint (dash.overview.records_by_category[i], ==, overview.records_by_category[i]);
  g_assert_true (memcmp (&dash.overview, &overview, sizeof overview) == 0);
}

static void
test_same_as_overview (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDb) db = jd_db_open (":memory:", &error);
  Fixture fx = { 0 };
  Crafted cr = { 0 };
  JdDashboard dash;

  g_assert_no_error (error);
  fixture_fill (db, &fx);
  for (int year = 2022; year <= 2025; year++)
    {
      assert_same_overview (db, 0, year);
      assert_same_overview (db, fx.district, year);
    }

  /* The fixture's figures as test-stats states them, and its rates: 2024:
   * valid 5, in service 5 (赵磊 retired), acting 张伟 王芳 李强 = 3 (赵磊 acted
   * but was cancelled), 12 records; all but the 12,000.50 yuan penalty
   * publicized and recorded */
  g_assert_true (jd_dashboard_compute (db, 0, 0, 2024, &dash, &error));
  g_assert_no_error (error);
  assert_ratio (&dash.rates[JD_RATE_CERTIFICATE], 5, 5);
  assert_ratio (&dash.rates[JD_RATE_PARTICIPATION], 3, 5);
  assert_ratio (&dash.rates[JD_RATE_RECORDS_PER_OFFICER], 12, 3);
  assert_ratio (&dash.rates[JD_RATE_PUBLICIZED], 11, 12);
  assert_ratio (&dash.rates[JD_RATE_RECORDED], 11, 12);
  assert_ratio (&dash.rates[JD_RATE_LEGAL_REVIEW], 0, 0);
  g_assert_cmpint (dash.cancelled_by_reason[JD_CANCEL_REASON_RETIRED], ==, 1);

  crafted_fill (&cr);
  for (int year = 2023; year <= 2025; year++)
    assert_same_overview (cr.db, 0, year);
  crafted_clear (&cr);
}

static void
test_sample (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDb) db = jd_db_open (":memory:", &error);
  g_autoptr(GArray) years = NULL;
  g_autoptr(GPtrArray) all = NULL;
  JdSampleOptions options;

  g_assert_no_error (error);
  jd_sample_options_init (&options);
  options.records_per_year = 3000;
  options.years = 2;
  g_assert_true (jd_sample_generate (db, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  years = jd_db_list_years (db);
  g_assert_cmpuint (years->len, >=, 2);
  /* every agency exists in the last year */
  all = jd_dashboard_list_agencies (db, 0, g_array_index (years, int, years->len - 1), &error);
  g_assert_no_error (error);

  for (guint y = 0; y < years->len; y++)
    {
      int year = g_array_index (years, int, y);
      g_autoptr(GPtrArray) agencies = jd_dashboard_list_agencies (db, 0, year, &error);
      g_autoptr(GPtrArray) alerts = NULL;
      JdDashboard dash, previous;
      gint64 records = 0, records_previous = 0, inspections = 0, penalties = 0;
      gint64 general = 0, simple = 0, fines = 0, publicized = 0, recorded = 0;
      gint64 required = 0, done = 0, valid = 0, participating = 0, agency_records = 0;

      g_assert_no_error (error);
      g_assert_true (jd_dashboard_compute (db, 0, 0, year, &dash, &error));
      g_assert_no_error (error);
      g_assert_true (jd_dashboard_compute (db, 0, 0, year - 1, &previous, &error));
      g_assert_no_error (error);

      g_assert_cmpint (dash.overview.values[JD_FIGURE_RECORDS], >, 0);
      for (guint r = 0; r < JD_RATE_N; r++)
        {
          const JdRatio *ratio = &dash.rates[r];

          g_assert_cmpint (ratio->numerator, >=, 0);
          g_assert_cmpint (ratio->denominator, >=, 0);
          if (jd_rate_is_share (r) && ratio->defined)
            {
              g_assert_cmpfloat (ratio->value, >=, 0.0);
              g_assert_cmpfloat (ratio->value, <=, 1.0);
            }
        }
      g_assert_true (dash.rates[JD_RATE_CERTIFICATE].defined);
      g_assert_true (dash.rates[JD_RATE_PARTICIPATION].defined);
      g_assert_true (dash.rates[JD_RATE_PUBLICIZED].defined);

      g_assert_cmpuint (agencies->len, ==, dash.overview.values[JD_FIGURE_AGENCIES]);
      for (guint i = 0; i < agencies->len; i++)
        {
          JdAgencyYear *row = g_ptr_array_index (agencies, i);
          JdDashboard one;

          records += row->records;
          records_previous += row->records_previous;
          inspections += row->inspections;
          penalties += row->penalties;
          general += row->penalties_general;
          simple += row->penalties_simple;
          fines += row->fine_fen;
          publicized += row->publicized;
          recorded += row->recorded;
          required += row->review_required;
          done += row->review_done;
          valid += row->officers_valid;
          participating += row->officers_participating;
          g_assert_cmpint (row->officers_participating, <=, row->officers_valid);

          /* the agency dashboard agrees with its row */
          g_assert_true (jd_dashboard_compute (db, 0, row->id, year, &one, &error));
          g_assert_no_error (error);
          g_assert_cmpint (one.overview.values[JD_FIGURE_RECORDS], ==, row->records);
          g_assert_cmpint (one.overview.values[JD_FIGURE_PENALTIES], ==, row->penalties);
          g_assert_cmpint (one.overview.values[JD_FIGURE_OFFICERS_VALID], ==, row->officers_valid);
          g_assert_cmpint (one.officers_participating, ==, row->officers_participating);
          g_assert_cmpint (one.rates[JD_RATE_PUBLICIZED].numerator, ==, row->publicized);
          agency_records += one.overview.values[JD_FIGURE_RECORDS];
        }

      g_assert_cmpint (records, ==, dash.overview.values[JD_FIGURE_RECORDS]);
      g_assert_cmpint (agency_records, ==, dash.overview.values[JD_FIGURE_RECORDS]);
      g_assert_cmpint (records_previous, ==, previous.overview.values[JD_FIGURE_RECORDS]);
      g_assert_cmpint (inspections, ==, dash.overview.values[JD_FIGURE_INSPECTIONS]);
      g_assert_cmpint (penalties, ==, dash.overview.values[JD_FIGURE_PENALTIES]);
      g_assert_cmpint (general, ==, dash.overview.values[JD_FIGURE_PENALTIES_GENERAL]);
      g_assert_cmpint (simple, ==, dash.overview.values[JD_FIGURE_PENALTIES_SIMPLE]);
      g_assert_cmpint (fines, ==, dash.overview.values[JD_FIGURE_FINES]);
      g_assert_cmpint (publicized, ==, dash.rates[JD_RATE_PUBLICIZED].numerator);
      g_assert_cmpint (recorded, ==, dash.rates[JD_RATE_RECORDED].numerator);
      g_assert_cmpint (required, ==, dash.rates[JD_RATE_LEGAL_REVIEW].denominator);
      g_assert_cmpint (done, ==, dash.rates[JD_RATE_LEGAL_REVIEW].numerator);

      /* The district counts the officers of every agency, also of one not
       * yet established (the sample's team, from the second year) */
      for (guint i = 0; i < all->len; i++)
        {
          JdAgencyYear *row = g_ptr_array_index (all, i);
          JdDashboard one;

          if (find_row (agencies, row->id) != NULL)
            continue;
          g_assert_true (jd_dashboard_compute (db, 0, row->id, year, &one, &error));
          g_assert_no_error (error);
          g_assert_cmpint (one.overview.values[JD_FIGURE_AGENCIES], ==, 0);
          g_assert_cmpint (one.overview.values[JD_FIGURE_RECORDS], ==, 0);
          valid += one.overview.values[JD_FIGURE_OFFICERS_VALID];
          participating += one.officers_participating;
        }
      g_assert_cmpint (valid, ==, dash.overview.values[JD_FIGURE_OFFICERS_VALID]);
      g_assert_cmpint (participating, ==, dash.officers_participating);

      alerts = jd_dashboard_alerts (db, 0, year, NULL, &error);
      g_assert_no_error (error);
      for (guint i = 1; i < alerts->len; i++)
        {
          JdAlert *a = g_ptr_array_index (alerts, i - 1);
          JdAlert *b = g_ptr_array_index (alerts, i);

          g_assert_true (a->officer_id == 0 || b->officer_id != 0);
          if ((a->officer_id == 0) == (b->officer_id == 0))
            g_assert_cmpint (g_utf8_collate (a->subject, b->subject), <=, 0);
          g_assert_nonnull (b->message);
        }
    }
}

static void
test_rate_names (void)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint r = 0; r < JD_RATE_N; r++)
    {
      const char *id = jd_rate_to_id (r);

      g_assert_nonnull (id);
      g_assert_false (g_hash_table_contains (ids, id));
      g_hash_table_add (ids, (gpointer) id);
      g_assert_nonnull (jd_rate_to_label (r));
      g_assert_cmpstr (jd_rate_to_label (r), !=, "");
      g_assert_nonnull (strstr (jd_rate_to_formula (r), "÷"));
      g_assert_true (jd_rate_is_share (r) == (r != JD_RATE_RECORDS_PER_OFFICER));
    }
  g_assert_cmpstr (jd_rate_to_id (JD_RATE_PARTICIPATION), ==, "participation_rate");
  g_assert_cmpstr (jd_rate_to_formula (JD_RATE_CERTIFICATE), ==,
                   "valid certificates ÷ officers in service at the end of the year");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jd/dashboard/district", test_district);
  g_test_add_func ("/jd/dashboard/agency", test_agency);
  g_test_add_func ("/jd/dashboard/list-agencies", test_list_agencies);
  g_test_add_func ("/jd/dashboard/rankings", test_rankings);
  g_test_add_func ("/jd/dashboard/rankings-ties", test_rankings_ties);
  g_test_add_func ("/jd/dashboard/alerts", test_alerts);
  g_test_add_func ("/jd/dashboard/alerts-current-year", test_alerts_current_year);
  g_test_add_func ("/jd/dashboard/empty-database", test_empty_database);
  g_test_add_func ("/jd/dashboard/same-as-overview", test_same_as_overview);
  g_test_add_func ("/jd/dashboard/sample", test_sample);
  g_test_add_func ("/jd/dashboard/rate-names", test_rate_names);

  return g_test_run ();
}
