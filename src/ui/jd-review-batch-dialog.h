/* jd-review-batch-dialog.h: creating a review batch (新建评查活动)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "jd-db.h"

G_BEGIN_DECLS

#define JD_TYPE_REVIEW_BATCH_DIALOG (jd_review_batch_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JdReviewBatchDialog, jd_review_batch_dialog, JD, REVIEW_BATCH_DIALOG, AdwWindow)

/* Emits "created" (gint64 batch id) once the batch is saved, then closes. */
JdReviewBatchDialog *jd_review_batch_dialog_new (JdDb      *db,
                                                 GtkWindow *parent);

/* For the tests */
void        _jd_review_batch_dialog_fill            (JdReviewBatchDialog *self,
                                                     const char          *name,
                                                     int                  year,
                                                     guint                sample_size,
                                                     guint64              seed,
                                                     const char          *reviewers);
void        _jd_review_batch_dialog_set_dates       (JdReviewBatchDialog *self,
                                                     const char          *from,
                                                     const char          *to);
const char *_jd_review_batch_dialog_get_message     (JdReviewBatchDialog *self);
gboolean    _jd_review_batch_dialog_get_busy        (JdReviewBatchDialog *self);

G_END_DECLS
