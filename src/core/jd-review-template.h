/* jd-review-template.h: case-file review checklists (案卷评查标准) and scoring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A template is a checklist: sections (stage → document) holding items, each
 * with its points, a deduction rule, the usual deductions per defect and,
 * for the legality items, a veto. Grade bands are data. Templates are
 * versioned: saving a change to a template adds the next version under the
 * same code; what a finished review was scored against never changes.
 * DOMAIN.md §2 has the tables the built-in templates come from.
 */
#pragma once

#include <glib.h>

#include "jd-db.h"

G_BEGIN_DECLS

/* Stored in the database: never renumber. */
typedef enum
{
  JD_REVIEW_KIND_PENALTY_GENERAL = 0,   /* 行政处罚(一般程序) */
  JD_REVIEW_KIND_PENALTY_SIMPLE  = 1,   /* 行政处罚(简易程序) */
  JD_REVIEW_KIND_LICENSING       = 2,   /* 行政许可 */
  JD_REVIEW_KIND_INSPECTION      = 3,   /* 行政检查 */
  JD_REVIEW_KIND_COERCION        = 4,   /* 行政强制 */
} JdReviewKind;
#define JD_REVIEW_KIND_N 5

typedef enum
{
  JD_SCORING_SUM           = 0,   /* the sum of what each item keeps */
  JD_SCORING_HUNDRED_MINUS = 1,   /* the total less every deduction */
} JdScoringMode;

/* What failing a legality item (主体, 事实证据, 适用依据, 程序) does. */
typedef enum
{
  JD_VETO_NONE   = 0,
  JD_VETO_ZERO   = 1,   /* the score becomes 0 (扣100分) */
  JD_VETO_FAIL   = 2,   /* the file is 不合格 whatever its score */
  JD_VETO_NO_TOP = 3,   /* the file cannot get the top grade (一票否决优秀) */
} JdVetoEffect;
#define JD_VETO_N 4

/* Best first. Stored: never renumber. */
typedef enum
{
  JD_GRADE_EXCELLENT = 0,   /* 优秀 */
  JD_GRADE_GOOD      = 1,   /* 良好 */
  JD_GRADE_PASS      = 2,   /* 合格 */
  JD_GRADE_FAIL      = 3,   /* 不合格 */
} JdGrade;
#define JD_GRADE_N 4

const char *jd_review_kind_to_id      (JdReviewKind  kind);
const char *jd_review_kind_to_label   (JdReviewKind  kind);
gboolean    jd_review_kind_from_id    (const char   *id,
                                       JdReviewKind *out);
/* The review kind that scores a record, or -1 when records of that
 * category and procedure are not reviewed. */
int         jd_review_kind_for_record (int           category,
                                       int           procedure);
const char *jd_veto_effect_to_id      (JdVetoEffect  effect);
const char *jd_veto_effect_to_label   (JdVetoEffect  effect);
const char *jd_grade_to_id            (JdGrade       grade);
const char *jd_grade_to_label         (JdGrade       grade);

typedef struct
{
  gint64   id;          /* 0 until saved */
  int      parent;      /* index of the enclosing section, or -1 */
  char    *title;
  double   points;
} JdReviewSection;

#define JD_REVIEW_MAX_TYPICAL 4

typedef struct
{
  gint64        id;          /* 0 until saved */
  int           section;     /* index into sections, or -1 */
  char         *text;
  double        points;
  char         *rule;        /* how to deduct, in words; may be NULL */
  double        typical[JD_REVIEW_MAX_TYPICAL];  /* usual deductions per defect */
  guint         n_typical;
  JdVetoEffect  veto;
} JdReviewItem;

typedef struct
{
  JdGrade  grade;
  double   min_score;    /* a score >= min_score reaches this grade */
} JdGradeBand;

typedef struct
{
  gint64         id;           /* 0 until saved */
  char          *code;         /* stable across versions, e.g. "penalty-general" */
  int            version;
  char          *name;
  JdReviewKind   kind;
  JdScoringMode  mode;
  double         total_points;
  gboolean       builtin;
  char          *created_on;   /* YYYY-MM-DD */
  GPtrArray     *sections;     /* JdReviewSection*, owned */
  GPtrArray     *items;        /* JdReviewItem*, owned, in checklist order */
  GArray        *bands;        /* JdGradeBand, best grade first */
} JdReviewTemplate;

JdReviewTemplate *jd_review_template_new   (void);
JdReviewTemplate *jd_review_template_copy  (const JdReviewTemplate *self);
void              jd_review_template_free  (JdReviewTemplate       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdReviewTemplate, jd_review_template_free)

/* Appends a section or an item; the template owns the copy. Returns its index. */
int   jd_review_template_add_section (JdReviewTemplate      *self,
                                      int                    parent,
                                      const char            *title,
                                      double                 points);
int   jd_review_template_add_item    (JdReviewTemplate      *self,
                                      int                    section,
                                      const char            *text,
                                      double                 points,
                                      const char            *rule,
                                      const double          *typical,
                                      guint                  n_typical,
                                      JdVetoEffect           veto);
/* Sets the default bands: 优秀 >= 90, 合格 >= 60, 不合格 below. */
void  jd_review_template_set_default_bands (JdReviewTemplate *self);

/* Checks the template: items present, points add up to total_points (for
 * JD_SCORING_SUM), bands strictly decreasing, the fail band at 0... The
 * error names the item or band at fault. */
gboolean jd_review_template_validate (const JdReviewTemplate *self,
                                      GError                **error);

/* The built-in templates, translated into the current locale: penalty by
 * general procedure (Tables B–D), by simple procedure, licensing (Table A),
 * inspection and coercion (§2.10–2.11). Element type JdReviewTemplate*. */
GPtrArray *jd_review_template_builtins (void);

/* The same with the English source texts, as jd_review_templates_ensure ()
 * stores them (jd_review_template_load () shows them translated). */
GPtrArray *_jd_review_template_builtins_untranslated (void);

/* Stores the built-in templates if the database has none of their codes yet.
 * Called before any review work; idempotent. */
gboolean   jd_review_templates_ensure (JdDb    *db,
                                       GError **error);

/* The newest version of each template code; element type JdReviewTemplate*
 * (fully loaded), ordered by kind then name. */
GPtrArray        *jd_review_templates_list    (JdDb        *db,
                                               GError     **error);
/* Every version of CODE, newest first. */
GPtrArray        *jd_review_template_versions (JdDb        *db,
                                               const char  *code,
                                               GError     **error);
JdReviewTemplate *jd_review_template_load     (JdDb        *db,
                                               gint64       template_id,
                                               GError     **error);
/* The newest version for KIND (the one new batches use). */
JdReviewTemplate *jd_review_template_load_for_kind (JdDb         *db,
                                                    JdReviewKind  kind,
                                                    GError      **error);
/* Saves TEMPLATE as a new version: the next version of its code (version 1
 * for a new code); older versions stay as they were. Fills in the ids and
 * version of TEMPLATE. Validates first. */
gboolean          jd_review_template_save     (JdDb             *db,
                                               JdReviewTemplate *self,
                                               GError          **error);

/* XML (namespace urn:jiandu:review-template:1, data/jiandu-review-template-1.xsd):
 * one template per file. Export writes aside and renames. Import validates,
 * reports file, line and field, and saves the template as a new version. */
gboolean          jd_review_template_export_xml (const JdReviewTemplate *self,
                                                 const char             *path,
                                                 GError                **error);
JdReviewTemplate *jd_review_template_import_xml (const char             *path,
                                                 GError                **error);

/* Scoring --------------------------------------------------------------------- */

/* One reviewer's mark on one item: how much was deducted (capped at the
 * item's points), whether its veto was hit, a note. */
typedef struct
{
  gint64    item_id;
  double    deducted;
  gboolean  veto_hit;
  char     *note;      /* may be NULL; not owned by the scorer */
} JdReviewMark;

typedef struct
{
  double        score;          /* never below 0, never above total_points */
  double        deducted;       /* what the deductions took, after caps */
  JdGrade       grade;
  JdVetoEffect  veto;           /* the strongest veto hit, or NONE */
  guint         n_defects;      /* items with a deduction or a veto */
} JdReviewScore;

/* Scores MARKS (any order; items without a mark keep their points) against
 * the template. Deductions are capped at each item's points and the total
 * never goes below zero (扣完为止,不计负分). JD_VETO_ZERO sets the score to 0;
 * JD_VETO_FAIL gives 不合格 whatever the score; JD_VETO_NO_TOP gives at best
 * the second band. The grade is the best band whose min_score the score
 * reaches (59.5 is 不合格 when 合格 starts at 60). Marks for unknown items
 * are ignored. */
void      jd_review_template_score  (const JdReviewTemplate *self,
                                     const JdReviewMark     *marks,
                                     guint                   n_marks,
                                     JdReviewScore          *out);
/* The grade a score reaches in the template's bands, vetoes aside. */
JdGrade   jd_review_template_grade  (const JdReviewTemplate *self,
                                     double                  score);
/* Index of the item with ITEM_ID, or -1. */
int       jd_review_template_find_item (const JdReviewTemplate *self,
                                        gint64                  item_id);

G_END_DECLS
