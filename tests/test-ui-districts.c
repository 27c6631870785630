/* test-ui-districts.c: the Districts page, the city's view (suite ui)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Needs a display: run with `meson test --setup=headless --suite ui`. Without
 * one it exits 77 (skipped).
 */

#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "fixture.h"
#include "jd-dashboard.h"
#include "jd-districts-page.h"
#include "jd-format.h"
#include "jd-window-private.h"

#define YEAR 2024

static void
spin (guint ms)
{
  gint64 end_time = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end_time)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Whether the page shows in the view switcher */
static gboolean
page_shown (JdDistrictsPage *page)
{
  GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (page), ADW_TYPE_VIEW_STACK);

  g_assert_nonnull (stack);
  return adw_view_stack_page_get_visible (adw_view_stack_get_page (ADW_VIEW_STACK (stack),
                                                                   GTK_WIDGET (page)));
}

/* Another district, as an import would bring it: one agency, two officers,
 * one record in YEAR - 1 and three in YEAR, and supervision figures. */
static gint64
add_other_district (JdDb *db)
{
  g_autoptr(GError) error = NULL;
  JdAgencyInfo agency = { 0 };
  JdOfficerInfo officer = { 0 };
  JdSupervisionFigures figures = { 0 };
  const char *dates[] = { "2023-05-01", "2024-02-01", "2024-03-01", "2024-04-01" };
  gint64 district, agency_id, officers[2];

  g_assert_true (jd_db_add_district (db, "120299", "河西区", JD_DISTRICT_LEVEL_DISTRICT, FALSE,
                                     &district, &error));
  g_assert_no_error (error);

  agency.district_id = district;
  agency.name = "河西区市场监督管理局";
  agency.kind = JD_AGENCY_KIND_DISTRICT_DEPARTMENT;
  agency.active = TRUE;
  g_assert_true (jd_db_add_agency (db, &agency, &agency_id, &error));
  g_assert_no_error (error);

  officer.agency_id = agency_id;
  officer.issued_on = "2019-01-01";
  officer.expires_on = "2027-12-31";
  officer.status = JD_CERT_STATUS_VALID;
  officer.name = "孙明";
  officer.certificate_no = "1202920190001";
  g_assert_true (jd_db_add_officer (db, &officer, &officers[0], &error));
  g_assert_no_error (error);
  officer.name = "周丽";
  officer.certificate_no = "1202920190002";
  g_assert_true (jd_db_add_officer (db, &officer, &officers[1], &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      JdRecordInfo record = {
        .agency_id = agency_id, .category = i == 3 ? JD_CATEGORY_PENALTY : JD_CATEGORY_INSPECTION,
        .procedure = i == 3 ? JD_PROCEDURE_SIMPLE : JD_PROCEDURE_NONE,
        .penalty_type = i == 3 ? JD_PENALTY_TYPE_FINE : JD_PENALTY_TYPE_NONE,
        .opened_on = dates[i], .closed_on = dates[i], .fine_fen = i == 3 ? 20000 : 0,
        .publicized = TRUE, .recorded = TRUE, .officer_ids = officers, .n_officers = 1,
      };

      g_assert_true (jd_db_add_record (db, &record, NULL, &error));
      g_assert_no_error (error);
    }

  figures.agency_id = agency_id;
  figures.year = YEAR;
  figures.reconsiderations = 4;
  figures.reconsiderations_corrected = 1;
  figures.lawsuits_concluded = 2;
  figures.lawsuits_lost = 1;
  g_assert_true (jd_db_set_supervision_figures (db, &figures, &error));
  g_assert_no_error (error);

  return district;
}

static char *
expected_text (const JdDashboard *dashboard,
               gint64             records_previous,
               JdDistrictColumn   column)
{
  const JdRatio *ratio = NULL;

  switch (column)
    {
    case JD_DISTRICT_COLUMN_RECORDS:
      return jd_format_count (dashboard->overview.values[JD_FIGURE_RECORDS]);
    case JD_DISTRICT_COLUMN_CHANGE:
      return jd_format_change (dashboard->overview.values[JD_FIGURE_RECORDS], records_previous, FALSE);
    case JD_DISTRICT_COLUMN_INSPECTIONS:
      return jd_format_count (dashboard->overview.values[JD_FIGURE_INSPECTIONS]);
    case JD_DISTRICT_COLUMN_PENALTIES:
      return jd_format_count (dashboard->overview.values[JD_FIGURE_PENALTIES]);
    case JD_DISTRICT_COLUMN_CERTIFICATE:
      ratio = &dashboard->rates[JD_RATE_CERTIFICATE];
      break;
    case JD_DISTRICT_COLUMN_PARTICIPATION:
      ratio = &dashboard->rates[JD_RATE_PARTICIPATION];
      break;
    case JD_DISTRICT_COLUMN_CORRECTION:
      ratio = &dashboard->rates[JD_RATE_RECONSIDERATION_CORRECTION];
      break;
    case JD_DISTRICT_COLUMN_LOSS:
      ratio = &dashboard->rates[JD_RATE_LITIGATION_LOSS];
      break;
    case JD_DISTRICT_COLUMN_NAME:
    default:
      g_assert_not_reached ();
    }

  return ratio->defined ? jd_format_percent (ratio->value) : g_strdup ("—");
}

static void
assert_row (JdDistrictsPage *page,
            JdDb            *db,
            guint            position,
            gint64           district_id,
            const char      *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *shown_name = NULL;
  JdDashboard current, previous;

  g_assert_cmpint (_jd_districts_page_get_district_id (page, position), ==, district_id);
  shown_name = _jd_districts_page_dup_cell_text (page, position, JD_DISTRICT_COLUMN_NAME);
  g_assert_cmpstr (shown_name, ==, name);

  g_assert_true (jd_dashboard_compute (db, district_id, 0, YEAR, &current, &error));
  g_assert_no_error (error);
  g_assert_true (jd_dashboard_compute (db, district_id, 0, YEAR - 1, &previous, &error));
  g_assert_no_error (error);

  for (guint c = JD_DISTRICT_COLUMN_RECORDS; c < JD_DISTRICT_COLUMN_N; c++)
    {
      g_autofree char *shown = _jd_districts_page_dup_cell_text (page, position, c);
      g_autofree char *expected = expected_text (&current, previous.overview.values[JD_FIGURE_RECORDS], c);

      g_assert_cmpstr (shown, ==, expected);
    }
}

static void
test_districts (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jiandu-districts-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(JdDb) db = NULL;
  g_autofree char *other_records = NULL;
  JdDistrictsPage *page;
  JdWindow *window;
  const JdChartData *chart;
  Fixture fx;
  gint64 other;

  g_assert_no_error (error);
  path = g_build_filename (dir, "city.jiandu", NULL);
  db = jd_db_open (path, &error);
  g_assert_no_error (error);
  fixture_fill (db, &fx);

  /* One district: no Districts page */
  window = jd_window_new (NULL);
  g_assert_true (jd_window_open_database (window, path, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (_jd_window_select_year (window, YEAR));
  spin (50);
  page = JD_DISTRICTS_PAGE (find_widget (GTK_WIDGET (window), JD_TYPE_DISTRICTS_PAGE));
  g_assert_nonnull (page);
  g_assert_false (page_shown (page));
  /* Alt+6 does not open a page that is not there */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "districts");
  g_assert_cmpstr (_jd_window_get_visible_view (window), !=, "districts");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "review");
  g_assert_cmpstr (_jd_window_get_visible_view (window), ==, "review");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "overview");

  /* A second district arrives (through another connection, as an import would) */
  other = add_other_district (db);
  g_assert_true (jd_db_check_rollups (db, &error));
  g_assert_no_error (error);
  jd_window_reload (window);
  g_assert_true (_jd_window_select_year (window, YEAR));
  g_assert_true (page_shown (page));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "districts");
  spin (50);
  g_assert_cmpstr (_jd_window_get_visible_view (window), ==, "districts");
  g_assert_cmpuint (jd_districts_page_get_n_districts (page), ==, 2);

  /* By records, most first: the local district has more */
  assert_row (page, db, 0, fx.district, "示例区");
  assert_row (page, db, 1, other, "河西区");
  other_records = _jd_districts_page_dup_cell_text (page, 1, JD_DISTRICT_COLUMN_RECORDS);
  g_assert_cmpstr (other_records, ==, "3");

  /* Sorting by records the other way round */
  gtk_column_view_sort_by_column (_jd_districts_page_get_column_view (page),
                                  _jd_districts_page_get_column (page, JD_DISTRICT_COLUMN_RECORDS),
                                  GTK_SORT_ASCENDING);
  assert_row (page, db, 0, other, "河西区");
  assert_row (page, db, 1, fx.district, "示例区");

  /* The sort menu: records, most first */
  gtk_widget_activate_action (GTK_WIDGET (page), "districts.sort", "i", JD_DISTRICT_COLUMN_RECORDS);
  g_assert_cmpint (_jd_districts_page_get_district_id (page, 0), ==, fx.district);
  /* Again: fewest first */
  gtk_widget_activate_action (GTK_WIDGET (page), "districts.sort", "i", JD_DISTRICT_COLUMN_RECORDS);
  g_assert_cmpint (_jd_districts_page_get_district_id (page, 0), ==, other);
  /* By litigation loss rate, highest first: only the other district had lawsuits */
  gtk_widget_activate_action (GTK_WIDGET (page), "districts.sort", "i", JD_DISTRICT_COLUMN_LOSS);
  g_assert_cmpint (_jd_districts_page_get_district_id (page, 0), ==, other);

  /* The chart: one bar per district, records as the values */
  chart = jd_chart_view_get_data (jd_districts_page_get_chart_view (page));
  g_assert_nonnull (chart);
  g_assert_cmpint (jd_chart_data_get_kind (chart), ==, JD_CHART_HBAR);
  g_assert_cmpuint (jd_chart_data_get_n_series (chart), ==, 1);
  g_assert_cmpuint (jd_chart_data_get_n_categories (chart), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      gint64 id = g_str_equal (jd_chart_data_get_category (chart, i), "河西区") ? other : fx.district;
      JdDashboard dashboard;

      g_assert_true (jd_dashboard_compute (db, id, 0, YEAR, &dashboard, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat (jd_chart_data_get_value (chart, 0, i), ==,
                         (double) dashboard.overview.values[JD_FIGURE_RECORDS]);
    }
  /* Most records first */
  g_assert_cmpstr (jd_chart_data_get_category (chart, 0), ==, "示例区");
  g_assert_cmpstr (jd_chart_data_get_category (chart, 1), ==, "河西区");

  gtk_window_destroy (GTK_WINDOW (window));
  spin (20);
  g_clear_object (&db);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *file = g_strconcat (path, (const char *[]) { "", "-wal", "-shm" }[i], NULL);

      g_remove (file);
    }
  g_rmdir (dir);
}

/* The city bureau's database holds imported districts only: it opens on the
 * comparison, not on a dashboard of a district it does not have. */
static void
test_city_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jiandu-city-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(JdDb) db = NULL;
  JdDistrictsPage *page;
  JdWindow *window;

  g_assert_no_error (error);
  path = g_build_filename (dir, "city.jiandu", NULL);
  db = jd_db_open (path, &error);
  g_assert_no_error (error);
  add_other_district (db);
  g_assert_cmpint (jd_db_get_local_district (db), <=, 0);

  window = jd_window_new (NULL);
  g_assert_true (jd_window_open_database (window, path, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (_jd_window_select_year (window, YEAR));
  spin (50);
  page = JD_DISTRICTS_PAGE (find_widget (GTK_WIDGET (window), JD_TYPE_DISTRICTS_PAGE));
  g_assert_true (page_shown (page));
  g_assert_cmpstr (_jd_window_get_visible_view (window), ==, "districts");
  g_assert_cmpuint (jd_districts_page_get_n_districts (page), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
  spin (10);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  g_test_init (&argc, &argv, NULL);
  gtk_disable_setlocale ();

  if (!gtk_init_check ())
    {
      g_printerr ("No display: skipping the UI tests\n");
      return 77;
    }
  adw_init ();

  g_test_add_func ("/jd/ui-districts/districts", test_districts);
  g_test_add_func ("/jd/ui-districts/city-database", test_city_database);

  return g_test_run ();
}
