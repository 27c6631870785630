/* jd-review-batch-dialog.c: creating a review batch (新建评查活动)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The form states the batch: name, year, kind, scope (agencies, categories,
 * closed between two dates), the sample (a number or a percentage), the
 * seed (a fresh one, editable so that a published sample can be drawn
 * again) and the reviewers. Preview and Create run in a GTask thread on a
 * JdDb of its own, opened on the same file, as the CSV import does: the
 * window keeps reading its connection meanwhile.
 */

#define G_LOG_DOMAIN "jd-review-batch-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-registry.h"
#include "jd-review-batch.h"
#include "jd-review-batch-dialog.h"

/* The categories a batch can draw from: those with a review kind */
static const JdActionCategory reviewed_categories[] = {
  JD_CATEGORY_PENALTY,
  JD_CATEGORY_LICENSING,
  JD_CATEGORY_INSPECTION,
  JD_CATEGORY_COERCIVE_MEASURE,
  JD_CATEGORY_COERCIVE_EXECUTION,
};

typedef enum
{
  JOB_PREVIEW,
  JOB_CREATE,
} JobKind;

typedef struct
{
  JdDb              *db;         /* an in-memory database: used as is */
  char              *db_path;    /* or the file the thread opens */
  JdReviewBatchSpec *spec;
  JobKind            kind;
  /* Results */
  guint              n_scope;
  guint              n_drawn;
  gint64             batch_id;
} BatchJob;

struct _JdReviewBatchDialog
{
  AdwWindow          parent_instance;

  /* Template widgets */
  GtkWidget         *create_button;
  GtkSpinner        *spinner;
  AdwEntryRow       *name_row;
  GtkSpinButton     *year_spin;
  AdwComboRow       *kind_row;
  AdwComboRow       *agencies_mode_row;
  GtkWidget         *agencies_box;
  GtkSearchEntry    *agency_search;
  GtkListBox        *agency_list;
  AdwPreferencesGroup *categories_group;
  AdwEntryRow       *from_row;
  AdwEntryRow       *to_row;
  AdwComboRow       *sample_mode_row;
  AdwActionRow      *sample_row;
  GtkSpinButton     *sample_spin;
  AdwEntryRow       *seed_row;
  GtkTextView       *reviewers_view;
  AdwActionRow      *preview_row;
  GtkLabel          *message_label;

  /* Owned references */
  JdDb              *db;
  GCancellable      *cancellable;

  /* Borrowed references */
  GtkCheckButton    *category_checks[G_N_ELEMENTS (reviewed_categories)];

  gboolean           close_when_done;
};

G_DEFINE_FINAL_TYPE (JdReviewBatchDialog, jd_review_batch_dialog, ADW_TYPE_WINDOW)

enum
{
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
batch_job_free (gpointer data)
{
  BatchJob *job = data;

  g_clear_object (&job->db);
  g_clear_pointer (&job->db_path, g_free);
  g_clear_pointer (&job->spec, jd_review_batch_spec_free);
  g_free (job);
}

static gboolean
is_file_database (const char *path)
{
  return path != NULL && *path != '\0' && !g_str_equal (path, ":memory:") &&
         !g_str_has_prefix (path, "file:");
}

static gboolean
is_running (JdReviewBatchDialog *self)
{
  return self->cancellable != NULL;
}

static void
show_message (JdReviewBatchDialog *self,
              const char          *message)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
set_running (JdReviewBatchDialog *self,
             gboolean             running)
{
  gtk_spinner_set_spinning (self->spinner, running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "batch.create", !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "batch.preview", !running);
}

static char *
dup_text (GtkEditable *editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (editable)));
}

/* The reviewers: split on lines and commas (ASCII and Chinese), trimmed,
 * without repeats */
static GPtrArray *
parse_reviewers (const char *text)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRegex) regex = g_regex_new ("[\\n,;，、；]+", 0, 0, NULL);
  g_auto(GStrv) parts = g_regex_split (regex, text, 0);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *name = g_strstrip (parts[i]);
      gboolean seen = FALSE;

      if (*name == '\0')
        continue;
      for (guint j = 0; j < names->len && !seen; j++)
        seen = g_str_equal (g_ptr_array_index (names, j), name);
      if (!seen)
        g_ptr_array_add (names, g_strdup (name));
    }

  return g_steal_pointer (&names);
}

/* The spec the form states, or NULL with the message naming the field */
static JdReviewBatchSpec *
read_spec (JdReviewBatchDialog  *self,
           gboolean              for_create,
           char                **message)
{
  g_autoptr(JdReviewBatchSpec) spec = jd_review_batch_spec_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = dup_text (GTK_EDITABLE (self->name_row));
  g_autofree char *from = dup_text (GTK_EDITABLE (self->from_row));
  g_autofree char *to = dup_text (GTK_EDITABLE (self->to_row));
  g_autofree char *seed_text = dup_text (GTK_EDITABLE (self->seed_row));
  g_autofree char *reviewers = NULL;
  g_autoptr(GPtrArray) names = NULL;
  GtkTextIter start, end;
  GtkTextBuffer *buffer;
  guint64 seed;
  gboolean all_categories = TRUE;

  if (for_create && *name == '\0')
    {
      *message = g_strdup (_("Name: give the batch a name"));
      return NULL;
    }

  if (!jd_registry_check_date (from, _("Closed from"), FALSE, &error) ||
      !jd_registry_check_date (to, _("Closed to"), FALSE, &error))
    {
      *message = g_strdup (error->message);
      return NULL;
    }
  if (*from != '\0' && *to != '\0' && strcmp (from, to) > 0)
    {
      *message = g_strdup (_("Closed to: the end date is before the start date"));
      return NULL;
    }

  if (!g_ascii_string_to_unsigned (seed_text, 10, 0, G_MAXUINT64, &seed, NULL))
    {
      *message = g_strdup (_("Seed: a whole number of up to 20 digits"));
      return NULL;
    }

  g_free (spec->name);
  spec->name = g_steal_pointer (&name);
  spec->year = gtk_spin_button_get_value_as_int (self->year_spin);
  spec->kind = (JdReviewBatchKind) adw_combo_row_get_selected (self->kind_row);
  spec->seed = seed;
  spec->closed_from = *from != '\0' ? g_steal_pointer (&from) : NULL;
  spec->closed_to = *to != '\0' ? g_steal_pointer (&to) : NULL;

  for (guint i = 0; i < G_N_ELEMENTS (reviewed_categories); i++)
    {
      if (gtk_check_button_get_active (self->category_checks[i]))
        {
          int category = reviewed_categories[i];

          g_array_append_val (spec->categories, category);
        }
      else
        all_categories = FALSE;
    }
  if (spec->categories->len == 0)
    {
      *message = g_strdup (_("Categories: choose at least one"));
      return NULL;
    }
  if (all_categories)
    g_array_set_size (spec->categories, 0);

  if (adw_combo_row_get_selected (self->agencies_mode_row) == 1)
    {
      for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->agency_list));
           row != NULL;
           row = gtk_widget_get_next_sibling (row))
        {
          GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "jd-check");
          gint64 id;

          if (check == NULL || !gtk_check_button_get_active (check))
            continue;
          id = *(gint64 *) g_object_get_data (G_OBJECT (row), "jd-agency-id");
          g_array_append_val (spec->agency_ids, id);
        }
      if (spec->agency_ids->len == 0)
        {
          *message = g_strdup (_("Agencies: choose at least one, or all agencies"));
          return NULL;
        }
    }

  if (adw_combo_row_get_selected (self->sample_mode_row) == 0)
    spec->sample_size = gtk_spin_button_get_value_as_int (self->sample_spin);
  else
    {
      spec->sample_size = 0;
      spec->sample_percent = gtk_spin_button_get_value (self->sample_spin);
    }

  buffer = gtk_text_view_get_buffer (self->reviewers_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  reviewers = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  names = parse_reviewers (reviewers);
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (spec->reviewers, g_strdup (g_ptr_array_index (names, i)));

  return g_steal_pointer (&spec);
}

static void
batch_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  BatchJob *job = task_data;
  g_autoptr(JdDb) db = NULL;
  g_autoptr(GError) error = NULL;

  if (job->db != NULL)
    db = g_object_ref (job->db);
  else if ((db = jd_db_open (job->db_path, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!jd_review_templates_ensure (db, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (job->kind == JOB_PREVIEW)
    {
      g_autoptr(JdReviewBatchSpec) all = NULL;
      g_autoptr(GArray) scope = NULL;
      g_autoptr(GArray) drawn = NULL;

      /* Everything in scope: the same spec at 100% */
      all = jd_review_batch_spec_new ();
      all->year = job->spec->year;
      all->seed = job->spec->seed;
      all->closed_from = g_strdup (job->spec->closed_from);
      all->closed_to = g_strdup (job->spec->closed_to);
      g_array_append_vals (all->agency_ids, job->spec->agency_ids->data, job->spec->agency_ids->len);
      g_array_append_vals (all->categories, job->spec->categories->data, job->spec->categories->len);
      all->sample_size = 0;
      all->sample_percent = 100;

      if ((scope = jd_review_sample_draw (db, all, &error)) == NULL ||
          (drawn = jd_review_sample_draw (db, job->spec, &error)) == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      job->n_scope = scope->len;
      job->n_drawn = drawn->len;
    }
  else if (!jd_review_batch_create (db, job->spec, &job->batch_id, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
on_job_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  JdReviewBatchDialog *self = JD_REVIEW_BATCH_DIALOG (source_object);
  BatchJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->cancellable);
  set_running (self, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *message = NULL;

      g_warning ("Cannot draw the sample: %s", error->message);
      if (self->close_when_done)
        {
          gtk_window_destroy (GTK_WINDOW (self));
          return;
        }
      /* Translators: %s is the reason */
      message = g_strdup_printf (_("Cannot draw the sample: %s"), error->message);
      show_message (self, message);
      return;
    }

  if (job->kind == JOB_CREATE)
    {
      g_signal_emit (self, signals[CREATED], 0, job->batch_id);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (self->close_when_done)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  {
    g_autofree char *title = NULL;
    g_autofree char *subtitle = NULL;

    /* Translators: the preview of a batch's sample */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file in scope", "%u files in scope",
                                          job->n_scope), job->n_scope);
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file would be drawn",
                                             "%u files would be drawn", job->n_drawn), job->n_drawn);
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->preview_row), title);
    adw_action_row_set_subtitle (self->preview_row, subtitle);
    show_message (self, NULL);
  }
}

static void
start_job (JdReviewBatchDialog *self,
           JobKind              kind)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *message = NULL;
  const char *db_path = jd_db_get_path (self->db);
  JdReviewBatchSpec *spec;
  BatchJob *job;

  if (is_running (self))
    return;

  spec = read_spec (self, kind == JOB_CREATE, &message);
  if (spec == NULL)
    {
      show_message (self, message);
      return;
    }
  show_message (self, NULL);

  job = g_new0 (BatchJob, 1);
  if (is_file_database (db_path))
    job->db_path = g_strdup (db_path);
  else
    job->db = g_object_ref (self->db);
  job->spec = spec;
  job->kind = kind;
  self->cancellable = g_cancellable_new ();

  task = g_task_new (self, self->cancellable, on_job_done_cb, NULL);
  g_task_set_source_tag (task, start_job);
  g_task_set_name (task, kind == JOB_CREATE ? "[jiandu] create review batch" : "[jiandu] preview sample");
  /* Creating runs in one transaction: it commits or rolls back whole */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job, batch_job_free);
  g_task_run_in_thread (task, batch_thread);

  set_running (self, TRUE);
}

static void
set_new_seed (JdReviewBatchDialog *self)
{
  g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT, jd_review_new_seed ());

  gtk_editable_set_text (GTK_EDITABLE (self->seed_row), seed);
}

static void
on_agencies_mode_changed_cb (JdReviewBatchDialog *self)
{
  gtk_widget_set_visible (self->agencies_box, adw_combo_row_get_selected (self->agencies_mode_row) == 1);
}

static void
on_sample_mode_changed_cb (JdReviewBatchDialog *self)
{
  GtkAdjustment *adjustment = gtk_spin_button_get_adjustment (self->sample_spin);

  if (adw_combo_row_get_selected (self->sample_mode_row) == 0)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->sample_row), _("_Files to draw"));
      gtk_spin_button_set_digits (self->sample_spin, 0);
      gtk_adjustment_configure (adjustment, 30, 1, 100000, 1, 10, 0);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->sample_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Files to draw"), -1);
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->sample_row), _("_Percentage to draw"));
      gtk_spin_button_set_digits (self->sample_spin, 1);
      gtk_adjustment_configure (adjustment, 10, 0.1, 100, 0.5, 5, 0);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->sample_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Percentage to draw"), -1);
    }
}

static gboolean
filter_agency_row (GtkListBoxRow *row,
                   gpointer       user_data)
{
  JdReviewBatchDialog *self = user_data;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->agency_search));
  const char *name = g_object_get_data (G_OBJECT (row), "jd-agency-name");
  g_autofree char *folded_query = NULL;
  g_autofree char *folded_name = NULL;

  if (query == NULL || *query == '\0' || name == NULL)
    return TRUE;

  folded_query = g_utf8_casefold (query, -1);
  folded_name = g_utf8_casefold (name, -1);
  return strstr (folded_name, folded_query) != NULL;
}

static void
on_agency_search_changed_cb (JdReviewBatchDialog *self)
{
  gtk_list_box_invalidate_filter (self->agency_list);
}

static void
fill_agencies (JdReviewBatchDialog *self)
{
  g_autoptr(GPtrArray) agencies = jd_registry_list_agencies (self->db, jd_db_get_local_district (self->db));

  for (guint i = 0; agencies != NULL && i < agencies->len; i++)
    {
      const JdAgency *agency = g_ptr_array_index (agencies, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      gint64 *id = g_new (gint64, 1);

      *id = agency->id;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), agency->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      agency->name, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data (G_OBJECT (row), "jd-check", check);
      g_object_set_data_full (G_OBJECT (row), "jd-agency-id", id, g_free);
      g_object_set_data_full (G_OBJECT (row), "jd-agency-name", g_strdup (agency->name), g_free);
      gtk_list_box_append (self->agency_list, row);
    }
}

static void
fill_categories (JdReviewBatchDialog *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (reviewed_categories); i++)
    {
      const char *label = jd_category_to_label (reviewed_categories[i]);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->categories_group, row);
      self->category_checks[i] = GTK_CHECK_BUTTON (check);
    }
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  start_job (JD_REVIEW_BATCH_DIALOG (widget), JOB_CREATE);
}

static void
preview_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  start_job (JD_REVIEW_BATCH_DIALOG (widget), JOB_PREVIEW);
}

static void
new_seed_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  set_new_seed (JD_REVIEW_BATCH_DIALOG (widget));
}

static gboolean
jd_review_batch_dialog_close_request (GtkWindow *window)
{
  JdReviewBatchDialog *self = JD_REVIEW_BATCH_DIALOG (window);

  /* The thread finishes (a batch is created whole or not at all) first */
  if (is_running (self))
    {
      self->close_when_done = TRUE;
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (jd_review_batch_dialog_parent_class)->close_request (window);
}

static void
jd_review_batch_dialog_dispose (GObject *object)
{
  JdReviewBatchDialog *self = JD_REVIEW_BATCH_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_REVIEW_BATCH_DIALOG);

  G_OBJECT_CLASS (jd_review_batch_dialog_parent_class)->dispose (object);
}

static void
jd_review_batch_dialog_finalize (GObject *object)
{
  JdReviewBatchDialog *self = JD_REVIEW_BATCH_DIALOG (object);

  g_clear_object (&self->db);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (jd_review_batch_dialog_parent_class)->finalize (object);
}

static void
jd_review_batch_dialog_class_init (JdReviewBatchDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = jd_review_batch_dialog_dispose;
  object_class->finalize = jd_review_batch_dialog_finalize;
  window_class->close_request = jd_review_batch_dialog_close_request;

  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/jd-review-batch-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JdReviewBatchDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, JdReviewBatchDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, JdReviewBatchDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, JdReviewBatchDialog, year_spin);
  gtk_widget_class_bind_template_child (widget_class, JdReviewBatchDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, JdReviewBatchDialog, agencies_mode_row);
  gtk_widget_class_bind_template_child (widget_class, JdReviewBatchDialog, agencies_box);
  gtk_widget_class_bind_template_child (widget_class, JdReviewBatchDialog, agency_search);
  gtk_widget_class_bind_template_child (widget_class, JdReviewBatchDialog, agency_list);
  gtk_widget_class_bind_template_child (widget_class, JdReviewBatchDialog, categories_group);
  gtk_widget_class_bind_template_child (widget_class, JdReviewBatchDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, JdReviewBatchDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, JdReviewBatchDialog, sample_mode_row);
  gtk_widget_class_bind_template_child (widget_class, JdReviewBatchDialog, sample_row);
  gtk_widget_class_bind_template_child (widget_class, JdReviewBatchDialog, sample_spin);
  gtk_widget_class_bind_template_child (widget_class, JdReviewBatchDialog, seed_row);
  gtk_widget_class_bind_template_child (widget_class, JdReviewBatchDialog, reviewers_view);
  gtk_widget_class_bind_template_child (widget_class, JdReviewBatchDialog, preview_row);
  gtk_widget_class_bind_template_child (widget_class, JdReviewBatchDialog, message_label);

  gtk_widget_class_install_action (widget_class, "batch.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "batch.preview", NULL, preview_action);
  gtk_widget_class_install_action (widget_class, "batch.new-seed", NULL, new_seed_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "batch.create", NULL);
}

static void
jd_review_batch_dialog_init (JdReviewBatchDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint k = 0; k < JD_REVIEW_BATCH_KIND_N; k++)
    gtk_string_list_append (kinds, jd_review_batch_kind_to_label (k));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_selected (self->kind_row, JD_REVIEW_BATCH_SPOT);

  gtk_list_box_set_filter_func (self->agency_list, filter_agency_row, self, NULL);
  g_signal_connect_object (self->agencies_mode_row, "notify::selected",
                           G_CALLBACK (on_agencies_mode_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sample_mode_row, "notify::selected",
                           G_CALLBACK (on_sample_mode_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->agency_search, "search-changed",
                           G_CALLBACK (on_agency_search_changed_cb), self, G_CONNECT_SWAPPED);

  fill_categories (self);
  set_new_seed (self);
}

JdReviewBatchDialog *
jd_review_batch_dialog_new (JdDb      *db,
                            GtkWindow *parent)
{
  JdReviewBatchDialog *self;
  g_autoptr(GArray) years = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = NULL;
  int year;

  g_return_val_if_fail (JD_IS_DB (db), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (JD_TYPE_REVIEW_BATCH_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->db = g_object_ref (db);

  /* The newest year with records: last year's files are reviewed this year */
  years = jd_db_list_years (db);
  year = years != NULL && years->len > 0 ? g_array_index (years, int, years->len - 1)
                                         : g_date_time_get_year (now);
  gtk_spin_button_set_value (self->year_spin, year);
  /* Translators: the default name of a new batch; %d is the year */
  name = g_strdup_printf (_("Case-file review %d"), year);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);

  fill_agencies (self);

  return self;
}

void
_jd_review_batch_dialog_fill (JdReviewBatchDialog *self,
                              const char          *name,
                              int                  year,
                              guint                sample_size,
                              guint64              seed,
                              const char          *reviewers)
{
  g_autofree char *seed_text = g_strdup_printf ("%" G_GUINT64_FORMAT, seed);

  g_return_if_fail (JD_IS_REVIEW_BATCH_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  gtk_spin_button_set_value (self->year_spin, year);
  adw_combo_row_set_selected (self->sample_mode_row, 0);
  gtk_spin_button_set_value (self->sample_spin, sample_size);
  gtk_editable_set_text (GTK_EDITABLE (self->seed_row), seed_text);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->reviewers_view), reviewers, -1);
}

void
_jd_review_batch_dialog_set_dates (JdReviewBatchDialog *self,
                                   const char          *from,
                                   const char          *to)
{
  g_return_if_fail (JD_IS_REVIEW_BATCH_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->from_row), from);
  gtk_editable_set_text (GTK_EDITABLE (self->to_row), to);
}

const char *
_jd_review_batch_dialog_get_message (JdReviewBatchDialog *self)
{
  g_return_val_if_fail (JD_IS_REVIEW_BATCH_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->message_label)))
    return NULL;
  return gtk_label_get_text (self->message_label);
}

gboolean
_jd_review_batch_dialog_get_busy (JdReviewBatchDialog *self)
{
  g_return_val_if_fail (JD_IS_REVIEW_BATCH_DIALOG (self), FALSE);

  return is_running (self);
}
