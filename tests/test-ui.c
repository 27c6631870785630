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

#include "jd-application.h"
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
  g_assert_false (gtk_widget_get_sensitive (import_button));
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
  g_test_add_func ("/jd/ui/overview", test_overview);
  g_test_add_func ("/jd/ui/accessible-labels", test_accessible_labels);
  g_test_add_func ("/jd/ui/welcome", test_welcome);
  g_test_add_func ("/jd/ui/too-new", test_too_new);
  g_test_add_func ("/jd/ui/foreign-keeps-open-database", test_foreign_keeps_open_database);
  g_test_add_func ("/jd/ui/preferences", test_preferences);

  ret = g_test_run ();

  remove_tree (tmp_dir);
  g_clear_pointer (&tmp_dir, g_free);
  g_clear_pointer (&sample_path, g_free);

  return ret;
}
