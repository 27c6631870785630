/* jd-csv-import-dialog.c: import enforcement records from a CSV file, step by step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Four pages: choose the file, check the preview and correct the mapping,
 * the import with its progress, and the result with every error. The import
 * runs in a GTask thread on a JdDb of its own, opened on the same file, so
 * the main window keeps reading its connection meanwhile; the thread's
 * JdCsvImport comes back with the counts and the errors.
 */

#define G_LOG_DOMAIN "jd-csv-import-dialog"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "jd-csv-import.h"
#include "jd-csv-import-dialog.h"

#define N_PREVIEW_ROWS 20
#define MAX_LISTED_ERRORS 500

typedef struct
{
  JdDb             *db;          /* an in-memory database: used as is */
  char             *db_path;     /* or the file the thread opens */
  char             *csv_path;
  JdCsvMapping     *mapping;
  JdCsvImportFlags  flags;
  int               permille;    /* atomic */
} ImportJob;

struct _JdCsvImportDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkButton           *cancel_button;
  GtkButton           *back_button;
  GtkButton           *next_button;
  GtkStack            *stack;
  GtkButton           *choose_button;
  AdwActionRow        *file_row;
  AdwPreferencesGroup *preview_group;
  GtkGrid             *preview_grid;
  AdwPreferencesGroup *columns_group;
  GtkLabel            *mapping_error_label;
  AdwComboRow         *unit_row;
  GtkSwitch           *good_rows_switch;
  AdwStatusPage       *progress_status;
  GtkProgressBar      *progress_bar;
  GtkImage            *result_icon;
  GtkLabel            *result_title;
  GtkLabel            *result_counts;
  GtkLabel            *result_description;
  GtkButton           *copy_button;
  GtkButton           *retry_button;
  AdwPreferencesGroup *errors_group;
  GtkListBox          *errors_list;

  /* Owned references */
  JdDb                *db;
  JdCsvImport         *import;      /* the preview's */
  JdCsvImport         *result;      /* the last run's, from the thread */
  GCancellable        *cancellable;
  ImportJob           *job;
  GtkNativeDialog     *chooser;
  GPtrArray           *column_rows; /* AdwComboRow, one per CSV column */
  gboolean            *unit_said;   /* per column: the header names a unit */

  guint                progress_source;
  guint                n_preview_rows;
  guint                n_listed_errors;
  gboolean             syncing;
  gboolean             close_when_done;
};

G_DEFINE_FINAL_TYPE (JdCsvImportDialog, jd_csv_import_dialog, ADW_TYPE_WINDOW)

enum
{
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
import_job_clear (gpointer data)
{
  ImportJob *job = data;

  g_clear_object (&job->db);
  g_clear_pointer (&job->db_path, g_free);
  g_clear_pointer (&job->csv_path, g_free);
  g_clear_pointer (&job->mapping, jd_csv_mapping_free);
}

static void
import_job_unref (gpointer data)
{
  g_atomic_rc_box_release_full (data, import_job_clear);
}

static gboolean
is_running (JdCsvImportDialog *self)
{
  return self->cancellable != NULL;
}

static const char *
column_title (JdCsvMapping *mapping,
              guint         column)
{
  const char *header = mapping->headers[column];

  return header != NULL && *header != '\0' ? header : NULL;
}

/* The header of an amount says its unit: 罚款金额(元), 没收金额(万元), fine_wan… */
static gboolean
header_says_unit (const char *header)
{
  g_autofree char *lower = g_utf8_strdown (header != NULL ? header : "", -1);

  return strstr (lower, "元") != NULL || strstr (lower, "万") != NULL ||
         strstr (lower, "yuan") != NULL || strstr (lower, "10k") != NULL ||
         g_str_has_suffix (lower, "_wan");
}

static gboolean
is_amount (JdCsvField field)
{
  return field == JD_CSV_FIELD_FINE || field == JD_CSV_FIELD_CONFISCATION;
}

/* Pages and buttons ---------------------------------------------------------- */

static gboolean mapping_is_valid (JdCsvImportDialog *self);

static void
update_buttons (JdCsvImportDialog *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  gboolean preview = g_str_equal (page, "preview");
  gboolean result = g_str_equal (page, "result");
  gboolean wrote = self->result != NULL && jd_csv_import_get_n_imported (self->result) > 0;

  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), !result && !g_str_equal (page, "progress"));
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), (preview && self->chooser == NULL) ||
                                                          (result && !wrote));
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), preview || result);
  gtk_button_set_label (self->next_button, result ? _("_Close") : _("_Import"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), result || mapping_is_valid (self));
}

static void
set_page (JdCsvImportDialog *self,
          const char        *name)
{
  gtk_stack_set_visible_child_name (self->stack, name);
  update_buttons (self);

  if (g_str_equal (name, "choose"))
    gtk_widget_grab_focus (GTK_WIDGET (self->choose_button));
  else if (g_str_equal (name, "progress"))
    gtk_widget_grab_focus (GTK_WIDGET (gtk_widget_get_parent (GTK_WIDGET (self->progress_bar))));
  else if (gtk_widget_get_sensitive (GTK_WIDGET (self->next_button)))
    gtk_widget_grab_focus (GTK_WIDGET (self->next_button));
}

static void
toast (JdCsvImportDialog *self,
       const char        *title)
{
  AdwToast *t = adw_toast_new (title);

  adw_toast_set_timeout (t, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

/* The preview ---------------------------------------------------------------- */

static GtkWidget *
cell_label (const char *text,
            gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);
  int limit = heading ? 16 : 24;
  int width = 0;

  /* The scroller gives the grid its minimum width: make that the text's
   * own width (a wide character counts two), up to LIMIT */
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), MIN (width, limit));
  gtk_label_set_max_width_chars (GTK_LABEL (label), limit);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (width > limit || (text != NULL && strchr (text, '\n') != NULL))
    gtk_widget_set_tooltip_text (label, text);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

static void
fill_preview (JdCsvImportDialog *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  JdCsvMapping *mapping = jd_csv_import_get_mapping (self->import);
  GtkWidget *child;
  guint n_bad = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_grid))) != NULL)
    gtk_grid_remove (self->preview_grid, child);
  self->n_preview_rows = 0;

  rows = jd_csv_import_preview (self->import, N_PREVIEW_ROWS, &error);
  if (rows == NULL)
    {
      toast (self, error->message);
      return;
    }

  /* Translators: the column of line numbers in the preview */
  gtk_grid_attach (self->preview_grid, cell_label (_("Line"), TRUE), 0, 0, 1, 1);
  for (guint c = 0; c < mapping->n_columns; c++)
    {
      g_autofree char *fallback = g_strdup_printf (_("Column %u"), c + 1);
      const char *title = column_title (mapping, c);

      gtk_grid_attach (self->preview_grid, cell_label (title != NULL ? title : fallback, TRUE),
                       c + 1, 0, 1, 1);
    }
  /* Translators: the preview's last column: what is wrong with a row */
  gtk_grid_attach (self->preview_grid, cell_label (_("Problem"), TRUE), mapping->n_columns + 1, 0, 1, 1);

  for (guint r = 0; r < rows->len; r++)
    {
      JdCsvPreviewRow *row = g_ptr_array_index (rows, r);
      g_autofree char *line = g_strdup_printf ("%u", row->line);
      GtkWidget *label = cell_label (line, FALSE);
      guint n_cells = row->cells != NULL ? g_strv_length (row->cells) : 0;

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "numeric");
      gtk_grid_attach (self->preview_grid, label, 0, r + 1, 1, 1);
      for (guint c = 0; c < mapping->n_columns && c < n_cells; c++)
        {
          label = cell_label (row->cells[c], FALSE);
          if (mapping->fields[c] == JD_CSV_FIELD_NONE)
            gtk_widget_add_css_class (label, "dim-label");
          gtk_grid_attach (self->preview_grid, label, c + 1, r + 1, 1, 1);
        }
      if (row->problem != NULL)
        {
          g_autofree char *prefix = g_strdup_printf ("%s:%u: ", jd_csv_import_get_path (self->import),
                                                     row->line);
          const char *problem = row->problem;

          /* The line is in the first column already */
          if (g_str_has_prefix (problem, prefix))
            problem += strlen (prefix);
          label = cell_label (problem, FALSE);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
          gtk_widget_set_tooltip_text (label, problem);
          gtk_widget_add_css_class (label, "error");
          gtk_grid_attach (self->preview_grid, label, mapping->n_columns + 1, r + 1, 1, 1);
          n_bad++;
        }
    }
  self->n_preview_rows = rows->len;

  {
    g_autofree char *description = NULL;

    if (n_bad > 0)
      /* Translators: %u rows of the preview */
      description = g_strdup_printf (ngettext ("The first %u row as read; %u has a problem",
                                               "The first %u rows as read; %u have a problem",
                                               rows->len),
                                     rows->len, n_bad);
    else
      description = g_strdup_printf (ngettext ("The first %u row as read",
                                               "The first %u rows as read", rows->len),
                                     rows->len);
    adw_preferences_group_set_description (self->preview_group, description);
  }
}

static gboolean
mapping_is_valid (JdCsvImportDialog *self)
{
  JdCsvMapping *mapping;

  if (self->import == NULL)
    return FALSE;

  mapping = jd_csv_import_get_mapping (self->import);
  for (guint f = 1; f < JD_CSV_FIELD_N; f++)
    {
      if (jd_csv_field_is_required (f) && jd_csv_mapping_find (mapping, f) < 0)
        return FALSE;
    }
  return TRUE;
}

static void
update_mapping_state (JdCsvImportDialog *self)
{
  JdCsvMapping *mapping = jd_csv_import_get_mapping (self->import);
  g_autoptr(GString) missing = g_string_new (NULL);
  gboolean unit_choice = FALSE;

  for (guint f = 1; f < JD_CSV_FIELD_N; f++)
    {
      if (jd_csv_field_is_required (f) && jd_csv_mapping_find (mapping, f) < 0)
        g_string_append_printf (missing, "%s%s",
                                /* Translators: between the names of missing fields */
                                missing->len > 0 ? _(", ") : "", jd_csv_field_to_label (f));
    }

  if (missing->len > 0)
    {
      g_autofree char *text =
        /* Translators: %s lists fields, e.g. “Agency, Category” */
        g_strdup_printf (_("Choose the column of every required field: %s is missing."), missing->str);

      gtk_label_set_text (self->mapping_error_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->mapping_error_label), missing->len > 0);

  /* The unit applies to the amount columns whose header names none */
  for (guint c = 0; c < mapping->n_columns; c++)
    {
      if (is_amount (mapping->fields[c]) && !self->unit_said[c])
        {
          unit_choice = TRUE;
          mapping->units[c] = adw_combo_row_get_selected (self->unit_row) == 1
                              ? JD_CSV_UNIT_WAN_YUAN : JD_CSV_UNIT_YUAN;
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->unit_row), unit_choice);

  update_buttons (self);
}

static void
on_column_field_selected_cb (AdwComboRow       *row,
                             GParamSpec        *pspec,
                             JdCsvImportDialog *self)
{
  JdCsvMapping *mapping;
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "jd-column"));
  guint field = adw_combo_row_get_selected (row);

  if (self->syncing || self->import == NULL)
    return;

  mapping = jd_csv_import_get_mapping (self->import);
  if (field == GTK_INVALID_LIST_POSITION || field >= JD_CSV_FIELD_N)
    field = JD_CSV_FIELD_NONE;

  /* A field lives on one column: the column that had it is now ignored */
  if (mapping->fields[column] != JD_CSV_FIELD_NONE)
    jd_csv_mapping_set (mapping, mapping->fields[column], -1);
  if (field != JD_CSV_FIELD_NONE)
    jd_csv_mapping_set (mapping, field, column);

  self->syncing = TRUE;
  for (guint c = 0; c < self->column_rows->len; c++)
    adw_combo_row_set_selected (g_ptr_array_index (self->column_rows, c), mapping->fields[c]);
  self->syncing = FALSE;

  update_mapping_state (self);
  fill_preview (self);
}

static void
on_unit_selected_cb (JdCsvImportDialog *self)
{
  if (self->import == NULL)
    return;

  update_mapping_state (self);
  fill_preview (self);
}

static void
fill_columns (JdCsvImportDialog *self,
              GPtrArray         *first_rows)
{
  JdCsvMapping *mapping = jd_csv_import_get_mapping (self->import);
  g_autoptr(GtkStringList) fields = gtk_string_list_new (NULL);

  for (guint i = 0; self->column_rows != NULL && i < self->column_rows->len; i++)
    adw_preferences_group_remove (self->columns_group, g_ptr_array_index (self->column_rows, i));
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  self->column_rows = g_ptr_array_new ();

  /* Translators: a CSV column mapped to no field */
  gtk_string_list_append (fields, C_("CSV field", "Ignore"));
  for (guint f = 1; f < JD_CSV_FIELD_N; f++)
    {
      if (jd_csv_field_is_required (f))
        {
          /* Translators: a required field in the list of fields, e.g. “Agency (required)” */
          g_autofree char *label = g_strdup_printf (_("%s (required)"), jd_csv_field_to_label (f));
          gtk_string_list_append (fields, label);
        }
      else
        gtk_string_list_append (fields, jd_csv_field_to_label (f));
    }

  g_free (self->unit_said);
  self->unit_said = g_new0 (gboolean, mapping->n_columns + 1);

  self->syncing = TRUE;
  for (guint c = 0; c < mapping->n_columns; c++)
    {
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
      g_autofree char *fallback = g_strdup_printf (_("Column %u"), c + 1);
      const char *title = column_title (mapping, c);
      g_autofree char *accessible = NULL;

      self->unit_said[c] = header_says_unit (mapping->headers[c]);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL ? title : fallback);
      for (guint r = 0; first_rows != NULL && r < first_rows->len; r++)
        {
          JdCsvPreviewRow *preview = g_ptr_array_index (first_rows, r);

          if (preview->cells != NULL && c < g_strv_length (preview->cells) &&
              *g_strstrip (preview->cells[c]) != '\0')
            {
              g_autofree char *example = NULL;
              g_autofree char *one_line = g_strdup (preview->cells[c]);

              g_strdelimit (one_line, "\r\n", ' ');
              /* Translators: an example of a column's values, e.g. “e.g. 区市场监督管理局” */
              example = g_strdup_printf (_("e.g. %s"), one_line);
              adw_action_row_set_subtitle (ADW_ACTION_ROW (row), example);
              adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
              break;
            }
        }
      adw_combo_row_set_model (row, G_LIST_MODEL (fields));
      adw_combo_row_set_selected (row, mapping->fields[c]);
      /* Translators: the accessible name of a column's field selector; %s is the column */
      accessible = g_strdup_printf (_("Field of the column “%s”"), title != NULL ? title : fallback);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      g_object_set_data (G_OBJECT (row), "jd-column", GUINT_TO_POINTER (c));
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_column_field_selected_cb), self);

      adw_preferences_group_add (self->columns_group, GTK_WIDGET (row));
      g_ptr_array_add (self->column_rows, row);
    }
  self->syncing = FALSE;
}

gboolean
jd_csv_import_dialog_set_file (JdCsvImportDialog  *self,
                               GFile              *file,
                               GError            **error)
{
  g_autoptr(JdCsvImport) import = NULL;
  g_autoptr(GPtrArray) first_rows = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (JD_IS_CSV_IMPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (!is_running (self), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (&local_error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Only local files can be imported"));
    }
  else
    import = jd_csv_import_new (self->db, path, &local_error);

  if (import == NULL)
    {
      toast (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_set_object (&self->import, import);
  g_clear_object (&self->result);

  first_rows = jd_csv_import_preview (import, 5, NULL);
  fill_columns (self, first_rows);

  basename = g_file_get_basename (file);
  adw_window_title_set_subtitle (self->window_title, basename);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row), basename);
  /* Translators: %s is the encoding detected, e.g. “UTF-8 with BOM” or “GB18030” */
  subtitle = g_strdup_printf (_("Encoding: %s"), jd_csv_import_get_encoding (import));
  adw_action_row_set_subtitle (self->file_row, subtitle);

  update_mapping_state (self);
  fill_preview (self);
  set_page (self, "preview");

  return TRUE;
}

/* Choosing the file ---------------------------------------------------------- */

static void
on_chooser_response_cb (GtkNativeDialog   *chooser,
                        int                response,
                        JdCsvImportDialog *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);

  if (file != NULL)
    jd_csv_import_dialog_set_file (self, file, NULL);
  update_buttons (self);
}

static void
on_choose_clicked_cb (JdCsvImportDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL || is_running (self))
    return;

  chooser = gtk_file_chooser_native_new (_("Choose a CSV File"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (csv, _("CSV Files"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_pattern (csv, "*.CSV");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (self->chooser);
}

/* The import ----------------------------------------------------------------- */

static void
import_progress_cb (double   fraction,
                    gpointer user_data)
{
  ImportJob *job = user_data;

  g_atomic_int_set (&job->permille, (int) (CLAMP (fraction, 0.0, 1.0) * 1000));
}

static gboolean
is_file_database (const char *path)
{
  return path != NULL && *path != '\0' && !g_str_equal (path, ":memory:") &&
         !g_str_has_prefix (path, "file:");
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(JdDb) db = NULL;
  g_autoptr(JdCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  JdCsvMapping *mapping;

  if (job->db != NULL)
    db = g_object_ref (job->db);
  else if ((db = jd_db_open (job->db_path, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  import = jd_csv_import_new (db, job->csv_path, &error);
  if (import == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The mapping as the user left it: same file, same columns */
  mapping = jd_csv_import_get_mapping (import);
  if (mapping->n_columns != job->mapping->n_columns)
    {
      g_task_return_new_error (task, JD_CSV_IMPORT_ERROR, JD_CSV_IMPORT_ERROR_MAPPING,
                               _("The file changed while it was being checked"));
      return;
    }
  for (guint c = 0; c < mapping->n_columns; c++)
    {
      mapping->fields[c] = job->mapping->fields[c];
      mapping->units[c] = job->mapping->units[c];
    }

  jd_csv_import_run (import, job->flags, cancellable, import_progress_cb, job, &error);
  if (error != NULL && !g_error_matches (error, JD_CSV_IMPORT_ERROR, JD_CSV_IMPORT_ERROR_BAD_ROWS))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&import), g_object_unref);
}

static gboolean
update_progress_cb (gpointer user_data)
{
  JdCsvImportDialog *self = user_data;

  if (self->job != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar,
                                   g_atomic_int_get (&self->job->permille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
add_error_row (JdCsvImportDialog *self,
               JdCsvImport       *import,
               const JdCsvError  *error)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  const char *where = error->column;

  if (where == NULL && error->field != JD_CSV_FIELD_NONE)
    where = jd_csv_field_to_label (error->field);

  if (where != NULL)
    /* Translators: an error's place: a line of the file and a column */
    title = g_strdup_printf (_("Line %u · %s"), error->line, where);
  else
    title = g_strdup_printf (_("Line %u"), error->line);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
  gtk_list_box_append (self->errors_list, row);
}

static void
show_result (JdCsvImportDialog *self,
             JdCsvImport       *import,
             gboolean           good_rows_only)
{
  g_autofree char *title = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *description = NULL;
  GPtrArray *errors = jd_csv_import_get_errors (import);
  guint n_rows = jd_csv_import_get_n_rows (import);
  guint n_imported = jd_csv_import_get_n_imported (import);
  guint n_rejected = jd_csv_import_get_n_rejected (import);
  guint n_errors = jd_csv_import_get_n_errors (import);
  gboolean refused = !good_rows_only && n_errors > 0;
  GtkWidget *child;

  /* Translators: the counts of an import */
  counts = g_strdup_printf (_("Rows read: %u · Imported: %u · Rejected: %u"),
                            n_rows, n_imported, n_rejected);

  if (refused)
    {
      title = g_strdup (_("Nothing Was Imported"));
      description = g_strdup_printf (ngettext ("The file has %u error, so nothing was written. "
                                               "Correct the file and import it again, or import "
                                               "only the good rows.",
                                               "The file has %u errors, so nothing was written. "
                                               "Correct the file and import it again, or import "
                                               "only the good rows.", n_errors),
                                     n_errors);
      gtk_image_set_from_icon_name (self->result_icon, "dialog-warning-symbolic");
    }
  else
    {
      title = g_strdup_printf (ngettext ("Imported %u Record", "Imported %u Records", n_imported),
                               n_imported);
      if (n_rejected > 0)
        description = g_strdup_printf (ngettext ("%u row was rejected and skipped: its errors are listed below.",
                                                 "%u rows were rejected and skipped: their errors are listed below.",
                                                 n_rejected),
                                       n_rejected);
      else
        description = g_strdup (_("Every row of the file was imported."));
      gtk_image_set_from_icon_name (self->result_icon,
                                    n_rejected > 0 ? "dialog-warning-symbolic" : "emblem-ok-symbolic");
    }

  gtk_label_set_text (self->result_title, title);
  gtk_label_set_text (self->result_counts, counts);
  gtk_label_set_text (self->result_description, description);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->errors_list))) != NULL)
    gtk_list_box_remove (self->errors_list, child);
  self->n_listed_errors = 0;
  for (guint i = 0; i < errors->len && i < MAX_LISTED_ERRORS; i++)
    {
      add_error_row (self, import, g_ptr_array_index (errors, i));
      self->n_listed_errors++;
    }

  if (n_errors > 0)
    {
      g_autofree char *group_title = NULL;

      if (n_errors > self->n_listed_errors)
        /* Translators: the title of the error list when it is cut short */
        group_title = g_strdup_printf (ngettext ("Errors: the first %u of %u (Copy Errors takes them all)",
                                                 "Errors: the first %u of %u (Copy Errors takes them all)",
                                                 self->n_listed_errors),
                                       self->n_listed_errors, n_errors);
      else if (refused)
        group_title = g_strdup (_("Errors"));
      else
        group_title = g_strdup (_("Rejected Rows"));
      adw_preferences_group_set_title (self->errors_group, group_title);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->errors_group), n_errors > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->copy_button), n_errors > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->retry_button),
                          refused && jd_csv_import_get_n_good (import) > 0);

  set_page (self, "result");
}

static void
on_import_done_cb (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  JdCsvImportDialog *self = JD_CSV_IMPORT_DIALOG (source_object);
  g_autoptr(JdCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  gboolean good_rows_only = (self->job->flags & JD_CSV_IMPORT_GOOD_ROWS_ONLY) != 0;

  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_pointer (&self->job, import_job_unref);
  g_clear_object (&self->cancellable);

  import = g_task_propagate_pointer (G_TASK (result), &error);

  if (import != NULL && jd_csv_import_get_n_imported (import) > 0)
    g_signal_emit (self, signals[IMPORTED], 0, jd_csv_import_get_n_imported (import));

  if (self->close_when_done)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (import == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, _("Import stopped: nothing was written"));
      else
        {
          g_autofree char *message = NULL;

          g_warning ("Cannot import: %s", error->message);
          /* Translators: %s is the reason */
          message = g_strdup_printf (_("Cannot import: %s"), error->message);
          toast (self, message);
        }
      set_page (self, "preview");
      return;
    }

  g_set_object (&self->result, import);
  show_result (self, import, good_rows_only);
}

static void
start_import (JdCsvImportDialog *self,
              gboolean           good_rows_only)
{
  g_autoptr(GTask) task = NULL;
  const char *db_path = jd_db_get_path (self->db);
  ImportJob *job;

  if (is_running (self) || !mapping_is_valid (self))
    return;

  update_mapping_state (self);

  job = g_atomic_rc_box_new0 (ImportJob);
  if (is_file_database (db_path))
    job->db_path = g_strdup (db_path);
  else
    job->db = g_object_ref (self->db);
  job->csv_path = g_strdup (jd_csv_import_get_path (self->import));
  job->mapping = jd_csv_mapping_copy (jd_csv_import_get_mapping (self->import));
  job->flags = good_rows_only ? JD_CSV_IMPORT_GOOD_ROWS_ONLY : JD_CSV_IMPORT_DEFAULT;
  self->job = g_atomic_rc_box_acquire (job);
  self->cancellable = g_cancellable_new ();
  g_clear_object (&self->result);

  task = g_task_new (self, self->cancellable, on_import_done_cb, NULL);
  g_task_set_source_tag (task, start_import);
  g_task_set_name (task, "[jiandu] import CSV");
  /* The import says itself whether it was cancelled before committing */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job, import_job_unref);
  g_task_run_in_thread (task, import_thread);

  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  adw_status_page_set_description (self->progress_status,
                                   adw_window_title_get_subtitle (self->window_title));
  self->progress_source = g_timeout_add (100, update_progress_cb, self);
  set_page (self, "progress");
}

/* Buttons and keys ----------------------------------------------------------- */

static void
on_next_clicked_cb (JdCsvImportDialog *self)
{
  jd_csv_import_dialog_next (self);
}

static void
on_back_clicked_cb (JdCsvImportDialog *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (g_str_equal (page, "result"))
    set_page (self, "preview");
  else if (g_str_equal (page, "preview"))
    set_page (self, "choose");
}

static void
on_cancel_clicked_cb (JdCsvImportDialog *self)
{
  jd_csv_import_dialog_cancel (self);
}

static void
on_retry_clicked_cb (JdCsvImportDialog *self)
{
  gtk_switch_set_active (self->good_rows_switch, TRUE);
  start_import (self, TRUE);
}

static void
on_copy_clicked_cb (JdCsvImportDialog *self)
{
  g_autofree char *text = jd_csv_import_dialog_dup_errors_text (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  toast (self, _("Errors copied"));
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  jd_csv_import_dialog_next (JD_CSV_IMPORT_DIALOG (widget));
}

static void
escape_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  jd_csv_import_dialog_cancel (JD_CSV_IMPORT_DIALOG (widget));
}

static gboolean
jd_csv_import_dialog_close_request (GtkWindow *window)
{
  JdCsvImportDialog *self = JD_CSV_IMPORT_DIALOG (window);

  /* The thread rolls back (or commits) first; the dialog goes after */
  if (is_running (self))
    {
      self->close_when_done = TRUE;
      g_cancellable_cancel (self->cancellable);
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (jd_csv_import_dialog_parent_class)->close_request (window);
}

static void
jd_csv_import_dialog_dispose (GObject *object)
{
  JdCsvImportDialog *self = JD_CSV_IMPORT_DIALOG (object);

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_CSV_IMPORT_DIALOG);

  G_OBJECT_CLASS (jd_csv_import_dialog_parent_class)->dispose (object);
}

static void
jd_csv_import_dialog_finalize (GObject *object)
{
  JdCsvImportDialog *self = JD_CSV_IMPORT_DIALOG (object);

  g_clear_object (&self->db);
  g_clear_object (&self->import);
  g_clear_object (&self->result);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->job, import_job_unref);
  g_clear_pointer (&self->unit_said, g_free);

  G_OBJECT_CLASS (jd_csv_import_dialog_parent_class)->finalize (object);
}

static void
jd_csv_import_dialog_class_init (JdCsvImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = jd_csv_import_dialog_dispose;
  object_class->finalize = jd_csv_import_dialog_finalize;
  window_class->close_request = jd_csv_import_dialog_close_request;

  /**
   * JdCsvImportDialog::imported:
   * @n_imported: the rows written
   *
   * A run wrote rows: the figures on show are out of date.
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/jd-csv-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JdCsvImportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, JdCsvImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, JdCsvImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, JdCsvImportDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, JdCsvImportDialog, next_button);
  gtk_widget_class_bind_template_child (widget_class, JdCsvImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, JdCsvImportDialog, choose_button);
  gtk_widget_class_bind_template_child (widget_class, JdCsvImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, JdCsvImportDialog, preview_group);
  gtk_widget_class_bind_template_child (widget_class, JdCsvImportDialog, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, JdCsvImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, JdCsvImportDialog, mapping_error_label);
  gtk_widget_class_bind_template_child (widget_class, JdCsvImportDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, JdCsvImportDialog, good_rows_switch);
  gtk_widget_class_bind_template_child (widget_class, JdCsvImportDialog, progress_status);
  gtk_widget_class_bind_template_child (widget_class, JdCsvImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, JdCsvImportDialog, result_icon);
  gtk_widget_class_bind_template_child (widget_class, JdCsvImportDialog, result_title);
  gtk_widget_class_bind_template_child (widget_class, JdCsvImportDialog, result_counts);
  gtk_widget_class_bind_template_child (widget_class, JdCsvImportDialog, result_description);
  gtk_widget_class_bind_template_child (widget_class, JdCsvImportDialog, copy_button);
  gtk_widget_class_bind_template_child (widget_class, JdCsvImportDialog, retry_button);
  gtk_widget_class_bind_template_child (widget_class, JdCsvImportDialog, errors_group);
  gtk_widget_class_bind_template_child (widget_class, JdCsvImportDialog, errors_list);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_retry_clicked_cb);

  gtk_widget_class_install_action (widget_class, "import.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "import.escape", NULL, escape_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "import.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "import.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.escape", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
jd_csv_import_dialog_init (JdCsvImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->next_button));
  gtk_stack_set_visible_child_name (self->stack, "choose");
}

JdCsvImportDialog *
jd_csv_import_dialog_new (JdDb      *db,
                          GFile     *file,
                          GtkWindow *parent)
{
  JdCsvImportDialog *self;

  g_return_val_if_fail (JD_IS_DB (db), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (JD_TYPE_CSV_IMPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->db = g_object_ref (db);

  if (file == NULL || !jd_csv_import_dialog_set_file (self, file, NULL))
    set_page (self, "choose");

  return self;
}

const char *
jd_csv_import_dialog_get_page (JdCsvImportDialog *self)
{
  g_return_val_if_fail (JD_IS_CSV_IMPORT_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

int
jd_csv_import_dialog_get_column_field (JdCsvImportDialog *self,
                                       guint              column)
{
  g_return_val_if_fail (JD_IS_CSV_IMPORT_DIALOG (self), -1);
  g_return_val_if_fail (self->column_rows != NULL && column < self->column_rows->len, -1);

  return (int) adw_combo_row_get_selected (g_ptr_array_index (self->column_rows, column));
}

void
jd_csv_import_dialog_set_column_field (JdCsvImportDialog *self,
                                       guint              column,
                                       int                field)
{
  g_return_if_fail (JD_IS_CSV_IMPORT_DIALOG (self));
  g_return_if_fail (self->column_rows != NULL && column < self->column_rows->len);
  g_return_if_fail (field >= 0 && field < JD_CSV_FIELD_N);

  adw_combo_row_set_selected (g_ptr_array_index (self->column_rows, column), field);
}

guint
jd_csv_import_dialog_get_n_preview_rows (JdCsvImportDialog *self)
{
  g_return_val_if_fail (JD_IS_CSV_IMPORT_DIALOG (self), 0);

  return self->n_preview_rows;
}

void
jd_csv_import_dialog_set_good_rows_only (JdCsvImportDialog *self,
                                         gboolean           good_rows_only)
{
  g_return_if_fail (JD_IS_CSV_IMPORT_DIALOG (self));

  gtk_switch_set_active (self->good_rows_switch, good_rows_only);
}

void
jd_csv_import_dialog_next (JdCsvImportDialog *self)
{
  const char *page;

  g_return_if_fail (JD_IS_CSV_IMPORT_DIALOG (self));

  page = gtk_stack_get_visible_child_name (self->stack);
  if (g_str_equal (page, "choose"))
    on_choose_clicked_cb (self);
  else if (g_str_equal (page, "preview"))
    start_import (self, gtk_switch_get_active (self->good_rows_switch));
  else if (g_str_equal (page, "result"))
    gtk_window_close (GTK_WINDOW (self));
}

void
jd_csv_import_dialog_cancel (JdCsvImportDialog *self)
{
  g_return_if_fail (JD_IS_CSV_IMPORT_DIALOG (self));

  if (is_running (self))
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

void
jd_csv_import_dialog_get_counts (JdCsvImportDialog *self,
                                 guint             *n_rows,
                                 guint             *n_imported,
                                 guint             *n_rejected)
{
  g_return_if_fail (JD_IS_CSV_IMPORT_DIALOG (self));

  if (n_rows != NULL)
    *n_rows = self->result != NULL ? jd_csv_import_get_n_rows (self->result) : 0;
  if (n_imported != NULL)
    *n_imported = self->result != NULL ? jd_csv_import_get_n_imported (self->result) : 0;
  if (n_rejected != NULL)
    *n_rejected = self->result != NULL ? jd_csv_import_get_n_rejected (self->result) : 0;
}

guint
jd_csv_import_dialog_get_n_listed_errors (JdCsvImportDialog *self)
{
  g_return_val_if_fail (JD_IS_CSV_IMPORT_DIALOG (self), 0);

  return self->n_listed_errors;
}

char *
jd_csv_import_dialog_dup_errors_text (JdCsvImportDialog *self)
{
  GString *text;
  GPtrArray *errors;
  guint n_errors;

  g_return_val_if_fail (JD_IS_CSV_IMPORT_DIALOG (self), NULL);

  text = g_string_new (NULL);
  if (self->result == NULL)
    return g_string_free (text, FALSE);

  errors = jd_csv_import_get_errors (self->result);
  for (guint i = 0; i < errors->len; i++)
    {
      g_autofree char *line = jd_csv_import_format_error (self->result, g_ptr_array_index (errors, i));

      g_string_append_printf (text, "%s\n", line);
    }
  n_errors = jd_csv_import_get_n_errors (self->result);
  if (n_errors > errors->len)
    g_string_append_printf (text, ngettext ("… and %u more error\n", "… and %u more errors\n",
                                            n_errors - errors->len),
                            n_errors - errors->len);

  return g_string_free (text, FALSE);
}
