/* test-ui-review.c: the Review page, the New Batch dialog and scoring (suite ui)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Needs a display: run with `meson test --setup=headless --suite ui`. Without
 * one it exits 77 (skipped). The same walk runs in English, then under the
 * zh_CN catalogue: create a batch through the dialog, score with the keys
 * (the widget's own shortcuts, triggered as a key press would), check what
 * was written, go on to the next file, close, reopen and resume.
 * JD_TEST_SCREENSHOTS=DIR saves the scoring pane as PNG files there.
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "fixture.h"
#include "jd-review-batch.h"
#include "jd-review-page.h"
#include "jd-window-private.h"

#define YEAR 2024
#define N_DRAWN 4
#define SEED G_GUINT64_CONSTANT (20240601)

#define SPIN_UNTIL(cond, seconds)                                          \
  G_STMT_START {                                                           \
    gint64 _end = g_get_monotonic_time () + (seconds) * G_USEC_PER_SEC;    \
    while (!(cond) && g_get_monotonic_time () < _end)                      \
      {                                                                    \
        if (!g_main_context_iteration (NULL, FALSE))                       \
          g_usleep (1000);                                                 \
      }                                                                    \
    g_assert_true (cond);                                                  \
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

/* Runs what WIDGET's own shortcut for KEYVAL+MODS does, as a key press
 * reaching it would: the binding must exist. */
static void
press_key (GtkWidget       *widget,
           guint            keyval,
           GdkModifierType  mods)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == mods)
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                           GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                                           gtk_shortcut_get_arguments (shortcut)));
              spin (10);
              return;
            }
        }
    }

  g_error ("No shortcut for %s", gdk_keyval_name (keyval));
}

static void
find_named (GtkWidget  *root,
            const char *name,
            GPtrArray  *found)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_named (child, name, found);
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
  g_test_message ("Screenshot: %s", path);
}

static char *
format_points (double points)
{
  if (fabs (points - round (points)) < 0.001)
    return g_strdup_printf ("%.0f", points);
  return g_strdup_printf ("%.1f", points);
}

static JdWindow *
open_window (const char   *path,
             JdReviewPage **out_page)
{
  g_autoptr(GError) error = NULL;
  JdWindow *window = jd_window_new (NULL);
  JdReviewPage *page;

  g_assert_true (jd_window_open_database (window, path, &error));
  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (_jd_window_select_year (window, YEAR));
  spin (50);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "review");
  spin (50);
  g_assert_cmpstr (_jd_window_get_visible_view (window), ==, "review");

  page = JD_REVIEW_PAGE (find_widget (GTK_WIDGET (window), JD_TYPE_REVIEW_PAGE));
  g_assert_nonnull (page);
  *out_page = page;
  return window;
}

static const JdReviewMark *
find_mark (const JdReviewSheet *sheet,
           gint64               item_id)
{
  for (guint i = 0; i < sheet->marks->len; i++)
    {
      const JdReviewMark *mark = &g_array_index (sheet->marks, JdReviewMark, i);

      if (mark->item_id == item_id)
        return mark;
    }
  return NULL;
}

/* The reviewer's sheet of FILE_ID as stored */
static JdReviewSheet *
stored_sheet (JdDb       *db,
              gint64      file_id,
              const char *reviewer)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sheets = jd_review_file_sheets (db, file_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < sheets->len; i++)
    {
      JdReviewSheet *sheet = g_ptr_array_index (sheets, i);

      if (g_strcmp0 (sheet->reviewer_name, reviewer) == 0)
        return g_ptr_array_steal_index (sheets, i);
    }
  return NULL;
}

static void
remove_db (const char *dir,
           const char *path)
{
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *file = g_strconcat (path, (const char *[]) { "", "-wal", "-shm" }[i], NULL);

      g_remove (file);
    }
  g_rmdir (dir);
}

static void
walk (gboolean chinese)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jiandu-review-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(JdDb) db = NULL;
  g_autoptr(GPtrArray) batches = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(JdReviewBatchSpec) spec = NULL;
  g_autoptr(GArray) drawn = NULL;
  g_autoptr(JdReviewTemplate) template = NULL;
  g_autoptr(JdReviewSheet) sheet = NULL;
  g_autofree char *expected_score = NULL;
  g_autofree char *expected_label = NULL;
  g_autofree char *position = NULL;
  JdReviewBatchDialog *dialog;
  JdReviewScoring *scoring;
  const JdReviewFile *first, *second;
  const JdReviewItem *item = NULL;
  const JdReviewMark *mark;
  JdReviewPage *page;
  JdWindow *window;
  JdReviewScore score;
  gint64 batch_id, reviewer_id;
  guint item_index = 0;
  Fixture fx;

  g_assert_no_error (error);
  path = g_build_filename (dir, "review.jiandu", NULL);
  db = jd_db_open (path, &error);
  g_assert_no_error (error);
  fixture_fill (db, &fx);

  window = open_window (path, &page);

  /* No batch yet: the explanation and the New Batch button */
  g_assert_cmpstr (_jd_review_page_get_visible (page), ==, "empty");
  g_assert_cmpuint (_jd_review_page_get_n_batches (page), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (page), "review.new-batch", NULL);
  spin (50);
  dialog = _jd_review_page_get_batch_dialog (page);
  g_assert_nonnull (dialog);

  /* A bad date: the message names the field */
  _jd_review_batch_dialog_fill (dialog, "Spot check", YEAR, N_DRAWN, SEED, "张三, 李四\n王五");
  _jd_review_batch_dialog_set_dates (dialog, "2024-02-30", "");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "batch.create", NULL);
  g_assert_nonnull (_jd_review_batch_dialog_get_message (dialog));
  g_assert_nonnull (strstr (_jd_review_batch_dialog_get_message (dialog), _("Closed from")));
  g_assert_false (_jd_review_batch_dialog_get_busy (dialog));

  /* The preview runs in a worker; then Create does */
  _jd_review_batch_dialog_set_dates (dialog, "", "");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "batch.preview", NULL);
  SPIN_UNTIL (!_jd_review_batch_dialog_get_busy (dialog), 10);
  g_assert_null (_jd_review_batch_dialog_get_message (dialog));
  screenshot (GTK_WIDGET (dialog), chinese ? "review-batch-dialog-zh.png" : "review-batch-dialog-en.png");

  gtk_widget_activate_action (GTK_WIDGET (dialog), "batch.create", NULL);
  SPIN_UNTIL (_jd_review_page_get_n_batches (page) == 1, 20);
  SPIN_UNTIL (_jd_review_page_get_batch_dialog (page) == NULL, 5);

  batches = jd_review_batches_list (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (batches->len, ==, 1);
  batch_id = ((JdReviewBatchInfo *) g_ptr_array_index (batches, 0))->id;
  g_assert_cmpint (_jd_review_page_get_selected_batch (page), ==, batch_id);
  g_assert_cmpstr (_jd_review_page_get_visible (page), ==, "batches");
  g_assert_cmpuint (_jd_review_page_get_n_files (page), ==, N_DRAWN);

  /* What the dialog stated was saved, and the drawn list redraws the same */
  spec = jd_review_batch_load_spec (db, batch_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (spec->seed, ==, SEED);
  g_assert_cmpint (spec->year, ==, YEAR);
  g_assert_cmpuint (spec->sample_size, ==, N_DRAWN);
  g_assert_cmpuint (spec->reviewers->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (spec->reviewers, 0), ==, "张三");
  g_assert_cmpstr (g_ptr_array_index (spec->reviewers, 2), ==, "王五");
  files = jd_review_batch_files (db, batch_id, &error);
  g_assert_no_error (error);
  drawn = jd_review_sample_draw (db, spec, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drawn->len, ==, files->len);
  for (guint i = 0; i < files->len; i++)
    g_assert_cmpint (g_array_index (drawn, gint64, i), ==,
                     ((JdReviewFile *) g_ptr_array_index (files, i))->record_id);
  first = g_ptr_array_index (files, 0);
  second = g_ptr_array_index (files, 1);
  screenshot (GTK_WIDGET (window), chinese ? "review-page-zh.png" : "review-page-en.png");

  /* Scoring opens on the first file, for the first reviewer */
  gtk_widget_activate_action (GTK_WIDGET (page), "review.score", NULL);
  spin (50);
  g_assert_cmpstr (_jd_review_page_get_visible (page), ==, "scoring");
  scoring = _jd_review_page_get_scoring (page);
  g_assert_cmpstr (jd_review_scoring_get_reviewer (scoring), ==, "张三");
  g_assert_cmpint (jd_review_scoring_get_file_id (scoring), ==, first->id);
  /* Translators' text as the widget makes it */
  position = g_strdup_printf (_("File %u of %u"), 1, N_DRAWN);
  g_assert_cmpstr (_jd_review_scoring_get_position_text (scoring), ==, position);
  g_assert_cmpstr (_jd_review_scoring_get_score_text (scoring), ==, "100");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (_jd_review_scoring_get_score_label (scoring)),
                                   GTK_ACCESSIBLE_ROLE_LABEL);

  /* The first item with typical deductions: J moves down the checklist */
  template = jd_review_template_load (db, first->template_id, &error);
  g_assert_no_error (error);
  for (item_index = 0; item_index < template->items->len; item_index++)
    {
      item = g_ptr_array_index (template->items, item_index);
      if (item->n_typical > 0 && item->veto == JD_VETO_NONE)
        break;
    }
  g_assert_cmpuint (item_index, <, template->items->len);
  g_assert_cmpuint (jd_review_scoring_get_item (scoring), ==, 0);
  for (guint i = 0; i < item_index; i++)
    press_key (GTK_WIDGET (scoring), GDK_KEY_j, 0);
  g_assert_cmpuint (jd_review_scoring_get_item (scoring), ==, item_index);
  press_key (GTK_WIDGET (scoring), GDK_KEY_k, 0);
  press_key (GTK_WIDGET (scoring), GDK_KEY_j, 0);
  g_assert_cmpuint (jd_review_scoring_get_item (scoring), ==, item_index);

  /* 1: the item's first typical deduction, written at once */
  press_key (GTK_WIDGET (scoring), GDK_KEY_1, 0);
  sheet = stored_sheet (db, first->id, "张三");
  g_assert_nonnull (sheet);
  mark = find_mark (sheet, item->id);
  g_assert_nonnull (mark);
  g_assert_cmpfloat_with_epsilon (mark->deducted, MIN (item->typical[0], item->points), 1e-9);
  g_assert_cmpint (sheet->status, ==, 1);
  g_assert_cmpuint (sheet->cursor, ==, item_index);

  /* The live total is the template's score of what was written */
  jd_review_template_score (template, (JdReviewMark *) (gpointer) sheet->marks->data,
                            sheet->marks->len, &score);
  g_assert_cmpfloat (score.score, <, template->total_points);
  expected_score = format_points (score.score);
  g_assert_cmpstr (_jd_review_scoring_get_score_text (scoring), ==, expected_score);
  expected_label = g_strdup_printf (_("Score %s, %s"), expected_score, jd_grade_to_label (score.grade));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (_jd_review_scoring_get_score_label (scoring)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, expected_label);

  if (chinese)
    screenshot (GTK_WIDGET (window), "review-scoring-zh.png");
  else
    screenshot (GTK_WIDGET (window), "review-scoring-en.png");

  /* 0 clears the item; 1 again */
  press_key (GTK_WIDGET (scoring), GDK_KEY_0, 0);
  g_clear_pointer (&sheet, jd_review_sheet_free);
  sheet = stored_sheet (db, first->id, "张三");
  g_assert_null (find_mark (sheet, item->id));
  g_assert_cmpstr (_jd_review_scoring_get_score_text (scoring), ==, "100");
  press_key (GTK_WIDGET (scoring), GDK_KEY_1, 0);
  g_assert_cmpstr (_jd_review_scoring_get_score_text (scoring), ==, expected_score);

  /* Next file: Ctrl+Page Down; the batch cursor follows */
  press_key (GTK_WIDGET (scoring), GDK_KEY_Page_Down, GDK_CONTROL_MASK);
  g_assert_cmpint (jd_review_scoring_get_file_id (scoring), ==, second->id);
  g_free (position);
  position = g_strdup_printf (_("File %u of %u"), 2, N_DRAWN);
  g_assert_cmpstr (_jd_review_scoring_get_position_text (scoring), ==, position);
  g_assert_true (jd_review_reviewer_ensure (db, "张三", &reviewer_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (jd_review_cursor_get (db, batch_id, reviewer_id), ==, second->id);

  /* Ctrl+Enter: finished, and on to the third */
  press_key (GTK_WIDGET (scoring), GDK_KEY_Return, GDK_CONTROL_MASK);
  g_clear_pointer (&sheet, jd_review_sheet_free);
  sheet = stored_sheet (db, second->id, "张三");
  g_assert_cmpint (sheet->status, ==, 2);
  g_assert_cmpint (jd_review_scoring_get_file_id (scoring),
                   ==, ((JdReviewFile *) g_ptr_array_index (files, 2))->id);

  /* V on the first item (a legality item: it vetoes), then V again */
  {
    const JdReviewFile *third = g_ptr_array_index (files, 2);
    g_autoptr(JdReviewTemplate) third_template = jd_review_template_load (db, third->template_id, &error);
    const JdReviewItem *legality;

    g_assert_no_error (error);
    legality = g_ptr_array_index (third_template->items, 0);
    g_assert_cmpuint (jd_review_scoring_get_item (scoring), ==, 0);
    g_assert_cmpint (legality->veto, !=, JD_VETO_NONE);
    press_key (GTK_WIDGET (scoring), GDK_KEY_v, 0);
    g_clear_pointer (&sheet, jd_review_sheet_free);
    sheet = stored_sheet (db, third->id, "张三");
    mark = find_mark (sheet, legality->id);
    g_assert_nonnull (mark);
    g_assert_true (mark->veto_hit);
    g_assert_cmpint (sheet->score.veto, ==, legality->veto);
    if (legality->veto == JD_VETO_ZERO)
      g_assert_cmpstr (_jd_review_scoring_get_score_text (scoring), ==, "0");
    press_key (GTK_WIDGET (scoring), GDK_KEY_v, 0);
    g_clear_pointer (&sheet, jd_review_sheet_free);
    sheet = stored_sheet (db, third->id, "张三");
    g_assert_null (find_mark (sheet, legality->id));
    g_assert_cmpstr (_jd_review_scoring_get_score_text (scoring), ==, "100");
  }

  /* Back (Alt+Left) to the first file: on the item left off */
  press_key (GTK_WIDGET (scoring), GDK_KEY_Left, GDK_ALT_MASK);
  press_key (GTK_WIDGET (scoring), GDK_KEY_Page_Up, GDK_CONTROL_MASK);
  g_assert_cmpint (jd_review_scoring_get_file_id (scoring), ==, first->id);
  g_assert_cmpuint (jd_review_scoring_get_item (scoring), ==, item_index);
  g_assert_cmpstr (_jd_review_scoring_get_score_text (scoring), ==, expected_score);

  /* Escape: back to the batch, whose list shows the finished file */
  press_key (GTK_WIDGET (scoring), GDK_KEY_Escape, 0);
  g_assert_cmpstr (_jd_review_page_get_visible (page), ==, "batches");

  gtk_window_destroy (GTK_WINDOW (window));
  spin (20);

  /* Reopening resumes on the file and item the reviewer was on */
  window = open_window (path, &page);
  g_assert_cmpstr (_jd_review_page_get_visible (page), ==, "batches");
  g_assert_cmpint (_jd_review_page_get_selected_batch (page), ==, batch_id);
  gtk_widget_activate_action (GTK_WIDGET (page), "review.score", NULL);
  spin (50);
  scoring = _jd_review_page_get_scoring (page);
  g_assert_cmpstr (jd_review_scoring_get_reviewer (scoring), ==, "张三");
  g_assert_cmpint (jd_review_scoring_get_file_id (scoring), ==, first->id);
  g_assert_cmpuint (jd_review_scoring_get_item (scoring), ==, item_index);
  g_assert_cmpstr (_jd_review_scoring_get_score_text (scoring), ==, expected_score);

  /* A second reviewer on the first file finds the item compliant:
   * Compare shows it, and the second sheet's mark is kept */
  g_assert_true (jd_review_scoring_load (scoring, db, batch_id, "李四", first->id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (jd_review_scoring_get_reviewer (scoring), ==, "李四");
  g_assert_cmpstr (_jd_review_scoring_get_score_text (scoring), ==, "100");
  for (guint i = 0; i < item_index; i++)
    press_key (GTK_WIDGET (scoring), GDK_KEY_j, 0);
  press_key (GTK_WIDGET (scoring), GDK_KEY_1, 0);
  press_key (GTK_WIDGET (scoring), GDK_KEY_0, 0);
  {
    g_autoptr(GPtrArray) sheets = jd_review_file_sheets (db, first->id, &error);
    g_autoptr(GPtrArray) found = g_ptr_array_new ();
    const JdReviewSheet *b = NULL, *reconciled;
    const JdReviewMark *b_mark, *r_mark;
    GtkWindow *compare;
    guint n = 0;

    g_assert_no_error (error);
    for (guint i = 0; i < sheets->len; i++)
      {
        const JdReviewSheet *s = g_ptr_array_index (sheets, i);

        if (s->reviewer_id != 0 && s->status > 0 && ++n == 2)
          b = s;
      }
    g_assert_nonnull (b);
    b_mark = find_mark (b, item->id);

    gtk_widget_activate_action (GTK_WIDGET (scoring), "scoring.compare", NULL);
    spin (50);
    compare = _jd_review_scoring_get_compare_window (scoring);
    g_assert_nonnull (compare);
    find_named (GTK_WIDGET (compare), "second-sheet-choice", found);
    g_assert_cmpuint (found->len, ==, 1);
    gtk_check_button_set_active (g_ptr_array_index (found, 0), TRUE);
    g_ptr_array_set_size (found, 0);
    find_named (GTK_WIDGET (compare), "reconcile-button", found);
    g_assert_cmpuint (found->len, ==, 1);
    g_signal_emit_by_name (g_ptr_array_index (found, 0), "clicked");
    SPIN_UNTIL (_jd_review_scoring_get_compare_window (scoring) == NULL, 5);

    g_clear_pointer (&sheets, g_ptr_array_unref);
    sheets = jd_review_file_sheets (db, first->id, &error);
    g_assert_no_error (error);
    reconciled = g_ptr_array_index (sheets, sheets->len - 1);
    g_assert_cmpint (reconciled->reviewer_id, ==, 0);
    g_assert_cmpint (reconciled->status, ==, 2);
    r_mark = find_mark (reconciled, item->id);
    g_assert_cmpfloat (r_mark != NULL ? r_mark->deducted : 0, ==, b_mark != NULL ? b_mark->deducted : 0);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  spin (20);
  g_clear_object (&db);
  remove_db (dir, path);
}

static void
test_english (void)
{
  walk (FALSE);
}

/* The same walk under the zh_CN catalogue as built */
static void
test_chinese (void)
{
  const char *localedir = g_getenv ("JIANDU_LOCALEDIR");
  g_autofree char *mo = NULL;

  if (localedir == NULL)
    {
      g_test_skip ("JIANDU_LOCALEDIR is not set");
      return;
    }
  mo = g_build_filename (localedir, "zh_CN", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_assert_true (g_file_test (mo, G_FILE_TEST_IS_REGULAR));

  /* As main.c does: the templates and _() read the default domain */
  textdomain (GETTEXT_PACKAGE);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  setlocale (LC_MESSAGES, "");
  g_assert_cmpstr (jd_category_to_label (JD_CATEGORY_PENALTY), ==, "行政处罚");

  walk (TRUE);
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

  g_test_add_func ("/jd/ui-review/english", test_english);
  /* Last: it switches the process to the zh_CN catalogue */
  g_test_add_func ("/jd/ui-review/chinese", test_chinese);

  return g_test_run ();
}
