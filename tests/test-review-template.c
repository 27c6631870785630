/* test-review-template.c: review checklists: scoring rules, grade bands,
 * vetoes, built-in templates, versions in the database, XML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "jd-review-template.h"

static char *tmp_dir;

/* Helpers --------------------------------------------------------------------- */

static JdDb *
open_db (void)
{
  g_autoptr(GError) error = NULL;
  JdDb *db = jd_db_open (":memory:", &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  return db;
}

/* Items A 10, B 20, C 70 (sum 100), and three legality items worth 0 points,
 * one per veto effect. Item ids are 1..6 in that order. */
static JdReviewTemplate *
make_template (void)
{
  JdReviewTemplate *self = jd_review_template_new ();
  const double typical[] = { 1, 2, 5 };
  int stage, legality;

  self->code = g_strdup ("test");
  self->name = g_strdup ("Test checklist");
  self->kind = JD_REVIEW_KIND_PENALTY_GENERAL;
  self->total_points = 100;

  legality = jd_review_template_add_section (self, -1, "Legality", 0);
  stage = jd_review_template_add_section (self, -1, "Stage", 100);
  jd_review_template_add_item (self, stage, "A", 10, "Each defect: 1", typical, 3, JD_VETO_NONE);
  jd_review_template_add_item (self, stage, "B", 20, NULL, typical, 2, JD_VETO_NONE);
  jd_review_template_add_item (self, stage, "C", 70, NULL, NULL, 0, JD_VETO_NONE);
  jd_review_template_add_item (self, legality, "Subject", 0, NULL, NULL, 0, JD_VETO_ZERO);
  jd_review_template_add_item (self, legality, "Facts", 0, NULL, NULL, 0, JD_VETO_FAIL);
  jd_review_template_add_item (self, legality, "Law", 0, NULL, NULL, 0, JD_VETO_NO_TOP);

  for (guint i = 0; i < self->items->len; i++)
    ((JdReviewItem *) g_ptr_array_index (self->items, i))->id = i + 1;

  return self;
}

static JdReviewScore
score_marks (const JdReviewTemplate *self,
             const JdReviewMark     *marks,
             guint                   n_marks)
{
  JdReviewScore score;

  memset (&score, 0xAA, sizeof score);
  jd_review_template_score (self, marks, n_marks, &score);
  return score;
}

#define assert_points(a, b) g_assert_cmpfloat_with_epsilon ((a), (b), 1e-9)

static void
assert_same_template (const JdReviewTemplate *a,
                      const JdReviewTemplate *b)
{
  g_assert_cmpstr (a->code, ==, b->code);
  g_assert_cmpstr (a->name, ==, b->name);
  g_assert_cmpint (a->kind, ==, b->kind);
  g_assert_cmpint (a->mode, ==, b->mode);
  assert_points (a->total_points, b->total_points);

  g_assert_cmpuint (a->sections->len, ==, b->sections->len);
  for (guint i = 0; i < a->sections->len; i++)
    {
      const JdReviewSection *x = g_ptr_array_index (a->sections, i);
      const JdReviewSection *y = g_ptr_array_index (b->sections, i);

      g_assert_cmpint (x->parent, ==, y->parent);
      g_assert_cmpstr (x->title, ==, y->title);
      assert_points (x->points, y->points);
    }

  g_assert_cmpuint (a->items->len, ==, b->items->len);
  for (guint i = 0; i < a->items->len; i++)
    {
      const JdReviewItem *x = g_ptr_array_index (a->items, i);
      const JdReviewItem *y = g_ptr_array_index (b->items, i);

      g_assert_cmpint (x->section, ==, y->section);
      g_assert_cmpstr (x->text, ==, y->text);
      g_assert_cmpstr (x->rule, ==, y->rule);
      assert_points (x->points, y->points);
      g_assert_cmpint (x->veto, ==, y->veto);
      g_assert_cmpuint (x->n_typical, ==, y->n_typical);
      for (guint j = 0; j < x->n_typical; j++)
        assert_points (x->typical[j], y->typical[j]);
    }

  g_assert_cmpuint (a->bands->len, ==, b->bands->len);
  for (guint i = 0; i < a->bands->len; i++)
    {
      g_assert_cmpint (g_array_index (a->bands, JdGradeBand, i).grade, ==,
                       g_array_index (b->bands, JdGradeBand, i).grade);
      assert_points (g_array_index (a->bands, JdGradeBand, i).min_score,
                     g_array_index (b->bands, JdGradeBand, i).min_score);
    }
}

static char *
write_tmp (const char *name,
           const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (tmp_dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* Enumerations ------------------------------------------------------------------- */

static void
test_kinds (void)
{
  JdReviewKind kind;

  g_assert_cmpstr (jd_review_kind_to_id (JD_REVIEW_KIND_PENALTY_GENERAL), ==, "penalty-general");
  g_assert_cmpstr (jd_review_kind_to_id (JD_REVIEW_KIND_COERCION), ==, "coercion");
  g_assert_null (jd_review_kind_to_id (JD_REVIEW_KIND_N));
  g_assert_true (jd_review_kind_from_id ("penalty-simple", &kind));
  g_assert_cmpint (kind, ==, JD_REVIEW_KIND_PENALTY_SIMPLE);
  g_assert_false (jd_review_kind_from_id ("penalty", &kind));
  g_assert_false (jd_review_kind_from_id (NULL, &kind));
  for (int i = 0; i < JD_REVIEW_KIND_N; i++)
    g_assert_nonnull (jd_review_kind_to_label (i));

  g_assert_cmpint (jd_review_kind_for_record (JD_CATEGORY_PENALTY, JD_PROCEDURE_GENERAL), ==,
                   JD_REVIEW_KIND_PENALTY_GENERAL);
  g_assert_cmpint (jd_review_kind_for_record (JD_CATEGORY_PENALTY, JD_PROCEDURE_SIMPLE), ==,
                   JD_REVIEW_KIND_PENALTY_SIMPLE);
  g_assert_cmpint (jd_review_kind_for_record (JD_CATEGORY_PENALTY, JD_PROCEDURE_NONE), ==,
                   JD_REVIEW_KIND_PENALTY_GENERAL);
  g_assert_cmpint (jd_review_kind_for_record (JD_CATEGORY_LICENSING, JD_PROCEDURE_NONE), ==,
                   JD_REVIEW_KIND_LICENSING);
  g_assert_cmpint (jd_review_kind_for_record (JD_CATEGORY_INSPECTION, JD_PROCEDURE_NONE), ==,
                   JD_REVIEW_KIND_INSPECTION);
  g_assert_cmpint (jd_review_kind_for_record (JD_CATEGORY_COERCIVE_MEASURE, JD_PROCEDURE_NONE), ==,
                   JD_REVIEW_KIND_COERCION);
  g_assert_cmpint (jd_review_kind_for_record (JD_CATEGORY_COERCIVE_EXECUTION, JD_PROCEDURE_NONE), ==,
                   JD_REVIEW_KIND_COERCION);
  g_assert_cmpint (jd_review_kind_for_record (JD_CATEGORY_CONFIRMATION, JD_PROCEDURE_NONE), ==, -1);
  g_assert_cmpint (jd_review_kind_for_record (JD_CATEGORY_LEVY, JD_PROCEDURE_NONE), ==, -1);

  g_assert_cmpstr (jd_grade_to_id (JD_GRADE_EXCELLENT), ==, "excellent");
  g_assert_cmpstr (jd_grade_to_id (JD_GRADE_FAIL), ==, "fail");
  g_assert_cmpstr (jd_grade_to_label (JD_GRADE_GOOD), ==, "Good");
  g_assert_cmpstr (jd_veto_effect_to_id (JD_VETO_NO_TOP), ==, "no-top");
  g_assert_nonnull (jd_veto_effect_to_label (JD_VETO_ZERO));
}

/* Scoring ------------------------------------------------------------------------- */

static void
test_score_deductions (void)
{
  g_autoptr(JdReviewTemplate) self = make_template ();
  JdReviewScore s;

  s = score_marks (self, NULL, 0);
  assert_points (s.score, 100);
  assert_points (s.deducted, 0);
  g_assert_cmpint (s.grade, ==, JD_GRADE_EXCELLENT);
  g_assert_cmpint (s.veto, ==, JD_VETO_NONE);
  g_assert_cmpuint (s.n_defects, ==, 0);

  /* each deduction counts */
  {
    const JdReviewMark marks[] = { { 1, 2, FALSE, NULL }, { 2, 0.5, FALSE, NULL }, { 3, 5, FALSE, "late" } };

    s = score_marks (self, marks, G_N_ELEMENTS (marks));
    assert_points (s.score, 92.5);
    assert_points (s.deducted, 7.5);
    g_assert_cmpint (s.grade, ==, JD_GRADE_EXCELLENT);
    g_assert_cmpuint (s.n_defects, ==, 3);
  }

  /* a mark of 0 is compliant: no defect */
  {
    const JdReviewMark marks[] = { { 1, 0, FALSE, NULL } };

    s = score_marks (self, marks, 1);
    assert_points (s.score, 100);
    g_assert_cmpuint (s.n_defects, ==, 0);
  }

  /* deductions are capped at the item's points, also across marks */
  {
    const JdReviewMark marks[] = { { 1, 15, FALSE, NULL }, { 2, 12, FALSE, NULL }, { 2, 12, FALSE, NULL } };

    s = score_marks (self, marks, G_N_ELEMENTS (marks));
    assert_points (s.deducted, 30);
    assert_points (s.score, 70);
    g_assert_cmpint (s.grade, ==, JD_GRADE_PASS);
    g_assert_cmpuint (s.n_defects, ==, 2);
  }

  /* unknown items and negative deductions are ignored */
  {
    const JdReviewMark marks[] = { { 99, 50, TRUE, NULL }, { 3, -5, FALSE, NULL } };

    s = score_marks (self, marks, G_N_ELEMENTS (marks));
    assert_points (s.score, 100);
    g_assert_cmpint (s.veto, ==, JD_VETO_NONE);
    g_assert_cmpuint (s.n_defects, ==, 0);
  }

  /* everything taken: zero, never below */
  {
    const JdReviewMark marks[] = { { 1, 100, FALSE, NULL }, { 2, 100, FALSE, NULL }, { 3, 100, FALSE, NULL } };

    s = score_marks (self, marks, G_N_ELEMENTS (marks));
    assert_points (s.score, 0);
    assert_points (s.deducted, 100);
    g_assert_cmpint (s.grade, ==, JD_GRADE_FAIL);
  }
}

/* 100 − deductions: item points are caps, and the total stops at zero */
static void
test_score_hundred_minus (void)
{
  g_autoptr(JdReviewTemplate) self = jd_review_template_new ();
  g_autoptr(GError) error = NULL;
  JdReviewScore s;

  self->name = g_strdup ("Hundred minus");
  self->mode = JD_SCORING_HUNDRED_MINUS;
  for (int i = 0; i < 3; i++)
    {
      int index = jd_review_template_add_item (self, -1, "Normative item", 60, NULL, NULL, 0, JD_VETO_NONE);

      ((JdReviewItem *) g_ptr_array_index (self->items, index))->id = 10 + i;
    }
  /* the items need not add up to the total in this mode */
  g_assert_true (jd_review_template_validate (self, &error));
  g_assert_no_error (error);

  {
    const JdReviewMark marks[] = { { 10, 10.5, FALSE, NULL } };

    s = score_marks (self, marks, 1);
    assert_points (s.score, 89.5);
    g_assert_cmpint (s.grade, ==, JD_GRADE_PASS);
  }
  {
    const JdReviewMark marks[] = { { 10, 80, FALSE, NULL }, { 11, 60, FALSE, NULL }, { 12, 10, FALSE, NULL } };

    s = score_marks (self, marks, G_N_ELEMENTS (marks));
    assert_points (s.deducted, 130);   /* 60 (capped) + 60 + 10 */
    assert_points (s.score, 0);
    g_assert_cmpint (s.grade, ==, JD_GRADE_FAIL);
    g_assert_cmpuint (s.n_defects, ==, 3);
  }
}

static void
test_score_vetoes (void)
{
  g_autoptr(JdReviewTemplate) self = make_template ();
  JdReviewScore s;

  /* zero: the score becomes 0 and the file fails */
  {
    const JdReviewMark marks[] = { { 4, 0, TRUE, "no jurisdiction" }, { 1, 2, FALSE, NULL } };

    s = score_marks (self, marks, G_N_ELEMENTS (marks));
    assert_points (s.score, 0);
    assert_points (s.deducted, 2);
    g_assert_cmpint (s.veto, ==, JD_VETO_ZERO);
    g_assert_cmpint (s.grade, ==, JD_GRADE_FAIL);
    g_assert_cmpuint (s.n_defects, ==, 2);
  }

  /* fail: the score stays, the grade is 不合格 */
  {
    const JdReviewMark marks[] = { { 5, 0, TRUE, NULL } };

    s = score_marks (self, marks, 1);
    assert_points (s.score, 100);
    g_assert_cmpint (s.veto, ==, JD_VETO_FAIL);
    g_assert_cmpint (s.grade, ==, JD_GRADE_FAIL);
    g_assert_cmpuint (s.n_defects, ==, 1);
  }

  /* no top grade: at best the second band (合格 with the default bands) */
  {
    const JdReviewMark marks[] = { { 6, 0, TRUE, NULL } };

    s = score_marks (self, marks, 1);
    assert_points (s.score, 100);
    g_assert_cmpint (s.veto, ==, JD_VETO_NO_TOP);
    g_assert_cmpint (s.grade, ==, JD_GRADE_PASS);
  }
  /* ... and a worse grade stays as it is */
  {
    const JdReviewMark marks[] = { { 6, 0, TRUE, NULL }, { 3, 45, FALSE, NULL } };

    s = score_marks (self, marks, G_N_ELEMENTS (marks));
    assert_points (s.score, 55);
    g_assert_cmpint (s.grade, ==, JD_GRADE_FAIL);
  }

  /* the strongest veto wins */
  {
    const JdReviewMark marks[] = { { 6, 0, TRUE, NULL }, { 5, 0, TRUE, NULL } };

    s = score_marks (self, marks, G_N_ELEMENTS (marks));
    g_assert_cmpint (s.veto, ==, JD_VETO_FAIL);
    g_assert_cmpint (s.grade, ==, JD_GRADE_FAIL);
  }
  {
    const JdReviewMark marks[] = { { 5, 0, TRUE, NULL }, { 4, 0, TRUE, NULL }, { 6, 0, TRUE, NULL } };

    s = score_marks (self, marks, G_N_ELEMENTS (marks));
    g_assert_cmpint (s.veto, ==, JD_VETO_ZERO);
    assert_points (s.score, 0);
    g_assert_cmpuint (s.n_defects, ==, 3);
  }

  /* a veto mark on an item that has no veto does nothing */
  {
    const JdReviewMark marks[] = { { 1, 0, TRUE, NULL } };

    s = score_marks (self, marks, 1);
    g_assert_cmpint (s.veto, ==, JD_VETO_NONE);
    g_assert_cmpint (s.grade, ==, JD_GRADE_EXCELLENT);
    g_assert_cmpuint (s.n_defects, ==, 0);
  }

  /* with a 良好 band, no-top gives 良好 */
  {
    const JdGradeBand bands[] = {
      { JD_GRADE_EXCELLENT, 90 }, { JD_GRADE_GOOD, 80 }, { JD_GRADE_PASS, 60 }, { JD_GRADE_FAIL, 0 },
    };
    const JdReviewMark marks[] = { { 6, 0, TRUE, NULL } };

    g_array_set_size (self->bands, 0);
    g_array_append_vals (self->bands, bands, G_N_ELEMENTS (bands));
    s = score_marks (self, marks, 1);
    g_assert_cmpint (s.grade, ==, JD_GRADE_GOOD);
  }
}

static void
test_bands (void)
{
  g_autoptr(JdReviewTemplate) self = make_template ();
  const JdGradeBand four[] = {
    { JD_GRADE_EXCELLENT, 90 }, { JD_GRADE_GOOD, 80 }, { JD_GRADE_PASS, 60 }, { JD_GRADE_FAIL, 0 },
  };
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (jd_review_template_grade (self, 0), ==, JD_GRADE_FAIL);
  g_assert_cmpint (jd_review_template_grade (self, 59.5), ==, JD_GRADE_FAIL);
  g_assert_cmpint (jd_review_template_grade (self, 60), ==, JD_GRADE_PASS);
  g_assert_cmpint (jd_review_template_grade (self, 89.5), ==, JD_GRADE_PASS);
  g_assert_cmpint (jd_review_template_grade (self, 90), ==, JD_GRADE_EXCELLENT);
  g_assert_cmpint (jd_review_template_grade (self, 100), ==, JD_GRADE_EXCELLENT);

  /* the same edges through deductions */
  {
    const JdReviewMark at_59_5[] = { { 3, 40.5, FALSE, NULL } };
    const JdReviewMark at_60[] = { { 3, 40, FALSE, NULL } };
    const JdReviewMark at_89_5[] = { { 1, 10, FALSE, NULL }, { 2, 0.5, FALSE, NULL } };
    const JdReviewMark at_90[] = { { 1, 10, FALSE, NULL } };
    JdReviewScore s;

    s = score_marks (self, at_59_5, 1);
    assert_points (s.score, 59.5);
    g_assert_cmpint (s.grade, ==, JD_GRADE_FAIL);
    s = score_marks (self, at_60, 1);
    g_assert_cmpint (s.grade, ==, JD_GRADE_PASS);
    s = score_marks (self, at_89_5, 2);
    assert_points (s.score, 89.5);
    g_assert_cmpint (s.grade, ==, JD_GRADE_PASS);
    s = score_marks (self, at_90, 1);
    g_assert_cmpint (s.grade, ==, JD_GRADE_EXCELLENT);
  }

  g_array_set_size (self->bands, 0);
  g_array_append_vals (self->bands, four, G_N_ELEMENTS (four));
  g_assert_true (jd_review_template_validate (self, &error));
  g_assert_no_error (error);
  g_assert_cmpint (jd_review_template_grade (self, 79.5), ==, JD_GRADE_PASS);
  g_assert_cmpint (jd_review_template_grade (self, 80), ==, JD_GRADE_GOOD);
  g_assert_cmpint (jd_review_template_grade (self, 89.5), ==, JD_GRADE_GOOD);
  g_assert_cmpint (jd_review_template_grade (self, 90), ==, JD_GRADE_EXCELLENT);
  g_assert_cmpint (jd_review_template_grade (self, 59.5), ==, JD_GRADE_FAIL);

  g_assert_cmpint (jd_review_template_find_item (self, 3), ==, 2);
  g_assert_cmpint (jd_review_template_find_item (self, 42), ==, -1);
}

static void
test_validate (void)
{
  g_autoptr(JdReviewTemplate) self = make_template ();
  g_autoptr(GError) error = NULL;
  JdReviewItem *item;
  JdReviewSection *section;

  g_assert_true (jd_review_template_validate (self, &error));
  g_assert_no_error (error);

  /* the items do not add up to the total */
  item = g_ptr_array_index (self->items, 1);
  item->points = 25;
  g_assert_false (jd_review_template_validate (self, &error));
  g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID);
  g_clear_error (&error);
  self->total_points = 105;
  /* the section's stated points now disagree, and the error names it */
  g_assert_false (jd_review_template_validate (self, &error));
  g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Stage"));
  g_clear_error (&error);
  section = g_ptr_array_index (self->sections, 1);
  section->points = 105;
  g_assert_true (jd_review_template_validate (self, &error));
  g_assert_no_error (error);

  /* negative points: the error names the item */
  item->points = -1;
  g_assert_false (jd_review_template_validate (self, &error));
  g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Item 2"));
  g_assert_nonnull (strstr (error->message, "“B”"));
  g_clear_error (&error);
  item->points = 25;

  /* a usual deduction above the item's points */
  item = g_ptr_array_index (self->items, 0);
  item->typical[0] = 11;
  g_assert_false (jd_review_template_validate (self, &error));
  g_assert_nonnull (strstr (error->message, "“A”"));
  g_clear_error (&error);
  item->typical[0] = 1;

  /* bands out of order, and no failing band at zero */
  g_array_index (self->bands, JdGradeBand, 1).min_score = 95;
  g_assert_false (jd_review_template_validate (self, &error));
  g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_array_index (self->bands, JdGradeBand, 1).min_score = 60;
  g_array_index (self->bands, JdGradeBand, 2).min_score = 10;
  g_assert_false (jd_review_template_validate (self, &error));
  g_clear_error (&error);
  g_array_remove_index (self->bands, 2);
  g_assert_false (jd_review_template_validate (self, &error));
  g_clear_error (&error);
  jd_review_template_set_default_bands (self);
  g_assert_true (jd_review_template_validate (self, &error));

  /* no items */
  g_ptr_array_set_size (self->items, 0);
  g_assert_false (jd_review_template_validate (self, &error));
  g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID);
}

static void
test_copy (void)
{
  g_autoptr(JdReviewTemplate) self = make_template ();
  g_autoptr(JdReviewTemplate) copy = jd_review_template_copy (self);
  JdReviewItem *item;

  assert_same_template (self, copy);
  item = g_ptr_array_index (copy->items, 0);
  g_assert_cmpint (item->id, ==, 1);
  g_free (item->text);
  item->text = g_strdup ("changed");
  g_assert_cmpstr (((JdReviewItem *) g_ptr_array_index (self->items, 0))->text, ==, "A");
}

/* Built-in templates ------------------------------------------------------------ */

static void
test_builtins (void)
{
  g_autoptr(GPtrArray) builtins = jd_review_template_builtins ();
  const char *codes[] = { "penalty-general", "penalty-simple", "licensing", "inspection", "coercion" };
  gboolean seen[JD_REVIEW_KIND_N] = { FALSE };

  g_assert_cmpuint (builtins->len, ==, G_N_ELEMENTS (codes));
  for (guint i = 0; i < builtins->len; i++)
    {
      const JdReviewTemplate *self = g_ptr_array_index (builtins, i);
      g_autoptr(GError) error = NULL;
      double sum = 0;
      guint n_vetoes = 0, n_rules = 0, n_typical = 0;

      g_assert_cmpstr (self->code, ==, codes[i]);
      g_assert_cmpstr (jd_review_kind_to_id (self->kind), ==, codes[i]);
      g_assert_true (self->builtin);
      g_assert_false (seen[self->kind]);
      seen[self->kind] = TRUE;
      g_assert_cmpint (self->mode, ==, JD_SCORING_SUM);
      assert_points (self->total_points, 100);

      g_assert_true (jd_review_template_validate (self, &error));
      g_assert_no_error (error);

      for (guint j = 0; j < self->items->len; j++)
        {
          const JdReviewItem *item = g_ptr_array_index (self->items, j);

          sum += item->points;
          g_assert_cmpint (item->section, >=, 0);
          n_vetoes += item->veto == JD_VETO_ZERO;
          n_rules += item->rule != NULL;
          n_typical += item->n_typical > 0;
        }
      assert_points (sum, 100);
      /* the four legality items veto (主体, 事实证据, 适用依据, 程序) */
      g_assert_cmpuint (n_vetoes, ==, 4);
      /* every item says how to deduct; every scored item has usual deductions */
      g_assert_cmpuint (n_rules, ==, self->items->len);
      g_assert_cmpuint (n_typical, ==, self->items->len - 4);
      g_assert_cmpuint (self->items->len, >=, 14);

      /* a full score is excellent and a legality failure is zero */
      {
        const JdReviewItem *veto = g_ptr_array_index (self->items, 0);
        JdReviewMark mark = { 0, 0, TRUE, NULL };
        JdReviewScore s;

        g_assert_cmpint (veto->veto, ==, JD_VETO_ZERO);
        s = score_marks (self, NULL, 0);
        assert_points (s.score, 100);
        g_assert_cmpint (s.grade, ==, JD_GRADE_EXCELLENT);
        mark.item_id = veto->id;   /* 0 before saving: every id is 0 */
        s = score_marks (self, &mark, 1);
        assert_points (s.score, 0);
      }
    }

  /* penalty by general procedure: the stages of Tables B–D */
  {
    const JdReviewTemplate *general = g_ptr_array_index (builtins, 0);
    const char *stages[] = { "Legality (basic standard)", "Case filing stage", "Investigation and evidence stage",
                             "Review and decision stage", "Service and enforcement stage", "Archiving stage" };
    const double points[] = { 0, 5, 35, 43, 9, 8 };
    guint n = 0;

    for (guint i = 0; i < general->sections->len; i++)
      {
        const JdReviewSection *section = g_ptr_array_index (general->sections, i);

        if (section->parent >= 0)
          continue;
        g_assert_cmpuint (n, <, G_N_ELEMENTS (stages));
        g_assert_cmpstr (section->title, ==, stages[n]);
        assert_points (section->points, points[n]);
        n++;
      }
    g_assert_cmpuint (n, ==, G_N_ELEMENTS (stages));
  }
}

/* Storage and versions --------------------------------------------------------- */

static guint
count_templates (JdDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  guint n = 0;

  for (int kind = 0; kind < JD_REVIEW_KIND_N; kind++)
    {
      g_autoptr(JdReviewTemplate) self = jd_review_template_load_for_kind (db, kind, NULL);

      n += self != NULL;
    }
  all = jd_review_templates_list (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, n);
  return n;
}

static void
test_ensure (void)
{
  g_autoptr(JdDb) db = open_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) builtins = jd_review_template_builtins ();
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(JdReviewTemplate) missing = NULL;

  missing = jd_review_template_load_for_kind (db, JD_REVIEW_KIND_LICENSING, &error);
  g_assert_null (missing);
  g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (jd_review_template_load (db, 12345, &error));
  g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (jd_review_templates_ensure (db, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_templates (db), ==, JD_REVIEW_KIND_N);
  /* idempotent */
  g_assert_true (jd_review_templates_ensure (db, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_templates (db), ==, JD_REVIEW_KIND_N);

  list = jd_review_templates_list (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, JD_REVIEW_KIND_N);
  for (guint i = 0; i < list->len; i++)
    {
      const JdReviewTemplate *stored = g_ptr_array_index (list, i);
      const JdReviewTemplate *builtin = g_ptr_array_index (builtins, i);
      g_autoptr(GPtrArray) versions = jd_review_template_versions (db, stored->code, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (versions->len, ==, 1);
      /* ordered by kind, as the built-ins are */
      assert_same_template (stored, builtin);
      g_assert_cmpint (stored->version, ==, 1);
      g_assert_true (stored->builtin);
      g_assert_cmpint (stored->id, >, 0);
      g_assert_nonnull (stored->created_on);
      g_assert_cmpuint (strlen (stored->created_on), ==, 10);
      for (guint j = 0; j < stored->items->len; j++)
        g_assert_cmpint (((JdReviewItem *) g_ptr_array_index (stored->items, j))->id, >, 0);
      for (guint j = 0; j < stored->sections->len; j++)
        g_assert_cmpint (((JdReviewSection *) g_ptr_array_index (stored->sections, j))->id, >, 0);
    }

  for (int kind = 0; kind < JD_REVIEW_KIND_N; kind++)
    {
      g_autoptr(JdReviewTemplate) self = jd_review_template_load_for_kind (db, kind, &error);

      g_assert_no_error (error);
      g_assert_cmpint (self->kind, ==, kind);
      g_assert_cmpstr (self->code, ==, jd_review_kind_to_id (kind));
    }
}

static void
test_versions (void)
{
  g_autoptr(JdDb) db = open_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JdReviewTemplate) v1 = NULL;
  g_autoptr(JdReviewTemplate) v2 = NULL;
  g_autoptr(JdReviewTemplate) old = NULL;
  g_autoptr(JdReviewTemplate) newest = NULL;
  g_autoptr(JdReviewTemplate) custom = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GPtrArray) list = NULL;
  JdReviewItem *item;
  gint64 v1_id, v1_item_id;
  JdReviewScore before, after;
  JdReviewMark mark = { 0, 1, FALSE, NULL };

  g_assert_true (jd_review_templates_ensure (db, &error));
  g_assert_no_error (error);
  v1 = jd_review_template_load_for_kind (db, JD_REVIEW_KIND_LICENSING, &error);
  g_assert_no_error (error);
  v1_id = v1->id;

  /* a finished review scored against version 1 */
  item = g_ptr_array_index (v1->items, 4);
  v1_item_id = item->id;
  mark.item_id = v1_item_id;
  jd_review_template_score (v1, &mark, 1, &before);

  /* edit: new text, points moved between two items, a 良好 band */
  v2 = jd_review_template_copy (v1);
  item = g_ptr_array_index (v2->items, 4);
  g_free (item->text);
  item->text = g_strdup ("Applications are accepted by law, edited");
  {
    const JdGradeBand good = { JD_GRADE_GOOD, 80 };

    g_array_insert_val (v2->bands, 1, good);
  }
  g_assert_true (jd_review_template_save (db, v2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (v2->version, ==, 2);
  g_assert_cmpint (v2->id, !=, v1_id);
  g_assert_cmpint (((JdReviewItem *) g_ptr_array_index (v2->items, 4))->id, !=, v1_item_id);

  /* version 1 is unchanged */
  old = jd_review_template_load (db, v1_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (old->version, ==, 1);
  assert_same_template (old, v1);
  g_assert_cmpint (((JdReviewItem *) g_ptr_array_index (old->items, 4))->id, ==, v1_item_id);
  jd_review_template_score (old, &mark, 1, &after);
  assert_points (after.score, before.score);
  g_assert_cmpint (after.grade, ==, before.grade);

  versions = jd_review_template_versions (db, "licensing", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_cmpint (((JdReviewTemplate *) g_ptr_array_index (versions, 0))->version, ==, 2);
  g_assert_cmpint (((JdReviewTemplate *) g_ptr_array_index (versions, 1))->version, ==, 1);
  assert_same_template (g_ptr_array_index (versions, 0), v2);

  newest = jd_review_template_load_for_kind (db, JD_REVIEW_KIND_LICENSING, &error);
  g_assert_no_error (error);
  g_assert_cmpint (newest->id, ==, v2->id);
  g_assert_cmpuint (newest->bands->len, ==, 4);

  /* ensure does not seed a code again */
  g_assert_true (jd_review_templates_ensure (db, &error));
  list = jd_review_templates_list (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, JD_REVIEW_KIND_N);

  /* a template of one's own gets a code and, being newest, serves its kind */
  custom = jd_review_template_copy (v1);
  g_clear_pointer (&custom->code, g_free);
  custom->builtin = FALSE;
  g_free (custom->name);
  custom->name = g_strdup ("Our licensing checklist");
  g_assert_true (jd_review_template_save (db, custom, &error));
  g_assert_no_error (error);
  g_assert_nonnull (custom->code);
  g_assert_cmpint (custom->version, ==, 1);
  g_clear_pointer (&newest, jd_review_template_free);
  newest = jd_review_template_load_for_kind (db, JD_REVIEW_KIND_LICENSING, &error);
  g_assert_cmpstr (newest->code, ==, custom->code);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = jd_review_templates_list (db, &error);
  g_assert_cmpuint (list->len, ==, JD_REVIEW_KIND_N + 1);

  /* an invalid template is not saved */
  item = g_ptr_array_index (custom->items, 5);
  item->points += 1;
  g_assert_false (jd_review_template_save (db, custom, &error));
  g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&versions, g_ptr_array_unref);
  versions = jd_review_template_versions (db, custom->code, &error);
  g_assert_cmpuint (versions->len, ==, 1);
}

/* XML ----------------------------------------------------------------------------- */

static void
test_xml_round_trip (void)
{
  g_autoptr(GPtrArray) builtins = jd_review_template_builtins ();
  g_autoptr(JdDb) db = open_db ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < builtins->len; i++)
    {
      const JdReviewTemplate *self = g_ptr_array_index (builtins, i);
      g_autofree char *name = g_strdup_printf ("%s.xml", self->code);
      g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
      g_autoptr(JdReviewTemplate) back = NULL;

      g_assert_true (jd_review_template_export_xml (self, path, &error));
      g_assert_no_error (error);
      back = jd_review_template_import_xml (path, &error);
      g_assert_no_error (error);
      g_assert_nonnull (back);
      assert_same_template (self, back);
      g_assert_cmpint (back->id, ==, 0);
      g_assert_false (back->builtin);
      g_assert_cmpint (back->version, ==, 1);

      /* the caller saves it: a new version of its code */
      if (i == 0)
        {
          g_autoptr(JdReviewTemplate) stored = NULL;

          g_assert_true (jd_review_templates_ensure (db, &error));
          g_assert_true (jd_review_template_save (db, back, &error));
          g_assert_no_error (error);
          g_assert_cmpint (back->version, ==, 2);
          stored = jd_review_template_load (db, back->id, &error);
          g_assert_no_error (error);
          assert_same_template (self, stored);
        }
    }

  /* a hundred-minus template with a 良好 band, top-level items and a note-free item */
  {
    g_autoptr(JdReviewTemplate) self = make_template ();
    g_autoptr(JdReviewTemplate) back = NULL;
    g_autofree char *path = g_build_filename (tmp_dir, "custom.xml", NULL);
    const JdGradeBand good = { JD_GRADE_GOOD, 80.5 };

    self->mode = JD_SCORING_HUNDRED_MINUS;
    self->kind = JD_REVIEW_KIND_COERCION;
    self->created_on = g_strdup ("2025-03-01");
    g_array_insert_val (self->bands, 1, good);
    jd_review_template_add_item (self, -1, "Loose <item> & “quotes”", 1.25, NULL, NULL, 0, JD_VETO_NONE);
    ((JdReviewSection *) g_ptr_array_index (self->sections, 1))->points = 0;
    g_assert_true (jd_review_template_export_xml (self, path, &error));
    g_assert_no_error (error);
    back = jd_review_template_import_xml (path, &error);
    g_assert_no_error (error);
    assert_same_template (self, back);
    g_assert_cmpstr (back->created_on, ==, "2025-03-01");
  }
}

static void
assert_rejected (const char *name,
                 const char *contents,
                 const char *line,
                 const char *what)
{
  g_autofree char *path = write_tmp (name, contents);
  g_autoptr(GError) error = NULL;
  g_autoptr(JdReviewTemplate) self = jd_review_template_import_xml (path, &error);

  g_assert_null (self);
  g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID);
  if (g_test_verbose ())
    g_printerr ("%s\n", error->message);
  g_assert_nonnull (strstr (error->message, path));
  if (line != NULL)
    g_assert_nonnull (strstr (error->message, line));
  if (what != NULL)
    g_assert_nonnull (strstr (error->message, what));
}

#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define GOOD_HEAD XML_DECL GOOD_ROOT
#define GOOD_ROOT \
  "<review-template xmlns=\"urn:jiandu:review-template:1\" code=\"x\" kind=\"licensing\" mode=\"sum\" total=\"10\">\n" \
  "  <name>X</name>\n" \
  "  <bands><band grade=\"pass\" min=\"6\"/><band grade=\"fail\" min=\"0\"/></bands>\n"

static void
test_xml_rejected (void)
{
  /* a minimal good file first, so the bad ones fail for their own reason */
  {
    g_autofree char *path = write_tmp ("good.xml",
                                       GOOD_HEAD
                                       "  <sections><section id=\"s1\" points=\"10\"><title>S</title></section></sections>\n"
                                       "  <items><item section=\"s1\" points=\"10\"><text>T</text>"
                                       "<typical>2</typical></item></items>\n"
                                       "</review-template>\n");
    g_autoptr(GError) error = NULL;
    g_autoptr(JdReviewTemplate) self = jd_review_template_import_xml (path, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (self->items->len, ==, 1);
    g_assert_cmpint (self->kind, ==, JD_REVIEW_KIND_LICENSING);
  }

  assert_rejected ("namespace.xml",
                   "<?xml version=\"1.0\"?>\n"
                   "<review-template xmlns=\"urn:example:other\" code=\"x\" kind=\"licensing\" mode=\"sum\" total=\"10\">\n"
                   "</review-template>\n",
                   "line 2", "urn:jiandu:review-template:1");
  assert_rejected ("negative.xml",
                   GOOD_HEAD
                   "  <items>\n"
                   "    <item points=\"10\"><text>T</text></item>\n"
                   "    <item points=\"-1\"><text>U</text></item>\n"
                   "  </items>\n"
                   "</review-template>\n",
                   "line 7", "points");
  assert_rejected ("doctype.xml",
                   XML_DECL
                   "<!-- a comment first -->\n"
                   "<!DOCTYPE review-template [ <!ENTITY boom \"boom boom boom\"> ]>\n"
                   GOOD_ROOT
                   "  <items><item points=\"10\"><text>&boom;</text></item></items>\n"
                   "</review-template>\n",
                   "line 3", "DOCTYPE");
  assert_rejected ("section.xml",
                   GOOD_HEAD
                   "  <items>\n"
                   "    <item section=\"s9\" points=\"10\"><text>T</text></item>\n"
                   "  </items>\n"
                   "</review-template>\n",
                   "line ", NULL);
  assert_rejected ("sum.xml",
                   GOOD_HEAD
                   "  <items><item points=\"9\"><text>T</text></item></items>\n"
                   "</review-template>\n",
                   NULL, "10");
  assert_rejected ("malformed.xml",
                   GOOD_HEAD
                   "  <items><item points=\"10\"><text>T</item></items>\n"
                   "</review-template>\n",
                   "line 5", NULL);
  assert_rejected ("empty.xml", "", NULL, NULL);
}

/* Chinese ------------------------------------------------------------------------- */

static void
test_chinese (void)
{
  const char *localedir = g_getenv ("JIANDU_LOCALEDIR");
  g_autofree char *mo = NULL;
  g_autoptr(GPtrArray) builtins = NULL;
  g_autoptr(JdDb) db = open_db ();
  g_autoptr(JdReviewTemplate) stored = NULL;
  g_autoptr(GError) error = NULL;
  const JdReviewTemplate *general;

  /* stored while Jiandu runs in English */
  g_assert_true (jd_review_templates_ensure (db, &error));
  g_assert_no_error (error);

  if (localedir == NULL)
    {
      g_test_skip ("JIANDU_LOCALEDIR is not set");
      return;
    }
  mo = g_build_filename (localedir, "zh_CN", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("the zh_CN catalogue is not built");
      return;
    }

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_setenv ("LANGUAGE", "zh_CN", TRUE);

  if (g_str_equal (jd_grade_to_label (JD_GRADE_EXCELLENT), "Excellent"))
    {
      g_test_skip ("the zh_CN catalogue does not have the review strings yet");
      return;
    }

  g_assert_cmpstr (jd_grade_to_label (JD_GRADE_EXCELLENT), ==, "优秀");
  g_assert_cmpstr (jd_grade_to_label (JD_GRADE_GOOD), ==, "良好");
  g_assert_cmpstr (jd_grade_to_label (JD_GRADE_PASS), ==, "合格");
  g_assert_cmpstr (jd_grade_to_label (JD_GRADE_FAIL), ==, "不合格");

  /* and shown in Chinese once it runs in Chinese: the database holds the
   * English source texts of the built-in checklists */
  stored = jd_review_template_load_for_kind (db, JD_REVIEW_KIND_PENALTY_GENERAL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->name, ==, "一般程序行政处罚案卷评查表");
  g_assert_cmpstr (((JdReviewSection *) g_ptr_array_index (stored->sections, 1))->title, ==, "立案阶段");
  for (guint j = 0; j < stored->items->len; j++)
    g_assert_true (g_utf8_get_char (((JdReviewItem *) g_ptr_array_index (stored->items, j))->text) >= 0x2E80);

  builtins = jd_review_template_builtins ();
  general = g_ptr_array_index (builtins, 0);
  g_assert_cmpstr (general->code, ==, "penalty-general");
  g_assert_cmpstr (general->name, ==, "一般程序行政处罚案卷评查表");
  g_assert_cmpstr (((JdReviewSection *) g_ptr_array_index (general->sections, 1))->title, ==, "立案阶段");
  g_assert_cmpstr (((JdReviewSection *) g_ptr_array_index (general->sections, 2))->title, ==, "立案审批表");
  for (guint i = 0; i < builtins->len; i++)
    {
      const JdReviewTemplate *self = g_ptr_array_index (builtins, i);

      g_autofree char *name = g_strdup_printf ("zh-%s.xml", self->code);
      g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
      g_autoptr(JdReviewTemplate) back = NULL;

      g_assert_true (jd_review_template_validate (self, NULL));
      /* the Chinese texts survive the XML round trip */
      g_assert_true (jd_review_template_export_xml (self, path, NULL));
      back = jd_review_template_import_xml (path, NULL);
      g_assert_nonnull (back);
      assert_same_template (self, back);
      for (guint j = 0; j < self->items->len; j++)
        {
          const JdReviewItem *item = g_ptr_array_index (self->items, j);

          /* every text is translated: it holds Chinese */
          g_assert_true (g_utf8_get_char (item->text) >= 0x2E80);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *datadir = NULL;
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  /* the schema from the source tree */
  datadir = g_test_build_filename (G_TEST_DIST, "..", "data", NULL);
  g_setenv ("JIANDU_DATADIR", datadir, TRUE);
  tmp_dir = g_dir_make_tmp ("jiandu-review-template-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  g_test_add_func ("/review-template/kinds", test_kinds);
  g_test_add_func ("/review-template/score/deductions", test_score_deductions);
  g_test_add_func ("/review-template/score/hundred-minus", test_score_hundred_minus);
  g_test_add_func ("/review-template/score/vetoes", test_score_vetoes);
  g_test_add_func ("/review-template/bands", test_bands);
  g_test_add_func ("/review-template/validate", test_validate);
  g_test_add_func ("/review-template/copy", test_copy);
  g_test_add_func ("/review-template/builtins", test_builtins);
  g_test_add_func ("/review-template/ensure", test_ensure);
  g_test_add_func ("/review-template/versions", test_versions);
  g_test_add_func ("/review-template/xml/round-trip", test_xml_round_trip);
  g_test_add_func ("/review-template/xml/rejected", test_xml_rejected);
  /* Last: it switches the process to the zh_CN catalogue */
  g_test_add_func ("/review-template/zh-CN/labels", test_chinese);

  status = g_test_run ();

  {
    g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

        g_unlink (path);
      }
    g_rmdir (tmp_dir);
    g_free (tmp_dir);
  }

  return status;
}
