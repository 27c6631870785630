/* jd-agency-editor.h: add or edit an enforcement agency
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "jd-db.h"

G_BEGIN_DECLS

#define JD_TYPE_AGENCY_EDITOR (jd_agency_editor_get_type ())
G_DECLARE_FINAL_TYPE (JdAgencyEditor, jd_agency_editor, JD, AGENCY_EDITOR, AdwWindow)

/* AGENCY_ID 0 adds an agency to the local district. Modal and transient for
 * PARENT (may be NULL). Emits "saved" (gint64 id) after a write and
 * "deleted" (gint64 id) after a delete, then closes. */
JdAgencyEditor *jd_agency_editor_new        (JdDb           *db,
                                             gint64          agency_id,
                                             GtkWindow      *parent);
gint64          jd_agency_editor_get_agency_id (JdAgencyEditor *self);
/* Whether Save is possible: every field valid. */
gboolean        jd_agency_editor_is_valid   (JdAgencyEditor *self);
/* The problems shown under the fields, one a line ("" when none). */
const char     *jd_agency_editor_get_error_text (JdAgencyEditor *self);
/* What the Save button does; FALSE with ERROR (also shown in a toast). */
gboolean        jd_agency_editor_save       (JdAgencyEditor *self,
                                             GError        **error);

G_END_DECLS
