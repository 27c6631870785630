/* test-ui-charts.c: the Charts page, the chart view and printing (suite ui)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Needs a display: run with `meson test --setup=headless --suite ui`. Without
 * one it exits 77 (skipped).
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <adwaita.h>
#include <glib/gstdio.h>

#include "jd-chart-view.h"
#include "jd-charts-page.h"
#include "jd-overview-page-private.h"
#include "jd-registry.h"
#include "jd-sample.h"
#include "jd-window-private.h"

static JdDb *sample_db;

typedef struct
{
  GtkWidget    *window;
  JdChartsPage *page;
  char         *dir;
} UiFixture;

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

static void
ui_setup (UiFixture     *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("jd-ui-charts-XXXXXX", &error);
  g_assert_no_error (error);

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 640);
  f->page = g_object_new (JD_TYPE_CHARTS_PAGE, NULL);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->page));
  gtk_window_present (GTK_WINDOW (f->window));

  g_assert_true (jd_charts_page_load (f->page, sample_db, 2025, &error));
  g_assert_no_error (error);
  spin (200);
}

static void
ui_teardown (UiFixture     *f,
             gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  gtk_window_destroy (GTK_WINDOW (f->window));
  spin (50);
}

static int
pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *pages;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  pages = strstr (out, "Pages:");
  g_assert_nonnull (pages);
  return atoi (pages + strlen ("Pages:"));
}

static void
test_each_chart (UiFixture     *f,
                 gconstpointer  data)
{
  JdChartView *view = jd_charts_page_get_chart_view (f->page);
  JdChartScope scope;

  jd_charts_page_get_scope (f->page, &scope);
  g_assert_cmpint (scope.year_to, ==, 2025);
  g_assert_cmpint (scope.year_from, ==, 2023);    /* the sample has three years */
  g_assert_cmpint (scope.agency_id, ==, 0);

  for (JdChartChoice choice = 0; choice < JD_CHART_CHOICE_N; choice++)
    {
      const JdChartData *chart;
      const char *description;

      jd_charts_page_set_choice (f->page, choice);
      spin (30);
      chart = jd_chart_view_get_data (view);
      g_assert_nonnull (chart);
      g_assert_cmpuint (jd_chart_data_get_n_series (chart), >, 0);
      g_assert_cmpuint (jd_chart_data_get_n_categories (chart), >, 0);

      /* What a screen reader hears: the title, then a summary */
      description = jd_chart_view_get_description (view);
      g_assert_true (g_str_has_prefix (description, jd_chart_data_get_title (chart)));
      g_assert_nonnull (strstr (description, jd_chart_data_get_series_name (chart, 0)));
      gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
    }
  gtk_test_accessible_assert_role (view, GTK_ACCESSIBLE_ROLE_IMG);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (view)));
}

static void
test_tooltip_and_keys (UiFixture     *f,
                       gconstpointer  data)
{
  JdChartView *view = jd_charts_page_get_chart_view (f->page);
  g_autofree char *tooltip = NULL;
  g_autofree char *outside = NULL;
  const JdChartData *chart;
  double x, y;
  GtkEventController *keys = NULL;
  g_autoptr(GListModel) controllers = NULL;
  gboolean handled = FALSE;

  jd_charts_page_set_choice (f->page, JD_CHART_CHOICE_PROCEDURE);
  spin (50);
  chart = jd_chart_view_get_data (view);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view)), >, 100);

  g_assert_true (jd_chart_view_get_mark_center (view, 0, 2, &x, &y));
  tooltip = jd_chart_view_dup_tooltip_at (view, x, y);
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, jd_chart_data_get_category (chart, 2)));
  outside = jd_chart_view_dup_tooltip_at (view, 1, 1);
  g_assert_null (outside);

  /* The arrow keys focus a mark, which becomes the accessible label */
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        keys = GTK_EVENT_CONTROLLER (controller);
    }
  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Right, 0, 0, &handled);
  g_assert_true (handled);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Right, 0, 0, &handled);
  {
    g_autofree char *mark = jd_chart_view_dup_tooltip_at (view, 0, 0);
    double mx, my;
    g_autofree char *expected = NULL;
    g_autofree char *label = NULL;

    g_assert_true (jd_chart_view_get_mark_center (view, 0, 1, &mx, &my));
    expected = jd_chart_view_dup_tooltip_at (view, mx, my);
    label = g_strdup_printf ("%s: %s", jd_chart_data_get_title (chart), expected);
    gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_LABEL, label);
    g_assert_null (mark);
  }
}

static void
test_print_one (UiFixture     *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "chart.pdf", NULL);
  g_autofree char *program = g_find_program_in_path ("pdfinfo");

  jd_charts_page_set_choice (f->page, JD_CHART_CHOICE_TREND);
  g_assert_true (jd_charts_page_print (f->page, NULL, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  if (program == NULL)
    {
      g_test_skip ("pdfinfo is not installed");
      return;
    }
  g_assert_cmpint (pdf_pages (path), ==, 1);
}

static void
test_print_pack (UiFixture     *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "pack.pdf", NULL);
  g_autofree char *program = g_find_program_in_path ("pdfinfo");
  g_autoptr(GArray) choices = g_array_new (FALSE, FALSE, sizeof (JdChartChoice));
  JdChartChoice pick[] = { JD_CHART_CHOICE_TREND, JD_CHART_CHOICE_COMPOSITION,
                           JD_CHART_CHOICE_RANKING, JD_CHART_CHOICE_FINES };

  g_array_append_vals (choices, pick, G_N_ELEMENTS (pick));
  g_assert_true (jd_charts_page_print (f->page, choices, path, &error));
  g_assert_no_error (error);
  if (program == NULL)
    {
      g_test_skip ("pdfinfo is not installed");
      return;
    }
  g_assert_cmpint (pdf_pages (path), ==, G_N_ELEMENTS (pick));
}

/* The window has a Charts page, and both dashboards show their trend */
static void
test_window (UiFixture     *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "window.db", NULL);
  g_autoptr(JdDb) db = jd_db_open (path, &error);
  JdSampleOptions options;
  JdWindow *window;
  JdChartsPage *page;
  JdOverviewPage *overview;
  const JdChartData *trend;
  gint64 agency_id = 0;

  g_assert_no_error (error);
  jd_sample_options_init (&options);
  options.records_per_year = 2000;
  options.years = 3;
  g_assert_true (jd_sample_generate (db, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) agencies = jd_registry_list_agencies (db, 0);

    agency_id = ((JdAgency *) g_ptr_array_index (agencies, 0))->id;
  }
  g_clear_object (&db);

  window = jd_window_new (NULL);
  g_assert_true (jd_window_open_database (window, path, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  spin (200);

  overview = _jd_window_get_overview_page (window);
  trend = jd_chart_view_get_data (_jd_overview_page_get_trend_view (overview));
  g_assert_nonnull (trend);
  g_assert_cmpuint (jd_chart_data_get_n_categories (trend), ==, 3);
  g_assert_cmpfloat (jd_chart_data_get_value (trend, 0, 2), >, 0);

  page = _jd_window_get_charts_page (window);
  g_assert_nonnull (jd_chart_view_get_data (jd_charts_page_get_chart_view (page)));
  g_assert_cmpint (jd_chart_data_get_kind (jd_chart_view_get_data (jd_charts_page_get_chart_view (page))),
                   ==, JD_CHART_LINE);

  /* The agency dashboard draws the agency's own trend */
  db = jd_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (jd_overview_page_load_agency (overview, db, agency_id, 2025, TRUE, &error));
  g_assert_no_error (error);
  trend = jd_chart_view_get_data (_jd_overview_page_get_trend_view (overview));
  g_assert_nonnull (trend);
  g_assert_cmpuint (jd_chart_data_get_n_categories (trend), ==, 3);

  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  JdSampleOptions options;
  int status;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  g_test_init (&argc, &argv, NULL);
  gtk_disable_setlocale ();

  if (!gtk_init_check ())
    {
      g_printerr ("No display: skipping the UI tests\n");
      return 77;
    }
  adw_init ();

  sample_db = jd_db_open (":memory:", &error);
  g_assert_no_error (error);
  jd_sample_options_init (&options);
  options.records_per_year = 2000;
  options.years = 3;
  options.last_year = 2025;
  g_assert_true (jd_sample_generate (sample_db, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

#define ADD(path, func) \
  g_test_add ("/jd/ui-charts/" path, UiFixture, NULL, ui_setup, func, ui_teardown)

  ADD ("each-chart", test_each_chart);
  ADD ("tooltip-and-keys", test_tooltip_and_keys);
  ADD ("print-one", test_print_one);
  ADD ("print-pack", test_print_pack);
  ADD ("window", test_window);

#undef ADD

  status = g_test_run ();
  g_clear_object (&sample_db);
  return status;
}
