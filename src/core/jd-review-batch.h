/* jd-review-batch.h: review batches (评查活动), sampling, scoring sheets,
 * reconciliation, results and supervision letters (执法监督建议书)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A batch draws closed case files from the records in its scope with a
 * recorded seed: drawing again with the same spec gives the same list.
 * Every change a reviewer makes is written at once.
 */
#pragma once

#include <glib.h>

#include "jd-db.h"
#include "jd-review-template.h"

G_BEGIN_DECLS

/* Stored: never renumber. */
typedef enum
{
  JD_REVIEW_BATCH_SELF  = 0,   /* 自查 */
  JD_REVIEW_BATCH_CROSS = 1,   /* 交叉评查 */
  JD_REVIEW_BATCH_SPOT  = 2,   /* 抽查 */
} JdReviewBatchKind;
#define JD_REVIEW_BATCH_KIND_N 3

const char *jd_review_batch_kind_to_id    (JdReviewBatchKind kind);
const char *jd_review_batch_kind_to_label (JdReviewBatchKind kind);

typedef struct
{
  char              *name;
  int                year;
  JdReviewBatchKind  kind;
  GArray            *agency_ids;     /* gint64; empty: every agency of the local district */
  GArray            *categories;     /* int (JdActionCategory); empty: every reviewed category */
  char              *closed_from;    /* YYYY-MM-DD or NULL: from the start of YEAR */
  char              *closed_to;      /* YYYY-MM-DD or NULL: to the end of YEAR */
  guint              sample_size;    /* files to draw; 0: use sample_percent */
  double             sample_percent; /* 0–100 of the files in scope */
  guint64            seed;
  GPtrArray         *reviewers;      /* char* names */
} JdReviewBatchSpec;

JdReviewBatchSpec *jd_review_batch_spec_new  (void);
void               jd_review_batch_spec_free (JdReviewBatchSpec *spec);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdReviewBatchSpec, jd_review_batch_spec_free)

/* A fresh random seed for a new batch. */
guint64    jd_review_new_seed (void);

/* Draws the sample of SPEC: the record ids, in drawn order. Closed records
 * (closed_on set and inside the dates) of a reviewed kind
 * (jd_review_kind_for_record () >= 0) in scope. Stratified: every agency in
 * scope with files gets at least one, the rest in proportion to its files
 * (largest remainders); within an agency, a seeded shuffle. Reproducible:
 * the same spec and database give the same list. Element type gint64. */
GArray    *jd_review_sample_draw (JdDb                    *db,
                                  const JdReviewBatchSpec *spec,
                                  GError                 **error);

/* Creates the batch: saves SPEC, pins the newest template of each kind,
 * draws the sample and saves the drawn files, all in one transaction. */
gboolean   jd_review_batch_create (JdDb                    *db,
                                   const JdReviewBatchSpec *spec,
                                   gint64                  *out_batch_id,
                                   GError                 **error);
gboolean   jd_review_batch_delete (JdDb    *db,
                                   gint64   batch_id,
                                   GError **error);
JdReviewBatchSpec *jd_review_batch_load_spec (JdDb    *db,
                                              gint64   batch_id,
                                              GError **error);

typedef struct
{
  gint64             id;
  char              *name;
  int                year;
  JdReviewBatchKind  kind;
  guint64            seed;
  char              *created_on;
  guint              n_files;
  guint              n_finished;     /* files with at least one finished sheet */
} JdReviewBatchInfo;

void       jd_review_batch_info_free (JdReviewBatchInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdReviewBatchInfo, jd_review_batch_info_free)
/* Every batch, newest first; element type JdReviewBatchInfo*. */
GPtrArray *jd_review_batches_list (JdDb    *db,
                                   GError **error);

/* A drawn file with what the reviewer sees of its record. */
typedef struct
{
  gint64    id;
  gint64    batch_id;
  guint     seq;             /* 1-based place in the drawn list */
  gint64    record_id;       /* 0 when the record has since gone */
  gint64    agency_id;
  char     *agency_name;
  gint64    template_id;
  int       category;
  int       procedure;
  int       penalty_type;
  char     *opened_on;
  char     *closed_on;
  char     *party;
  char     *decision_no;
  gint64    fine_fen;
  /* The file's standing: the reconciled sheet if any, else the finished
   * sheets' average. status: 0 not started, 1 in progress, 2 finished. */
  int       status;
  double    score;           /* valid when status == 2 */
  JdGrade   grade;           /* valid when status == 2 */
  guint     n_sheets;
  gboolean  reconciled;
} JdReviewFile;

void          jd_review_file_free (JdReviewFile *file);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdReviewFile, jd_review_file_free)
/* The drawn files in drawn order; element type JdReviewFile*. */
GPtrArray    *jd_review_batch_files (JdDb    *db,
                                     gint64   batch_id,
                                     GError **error);
JdReviewFile *jd_review_file_load   (JdDb    *db,
                                     gint64   file_id,
                                     GError **error);

/* The template with TEMPLATE_ID (a file's template_id), loaded once and then
 * kept by DB: a saved template version never changes. Borrowed; lives as
 * long as DB. */
const JdReviewTemplate *jd_review_batch_template (JdDb    *db,
                                                  gint64   template_id,
                                                  GError **error);

/* Sheets: one reviewer's scoring of one file ------------------------------------ */

typedef struct
{
  gint64         id;
  gint64         file_id;
  gint64         reviewer_id;   /* 0: the reconciled sheet */
  char          *reviewer_name; /* NULL for the reconciled sheet */
  int            status;        /* 0 not started, 1 in progress, 2 finished */
  JdReviewScore  score;         /* as scored now */
  guint          cursor;        /* index of the item last worked on */
  char          *comment;
  GArray        *marks;         /* JdReviewMark (notes owned by the sheet) */
} JdReviewSheet;

void           jd_review_sheet_free (JdReviewSheet *sheet);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdReviewSheet, jd_review_sheet_free)

/* The id of REVIEWER's named reviewer row, created when new. */
gboolean       jd_review_reviewer_ensure (JdDb        *db,
                                          const char  *name,
                                          gint64      *out_id,
                                          GError     **error);
/* REVIEWER's sheet for FILE, created (not started) when there is none. */
JdReviewSheet *jd_review_sheet_open      (JdDb        *db,
                                          gint64       file_id,
                                          gint64       reviewer_id,
                                          GError     **error);
/* Every sheet of FILE, the reconciled one last; element type JdReviewSheet*. */
GPtrArray     *jd_review_file_sheets     (JdDb        *db,
                                          gint64       file_id,
                                          GError     **error);
/* Writes one mark at once (a deduction of 0 without veto or note removes
 * it), rescoring the sheet; the sheet becomes in progress. Fails with
 * JD_DB_ERROR_INVALID for a negative deduction, one above the item's
 * points, or a veto on an item that has none. SHEET is updated in place. */
gboolean       jd_review_sheet_set_mark  (JdDb          *db,
                                          JdReviewSheet *sheet,
                                          gint64         item_id,
                                          double         deducted,
                                          gboolean       veto_hit,
                                          const char    *note,
                                          GError       **error);
gboolean       jd_review_sheet_set_cursor (JdDb          *db,
                                           JdReviewSheet *sheet,
                                           guint          cursor,
                                           GError       **error);
gboolean       jd_review_sheet_set_comment (JdDb          *db,
                                            JdReviewSheet *sheet,
                                            const char    *comment,
                                            GError       **error);
/* Finished (TRUE) or back in progress (FALSE). */
gboolean       jd_review_sheet_set_finished (JdDb          *db,
                                             JdReviewSheet *sheet,
                                             gboolean       finished,
                                             GError       **error);

/* Where REVIEWER was in the batch: the file to resume on (0: the first). */
gint64         jd_review_cursor_get      (JdDb        *db,
                                          gint64       batch_id,
                                          gint64       reviewer_id);
gboolean       jd_review_cursor_set      (JdDb        *db,
                                          gint64       batch_id,
                                          gint64       reviewer_id,
                                          gint64       file_id,
                                          GError     **error);

/* Reconciliation: two or more reviewers on one file --------------------------- */

typedef struct
{
  gint64   item_id;
  double   deducted[2];     /* the two sheets' deductions */
  gboolean veto_hit[2];
} JdReviewDifference;

/* The items where sheets A and B differ; element type JdReviewDifference. */
GArray        *jd_review_sheets_compare  (const JdReviewSheet *a,
                                          const JdReviewSheet *b);
/* Writes the reconciled sheet of FILE (reviewer 0, finished) with MARKS,
 * replacing an earlier one; it then stands for the file in the results. */
gboolean       jd_review_file_reconcile  (JdDb               *db,
                                          gint64              file_id,
                                          const JdReviewMark *marks,
                                          guint               n_marks,
                                          const char         *comment,
                                          GError            **error);

/* Results --------------------------------------------------------------------- */

typedef struct
{
  gint64   item_id;
  char    *text;
  char    *section;        /* the item's section title */
  guint    n_files;        /* files where it was deducted or vetoed */
  guint    n_vetoes;       /* files where its veto was hit */
  double   points;         /* total deducted */
} JdReviewDefect;

typedef struct
{
  gint64     agency_id;
  char      *agency_name;
  guint      n_files;       /* drawn */
  guint      n_reviewed;    /* finished */
  double     average;       /* over the finished files */
  double     total;         /* sum of their scores: breaks ties in the ranking */
  JdGrade    grade;         /* of the average, in the default bands */
  guint      rank;          /* 1-based by average, then total; 0 if none reviewed */
  guint      n_by_grade[JD_GRADE_N];
  GPtrArray *defects;       /* JdReviewDefect*, most frequent first */
} JdReviewAgencyResult;

typedef struct
{
  gint64     batch_id;
  guint      n_files;
  guint      n_reviewed;
  double     average;
  guint      n_by_grade[JD_GRADE_N];
  GPtrArray *defects;       /* JdReviewDefect*, most frequent first */
  GPtrArray *agencies;      /* JdReviewAgencyResult*, by rank */
} JdReviewResults;

void             jd_review_results_free (JdReviewResults *results);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdReviewResults, jd_review_results_free)
JdReviewResults *jd_review_batch_results (JdDb    *db,
                                          gint64   batch_id,
                                          GError **error);

/* Agencies with at least one 不合格 file in a batch of YEAR, for the
 * dashboard's alerts; element type gint64 (agency ids), with OUT_N_FAILED
 * (guint, same order) when not NULL. */
GArray          *jd_review_failing_agencies (JdDb    *db,
                                             int      year,
                                             GArray **out_n_failed,
                                             GError **error);

/* Supervision letters (执法监督建议书) ------------------------------------------ */

typedef struct
{
  gint64   id;
  gint64   batch_id;
  gint64   agency_id;
  char    *agency_name;
  char    *number;         /* e.g. "监督建议〔2025〕3号" */
  char    *issued_on;      /* NULL while a draft */
  char    *due_on;         /* issued_on + 15 days */
  char    *problems;       /* one defect per line */
  char    *measures;
  char    *replied_on;
  char    *reply;
} JdReviewLetter;

void       jd_review_letter_free (JdReviewLetter *letter);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdReviewLetter, jd_review_letter_free)

/* Drafts a letter for every agency of the batch with defects that has none
 * yet, listing its defects; returns how many were drafted. */
gboolean   jd_review_letters_draft  (JdDb    *db,
                                     gint64   batch_id,
                                     guint   *out_n_drafted,
                                     GError **error);
/* The batch's letters by agency name (batch_id 0: every letter); element
 * type JdReviewLetter*. */
GPtrArray *jd_review_letters_list   (JdDb    *db,
                                     gint64   batch_id,
                                     GError **error);
gboolean   jd_review_letter_update  (JdDb                 *db,
                                     const JdReviewLetter *letter,
                                     GError              **error);
/* Issues the letter on DATE (YYYY-MM-DD): due 15 days later. */
gboolean   jd_review_letter_issue   (JdDb        *db,
                                     gint64       letter_id,
                                     const char  *date,
                                     GError     **error);
gboolean   jd_review_letter_record_reply (JdDb        *db,
                                          gint64       letter_id,
                                          const char  *date,
                                          const char  *reply,
                                          GError     **error);
/* Issued letters without a reply whose due date is before TODAY. */
GPtrArray *jd_review_letters_overdue (JdDb        *db,
                                      const char  *today,
                                      GError     **error);

G_END_DECLS
