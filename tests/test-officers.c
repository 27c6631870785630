/* test-officers.c: the officers of an agency, on the fixture
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "fixture.h"
#include "jd-officers.h"

static JdOfficerYear *
officer_at (GPtrArray *officers,
            guint      i)
{
  g_assert_cmpuint (i, <, officers->len);
  return g_ptr_array_index (officers, i);
}

static void
test_list_for_agency (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDb) db = jd_db_open (":memory:", &error);
  g_autoptr(GPtrArray) market = NULL;
  g_autoptr(GPtrArray) ecology = NULL;
  g_autoptr(GPtrArray) town_2023 = NULL;
  g_autoptr(GPtrArray) town_2024 = NULL;
  g_autoptr(GPtrArray) ecology_2025 = NULL;
  Fixture fx;

  g_assert_no_error (error);
  fixture_fill (db, &fx);

  /* 8 records of 2024 each, by name (张 U+5F20 before 王 U+738B) */
  market = jd_officers_list_for_agency (db, fx.market, 2024, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (market->len, ==, 2);
  g_assert_cmpint (officer_at (market, 0)->id, ==, fx.officers[0]);
  g_assert_cmpstr (officer_at (market, 0)->name, ==, "张伟");
  g_assert_cmpint (officer_at (market, 0)->records, ==, 8);
  g_assert_cmpint (officer_at (market, 1)->id, ==, fx.officers[1]);
  g_assert_cmpint (officer_at (market, 1)->records, ==, 8);
  g_assert_cmpstr (officer_at (market, 1)->certificate_no, ==, "1201920180002");
  g_assert_cmpint (officer_at (market, 1)->status, ==, JD_CERT_STATUS_VALID);

  /* The retired officer still counts in 2024, with the reason */
  ecology = jd_officers_list_for_agency (db, fx.ecology, 2024, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ecology->len, ==, 2);
  for (guint i = 0; i < ecology->len; i++)
    {
      JdOfficerYear *officer = officer_at (ecology, i);

      g_assert_cmpint (officer->records, ==, 4);
      if (officer->id == fx.officers[5])
        {
          g_assert_cmpint (officer->status, ==, JD_CERT_STATUS_CANCELLED);
          g_assert_cmpint (officer->cancel_reason, ==, JD_CANCEL_REASON_RETIRED);
        }
      else
        g_assert_cmpint (officer->id, ==, fx.officers[2]);
    }

  /* ... but not in 2025, when only 李强 is left, with no records */
  ecology_2025 = jd_officers_list_for_agency (db, fx.ecology, 2025, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ecology_2025->len, ==, 1);
  g_assert_cmpint (officer_at (ecology_2025, 0)->id, ==, fx.officers[2]);
  g_assert_cmpint (officer_at (ecology_2025, 0)->records, ==, 0);

  /* No records in the town; 陈静 was certified only in 2024 */
  town_2023 = jd_officers_list_for_agency (db, fx.town, 2023, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (town_2023->len, ==, 1);
  g_assert_cmpint (officer_at (town_2023, 0)->id, ==, fx.officers[3]);
  g_assert_cmpint (officer_at (town_2023, 0)->records, ==, 0);

  town_2024 = jd_officers_list_for_agency (db, fx.town, 2024, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (town_2024->len, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jd/officers/list-for-agency", test_list_for_agency);

  return g_test_run ();
}
