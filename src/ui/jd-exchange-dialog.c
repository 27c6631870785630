/* jd-exchange-dialog.c: export and import exchange files between districts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One window for both directions. Export: the options (years, summary or
 * full records, personal data), a save dialog, the export. Import: an open
 * dialog, the validation and the import, and the question when the file's
 * district and year are already there. The work runs in a GTask thread on a
 * JdDb of its own, opened on the same file: a JdDb is one connection.
 */

#define G_LOG_DOMAIN "jd-exchange-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-exchange-import.h"
#include "jd-exchange-dialog.h"

typedef struct
{
  JdDb                    *db;        /* an in-memory database: used as is */
  char                    *db_path;   /* or the file the thread opens */
  char                    *path;      /* the exchange file */
  gboolean                 exporting;
  int                      first_year;
  int                      last_year;
  gboolean                 records;
  gboolean                 personal_data;
  gboolean                 replace;
  gboolean                 as_own;
  JdExchangeSummary        summary;
  int                      permille;  /* atomic */
} Job;

struct _JdExchangeDialog
{
  AdwWindow         parent_instance;

  /* Template widgets */
  AdwWindowTitle   *window_title;
  GtkButton        *cancel_button;
  GtkButton        *action_button;
  GtkStack         *stack;
  GtkSpinButton    *from_spin;
  GtkSpinButton    *to_spin;
  GtkSwitch        *records_switch;
  GtkSwitch        *personal_switch;
  AdwStatusPage    *progress_status;
  GtkProgressBar   *progress_bar;
  AdwStatusPage    *error_status;
  GtkLabel         *error_label;

  /* Owned references */
  JdDb             *db;
  GCancellable     *cancellable;
  Job              *job;
  GtkNativeDialog  *chooser;
  AdwMessageDialog *question;
  char             *error_text;

  guint             progress_source;
  gboolean          exporting;
  gboolean          close_when_done;
};

G_DEFINE_FINAL_TYPE (JdExchangeDialog, jd_exchange_dialog, ADW_TYPE_WINDOW)

enum
{
  EXPORTED,
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
job_clear (gpointer data)
{
  Job *job = data;

  g_clear_object (&job->db);
  g_clear_pointer (&job->db_path, g_free);
  g_clear_pointer (&job->path, g_free);
  jd_exchange_summary_clear (&job->summary);
}

static void
job_unref (gpointer data)
{
  g_atomic_rc_box_release_full (data, job_clear);
}

static gboolean
is_file_database (const char *path)
{
  return path != NULL && *path != '\0' && !g_str_equal (path, ":memory:") &&
         !g_str_has_prefix (path, "file:");
}

static void
set_page (JdExchangeDialog *self,
          const char       *name)
{
  gboolean options = g_str_equal (name, "options");
  gboolean progress = g_str_equal (name, "progress");

  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), options || progress);
  gtk_widget_set_visible (GTK_WIDGET (self->action_button), !progress);
  gtk_button_set_label (self->action_button, options ? _("_Export…") : _("_Close"));
  if (!progress)
    gtk_widget_grab_focus (GTK_WIDGET (self->action_button));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->cancel_button));
}

/* The worker ----------------------------------------------------------------- */

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  Job *job = user_data;

  g_atomic_int_set (&job->permille, (int) (CLAMP (fraction, 0.0, 1.0) * 1000));
}

static void
validate_progress_cb (double   fraction,
                      gpointer user_data)
{
  progress_cb (fraction / 2, user_data);
}

static void
import_progress_cb (double   fraction,
                    gpointer user_data)
{
  progress_cb (0.5 + fraction / 2, user_data);
}

static void
worker_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(JdDb) db = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (job->db != NULL)
    db = g_object_ref (job->db);
  else if ((db = jd_db_open (job->db_path, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (job->exporting)
    {
      JdExchangeExportOptions options;

      jd_exchange_export_options_init (&options);
      options.first_year = job->first_year;
      options.last_year = job->last_year;
      options.records = job->records;
      options.personal_data = job->personal_data;
      ok = jd_exchange_export (db, &options, job->path, cancellable, &error);
    }
  else
    {
      JdExchangeImportOptions options = { job->replace, job->as_own };

      jd_exchange_summary_clear (&job->summary);
      ok = jd_exchange_validate (job->path, &job->summary, cancellable,
                                 validate_progress_cb, job, &error);
      if (ok)
        {
          JdExchangeSummary summary = { NULL };

          ok = jd_exchange_import (db, job->path, &options, &summary, cancellable,
                                   import_progress_cb, job, &error);
          jd_exchange_summary_clear (&summary);
        }
    }

  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static gboolean
update_progress_cb (gpointer user_data)
{
  JdExchangeDialog *self = user_data;

  if (self->exporting)
    gtk_progress_bar_pulse (self->progress_bar);
  else
    gtk_progress_bar_set_fraction (self->progress_bar,
                                   g_atomic_int_get (&self->job->permille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void start (JdExchangeDialog *self,
                   const char       *path,
                   gboolean          replace);

static char *
years_text (const JdExchangeSummary *summary)
{
  if (summary->first_year == summary->last_year)
    return g_strdup_printf ("%d", summary->first_year);
  /* Translators: a range of years */
  return g_strdup_printf (_("%d–%d"), summary->first_year, summary->last_year);
}

static void
on_question_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         JdExchangeDialog *self)
{
  g_autofree char *path = NULL;

  if (self->question == dialog)
    self->question = NULL;

  if (g_str_equal (response, "replace") && self->job != NULL)
    {
      path = g_strdup (self->job->path);
      g_clear_pointer (&self->job, job_unref);
      start (self, path, TRUE);
    }
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
ask_replace (JdExchangeDialog *self)
{
  g_autofree char *years = years_text (&self->job->summary);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL));
  /* Translators: “Replace 2024 of 示例区?”: a year or years, a district */
  adw_message_dialog_format_heading (dialog, _("Replace %s of %s?"), years,
                                     self->job->summary.district_name);
  adw_message_dialog_format_body (dialog,
                                  _("The database already holds these figures of the district. "
                                    "Importing replaces exactly that district’s years with the file’s."));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_question_response_cb), self, 0);
  self->question = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_done_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  JdExchangeDialog *self = JD_EXCHANGE_DIALOG (source);
  g_autoptr(GError) error = NULL;
  Job *job = self->job;

  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_object (&self->cancellable);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          g_error_matches (error, JD_EXCHANGE_ERROR, JD_EXCHANGE_ERROR_CANCELLED) ||
          self->close_when_done)
        {
          g_clear_pointer (&self->job, job_unref);
          if (self->exporting && !self->close_when_done)
            set_page (self, "options");
          else
            gtk_window_close (GTK_WINDOW (self));
          return;
        }
      if (g_error_matches (error, JD_EXCHANGE_ERROR, JD_EXCHANGE_ERROR_EXISTS) &&
          !job->replace && job->summary.district_name != NULL)
        {
          ask_replace (self);
          return;
        }

      g_free (self->error_text);
      self->error_text = g_strdup (error->message);
      gtk_label_set_text (self->error_label, error->message);
      adw_status_page_set_title (self->error_status,
                                 self->exporting ? _("The File Could Not Be Written")
                                                 : _("The File Could Not Be Imported"));
      g_clear_pointer (&self->job, job_unref);
      set_page (self, "error");
      return;
    }

  set_page (self, "done");
  if (self->exporting)
    g_signal_emit (self, signals[EXPORTED], 0, job->path);
  else
    {
      g_autofree char *years = years_text (&job->summary);
      g_autofree char *message =
        /* Translators: a toast: a district, a year or years */
        g_strdup_printf (_("Imported %s, %s"), job->summary.district_name, years);

      g_signal_emit (self, signals[IMPORTED], 0, message);
    }
  g_clear_pointer (&self->job, job_unref);
  gtk_window_close (GTK_WINDOW (self));
}

static void
start (JdExchangeDialog *self,
       const char       *path,
       gboolean          replace)
{
  g_autoptr(GTask) task = NULL;
  const char *db_path = jd_db_get_path (self->db);
  Job *job;

  if (self->cancellable != NULL)
    return;

  job = g_atomic_rc_box_new0 (Job);
  if (is_file_database (db_path))
    job->db_path = g_strdup (db_path);
  else
    job->db = g_object_ref (self->db);
  job->path = g_strdup (path);
  job->exporting = self->exporting;
  job->first_year = gtk_spin_button_get_value_as_int (self->from_spin);
  job->last_year = gtk_spin_button_get_value_as_int (self->to_spin);
  job->records = gtk_switch_get_active (self->records_switch);
  job->personal_data = gtk_switch_get_active (self->personal_switch);
  job->replace = replace;
  /* Into an empty database, a file with records is the bureau's own district
   * (moved from another computer, say); a summary stays another district's. */
  job->as_own = jd_db_is_empty (self->db);
  g_clear_pointer (&self->job, job_unref);
  self->job = g_atomic_rc_box_acquire (job);
  self->cancellable = g_cancellable_new ();

  task = g_task_new (self, self->cancellable, on_done_cb, NULL);
  g_task_set_source_tag (task, start);
  g_task_set_name (task, self->exporting ? "[jiandu] export" : "[jiandu] import");
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job, job_unref);
  g_task_run_in_thread (task, worker_thread);

  {
    g_autofree char *basename = g_path_get_basename (path);

    adw_status_page_set_title (self->progress_status,
                               self->exporting ? _("Exporting…") : _("Importing…"));
    adw_status_page_set_description (self->progress_status, basename);
  }
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  self->progress_source = g_timeout_add (100, update_progress_cb, self);
  set_page (self, "progress");
}

/* The file choosers ------------------------------------------------------------ */

static void
on_chooser_response_cb (GtkNativeDialog  *chooser,
                        int               response,
                        JdExchangeDialog *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file != NULL)
    jd_exchange_dialog_run_file (self, file);
  else if (!self->exporting)
    gtk_window_close (GTK_WINDOW (self));
}

static void
choose_file (JdExchangeDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkWindow *parent;

  if (self->chooser != NULL || self->cancellable != NULL)
    return;

  /* Import asks before this window shows: the chooser belongs to the main window */
  parent = self->exporting ? GTK_WINDOW (self) : gtk_window_get_transient_for (GTK_WINDOW (self));
  chooser = gtk_file_chooser_native_new (self->exporting ? _("Export Exchange File")
                                                         : _("Import Exchange File"),
                                         parent,
                                         self->exporting ? GTK_FILE_CHOOSER_ACTION_SAVE
                                                         : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         self->exporting ? _("_Export") : _("_Import"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Exchange Files"));
  gtk_file_filter_add_pattern (filter, "*.xml");
  gtk_file_filter_add_mime_type (filter, "application/xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (self->exporting)
    {
      g_autofree char *name = NULL;
      int first = gtk_spin_button_get_value_as_int (self->from_spin);
      int last = gtk_spin_button_get_value_as_int (self->to_spin);

      name = first == last ? g_strdup_printf ("jiandu-%d.xml", first)
                           : g_strdup_printf ("jiandu-%d-%d.xml", first, last);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

/* Actions and signals ------------------------------------------------------------ */

static void
on_action_clicked_cb (JdExchangeDialog *self)
{
  if (g_str_equal (jd_exchange_dialog_get_page (self), "options"))
    choose_file (self);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
on_cancel_clicked_cb (JdExchangeDialog *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
on_from_changed_cb (JdExchangeDialog *self)
{
  if (gtk_spin_button_get_value_as_int (self->to_spin) < gtk_spin_button_get_value_as_int (self->from_spin))
    gtk_spin_button_set_value (self->to_spin, gtk_spin_button_get_value (self->from_spin));
}

static void
on_to_changed_cb (JdExchangeDialog *self)
{
  if (gtk_spin_button_get_value_as_int (self->to_spin) < gtk_spin_button_get_value_as_int (self->from_spin))
    gtk_spin_button_set_value (self->from_spin, gtk_spin_button_get_value (self->to_spin));
}

static gboolean
jd_exchange_dialog_close_request (GtkWindow *window)
{
  JdExchangeDialog *self = JD_EXCHANGE_DIALOG (window);

  /* A running job is cancelled first; the window closes when it has stopped */
  if (self->cancellable != NULL)
    {
      self->close_when_done = TRUE;
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (jd_exchange_dialog_parent_class)->close_request (window);
}

static void
escape_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  on_cancel_clicked_cb (JD_EXCHANGE_DIALOG (widget));
}

static void
jd_exchange_dialog_dispose (GObject *object)
{
  JdExchangeDialog *self = JD_EXCHANGE_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }
  if (self->question != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->question)));
  gtk_widget_dispose_template (GTK_WIDGET (object), JD_TYPE_EXCHANGE_DIALOG);

  G_OBJECT_CLASS (jd_exchange_dialog_parent_class)->dispose (object);
}

static void
jd_exchange_dialog_finalize (GObject *object)
{
  JdExchangeDialog *self = JD_EXCHANGE_DIALOG (object);

  g_clear_object (&self->db);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->job, job_unref);
  g_clear_pointer (&self->error_text, g_free);

  G_OBJECT_CLASS (jd_exchange_dialog_parent_class)->finalize (object);
}

static void
jd_exchange_dialog_class_init (JdExchangeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = jd_exchange_dialog_dispose;
  object_class->finalize = jd_exchange_dialog_finalize;
  window_class->close_request = jd_exchange_dialog_close_request;

  signals[EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/jd-exchange-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JdExchangeDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, JdExchangeDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, JdExchangeDialog, action_button);
  gtk_widget_class_bind_template_child (widget_class, JdExchangeDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, JdExchangeDialog, from_spin);
  gtk_widget_class_bind_template_child (widget_class, JdExchangeDialog, to_spin);
  gtk_widget_class_bind_template_child (widget_class, JdExchangeDialog, records_switch);
  gtk_widget_class_bind_template_child (widget_class, JdExchangeDialog, personal_switch);
  gtk_widget_class_bind_template_child (widget_class, JdExchangeDialog, progress_status);
  gtk_widget_class_bind_template_child (widget_class, JdExchangeDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, JdExchangeDialog, error_status);
  gtk_widget_class_bind_template_child (widget_class, JdExchangeDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_action_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_from_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_to_changed_cb);

  gtk_widget_class_install_action (widget_class, "exchange.escape", NULL, escape_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "exchange.escape", NULL);
}

static void
jd_exchange_dialog_init (JdExchangeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static JdExchangeDialog *
dialog_new (JdDb      *db,
            GtkWindow *parent,
            gboolean   exporting)
{
  JdExchangeDialog *self;

  g_return_val_if_fail (JD_IS_DB (db), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (JD_TYPE_EXCHANGE_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->db = g_object_ref (db);
  self->exporting = exporting;
  adw_window_title_set_title (self->window_title,
                              exporting ? _("Export Exchange File") : _("Import Exchange File"));
  gtk_window_set_title (GTK_WINDOW (self),
                        exporting ? _("Export Exchange File") : _("Import Exchange File"));
  return self;
}

JdExchangeDialog *
jd_exchange_dialog_new_export (JdDb      *db,
                               GtkWindow *parent)
{
  JdExchangeDialog *self = dialog_new (db, parent, TRUE);
  g_autoptr(GArray) years = jd_db_list_years (db);

  if (years != NULL && years->len > 0)
    {
      int first = g_array_index (years, int, 0);
      int last = g_array_index (years, int, years->len - 1);

      gtk_spin_button_set_range (self->from_spin, first, last);
      gtk_spin_button_set_range (self->to_spin, first, last);
      gtk_spin_button_set_value (self->from_spin, first);
      gtk_spin_button_set_value (self->to_spin, last);
    }
  set_page (self, "options");
  return self;
}

JdExchangeDialog *
jd_exchange_dialog_new_import (JdDb      *db,
                               GtkWindow *parent)
{
  JdExchangeDialog *self = dialog_new (db, parent, FALSE);

  set_page (self, "progress");
  return self;
}

void
jd_exchange_dialog_choose_file (JdExchangeDialog *self)
{
  g_return_if_fail (JD_IS_EXCHANGE_DIALOG (self));

  choose_file (self);
}

void
jd_exchange_dialog_set_years (JdExchangeDialog *self,
                              int               first_year,
                              int               last_year)
{
  g_return_if_fail (JD_IS_EXCHANGE_DIALOG (self));

  gtk_spin_button_set_value (self->from_spin, first_year);
  gtk_spin_button_set_value (self->to_spin, last_year);
}

void
jd_exchange_dialog_set_records (JdExchangeDialog *self,
                                gboolean          records)
{
  g_return_if_fail (JD_IS_EXCHANGE_DIALOG (self));

  gtk_switch_set_active (self->records_switch, records);
}

gboolean
jd_exchange_dialog_get_personal_data (JdExchangeDialog *self)
{
  g_return_val_if_fail (JD_IS_EXCHANGE_DIALOG (self), FALSE);

  return gtk_switch_get_active (self->personal_switch);
}

void
jd_exchange_dialog_run_file (JdExchangeDialog *self,
                             GFile            *file)
{
  g_autofree char *path = NULL;

  g_return_if_fail (JD_IS_EXCHANGE_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_free (self->error_text);
      self->error_text = g_strdup (_("Only local files can be used"));
      gtk_label_set_text (self->error_label, self->error_text);
      set_page (self, "error");
      return;
    }
  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    gtk_window_present (GTK_WINDOW (self));
  start (self, path, FALSE);
}

void
jd_exchange_dialog_cancel (JdExchangeDialog *self)
{
  g_return_if_fail (JD_IS_EXCHANGE_DIALOG (self));

  on_cancel_clicked_cb (self);
}

const char *
jd_exchange_dialog_get_page (JdExchangeDialog *self)
{
  g_return_val_if_fail (JD_IS_EXCHANGE_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
jd_exchange_dialog_get_error (JdExchangeDialog *self)
{
  g_return_val_if_fail (JD_IS_EXCHANGE_DIALOG (self), NULL);

  return self->error_text;
}

AdwMessageDialog *
jd_exchange_dialog_get_question (JdExchangeDialog *self)
{
  g_return_val_if_fail (JD_IS_EXCHANGE_DIALOG (self), NULL);

  return self->question;
}
