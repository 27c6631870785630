/* jd-supervision-figures-dialog.h: an agency's reconsideration and litigation figures for a year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "jd-db.h"

G_BEGIN_DECLS

#define JD_TYPE_SUPERVISION_FIGURES_DIALOG (jd_supervision_figures_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JdSupervisionFiguresDialog, jd_supervision_figures_dialog,
                      JD, SUPERVISION_FIGURES_DIALOG, AdwWindow)

/* The six counts of AGENCY_ID in YEAR, as stored (zeros when none were).
 * Modal and transient for PARENT. Emits "saved" (gint64 agency id) after the
 * write, then closes. */
JdSupervisionFiguresDialog *jd_supervision_figures_dialog_new (JdDb      *db,
                                                               gint64     agency_id,
                                                               int        year,
                                                               GtkWindow *parent);
gboolean     jd_supervision_figures_dialog_is_valid     (JdSupervisionFiguresDialog *self);
const char  *jd_supervision_figures_dialog_get_error_text (JdSupervisionFiguresDialog *self);
gboolean     jd_supervision_figures_dialog_save         (JdSupervisionFiguresDialog *self,
                                                         GError                    **error);

G_END_DECLS
