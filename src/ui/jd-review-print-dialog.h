/* jd-review-print-dialog.h: printing review documents through GtkPrintOperation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "jd-db.h"
#include "src/jd-review-print.h"

G_BEGIN_DECLS

/* Prints KIND of BATCH_ID (FILE_ID: one file of FILLED_SHEETS, one letter
 * of LETTERS; 0: all) with the print dialog; errors show over PARENT. */
void     jd_review_print_run       (GtkWindow        *parent,
                                    JdDb             *db,
                                    JdReviewDocKind   kind,
                                    gint64            batch_id,
                                    gint64            file_id);

/* For the tests: the same pages straight to PDF_PATH, without a dialog. */
gboolean _jd_review_print_to_file  (JdDb             *db,
                                    JdReviewDocKind   kind,
                                    gint64            batch_id,
                                    gint64            file_id,
                                    const char       *pdf_path,
                                    GError          **error);

G_END_DECLS
