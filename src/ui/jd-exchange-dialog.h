/* jd-exchange-dialog.h: export and import exchange files between districts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "jd-db.h"

G_BEGIN_DECLS

#define JD_TYPE_EXCHANGE_DIALOG (jd_exchange_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JdExchangeDialog, jd_exchange_dialog, JD, EXCHANGE_DIALOG, AdwWindow)

/* Modal and transient for PARENT. Export shows its options first, then asks
 * for the file; import asks for the file at once when presented. The work
 * runs in a worker thread on a connection of its own to DB's file. Emits
 * "exported" (const char *path) and "imported" (const char *message, a
 * sentence that says what was imported). */
JdExchangeDialog *jd_exchange_dialog_new_export (JdDb             *db,
                                                 GtkWindow        *parent);
JdExchangeDialog *jd_exchange_dialog_new_import (JdDb             *db,
                                                 GtkWindow        *parent);

/* Shows the file chooser: for an import, before the window itself, which
 * run_file presents; the window closes when the chooser is cancelled. */
void              jd_exchange_dialog_choose_file (JdExchangeDialog *self);

/* What the tests drive: without a file chooser */

/* Export: the options, then the export to FILE */
void              jd_exchange_dialog_set_years  (JdExchangeDialog *self,
                                                 int               first_year,
                                                 int               last_year);
void              jd_exchange_dialog_set_records (JdExchangeDialog *self,
                                                  gboolean          records);
gboolean          jd_exchange_dialog_get_personal_data (JdExchangeDialog *self);
/* Export: writes to FILE; import: validates and imports FILE */
void              jd_exchange_dialog_run_file   (JdExchangeDialog *self,
                                                 GFile            *file);
void              jd_exchange_dialog_cancel     (JdExchangeDialog *self);
/* "options", "progress", "done" or "error" */
const char       *jd_exchange_dialog_get_page   (JdExchangeDialog *self);
/* The error shown on the error page, or NULL */
const char       *jd_exchange_dialog_get_error  (JdExchangeDialog *self);
/* The replace question being asked, or NULL */
AdwMessageDialog *jd_exchange_dialog_get_question (JdExchangeDialog *self);

G_END_DECLS
