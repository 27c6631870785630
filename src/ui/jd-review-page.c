/* jd-review-page.c: the Review page (评查): batches, their files, scoring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On the left the review batches with New Batch…; on the right the selected
 * batch: its seed and scope, and three views: the drawn files, the results
 * and the supervision letters. Activating a file (or Score…) replaces the
 * whole page with the scoring pane, whose back button returns here.
 */

#define G_LOG_DOMAIN "jd-review-page"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "jd-registry.h"
#include "jd-review-batch.h"
#include "jd-review-letters-view.h"
#include "jd-review-page.h"
#include "jd-review-print-dialog.h"
#include "jd-review-results-view.h"
#include "jd-template-editor.h"

struct _JdReviewPage
{
  AdwBin               parent_instance;

  /* Template widgets */
  GtkStack            *stack;
  GtkListBox          *batch_list;
  GtkStack            *content_stack;
  GtkLabel            *title_label;
  GtkLabel            *scope_label;
  GtkLabel            *seed_label;
  AdwViewStack        *batch_stack;
  GtkBox              *files_header;
  GtkListBox          *files_list;
  JdReviewResultsView *results_view;
  JdReviewLettersView *letters_view;
  JdReviewScoring     *scoring;

  /* Owned references */
  JdDb                *db;
  GPtrArray           *batches;      /* JdReviewBatchInfo* */
  GPtrArray           *files;        /* JdReviewFile* of the selected batch */
  GHashTable          *reviewers;    /* batch id → the reviewer last chosen (char*) */
  GtkSizeGroup        *column_groups[8];  /* the files' cells, by column: aligned under the titles */

  /* Weak references */
  JdReviewBatchDialog *batch_dialog;

  gint64               batch_id;
  gboolean             filling;
};

G_DEFINE_FINAL_TYPE (JdReviewPage, jd_review_page, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Reviews changed in a way other pages show (the alerts of failing files) */
static void
emit_changed (JdReviewPage *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The columns of the files list, with their widths in characters */
static const struct
{
  const char *title;
  int         width;
  gboolean    expand;
} file_columns[] = {
  { N_("No."), 4, FALSE },
  { N_("Agency"), 14, TRUE },
  { N_("Decision No."), 16, TRUE },
  { N_("Party"), 10, TRUE },
  { N_("Closed"), 10, FALSE },
  { N_("Status"), 8, FALSE },
  { N_("Score"), 5, FALSE },
  { N_("Grade"), 5, FALSE },
};

static GtkWindow *
get_parent_window (JdReviewPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
report_error (JdReviewPage *self,
              const GError *error)
{
  AdwMessageDialog *dialog;

  g_warning ("%s", error->message);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_parent_window (self),
                                                       _("Review"), error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
format_points (double points)
{
  if (fabs (points - round (points)) < 0.001)
    return g_strdup_printf ("%.0f", points);
  return g_strdup_printf ("%.1f", points);
}

static const JdReviewBatchInfo *
find_batch (JdReviewPage *self,
            gint64        batch_id)
{
  for (guint i = 0; self->batches != NULL && i < self->batches->len; i++)
    {
      const JdReviewBatchInfo *info = g_ptr_array_index (self->batches, i);

      if (info->id == batch_id)
        return info;
    }

  return NULL;
}

static GtkWidget *
make_batch_row (const JdReviewBatchInfo *info)
{
  g_autofree char *subtitle = NULL;
  GtkWidget *row, *box, *title, *detail;

  /* Translators: a batch in the list: year, kind, files finished of drawn */
  subtitle = g_strdup_printf (_("%d · %s · %u of %u finished"), info->year,
                              jd_review_batch_kind_to_label (info->kind),
                              info->n_finished, info->n_files);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  title = gtk_label_new (info->name);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), title);
  detail = gtk_label_new (subtitle);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_box_append (GTK_BOX (box), detail);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, info->name);
  g_object_set_data (G_OBJECT (row), "jd-batch", (gpointer) info);
  {
    g_autofree char *label = g_strdup_printf ("%s, %s", info->name, subtitle);

    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  }

  return row;
}

static GtkWidget *
make_cell (JdReviewPage *self,
           const char   *text,
           guint         column,
           gboolean      heading)
{
  GtkWidget *label = gtk_label_new (text != NULL && *text != '\0' ? text : "—");

  gtk_size_group_add_widget (self->column_groups[column], label);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_width_chars (GTK_LABEL (label), file_columns[column].width);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, file_columns[column].expand);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  if (column == 0 || column >= 4)
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

static const char *
status_label (int status)
{
  switch (status)
    {
    case 2:
      return _("Finished");
    case 1:
      return _("In progress");
    default:
      return _("Not started");
    }
}

static GtkWidget *
make_file_row (JdReviewPage       *self,
               const JdReviewFile *file)
{
  g_autofree char *seq = g_strdup_printf ("%u", file->seq);
  g_autofree char *score = file->status == 2 ? format_points (file->score) : NULL;
  g_autofree char *label = NULL;
  const char *grade = file->status == 2 ? jd_grade_to_label (file->grade) : NULL;
  const char *cells[G_N_ELEMENTS (file_columns)] = {
    seq, file->agency_name, file->decision_no, file->party, file->closed_on,
    status_label (file->status), score, grade,
  };
  GtkWidget *row, *box;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  for (guint c = 0; c < G_N_ELEMENTS (file_columns); c++)
    gtk_box_append (GTK_BOX (box), make_cell (self, cells[c], c, FALSE));

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "jd-file", (gpointer) file);

  /* Translators: a drawn file, read out: number, agency, decision no., party, status */
  label = g_strdup_printf (_("File %u: %s, %s, %s, %s"), file->seq,
                           file->agency_name != NULL ? file->agency_name : "",
                           file->decision_no != NULL ? file->decision_no : "",
                           file->party != NULL ? file->party : "",
                           status_label (file->status));
  if (score != NULL)
    {
      g_autofree char *with_score = g_strdup_printf ("%s, %s %s", label, score, grade);

      g_free (label);
      label = g_steal_pointer (&with_score);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static char *
describe_scope (JdReviewPage            *self,
                const JdReviewBatchSpec *spec)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *sample = NULL;

  if (spec->agency_ids->len == 0)
    g_string_append (text, _("All agencies"));
  else if (spec->agency_ids->len > 4)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u agency", "%u agencies",
                                               spec->agency_ids->len),
                            spec->agency_ids->len);
  else
    {
      for (guint i = 0; i < spec->agency_ids->len; i++)
        {
          g_autoptr(JdAgency) agency = jd_registry_get_agency (self->db,
                                                               g_array_index (spec->agency_ids, gint64, i),
                                                               NULL);

          if (i > 0)
            g_string_append (text, _(", "));
          g_string_append (text, agency != NULL ? agency->name : "?");
        }
    }

  g_string_append (text, " · ");
  if (spec->categories->len == 0)
    g_string_append (text, _("Every reviewed category"));
  else
    {
      for (guint i = 0; i < spec->categories->len; i++)
        {
          if (i > 0)
            g_string_append (text, _(", "));
          g_string_append (text, jd_category_to_label (g_array_index (spec->categories, int, i)));
        }
    }

  g_string_append (text, " · ");
  if (spec->closed_from != NULL || spec->closed_to != NULL)
    /* Translators: the dates a batch's files were closed between */
    g_string_append_printf (text, _("closed %s to %s"),
                            spec->closed_from != NULL ? spec->closed_from : "…",
                            spec->closed_to != NULL ? spec->closed_to : "…");
  else
    /* Translators: %d is the year */
    g_string_append_printf (text, _("closed in %d"), spec->year);

  g_string_append (text, " · ");
  if (spec->sample_size > 0)
    sample = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file drawn", "%u files drawn",
                                           spec->sample_size), spec->sample_size);
  else
    /* Translators: the sample's share of the files in scope */
    sample = g_strdup_printf (_("%.1f%% of the files drawn"), spec->sample_percent);
  g_string_append (text, sample);

  if (spec->reviewers->len > 0)
    {
      g_autofree char *names = NULL;

      g_ptr_array_add (spec->reviewers, NULL);
      names = g_strjoinv (_(", "), (char **) spec->reviewers->pdata);
      g_ptr_array_remove_index (spec->reviewers, spec->reviewers->len - 1);
      g_string_append (text, "\n");
      /* Translators: %s lists the reviewers' names */
      g_string_append_printf (text, _("Reviewers: %s"), names);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
update_actions (JdReviewPage *self)
{
  gboolean has_batch = self->batch_id != 0;
  gboolean has_files = has_batch && self->files != NULL && self->files->len > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.new-batch", self->db != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.templates", self->db != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.score", has_files);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.delete-batch", has_batch);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.print-blank", has_batch);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.print-sheets", has_files);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.print-results", has_files);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.print-letters", has_batch);
}

/* The files of the selected batch, keeping the selected file */
static gboolean
fill_files (JdReviewPage  *self,
            GError       **error)
{
  g_autoptr(GPtrArray) files = NULL;
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (self->files_list);
  gint64 selected_id = 0;

  if (selected != NULL)
    selected_id = ((const JdReviewFile *) g_object_get_data (G_OBJECT (selected), "jd-file"))->id;

  files = jd_review_batch_files (self->db, self->batch_id, error);
  if (files == NULL)
    return FALSE;

  clear_list (self->files_list);
  g_clear_pointer (&self->files, g_ptr_array_unref);
  self->files = g_steal_pointer (&files);

  for (guint i = 0; i < self->files->len; i++)
    {
      const JdReviewFile *file = g_ptr_array_index (self->files, i);
      GtkWidget *row = make_file_row (self, file);

      gtk_list_box_append (self->files_list, row);
      if (file->id == selected_id)
        gtk_list_box_select_row (self->files_list, GTK_LIST_BOX_ROW (row));
    }

  return TRUE;
}

static gboolean
show_batch (JdReviewPage  *self,
            gint64         batch_id,
            GError       **error)
{
  g_autoptr(JdReviewBatchSpec) spec = NULL;
  g_autofree char *scope = NULL;
  g_autofree char *seed = NULL;
  g_autofree char *seed_number = NULL;
  const JdReviewBatchInfo *info = find_batch (self, batch_id);

  g_assert (JD_IS_REVIEW_PAGE (self));

  if (info == NULL)
    return TRUE;

  spec = jd_review_batch_load_spec (self->db, batch_id, error);
  if (spec == NULL)
    return FALSE;

  if (self->batch_id != batch_id)
    clear_list (self->files_list);
  self->batch_id = batch_id;

  gtk_label_set_text (self->title_label, info->name);
  scope = describe_scope (self, spec);
  gtk_label_set_text (self->scope_label, scope);
  /* Translators: the batch's random seed and the day it was drawn; with the
   * seed anyone can draw the same sample again */
  seed_number = g_strdup_printf ("%" G_GUINT64_FORMAT, info->seed);
  seed = g_strdup_printf (_("Seed %s, drawn on %s: drawing again with this seed gives the same files"),
                          seed_number, info->created_on != NULL ? info->created_on : "—");
  gtk_label_set_text (self->seed_label, seed);

  if (!fill_files (self, error))
    return FALSE;

  jd_review_results_view_load (self->results_view, self->db, batch_id);
  jd_review_letters_view_load (self->letters_view, self->db, batch_id);

  update_actions (self);
  return TRUE;
}

static gboolean
fill_batches (JdReviewPage  *self,
              gint64         select_id,
              GError       **error)
{
  g_autoptr(GPtrArray) batches = NULL;
  GtkListBoxRow *selected_row = NULL;

  batches = jd_review_batches_list (self->db, error);
  if (batches == NULL)
    return FALSE;

  self->filling = TRUE;
  clear_list (self->batch_list);
  g_clear_pointer (&self->batches, g_ptr_array_unref);
  self->batches = g_steal_pointer (&batches);

  for (guint i = 0; i < self->batches->len; i++)
    {
      const JdReviewBatchInfo *info = g_ptr_array_index (self->batches, i);
      GtkWidget *row = make_batch_row (info);

      gtk_list_box_append (self->batch_list, row);
      if (info->id == select_id || (selected_row == NULL && i == 0))
        selected_row = GTK_LIST_BOX_ROW (row);
    }

  if (selected_row != NULL)
    gtk_list_box_select_row (self->batch_list, selected_row);
  self->filling = FALSE;

  if (self->batches->len == 0)
    {
      self->batch_id = 0;
      g_clear_pointer (&self->files, g_ptr_array_unref);
      clear_list (self->files_list);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      update_actions (self);
      return TRUE;
    }

  if (!g_str_equal (gtk_stack_get_visible_child_name (self->stack), "scoring"))
    gtk_stack_set_visible_child_name (self->stack, "batches");

  return show_batch (self, ((const JdReviewBatchInfo *) g_object_get_data (G_OBJECT (selected_row),
                                                                           "jd-batch"))->id, error);
}

static void
on_batch_selected_cb (JdReviewPage  *self,
                      GtkListBoxRow *row,
                      GtkListBox    *list)
{
  g_autoptr(GError) error = NULL;
  const JdReviewBatchInfo *info;

  if (self->filling || row == NULL)
    return;

  info = g_object_get_data (G_OBJECT (row), "jd-batch");
  if (info != NULL && info->id != self->batch_id && !show_batch (self, info->id, &error))
    report_error (self, error);
}

static void
open_scoring (JdReviewPage *self,
              gint64        file_id)
{
  g_autoptr(GError) error = NULL;
  const char *reviewer;

  if (self->batch_id == 0)
    return;

  reviewer = g_hash_table_lookup (self->reviewers, &self->batch_id);
  if (!jd_review_scoring_load (self->scoring, self->db, self->batch_id, reviewer, file_id, &error))
    {
      report_error (self, error);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "scoring");
  gtk_widget_grab_focus (GTK_WIDGET (self->scoring));
  if (jd_review_scoring_get_item (self->scoring) != G_MAXUINT)
    {
      GtkWidget *row = _jd_review_scoring_get_item_row (self->scoring,
                                                        jd_review_scoring_get_item (self->scoring));

      if (row != NULL)
        gtk_widget_grab_focus (row);
    }
}

static void
on_file_activated_cb (JdReviewPage  *self,
                      GtkListBoxRow *row,
                      GtkListBox    *list)
{
  const JdReviewFile *file = g_object_get_data (G_OBJECT (row), "jd-file");

  if (file != NULL)
    open_scoring (self, file->id);
}

static void
refresh_batches (JdReviewPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!fill_batches (self, self->batch_id, &error))
    report_error (self, error);
}

static void
on_scoring_closed_cb (JdReviewPage    *self,
                      JdReviewScoring *scoring)
{
  gint64 file_id = jd_review_scoring_get_file_id (scoring);
  gint64 *key;

  key = g_new (gint64, 1);
  *key = self->batch_id;
  g_hash_table_replace (self->reviewers, key, g_strdup (jd_review_scoring_get_reviewer (scoring)));

  refresh_batches (self);
  gtk_stack_set_visible_child_name (self->stack, "batches");

  /* Back on the file that was being scored */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->files_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      const JdReviewFile *file = g_object_get_data (G_OBJECT (row), "jd-file");

      if (file != NULL && file->id == file_id)
        {
          gtk_list_box_select_row (self->files_list, GTK_LIST_BOX_ROW (row));
          gtk_widget_grab_focus (row);
          break;
        }
    }
}

static void
on_scoring_changed_cb (JdReviewPage    *self,
                       gint64           file_id,
                       JdReviewScoring *scoring)
{
  emit_changed (self);
}

static void
on_batch_created_cb (JdReviewPage        *self,
                     gint64               batch_id,
                     JdReviewBatchDialog *dialog)
{
  g_autoptr(GError) error = NULL;

  if (!fill_batches (self, batch_id, &error))
    report_error (self, error);
  gtk_stack_set_visible_child_name (self->stack, "batches");
  adw_view_stack_set_visible_child_name (self->batch_stack, "files");
  emit_changed (self);
}

static void
new_batch_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  JdReviewPage *self = JD_REVIEW_PAGE (widget);
  JdReviewBatchDialog *dialog;

  if (self->db == NULL)
    return;
  if (self->batch_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->batch_dialog));
      return;
    }

  dialog = jd_review_batch_dialog_new (self->db, get_parent_window (self));
  g_signal_connect_object (dialog, "created", G_CALLBACK (on_batch_created_cb), self, G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->batch_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
templates_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  JdReviewPage *self = JD_REVIEW_PAGE (widget);

  if (self->db != NULL)
    jd_template_editor_present (get_parent_window (self), self->db);
}

static void
score_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  jd_review_page_score (JD_REVIEW_PAGE (widget), 0);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  JdReviewPage *self = JD_REVIEW_PAGE (widget);
  JdReviewDocKind kind = JD_REVIEW_DOC_BLANK_SHEETS;

  if (self->batch_id == 0)
    return;

  if (g_str_equal (action_name, "review.print-sheets"))
    kind = JD_REVIEW_DOC_FILLED_SHEETS;
  else if (g_str_equal (action_name, "review.print-results"))
    kind = JD_REVIEW_DOC_RESULTS;
  else if (g_str_equal (action_name, "review.print-letters"))
    kind = JD_REVIEW_DOC_LETTERS;

  jd_review_print_run (get_parent_window (self), self->db, kind, self->batch_id, 0);
}

static void
on_delete_response_cb (JdReviewPage     *self,
                       const char       *response,
                       AdwMessageDialog *dialog)
{
  g_autoptr(GError) error = NULL;
  const gint64 *id = g_object_get_data (G_OBJECT (dialog), "jd-batch-id");
  gint64 batch_id = id != NULL ? *id : 0;

  if (!g_str_equal (response, "delete") || batch_id == 0)
    return;

  if (!jd_review_batch_delete (self->db, batch_id, &error))
    {
      report_error (self, error);
      return;
    }

  self->batch_id = 0;
  if (!fill_batches (self, 0, &error))
    report_error (self, error);
  emit_changed (self);
}

static void
delete_batch_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  JdReviewPage *self = JD_REVIEW_PAGE (widget);
  const JdReviewBatchInfo *info = find_batch (self, self->batch_id);
  g_autofree char *heading = NULL;
  gint64 *id;
  AdwMessageDialog *dialog;

  if (info == NULL)
    return;

  /* Translators: %s is the batch's name */
  heading = g_strdup_printf (_("Delete “%s”?"), info->name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_parent_window (self), heading,
                                                       _("The drawn list, every review sheet and the "
                                                         "letters of this batch are deleted. This cannot "
                                                         "be undone.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  id = g_new (gint64, 1);
  *id = info->id;
  g_object_set_data_full (G_OBJECT (dialog), "jd-batch-id", id, g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
jd_review_page_dispose (GObject *object)
{
  JdReviewPage *self = JD_REVIEW_PAGE (object);

  if (self->batch_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->batch_dialog));
  g_clear_weak_pointer (&self->batch_dialog);

  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_REVIEW_PAGE);

  G_OBJECT_CLASS (jd_review_page_parent_class)->dispose (object);
}

static void
jd_review_page_finalize (GObject *object)
{
  JdReviewPage *self = JD_REVIEW_PAGE (object);

  g_clear_object (&self->db);
  g_clear_pointer (&self->batches, g_ptr_array_unref);
  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_pointer (&self->reviewers, g_hash_table_unref);
  for (guint c = 0; c < G_N_ELEMENTS (self->column_groups); c++)
    g_clear_object (&self->column_groups[c]);

  G_OBJECT_CLASS (jd_review_page_parent_class)->finalize (object);
}

static void
jd_review_page_class_init (JdReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_review_page_dispose;
  object_class->finalize = jd_review_page_finalize;

  /* A file was scored, finished or reconciled, a batch came or went, or a
   * letter was issued or answered */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (JD_TYPE_REVIEW_RESULTS_VIEW);
  g_type_ensure (JD_TYPE_REVIEW_LETTERS_VIEW);
  g_type_ensure (JD_TYPE_REVIEW_SCORING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/jd-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JdReviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, JdReviewPage, batch_list);
  gtk_widget_class_bind_template_child (widget_class, JdReviewPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, JdReviewPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, JdReviewPage, scope_label);
  gtk_widget_class_bind_template_child (widget_class, JdReviewPage, seed_label);
  gtk_widget_class_bind_template_child (widget_class, JdReviewPage, batch_stack);
  gtk_widget_class_bind_template_child (widget_class, JdReviewPage, files_header);
  gtk_widget_class_bind_template_child (widget_class, JdReviewPage, files_list);
  gtk_widget_class_bind_template_child (widget_class, JdReviewPage, results_view);
  gtk_widget_class_bind_template_child (widget_class, JdReviewPage, letters_view);
  gtk_widget_class_bind_template_child (widget_class, JdReviewPage, scoring);

  gtk_widget_class_install_action (widget_class, "review.new-batch", NULL, new_batch_action);
  gtk_widget_class_install_action (widget_class, "review.templates", NULL, templates_action);
  gtk_widget_class_install_action (widget_class, "review.score", NULL, score_action);
  gtk_widget_class_install_action (widget_class, "review.delete-batch", NULL, delete_batch_action);
  gtk_widget_class_install_action (widget_class, "review.print-blank", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "review.print-sheets", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "review.print-results", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "review.print-letters", NULL, print_action);
}

static void
jd_review_page_init (JdReviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->reviewers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint c = 0; c < G_N_ELEMENTS (self->column_groups); c++)
    self->column_groups[c] = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);

  /* The column titles over the files */
  gtk_box_set_spacing (self->files_header, 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self->files_header), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->files_header), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->files_header), 6);
  for (guint c = 0; c < G_N_ELEMENTS (file_columns); c++)
    {
      GtkWidget *cell = make_cell (self, _(file_columns[c].title), c, TRUE);

      gtk_widget_add_css_class (cell, "dim-label");
      gtk_box_append (self->files_header, cell);
    }

  g_signal_connect_object (self->batch_list, "row-selected",
                           G_CALLBACK (on_batch_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->files_list, "row-activated",
                           G_CALLBACK (on_file_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->scoring, "closed",
                           G_CALLBACK (on_scoring_closed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->scoring, "changed",
                           G_CALLBACK (on_scoring_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->letters_view, "changed",
                           G_CALLBACK (emit_changed), self, G_CONNECT_SWAPPED);

  gtk_stack_set_visible_child_name (self->stack, "empty");
  update_actions (self);
}

GtkWidget *
jd_review_page_new (void)
{
  return g_object_new (JD_TYPE_REVIEW_PAGE, NULL);
}

gboolean
jd_review_page_load (JdReviewPage  *self,
                     JdDb          *db,
                     GError       **error)
{
  g_return_val_if_fail (JD_IS_REVIEW_PAGE (self), FALSE);
  g_return_val_if_fail (JD_IS_DB (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!jd_review_templates_ensure (db, error))
    return FALSE;

  if (self->db != db)
    {
      g_set_object (&self->db, db);
      self->batch_id = 0;
      g_hash_table_remove_all (self->reviewers);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }

  /* The reviewer at work keeps the scoring pane; the list follows later */
  if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "scoring"))
    return TRUE;

  return fill_batches (self, self->batch_id, error);
}

gboolean
jd_review_page_select_batch (JdReviewPage *self,
                             gint64        batch_id)
{
  g_return_val_if_fail (JD_IS_REVIEW_PAGE (self), FALSE);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->batch_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      const JdReviewBatchInfo *info = g_object_get_data (G_OBJECT (row), "jd-batch");

      if (info != NULL && info->id == batch_id)
        {
          gtk_list_box_select_row (self->batch_list, GTK_LIST_BOX_ROW (row));
          return TRUE;
        }
    }

  return FALSE;
}

void
jd_review_page_score (JdReviewPage *self,
                      gint64        file_id)
{
  g_return_if_fail (JD_IS_REVIEW_PAGE (self));

  open_scoring (self, file_id);
}

const char *
_jd_review_page_get_visible (JdReviewPage *self)
{
  g_return_val_if_fail (JD_IS_REVIEW_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

guint
_jd_review_page_get_n_batches (JdReviewPage *self)
{
  g_return_val_if_fail (JD_IS_REVIEW_PAGE (self), 0);

  return self->batches != NULL ? self->batches->len : 0;
}

gint64
_jd_review_page_get_selected_batch (JdReviewPage *self)
{
  g_return_val_if_fail (JD_IS_REVIEW_PAGE (self), 0);

  return self->batch_id;
}

guint
_jd_review_page_get_n_files (JdReviewPage *self)
{
  g_return_val_if_fail (JD_IS_REVIEW_PAGE (self), 0);

  return self->files != NULL ? self->files->len : 0;
}

JdReviewScoring *
_jd_review_page_get_scoring (JdReviewPage *self)
{
  g_return_val_if_fail (JD_IS_REVIEW_PAGE (self), NULL);

  return self->scoring;
}

JdReviewBatchDialog *
_jd_review_page_get_batch_dialog (JdReviewPage *self)
{
  g_return_val_if_fail (JD_IS_REVIEW_PAGE (self), NULL);

  return self->batch_dialog;
}
