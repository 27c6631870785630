/* jd-registry-form.c: what the registry dialogs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-registry-form"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-registry-form.h"

void
_jd_registry_form_add_bindings (GtkWidgetClass *widget_class)
{
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

void
_jd_registry_form_set_row_error (GtkWidget  *row,
                                 const char *message)
{
  g_return_if_fail (GTK_IS_WIDGET (row));

  if (message != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

void
_jd_registry_form_show_errors (GtkLabel  *label,
                               GPtrArray *messages)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_if_fail (GTK_IS_LABEL (label));

  for (guint i = 0; messages != NULL && i < messages->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_ptr_array_index (messages, i));
    }

  gtk_label_set_text (label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (label), text->len > 0);
}

char *
_jd_registry_form_dup_text (GtkEditable *editable)
{
  g_return_val_if_fail (GTK_IS_EDITABLE (editable), NULL);

  return g_strstrip (g_strdup (gtk_editable_get_text (editable)));
}

typedef struct
{
  GCallback  callback;
  GObject   *object;
} ConfirmData;

static void
confirm_data_free (ConfirmData *data)
{
  g_clear_object (&data->object);
  g_free (data);
}

/* After the message dialog is gone: the callback may close its parent. */
static gboolean
run_confirmed (gpointer user_data)
{
  ConfirmData *data = user_data;

  ((void (*) (gpointer)) data->callback) (data->object);
  return G_SOURCE_REMOVE;
}

static void
on_confirm_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        ConfirmData      *data)
{
  ConfirmData *copy;

  if (!g_str_equal (response, "delete"))
    return;

  copy = g_new0 (ConfirmData, 1);
  copy->callback = data->callback;
  copy->object = g_object_ref (data->object);
  g_idle_add_full (G_PRIORITY_DEFAULT, run_confirmed, copy, (GDestroyNotify) confirm_data_free);
}

void
_jd_registry_form_confirm_delete (GtkWindow  *parent,
                                  const char *heading,
                                  const char *body,
                                  const char *delete_label,
                                  GCallback   callback,
                                  GObject    *object)
{
  AdwMessageDialog *dialog;
  ConfirmData *data;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (callback != NULL);
  g_return_if_fail (G_IS_OBJECT (object));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", delete_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);

  data = g_new0 (ConfirmData, 1);
  data->callback = callback;
  data->object = g_object_ref (object);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_confirm_response_cb),
                         data, (GClosureNotify) (void (*) (void)) confirm_data_free, 0);

  gtk_window_present (GTK_WINDOW (dialog));
}

void
_jd_registry_form_toast_error (AdwToastOverlay *overlay,
                               const GError    *error)
{
  AdwToast *toast;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (error != NULL);

  toast = adw_toast_new (error->message);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (overlay, toast);
}
