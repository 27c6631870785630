/* jd-review-page.h: the Review page (评查): batches, their files, scoring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "jd-db.h"
#include "jd-review-batch-dialog.h"
#include "jd-review-scoring.h"

G_BEGIN_DECLS

#define JD_TYPE_REVIEW_PAGE (jd_review_page_get_type ())
G_DECLARE_FINAL_TYPE (JdReviewPage, jd_review_page, JD, REVIEW_PAGE, AdwBin)

GtkWidget *jd_review_page_new          (void);
/* Lists the batches of DB (storing the built-in templates first); keeps the
 * selected batch and the scoring pane when DB is the one already shown. */
gboolean   jd_review_page_load         (JdReviewPage  *self,
                                        JdDb          *db,
                                        GError       **error);
/* Selects BATCH_ID in the list; FALSE when there is no such batch. */
gboolean   jd_review_page_select_batch (JdReviewPage  *self,
                                        gint64         batch_id);
/* Opens the scoring pane on the selected batch, on FILE_ID (0: where the
 * reviewer left off). */
void       jd_review_page_score        (JdReviewPage  *self,
                                        gint64         file_id);

/* For the tests */
/* "empty", "batches" or "scoring" */
const char          *_jd_review_page_get_visible       (JdReviewPage *self);
guint                _jd_review_page_get_n_batches     (JdReviewPage *self);
gint64               _jd_review_page_get_selected_batch (JdReviewPage *self);
guint                _jd_review_page_get_n_files       (JdReviewPage *self);
JdReviewScoring     *_jd_review_page_get_scoring       (JdReviewPage *self);
/* The New Batch dialog while it is open */
JdReviewBatchDialog *_jd_review_page_get_batch_dialog  (JdReviewPage *self);

G_END_DECLS
