/* jd-registry-form.h: what the registry dialogs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers, not a class: the inline error of a field, the keyboard bindings of
 * a modal editor, and the confirmation before a delete.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Escape and Ctrl+W close the window (window.close). */
void     _jd_registry_form_add_bindings    (GtkWidgetClass  *widget_class);

/* Marks ROW as wrong (the .error style and its accessible description) when
 * MESSAGE is not NULL, and clears that otherwise. */
void     _jd_registry_form_set_row_error   (GtkWidget       *row,
                                            const char      *message);

/* Shows MESSAGES (one a line) in LABEL, or hides it when there are none. */
void     _jd_registry_form_show_errors     (GtkLabel        *label,
                                            GPtrArray       *messages);

/* Takes the text of an editable, without the spaces around it. */
char    *_jd_registry_form_dup_text        (GtkEditable     *editable);

/* A destructive AdwMessageDialog: HEADING, BODY, Cancel and DELETE_LABEL;
 * CALLBACK (OBJECT) runs from an idle once the user chose to delete, so it
 * may close the parent. OBJECT is kept alive until then. */
void     _jd_registry_form_confirm_delete  (GtkWindow       *parent,
                                            const char      *heading,
                                            const char      *body,
                                            const char      *delete_label,
                                            GCallback        callback,
                                            GObject         *object);

/* Shows a core error in a toast that stays until dismissed. */
void     _jd_registry_form_toast_error     (AdwToastOverlay *overlay,
                                            const GError    *error);

G_END_DECLS
