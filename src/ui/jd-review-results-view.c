/* jd-review-results-view.c: the results of a review batch (评查结果)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Files reviewed and drawn, the average, the grade distribution, the most
 * frequent defects and the agencies by rank (jd_review_batch_results).
 * Selecting an agency shows its own defects. The tables are column views
 * over plain rows of text with a numeric key per cell for sorting.
 */

#define G_LOG_DOMAIN "jd-review-results-view"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-format.h"
#include "jd-review-batch.h"
#include "jd-review-print-dialog.h"
#include "jd-review-results-view.h"

/* One table row: text and a sort key per cell --------------------------------- */

#define N_CELLS 8

#define JD_TYPE_RESULTS_ROW (jd_results_row_get_type ())
G_DECLARE_FINAL_TYPE (JdResultsRow, jd_results_row, JD, RESULTS_ROW, GObject)

struct _JdResultsRow
{
  GObject   parent_instance;

  char     *cells[N_CELLS];
  double    keys[N_CELLS];
  gpointer  data;   /* borrowed from the view's results */
};

G_DEFINE_FINAL_TYPE (JdResultsRow, jd_results_row, G_TYPE_OBJECT)

static void
jd_results_row_finalize (GObject *object)
{
  JdResultsRow *self = JD_RESULTS_ROW (object);

  for (guint i = 0; i < N_CELLS; i++)
    g_free (self->cells[i]);

  G_OBJECT_CLASS (jd_results_row_parent_class)->finalize (object);
}

static void
jd_results_row_class_init (JdResultsRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jd_results_row_finalize;
}

static void
jd_results_row_init (JdResultsRow *self)
{
}

static void
row_set (JdResultsRow *row,
         guint         column,
         char         *text,
         double        key)
{
  g_free (row->cells[column]);
  row->cells[column] = text;
  row->keys[column] = key;
}

/* The view -------------------------------------------------------------------- */

typedef enum
{
  DEFECT_ITEM = 0,
  DEFECT_SECTION,
  DEFECT_FILES,
  DEFECT_POINTS,
} DefectColumn;

struct _JdReviewResultsView
{
  AdwBin              parent_instance;

  /* Template widgets */
  AdwToastOverlay    *toast_overlay;
  GtkStack           *stack;
  GtkLabel           *title_label;
  GtkLabel           *files_label;
  GtkLabel           *average_label;
  GtkGrid            *grades_grid;
  GtkColumnView      *defects_view;
  GtkColumnView      *agencies_view;
  GtkLabel           *agency_defects_label;
  GtkColumnView      *agency_defects_view;
  GtkButton          *draft_button;
  GtkButton          *print_button;

  /* Owned */
  JdDb               *db;
  JdReviewResults    *results;
  GListStore         *defects;          /* JdResultsRow: the batch's top ten */
  GListStore         *agencies;         /* JdResultsRow: by rank */
  GListStore         *agency_defects;   /* JdResultsRow: the selected agency's */
  GtkSortListModel   *agencies_sorted;
  GtkSingleSelection *agencies_selection;
  gint64              batch_id;
};

G_DEFINE_FINAL_TYPE (JdReviewResultsView, jd_review_results_view, ADW_TYPE_BIN)

enum {
  LETTERS_DRAFTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Columns --------------------------------------------------------------------- */

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  gboolean numeric = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "numeric"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0f : 0.0f);
  if (!numeric)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (label), 8);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
    }
  gtk_list_item_set_child (item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  guint column = GPOINTER_TO_UINT (user_data);
  JdResultsRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), row->cells[column] != NULL ? row->cells[column] : "");
  gtk_widget_remove_css_class (label, "error");
  if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "failed")) && row->keys[column] > 0)
    gtk_widget_add_css_class (label, "error");
}

static int
compare_rows_cb (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  guint column = GPOINTER_TO_UINT (user_data);
  const JdResultsRow *ra = a;
  const JdResultsRow *rb = b;

  if (ra->keys[column] != rb->keys[column])
    return ra->keys[column] < rb->keys[column] ? -1 : 1;
  return g_utf8_collate (ra->cells[column] != NULL ? ra->cells[column] : "",
                         rb->cells[column] != NULL ? rb->cells[column] : "");
}

static GtkColumnViewColumn *
add_column (GtkColumnView *view,
            const char    *title,
            guint          column,
            gboolean       numeric,
            gboolean       expand,
            gboolean       sortable)
{
  g_autoptr(GtkColumnViewColumn) col = NULL;
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "numeric", GINT_TO_POINTER (numeric));
  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), GUINT_TO_POINTER (column));
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (col, expand);
  gtk_column_view_column_set_resizable (col, TRUE);
  if (sortable)
    {
      GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (compare_rows_cb,
                                                             GUINT_TO_POINTER (column), NULL));

      gtk_column_view_column_set_sorter (col, sorter);
      g_object_unref (sorter);
    }
  gtk_column_view_append_column (view, col);
  return col;
}

static void
setup_defect_columns (GtkColumnView *view)
{
  add_column (view, _("Item"), DEFECT_ITEM, FALSE, TRUE, FALSE);
  add_column (view, _("Section"), DEFECT_SECTION, FALSE, TRUE, FALSE);
  add_column (view, _("Files"), DEFECT_FILES, TRUE, FALSE, FALSE);
  /* Translators: points deducted in total */
  add_column (view, _("Points Deducted"), DEFECT_POINTS, TRUE, FALSE, FALSE);
}

/* Filling --------------------------------------------------------------------- */

static char *
format_score (double score)
{
  return g_strdup_printf ("%.1f", score);
}

static void
fill_defects (GListStore *store,
              GPtrArray  *defects,
              guint       limit)
{
  g_list_store_remove_all (store);
  if (defects == NULL)
    return;

  for (guint i = 0; i < defects->len && i < limit; i++)
    {
      const JdReviewDefect *defect = g_ptr_array_index (defects, i);
      g_autoptr(JdResultsRow) row = g_object_new (JD_TYPE_RESULTS_ROW, NULL);

      row_set (row, DEFECT_ITEM, g_strdup (defect->text), i);
      row_set (row, DEFECT_SECTION, g_strdup (defect->section), i);
      row_set (row, DEFECT_FILES, jd_format_count (defect->n_files), defect->n_files);
      /* a veto item deducts no points: it zeroes or fails the file */
      if (defect->n_vetoes > 0 && defect->points <= 0.0)
        row_set (row, DEFECT_POINTS, g_strdup (C_("points deducted", "Veto")), defect->points);
      else
        row_set (row, DEFECT_POINTS, format_score (defect->points), defect->points);
      row->data = (gpointer) defect;
      g_list_store_append (store, row);
    }
}

static void
fill_grades (JdReviewResultsView *self)
{
  GtkWidget *child;
  int top = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grades_grid))) != NULL)
    gtk_grid_remove (self->grades_grid, child);

  for (JdGrade grade = JD_GRADE_EXCELLENT; grade < JD_GRADE_N; grade++)
    {
      guint n = self->results->n_by_grade[grade];
      double ratio = self->results->n_reviewed > 0 ? (double) n / self->results->n_reviewed : 0;
      g_autofree char *count = NULL;
      g_autofree char *percent = NULL;
      g_autofree char *text = NULL;
      GtkWidget *name, *bar, *value;

      /* 良好 only where a template uses it */
      if (grade == JD_GRADE_GOOD && n == 0)
        continue;

      count = jd_format_count (n);
      percent = jd_format_percent (ratio);
      /* Translators: a count of files and its share, e.g. "12 (25.0%)" */
      text = g_strdup_printf (C_("grade count", "%s (%s)"), count, percent);

      name = gtk_label_new (jd_grade_to_label (grade));
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      bar = gtk_level_bar_new_for_interval (0, 1);
      gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), ratio);
      gtk_widget_set_hexpand (bar, TRUE);
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      /* No offsets: one colour, not the low/high warning colours */
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (bar),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, jd_grade_to_label (grade),
                                      -1);
      value = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (value), 1);
      gtk_widget_add_css_class (value, "numeric");
      if (grade == JD_GRADE_FAIL && n > 0)
        gtk_widget_add_css_class (value, "error");

      gtk_grid_attach (self->grades_grid, name, 0, top, 1, 1);
      gtk_grid_attach (self->grades_grid, bar, 1, top, 1, 1);
      gtk_grid_attach (self->grades_grid, value, 2, top, 1, 1);
      top++;
    }
}

static void
fill_agencies (JdReviewResultsView *self)
{
  g_list_store_remove_all (self->agencies);

  for (guint i = 0; i < self->results->agencies->len; i++)
    {
      const JdReviewAgencyResult *agency = g_ptr_array_index (self->results->agencies, i);
      g_autoptr(JdResultsRow) row = g_object_new (JD_TYPE_RESULTS_ROW, NULL);
      gboolean any = agency->n_reviewed > 0;

      /* Unranked agencies (nothing reviewed) sort last */
      row_set (row, JD_RESULTS_AGENCY_RANK,
               any ? g_strdup_printf ("%u", agency->rank) : g_strdup ("—"),
               any ? agency->rank : G_MAXUINT);
      row_set (row, JD_RESULTS_AGENCY_NAME, g_strdup (agency->agency_name), 0);
      row_set (row, JD_RESULTS_AGENCY_FILES, jd_format_count (agency->n_files), agency->n_files);
      row_set (row, JD_RESULTS_AGENCY_REVIEWED, jd_format_count (agency->n_reviewed),
               agency->n_reviewed);
      row_set (row, JD_RESULTS_AGENCY_AVERAGE,
               any ? format_score (agency->average) : g_strdup ("—"),
               any ? agency->average : -1);
      row_set (row, JD_RESULTS_AGENCY_GRADE,
               g_strdup (any ? jd_grade_to_label (agency->grade) : "—"),
               any ? agency->grade : JD_GRADE_N);
      row_set (row, JD_RESULTS_AGENCY_FAILED,
               jd_format_count (agency->n_by_grade[JD_GRADE_FAIL]),
               agency->n_by_grade[JD_GRADE_FAIL]);
      row->data = (gpointer) agency;
      g_list_store_append (self->agencies, row);
    }
}

static void
show_agency_defects (JdReviewResultsView *self)
{
  JdResultsRow *row = gtk_single_selection_get_selected_item (self->agencies_selection);
  const JdReviewAgencyResult *agency = row != NULL ? row->data : NULL;

  if (agency == NULL)
    {
      gtk_label_set_text (self->agency_defects_label, _("Select an agency to see its defects"));
      gtk_widget_add_css_class (GTK_WIDGET (self->agency_defects_label), "dim-label");
      g_list_store_remove_all (self->agency_defects);
      gtk_widget_set_visible (GTK_WIDGET (self->agency_defects_view), FALSE);
      return;
    }
  else
    {
      g_autofree char *text = NULL;

      gtk_widget_remove_css_class (GTK_WIDGET (self->agency_defects_label), "dim-label");
      /* Translators: heading over the defects of one agency */
      text = g_strdup_printf (_("Defects of %s"), agency->agency_name);
      gtk_label_set_text (self->agency_defects_label, text);
      fill_defects (self->agency_defects, agency->defects, G_MAXUINT);
      gtk_widget_set_visible (GTK_WIDGET (self->agency_defects_view),
                              g_list_model_get_n_items (G_LIST_MODEL (self->agency_defects)) > 0);
      if (g_list_model_get_n_items (G_LIST_MODEL (self->agency_defects)) == 0)
        {
          g_autofree char *none = g_strdup_printf (_("No defects found for %s"), agency->agency_name);

          gtk_label_set_text (self->agency_defects_label, none);
        }
    }
}

static void
show_error (JdReviewResultsView *self,
            const char          *heading,
            const GError        *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Callbacks ------------------------------------------------------------------- */

static void
on_agency_selected_cb (JdReviewResultsView *self)
{
  show_agency_defects (self);
}

static void
on_print_clicked_cb (JdReviewResultsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->db == NULL || self->batch_id == 0)
    return;
  jd_review_print_run (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->db,
                       JD_REVIEW_DOC_RESULTS, self->batch_id, 0);
}

static void
on_draft_clicked_cb (JdReviewResultsView *self)
{
  _jd_review_results_view_draft_letters (self);
}

/* GtkWidget ------------------------------------------------------------------- */

/* Scores change on the scoring tab: read them again when shown. */
static void
jd_review_results_view_map (GtkWidget *widget)
{
  JdReviewResultsView *self = JD_REVIEW_RESULTS_VIEW (widget);

  GTK_WIDGET_CLASS (jd_review_results_view_parent_class)->map (widget);
  if (self->db != NULL && self->batch_id > 0)
    {
      g_autoptr(JdDb) db = g_object_ref (self->db);

      jd_review_results_view_load (self, db, self->batch_id);
    }
}

/* GObject --------------------------------------------------------------------- */

static void
jd_review_results_view_dispose (GObject *object)
{
  JdReviewResultsView *self = JD_REVIEW_RESULTS_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_REVIEW_RESULTS_VIEW);
  g_clear_object (&self->agencies_selection);
  g_clear_object (&self->agencies_sorted);
  g_clear_object (&self->defects);
  g_clear_object (&self->agencies);
  g_clear_object (&self->agency_defects);
  g_clear_pointer (&self->results, jd_review_results_free);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (jd_review_results_view_parent_class)->dispose (object);
}

static void
jd_review_results_view_class_init (JdReviewResultsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_review_results_view_dispose;
  widget_class->map = jd_review_results_view_map;

  /**
   * JdReviewResultsView::letters-drafted:
   * @n: how many letters were drafted
   *
   * Emitted after Draft Letters wrote new letters, so that a letters view
   * can reload.
   */
  signals[LETTERS_DRAFTED] = g_signal_new ("letters-drafted", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/jiandu/Jiandu/ui/jd-review-results-view.ui");
  gtk_widget_class_bind_template_child (widget_class, JdReviewResultsView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, JdReviewResultsView, stack);
  gtk_widget_class_bind_template_child (widget_class, JdReviewResultsView, title_label);
  gtk_widget_class_bind_template_child (widget_class, JdReviewResultsView, files_label);
  gtk_widget_class_bind_template_child (widget_class, JdReviewResultsView, average_label);
  gtk_widget_class_bind_template_child (widget_class, JdReviewResultsView, grades_grid);
  gtk_widget_class_bind_template_child (widget_class, JdReviewResultsView, defects_view);
  gtk_widget_class_bind_template_child (widget_class, JdReviewResultsView, agencies_view);
  gtk_widget_class_bind_template_child (widget_class, JdReviewResultsView, agency_defects_label);
  gtk_widget_class_bind_template_child (widget_class, JdReviewResultsView, agency_defects_view);
  gtk_widget_class_bind_template_child (widget_class, JdReviewResultsView, draft_button);
  gtk_widget_class_bind_template_child (widget_class, JdReviewResultsView, print_button);
  gtk_widget_class_bind_template_callback (widget_class, on_print_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_draft_clicked_cb);
}

static void
jd_review_results_view_init (JdReviewResultsView *self)
{
  GtkColumnViewColumn *rank, *failed;
  GtkNoSelection *none;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->defects = g_list_store_new (JD_TYPE_RESULTS_ROW);
  self->agencies = g_list_store_new (JD_TYPE_RESULTS_ROW);
  self->agency_defects = g_list_store_new (JD_TYPE_RESULTS_ROW);

  setup_defect_columns (self->defects_view);
  none = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->defects)));
  gtk_column_view_set_model (self->defects_view, GTK_SELECTION_MODEL (none));
  g_object_unref (none);

  setup_defect_columns (self->agency_defects_view);
  none = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->agency_defects)));
  gtk_column_view_set_model (self->agency_defects_view, GTK_SELECTION_MODEL (none));
  g_object_unref (none);

  /* Translators: rank of an agency in the review results */
  rank = add_column (self->agencies_view, _("Rank"), JD_RESULTS_AGENCY_RANK, TRUE, FALSE, TRUE);
  add_column (self->agencies_view, _("Agency"), JD_RESULTS_AGENCY_NAME, FALSE, TRUE, TRUE);
  add_column (self->agencies_view, _("Files"), JD_RESULTS_AGENCY_FILES, TRUE, FALSE, TRUE);
  add_column (self->agencies_view, _("Reviewed"), JD_RESULTS_AGENCY_REVIEWED, TRUE, FALSE, TRUE);
  add_column (self->agencies_view, _("Average"), JD_RESULTS_AGENCY_AVERAGE, TRUE, FALSE, TRUE);
  add_column (self->agencies_view, _("Grade"), JD_RESULTS_AGENCY_GRADE, FALSE, FALSE, TRUE);
  /* Translators: column of files graded 不合格 (failed) */
  failed = add_column (self->agencies_view, _("Failed Files"), JD_RESULTS_AGENCY_FAILED,
                       TRUE, FALSE, TRUE);
  g_object_set_data (G_OBJECT (gtk_column_view_column_get_factory (failed)), "failed",
                     GINT_TO_POINTER (TRUE));

  self->agencies_sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->agencies)),
                                                   g_object_ref (gtk_column_view_get_sorter (self->agencies_view)));
  self->agencies_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->agencies_sorted)));
  gtk_single_selection_set_autoselect (self->agencies_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->agencies_selection, TRUE);
  gtk_column_view_set_model (self->agencies_view, GTK_SELECTION_MODEL (self->agencies_selection));
  gtk_column_view_sort_by_column (self->agencies_view, rank, GTK_SORT_ASCENDING);
  g_signal_connect_object (self->agencies_selection, "notify::selected",
                           G_CALLBACK (on_agency_selected_cb), self, G_CONNECT_SWAPPED);

  gtk_stack_set_visible_child_name (self->stack, "empty");
  show_agency_defects (self);
}

/* Public ---------------------------------------------------------------------- */

GtkWidget *
jd_review_results_view_new (void)
{
  return g_object_new (JD_TYPE_REVIEW_RESULTS_VIEW, NULL);
}

void
jd_review_results_view_load (JdReviewResultsView *self,
                             JdDb                *db,
                             gint64               batch_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *files = NULL;
  g_autofree char *reviewed = NULL;
  g_autofree char *drawn = NULL;

  g_return_if_fail (JD_IS_REVIEW_RESULTS_VIEW (self));
  g_return_if_fail (db == NULL || JD_IS_DB (db));

  g_set_object (&self->db, db);
  self->batch_id = batch_id;
  /* The rows borrow from the results: empty them first */
  g_list_store_remove_all (self->defects);
  g_list_store_remove_all (self->agency_defects);
  g_list_store_remove_all (self->agencies);
  g_clear_pointer (&self->results, jd_review_results_free);

  if (db != NULL && batch_id > 0)
    {
      self->results = jd_review_batch_results (db, batch_id, &error);
      if (self->results == NULL)
        g_warning ("Could not read the results of batch %" G_GINT64_FORMAT ": %s",
                   batch_id, error->message);
    }

  if (self->results == NULL || self->results->n_reviewed == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      gtk_label_set_text (self->average_label, "");
      return;
    }

  if (db != NULL)
    {
      g_autoptr(GPtrArray) batches = jd_review_batches_list (db, NULL);

      for (guint i = 0; batches != NULL && i < batches->len; i++)
        {
          const JdReviewBatchInfo *info = g_ptr_array_index (batches, i);

          if (info->id == batch_id)
            gtk_label_set_text (self->title_label, info->name);
        }
    }

  reviewed = jd_format_count (self->results->n_reviewed);
  drawn = jd_format_count (self->results->n_files);
  /* Translators: files reviewed / files drawn */
  files = g_strdup_printf (C_("files reviewed of drawn", "%s / %s"), reviewed, drawn);
  gtk_label_set_text (self->files_label, files);
  {
    g_autofree char *average = format_score (self->results->average);

    gtk_label_set_text (self->average_label, average);
  }
  fill_grades (self);
  fill_defects (self->defects, self->results->defects, 10);
  gtk_widget_set_visible (GTK_WIDGET (self->defects_view),
                          g_list_model_get_n_items (G_LIST_MODEL (self->defects)) > 0);
  fill_agencies (self);
  gtk_single_selection_set_selected (self->agencies_selection, GTK_INVALID_LIST_POSITION);
  show_agency_defects (self);
  gtk_stack_set_visible_child_name (self->stack, "results");
}

/* For the tests --------------------------------------------------------------- */

gboolean
_jd_review_results_view_is_empty (JdReviewResultsView *self)
{
  g_return_val_if_fail (JD_IS_REVIEW_RESULTS_VIEW (self), TRUE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") == 0;
}

const char *
_jd_review_results_view_get_average_text (JdReviewResultsView *self)
{
  g_return_val_if_fail (JD_IS_REVIEW_RESULTS_VIEW (self), NULL);

  return gtk_label_get_text (self->average_label);
}

guint
_jd_review_results_view_get_n_agencies (JdReviewResultsView *self)
{
  g_return_val_if_fail (JD_IS_REVIEW_RESULTS_VIEW (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->agencies_sorted));
}

char *
_jd_review_results_view_dup_agency_cell (JdReviewResultsView   *self,
                                         guint                  position,
                                         JdResultsAgencyColumn  column)
{
  g_autoptr(JdResultsRow) row = NULL;

  g_return_val_if_fail (JD_IS_REVIEW_RESULTS_VIEW (self), NULL);
  g_return_val_if_fail (column < JD_RESULTS_AGENCY_COLUMN_N, NULL);

  row = g_list_model_get_item (G_LIST_MODEL (self->agencies_sorted), position);
  return row != NULL ? g_strdup (row->cells[column]) : NULL;
}

GtkColumnView *
_jd_review_results_view_get_agencies_view (JdReviewResultsView *self)
{
  g_return_val_if_fail (JD_IS_REVIEW_RESULTS_VIEW (self), NULL);

  return self->agencies_view;
}

void
_jd_review_results_view_select_agency (JdReviewResultsView *self,
                                       guint                position)
{
  g_return_if_fail (JD_IS_REVIEW_RESULTS_VIEW (self));

  gtk_single_selection_set_selected (self->agencies_selection, position);
}

guint
_jd_review_results_view_get_n_agency_defects (JdReviewResultsView *self)
{
  g_return_val_if_fail (JD_IS_REVIEW_RESULTS_VIEW (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->agency_defects));
}

guint
_jd_review_results_view_draft_letters (JdReviewResultsView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n = 0;

  g_return_val_if_fail (JD_IS_REVIEW_RESULTS_VIEW (self), 0);

  if (self->db == NULL || self->batch_id == 0)
    return 0;

  if (!jd_review_letters_draft (self->db, self->batch_id, &n, &error))
    {
      show_error (self, _("Could Not Draft the Letters"), error);
      return 0;
    }

  if (n == 0)
    message = g_strdup (_("Every agency with defects already has a letter"));
  else
    message = g_strdup_printf (ngettext ("%u letter drafted", "%u letters drafted", n), n);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  if (n > 0)
    g_signal_emit (self, signals[LETTERS_DRAFTED], 0, n);
  return n;
}
