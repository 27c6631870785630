/* jd-template-editor.h: the review checklist editor (评查标准)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "jd-db.h"
#include "jd-review-template.h"

G_BEGIN_DECLS

#define JD_TYPE_TEMPLATE_EDITOR (jd_template_editor_get_type ())
G_DECLARE_FINAL_TYPE (JdTemplateEditor, jd_template_editor, JD, TEMPLATE_EDITOR, AdwWindow)

/* Opens the template editor window over PARENT. */
void jd_template_editor_present (GtkWindow *parent,
                                 JdDb      *db);

/* For the tests ------------------------------------------------------------- */

JdTemplateEditor *_jd_template_editor_new     (GtkWindow        *parent,
                                               JdDb             *db);
/* Selects the newest version of CODE for editing; FALSE when not listed. */
gboolean          _jd_template_editor_select  (JdTemplateEditor *self,
                                               const char       *code);
/* The copy being edited (owned by the editor). */
JdReviewTemplate *_jd_template_editor_get_template (JdTemplateEditor *self);
guint             _jd_template_editor_get_n_versions (JdTemplateEditor *self);
/* The points spin button of item INDEX in the editor; NULL past the end. */
GtkSpinButton    *_jd_template_editor_get_item_points (JdTemplateEditor *self,
                                                       guint             index);
AdwEntryRow      *_jd_template_editor_get_name_row (JdTemplateEditor *self);
/* The validation message shown ("" when the copy is valid). */
const char       *_jd_template_editor_get_validation_text (JdTemplateEditor *self);
/* Saves as Save does; returns the new version, 0 on failure. */
int               _jd_template_editor_save    (JdTemplateEditor *self,
                                               GError          **error);
/* Imports FILE as Import… does: a new version, or an error dialog naming
 * the file and the line. */
gboolean          _jd_template_editor_import  (JdTemplateEditor *self,
                                               GFile            *file);
void              _jd_template_editor_add_item (JdTemplateEditor *self,
                                                int               section);
void              _jd_template_editor_remove_item (JdTemplateEditor *self,
                                                   guint             index);

G_END_DECLS
