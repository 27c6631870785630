/* jd-review-results-view.h: the results of a review batch (评查结果)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "jd-db.h"

G_BEGIN_DECLS

#define JD_TYPE_REVIEW_RESULTS_VIEW (jd_review_results_view_get_type ())
G_DECLARE_FINAL_TYPE (JdReviewResultsView, jd_review_results_view, JD, REVIEW_RESULTS_VIEW, AdwBin)

GtkWidget *jd_review_results_view_new  (void);
/* Shows the results of BATCH_ID in DB (0: nothing). */
void       jd_review_results_view_load (JdReviewResultsView *self,
                                        JdDb                *db,
                                        gint64               batch_id);

/* For the tests ------------------------------------------------------------- */

typedef enum
{
  JD_RESULTS_AGENCY_RANK = 0,
  JD_RESULTS_AGENCY_NAME,
  JD_RESULTS_AGENCY_FILES,
  JD_RESULTS_AGENCY_REVIEWED,
  JD_RESULTS_AGENCY_AVERAGE,
  JD_RESULTS_AGENCY_GRADE,
  JD_RESULTS_AGENCY_FAILED,
} JdResultsAgencyColumn;
#define JD_RESULTS_AGENCY_COLUMN_N (JD_RESULTS_AGENCY_FAILED + 1)

gboolean    _jd_review_results_view_is_empty       (JdReviewResultsView   *self);
const char *_jd_review_results_view_get_average_text (JdReviewResultsView *self);
guint       _jd_review_results_view_get_n_agencies (JdReviewResultsView   *self);
/* The text of a cell of the agencies table, in the order shown; NULL past the end. */
char       *_jd_review_results_view_dup_agency_cell (JdReviewResultsView  *self,
                                                     guint                 position,
                                                     JdResultsAgencyColumn column);
GtkColumnView *_jd_review_results_view_get_agencies_view (JdReviewResultsView *self);
void        _jd_review_results_view_select_agency  (JdReviewResultsView   *self,
                                                    guint                  position);
guint       _jd_review_results_view_get_n_agency_defects (JdReviewResultsView *self);
/* Drafts the letters as the button does; returns how many. */
guint       _jd_review_results_view_draft_letters  (JdReviewResultsView   *self);

G_END_DECLS
