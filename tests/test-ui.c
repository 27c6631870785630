/* test-ui.c: the GUI, driven headlessly (suite ui)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Needs a display: run with `meson test --setup=headless --suite ui`. Without
 * one it exits 77 (skipped).
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include <glib/gi18n.h>
#include <locale.h>

#include "jd-agencies-page-private.h"
#include "jd-agency-editor.h"
#include "jd-agency-row-item.h"
#include "jd-certificate-event-dialog.h"
#include "jd-officer-editor.h"
#include "jd-supervision-figures-dialog.h"
#include "jd-alerts-page.h"
#include "jd-application.h"
#include "jd-dashboard.h"
#include "jd-db.h"
#include "jd-figure-card.h"
#include "jd-format.h"
#include "jd-overview-page-private.h"
#include "jd-preferences-window.h"
#include "jd-sample.h"
#include "jd-stats.h"
#include "jd-welcome-page.h"
#include "jd-window-private.h"

static char *tmp_dir;
static char *sample_path;

/* Spins the main loop until COND holds, failing after TIMEOUT_S seconds. */
#define SPIN_UNTIL(cond, timeout_s)                                          \
  G_STMT_START {                                                             \
    gint64 end_time_ = g_get_monotonic_time () + (timeout_s) * G_USEC_PER_SEC; \
    while (!(cond))                                                          \
      {                                                                      \
        if (g_get_monotonic_time () > end_time_)                            \
          g_error ("Timed out waiting for %s", #cond);                       \
        if (!g_main_context_iteration (NULL, FALSE))                         \
          g_usleep (1000);                                                   \
      }                                                                      \
  } G_STMT_END

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
destroy_window (gpointer window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  spin (20);
}

/* The first descendant of ROOT of TYPE; with LABEL, a button with that label
 * or a preferences row with that title. */
static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      if (label == NULL)
        return root;
      if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
        return root;
      if (ADW_IS_PREFERENCES_ROW (root) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), label) == 0)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static char *
expected_text (JdFigure figure,
               gint64   value)
{
  return jd_figure_is_money (figure) ? jd_format_money (value) : jd_format_count (value);
}

static JdWindow *
open_window (const char *path)
{
  JdWindow *window = jd_window_new (NULL);

  jd_window_open_database_or_report (window, path);
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

static void
test_templates (void)
{
  const GType widget_types[] = {
    JD_TYPE_AGENCIES_PAGE,
    JD_TYPE_ALERTS_PAGE,
    JD_TYPE_FIGURE_CARD,
    JD_TYPE_OVERVIEW_PAGE,
    JD_TYPE_WELCOME_PAGE,
  };
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(JdApplication) application = NULL;
  JdWindow *window;
  GtkWidget *preferences;
  GObject *help_overlay;

  for (guint i = 0; i < G_N_ELEMENTS (widget_types); i++)
    {
      GtkWidget *widget = g_object_ref_sink (g_object_new (widget_types[i], NULL));

      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (widget, widget_types[i]));
      g_object_unref (widget);
    }

  window = jd_window_new (NULL);
  g_assert_cmpstr (_jd_window_get_visible_page (window), ==, "empty");
  g_assert_null (jd_window_get_database_path (window));

  preferences = jd_preferences_window_new (window);
  g_assert_true (JD_IS_PREFERENCES_WINDOW (preferences));
  gtk_window_destroy (GTK_WINDOW (preferences));
  gtk_window_destroy (GTK_WINDOW (window));

  /* The Ctrl+? overlay GtkApplication loads from the resource base path */
  builder = gtk_builder_new_from_resource (RESOURCE_BASE "/gtk/help-overlay.ui");
  help_overlay = gtk_builder_get_object (builder, "help_overlay");
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (help_overlay));
  gtk_window_destroy (GTK_WINDOW (help_overlay));

  g_assert_true (g_resources_get_info (RESOURCE_BASE "/style.css", 0, NULL, NULL, NULL));

  application = jd_application_new ("io.github.jiandu.Jiandu.Test", g_get_monotonic_time ());
  g_assert_true (JD_IS_APPLICATION (application));
}

static void
assert_overview_shows (JdWindow *window,
                       JdDb     *db,
                       int       year,
                       gboolean  compare)
{
  static const JdFigure figures[] = {
    JD_FIGURE_AGENCIES, JD_FIGURE_AGENCIES_TOWNS, JD_FIGURE_OFFICERS_VALID,
    JD_FIGURE_OFFICERS_NEW, JD_FIGURE_RECORDS, JD_FIGURE_INSPECTIONS, JD_FIGURE_PENALTIES,
    JD_FIGURE_PENALTIES_GENERAL, JD_FIGURE_PENALTIES_SIMPLE, JD_FIGURE_FINES,
    JD_FIGURE_CONFISCATIONS,
  };
  JdOverviewPage *page = _jd_window_get_overview_page (window);
  g_autoptr(GError) error = NULL;
  g_autofree char *district = NULL;
  JdOverview current;
  JdOverview previous;

  g_assert_true (jd_stats_overview (db, 0, year, &current, &error));
  g_assert_no_error (error);
  g_assert_true (jd_stats_overview (db, 0, year - 1, &previous, &error));
  g_assert_no_error (error);
  g_assert_cmpint (current.values[JD_FIGURE_RECORDS], >, 0);

  g_assert_cmpint (_jd_window_get_year (window), ==, year);
  g_assert_cmpint (jd_overview_page_get_year (page), ==, year);

  district = jd_db_dup_local_district_name (db);
  g_assert_nonnull (district);
  g_assert_nonnull (strstr (_jd_overview_page_get_title (page), district));

  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      JdFigure figure = figures[i];
      g_autofree char *value = expected_text (figure, current.values[figure]);
      g_autofree char *change = NULL;

      g_assert_cmpstr (_jd_overview_page_get_value_text (page, figure), ==, value);

      if (compare)
        change = jd_format_change (current.values[figure], previous.values[figure],
                                   jd_figure_is_money (figure));
      else
        change = g_strdup_printf ("No data for %d", year - 1);
      g_assert_cmpstr (_jd_overview_page_get_change_text (page, figure), ==, change);
    }
}

static void
test_overview (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autoptr(JdDb) db = NULL;
  g_autoptr(GArray) years = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *spoken = NULL;
  JdOverviewPage *page;
  JdFigureCard *card;
  JdWindow *window;
  int first;
  int last;

  g_settings_set_int (settings, "last-year", 0);

  db = jd_db_open (sample_path, &error);
  g_assert_no_error (error);
  years = jd_db_list_years (db);
  g_assert_cmpuint (years->len, ==, 2);
  first = g_array_index (years, int, 0);
  last = g_array_index (years, int, 1);

  window = open_window (sample_path);
  SPIN_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)), 10);
  g_assert_cmpstr (_jd_window_get_visible_page (window), ==, "content");
  g_assert_cmpstr (jd_window_get_database_path (window), ==, sample_path);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (_jd_window_get_year_dropdown (window))));
  g_assert_null (_jd_window_get_error_dialog (window));

  /* The latest year, compared with the one before */
  assert_overview_shows (window, db, last, TRUE);

  /* A card speaks its figure, value and change */
  page = _jd_window_get_overview_page (window);
  card = _jd_overview_page_get_card (page, JD_FIGURE_RECORDS);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (card)));
  spoken = g_strdup_printf ("%s: %s, %s from %d",
                            jd_figure_to_label (JD_FIGURE_RECORDS),
                            jd_figure_card_get_value_text (card),
                            jd_figure_card_get_change_text (card),
                            first);
  gtk_test_accessible_assert_property (card, GTK_ACCESSIBLE_PROPERTY_LABEL, spoken);

  /* The sample district has no "other" agencies: that card stays hidden */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (_jd_overview_page_get_card (page, JD_FIGURE_AGENCIES_OTHER))));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (_jd_overview_page_get_card (page, JD_FIGURE_AGENCIES_TEAMS))));

  /* Changing the year updates every figure and is remembered */
  g_assert_true (_jd_window_select_year (window, first));
  spin (20);
  assert_overview_shows (window, db, first, FALSE);
  g_assert_cmpint (g_settings_get_int (settings, "last-year"), ==, first);

  /* Picking the latest again follows the latest year from then on */
  g_assert_true (_jd_window_select_year (window, last));
  assert_overview_shows (window, db, last, TRUE);
  g_assert_cmpint (g_settings_get_int (settings, "last-year"), ==, 0);
  g_assert_false (_jd_window_select_year (window, last + 1));

  /* A remembered year is the one a new window shows */
  g_settings_set_int (settings, "last-year", first);
  destroy_window (window);
  window = open_window (sample_path);
  assert_overview_shows (window, db, first, FALSE);
  g_settings_set_int (settings, "last-year", 0);

  /* The window size is saved on close */
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_close (GTK_WINDOW (window));
  spin (20);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
}

static void
test_accessible_labels (void)
{
  g_autoptr(GError) error = NULL;
  JdWindow *window = open_window (sample_path);
  GtkMenuButton *menu_button = _jd_window_get_primary_menu_button (window);

  SPIN_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)), 10);

  gtk_test_accessible_assert_property (_jd_window_get_year_dropdown (window),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Year");
  gtk_test_accessible_assert_property (menu_button, GTK_ACCESSIBLE_PROPERTY_LABEL, "Main Menu");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (menu_button)), ==, "Main Menu");

  for (guint i = 0; i < JD_FIGURE_N; i++)
    {
      JdFigureCard *card = _jd_overview_page_get_card (_jd_window_get_overview_page (window), i);

      g_assert_nonnull (card);
      g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL));
    }

  destroy_window (window);
}

static void
test_welcome (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "welcome.db", NULL);
  g_autoptr(JdDb) db = NULL;
  g_autoptr(GError) error = NULL;
  JdSampleOptions options;
  JdWindow *window;
  GtkWidget *import_button;
  GtkWidget *sample_button;
  JdOverview overview;

  window = open_window (path);
  SPIN_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)), 10);
  g_assert_cmpstr (_jd_window_get_visible_page (window), ==, "welcome");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (_jd_window_get_year_dropdown (window))));

  sample_button = find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Open Sample District");
  g_assert_nonnull (sample_button);
  g_assert_true (gtk_widget_get_sensitive (sample_button));
  g_assert_true (gtk_widget_has_css_class (sample_button, "suggested-action"));

  import_button = find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Import Exchange File…");
  g_assert_nonnull (import_button);
  g_assert_true (gtk_widget_get_sensitive (import_button));
  g_assert_nonnull (gtk_widget_get_tooltip_text (import_button));

  /* Cancelling leaves the database empty and the welcome page up */
  jd_sample_options_init (&options);
  options.records_per_year = 3000;
  options.years = 2;
  _jd_window_set_sample_options (window, &options);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-sample", NULL);
  g_assert_true (_jd_window_get_generating (window));
  g_assert_true (jd_welcome_page_get_generating (_jd_window_get_welcome_page (window)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-sample", NULL);
  SPIN_UNTIL (!_jd_window_get_generating (window), 120);
  g_assert_cmpstr (_jd_window_get_visible_page (window), ==, "welcome");
  g_assert_false (jd_welcome_page_get_generating (_jd_window_get_welcome_page (window)));

  db = jd_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (jd_db_is_empty (db));
  g_clear_object (&db);

  /* Generating shows the overview of what was written */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-sample", NULL);
  g_assert_true (_jd_window_get_generating (window));
  SPIN_UNTIL (!_jd_window_get_generating (window), 120);
  g_assert_cmpstr (_jd_window_get_visible_page (window), ==, "content");

  db = jd_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (jd_db_is_empty (db));
  g_assert_true (jd_stats_overview (db, 0, _jd_window_get_year (window), &overview, &error));
  g_assert_no_error (error);
  {
    g_autofree char *records = jd_format_count (overview.values[JD_FIGURE_RECORDS]);

    g_assert_cmpstr (_jd_overview_page_get_value_text (_jd_window_get_overview_page (window),
                                                       JD_FIGURE_RECORDS), ==, records);
  }

  destroy_window (window);
}

static void
write_too_new_database (const char *path)
{
  g_autofree char *sql = NULL;
  sqlite3 *handle = NULL;

  sql = g_strdup_printf ("PRAGMA application_id = %d;"
                         "PRAGMA user_version = 99;"
                         "CREATE TABLE future (id INTEGER PRIMARY KEY, what TEXT);"
                         "INSERT INTO future (what) VALUES ('from a newer Jiandu');",
                         JD_DB_APPLICATION_ID);
  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
}

static void
test_too_new (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "too-new.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len;
  gsize after_len;
  AdwMessageDialog *dialog;
  JdWindow *window;

  write_too_new_database (path);
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  window = open_window (path);
  SPIN_UNTIL (_jd_window_get_error_dialog (window) != NULL, 10);
  dialog = _jd_window_get_error_dialog (window);

  g_assert_cmpstr (_jd_window_get_visible_page (window), ==, "empty");
  g_assert_null (jd_window_get_database_path (window));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Cannot Open the Database");
  /* It names the file and says what is wrong */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), path));
  g_test_message ("%s", adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "newer version"));
  g_assert_true (adw_message_dialog_has_response (dialog, "quit"));
  g_assert_true (adw_message_dialog_has_response (dialog, "open"));
  g_assert_true (adw_message_dialog_has_response (dialog, "new"));

  /* Escape keeps the window, on its "No Database Open" page */
  adw_message_dialog_response (dialog, "dismiss");
  gtk_window_close (GTK_WINDOW (dialog));
  SPIN_UNTIL (_jd_window_get_error_dialog (window) == NULL, 10);
  g_assert_cmpstr (_jd_window_get_visible_page (window), ==, "empty");

  destroy_window (window);

  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
}

static void
test_foreign_keeps_open_database (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "foreign.db", NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *handle = NULL;
  JdWindow *window;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "CREATE TABLE other (x);", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);

  /* Switching to a refused file keeps what was shown */
  window = open_window (sample_path);
  g_assert_false (jd_window_open_database (window, path, &error));
  g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_FOREIGN);
  g_assert_cmpstr (jd_window_get_database_path (window), ==, sample_path);
  g_assert_cmpstr (_jd_window_get_visible_page (window), ==, "content");

  destroy_window (window);
}

static void
test_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autofree char *default_path = jd_db_default_path ();
  AdwActionRow *location_row;
  AdwActionRow *default_row;
  GtkWidget *preferences;
  JdWindow *window;

  window = open_window (sample_path);
  SPIN_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)), 10);

  preferences = jd_preferences_window_new (window);
  gtk_window_present (GTK_WINDOW (preferences));

  location_row = ADW_ACTION_ROW (find_widget (preferences, ADW_TYPE_ACTION_ROW, "Current Database"));
  default_row = ADW_ACTION_ROW (find_widget (preferences, ADW_TYPE_ACTION_ROW, "Default Location"));
  g_assert_nonnull (location_row);
  g_assert_nonnull (default_row);
  g_assert_cmpstr (adw_action_row_get_subtitle (location_row), ==, sample_path);
  g_assert_cmpstr (adw_action_row_get_subtitle (default_row), ==, default_path);

  /* Use Default reopens the window on the default database (empty here) */
  g_settings_set_string (settings, "database-path", sample_path);
  gtk_widget_activate_action (preferences, "prefs.use-default", NULL);
  g_assert_cmpstr (jd_window_get_database_path (window), ==, default_path);
  g_assert_cmpstr (_jd_window_get_visible_page (window), ==, "welcome");
  g_assert_cmpstr (adw_action_row_get_subtitle (location_row), ==, default_path);
  g_assert_cmpstr (g_settings_get_string (settings, "database-path"), ==, "");

  gtk_window_destroy (GTK_WINDOW (preferences));
  destroy_window (window);
}

static char *
expected_rate_text (JdRate         rate,
                    const JdRatio *ratio)
{
  if (!ratio->defined)
    return g_strdup ("—");
  if (jd_rate_is_share (rate))
    return jd_format_percent (ratio->value);
  {
    gint64 tenths = (gint64) (ratio->value * 10.0 + 0.5);
    g_autofree char *whole = jd_format_count (tenths / 10);

    return g_strdup_printf ("%s.%d", whole, (int) (tenths % 10));
  }
}

/* The dashboard shows what core computes: every rate, leniency and referral */
static void
assert_dashboard_shows (JdOverviewPage *page,
                        JdDb           *db,
                        gint64          agency_id,
                        int             year)
{
  g_autoptr(GError) error = NULL;
  JdDashboard dashboard;

  g_assert_true (jd_dashboard_compute (db, 0, agency_id, year, &dashboard, &error));
  g_assert_no_error (error);
  g_assert_cmpint (jd_overview_page_get_agency_id (page), ==, agency_id);
  g_assert_cmpint (jd_overview_page_get_year (page), ==, year);

  for (guint i = 0; i < JD_RATE_N; i++)
    {
      JdFigureCard *card = _jd_overview_page_get_rate_card (page, i);
      g_autofree char *value = expected_rate_text (i, &dashboard.rates[i]);
      g_autofree char *numerator = jd_format_count (dashboard.rates[i].numerator);
      g_autofree char *denominator = jd_format_count (dashboard.rates[i].denominator);
      g_autofree char *raw = g_strdup_printf (_("%s ÷ %s"), numerator, denominator);
      const char *tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (card));

      g_test_message ("%s: %s", jd_rate_to_id (i), jd_figure_card_get_value_text (card));
      g_assert_cmpstr (jd_figure_card_get_value_text (card), ==, value);
      g_assert_cmpstr (jd_figure_card_get_detail_text (card), ==, raw);
      /* The tooltip gives the formula and the raw numbers */
      g_assert_nonnull (tooltip);
      g_assert_nonnull (strstr (tooltip, jd_rate_to_formula (i)));
      g_assert_nonnull (strstr (tooltip, raw));
      g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL));
    }

  for (guint i = JD_LENIENCY_NOT_PENALISED; i < JD_LENIENCY_N; i++)
    {
      g_autofree char *value = jd_format_count (dashboard.leniency[i]);

      g_assert_cmpstr (jd_figure_card_get_value_text (_jd_overview_page_get_leniency_card (page, i)), ==, value);
    }
  {
    g_autofree char *referrals = jd_format_count (dashboard.referrals);
    g_autofree char *records = jd_format_count (dashboard.overview.values[JD_FIGURE_RECORDS]);
    g_autofree char *fines = jd_format_money (dashboard.overview.values[JD_FIGURE_FINES]);

    g_assert_cmpstr (jd_figure_card_get_value_text (_jd_overview_page_get_leniency_card (page, JD_LENIENCY_NONE)),
                     ==, referrals);
    g_assert_cmpstr (_jd_overview_page_get_value_text (page, JD_FIGURE_RECORDS), ==, records);
    g_assert_cmpstr (_jd_overview_page_get_value_text (page, JD_FIGURE_FINES), ==, fines);
  }
}

/* Long rankings end in a "Show All" row: activating it shows the rest */
static guint
count_ranking_agencies (GtkListBox *list_box)
{
  GtkWidget *last = gtk_widget_get_last_child (GTK_WIDGET (list_box));
  guint n = 0;

  if (last != NULL && _jd_overview_page_get_row_agency (GTK_LIST_BOX_ROW (last)) == 0 &&
      gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (last)))
    g_signal_emit_by_name (list_box, "row-activated", last);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) && _jd_overview_page_get_row_agency (GTK_LIST_BOX_ROW (child)) > 0)
        n++;
    }

  return n;
}

static void
test_dashboard (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autoptr(JdDb) db = NULL;
  g_autoptr(GArray) years = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) agencies = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  JdOverviewPage *page;
  GtkListBox *penalties;
  JdWindow *window;
  int last;

  db = jd_db_open (sample_path, &error);
  g_assert_no_error (error);
  years = jd_db_list_years (db);
  last = g_array_index (years, int, years->len - 1);

  window = open_window (sample_path);
  SPIN_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)), 10);
  page = _jd_window_get_overview_page (window);
  assert_dashboard_shows (page, db, 0, last);

  /* The rankings are core's, in its order */
  agencies = jd_dashboard_list_agencies (db, 0, last, &error);
  g_assert_no_error (error);
  expected = jd_rank_penalties (agencies);
  penalties = _jd_overview_page_get_ranking (page, JD_RANKING_PENALTIES);
  g_assert_cmpuint (expected->len, >, 10);
  /* Folded after ten, with a row that shows the rest */
  g_assert_cmpint (_jd_overview_page_get_row_agency (gtk_list_box_get_row_at_index (penalties, 10)), ==, 0);
  g_assert_null (gtk_list_box_get_row_at_index (penalties, 11));
  g_assert_cmpuint (count_ranking_agencies (penalties), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (penalties, i);
      const JdAgencyYear *agency = g_ptr_array_index (expected, i);

      g_assert_cmpint (_jd_overview_page_get_row_agency (row), ==, agency->id);
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, agency->name);
    }

  /* Activating a ranking row opens that agency */
  g_signal_emit_by_name (penalties, "row-activated", gtk_list_box_get_row_at_index (penalties, 0));
  g_assert_cmpstr (_jd_window_get_visible_view (window), ==, "agencies");
  g_assert_cmpint (jd_overview_page_get_agency_id (_jd_agencies_page_get_agency_page (_jd_window_get_agencies_page (window))),
                   ==, ((JdAgencyYear *) g_ptr_array_index (expected, 0))->id);

  /* The year before, with nothing to compare with */
  g_assert_true (_jd_window_select_year (window, g_array_index (years, int, 0)));
  assert_dashboard_shows (page, db, 0, g_array_index (years, int, 0));
  g_assert_true (_jd_window_select_year (window, last));
  g_settings_set_int (settings, "last-year", 0);

  destroy_window (window);
}

static void
test_rankings_follow_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autoptr(JdDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) agencies = NULL;
  JdOverviewPage *page;
  GtkListBox *departments;
  GtkListBox *top;
  GtkWidget *preferences;
  GtkSpinButton *spin;
  AdwActionRow *row;
  JdWindow *window;
  guint n_departments = 0;
  guint n_with_records = 0;
  int year;

  db = jd_db_open (sample_path, &error);
  g_assert_no_error (error);

  window = open_window (sample_path);
  SPIN_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)), 10);
  page = _jd_window_get_overview_page (window);
  year = jd_overview_page_get_year (page);
  agencies = jd_dashboard_list_agencies (db, 0, year, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < agencies->len; i++)
    {
      const JdAgencyYear *agency = g_ptr_array_index (agencies, i);

      if (agency->kind == JD_AGENCY_KIND_DISTRICT_DEPARTMENT)
        {
          n_departments++;
          if (agency->records > 0)
            n_with_records++;
        }
    }
  g_assert_cmpuint (n_with_records, >, 1);

  departments = _jd_overview_page_get_ranking (page, JD_RANKING_DEPARTMENTS);
  top = _jd_overview_page_get_ranking (page, JD_RANKING_TOP_PER_OFFICER);

  /* Through the preferences window's spin buttons */
  preferences = jd_preferences_window_new (window);
  gtk_window_present (GTK_WINDOW (preferences));
  row = ADW_ACTION_ROW (find_widget (preferences, ADW_TYPE_ACTION_ROW, "_Department Threshold"));
  g_assert_nonnull (row);
  spin = GTK_SPIN_BUTTON (find_widget (GTK_WIDGET (row), GTK_TYPE_SPIN_BUTTON, NULL));
  g_assert_nonnull (spin);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 1000);
  gtk_test_accessible_assert_property (spin, GTK_ACCESSIBLE_PROPERTY_LABEL, "Department Threshold");

  gtk_spin_button_set_value (spin, 0);
  g_assert_cmpint (g_settings_get_int (settings, "ranking-department-threshold"), ==, 0);
  g_assert_cmpuint (count_ranking_agencies (departments), ==, n_with_records);

  gtk_spin_button_set_value (spin, 1000000);
  g_assert_cmpuint (count_ranking_agencies (departments), ==, 0);

  row = ADW_ACTION_ROW (find_widget (preferences, ADW_TYPE_ACTION_ROW, "_Top and Bottom Agencies"));
  spin = GTK_SPIN_BUTTON (find_widget (GTK_WIDGET (row), GTK_TYPE_SPIN_BUTTON, NULL));
  gtk_spin_button_set_value (spin, 2);
  g_assert_cmpuint (count_ranking_agencies (top), ==, 2);
  gtk_spin_button_set_value (spin, 3);
  g_assert_cmpuint (count_ranking_agencies (top), ==, 3);

  /* Shares show as percentages */
  row = ADW_ACTION_ROW (find_widget (preferences, ADW_TYPE_ACTION_ROW, "Three Systems _Minimum"));
  spin = GTK_SPIN_BUTTON (find_widget (GTK_WIDGET (row), GTK_TYPE_SPIN_BUTTON, NULL));
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (spin), 90, 1e-9);
  gtk_spin_button_set_value (spin, 95);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "alert-three-systems-minimum"), 0.95, 1e-9);

  g_settings_reset (settings, "ranking-department-threshold");
  g_settings_reset (settings, "ranking-top-n");
  g_settings_reset (settings, "alert-three-systems-minimum");
  gtk_window_destroy (GTK_WINDOW (preferences));
  destroy_window (window);
}

static const JdAgencyYear *
row_at (GListModel *rows,
        guint       i)
{
  g_autoptr(JdAgencyRowItem) item = g_list_model_get_item (rows, i);

  /* The store keeps the item alive */
  return jd_agency_row_item_get_row (item);
}

static void
test_agencies (void)
{
  g_autoptr(JdDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) agencies = NULL;
  g_autofree char *needle = NULL;
  JdAgenciesPage *page;
  GtkColumnView *column_view;
  GListModel *rows;
  JdOverviewPage *agency_page;
  const JdAgencyYear *busiest;
  JdWindow *window;
  guint n_matching = 0;
  guint n_towns = 0;
  gint64 busiest_id;
  int year;

  db = jd_db_open (sample_path, &error);
  g_assert_no_error (error);

  window = open_window (sample_path);
  SPIN_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)), 10);
  year = _jd_window_get_year (window);
  agencies = jd_dashboard_list_agencies (db, 0, year, &error);
  g_assert_no_error (error);

  page = _jd_window_get_agencies_page (window);
  column_view = _jd_agencies_page_get_column_view (page);
  rows = _jd_agencies_page_get_rows (page);
  g_assert_cmpstr (_jd_agencies_page_get_visible_child (page), ==, "list");

  /* Every agency, by name first */
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, agencies->len);
  for (guint i = 1; i < agencies->len; i++)
    g_assert_cmpint (g_utf8_collate (row_at (rows, i - 1)->name, row_at (rows, i)->name), <=, 0);

  /* Sorting by records, most first, then fewest first */
  gtk_column_view_sort_by_column (column_view,
                                  _jd_agencies_page_get_column (page, JD_AGENCY_COLUMN_RECORDS),
                                  GTK_SORT_DESCENDING);
  for (guint i = 1; i < agencies->len; i++)
    g_assert_cmpint (row_at (rows, i - 1)->records, >=, row_at (rows, i)->records);
  busiest = row_at (rows, 0);
  gtk_column_view_sort_by_column (column_view,
                                  _jd_agencies_page_get_column (page, JD_AGENCY_COLUMN_RECORDS),
                                  GTK_SORT_ASCENDING);
  for (guint i = 1; i < agencies->len; i++)
    g_assert_cmpint (row_at (rows, i - 1)->records, <=, row_at (rows, i)->records);
  /* Every column sorts */
  for (guint c = 0; c < JD_AGENCY_COLUMN_N; c++)
    g_assert_nonnull (gtk_column_view_column_get_sorter (_jd_agencies_page_get_column (page, c)));

  /* ... from the keyboard too: the sort menu, penalties most first, then reversed */
  gtk_widget_activate_action (GTK_WIDGET (page), "agencies.sort", "i", JD_AGENCY_COLUMN_PENALTIES);
  for (guint i = 1; i < agencies->len; i++)
    g_assert_cmpint (row_at (rows, i - 1)->penalties, >=, row_at (rows, i)->penalties);
  gtk_widget_activate_action (GTK_WIDGET (page), "agencies.sort", "i", JD_AGENCY_COLUMN_PENALTIES);
  for (guint i = 1; i < agencies->len; i++)
    g_assert_cmpint (row_at (rows, i - 1)->penalties, <=, row_at (rows, i)->penalties);

  /* Searching by name: the first two characters of the busiest agency */
  needle = g_utf8_substring (busiest->name, 0, 2);
  for (guint i = 0; i < agencies->len; i++)
    if (strstr (((JdAgencyYear *) g_ptr_array_index (agencies, i))->name, needle) != NULL)
      n_matching++;
  g_assert_cmpuint (n_matching, <, agencies->len);
  gtk_editable_set_text (_jd_agencies_page_get_search_entry (page), needle);
  SPIN_UNTIL (g_list_model_get_n_items (rows) == n_matching, 5);
  for (guint i = 0; i < n_matching; i++)
    g_assert_nonnull (strstr (row_at (rows, i)->name, needle));
  gtk_editable_set_text (_jd_agencies_page_get_search_entry (page), "");
  SPIN_UNTIL (g_list_model_get_n_items (rows) == agencies->len, 5);

  /* Filtering by kind */
  for (guint i = 0; i < agencies->len; i++)
    if (((JdAgencyYear *) g_ptr_array_index (agencies, i))->kind == JD_AGENCY_KIND_SUBDISTRICT_TOWN)
      n_towns++;
  gtk_drop_down_set_selected (_jd_agencies_page_get_kind_dropdown (page), 1 + JD_AGENCY_KIND_SUBDISTRICT_TOWN);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_towns);
  gtk_drop_down_set_selected (_jd_agencies_page_get_kind_dropdown (page), 0);
  gtk_test_accessible_assert_property (_jd_agencies_page_get_kind_dropdown (page),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Kind of agency");
  gtk_test_accessible_assert_property (_jd_agencies_page_get_domain_dropdown (page),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Enforcement domain");

  /* Ctrl+F: the search entry, on the agencies page */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  g_assert_cmpstr (_jd_window_get_visible_view (window), ==, "agencies");

  /* Activating the busiest agency opens its dashboard with its records */
  gtk_column_view_sort_by_column (column_view,
                                  _jd_agencies_page_get_column (page, JD_AGENCY_COLUMN_RECORDS),
                                  GTK_SORT_DESCENDING);
  busiest = row_at (rows, 0);
  g_signal_emit_by_name (column_view, "activate", 0);
  g_assert_cmpstr (_jd_agencies_page_get_visible_child (page), ==, "agency");
  agency_page = _jd_agencies_page_get_agency_page (page);
  {
    g_autofree char *records = jd_format_count (busiest->records);

    g_assert_cmpstr (_jd_overview_page_get_value_text (agency_page, JD_FIGURE_RECORDS), ==, records);
    g_assert_nonnull (strstr (_jd_overview_page_get_title (agency_page), busiest->name));
  }
  busiest_id = busiest->id;
  assert_dashboard_shows (agency_page, db, busiest_id, year);
  /* Five years, six figures, plus the headings */
  g_assert_nonnull (gtk_grid_get_child_at (_jd_overview_page_get_history (agency_page), 5, 6));
  g_assert_nonnull (gtk_list_box_get_row_at_index (_jd_overview_page_get_officers (agency_page), 0));

  /* The agency on show follows the year (the rows are new ones then) */
  g_assert_true (_jd_window_select_year (window, year - 1));
  g_assert_cmpstr (_jd_agencies_page_get_visible_child (page), ==, "agency");
  assert_dashboard_shows (agency_page, db, busiest_id, year - 1);
  g_assert_true (_jd_window_select_year (window, year));

  /* Back to the list */
  gtk_widget_activate_action (GTK_WIDGET (page), "agencies.back", NULL);
  g_assert_cmpstr (_jd_agencies_page_get_visible_child (page), ==, "list");

  destroy_window (window);
}

static GtkWindow *
find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
        return l->data;
    }

  return NULL;
}

/* The agency dashboard opens the registry's dialogs, and the figures follow
 * what they write. */
static void
test_registry_editing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDb) db = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "registry-editing.db", NULL);
  JdSampleOptions options;
  JdAgenciesPage *page;
  JdWindow *window;
  GtkWindow *dialog;
  gint64 agency_id, officer_id = 0;
  int year;

  db = jd_db_open (path, &error);
  g_assert_no_error (error);
  jd_sample_options_init (&options);
  options.records_per_year = 2000;
  options.years = 2;
  g_assert_true (jd_sample_generate (db, &options, NULL, NULL, NULL, &error));

  window = open_window (path);
  SPIN_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)), 10);
  year = _jd_window_get_year (window);
  page = _jd_window_get_agencies_page (window);

  /* Editing needs an agency on show */
  gtk_widget_activate_action (GTK_WIDGET (page), "agencies.edit-agency", NULL);
  spin (50);
  g_assert_null (find_toplevel (JD_TYPE_AGENCY_EDITOR));

  {
    g_autoptr(GPtrArray) agencies = jd_dashboard_list_agencies (db, 0, year, &error);
    agency_id = ((JdAgencyYear *) g_ptr_array_index (agencies, 0))->id;
  }
  g_assert_true (jd_agencies_page_open_agency (page, agency_id, 0, &error));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "agencies.edit-agency", NULL));
  SPIN_UNTIL ((dialog = find_toplevel (JD_TYPE_AGENCY_EDITOR)) != NULL, 5);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  gtk_window_destroy (dialog);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "agencies.supervision-figures", NULL));
  SPIN_UNTIL ((dialog = find_toplevel (JD_TYPE_SUPERVISION_FIGURES_DIALOG)) != NULL, 5);
  gtk_window_destroy (dialog);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "agencies.add-officer", NULL));
  SPIN_UNTIL ((dialog = find_toplevel (JD_TYPE_OFFICER_EDITOR)) != NULL, 5);
  gtk_window_destroy (dialog);

  /* A write elsewhere, then the page says the registry changed: the
   * district's figures are recounted */
  {
    JdOfficerInfo officer = { .agency_id = agency_id, .name = "测试员",
                              .certificate_no = "1201999990001", .issued_on = NULL,
                              .expires_on = NULL, .status = JD_CERT_STATUS_VALID };
    g_autofree char *issued = g_strdup_printf ("%d-06-01", year);
    g_autofree char *expires = g_strdup_printf ("%d-06-01", year + 4);
    JdOverview overview;
    g_autofree char *expected = NULL;

    officer.issued_on = issued;
    officer.expires_on = expires;
    g_assert_true (jd_db_add_officer (db, &officer, &officer_id, &error));
    g_assert_no_error (error);
    g_assert_true (jd_stats_overview (db, 0, year, &overview, &error));
    expected = jd_format_count (overview.values[JD_FIGURE_OFFICERS_VALID]);

    g_assert_cmpstr (_jd_overview_page_get_value_text (_jd_window_get_overview_page (window),
                                                       JD_FIGURE_OFFICERS_VALID), !=, expected);
    g_signal_emit_by_name (page, "registry-changed");
    g_assert_cmpstr (_jd_overview_page_get_value_text (_jd_window_get_overview_page (window),
                                                       JD_FIGURE_OFFICERS_VALID), ==, expected);
  }

  /* An officer row's activation opens the officer editor */
  g_signal_emit_by_name (_jd_agencies_page_get_agency_page (page), "officer-activated", officer_id);
  SPIN_UNTIL ((dialog = find_toplevel (JD_TYPE_OFFICER_EDITOR)) != NULL, 5);
  gtk_window_destroy (dialog);
  g_signal_emit_by_name (_jd_agencies_page_get_agency_page (page), "officer-certificate", officer_id);
  SPIN_UNTIL ((dialog = find_toplevel (JD_TYPE_CERTIFICATE_EVENT_DIALOG)) != NULL, 5);
  gtk_window_destroy (dialog);

  destroy_window (window);
}

static void
test_alerts (void)
{
  g_autoptr(JdDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  JdAlertOptions options;
  gboolean seen[JD_ALERT_N] = { FALSE, };
  JdAlertsPage *page;
  JdWindow *window;
  int year;

  db = jd_db_open (sample_path, &error);
  g_assert_no_error (error);

  window = open_window (sample_path);
  SPIN_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)), 10);
  year = _jd_window_get_year (window);
  jd_alert_options_init (&options);
  alerts = jd_dashboard_alerts (db, 0, year, &options, &error);
  g_assert_no_error (error);

  page = _jd_window_get_alerts_page (window);
  g_assert_cmpuint (jd_alerts_page_get_n_alerts (page), ==, alerts->len);

  /* Alt+1, 2 and 3 switch the views */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "alerts");
  g_assert_cmpstr (_jd_window_get_visible_view (window), ==, "alerts");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "overview");
  g_assert_cmpstr (_jd_window_get_visible_view (window), ==, "overview");
  if (alerts->len == 0)
    {
      g_test_skip ("The sample district has no alerts");
      destroy_window (window);
      return;
    }

  for (guint i = 0; i < alerts->len; i++)
    {
      const JdAlert *alert = g_ptr_array_index (alerts, i);
      GtkListBoxRow *row = _jd_alerts_page_get_row (page, i);

      g_assert_nonnull (row);
      g_assert_true (gtk_list_box_row_get_activatable (row));
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, alert->subject);
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, alert->message);
    }

  /* The first alert of each kind opens its agency; an officer's, with the
   * officer's row selected */
  for (guint i = 0; i < alerts->len; i++)
    {
      const JdAlert *alert = g_ptr_array_index (alerts, i);
      JdOverviewPage *agency_page;
      GtkListBoxRow *row;

      if (seen[alert->kind])
        continue;
      seen[alert->kind] = TRUE;

      row = _jd_alerts_page_get_row (page, i);
      g_signal_emit_by_name (gtk_widget_get_parent (GTK_WIDGET (row)), "row-activated", row);
      g_assert_cmpstr (_jd_window_get_visible_view (window), ==, "agencies");
      agency_page = _jd_agencies_page_get_agency_page (_jd_window_get_agencies_page (window));
      g_assert_cmpint (jd_overview_page_get_agency_id (agency_page), ==, alert->agency_id);

      if (alert->officer_id != 0)
        {
          GtkListBoxRow *selected = gtk_list_box_get_selected_row (_jd_overview_page_get_officers (agency_page));

          g_assert_nonnull (selected);
          g_assert_cmpint (_jd_overview_page_get_row_officer (selected), ==, alert->officer_id);
        }
    }

  destroy_window (window);
}

/* The same pages under the zh_CN catalogue as built */
static void
test_chinese (void)
{
  const char *localedir = g_getenv ("JIANDU_LOCALEDIR");
  g_autofree char *mo = NULL;
  g_autoptr(JdDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) agencies = NULL;
  JdAgenciesPage *page;
  GListModel *rows;
  JdWindow *window;
  int year;

  if (localedir == NULL)
    {
      g_test_skip ("JIANDU_LOCALEDIR is not set");
      return;
    }
  mo = g_build_filename (localedir, "zh_CN", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_assert_true (g_file_test (mo, G_FILE_TEST_IS_REGULAR));

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  setlocale (LC_MESSAGES, "");
  g_assert_cmpstr (jd_agency_kind_to_label (JD_AGENCY_KIND_SUBDISTRICT_TOWN), !=, "Street or town");

  db = jd_db_open (sample_path, &error);
  g_assert_no_error (error);

  window = open_window (sample_path);
  SPIN_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)), 10);
  year = _jd_window_get_year (window);
  assert_dashboard_shows (_jd_window_get_overview_page (window), db, 0, year);
  /* Money in 万元 */
  g_assert_nonnull (strstr (_jd_overview_page_get_value_text (_jd_window_get_overview_page (window), JD_FIGURE_FINES),
                            "万元"));

  agencies = jd_dashboard_list_agencies (db, 0, year, &error);
  g_assert_no_error (error);
  page = _jd_window_get_agencies_page (window);
  rows = _jd_agencies_page_get_rows (page);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, agencies->len);
  gtk_drop_down_set_selected (_jd_agencies_page_get_kind_dropdown (page), 0);
  g_signal_emit_by_name (_jd_agencies_page_get_column_view (page), "activate", 0);
  assert_dashboard_shows (_jd_agencies_page_get_agency_page (page), db, row_at (rows, 0)->id, year);

  destroy_window (window);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
generate_sample (void)
{
  g_autoptr(JdDb) db = NULL;
  g_autoptr(GError) error = NULL;
  JdSampleOptions options;

  sample_path = g_build_filename (tmp_dir, "sample.db", NULL);
  db = jd_db_open (sample_path, &error);
  g_assert_no_error (error);

  jd_sample_options_init (&options);
  options.records_per_year = 3000;
  options.years = 2;
  g_assert_true (jd_sample_generate (db, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* "jiandu --database PATH" while Jiandu runs reaches the running one as an
 * open: a window per database, the one already showing it presented again. */
static void
test_open_databases (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdApplication) application = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jiandu-open-XXXXXX", &error);
  g_autofree char *other_path = NULL;
  g_autoptr(GFile) sample = g_file_new_for_path (sample_path);
  g_autoptr(GFile) other = NULL;
  GList *windows;

  g_assert_no_error (error);
  other_path = g_build_filename (dir, "other.jiandu", NULL);
  other = g_file_new_for_path (other_path);

  application = jd_application_new ("io.github.jiandu.Jiandu.TestOpen", g_get_monotonic_time ());
  g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
  g_assert_no_error (error);

  g_application_open (G_APPLICATION (application), &sample, 1, "database");
  g_application_open (G_APPLICATION (application), &other, 1, "database");
  g_application_open (G_APPLICATION (application), &sample, 1, "database");
  spin (50);

  windows = gtk_application_get_windows (GTK_APPLICATION (application));
  g_assert_cmpuint (g_list_length (windows), ==, 2);
  /* the most recently presented first */
  g_assert_cmpstr (jd_window_get_database_path (JD_WINDOW (windows->data)), ==, sample_path);
  g_assert_cmpstr (jd_window_get_database_path (JD_WINDOW (windows->next->data)), ==, other_path);

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (application))) != NULL)
    gtk_window_destroy (GTK_WINDOW (windows->data));
  spin (10);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* Before anything asks GLib for the user's folders */
  tmp_dir = g_dir_make_tmp ("jiandu-test-ui-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  g_test_init (&argc, &argv, NULL);
  gtk_disable_setlocale ();

  if (!gtk_init_check ())
    {
      g_printerr ("No display: skipping the UI tests\n");
      remove_tree (tmp_dir);
      return 77;
    }
  adw_init ();

  generate_sample ();

  g_test_add_func ("/jd/ui/templates", test_templates);
  g_test_add_func ("/jd/ui/open-databases", test_open_databases);
  g_test_add_func ("/jd/ui/overview", test_overview);
  g_test_add_func ("/jd/ui/accessible-labels", test_accessible_labels);
  g_test_add_func ("/jd/ui/welcome", test_welcome);
  g_test_add_func ("/jd/ui/too-new", test_too_new);
  g_test_add_func ("/jd/ui/foreign-keeps-open-database", test_foreign_keeps_open_database);
  g_test_add_func ("/jd/ui/preferences", test_preferences);
  g_test_add_func ("/jd/ui/dashboard", test_dashboard);
  g_test_add_func ("/jd/ui/rankings-follow-preferences", test_rankings_follow_preferences);
  g_test_add_func ("/jd/ui/agencies", test_agencies);
  g_test_add_func ("/jd/ui/alerts", test_alerts);
  g_test_add_func ("/jd/ui/registry-editing", test_registry_editing);
  /* Last: it switches the process to the zh_CN catalogue */
  g_test_add_func ("/jd/ui/chinese", test_chinese);

  ret = g_test_run ();

  remove_tree (tmp_dir);
  g_clear_pointer (&tmp_dir, g_free);
  g_clear_pointer (&sample_path, g_free);

  return ret;
}
