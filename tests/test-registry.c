/* test-registry.c: editing agencies, officers, certificates and figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "fixture.h"
#include "jd-registry.h"

typedef struct
{
  JdDb    *db;
  Fixture  fx;
} Registry;

static void
registry_setup (Registry      *r,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  r->db = jd_db_open (":memory:", &error);
  g_assert_no_error (error);
  fixture_fill (r->db, &r->fx);
}

static void
registry_teardown (Registry      *r,
                   gconstpointer  data)
{
  g_clear_object (&r->db);
}

static void
assert_rollups (JdDb *db)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jd_db_check_rollups (db, &error));
  g_assert_no_error (error);
}

/* ERROR is an invalid-value error whose message starts with FIELD. */
static void
assert_invalid (GError     *error,
                const char *field)
{
  g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID);
  if (!g_str_has_prefix (error->message, field))
    g_error ("“%s” does not name the field “%s”", error->message, field);
}

static void
test_reads (Registry      *r,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdAgency) agency = NULL;
  g_autoptr(JdOfficer) officer = NULL;
  g_autoptr(GPtrArray) agencies = NULL;
  g_autoptr(GPtrArray) officers = NULL;
  g_autoptr(GPtrArray) districts = NULL;
  g_autoptr(GPtrArray) domains = NULL;
  gint64 domain_id = 0;

  agency = jd_registry_get_agency (r->db, r->fx.team, &error);
  g_assert_no_error (error);
  g_assert_cmpint (agency->id, ==, r->fx.team);
  g_assert_cmpint (agency->district_id, ==, r->fx.district);
  g_assert_cmpstr (agency->name, ==, "区城市管理综合行政执法大队");
  g_assert_cmpint (agency->kind, ==, JD_AGENCY_KIND_INTEGRATED_TEAM);
  g_assert_cmpint (agency->domain_id, ==, 0);
  g_assert_true (agency->active);
  g_assert_cmpint (agency->established_year, ==, 2024);
  g_assert_cmpint (agency->dissolved_year, ==, 0);

  g_assert_null (jd_registry_get_agency (r->db, 9999, &error));
  g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  officer = jd_registry_get_officer (r->db, r->fx.officers[5], &error);
  g_assert_no_error (error);
  g_assert_cmpstr (officer->name, ==, "赵磊");
  g_assert_cmpint (officer->agency_id, ==, r->fx.ecology);
  g_assert_cmpstr (officer->certificate_no, ==, "1201920200006");
  g_assert_cmpstr (officer->issued_on, ==, "2020-09-01");
  g_assert_cmpstr (officer->expires_on, ==, "2027-12-31");
  g_assert_cmpint (officer->status, ==, JD_CERT_STATUS_CANCELLED);
  g_assert_cmpint (officer->cancel_reason, ==, JD_CANCEL_REASON_RETIRED);
  g_assert_cmpstr (officer->status_changed_on, ==, "2024-06-30");
  g_assert_cmpint (officer->exam_year, ==, 2019);

  g_assert_null (jd_registry_get_officer (r->db, 9999, &error));
  g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* by kind, then name: 2 departments, the street, the team */
  agencies = jd_registry_list_agencies (r->db, 0);
  g_assert_cmpuint (agencies->len, ==, 4);
  g_assert_cmpint (((JdAgency *) agencies->pdata[2])->id, ==, r->fx.town);
  g_assert_cmpint (((JdAgency *) agencies->pdata[3])->id, ==, r->fx.team);
  g_clear_pointer (&agencies, g_ptr_array_unref);
  agencies = jd_registry_list_agencies (r->db, r->fx.district + 100);
  g_assert_cmpuint (agencies->len, ==, 0);

  officers = jd_registry_list_officers (r->db, r->fx.market);
  g_assert_cmpuint (officers->len, ==, 2);
  g_clear_pointer (&officers, g_ptr_array_unref);
  officers = jd_registry_list_officers (r->db, r->fx.team);
  g_assert_cmpuint (officers->len, ==, 0);

  districts = jd_registry_list_districts (r->db);
  g_assert_cmpuint (districts->len, ==, 1);
  g_assert_cmpstr (((JdNamedItem *) districts->pdata[0])->name, ==, "示例区");
  g_assert_cmpstr (((JdNamedItem *) districts->pdata[0])->code, ==, "120199");

  domains = jd_registry_list_domains (r->db);
  g_assert_cmpuint (domains->len, ==, 0);
  g_clear_pointer (&domains, g_ptr_array_unref);
  jd_db_add_domain (r->db, "market", "市场监管", &domain_id, &error);
  g_assert_no_error (error);
  domains = jd_registry_list_domains (r->db);
  g_assert_cmpuint (domains->len, ==, 1);
  g_assert_cmpint (((JdNamedItem *) domains->pdata[0])->id, ==, domain_id);

  /* market: 4 records in 2023, 8 in 2024; 张伟 took part in all of them */
  g_assert_cmpint (jd_registry_count_agency_records (r->db, r->fx.market), ==, 12);
  g_assert_cmpint (jd_registry_count_agency_records (r->db, r->fx.team), ==, 0);
  g_assert_cmpint (jd_registry_count_officer_records (r->db, r->fx.officers[0]), ==, 12);
  g_assert_cmpint (jd_registry_count_officer_records (r->db, r->fx.officers[3]), ==, 0);

}

static void
test_agency_checks (Registry      *r,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  JdAgencyInfo info = {
    .district_id = r->fx.district, .name = "区交通运输局",
    .kind = JD_AGENCY_KIND_DISTRICT_DEPARTMENT, .active = TRUE,
  };
  int year = -1;

  g_assert_true (jd_registry_check_agency_name (r->db, r->fx.district, "区交通运输局", 0, &error));
  g_assert_no_error (error);

  g_assert_false (jd_registry_check_agency_name (r->db, r->fx.district, "", 0, &error));
  assert_invalid (error, "Name:");
  g_assert_nonnull (strstr (error->message, "needs a name"));
  g_clear_error (&error);

  g_assert_false (jd_registry_check_agency_name (r->db, r->fx.district, "  ", 0, &error));
  assert_invalid (error, "Name:");
  g_clear_error (&error);

  g_assert_false (jd_registry_check_agency_name (r->db, r->fx.district, " 区交通运输局", 0, &error));
  assert_invalid (error, "Name:");
  g_assert_nonnull (strstr (error->message, "spaces"));
  g_clear_error (&error);

  /* a duplicate, unless it is the agency being edited */
  g_assert_false (jd_registry_check_agency_name (r->db, r->fx.district, "新华街道", 0, &error));
  assert_invalid (error, "Name:");
  g_assert_nonnull (strstr (error->message, "“新华街道”"));
  g_clear_error (&error);
  g_assert_true (jd_registry_check_agency_name (r->db, r->fx.district, "新华街道", r->fx.town, &error));
  g_assert_no_error (error);
  g_assert_false (jd_registry_check_agency_name (r->db, r->fx.district, "新华街道", r->fx.team, &error));
  g_clear_error (&error);

  g_assert_true (jd_registry_parse_year ("", "Established", &year, &error));
  g_assert_cmpint (year, ==, 0);
  g_assert_true (jd_registry_parse_year (" 2019 ", "Established", &year, &error));
  g_assert_cmpint (year, ==, 2019);
  g_assert_no_error (error);
  g_assert_false (jd_registry_parse_year ("20x9", "Established", &year, &error));
  assert_invalid (error, "Established:");
  g_assert_nonnull (strstr (error->message, "1949"));
  g_clear_error (&error);
  g_assert_false (jd_registry_parse_year ("1800", "Dissolved", &year, &error));
  assert_invalid (error, "Dissolved:");
  g_clear_error (&error);

  g_assert_true (jd_registry_check_agency_years (2010, 0, TRUE, &error));
  g_assert_true (jd_registry_check_agency_years (2010, 2020, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (jd_registry_check_agency_years (2020, 2010, FALSE, &error));
  assert_invalid (error, "Dissolved:");
  g_clear_error (&error);
  g_assert_false (jd_registry_check_agency_years (0, 0, FALSE, &error));
  assert_invalid (error, "Dissolved:");
  g_clear_error (&error);
  g_assert_false (jd_registry_check_agency_years (0, 2020, TRUE, &error));
  assert_invalid (error, "Dissolved:");
  g_clear_error (&error);

  g_assert_true (jd_registry_check_agency (r->db, &info, 0, &error));
  g_assert_no_error (error);
  info.district_id = 999;
  g_assert_false (jd_registry_check_agency (r->db, &info, 0, &error));
  assert_invalid (error, "District:");
  g_clear_error (&error);
  info.district_id = r->fx.district;
  info.kind = 17;
  g_assert_false (jd_registry_check_agency (r->db, &info, 0, &error));
  assert_invalid (error, "Kind:");
  g_clear_error (&error);
  info.kind = JD_AGENCY_KIND_OTHER;
  info.domain_id = 999;
  g_assert_false (jd_registry_check_agency (r->db, &info, 0, &error));
  assert_invalid (error, "Domain:");
  g_clear_error (&error);
}

static void
test_agency_writes (Registry      *r,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdAgency) agency = NULL;
  gint64 district2 = 0, domain = 0, id = 0;
  JdAgencyInfo info = {
    .district_id = r->fx.district, .name = "区交通运输局",
    .kind = JD_AGENCY_KIND_DISTRICT_DEPARTMENT, .active = TRUE, .established_year = 2001,
  };

  g_assert_true (jd_registry_add_agency (r->db, &info, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  /* the duplicate is refused by the check, with a message naming the field */
  g_assert_false (jd_registry_add_agency (r->db, &info, NULL, &error));
  assert_invalid (error, "Name:");
  g_clear_error (&error);

  jd_db_add_domain (r->db, "transport", "交通运输", &domain, &error);
  g_assert_no_error (error);

  /* edit every field of the market agency, which has records */
  info.name = "区市场监管局";
  info.kind = JD_AGENCY_KIND_OTHER;
  info.domain_id = domain;
  info.established_year = 2019;
  g_assert_true (jd_registry_update_agency (r->db, r->fx.market, &info, &error));
  g_assert_no_error (error);
  agency = jd_registry_get_agency (r->db, r->fx.market, &error);
  g_assert_cmpstr (agency->name, ==, "区市场监管局");
  g_assert_cmpint (agency->kind, ==, JD_AGENCY_KIND_OTHER);
  g_assert_cmpint (agency->domain_id, ==, domain);
  g_assert_cmpint (agency->established_year, ==, 2019);
  g_clear_pointer (&agency, jd_agency_free);
  assert_rollups (r->db);

  /* taking the name of another agency is refused, nothing changes */
  info.name = "新华街道";
  g_assert_false (jd_registry_update_agency (r->db, r->fx.market, &info, &error));
  assert_invalid (error, "Name:");
  g_clear_error (&error);
  agency = jd_registry_get_agency (r->db, r->fx.market, &error);
  g_assert_cmpstr (agency->name, ==, "区市场监管局");
  g_clear_pointer (&agency, jd_agency_free);

  g_assert_false (jd_registry_update_agency (r->db, 9999, &(JdAgencyInfo) {
    .district_id = r->fx.district, .name = "无此单位", .active = TRUE }, &error));
  g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* a move to another district takes the rollups along */
  jd_db_add_district (r->db, "120200", "邻区", JD_DISTRICT_LEVEL_DISTRICT, FALSE, &district2, &error);
  g_assert_no_error (error);
  info.name = "区市场监管局";
  info.district_id = district2;
  g_assert_true (jd_registry_update_agency (r->db, r->fx.market, &info, &error));
  g_assert_no_error (error);
  assert_rollups (r->db);
  info.district_id = r->fx.district;
  g_assert_true (jd_registry_update_agency (r->db, r->fx.market, &info, &error));
  assert_rollups (r->db);

  /* deactivation needs a year; reactivation clears it */
  g_assert_false (jd_registry_set_agency_active (r->db, r->fx.town, FALSE, 0, &error));
  assert_invalid (error, "Dissolved:");
  g_clear_error (&error);
  g_assert_false (jd_registry_set_agency_active (r->db, r->fx.team, FALSE, 2023, &error));
  assert_invalid (error, "Dissolved:");
  g_clear_error (&error);
  g_assert_true (jd_registry_set_agency_active (r->db, r->fx.town, FALSE, 2025, &error));
  g_assert_no_error (error);
  agency = jd_registry_get_agency (r->db, r->fx.town, &error);
  g_assert_false (agency->active);
  g_assert_cmpint (agency->dissolved_year, ==, 2025);
  g_clear_pointer (&agency, jd_agency_free);
  g_assert_true (jd_registry_set_agency_active (r->db, r->fx.town, TRUE, 2025, &error));
  agency = jd_registry_get_agency (r->db, r->fx.town, &error);
  g_assert_true (agency->active);
  g_assert_cmpint (agency->dissolved_year, ==, 0);
  g_clear_pointer (&agency, jd_agency_free);
  g_assert_false (jd_registry_set_agency_active (r->db, 9999, TRUE, 0, &error));
  g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_rollups (r->db);
}

static void
test_agency_delete (Registry      *r,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  JdSupervisionFigures figures = { .agency_id = r->fx.team, .year = 2024, .hearings = 2 };
  JdSupervisionFigures read;
  gboolean stored = TRUE;

  /* records: refused, with the advice to deactivate */
  g_assert_false (jd_registry_delete_agency (r->db, r->fx.market, &error));
  assert_invalid (error, "区市场监督管理局");
  g_assert_nonnull (strstr (error->message, "12 records"));
  g_assert_nonnull (strstr (error->message, "deactivate"));
  g_clear_error (&error);

  /* officers but no records: refused too */
  g_assert_false (jd_registry_can_delete_agency (r->db, r->fx.town, &error));
  assert_invalid (error, "新华街道");
  g_assert_nonnull (strstr (error->message, "2 officers"));
  g_clear_error (&error);

  /* neither: deleted, with its figures */
  g_assert_true (jd_registry_set_supervision_figures (r->db, &figures, &error));
  g_assert_no_error (error);
  g_assert_true (jd_registry_can_delete_agency (r->db, r->fx.team, &error));
  g_assert_true (jd_registry_delete_agency (r->db, r->fx.team, &error));
  g_assert_no_error (error);
  g_assert_null (jd_registry_get_agency (r->db, r->fx.team, &error));
  g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (jd_registry_get_supervision_figures (r->db, r->fx.team, 2024, &read, &stored, &error));
  g_assert_false (stored);
  g_assert_cmpint (read.hearings, ==, 0);

  g_assert_false (jd_registry_delete_agency (r->db, r->fx.team, &error));
  g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_rollups (r->db);
}

static void
test_officer_checks (Registry      *r,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  JdOfficerInfo info = {
    .agency_id = r->fx.team, .name = "孙悦", .certificate_no = "1201920250007",
    .issued_on = "2025-01-02", .expires_on = "2030-01-01", .exam_year = 2024,
  };

  g_assert_true (jd_registry_check_officer_name ("孙悦", &error));
  g_assert_false (jd_registry_check_officer_name (" ", &error));
  assert_invalid (error, "Name:");
  g_clear_error (&error);

  g_assert_true (jd_registry_check_certificate_no (r->db, NULL, 0, &error));
  g_assert_true (jd_registry_check_certificate_no (r->db, "", 0, &error));
  g_assert_true (jd_registry_check_certificate_no (r->db, "津A-0123", 0, &error));
  g_assert_no_error (error);
  g_assert_false (jd_registry_check_certificate_no (r->db, "1201 9202", 0, &error));
  assert_invalid (error, "Certificate number:");
  g_assert_nonnull (strstr (error->message, "spaces"));
  g_clear_error (&error);
  g_assert_false (jd_registry_check_certificate_no (r->db, "12", 0, &error));
  assert_invalid (error, "Certificate number:");
  g_clear_error (&error);
  g_assert_false (jd_registry_check_certificate_no (r->db, "ABCDEF", 0, &error));
  assert_invalid (error, "Certificate number:");
  g_clear_error (&error);
  /* 李强's number: taken, except by 李强 himself */
  g_assert_false (jd_registry_check_certificate_no (r->db, "1201920190003", 0, &error));
  assert_invalid (error, "Certificate number:");
  g_assert_nonnull (strstr (error->message, "李强"));
  g_clear_error (&error);
  g_assert_true (jd_registry_check_certificate_no (r->db, "1201920190003", r->fx.officers[2], &error));
  g_assert_no_error (error);

  g_assert_true (jd_registry_check_date ("2024-02-29", "Issued on", TRUE, &error));
  g_assert_false (jd_registry_check_date ("2023-02-29", "Issued on", TRUE, &error));
  assert_invalid (error, "Issued on:");
  g_clear_error (&error);
  g_assert_false (jd_registry_check_date ("2024/3/5", "Expires on", FALSE, &error));
  assert_invalid (error, "Expires on:");
  g_assert_nonnull (strstr (error->message, "YYYY-MM-DD"));
  g_clear_error (&error);
  g_assert_false (jd_registry_check_date ("", "Expires on", TRUE, &error));
  assert_invalid (error, "Expires on:");
  g_clear_error (&error);
  g_assert_true (jd_registry_check_date (NULL, "Expires on", FALSE, &error));

  g_assert_true (jd_registry_check_officer_dates (NULL, NULL, NULL, &error));
  g_assert_false (jd_registry_check_officer_dates ("1234", NULL, "2030-01-01", &error));
  assert_invalid (error, "Issued on:");
  g_clear_error (&error);
  g_assert_false (jd_registry_check_officer_dates ("1234", "2030-01-01", "2029-01-01", &error));
  assert_invalid (error, "Expires on:");
  g_clear_error (&error);

  g_assert_true (jd_registry_check_officer (r->db, &info, 0, &error));
  g_assert_no_error (error);
  info.agency_id = 999;
  g_assert_false (jd_registry_check_officer (r->db, &info, 0, &error));
  assert_invalid (error, "Agency:");
  g_clear_error (&error);
  info.agency_id = r->fx.team;
  info.exam_year = 1066;
  g_assert_false (jd_registry_check_officer (r->db, &info, 0, &error));
  assert_invalid (error, "Exam year:");
  g_clear_error (&error);
}

static void
test_officer_writes (Registry      *r,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdOfficer) officer = NULL;
  gint64 before_market, before_ecology, id = 0;
  JdOfficerInfo info = {
    .agency_id = r->fx.team, .name = "孙悦", .certificate_no = "1201920250007",
    .issued_on = "2025-01-02", .expires_on = "2030-01-01", .exam_year = 2024,
  };

  g_assert_true (jd_registry_add_officer (r->db, &info, &id, &error));
  g_assert_no_error (error);
  g_assert_false (jd_registry_add_officer (r->db, &info, NULL, &error));
  assert_invalid (error, "Certificate number:");
  g_clear_error (&error);

  /* moving 张伟 (12 records at the market agency) leaves the records where they are */
  before_market = jd_registry_count_agency_records (r->db, r->fx.market);
  before_ecology = jd_registry_count_agency_records (r->db, r->fx.ecology);
  info = (JdOfficerInfo) {
    .agency_id = r->fx.ecology, .name = "张伟（调入）", .certificate_no = "1201920180009",
    .issued_on = "2018-05-01", .expires_on = "2028-12-31", .exam_year = 2017,
    .status = JD_CERT_STATUS_CANCELLED,   /* ignored */
  };
  g_assert_true (jd_registry_update_officer (r->db, r->fx.officers[0], &info, &error));
  g_assert_no_error (error);
  officer = jd_registry_get_officer (r->db, r->fx.officers[0], &error);
  g_assert_cmpint (officer->agency_id, ==, r->fx.ecology);
  g_assert_cmpstr (officer->name, ==, "张伟（调入）");
  g_assert_cmpstr (officer->certificate_no, ==, "1201920180009");
  g_assert_cmpstr (officer->expires_on, ==, "2028-12-31");
  g_assert_cmpint (officer->exam_year, ==, 2017);
  g_assert_cmpint (officer->status, ==, JD_CERT_STATUS_VALID);
  g_clear_pointer (&officer, jd_officer_free);
  g_assert_cmpint (jd_registry_count_agency_records (r->db, r->fx.market), ==, before_market);
  g_assert_cmpint (jd_registry_count_agency_records (r->db, r->fx.ecology), ==, before_ecology);
  g_assert_cmpint (jd_registry_count_officer_records (r->db, r->fx.officers[0]), ==, 12);
  assert_rollups (r->db);

  /* a bad edit changes nothing */
  info.expires_on = "2018-01-01";
  g_assert_false (jd_registry_update_officer (r->db, r->fx.officers[0], &info, &error));
  assert_invalid (error, "Expires on:");
  g_clear_error (&error);
  officer = jd_registry_get_officer (r->db, r->fx.officers[0], &error);
  g_assert_cmpstr (officer->expires_on, ==, "2028-12-31");
  g_clear_pointer (&officer, jd_officer_free);

  info.expires_on = "2028-12-31";
  g_assert_false (jd_registry_update_officer (r->db, 9999, &info, &error));
  g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* delete: refused with records, telling to cancel the certificate */
  g_assert_false (jd_registry_delete_officer (r->db, r->fx.officers[0], &error));
  assert_invalid (error, "张伟（调入）");
  g_assert_nonnull (strstr (error->message, "cancel the certificate"));
  g_clear_error (&error);
  g_assert_nonnull ((officer = jd_registry_get_officer (r->db, r->fx.officers[0], NULL)));
  g_clear_pointer (&officer, jd_officer_free);

  /* without records: gone, with its certificate history */
  g_assert_true (jd_registry_apply_certificate_event (r->db, r->fx.officers[3], JD_CERT_EVENT_SUSPEND,
                                                      "2024-05-01", NULL, 0, &error));
  g_assert_no_error (error);
  g_assert_true (jd_registry_can_delete_officer (r->db, r->fx.officers[3], &error));
  g_assert_true (jd_registry_delete_officer (r->db, r->fx.officers[3], &error));
  g_assert_no_error (error);
  g_assert_null (jd_registry_get_officer (r->db, r->fx.officers[3], &error));
  g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (jd_registry_delete_officer (r->db, r->fx.officers[3], &error));
  g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_rollups (r->db);
}

static void
test_certificate_events (Registry      *r,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdOfficer) officer = NULL;
  gint64 valid = r->fx.officers[4];       /* 陈静, valid */
  gint64 cancelled = r->fx.officers[5];   /* 赵磊, cancelled 2024-06-30 */
  gint64 fresh = 0;
  JdOfficerInfo info = { .agency_id = r->fx.team, .name = "周敏" };

  g_assert_true (jd_registry_add_officer (r->db, &info, &fresh, &error));
  g_assert_no_error (error);

  /* not applicable to the state: each says so, naming the event */
  g_assert_false (jd_registry_check_certificate_event (r->db, valid, JD_CERT_EVENT_REINSTATE,
                                                       "2025-01-01", NULL, 0, &error));
  assert_invalid (error, "Event:");
  g_clear_error (&error);
  g_assert_false (jd_registry_check_certificate_event (r->db, cancelled, JD_CERT_EVENT_RENEW,
                                                       "2025-01-01", "2030-01-01", 0, &error));
  assert_invalid (error, "Event:");
  g_clear_error (&error);
  g_assert_false (jd_registry_check_certificate_event (r->db, cancelled, JD_CERT_EVENT_CANCEL,
                                                       "2025-01-01", NULL, JD_CANCEL_REASON_OTHER, &error));
  assert_invalid (error, "Event:");
  g_clear_error (&error);
  g_assert_false (jd_registry_check_certificate_event (r->db, valid, JD_CERT_EVENT_ISSUE,
                                                       "2025-01-01", "2030-01-01", 0, &error));
  assert_invalid (error, "Event:");
  g_clear_error (&error);
  /* no certificate number yet */
  g_assert_false (jd_registry_check_certificate_event (r->db, fresh, JD_CERT_EVENT_ISSUE,
                                                       "2025-01-01", "2030-01-01", 0, &error));
  assert_invalid (error, "Event:");
  g_clear_error (&error);
  g_assert_false (jd_registry_check_certificate_event (r->db, fresh, JD_CERT_EVENT_SUSPEND,
                                                       "2025-01-01", NULL, 0, &error));
  assert_invalid (error, "Event:");
  g_clear_error (&error);
  g_assert_false (jd_registry_check_certificate_event (r->db, 9999, JD_CERT_EVENT_SUSPEND,
                                                       "2025-01-01", NULL, 0, &error));
  g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* dates, expiry, reason */
  g_assert_false (jd_registry_check_certificate_event (r->db, valid, JD_CERT_EVENT_RENEW,
                                                       "2025-13-01", "2030-01-01", 0, &error));
  assert_invalid (error, "Date:");
  g_clear_error (&error);
  g_assert_false (jd_registry_check_certificate_event (r->db, valid, JD_CERT_EVENT_RENEW,
                                                       "2025-01-01", NULL, 0, &error));
  assert_invalid (error, "New expiry:");
  g_clear_error (&error);
  g_assert_false (jd_registry_check_certificate_event (r->db, valid, JD_CERT_EVENT_RENEW,
                                                       "2025-01-01", "2024-01-01", 0, &error));
  assert_invalid (error, "New expiry:");
  g_clear_error (&error);
  g_assert_false (jd_registry_check_certificate_event (r->db, valid, JD_CERT_EVENT_CANCEL,
                                                       "2025-01-01", NULL, JD_CANCEL_REASON_NONE, &error));
  assert_invalid (error, "Reason:");
  g_clear_error (&error);
  g_assert_false (jd_registry_check_certificate_event (r->db, cancelled, JD_CERT_EVENT_REINSTATE,
                                                       "2024-01-01", NULL, 0, &error));
  assert_invalid (error, "Date:");
  g_assert_nonnull (strstr (error->message, "2024-06-30"));
  g_clear_error (&error);

  /* a life: renew, suspend, reinstate, cancel, issue again */
  g_assert_true (jd_registry_apply_certificate_event (r->db, valid, JD_CERT_EVENT_RENEW,
                                                      "2025-01-01", "2031-12-31", 0, &error));
  g_assert_no_error (error);
  g_assert_true (jd_registry_apply_certificate_event (r->db, valid, JD_CERT_EVENT_SUSPEND,
                                                      "2025-02-01", "2099-01-01", 0, &error));
  officer = jd_registry_get_officer (r->db, valid, &error);
  g_assert_cmpint (officer->status, ==, JD_CERT_STATUS_SUSPENDED);
  g_assert_cmpstr (officer->expires_on, ==, "2031-12-31");   /* NEW_EXPIRY ignored */
  g_clear_pointer (&officer, jd_officer_free);
  g_assert_true (jd_registry_apply_certificate_event (r->db, valid, JD_CERT_EVENT_REINSTATE,
                                                      "2025-03-01", NULL, 0, &error));
  g_assert_true (jd_registry_apply_certificate_event (r->db, valid, JD_CERT_EVENT_CANCEL,
                                                      "2025-04-01", NULL, JD_CANCEL_REASON_TRANSFERRED,
                                                      &error));
  g_assert_no_error (error);
  officer = jd_registry_get_officer (r->db, valid, &error);
  g_assert_cmpint (officer->status, ==, JD_CERT_STATUS_CANCELLED);
  g_assert_cmpint (officer->cancel_reason, ==, JD_CANCEL_REASON_TRANSFERRED);
  g_assert_cmpstr (officer->status_changed_on, ==, "2025-04-01");
  g_clear_pointer (&officer, jd_officer_free);
  g_assert_true (jd_registry_apply_certificate_event (r->db, valid, JD_CERT_EVENT_ISSUE,
                                                      "2025-05-01", "2030-04-30", 0, &error));
  g_assert_no_error (error);
  officer = jd_registry_get_officer (r->db, valid, &error);
  g_assert_cmpint (officer->status, ==, JD_CERT_STATUS_VALID);
  g_assert_cmpint (officer->cancel_reason, ==, JD_CANCEL_REASON_NONE);
  g_assert_cmpstr (officer->expires_on, ==, "2030-04-30");
  g_clear_pointer (&officer, jd_officer_free);

  /* the failed checks wrote nothing */
  g_assert_false (jd_registry_apply_certificate_event (r->db, valid, JD_CERT_EVENT_REINSTATE,
                                                       "2025-06-01", NULL, 0, &error));
  g_clear_error (&error);
  officer = jd_registry_get_officer (r->db, valid, &error);
  g_assert_cmpstr (officer->status_changed_on, ==, "2025-05-01");
  g_clear_pointer (&officer, jd_officer_free);

  g_assert_cmpstr (jd_cert_event_kind_to_label (JD_CERT_EVENT_CANCEL), ==, "Cancel");
  g_assert_null (jd_cert_event_kind_to_label (JD_CERT_EVENT_N));
  assert_rollups (r->db);
}

static void
test_supervision_figures (Registry      *r,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  JdSupervisionFigures figures = {
    .agency_id = r->fx.market, .year = 2024, .reconsiderations = 5,
    .reconsiderations_corrected = 1, .lawsuits_concluded = 4, .lawsuits_lost = 1,
    .hearings = 3, .head_appearances = 2,
  };
  JdSupervisionFigures read = { 0 };
  JdSupervisionFigures bad;
  gboolean stored = TRUE;

  g_assert_true (jd_registry_get_supervision_figures (r->db, r->fx.market, 2024, &read, &stored, &error));
  g_assert_no_error (error);
  g_assert_false (stored);
  g_assert_cmpint (read.agency_id, ==, r->fx.market);
  g_assert_cmpint (read.year, ==, 2024);
  g_assert_cmpint (read.reconsiderations, ==, 0);

  g_assert_true (jd_registry_check_supervision_figures (&figures, &error));
  g_assert_true (jd_registry_set_supervision_figures (r->db, &figures, &error));
  g_assert_no_error (error);
  g_assert_true (jd_registry_get_supervision_figures (r->db, r->fx.market, 2024, &read, &stored, &error));
  g_assert_true (stored);
  g_assert_cmpmem (&read, sizeof read, &figures, sizeof figures);

  bad = figures;
  bad.reconsiderations_corrected = 6;
  g_assert_false (jd_registry_check_supervision_figures (&bad, &error));
  assert_invalid (error, "Corrected:");
  g_clear_error (&error);
  bad = figures;
  bad.lawsuits_lost = 5;
  g_assert_false (jd_registry_check_supervision_figures (&bad, &error));
  assert_invalid (error, "Lawsuits lost:");
  g_clear_error (&error);
  bad = figures;
  bad.head_appearances = 4;
  g_assert_false (jd_registry_set_supervision_figures (r->db, &bad, &error));
  assert_invalid (error, "Head appearances:");
  g_clear_error (&error);
  bad = figures;
  bad.hearings = -1;
  g_assert_false (jd_registry_check_supervision_figures (&bad, &error));
  assert_invalid (error, "Court hearings:");
  g_clear_error (&error);
  bad = figures;
  bad.year = 0;
  g_assert_false (jd_registry_check_supervision_figures (&bad, &error));
  assert_invalid (error, "Year:");
  g_clear_error (&error);
  bad = figures;
  bad.agency_id = 9999;
  g_assert_false (jd_registry_set_supervision_figures (r->db, &bad, &error));
  g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* the refused writes left the stored figures alone */
  g_assert_true (jd_registry_get_supervision_figures (r->db, r->fx.market, 2024, &read, &stored, &error));
  g_assert_cmpmem (&read, sizeof read, &figures, sizeof figures);
  assert_rollups (r->db);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/jd/registry/" path, Registry, NULL, registry_setup, func, registry_teardown)

  ADD ("reads", test_reads);
  ADD ("agency-checks", test_agency_checks);
  ADD ("agency-writes", test_agency_writes);
  ADD ("agency-delete", test_agency_delete);
  ADD ("officer-checks", test_officer_checks);
  ADD ("officer-writes", test_officer_writes);
  ADD ("certificate-events", test_certificate_events);
  ADD ("supervision-figures", test_supervision_figures);

#undef ADD

  return g_test_run ();
}
