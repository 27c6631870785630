/* test-ui-review-results.c: review results, letters, the checklist editor and
 * printing (suite ui)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Needs a display: run with `meson test --setup=headless --suite ui`. Without
 * one it exits 77 (skipped). A small district (tests/fixture.c) gets a
 * batch of every reviewed 2024 file, scored through the core API; the
 * widgets must then show what jd_review_batch_results computes.
 *
 * With JIANDU_RESULTS_SCREENSHOT=FILE.png the Chinese test saves a picture
 * of the results view there.
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "fixture.h"
#include "jd-review-batch.h"
#include "jd-review-letters-view.h"
#include "jd-review-print-dialog.h"
#include "jd-review-results-view.h"
#include "jd-review-template.h"
#include "jd-template-editor.h"

typedef struct
{
  char    *dir;
  JdDb    *db;
  Fixture  fx;
  gint64   batch_id;
  guint    n_files;
} Batch;

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

/* The first item with at least POINTS and no veto, or with a veto (of any
 * effect but NONE) when VETO. */
static const JdReviewItem *
find_item (const JdReviewTemplate *tmpl,
           double                  points,
           gboolean                veto)
{
  for (guint i = 0; i < tmpl->items->len; i++)
    {
      const JdReviewItem *item = g_ptr_array_index (tmpl->items, i);

      if (veto ? (item->veto == JD_VETO_ZERO || item->veto == JD_VETO_FAIL)
               : (item->veto == JD_VETO_NONE && item->points >= points))
        return item;
    }
  return NULL;
}

/* Every reviewed 2024 file of the fixture, scored by one reviewer: files of
 * the market agency lose 1 point, the others 2 and the first file of
 * another agency hits a veto (不合格). The second-to-last file stays
 * unscored. */
static void
batch_setup (Batch         *b,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdReviewBatchSpec) spec = jd_review_batch_spec_new ();
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *path = NULL;
  gint64 reviewer_id;
  gboolean vetoed = FALSE;

  b->dir = g_dir_make_tmp ("jd-ui-review-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (b->dir, "review.db", NULL);
  b->db = jd_db_open (path, &error);
  g_assert_no_error (error);
  fixture_fill (b->db, &b->fx);
  g_assert_true (jd_review_templates_ensure (b->db, &error));
  g_assert_no_error (error);

  spec->name = g_strdup ("2024年度案卷评查");
  spec->year = 2024;
  spec->kind = JD_REVIEW_BATCH_SPOT;
  spec->sample_size = 0;
  spec->sample_percent = 100;
  spec->seed = 42;
  g_ptr_array_add (spec->reviewers, g_strdup ("张三"));
  g_assert_true (jd_review_batch_create (b->db, spec, &b->batch_id, &error));
  g_assert_no_error (error);

  files = jd_review_batch_files (b->db, b->batch_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, >=, 3);
  b->n_files = files->len;

  g_assert_true (jd_review_reviewer_ensure (b->db, "张三", &reviewer_id, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < files->len; i++)
    {
      const JdReviewFile *file = g_ptr_array_index (files, i);
      g_autoptr(JdReviewTemplate) tmpl = jd_review_template_load (b->db, file->template_id, &error);
      g_autoptr(JdReviewSheet) sheet = NULL;
      const JdReviewItem *item;
      gboolean market = file->agency_id == b->fx.market;

      g_assert_no_error (error);
      if (i == files->len - 2)
        continue;
      sheet = jd_review_sheet_open (b->db, file->id, reviewer_id, &error);
      g_assert_no_error (error);

      item = find_item (tmpl, 2, FALSE);
      g_assert_nonnull (item);
      g_assert_true (jd_review_sheet_set_mark (b->db, sheet, item->id, market ? 1 : 2, FALSE,
                                               "缺少送达回证", &error));
      g_assert_no_error (error);
      if (!market && !vetoed && (item = find_item (tmpl, 0, TRUE)) != NULL)
        {
          g_assert_true (jd_review_sheet_set_mark (b->db, sheet, item->id, 0, TRUE,
                                                   "超越职权", &error));
          g_assert_no_error (error);
          vetoed = TRUE;
        }
      g_assert_true (jd_review_sheet_set_finished (b->db, sheet, TRUE, &error));
      g_assert_no_error (error);
    }
  g_assert_true (vetoed);
}

static void
batch_teardown (Batch         *b,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (b->dir, "review.db", NULL);

  g_clear_object (&b->db);
  g_unlink (path);
  g_rmdir (b->dir);
  g_free (b->dir);
}

static GtkWindow *
window_with (GtkWidget *child)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 900);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  spin (100);
  return GTK_WINDOW (window);
}

static char *
format_score (double score)
{
  return g_strdup_printf ("%.1f", score);
}

/* The results view shows what the core computes, in rank order. */
static void
assert_results_shown (JdReviewResultsView *view,
                      Batch               *b)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdReviewResults) results = jd_review_batch_results (b->db, b->batch_id, &error);
  g_autofree char *average = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (results->n_files, ==, b->n_files);
  g_assert_cmpuint (results->n_reviewed, ==, b->n_files - 1);
  g_assert_false (_jd_review_results_view_is_empty (view));

  average = format_score (results->average);
  g_assert_cmpstr (_jd_review_results_view_get_average_text (view), ==, average);

  g_assert_cmpuint (_jd_review_results_view_get_n_agencies (view), ==, results->agencies->len);
  for (guint i = 0; i < results->agencies->len; i++)
    {
      const JdReviewAgencyResult *agency = g_ptr_array_index (results->agencies, i);
      g_autofree char *name = _jd_review_results_view_dup_agency_cell (view, i, JD_RESULTS_AGENCY_NAME);
      g_autofree char *rank = _jd_review_results_view_dup_agency_cell (view, i, JD_RESULTS_AGENCY_RANK);
      g_autofree char *avg = _jd_review_results_view_dup_agency_cell (view, i, JD_RESULTS_AGENCY_AVERAGE);
      g_autofree char *failed = _jd_review_results_view_dup_agency_cell (view, i, JD_RESULTS_AGENCY_FAILED);
      g_autofree char *expected_failed = g_strdup_printf ("%u", agency->n_by_grade[JD_GRADE_FAIL]);

      g_assert_cmpstr (name, ==, agency->agency_name);
      if (agency->n_reviewed > 0)
        {
          g_autofree char *expected_rank = g_strdup_printf ("%u", agency->rank);
          g_autofree char *expected_avg = format_score (agency->average);

          g_assert_cmpstr (rank, ==, expected_rank);
          g_assert_cmpstr (avg, ==, expected_avg);
        }
      g_assert_cmpstr (failed, ==, expected_failed);
    }
}

static void
test_results (Batch         *b,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdReviewResults) results = NULL;
  JdReviewResultsView *view = JD_REVIEW_RESULTS_VIEW (jd_review_results_view_new ());
  GtkWindow *window = window_with (GTK_WIDGET (view));
  g_autoptr(GListModel) columns = NULL;
  g_autoptr(GtkColumnViewColumn) average_column = NULL;
  double previous = G_MAXDOUBLE;
  gboolean any_failed = FALSE;
  guint market_rank = 0;

  gtk_test_accessible_assert_property (_jd_review_results_view_get_agencies_view (view),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Agencies by rank");

  /* Nothing yet: the empty state */
  jd_review_results_view_load (view, b->db, 0);
  g_assert_true (_jd_review_results_view_is_empty (view));

  jd_review_results_view_load (view, b->db, b->batch_id);
  spin (50);
  assert_results_shown (view, b);

  /* By hand: the market agency lost 1 point a file of 100, everyone else
   * at least 2, so it ranks first with an average of 99 */
  results = jd_review_batch_results (b->db, b->batch_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < results->agencies->len; i++)
    {
      const JdReviewAgencyResult *agency = g_ptr_array_index (results->agencies, i);

      if (agency->agency_id == b->fx.market && agency->n_reviewed > 0)
        {
          g_autofree char *cell = _jd_review_results_view_dup_agency_cell (view, i, JD_RESULTS_AGENCY_AVERAGE);

          market_rank = agency->rank;
          g_assert_cmpfloat (agency->average, >=, 99 - 1e-9);
          g_assert_cmpfloat (agency->average, <=, 99 + 1e-9);
          g_assert_cmpstr (cell, ==, "99.0");
        }
      any_failed |= agency->n_by_grade[JD_GRADE_FAIL] > 0;
    }
  g_assert_true (any_failed);
  if (market_rank != 0)
    g_assert_cmpuint (market_rank, ==, 1);

  /* An agency's defects show when it is selected */
  g_assert_cmpuint (_jd_review_results_view_get_n_agency_defects (view), ==, 0);
  _jd_review_results_view_select_agency (view, 0);
  g_assert_cmpuint (_jd_review_results_view_get_n_agency_defects (view), >, 0);

  /* Sorting by average, worst first */
  columns = g_object_ref (gtk_column_view_get_columns (_jd_review_results_view_get_agencies_view (view)));
  average_column = g_list_model_get_item (columns, JD_RESULTS_AGENCY_AVERAGE);
  gtk_column_view_sort_by_column (_jd_review_results_view_get_agencies_view (view), average_column,
                                  GTK_SORT_DESCENDING);
  for (guint i = 0; i < _jd_review_results_view_get_n_agencies (view); i++)
    {
      g_autofree char *cell = _jd_review_results_view_dup_agency_cell (view, i, JD_RESULTS_AGENCY_AVERAGE);
      double value = g_str_equal (cell, "—") ? -1 : g_ascii_strtod (cell, NULL);

      g_assert_cmpfloat (value, <=, previous);
      previous = value;
    }

  gtk_window_destroy (window);
}

static void
test_letters (Batch         *b,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) letters = NULL;
  JdReviewResultsView *results = JD_REVIEW_RESULTS_VIEW (jd_review_results_view_new ());
  JdReviewLettersView *view = JD_REVIEW_LETTERS_VIEW (jd_review_letters_view_new ());
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWindow *window;
  GtkTextBuffer *buffer;
  guint n;
  gint64 first_id;

  gtk_widget_set_vexpand (GTK_WIDGET (view), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (results));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (view));
  window = window_with (box);

  jd_review_letters_view_load (view, b->db, b->batch_id);
  g_assert_cmpuint (_jd_review_letters_view_get_n_letters (view), ==, 0);

  /* Draft Letters: one per agency with defects; a second time, none */
  jd_review_results_view_load (results, b->db, b->batch_id);
  n = _jd_review_results_view_draft_letters (results);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (_jd_review_results_view_draft_letters (results), ==, 0);

  /* Shown again (as when switching tabs), the letters view reads them */
  gtk_widget_set_visible (GTK_WIDGET (view), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (view), TRUE);
  spin (50);
  g_assert_cmpuint (_jd_review_letters_view_get_n_letters (view), ==, n);
  jd_review_letters_view_load (view, b->db, b->batch_id);
  g_assert_cmpuint (_jd_review_letters_view_get_n_letters (view), ==, n);
  g_assert_cmpstr (_jd_review_letters_view_get_status_text (view, 0), ==, "Draft");

  letters = jd_review_letters_list (b->db, b->batch_id, &error);
  g_assert_no_error (error);
  first_id = ((JdReviewLetter *) g_ptr_array_index (letters, 0))->id;
  g_clear_pointer (&letters, g_ptr_array_unref);

  /* Editing the problems is written */
  _jd_review_letters_view_select (view, 0);
  buffer = gtk_text_view_get_buffer (_jd_review_letters_view_get_problems_view (view));
  gtk_text_buffer_set_text (buffer, "一、立案审批表缺少负责人签字。", -1);
  g_assert_true (_jd_review_letters_view_save (view, &error));
  g_assert_no_error (error);
  letters = jd_review_letters_list (b->db, b->batch_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((JdReviewLetter *) g_ptr_array_index (letters, 0))->problems, ==,
                   "一、立案审批表缺少负责人签字。");
  g_clear_pointer (&letters, g_ptr_array_unref);

  /* Issuing: the reply is due 15 days later */
  _jd_review_letters_view_set_today (view, "2025-03-10");
  _jd_review_letters_view_select (view, 0);
  g_assert_true (_jd_review_letters_view_issue (view, "2025-03-01", &error));
  g_assert_no_error (error);
  letters = jd_review_letters_list (b->db, b->batch_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < letters->len; i++)
    {
      const JdReviewLetter *letter = g_ptr_array_index (letters, i);

      if (letter->id != first_id)
        continue;
      g_assert_cmpstr (letter->issued_on, ==, "2025-03-01");
      g_assert_cmpstr (letter->due_on, ==, "2025-03-16");
    }
  g_clear_pointer (&letters, g_ptr_array_unref);
  g_assert_cmpstr (_jd_review_letters_view_get_status_text (view, 0), ==, "Issued, due 2025-03-16");
  g_assert_false (_jd_review_letters_view_row_is_overdue (view, 0));
  g_assert_false (_jd_review_letters_view_issue (view, "2025-13-40", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* Past the deadline without a reply: overdue, highlighted */
  _jd_review_letters_view_set_today (view, "2025-03-17");
  g_assert_cmpstr (_jd_review_letters_view_get_status_text (view, 0), ==, "Overdue, due 2025-03-16");
  g_assert_true (_jd_review_letters_view_row_is_overdue (view, 0));

  /* The reply closes it */
  _jd_review_letters_view_select (view, 0);
  g_assert_true (_jd_review_letters_view_record_reply (view, "2025-03-18", "已整改完毕。", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (_jd_review_letters_view_get_status_text (view, 0), ==, "Replied on 2025-03-18");
  g_assert_false (_jd_review_letters_view_row_is_overdue (view, 0));

  /* Nothing lost on close: an unsaved edit is written when the view goes */
  _jd_review_letters_view_select (view, 0);
  buffer = gtk_text_view_get_buffer (_jd_review_letters_view_get_problems_view (view));
  gtk_text_buffer_set_text (buffer, "关闭前的修改", -1);
  gtk_window_destroy (window);
  spin (50);
  letters = jd_review_letters_list (b->db, b->batch_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < letters->len; i++)
    {
      const JdReviewLetter *letter = g_ptr_array_index (letters, i);

      if (letter->id == first_id)
        {
          g_assert_cmpstr (letter->problems, ==, "关闭前的修改");
          g_assert_cmpstr (letter->replied_on, ==, "2025-03-18");
          g_assert_cmpstr (letter->reply, ==, "已整改完毕。");
        }
    }
}

static void
test_template_editor (Batch         *b,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) templates = jd_review_templates_list (b->db, &error);
  g_autoptr(GPtrArray) versions = NULL;
  g_autofree char *code = NULL;
  g_autofree char *old_name = NULL;
  g_autofree char *new_name = NULL;
  JdTemplateEditor *editor;
  JdReviewTemplate *copy;
  GtkSpinButton *points;
  double value;
  guint n_items, last = 0;
  int version, section;

  g_assert_no_error (error);
  g_assert_cmpuint (templates->len, >, 0);
  code = g_strdup (((JdReviewTemplate *) g_ptr_array_index (templates, 0))->code);
  old_name = g_strdup (((JdReviewTemplate *) g_ptr_array_index (templates, 0))->name);
  g_assert_cmpint (((JdReviewTemplate *) g_ptr_array_index (templates, 0))->version, ==, 1);

  editor = _jd_template_editor_new (NULL, b->db);
  gtk_window_present (GTK_WINDOW (editor));
  spin (100);
  g_assert_true (_jd_template_editor_select (editor, code));
  g_assert_cmpuint (_jd_template_editor_get_n_versions (editor), ==, 1);
  copy = _jd_template_editor_get_template (editor);
  g_assert_nonnull (copy);
  g_assert_cmpstr (copy->code, ==, code);
  g_assert_cmpstr (_jd_template_editor_get_validation_text (editor), ==, "");

  /* Editing through the widgets changes the copy */
  new_name = g_strdup_printf ("%s(修订)", old_name);
  gtk_editable_set_text (GTK_EDITABLE (_jd_template_editor_get_name_row (editor)), new_name);
  g_assert_cmpstr (copy->name, ==, new_name);

  points = _jd_template_editor_get_item_points (editor, 0);
  g_assert_nonnull (points);
  value = gtk_spin_button_get_value (points);
  g_assert_cmpfloat (((JdReviewItem *) g_ptr_array_index (copy->items, 0))->points, ==, value);
  if (copy->mode == JD_SCORING_SUM)
    {
      /* The items no longer add up: the error shows, Save is refused */
      gtk_spin_button_set_value (points, value + 1);
      g_assert_cmpstr (_jd_template_editor_get_validation_text (editor), !=, "");
      gtk_spin_button_set_value (points, value);
      g_assert_cmpstr (_jd_template_editor_get_validation_text (editor), ==, "");
    }

  /* Adding and removing an item */
  n_items = copy->items->len;
  section = ((JdReviewItem *) g_ptr_array_index (copy->items, 0))->section;
  for (guint i = 0; i < n_items; i++)
    {
      if (((JdReviewItem *) g_ptr_array_index (copy->items, i))->section == section)
        last = i;
    }
  _jd_template_editor_add_item (editor, section);
  g_assert_cmpuint (copy->items->len, ==, n_items + 1);
  /* After the section's last item, in checklist order */
  g_assert_cmpstr (((JdReviewItem *) g_ptr_array_index (copy->items, last + 1))->text, ==, "New item");
  g_assert_cmpint (((JdReviewItem *) g_ptr_array_index (copy->items, last + 1))->section, ==, section);
  if (copy->mode == JD_SCORING_SUM)
    g_assert_cmpstr (_jd_template_editor_get_validation_text (editor), !=, "");
  _jd_template_editor_remove_item (editor, last + 1);
  g_assert_cmpuint (copy->items->len, ==, n_items);
  g_assert_cmpstr (_jd_template_editor_get_validation_text (editor), ==, "");

  version = _jd_template_editor_save (editor, &error);
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, 2);
  g_assert_cmpuint (_jd_template_editor_get_n_versions (editor), ==, 2);

  /* Version 1 is as it was */
  versions = jd_review_template_versions (b->db, code, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_cmpint (((JdReviewTemplate *) g_ptr_array_index (versions, 0))->version, ==, 2);
  g_assert_cmpstr (((JdReviewTemplate *) g_ptr_array_index (versions, 0))->name, ==, new_name);
  g_assert_cmpint (((JdReviewTemplate *) g_ptr_array_index (versions, 1))->version, ==, 1);
  g_assert_cmpstr (((JdReviewTemplate *) g_ptr_array_index (versions, 1))->name, ==, old_name);

  /* Export and import again: the next version */
  {
    g_autofree char *path = g_build_filename (b->dir, "checklist.xml", NULL);
    g_autofree char *broken = g_build_filename (b->dir, "broken.xml", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GFile) broken_file = g_file_new_for_path (broken);
    g_autoptr(GListModel) toplevels = NULL;
    AdwMessageDialog *dialog = NULL;

    g_assert_true (jd_review_template_export_xml (_jd_template_editor_get_template (editor), path, &error));
    g_assert_no_error (error);
    {
      g_autoptr(JdReviewTemplate) again = jd_review_template_import_xml (path, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (again->code, ==, code);
    }
    g_assert_true (_jd_template_editor_import (editor, file));
    g_assert_cmpuint (_jd_template_editor_get_n_versions (editor), ==, 3);
    g_assert_cmpint (_jd_template_editor_get_template (editor)->version, ==, 3);

    /* A broken file: a dialog naming the file and the line */
    g_assert_true (g_file_set_contents (broken, "<?xml version=\"1.0\"?>\n<template>\n  <item\n", -1, &error));
    g_assert_no_error (error);
    g_assert_false (_jd_template_editor_import (editor, broken_file));
    toplevels = g_object_ref (gtk_window_get_toplevels ());
    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

        if (ADW_IS_MESSAGE_DIALOG (window))
          dialog = ADW_MESSAGE_DIALOG (window);
      }
    g_assert_nonnull (dialog);
    g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "broken.xml"));
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "broken.xml"));
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "line"));
    gtk_window_destroy (GTK_WINDOW (dialog));
    g_assert_cmpuint (_jd_template_editor_get_n_versions (editor), ==, 3);
    g_unlink (path);
    g_unlink (broken);
  }

  /* Closing with unsaved edits asks first; Discard closes */
  {
    g_autoptr(GListModel) toplevels = NULL;
    AdwMessageDialog *dialog = NULL;

    g_object_ref (editor);
    gtk_editable_set_text (GTK_EDITABLE (_jd_template_editor_get_name_row (editor)), "未保存的名称");
    gtk_window_close (GTK_WINDOW (editor));
    spin (50);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
    toplevels = g_object_ref (gtk_window_get_toplevels ());
    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

        if (ADW_IS_MESSAGE_DIALOG (window))
          dialog = ADW_MESSAGE_DIALOG (window);
      }
    g_assert_nonnull (dialog);
    adw_message_dialog_response (dialog, "discard");
    spin (50);
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));
    g_object_unref (editor);
  }

  /* Nothing was saved by discarding */
  g_clear_pointer (&versions, g_ptr_array_unref);
  versions = jd_review_template_versions (b->db, code, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 3);
  g_assert_cmpstr (((JdReviewTemplate *) g_ptr_array_index (versions, 0))->name, !=, "未保存的名称");
}

static void
test_print (Batch         *b,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (b->dir, "results.pdf", NULL);
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *out = NULL;
  g_autofree char *command = NULL;
  const char *pages;
  int status;

  g_assert_true (_jd_review_print_to_file (b->db, JD_REVIEW_DOC_RESULTS, b->batch_id, 0, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  if (pdfinfo == NULL)
    {
      g_test_message ("pdfinfo not found: page count not checked");
    }
  else
    {
      command = g_strdup_printf ("%s %s", pdfinfo, path);
      g_assert_true (g_spawn_command_line_sync (command, &out, NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_cmpint (status, ==, 0);
      pages = strstr (out, "Pages:");
      g_assert_nonnull (pages);
      g_assert_cmpint (atoi (pages + strlen ("Pages:")), >=, 1);
    }
  g_unlink (path);
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* The results view under the zh_CN catalogue as built */
static void
test_chinese (Batch         *b,
              gconstpointer  data)
{
  const char *localedir = g_getenv ("JIANDU_LOCALEDIR");
  const char *screenshot = g_getenv ("JIANDU_RESULTS_SCREENSHOT");
  g_autofree char *mo = NULL;
  JdReviewResultsView *view;
  JdReviewLettersView *letters;
  GtkWidget *box;
  GtkWindow *window;
  guint n;

  if (localedir == NULL)
    {
      g_test_skip ("JIANDU_LOCALEDIR is not set");
      return;
    }
  mo = g_build_filename (localedir, "zh_CN", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_assert_true (g_file_test (mo, G_FILE_TEST_IS_REGULAR));

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  setlocale (LC_MESSAGES, "");

  /* Opened again, as Jiandu started in Chinese would: the checklists read
   * before the switch (in English) stay cached with the first connection */
  {
    g_autofree char *path = g_build_filename (b->dir, "review.db", NULL);
    g_autoptr(GError) error = NULL;

    g_clear_object (&b->db);
    b->db = jd_db_open (path, &error);
    g_assert_no_error (error);
  }

  view = JD_REVIEW_RESULTS_VIEW (jd_review_results_view_new ());
  letters = JD_REVIEW_LETTERS_VIEW (jd_review_letters_view_new ());
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_vexpand (GTK_WIDGET (view), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (letters), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (view));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (letters));
  window = window_with (box);

  jd_review_results_view_load (view, b->db, b->batch_id);
  assert_results_shown (view, b);

  /* Chinese agency names render with real glyphs */
  {
    g_autofree char *name = _jd_review_results_view_dup_agency_cell (view, 0, JD_RESULTS_AGENCY_NAME);
    g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (view), name);

    g_assert_cmpint (pango_layout_get_unknown_glyphs_count (layout), ==, 0);
  }

  n = _jd_review_results_view_draft_letters (view);
  g_assert_cmpuint (n, >, 0);
  jd_review_letters_view_load (letters, b->db, b->batch_id);
  g_assert_cmpuint (_jd_review_letters_view_get_n_letters (letters), ==, n);
  g_assert_cmpstr (_jd_review_letters_view_get_status_text (letters, 0), ==, C_("letter status", "Draft"));

  /* The built-in checklist's items are named in Chinese in the letter */
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (_jd_review_letters_view_get_problems_view (letters));
    GtkTextIter start, end;
    g_autofree char *problems = NULL;

    _jd_review_letters_view_select (letters, 0);
    gtk_text_buffer_get_bounds (buffer, &start, &end);
    problems = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_nonnull (strstr (problems, "检查来源明确"));
    g_assert_null (strstr (problems, "The source of the inspection"));
  }

  if (screenshot != NULL)
    {
      gtk_window_set_default_size (window, 1100, 860);
      gtk_widget_set_visible (GTK_WIDGET (letters), FALSE);
      spin (500);
      save_screenshot (GTK_WIDGET (window), screenshot);
    }
  if (screenshot != NULL && g_str_has_suffix (screenshot, ".png"))
    {
      g_autofree char *stem = g_strndup (screenshot, strlen (screenshot) - 4);
      g_autofree char *other = g_strconcat (stem, "-letters.png", NULL);
      JdTemplateEditor *editor;

      gtk_widget_set_visible (GTK_WIDGET (view), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (letters), TRUE);
      _jd_review_letters_view_select (letters, 0);
      spin (500);
      save_screenshot (GTK_WIDGET (window), other);

      g_free (other);
      other = g_strconcat (stem, "-editor.png", NULL);
      editor = _jd_template_editor_new (window, b->db);
      gtk_window_set_default_size (GTK_WINDOW (editor), 1100, 800);
      gtk_window_present (GTK_WINDOW (editor));
      spin (800);
      save_screenshot (GTK_WIDGET (editor), other);
      gtk_window_destroy (GTK_WINDOW (editor));
    }

  gtk_window_destroy (window);
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_MESSAGES, "C.UTF-8");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *datadir = NULL;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  g_test_init (&argc, &argv, NULL);
  gtk_disable_setlocale ();
  setlocale (LC_ALL, "C.UTF-8");

  /* The checklist schema from the source tree */
  datadir = g_test_build_filename (G_TEST_DIST, "..", "data", NULL);
  g_setenv ("JIANDU_DATADIR", datadir, TRUE);

  if (!gtk_init_check ())
    {
      g_printerr ("No display: skipping the UI tests\n");
      return 77;
    }
  adw_init ();

  g_test_add ("/jd/ui-review/results", Batch, NULL, batch_setup, test_results, batch_teardown);
  g_test_add ("/jd/ui-review/letters", Batch, NULL, batch_setup, test_letters, batch_teardown);
  g_test_add ("/jd/ui-review/template-editor", Batch, NULL, batch_setup, test_template_editor,
              batch_teardown);
  g_test_add ("/jd/ui-review/print", Batch, NULL, batch_setup, test_print, batch_teardown);
  /* Last: it switches the process to the zh_CN catalogue */
  g_test_add ("/jd/ui-review/chinese", Batch, NULL, batch_setup, test_chinese, batch_teardown);

  return g_test_run ();
}
