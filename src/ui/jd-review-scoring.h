/* jd-review-scoring.h: scoring the drawn files of a review batch (评查打分)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "jd-db.h"
#include "jd-review-batch.h"

G_BEGIN_DECLS

#define JD_TYPE_REVIEW_SCORING (jd_review_scoring_get_type ())
G_DECLARE_FINAL_TYPE (JdReviewScoring, jd_review_scoring, JD, REVIEW_SCORING, AdwBin)

GtkWidget  *jd_review_scoring_new          (void);
/* Opens BATCH_ID for REVIEWER (NULL: the batch's first reviewer) on FILE_ID,
 * or (0) on the file the reviewer was last on. */
gboolean    jd_review_scoring_load         (JdReviewScoring  *self,
                                            JdDb             *db,
                                            gint64            batch_id,
                                            const char       *reviewer,
                                            gint64            file_id,
                                            GError          **error);
gint64      jd_review_scoring_get_batch_id (JdReviewScoring  *self);
gint64      jd_review_scoring_get_file_id  (JdReviewScoring  *self);
const char *jd_review_scoring_get_reviewer (JdReviewScoring  *self);
/* Index of the checklist item being worked on */
guint       jd_review_scoring_get_item     (JdReviewScoring  *self);

/* For the tests */
const char          *_jd_review_scoring_get_score_text    (JdReviewScoring *self);
const char          *_jd_review_scoring_get_position_text (JdReviewScoring *self);
const JdReviewSheet *_jd_review_scoring_get_sheet         (JdReviewScoring *self);
GtkWidget           *_jd_review_scoring_get_score_label   (JdReviewScoring *self);
GtkWidget           *_jd_review_scoring_get_item_row      (JdReviewScoring *self,
                                                           guint            item);
/* The Compare Sheets window while it is open: its choices of the second
 * sheet are named "second-sheet-choice", its save button "reconcile-button" */
GtkWindow           *_jd_review_scoring_get_compare_window (JdReviewScoring *self);

G_END_DECLS
