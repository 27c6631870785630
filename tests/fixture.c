/* fixture.c: a small district whose figures the tests state by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "fixture.h"

static gint64
add_officer (JdDb       *db,
             gint64      agency,
             const char *name,
             const char *cert,
             const char *issued)
{
  JdOfficerInfo info = {
    .agency_id = agency, .name = name, .certificate_no = cert,
    .issued_on = issued, .expires_on = "2027-12-31", .status = JD_CERT_STATUS_VALID,
    .exam_year = 2019,
  };
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  jd_db_add_officer (db, &info, &id, &error);
  g_assert_no_error (error);
  return id;
}

static void
add_record (JdDb             *db,
            gint64            agency,
            JdActionCategory  category,
            JdProcedure       procedure,
            const char       *opened,
            const char       *closed,
            gint64            fine_yuan,
            gint64            confiscation_yuan,
            const gint64     *officers)
{
  JdRecordInfo info = {
    .agency_id = agency, .category = category, .procedure = procedure,
    .penalty_type = category == JD_CATEGORY_PENALTY ? JD_PENALTY_TYPE_FINE : JD_PENALTY_TYPE_NONE,
    .opened_on = opened, .closed_on = closed,
    .fine_fen = fine_yuan * 100, .confiscation_fen = confiscation_yuan * 100,
    .publicized = TRUE, .recorded = TRUE,
    .officer_ids = officers, .n_officers = 2,
  };
  g_autoptr(GError) error = NULL;

  jd_db_add_record (db, &info, NULL, &error);
  g_assert_no_error (error);
}

void
fixture_fill (JdDb    *db,
              Fixture *fx)
{
  g_autoptr(GError) error = NULL;
  JdAgencyInfo agency = { 0 };
  JdRecordInfo info = { 0 };
  gint64 pair_a[2], pair_b[2];

  jd_db_add_district (db, "120199", "示例区", JD_DISTRICT_LEVEL_DISTRICT, TRUE, &fx->district, &error);
  g_assert_no_error (error);

  agency.district_id = fx->district;
  agency.active = TRUE;

  agency.name = "区市场监督管理局";
  agency.kind = JD_AGENCY_KIND_DISTRICT_DEPARTMENT;
  jd_db_add_agency (db, &agency, &fx->market, &error);
  g_assert_no_error (error);

  agency.name = "区生态环境局";
  jd_db_add_agency (db, &agency, &fx->ecology, &error);
  g_assert_no_error (error);

  agency.name = "新华街道";
  agency.kind = JD_AGENCY_KIND_SUBDISTRICT_TOWN;
  jd_db_add_agency (db, &agency, &fx->town, &error);
  g_assert_no_error (error);

  agency.name = "区城市管理综合行政执法大队";
  agency.kind = JD_AGENCY_KIND_INTEGRATED_TEAM;
  agency.established_year = 2024;
  jd_db_add_agency (db, &agency, &fx->team, &error);
  g_assert_no_error (error);

  fx->officers[0] = add_officer (db, fx->market, "张伟", "1201920180001", "2018-05-01");
  fx->officers[1] = add_officer (db, fx->market, "王芳", "1201920180002", "2018-05-01");
  fx->officers[2] = add_officer (db, fx->ecology, "李强", "1201920190003", "2019-07-15");
  fx->officers[3] = add_officer (db, fx->town, "刘洋", "1201920200004", "2020-01-10");
  fx->officers[4] = add_officer (db, fx->town, "陈静", "1201920240005", "2024-03-01");
  fx->officers[5] = add_officer (db, fx->ecology, "赵磊", "1201920200006", "2020-09-01");

  jd_db_apply_certificate_event (db, fx->officers[5], JD_CERT_EVENT_CANCEL, "2024-06-30", NULL,
                                 JD_CANCEL_REASON_RETIRED, &error);
  g_assert_no_error (error);

  pair_a[0] = fx->officers[0];
  pair_a[1] = fx->officers[1];
  pair_b[0] = fx->officers[2];
  pair_b[1] = fx->officers[5];

  /* 2023: 4 inspections, 2 penalties, 1 licensing */
  add_record (db, fx->market, JD_CATEGORY_INSPECTION, JD_PROCEDURE_NONE, "2023-02-01", "2023-02-01", 0, 0, pair_a);
  add_record (db, fx->market, JD_CATEGORY_INSPECTION, JD_PROCEDURE_NONE, "2023-03-01", NULL, 0, 0, pair_a);
  add_record (db, fx->ecology, JD_CATEGORY_INSPECTION, JD_PROCEDURE_NONE, "2023-04-01", "2023-04-02", 0, 0, pair_b);
  add_record (db, fx->ecology, JD_CATEGORY_INSPECTION, JD_PROCEDURE_NONE, "2023-05-01", "2023-05-01", 0, 0, pair_b);
  add_record (db, fx->market, JD_CATEGORY_PENALTY, JD_PROCEDURE_GENERAL, "2023-06-01", "2023-07-15", 5000, 0, pair_a);
  add_record (db, fx->market, JD_CATEGORY_PENALTY, JD_PROCEDURE_SIMPLE, "2023-08-01", "2023-08-01", 200, 0, pair_a);
  add_record (db, fx->ecology, JD_CATEGORY_LICENSING, JD_PROCEDURE_NONE, "2023-09-01", "2023-09-20", 0, 0, pair_b);

  /* 2024: 6 inspections (one opened in 2023), 3 penalties, 2 coercion, 1 confirmation */
  add_record (db, fx->market, JD_CATEGORY_INSPECTION, JD_PROCEDURE_NONE, "2023-12-28", "2024-01-05", 0, 0, pair_a);
  add_record (db, fx->market, JD_CATEGORY_INSPECTION, JD_PROCEDURE_NONE, "2024-02-01", "2024-02-01", 0, 0, pair_a);
  add_record (db, fx->market, JD_CATEGORY_INSPECTION, JD_PROCEDURE_NONE, "2024-03-01", "2024-03-01", 0, 0, pair_a);
  add_record (db, fx->ecology, JD_CATEGORY_INSPECTION, JD_PROCEDURE_NONE, "2024-04-01", "2024-04-01", 0, 0, pair_b);
  add_record (db, fx->market, JD_CATEGORY_INSPECTION, JD_PROCEDURE_NONE, "2024-05-01", "2024-05-01", 0, 0, pair_a);
  add_record (db, fx->ecology, JD_CATEGORY_INSPECTION, JD_PROCEDURE_NONE, "2024-06-01", "2024-06-01", 0, 0, pair_b);
  add_record (db, fx->market, JD_CATEGORY_PENALTY, JD_PROCEDURE_SIMPLE, "2024-07-01", "2024-07-01", 100, 0, pair_a);
  add_record (db, fx->ecology, JD_CATEGORY_PENALTY, JD_PROCEDURE_GENERAL, "2024-08-01", "2024-08-01", 0, 3000, pair_b);
  add_record (db, fx->market, JD_CATEGORY_COERCIVE_MEASURE, JD_PROCEDURE_NONE, "2024-09-01", "2024-09-02", 0, 0, pair_a);
  add_record (db, fx->market, JD_CATEGORY_COERCIVE_EXECUTION, JD_PROCEDURE_NONE, "2024-10-01", "2024-10-09", 0, 0, pair_a);
  add_record (db, fx->ecology, JD_CATEGORY_CONFIRMATION, JD_PROCEDURE_NONE, "2024-11-01", "2024-11-03", 0, 0, pair_b);

  /* 12,000.50 yuan: not a whole number of yuan */
  info.agency_id = fx->market;
  info.category = JD_CATEGORY_PENALTY;
  info.procedure = JD_PROCEDURE_GENERAL;
  info.penalty_type = JD_PENALTY_TYPE_FINE;
  info.opened_on = "2024-11-20";
  info.closed_on = "2024-12-30";
  info.fine_fen = 1200050;
  info.officer_ids = pair_a;
  info.n_officers = 2;
  jd_db_add_record (db, &info, NULL, &error);
  g_assert_no_error (error);
}
