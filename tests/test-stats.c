/* test-stats.c: the overview's figures on a fixture stated by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>

#include "fixture.h"
#include "jd-stats.h"

typedef struct
{
  JdFigure figure;
  gint64   y2023;
  gint64   y2024;
} Expected;

static const Expected expected[] = {
  { JD_FIGURE_AGENCIES,             3,      4 },
  { JD_FIGURE_AGENCIES_DEPARTMENTS, 2,      2 },
  { JD_FIGURE_AGENCIES_TOWNS,       1,      1 },
  { JD_FIGURE_AGENCIES_TEAMS,       0,      1 },
  { JD_FIGURE_AGENCIES_OTHER,       0,      0 },
  { JD_FIGURE_OFFICERS_VALID,       5,      5 },
  { JD_FIGURE_OFFICERS_NEW,         0,      1 },
  { JD_FIGURE_OFFICERS_CANCELLED,   0,      1 },
  { JD_FIGURE_RECORDS,              7,      12 },
  { JD_FIGURE_INSPECTIONS,          4,      6 },
  { JD_FIGURE_PENALTIES,            2,      3 },
  { JD_FIGURE_PENALTIES_GENERAL,    1,      2 },
  { JD_FIGURE_PENALTIES_SIMPLE,     1,      1 },
  { JD_FIGURE_COERCION,             0,      2 },
  { JD_FIGURE_LICENSING,            1,      0 },
  { JD_FIGURE_OTHER_ACTIONS,        0,      1 },
  { JD_FIGURE_FINES,                520000, 1210050 },
  { JD_FIGURE_CONFISCATIONS,        0,      300000 },
};

G_STATIC_ASSERT (G_N_ELEMENTS (expected) == JD_FIGURE_N);

static void
test_overview (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDb) db = jd_db_open (":memory:", &error);
  JdOverview y2023, y2024;
  Fixture fx;

  g_assert_no_error (error);
  fixture_fill (db, &fx);

  g_assert_true (jd_stats_overview (db, 0, 2023, &y2023, &error));
  g_assert_no_error (error);
  g_assert_true (jd_stats_overview (db, fx.district, 2024, &y2024, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_test_message ("%s", jd_figure_to_id (expected[i].figure));
      g_assert_cmpint (y2023.values[expected[i].figure], ==, expected[i].y2023);
      g_assert_cmpint (y2024.values[expected[i].figure], ==, expected[i].y2024);
    }

  g_assert_cmpint (y2024.records_by_category[JD_CATEGORY_COERCIVE_MEASURE], ==, 1);
  g_assert_cmpint (y2024.records_by_category[JD_CATEGORY_COERCIVE_EXECUTION], ==, 1);
  g_assert_cmpint (y2024.records_by_category[JD_CATEGORY_CONFIRMATION], ==, 1);
  g_assert_cmpint (y2023.records_by_category[JD_CATEGORY_LICENSING], ==, 1);

  /* A year without anything */
  g_assert_true (jd_stats_overview (db, 0, 2019, &y2023, &error));
  g_assert_cmpint (y2023.values[JD_FIGURE_RECORDS], ==, 0);
  g_assert_cmpint (y2023.values[JD_FIGURE_OFFICERS_VALID], ==, 3);   /* issued 2018, 2019 */
}

static void
test_years (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDb) db = jd_db_open (":memory:", &error);
  g_autoptr(GArray) years = NULL;
  Fixture fx;

  fixture_fill (db, &fx);
  years = jd_db_list_years (db);
  g_assert_cmpuint (years->len, ==, 2);
  g_assert_cmpint (g_array_index (years, int, 0), ==, 2023);
  g_assert_cmpint (g_array_index (years, int, 1), ==, 2024);
}

static void
test_change (void)
{
  gint64 delta;
  double percent;

  g_assert_true (jd_stats_change (12, 7, &delta, &percent));
  g_assert_cmpint (delta, ==, 5);
  g_assert_cmpfloat_with_epsilon (percent, 500.0 / 7.0, 1e-9);

  g_assert_false (jd_stats_change (3, 0, &delta, &percent));
  g_assert_cmpint (delta, ==, 3);
  g_assert_cmpfloat (percent, ==, 0.0);
}

static void
test_empty_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDb) db = jd_db_open (":memory:", &error);
  JdOverview overview;

  g_assert_true (jd_stats_overview (db, 0, 2024, &overview, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < JD_FIGURE_N; i++)
    g_assert_cmpint (overview.values[i], ==, 0);
}

static void
test_labels (void)
{
  for (guint i = 0; i < JD_FIGURE_N; i++)
    {
      g_assert_nonnull (jd_figure_to_id (i));
      g_assert_nonnull (jd_figure_to_label (i));
    }
  g_assert_true (jd_figure_is_money (JD_FIGURE_FINES));
  g_assert_false (jd_figure_is_money (JD_FIGURE_RECORDS));
  g_assert_cmpstr (jd_category_to_id (JD_CATEGORY_INSPECTION), ==, "inspection");
  g_assert_null (jd_category_to_id (JD_CATEGORY_N));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jd/stats/overview", test_overview);
  g_test_add_func ("/jd/stats/years", test_years);
  g_test_add_func ("/jd/stats/change", test_change);
  g_test_add_func ("/jd/stats/empty-database", test_empty_database);
  g_test_add_func ("/jd/stats/labels", test_labels);

  return g_test_run ();
}
