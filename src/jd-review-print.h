/* jd-review-print.h: printed review documents, drawn with Cairo and Pango
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Core and charts together, like jd-chart-builder: the GUI prints these
 * through GtkPrintOperation and jiandu-cli writes them as PDF. A document is
 * laid out once for a page size, then each page is drawn on any cairo_t.
 * Pages are A4 portrait (595 × 842 points) unless the caller says otherwise.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "jd-db.h"
#include "jd-review-batch.h"
#include "jd-review-template.h"

G_BEGIN_DECLS

typedef enum
{
  JD_REVIEW_DOC_BLANK_SHEETS = 0,   /* blank checklists for reviewing on paper */
  JD_REVIEW_DOC_FILLED_SHEETS,      /* each file's scored checklist */
  JD_REVIEW_DOC_RESULTS,            /* the batch results report */
  JD_REVIEW_DOC_LETTERS,            /* the supervision letters, one or more pages each */
} JdReviewDocKind;
#define JD_REVIEW_DOC_N 4

const char *jd_review_doc_kind_to_id    (JdReviewDocKind kind);
const char *jd_review_doc_kind_to_label (JdReviewDocKind kind);
gboolean    jd_review_doc_kind_from_id  (const char      *id,
                                         JdReviewDocKind *out);

typedef struct _JdReviewDoc JdReviewDoc;

/* Reads what KIND needs of BATCH_ID from DB (for BLANK_SHEETS, the batch's
 * pinned templates; with BATCH_ID 0, every newest template). FILE_ID limits
 * FILLED_SHEETS to one file and LETTER_ID limits LETTERS to one letter (0:
 * all). DISTRICT names the bureau in headers. The document holds its own
 * copy of everything: it can be drawn from another thread than the reader. */
JdReviewDoc *jd_review_doc_new        (JdDb            *db,
                                       JdReviewDocKind  kind,
                                       gint64           batch_id,
                                       gint64           file_id,
                                       gint64           letter_id,
                                       GError         **error);
void         jd_review_doc_free       (JdReviewDoc     *doc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdReviewDoc, jd_review_doc_free)

const char  *jd_review_doc_get_title  (JdReviewDoc     *doc);

/* Lays the document out for pages of WIDTH × HEIGHT points, measuring text
 * on CR (any cairo_t with the right font options: a print context's, or a
 * PDF surface's). Returns the number of pages, at least 1. */
guint        jd_review_doc_paginate   (JdReviewDoc     *doc,
                                       cairo_t         *cr,
                                       double           width,
                                       double           height);
/* The same in steps, for a caller that must not block (GtkPrintOperation's
 * ::paginate): begin, then step until it returns TRUE, N_BLOCKS paragraphs
 * and tables at a time; then get_n_pages () says how many pages there are. */
void         jd_review_doc_paginate_begin (JdReviewDoc *doc,
                                           double       width,
                                           double       height);
gboolean     jd_review_doc_paginate_step  (JdReviewDoc *doc,
                                           guint        n_blocks);
guint        jd_review_doc_get_n_pages    (JdReviewDoc *doc);
/* Draws page PAGE (0-based) as laid out by the last paginate, with a header
 * and a footer "Page N of M" and DATE. */
void         jd_review_doc_draw_page  (JdReviewDoc     *doc,
                                       cairo_t         *cr,
                                       guint            page,
                                       const char      *date);

/* Writes the whole document as an A4 PDF to PATH (aside, then renamed). */
gboolean     jd_review_doc_export_pdf (JdReviewDoc     *doc,
                                       const char      *path,
                                       GError         **error);

/* Without a database (tests, previews) ----------------------------------------
 *
 * WIDTH × HEIGHT of paginate is the area inside the margins: draw_page draws
 * from (0, 0) of CR, its header at the top and its footer at the bottom.
 * export_pdf puts 40-point margins around it. */

/* Blank sheets of TEMPLATES (element type JdReviewTemplate*), and letters
 * (JdReviewLetter*) of the batch named BATCH_NAME (may be NULL). DISTRICT
 * may be NULL. What they need is copied. */
JdReviewDoc *jd_review_doc_new_for_templates (GPtrArray  *templates,
                                              const char *district);
JdReviewDoc *jd_review_doc_new_for_letters   (GPtrArray  *letters,
                                              const char *batch_name,
                                              const char *district);

typedef enum
{
  JD_REVIEW_BOX_TEXT = 0,    /* a title, heading or paragraph (or a slice of one) */
  JD_REVIEW_BOX_HEADER_ROW,  /* a table's header row, repeated on each page */
  JD_REVIEW_BOX_ROW,         /* a table's row (or a slice of one taller than a page) */
} JdReviewBoxKind;

typedef struct
{
  JdReviewBoxKind  kind;
  guint            page;     /* 0-based */
  double           x, y, width, height;
  const char      *text;     /* the text, or the row's cells joined by " | " */
} JdReviewBox;

/* What the last paginate placed, page by page, top to bottom. */
guint              jd_review_doc_get_n_boxes     (JdReviewDoc *doc);
const JdReviewBox *jd_review_doc_get_box         (JdReviewDoc *doc,
                                                  guint        index);
/* Where the body starts and ends on each page (the header above, the
 * footer below): no box reaches outside. */
void               jd_review_doc_get_body        (JdReviewDoc *doc,
                                                  double      *top,
                                                  double      *bottom);

G_END_DECLS
