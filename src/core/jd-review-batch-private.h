/* jd-review-batch-private.h: what the review batch files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "jd-db-private.h"
#include "jd-review-batch.h"

G_BEGIN_DECLS

/* The sample of SPEC: record ids (gint64) into IDS and, in the same order,
 * the review kind (int) of each record into KINDS. */
gboolean  _jd_review_sample_draw_kinds (JdDb                    *db,
                                        const JdReviewBatchSpec *spec,
                                        GArray                  *ids,
                                        GArray                  *kinds,
                                        GError                 **error);

/* The agencies in scope of SPEC, ascending: its own, or else every agency
 * of the local district. Element type gint64. */
GArray   *_jd_review_scope_agencies    (JdDb                    *db,
                                        const JdReviewBatchSpec *spec,
                                        GError                 **error);

char     *_jd_review_dup_text          (sqlite3_stmt            *stmt,
                                        int                      column);
/* TRUE when TEXT is a real date written YYYY-MM-DD. */
gboolean  _jd_review_parse_date        (const char              *text,
                                        GDate                   *date);
char     *_jd_review_format_date       (const GDate             *date);
/* Today, YYYY-MM-DD in local time. */
char     *_jd_review_today             (void);

/* The standing of every file of BATCH_ID: gint64* file id → JdReviewStanding*. */
typedef struct
{
  int       status;        /* 0 not started, 1 in progress, 2 finished */
  double    score;
  JdGrade   grade;
  guint     n_sheets;
  guint     n_finished;    /* finished reviewer sheets */
  gboolean  reconciled;
} JdReviewStanding;

GHashTable *_jd_review_batch_standings (JdDb                    *db,
                                        gint64                   batch_id,
                                        GError                 **error);

G_END_DECLS
