/* jd-officer-editor.h: add or edit an enforcement officer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "jd-db.h"

G_BEGIN_DECLS

#define JD_TYPE_OFFICER_EDITOR (jd_officer_editor_get_type ())
G_DECLARE_FINAL_TYPE (JdOfficerEditor, jd_officer_editor, JD, OFFICER_EDITOR, AdwWindow)

/* OFFICER_ID 0 adds an officer to AGENCY_ID (0: the user picks); otherwise
 * AGENCY_ID is ignored and the officer's own agency shows. Modal and
 * transient for PARENT. Emits "saved" (gint64 id) after a write and "deleted"
 * (gint64 id) after a delete, then closes. Certificate status changes go
 * through JdCertificateEventDialog. */
JdOfficerEditor *jd_officer_editor_new          (JdDb            *db,
                                                 gint64           officer_id,
                                                 gint64           agency_id,
                                                 GtkWindow       *parent);
gint64           jd_officer_editor_get_officer_id (JdOfficerEditor *self);
gboolean         jd_officer_editor_is_valid     (JdOfficerEditor *self);
const char      *jd_officer_editor_get_error_text (JdOfficerEditor *self);
gboolean         jd_officer_editor_save         (JdOfficerEditor *self,
                                                 GError         **error);

G_END_DECLS
