/* jd-certificate-event-dialog.c: issue, renew, suspend, cancel or reinstate a certificate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows follow the event: a new expiry for issue and renewal, a reason
 * for cancellation. Core says, as the user types, whether the event suits
 * the certificate's present state.
 */

#define G_LOG_DOMAIN "jd-certificate-event-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-certificate-event-dialog.h"
#include "jd-registry.h"
#include "jd-registry-form.h"

struct _JdCertificateEventDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkButton           *save_button;
  AdwPreferencesGroup *officer_group;
  AdwActionRow        *status_row;
  AdwComboRow         *kind_row;
  AdwEntryRow         *date_row;
  AdwEntryRow         *expiry_row;
  AdwComboRow         *reason_row;
  GtkLabel            *error_label;

  /* Owned references */
  JdDb                *db;

  gint64               officer_id;
  gboolean             loading;
  gboolean             valid;
};

G_DEFINE_FINAL_TYPE (JdCertificateEventDialog, jd_certificate_event_dialog, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* reason_row lists the reasons from RETIRED on: NONE is no reason */
static JdCancelReason
selected_reason (JdCertificateEventDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->reason_row);

  if (selected == GTK_INVALID_LIST_POSITION)
    return JD_CANCEL_REASON_NONE;

  return (JdCancelReason) (selected + JD_CANCEL_REASON_RETIRED);
}

static gboolean
check (JdCertificateEventDialog  *self,
       GPtrArray                 *errors)
{
  g_autoptr(GError) date_error = NULL;
  g_autoptr(GError) expiry_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = _jd_registry_form_dup_text (GTK_EDITABLE (self->date_row));
  g_autofree char *expiry = _jd_registry_form_dup_text (GTK_EDITABLE (self->expiry_row));
  JdCertEventKind kind = jd_certificate_event_dialog_get_kind (self);
  gboolean with_expiry = kind == JD_CERT_EVENT_ISSUE || kind == JD_CERT_EVENT_RENEW;

  gtk_widget_set_visible (GTK_WIDGET (self->expiry_row), with_expiry);
  gtk_widget_set_visible (GTK_WIDGET (self->reason_row), kind == JD_CERT_EVENT_CANCEL);

  /* the fields first, each on its row; then whether the event suits the state */
  jd_registry_check_date (date, _("Date"), TRUE, &date_error);
  if (with_expiry)
    jd_registry_check_date (expiry, _("New expiry"), TRUE, &expiry_error);

  if (date_error == NULL && expiry_error == NULL &&
      !jd_registry_check_certificate_event (self->db, self->officer_id, kind, date, expiry,
                                            selected_reason (self), &error))
    {
      if (g_str_has_prefix (error->message, _("New expiry")))
        expiry_error = g_steal_pointer (&error);
      else if (g_str_has_prefix (error->message, _("Date")))
        date_error = g_steal_pointer (&error);
    }

  _jd_registry_form_set_row_error (GTK_WIDGET (self->date_row),
                                   date_error != NULL ? date_error->message : NULL);
  _jd_registry_form_set_row_error (GTK_WIDGET (self->expiry_row),
                                   expiry_error != NULL ? expiry_error->message : NULL);
  _jd_registry_form_set_row_error (GTK_WIDGET (self->kind_row),
                                   error != NULL ? error->message : NULL);

  if (error != NULL)
    g_ptr_array_add (errors, g_strdup (error->message));
  if (date_error != NULL)
    g_ptr_array_add (errors, g_strdup (date_error->message));
  if (expiry_error != NULL)
    g_ptr_array_add (errors, g_strdup (expiry_error->message));

  return errors->len == 0;
}

static void
validate (JdCertificateEventDialog *self)
{
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);

  g_assert (JD_IS_CERTIFICATE_EVENT_DIALOG (self));

  self->valid = check (self, errors);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), self->valid);
  _jd_registry_form_show_errors (self->error_label, errors);
}

static void
on_field_changed_cb (JdCertificateEventDialog *self)
{
  g_assert (JD_IS_CERTIFICATE_EVENT_DIALOG (self));

  if (!self->loading)
    validate (self);
}

static void
on_save_clicked_cb (JdCertificateEventDialog *self)
{
  g_autoptr(GError) error = NULL;

  g_assert (JD_IS_CERTIFICATE_EVENT_DIALOG (self));

  if (jd_certificate_event_dialog_save (self, &error))
    gtk_window_close (GTK_WINDOW (self));
}

static void
load (JdCertificateEventDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) reasons = gtk_string_list_new (NULL);
  g_autoptr(JdOfficer) officer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  JdCertEventKind kind = JD_CERT_EVENT_ISSUE;

  g_assert (JD_IS_CERTIFICATE_EVENT_DIALOG (self));

  self->loading = TRUE;

  for (guint i = 0; i < JD_CERT_EVENT_N; i++)
    gtk_string_list_append (kinds, jd_cert_event_kind_to_label (i));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  for (guint i = JD_CANCEL_REASON_RETIRED; i < JD_CANCEL_REASON_N; i++)
    gtk_string_list_append (reasons, jd_cancel_reason_to_label (i));
  adw_combo_row_set_model (self->reason_row, G_LIST_MODEL (reasons));

  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);

  officer = jd_registry_get_officer (self->db, self->officer_id, &error);
  if (officer != NULL)
    {
      g_autofree char *state = NULL;

      adw_preferences_group_set_title (self->officer_group, officer->name);
      if (officer->expires_on == NULL)
        state = g_strdup (_("No certificate issued"));
      else
        /* Translators: a certificate's status and number, “Valid · 1201920180001” */
        state = g_strdup_printf (_("%s · %s, expires %s"), jd_cert_status_to_label (officer->status),
                                 officer->certificate_no != NULL ? officer->certificate_no : "—",
                                 officer->expires_on);
      adw_action_row_set_subtitle (self->status_row, state);

      if (officer->expires_on != NULL && officer->status == JD_CERT_STATUS_VALID)
        kind = JD_CERT_EVENT_RENEW;
      else if (officer->expires_on != NULL && officer->status == JD_CERT_STATUS_SUSPENDED)
        kind = JD_CERT_EVENT_REINSTATE;
    }
  else
    _jd_registry_form_toast_error (self->toast_overlay, error);

  adw_combo_row_set_selected (self->kind_row, kind);
  self->loading = FALSE;
  validate (self);
}

static void
jd_certificate_event_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), JD_TYPE_CERTIFICATE_EVENT_DIALOG);

  G_OBJECT_CLASS (jd_certificate_event_dialog_parent_class)->dispose (object);
}

static void
jd_certificate_event_dialog_finalize (GObject *object)
{
  JdCertificateEventDialog *self = JD_CERTIFICATE_EVENT_DIALOG (object);

  g_clear_object (&self->db);

  G_OBJECT_CLASS (jd_certificate_event_dialog_parent_class)->finalize (object);
}

static void
jd_certificate_event_dialog_class_init (JdCertificateEventDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_certificate_event_dialog_dispose;
  object_class->finalize = jd_certificate_event_dialog_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/jd-certificate-event-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JdCertificateEventDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, JdCertificateEventDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, JdCertificateEventDialog, officer_group);
  gtk_widget_class_bind_template_child (widget_class, JdCertificateEventDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, JdCertificateEventDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, JdCertificateEventDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, JdCertificateEventDialog, expiry_row);
  gtk_widget_class_bind_template_child (widget_class, JdCertificateEventDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, JdCertificateEventDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);

  _jd_registry_form_add_bindings (widget_class);
}

static void
jd_certificate_event_dialog_init (JdCertificateEventDialog *self)
{
  self->loading = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_title (GTK_WINDOW (self), _("Certificate Event"));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
}

JdCertificateEventDialog *
jd_certificate_event_dialog_new (JdDb      *db,
                                 gint64     officer_id,
                                 GtkWindow *parent)
{
  JdCertificateEventDialog *self;

  g_return_val_if_fail (JD_IS_DB (db), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (JD_TYPE_CERTIFICATE_EVENT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->db = g_object_ref (db);
  self->officer_id = officer_id;
  load (self);

  return self;
}

void
jd_certificate_event_dialog_set_kind (JdCertificateEventDialog *self,
                                      JdCertEventKind           kind)
{
  g_return_if_fail (JD_IS_CERTIFICATE_EVENT_DIALOG (self));
  g_return_if_fail ((guint) kind < JD_CERT_EVENT_N);

  adw_combo_row_set_selected (self->kind_row, kind);
}

JdCertEventKind
jd_certificate_event_dialog_get_kind (JdCertificateEventDialog *self)
{
  guint selected;

  g_return_val_if_fail (JD_IS_CERTIFICATE_EVENT_DIALOG (self), JD_CERT_EVENT_ISSUE);

  selected = adw_combo_row_get_selected (self->kind_row);
  return selected < JD_CERT_EVENT_N ? (JdCertEventKind) selected : JD_CERT_EVENT_ISSUE;
}

gboolean
jd_certificate_event_dialog_is_valid (JdCertificateEventDialog *self)
{
  g_return_val_if_fail (JD_IS_CERTIFICATE_EVENT_DIALOG (self), FALSE);

  return self->valid;
}

const char *
jd_certificate_event_dialog_get_error_text (JdCertificateEventDialog *self)
{
  g_return_val_if_fail (JD_IS_CERTIFICATE_EVENT_DIALOG (self), NULL);

  return gtk_label_get_text (self->error_label);
}

gboolean
jd_certificate_event_dialog_save (JdCertificateEventDialog  *self,
                                  GError                   **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *expiry = NULL;
  JdCertEventKind kind;

  g_return_val_if_fail (JD_IS_CERTIFICATE_EVENT_DIALOG (self), FALSE);

  date = _jd_registry_form_dup_text (GTK_EDITABLE (self->date_row));
  expiry = _jd_registry_form_dup_text (GTK_EDITABLE (self->expiry_row));
  kind = jd_certificate_event_dialog_get_kind (self);

  if (!jd_registry_apply_certificate_event (self->db, self->officer_id, kind, date, expiry,
                                            selected_reason (self), &local_error))
    {
      _jd_registry_form_toast_error (self->toast_overlay, local_error);
      validate (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0, self->officer_id);
  return TRUE;
}
