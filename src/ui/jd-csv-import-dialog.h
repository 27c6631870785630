/* jd-csv-import-dialog.h: import enforcement records from a CSV file, step by step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "jd-db.h"

G_BEGIN_DECLS

#define JD_TYPE_CSV_IMPORT_DIALOG (jd_csv_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JdCsvImportDialog, jd_csv_import_dialog, JD, CSV_IMPORT_DIALOG, AdwWindow)

/* Modal and transient for PARENT. With FILE, starts at the preview of that
 * file; without, asks for one. The import itself runs in a worker thread on a
 * connection of its own to DB's file, so DB is only read meanwhile. Emits
 * "imported" (guint rows written) after a run that wrote rows. */
JdCsvImportDialog *jd_csv_import_dialog_new        (JdDb              *db,
                                                    GFile             *file,
                                                    GtkWindow         *parent);
/* Loads FILE and shows its preview; FALSE (and the reason shown) when it
 * cannot be read. */
gboolean           jd_csv_import_dialog_set_file   (JdCsvImportDialog *self,
                                                    GFile             *file,
                                                    GError           **error);

/* What the tests look at and drive */

/* "choose", "preview", "progress" or "result" */
const char        *jd_csv_import_dialog_get_page   (JdCsvImportDialog *self);
/* The field chosen for COLUMN (0-based) in the mapping step */
int                jd_csv_import_dialog_get_column_field (JdCsvImportDialog *self,
                                                          guint              column);
void               jd_csv_import_dialog_set_column_field (JdCsvImportDialog *self,
                                                          guint              column,
                                                          int                field);
/* Data rows shown in the preview */
guint              jd_csv_import_dialog_get_n_preview_rows (JdCsvImportDialog *self);
void               jd_csv_import_dialog_set_good_rows_only (JdCsvImportDialog *self,
                                                            gboolean           good_rows_only);
/* Next: from the preview, starts the import */
void               jd_csv_import_dialog_next       (JdCsvImportDialog *self);
void               jd_csv_import_dialog_cancel     (JdCsvImportDialog *self);
/* After a run: rows read, imported, rejected, and the errors listed */
void               jd_csv_import_dialog_get_counts (JdCsvImportDialog *self,
                                                    guint             *n_rows,
                                                    guint             *n_imported,
                                                    guint             *n_rejected);
guint              jd_csv_import_dialog_get_n_listed_errors (JdCsvImportDialog *self);
/* The errors as "Copy Errors" puts them on the clipboard, one a line */
char              *jd_csv_import_dialog_dup_errors_text (JdCsvImportDialog *self);

G_END_DECLS
