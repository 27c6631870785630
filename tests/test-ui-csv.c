/* test-ui-csv.c: the CSV import dialog, driven headlessly (suite ui)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Needs a display: run with `meson test --setup=headless --suite ui`. Without
 * one it exits 77 (skipped). JD_TEST_SCREENSHOTS=DIR saves the preview and
 * result pages as PNG files in DIR.
 */

#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gstdio.h>

#include "fixture.h"
#include "jd-csv-import.h"
#include "jd-csv-import-dialog.h"
#include "jd-db-private.h"

typedef struct
{
  char    *dir;
  char    *db_path;
  JdDb    *db;
  Fixture  fx;
  guint    n_imported_signals;
  guint    last_imported;
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

  f->dir = g_dir_make_tmp ("jd-test-ui-csv-XXXXXX", &error);
  g_assert_no_error (error);
  /* The dialog's worker opens the file on its own connection */
  f->db_path = g_build_filename (f->dir, "district.db", NULL);
  f->db = jd_db_open (f->db_path, &error);
  g_assert_no_error (error);
  fixture_fill (f->db, &f->fx);
}

static void
ui_teardown (UiFixture     *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_true (jd_db_check_rollups (f->db, &error));
  g_assert_no_error (error);
  g_clear_object (&f->db);

  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->db_path);
}

static void
on_imported_cb (JdCsvImportDialog *dialog,
                guint              n_imported,
                UiFixture         *f)
{
  f->n_imported_signals++;
  f->last_imported = n_imported;
}

static GFile *
data_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "csv", name, NULL);

  return g_file_new_for_path (path);
}

/* The first descendant of ROOT of TYPE (whose button label is LABEL, if given) */
static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (label == NULL ||
       (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)))
    return root;

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

static void
wait_for_result (JdCsvImportDialog *dialog)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (g_str_equal (jd_csv_import_dialog_get_page (dialog), "progress"))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  spin (50);
}

static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  const char *dir = g_getenv ("JD_TEST_SCREENSHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int width, height;

  if (dir == NULL)
    return;

  spin (300);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static JdCsvImportDialog *
open_dialog (UiFixture  *f,
             const char *name)
{
  g_autoptr(GFile) file = data_file (name);
  JdCsvImportDialog *dialog = jd_csv_import_dialog_new (f->db, file, NULL);

  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported_cb), f);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 900, 720);
  gtk_window_present (GTK_WINDOW (dialog));
  spin (100);
  return dialog;
}

static void
test_good_file (UiFixture     *f,
                gconstpointer  data)
{
  JdCsvImportDialog *dialog = open_dialog (f, "chinese.csv");
  gint64 before = query_int (f->db, "SELECT count(*) FROM record");
  GtkWidget *next;
  guint n_rows, n_imported, n_rejected;

  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_cmpstr (jd_csv_import_dialog_get_page (dialog), ==, "preview");
  g_assert_cmpuint (jd_csv_import_dialog_get_n_preview_rows (dialog), ==, 5);

  /* The guessed mapping, preselected */
  g_assert_cmpint (jd_csv_import_dialog_get_column_field (dialog, 0), ==, JD_CSV_FIELD_AGENCY);
  g_assert_cmpint (jd_csv_import_dialog_get_column_field (dialog, 1), ==, JD_CSV_FIELD_CATEGORY);
  g_assert_cmpint (jd_csv_import_dialog_get_column_field (dialog, 4), ==, JD_CSV_FIELD_OPENED_ON);
  g_assert_cmpint (jd_csv_import_dialog_get_column_field (dialog, 7), ==, JD_CSV_FIELD_FINE);
  g_assert_cmpint (jd_csv_import_dialog_get_column_field (dialog, 15), ==, JD_CSV_FIELD_OFFICERS);

  /* The header names 执法主体 and the fields have accessible names */
  gtk_test_accessible_assert_property (find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, NULL),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Field of the column “执法主体”");
  gtk_test_accessible_assert_property (find_widget (GTK_WIDGET (dialog), GTK_TYPE_SWITCH, NULL),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Import Only the Good Rows");

  next = find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Import");
  g_assert_nonnull (next);
  g_assert_true (gtk_widget_get_sensitive (next));

  /* A required field unmapped: Import is off; mapped again: on */
  jd_csv_import_dialog_set_column_field (dialog, 0, JD_CSV_FIELD_NONE);
  g_assert_false (gtk_widget_get_sensitive (next));
  /* Putting the agency on another column takes it from there */
  jd_csv_import_dialog_set_column_field (dialog, 0, JD_CSV_FIELD_CATEGORY);
  g_assert_cmpint (jd_csv_import_dialog_get_column_field (dialog, 1), ==, JD_CSV_FIELD_NONE);
  jd_csv_import_dialog_set_column_field (dialog, 0, JD_CSV_FIELD_AGENCY);
  jd_csv_import_dialog_set_column_field (dialog, 1, JD_CSV_FIELD_CATEGORY);
  g_assert_true (gtk_widget_get_sensitive (next));

  screenshot (GTK_WIDGET (dialog), "csv-preview.png");

  jd_csv_import_dialog_next (dialog);
  wait_for_result (dialog);
  g_assert_cmpstr (jd_csv_import_dialog_get_page (dialog), ==, "result");

  jd_csv_import_dialog_get_counts (dialog, &n_rows, &n_imported, &n_rejected);
  g_assert_cmpuint (n_rows, ==, 5);
  g_assert_cmpuint (n_imported, ==, 5);
  g_assert_cmpuint (n_rejected, ==, 0);
  g_assert_cmpuint (jd_csv_import_dialog_get_n_listed_errors (dialog), ==, 0);
  g_assert_cmpuint (f->n_imported_signals, ==, 1);
  g_assert_cmpuint (f->last_imported, ==, 5);

  /* Written through the worker's own connection, seen through ours */
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM record"), ==, before + 5);

  screenshot (GTK_WIDGET (dialog), "csv-result.png");

  /* Enter closes the result page */
  g_object_ref (dialog);
  jd_csv_import_dialog_next (dialog);
  spin (20);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_object_unref (dialog);
}

static void
test_broken_file (UiFixture     *f,
                  gconstpointer  data)
{
  JdCsvImportDialog *dialog = open_dialog (f, "broken.csv");
  gint64 before = query_int (f->db, "SELECT count(*) FROM record");
  g_autofree char *errors = NULL;
  g_auto(GStrv) lines = NULL;
  GtkWidget *retry;
  guint n_rows, n_imported, n_rejected;

  g_assert_cmpstr (jd_csv_import_dialog_get_page (dialog), ==, "preview");
  g_assert_cmpuint (jd_csv_import_dialog_get_n_preview_rows (dialog), ==, 9);
  screenshot (GTK_WIDGET (dialog), "csv-preview-broken.png");

  /* The default mode: refused, nothing written, every error listed */
  jd_csv_import_dialog_next (dialog);
  wait_for_result (dialog);
  g_assert_cmpstr (jd_csv_import_dialog_get_page (dialog), ==, "result");
  jd_csv_import_dialog_get_counts (dialog, &n_rows, &n_imported, &n_rejected);
  g_assert_cmpuint (n_rows, ==, 9);
  g_assert_cmpuint (n_imported, ==, 0);
  g_assert_cmpuint (n_rejected, ==, 7);
  g_assert_cmpuint (jd_csv_import_dialog_get_n_listed_errors (dialog), ==, 7);
  g_assert_cmpuint (f->n_imported_signals, ==, 0);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM record"), ==, before);

  errors = jd_csv_import_dialog_dup_errors_text (dialog);
  g_assert_nonnull (strstr (errors, ":4: 执法主体: "));
  g_assert_nonnull (strstr (errors, ":9: 罚款金额(元): "));
  lines = g_strsplit (errors, "\n", -1);
  /* seven lines and the empty end */
  g_assert_cmpuint (g_strv_length (lines), ==, 8);

  screenshot (GTK_WIDGET (dialog), "csv-refused.png");

  /* Import Good Rows Only */
  retry = find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "Import _Good Rows Only");
  g_assert_nonnull (retry);
  g_assert_true (gtk_widget_get_visible (retry));
  g_signal_emit_by_name (retry, "clicked");
  wait_for_result (dialog);
  jd_csv_import_dialog_get_counts (dialog, &n_rows, &n_imported, &n_rejected);
  g_assert_cmpuint (n_rows, ==, 9);
  g_assert_cmpuint (n_imported, ==, 2);
  g_assert_cmpuint (n_rejected, ==, 7);
  g_assert_cmpuint (jd_csv_import_dialog_get_n_listed_errors (dialog), ==, 7);
  g_assert_false (gtk_widget_get_visible (retry));
  g_assert_cmpuint (f->n_imported_signals, ==, 1);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM record"), ==, before + 2);

  screenshot (GTK_WIDGET (dialog), "csv-good-rows.png");

  gtk_window_destroy (GTK_WINDOW (dialog));
  spin (20);
}

static void
test_choose_and_escape (UiFixture     *f,
                        gconstpointer  data)
{
  JdCsvImportDialog *dialog = jd_csv_import_dialog_new (f->db, NULL, NULL);
  g_autoptr(GFile) file = data_file ("chinese.csv");

  gtk_window_present (GTK_WINDOW (dialog));
  spin (50);
  g_assert_cmpstr (jd_csv_import_dialog_get_page (dialog), ==, "choose");
  g_assert_true (jd_csv_import_dialog_set_file (dialog, file, NULL));
  g_assert_cmpstr (jd_csv_import_dialog_get_page (dialog), ==, "preview");

  /* Escape outside an import closes */
  g_object_ref (dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.escape", NULL);
  spin (20);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_object_unref (dialog);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM record"), ==, 19);
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

#define ADD(path, func) \
  g_test_add ("/jd/ui-csv/" path, UiFixture, NULL, ui_setup, func, ui_teardown)

  ADD ("good-file", test_good_file);
  ADD ("broken-file", test_broken_file);
  ADD ("choose-and-escape", test_choose_and_escape);

#undef ADD

  return g_test_run ();
}
