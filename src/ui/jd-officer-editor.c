/* jd-officer-editor.c: add or edit an enforcement officer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Checked by core as the user types. Moving an officer to another agency is
 * a transfer: the records stay with the agency that made them.
 */

#define G_LOG_DOMAIN "jd-officer-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-officer-editor.h"
#include "jd-registry.h"
#include "jd-registry-form.h"

struct _JdOfficerEditor
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkButton           *save_button;
  AdwEntryRow         *name_row;
  AdwComboRow         *agency_row;
  AdwEntryRow         *exam_year_row;
  AdwEntryRow         *certificate_row;
  AdwEntryRow         *issued_row;
  AdwEntryRow         *expires_row;
  AdwActionRow        *status_row;
  GtkLabel            *error_label;
  AdwPreferencesGroup *delete_group;

  /* Owned references */
  JdDb                *db;
  GArray              *agency_ids;   /* gint64, in the order of agency_row; 0 first when unset */
  char                *name;         /* the officer's name when opened */

  gint64               officer_id;
  gboolean             loading;
  gboolean             touched;
  gboolean             valid;
};

G_DEFINE_FINAL_TYPE (JdOfficerEditor, jd_officer_editor, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char *name;
  char *certificate_no;
  char *issued_on;
  char *expires_on;
} Texts;

static void
texts_clear (Texts *texts)
{
  g_clear_pointer (&texts->name, g_free);
  g_clear_pointer (&texts->certificate_no, g_free);
  g_clear_pointer (&texts->issued_on, g_free);
  g_clear_pointer (&texts->expires_on, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Texts, texts_clear)

static void
note (GPtrArray  *errors,
      GtkWidget  *row,
      GError    **error)
{
  if (*error != NULL)
    g_ptr_array_add (errors, g_strdup ((*error)->message));
  _jd_registry_form_set_row_error (row, *error != NULL ? (*error)->message : NULL);
  g_clear_error (error);
}

static void
read_fields (JdOfficerEditor *self,
             JdOfficerInfo   *info,
             Texts           *texts,
             GPtrArray       *errors)
{
  g_autofree char *exam_year = NULL;
  g_autoptr(GError) error = NULL;
  guint selected;

  g_assert (JD_IS_OFFICER_EDITOR (self));

  texts->name = _jd_registry_form_dup_text (GTK_EDITABLE (self->name_row));
  texts->certificate_no = _jd_registry_form_dup_text (GTK_EDITABLE (self->certificate_row));
  texts->issued_on = _jd_registry_form_dup_text (GTK_EDITABLE (self->issued_row));
  texts->expires_on = _jd_registry_form_dup_text (GTK_EDITABLE (self->expires_row));
  exam_year = _jd_registry_form_dup_text (GTK_EDITABLE (self->exam_year_row));

  selected = adw_combo_row_get_selected (self->agency_row);
  *info = (JdOfficerInfo) {
    .agency_id = selected < self->agency_ids->len ? g_array_index (self->agency_ids, gint64, selected)
                                                  : 0,
    .name = texts->name,
    .certificate_no = texts->certificate_no,
    .issued_on = texts->issued_on,
    .expires_on = texts->expires_on,
  };

  jd_registry_check_officer_name (info->name, &error);
  note (errors, GTK_WIDGET (self->name_row), &error);

  if (info->agency_id == 0)
    g_set_error_literal (&error, JD_DB_ERROR, JD_DB_ERROR_INVALID,
                         _("Agency: choose the agency the officer works for"));
  note (errors, GTK_WIDGET (self->agency_row), &error);

  jd_registry_parse_year (exam_year, _("Exam year"), &info->exam_year, &error);
  note (errors, GTK_WIDGET (self->exam_year_row), &error);

  jd_registry_check_certificate_no (self->db, info->certificate_no, self->officer_id, &error);
  note (errors, GTK_WIDGET (self->certificate_row), &error);

  {
    g_autoptr(GError) issued_error = NULL;
    g_autoptr(GError) expires_error = NULL;

    gboolean has_certificate = info->certificate_no != NULL && *info->certificate_no != '\0';

    jd_registry_check_date (info->issued_on, _("Issued on"), has_certificate, &issued_error);
    jd_registry_check_date (info->expires_on, _("Expires on"), has_certificate, &expires_error);

    /* both dates read: what remains is their order, or one that is missing */
    if (issued_error == NULL && expires_error == NULL &&
        !jd_registry_check_officer_dates (info->certificate_no, info->issued_on, info->expires_on,
                                          &error))
      {
        if (info->issued_on == NULL || *info->issued_on == '\0')
          issued_error = g_steal_pointer (&error);
        else
          expires_error = g_steal_pointer (&error);
      }

    note (errors, GTK_WIDGET (self->issued_row), &issued_error);
    note (errors, GTK_WIDGET (self->expires_row), &expires_error);
  }
}

static void
validate (JdOfficerEditor *self)
{
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  g_auto(Texts) texts = { 0 };
  JdOfficerInfo info;

  g_assert (JD_IS_OFFICER_EDITOR (self));

  read_fields (self, &info, &texts, errors);
  self->valid = errors->len == 0;
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), self->valid);

  if (!self->touched)
    {
      _jd_registry_form_set_row_error (GTK_WIDGET (self->name_row), NULL);
      _jd_registry_form_set_row_error (GTK_WIDGET (self->agency_row), NULL);
      g_ptr_array_set_size (errors, 0);
    }

  _jd_registry_form_show_errors (self->error_label, errors);
}

static void
on_field_changed_cb (JdOfficerEditor *self)
{
  g_assert (JD_IS_OFFICER_EDITOR (self));

  if (self->loading)
    return;

  self->touched = TRUE;
  validate (self);
}

static void
on_save_clicked_cb (JdOfficerEditor *self)
{
  g_autoptr(GError) error = NULL;

  g_assert (JD_IS_OFFICER_EDITOR (self));

  if (jd_officer_editor_save (self, &error))
    gtk_window_close (GTK_WINDOW (self));
}

static void
delete_confirmed (JdOfficerEditor *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = self->officer_id;

  g_assert (JD_IS_OFFICER_EDITOR (self));

  if (!jd_registry_delete_officer (self->db, id, &error))
    {
      _jd_registry_form_toast_error (self->toast_overlay, error);
      return;
    }

  g_signal_emit (self, signals[DELETED], 0, id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_delete_clicked_cb (JdOfficerEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;

  g_assert (JD_IS_OFFICER_EDITOR (self));

  if (!jd_registry_can_delete_officer (self->db, self->officer_id, &error))
    {
      _jd_registry_form_toast_error (self->toast_overlay, error);
      return;
    }

  /* Translators: %s is an officer's name */
  heading = g_strdup_printf (_("Delete Officer %s?"), self->name);
  _jd_registry_form_confirm_delete (GTK_WINDOW (self), heading,
                                    _("The officer and the history of their certificate will be "
                                      "removed. This cannot be undone."),
                                    _("_Delete"), G_CALLBACK (delete_confirmed), G_OBJECT (self));
}

static char *
describe_status (const JdOfficer *officer)
{
  const char *status = jd_cert_status_to_label (officer->status);

  if (officer->expires_on == NULL)
    return g_strdup (_("No certificate issued"));
  if (officer->status == JD_CERT_STATUS_CANCELLED)
    /* Translators: “Cancelled (Retired) on 2024-06-30” */
    return g_strdup_printf (_("%s (%s) on %s"), status,
                            jd_cancel_reason_to_label (officer->cancel_reason),
                            officer->status_changed_on != NULL ? officer->status_changed_on : "—");
  /* Translators: “Valid, expires 2027-12-31” */
  return g_strdup_printf (_("%s, expires %s"), status, officer->expires_on);
}

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
load (JdOfficerEditor *self,
      gint64           agency_id)
{
  g_autoptr(GtkStringList) agencies = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) agency_items = NULL;
  g_autoptr(JdOfficer) officer = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (JD_IS_OFFICER_EDITOR (self));

  self->loading = TRUE;

  if (self->officer_id != 0)
    {
      officer = jd_registry_get_officer (self->db, self->officer_id, &error);
      if (officer != NULL)
        agency_id = officer->agency_id;
      else
        self->officer_id = 0;
    }

  /* the active agencies of every district, and the officer's own */
  agency_items = jd_registry_list_agencies (self->db, 0);
  if (agency_id == 0)
    {
      gint64 none = 0;

      gtk_string_list_append (agencies, _("Choose an agency"));
      g_array_append_val (self->agency_ids, none);
    }
  for (guint i = 0; i < agency_items->len; i++)
    {
      JdAgency *agency = g_ptr_array_index (agency_items, i);

      if (!agency->active && agency->id != agency_id)
        continue;
      gtk_string_list_append (agencies, agency->name);
      g_array_append_val (self->agency_ids, agency->id);
    }
  adw_combo_row_set_model (self->agency_row, G_LIST_MODEL (agencies));
  for (guint i = 0; i < self->agency_ids->len; i++)
    {
      if (g_array_index (self->agency_ids, gint64, i) == agency_id)
        adw_combo_row_set_selected (self->agency_row, i);
    }

  if (officer != NULL)
    {
      g_autofree char *status = describe_status (officer);

      gtk_window_set_title (GTK_WINDOW (self), _("Edit Officer"));
      self->name = g_strdup (officer->name);
      set_text (self->name_row, officer->name);
      set_text (self->certificate_row, officer->certificate_no);
      set_text (self->issued_row, officer->issued_on);
      set_text (self->expires_row, officer->expires_on);
      if (officer->exam_year != 0)
        {
          g_autofree char *year = g_strdup_printf ("%d", officer->exam_year);
          set_text (self->exam_year_row, year);
        }
      adw_action_row_set_subtitle (self->status_row, status);
      gtk_widget_set_visible (GTK_WIDGET (self->status_row), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->delete_group), TRUE);
      self->touched = TRUE;
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Add Officer"));
      if (error != NULL)
        _jd_registry_form_toast_error (self->toast_overlay, error);
    }

  self->loading = FALSE;
  validate (self);
}

static void
jd_officer_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), JD_TYPE_OFFICER_EDITOR);

  G_OBJECT_CLASS (jd_officer_editor_parent_class)->dispose (object);
}

static void
jd_officer_editor_finalize (GObject *object)
{
  JdOfficerEditor *self = JD_OFFICER_EDITOR (object);

  g_clear_object (&self->db);
  g_clear_pointer (&self->agency_ids, g_array_unref);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (jd_officer_editor_parent_class)->finalize (object);
}

static void
jd_officer_editor_class_init (JdOfficerEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_officer_editor_dispose;
  object_class->finalize = jd_officer_editor_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/jd-officer-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, JdOfficerEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, JdOfficerEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, JdOfficerEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, JdOfficerEditor, agency_row);
  gtk_widget_class_bind_template_child (widget_class, JdOfficerEditor, exam_year_row);
  gtk_widget_class_bind_template_child (widget_class, JdOfficerEditor, certificate_row);
  gtk_widget_class_bind_template_child (widget_class, JdOfficerEditor, issued_row);
  gtk_widget_class_bind_template_child (widget_class, JdOfficerEditor, expires_row);
  gtk_widget_class_bind_template_child (widget_class, JdOfficerEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, JdOfficerEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, JdOfficerEditor, delete_group);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked_cb);

  _jd_registry_form_add_bindings (widget_class);
}

static void
jd_officer_editor_init (JdOfficerEditor *self)
{
  self->agency_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->loading = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
}

JdOfficerEditor *
jd_officer_editor_new (JdDb      *db,
                       gint64     officer_id,
                       gint64     agency_id,
                       GtkWindow *parent)
{
  JdOfficerEditor *self;

  g_return_val_if_fail (JD_IS_DB (db), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (JD_TYPE_OFFICER_EDITOR,
                       "transient-for", parent,
                       NULL);
  self->db = g_object_ref (db);
  self->officer_id = officer_id;
  load (self, agency_id);

  return self;
}

gint64
jd_officer_editor_get_officer_id (JdOfficerEditor *self)
{
  g_return_val_if_fail (JD_IS_OFFICER_EDITOR (self), 0);

  return self->officer_id;
}

gboolean
jd_officer_editor_is_valid (JdOfficerEditor *self)
{
  g_return_val_if_fail (JD_IS_OFFICER_EDITOR (self), FALSE);

  return self->valid;
}

const char *
jd_officer_editor_get_error_text (JdOfficerEditor *self)
{
  g_return_val_if_fail (JD_IS_OFFICER_EDITOR (self), NULL);

  return gtk_label_get_text (self->error_label);
}

gboolean
jd_officer_editor_save (JdOfficerEditor  *self,
                        GError          **error)
{
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  g_auto(Texts) texts = { 0 };
  JdOfficerInfo info;
  gint64 id;
  gboolean ok;

  g_return_val_if_fail (JD_IS_OFFICER_EDITOR (self), FALSE);

  read_fields (self, &info, &texts, errors);
  if (errors->len > 0)
    {
      self->touched = TRUE;
      validate (self);
      g_set_error_literal (error, JD_DB_ERROR, JD_DB_ERROR_INVALID,
                           g_ptr_array_index (errors, 0));
      return FALSE;
    }

  id = self->officer_id;
  if (id == 0)
    ok = jd_registry_add_officer (self->db, &info, &id, &local_error);
  else
    ok = jd_registry_update_officer (self->db, id, &info, &local_error);

  if (!ok)
    {
      _jd_registry_form_toast_error (self->toast_overlay, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  self->officer_id = id;
  g_signal_emit (self, signals[SAVED], 0, id);
  return TRUE;
}
