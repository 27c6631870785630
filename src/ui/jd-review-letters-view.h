/* jd-review-letters-view.h: the supervision letters of a review batch (执法监督建议书)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "jd-db.h"

G_BEGIN_DECLS

#define JD_TYPE_REVIEW_LETTERS_VIEW (jd_review_letters_view_get_type ())
G_DECLARE_FINAL_TYPE (JdReviewLettersView, jd_review_letters_view, JD, REVIEW_LETTERS_VIEW, AdwBin)

GtkWidget *jd_review_letters_view_new  (void);
/* Lists the letters of BATCH_ID in DB (0: nothing). */
void       jd_review_letters_view_load (JdReviewLettersView *self,
                                        JdDb                *db,
                                        gint64               batch_id);

/* For the tests ------------------------------------------------------------- */

/* The date statuses are judged against (YYYY-MM-DD; NULL: today). */
void        _jd_review_letters_view_set_today     (JdReviewLettersView  *self,
                                                   const char           *today);
guint       _jd_review_letters_view_get_n_letters (JdReviewLettersView  *self);
/* The status shown for row POSITION; NULL past the end. */
const char *_jd_review_letters_view_get_status_text (JdReviewLettersView *self,
                                                   guint                 position);
gboolean    _jd_review_letters_view_row_is_overdue (JdReviewLettersView *self,
                                                   guint                 position);
void        _jd_review_letters_view_select        (JdReviewLettersView  *self,
                                                   guint                 position);
GtkTextView *_jd_review_letters_view_get_problems_view (JdReviewLettersView *self);
/* Writes pending edits of the selected letter. */
gboolean    _jd_review_letters_view_save          (JdReviewLettersView  *self,
                                                   GError              **error);
/* What Issue… and Record Reply… do for the selected letter once answered. */
gboolean    _jd_review_letters_view_issue         (JdReviewLettersView  *self,
                                                   const char           *date,
                                                   GError              **error);
gboolean    _jd_review_letters_view_record_reply  (JdReviewLettersView  *self,
                                                   const char           *date,
                                                   const char           *reply,
                                                   GError              **error);

G_END_DECLS
