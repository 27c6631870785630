/* test-ui-exchange.c: the exchange dialog, driven headlessly (suite ui)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Needs a display: run with `meson test --setup=headless --suite ui`. Without
 * one it exits 77 (skipped). Export from a sample district through the
 * dialog, validate the file, import it into an empty database through the
 * dialog, compare the figures, and import again: the replace question.
 */

#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gstdio.h>

#include "jd-db-private.h"
#include "jd-exchange-dialog.h"
#include "jd-exchange-import.h"
#include "jd-sample.h"
#include "jd-stats.h"

typedef struct
{
  char    *dir;
  JdDb    *source;   /* the sample district */
  JdDb    *target;   /* empty */
  guint    n_exported;
  guint    n_imported;
  char    *message;
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

static gint64
query_int (JdDb       *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (_jd_db_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
ui_setup (UiFixture     *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *source_path = NULL;
  g_autofree char *target_path = NULL;
  JdSampleOptions options;

  f->dir = g_dir_make_tmp ("jd-test-ui-exchange-XXXXXX", &error);
  g_assert_no_error (error);
  /* The dialog's worker opens the files on its own connection */
  source_path = g_build_filename (f->dir, "source.db", NULL);
  target_path = g_build_filename (f->dir, "target.db", NULL);
  f->source = jd_db_open (source_path, &error);
  g_assert_no_error (error);
  f->target = jd_db_open (target_path, &error);
  g_assert_no_error (error);

  jd_sample_options_init (&options);
  options.records_per_year = 1000;
  options.years = 2;
  g_assert_true (jd_sample_generate (f->source, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
ui_teardown (UiFixture     *f,
             gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->source);
  g_clear_object (&f->target);
  g_clear_pointer (&f->message, g_free);

  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static void
on_exported_cb (JdExchangeDialog *dialog,
                const char       *path,
                UiFixture        *f)
{
  f->n_exported++;
}

static void
on_imported_cb (JdExchangeDialog *dialog,
                const char       *message,
                UiFixture        *f)
{
  f->n_imported++;
  g_free (f->message);
  f->message = g_strdup (message);
}

/* Until *N_SIGNALS passes its value at the call, the error page or the
 * question; FALSE on the error page */
static gboolean
wait_for (JdExchangeDialog *dialog,
          guint            *n_signals)
{
  guint before = *n_signals;
  gint64 end_time = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end_time)
    {
      if (*n_signals > before)
        return TRUE;
      if (jd_exchange_dialog_get_question (dialog) != NULL)
        return TRUE;
      if (g_str_equal (jd_exchange_dialog_get_page (dialog), "error"))
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  g_assert_not_reached ();
}

static void
test_round_trip (UiFixture     *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "sample.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JdExchangeSummary summary = { NULL };
  JdExchangeDialog *dialog;
  AdwMessageDialog *question;
  gint64 district_id;
  gint64 records_before;

  /* Export: personal data off by default */
  dialog = jd_exchange_dialog_new_export (f->source, NULL);
  g_object_ref_sink (dialog);
  g_signal_connect (dialog, "exported", G_CALLBACK (on_exported_cb), f);
  gtk_window_present (GTK_WINDOW (dialog));
  spin (50);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_cmpstr (jd_exchange_dialog_get_page (dialog), ==, "options");
  g_assert_false (jd_exchange_dialog_get_personal_data (dialog));
  jd_exchange_dialog_set_years (dialog, 2024, 2025);
  jd_exchange_dialog_run_file (dialog, file);
  g_assert_true (wait_for (dialog, &f->n_exported));
  g_assert_cmpuint (f->n_exported, ==, 1);
  spin (20);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_object_unref (dialog);

  /* The file is a valid exchange file of the two years */
  g_assert_true (jd_exchange_validate (path, &summary, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (summary.first_year, ==, 2024);
  g_assert_cmpint (summary.last_year, ==, 2025);
  g_assert_false (summary.records);
  jd_exchange_summary_clear (&summary);

  /* Import into the empty database */
  dialog = jd_exchange_dialog_new_import (f->target, NULL);
  g_object_ref_sink (dialog);
  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported_cb), f);
  jd_exchange_dialog_run_file (dialog, file);
  g_assert_true (wait_for (dialog, &f->n_imported));
  g_assert_cmpuint (f->n_imported, ==, 1);
  g_assert_nonnull (strstr (f->message, "示例区"));
  g_assert_nonnull (strstr (f->message, "2024"));
  spin (20);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_object_unref (dialog);

  /* The same figures, year by year */
  district_id = query_int (f->target, "SELECT id FROM district WHERE name = '示例区'");
  for (int year = 2024; year <= 2025; year++)
    {
      JdOverview expected, actual;

      memset (&expected, 0, sizeof expected);
      memset (&actual, 0, sizeof actual);
      g_assert_true (jd_stats_overview (f->source, 0, year, &expected, &error));
      g_assert_no_error (error);
      g_assert_true (jd_stats_overview (f->target, district_id, year, &actual, &error));
      g_assert_no_error (error);
      g_assert_cmpint (expected.values[JD_FIGURE_RECORDS], >, 0);
      for (guint i = 0; i < JD_FIGURE_N; i++)
        {
          const char *id = jd_figure_to_id (i);

          /* The file carries agencies and officers as they are at the end
           * of each year, not their changes through it (core, not this
           * dialog: see the report) */
          if (g_str_has_prefix (id, "officers") || g_str_has_prefix (id, "agencies"))
            continue;
          g_assert_cmpint (actual.values[i], ==, expected.values[i]);
        }
      for (guint i = 0; i < JD_CATEGORY_N; i++)
        g_assert_cmpint (actual.records_by_category[i], ==, expected.records_by_category[i]);
    }

  /* Again: the question; Cancel leaves the database as it was */
  records_before = query_int (f->target, "SELECT count(*) FROM district");
  dialog = jd_exchange_dialog_new_import (f->target, NULL);
  g_object_ref_sink (dialog);
  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported_cb), f);
  jd_exchange_dialog_run_file (dialog, file);
  g_assert_true (wait_for (dialog, &f->n_imported));
  g_assert_cmpuint (f->n_imported, ==, 1);
  question = jd_exchange_dialog_get_question (dialog);
  g_assert_nonnull (question);
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Replace 2024–2025 of 示例区?");
  adw_message_dialog_response (question, "cancel");
  spin (20);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpuint (f->n_imported, ==, 1);
  g_object_unref (dialog);

  /* And Replace imports it again */
  dialog = jd_exchange_dialog_new_import (f->target, NULL);
  g_object_ref_sink (dialog);
  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported_cb), f);
  jd_exchange_dialog_run_file (dialog, file);
  g_assert_true (wait_for (dialog, &f->n_imported));
  question = jd_exchange_dialog_get_question (dialog);
  g_assert_nonnull (question);
  adw_message_dialog_response (question, "replace");
  g_assert_null (jd_exchange_dialog_get_question (dialog));
  g_assert_true (wait_for (dialog, &f->n_imported));
  g_assert_cmpuint (f->n_imported, ==, 2);
  g_assert_cmpint (query_int (f->target, "SELECT count(*) FROM district"), ==, records_before);
  spin (20);
  g_object_unref (dialog);
}

static void
test_bad_file (UiFixture     *f,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "bad.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JdExchangeDialog *dialog;

  g_assert_true (g_file_set_contents (path, "<?xml version=\"1.0\"?>\n<exchange>\n  <oops>\n", -1, NULL));

  dialog = jd_exchange_dialog_new_import (f->target, NULL);
  g_object_ref_sink (dialog);
  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported_cb), f);
  jd_exchange_dialog_run_file (dialog, file);
  g_assert_false (wait_for (dialog, &f->n_imported));
  g_assert_cmpstr (jd_exchange_dialog_get_page (dialog), ==, "error");
  /* The error in full: the file and the line */
  g_assert_nonnull (strstr (jd_exchange_dialog_get_error (dialog), "bad.xml"));
  g_assert_cmpuint (f->n_imported, ==, 0);
  g_assert_cmpint (query_int (f->target, "SELECT count(*) FROM district"), ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *datadir = NULL;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  g_test_init (&argc, &argv, NULL);
  gtk_disable_setlocale ();

  /* the schema from the source tree */
  datadir = g_test_build_filename (G_TEST_DIST, "..", "data", NULL);
  g_setenv ("JIANDU_DATADIR", datadir, TRUE);

  if (!gtk_init_check ())
    {
      g_printerr ("No display: skipping the UI tests\n");
      return 77;
    }
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/jd/ui-exchange/" path, UiFixture, NULL, ui_setup, func, ui_teardown)

  ADD ("round-trip", test_round_trip);
  ADD ("bad-file", test_bad_file);

#undef ADD

  return g_test_run ();
}
