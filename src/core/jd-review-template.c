/* jd-review-template.c: review checklists, their storage and versions, scoring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-review"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlwriter.h>

#include "jd-db-private.h"
#include "jd-review-template.h"

/* Points are kept to two decimals in the sources (0.5, 1.5); sums are
 * compared with this tolerance. */
#define POINTS_EPSILON 1e-6

/* Enumerations ---------------------------------------------------------------- */

static const JdEnumName review_kinds[JD_REVIEW_KIND_N] = {
  { "penalty-general", N_("Penalty (general procedure)") },
  { "penalty-simple",  N_("Penalty (simple procedure)") },
  { "licensing",       N_("Licensing") },
  { "inspection",      N_("Inspection") },
  { "coercion",        N_("Coercion") },
};

static const JdEnumName veto_effects[JD_VETO_N] = {
  { "none",   N_("No veto") },
  { "zero",   N_("Score becomes zero") },
  { "fail",   N_("File fails") },
  { "no-top", N_("No top grade") },
};

static const JdEnumName grades[JD_GRADE_N] = {
  { "excellent", N_("Excellent") },
  { "good",      N_("Good") },
  { "pass",      N_("Pass") },
  { "fail",      N_("Fail") },
};

const char *
jd_review_kind_to_id (JdReviewKind kind)
{
  return jd_enum_name_to_id (review_kinds, G_N_ELEMENTS (review_kinds), kind);
}

const char *
jd_review_kind_to_label (JdReviewKind kind)
{
  return jd_enum_name_to_label (review_kinds, G_N_ELEMENTS (review_kinds), kind);
}

gboolean
jd_review_kind_from_id (const char   *id,
                        JdReviewKind *out)
{
  int value;

  if (!jd_enum_name_lookup (review_kinds, G_N_ELEMENTS (review_kinds), id, &value))
    return FALSE;
  if (out != NULL)
    *out = (JdReviewKind) value;
  return TRUE;
}

int
jd_review_kind_for_record (int category,
                           int procedure)
{
  switch (category)
    {
    case JD_CATEGORY_PENALTY:
      if (procedure == JD_PROCEDURE_SIMPLE)
        return JD_REVIEW_KIND_PENALTY_SIMPLE;
      if (procedure == JD_PROCEDURE_GENERAL || procedure == JD_PROCEDURE_NONE)
        return JD_REVIEW_KIND_PENALTY_GENERAL;
      return -1;
    case JD_CATEGORY_LICENSING:
      return JD_REVIEW_KIND_LICENSING;
    case JD_CATEGORY_INSPECTION:
      return JD_REVIEW_KIND_INSPECTION;
    case JD_CATEGORY_COERCIVE_MEASURE:
    case JD_CATEGORY_COERCIVE_EXECUTION:
      return JD_REVIEW_KIND_COERCION;
    default:
      return -1;
    }
}

const char *
jd_veto_effect_to_id (JdVetoEffect effect)
{
  return jd_enum_name_to_id (veto_effects, G_N_ELEMENTS (veto_effects), effect);
}

const char *
jd_veto_effect_to_label (JdVetoEffect effect)
{
  return jd_enum_name_to_label (veto_effects, G_N_ELEMENTS (veto_effects), effect);
}

const char *
jd_grade_to_id (JdGrade grade)
{
  return jd_enum_name_to_id (grades, G_N_ELEMENTS (grades), grade);
}

const char *
jd_grade_to_label (JdGrade grade)
{
  return jd_enum_name_to_label (grades, G_N_ELEMENTS (grades), grade);
}

/* The template ------------------------------------------------------------------ */

static void
section_free (gpointer data)
{
  JdReviewSection *section = data;

  g_free (section->title);
  g_free (section);
}

static void
item_free (gpointer data)
{
  JdReviewItem *item = data;

  g_free (item->text);
  g_free (item->rule);
  g_free (item);
}

JdReviewTemplate *
jd_review_template_new (void)
{
  JdReviewTemplate *self = g_new0 (JdReviewTemplate, 1);

  self->kind = JD_REVIEW_KIND_PENALTY_GENERAL;
  self->mode = JD_SCORING_SUM;
  self->total_points = 100;
  self->sections = g_ptr_array_new_with_free_func (section_free);
  self->items = g_ptr_array_new_with_free_func (item_free);
  self->bands = g_array_new (FALSE, TRUE, sizeof (JdGradeBand));
  jd_review_template_set_default_bands (self);

  return self;
}

JdReviewTemplate *
jd_review_template_copy (const JdReviewTemplate *self)
{
  JdReviewTemplate *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = jd_review_template_new ();
  copy->id = self->id;
  copy->code = g_strdup (self->code);
  copy->version = self->version;
  copy->name = g_strdup (self->name);
  copy->kind = self->kind;
  copy->mode = self->mode;
  copy->total_points = self->total_points;
  copy->builtin = self->builtin;
  copy->created_on = g_strdup (self->created_on);

  for (guint i = 0; i < self->sections->len; i++)
    {
      const JdReviewSection *section = g_ptr_array_index (self->sections, i);
      JdReviewSection *dup = g_new0 (JdReviewSection, 1);

      *dup = *section;
      dup->title = g_strdup (section->title);
      g_ptr_array_add (copy->sections, dup);
    }
  for (guint i = 0; i < self->items->len; i++)
    {
      const JdReviewItem *item = g_ptr_array_index (self->items, i);
      JdReviewItem *dup = g_new0 (JdReviewItem, 1);

      *dup = *item;
      dup->text = g_strdup (item->text);
      dup->rule = g_strdup (item->rule);
      g_ptr_array_add (copy->items, dup);
    }
  g_array_set_size (copy->bands, 0);
  g_array_append_vals (copy->bands, self->bands->data, self->bands->len);

  return copy;
}

void
jd_review_template_free (JdReviewTemplate *self)
{
  if (self == NULL)
    return;

  g_free (self->code);
  g_free (self->name);
  g_free (self->created_on);
  g_ptr_array_unref (self->sections);
  g_ptr_array_unref (self->items);
  g_array_unref (self->bands);
  g_free (self);
}

int
jd_review_template_add_section (JdReviewTemplate *self,
                                int               parent,
                                const char       *title,
                                double            points)
{
  JdReviewSection *section;

  g_return_val_if_fail (self != NULL, -1);

  section = g_new0 (JdReviewSection, 1);
  section->parent = parent;
  section->title = g_strdup (title);
  section->points = points;
  g_ptr_array_add (self->sections, section);

  return (int) self->sections->len - 1;
}

int
jd_review_template_add_item (JdReviewTemplate *self,
                             int               section,
                             const char       *text,
                             double            points,
                             const char       *rule,
                             const double     *typical,
                             guint             n_typical,
                             JdVetoEffect      veto)
{
  JdReviewItem *item;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (n_typical == 0 || typical != NULL, -1);

  item = g_new0 (JdReviewItem, 1);
  item->section = section;
  item->text = g_strdup (text);
  item->points = points;
  item->rule = rule != NULL && *rule != '\0' ? g_strdup (rule) : NULL;
  item->n_typical = MIN (n_typical, JD_REVIEW_MAX_TYPICAL);
  for (guint i = 0; i < item->n_typical; i++)
    item->typical[i] = typical[i];
  item->veto = veto;
  g_ptr_array_add (self->items, item);

  return (int) self->items->len - 1;
}

void
jd_review_template_set_default_bands (JdReviewTemplate *self)
{
  const JdGradeBand defaults[] = {
    { JD_GRADE_EXCELLENT, 90 },
    { JD_GRADE_PASS,      60 },
    { JD_GRADE_FAIL,       0 },
  };

  g_return_if_fail (self != NULL);

  g_array_set_size (self->bands, 0);
  g_array_append_vals (self->bands, defaults, G_N_ELEMENTS (defaults));
}

/* Validation ------------------------------------------------------------------- */

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }
  return TRUE;
}

static gboolean
points_equal (double a,
              double b)
{
  return fabs (a - b) < POINTS_EPSILON;
}

/* Numbers for messages and files: C locale, no trailing zeros ("0.5", "100"). */
static char *
format_points (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *end;

  g_ascii_formatd (buffer, sizeof buffer, "%.3f", value);
  end = buffer + strlen (buffer) - 1;
  while (end > buffer && *end == '0')
    *end-- = '\0';
  if (end > buffer && *end == '.')
    *end = '\0';
  if (g_str_equal (buffer, "-0"))
    return g_strdup ("0");

  return g_strdup (buffer);
}

static gboolean
invalid_item (GError            **error,
              guint               index,
              const JdReviewItem *item,
              const char         *what)
{
  /* Translators: item number, the item's text, what is wrong with it */
  g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID, _("Item %u (“%s”): %s"),
               index + 1, item->text != NULL ? item->text : "", what);
  return FALSE;
}

static gboolean
invalid_section (GError                **error,
                 guint                   index,
                 const JdReviewSection  *section,
                 const char             *what)
{
  /* Translators: section number, the section's title, what is wrong with it */
  g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID, _("Section %u (“%s”): %s"),
               index + 1, section->title != NULL ? section->title : "", what);
  return FALSE;
}

static gboolean
invalid_band (GError            **error,
              const JdGradeBand  *band,
              const char         *what)
{
  const char *label = jd_grade_to_label (band->grade);

  /* Translators: a grade (优秀, 合格…), what is wrong with its band */
  g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID, _("Grade band “%s”: %s"),
               label != NULL ? label : "?", what);
  return FALSE;
}

gboolean
jd_review_template_validate (const JdReviewTemplate *self,
                             GError                **error)
{
  g_autofree double *section_sums = NULL;
  double sum = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (is_blank (self->name))
    {
      g_set_error_literal (error, JD_DB_ERROR, JD_DB_ERROR_INVALID, _("The template has no name"));
      return FALSE;
    }
  if ((guint) self->kind >= JD_REVIEW_KIND_N)
    {
      g_set_error_literal (error, JD_DB_ERROR, JD_DB_ERROR_INVALID,
                           _("The template’s kind of file is unknown"));
      return FALSE;
    }
  if (self->mode != JD_SCORING_SUM && self->mode != JD_SCORING_HUNDRED_MINUS)
    {
      g_set_error_literal (error, JD_DB_ERROR, JD_DB_ERROR_INVALID,
                           _("The template’s scoring mode is unknown"));
      return FALSE;
    }
  if (!(self->total_points > 0) || !isfinite (self->total_points))
    {
      g_set_error_literal (error, JD_DB_ERROR, JD_DB_ERROR_INVALID,
                           _("The template’s total points must be more than zero"));
      return FALSE;
    }
  if (self->items->len == 0)
    {
      g_set_error_literal (error, JD_DB_ERROR, JD_DB_ERROR_INVALID, _("The template has no items"));
      return FALSE;
    }

  for (guint i = 0; i < self->sections->len; i++)
    {
      const JdReviewSection *section = g_ptr_array_index (self->sections, i);

      if (is_blank (section->title))
        return invalid_section (error, i, section, _("the title is empty"));
      if (section->parent < -1 || section->parent >= (int) i)
        return invalid_section (error, i, section, _("the enclosing section must come before it"));
      if (!(section->points >= 0) || !isfinite (section->points))
        return invalid_section (error, i, section, _("the points cannot be negative"));
    }

  section_sums = g_new0 (double, self->sections->len + 1);
  for (guint i = 0; i < self->items->len; i++)
    {
      const JdReviewItem *item = g_ptr_array_index (self->items, i);

      if (is_blank (item->text))
        return invalid_item (error, i, item, _("the text is empty"));
      if (item->section < -1 || item->section >= (int) self->sections->len)
        return invalid_item (error, i, item, _("its section does not exist"));
      if (!(item->points >= 0) || !isfinite (item->points))
        return invalid_item (error, i, item, _("the points cannot be negative"));
      if (item->points > self->total_points + POINTS_EPSILON)
        return invalid_item (error, i, item, _("the points exceed the template’s total"));
      if ((guint) item->veto >= JD_VETO_N)
        return invalid_item (error, i, item, _("the veto is unknown"));
      if (item->n_typical > JD_REVIEW_MAX_TYPICAL)
        return invalid_item (error, i, item, _("too many usual deductions"));
      for (guint j = 0; j < item->n_typical; j++)
        {
          if (!(item->typical[j] > 0) || item->typical[j] > item->points + POINTS_EPSILON)
            return invalid_item (error, i, item,
                                 _("a usual deduction must be more than zero and at most the item’s points"));
        }

      sum += item->points;
      if (item->section >= 0)
        section_sums[item->section] += item->points;
    }

  /* A section's stated points (when stated) are what its items and inner
   * sections hold; inner sections come after their parent. */
  for (guint i = self->sections->len; i-- > 0;)
    {
      const JdReviewSection *section = g_ptr_array_index (self->sections, i);

      if (section->points > 0 && !points_equal (section->points, section_sums[i]))
        {
          g_autofree char *stated = format_points (section->points);
          g_autofree char *held = format_points (section_sums[i]);
          /* Translators: the section's points, the sum of its items' points */
          g_autofree char *what = g_strdup_printf (_("it has %s points but its items add up to %s"),
                                                   stated, held);

          return invalid_section (error, i, section, what);
        }
      if (section->parent >= 0)
        section_sums[section->parent] += section->points > 0 ? section->points : section_sums[i];
    }

  if (self->mode == JD_SCORING_SUM && !points_equal (sum, self->total_points))
    {
      g_autofree char *total = format_points (self->total_points);
      g_autofree char *held = format_points (sum);

      /* Translators: the template's total points, the sum of its items' points */
      g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID,
                   _("The items add up to %s points, not the template’s total of %s"), held, total);
      return FALSE;
    }

  if (self->bands->len == 0)
    {
      g_set_error_literal (error, JD_DB_ERROR, JD_DB_ERROR_INVALID, _("The template has no grade bands"));
      return FALSE;
    }
  for (guint i = 0; i < self->bands->len; i++)
    {
      const JdGradeBand *band = &g_array_index (self->bands, JdGradeBand, i);

      if ((guint) band->grade >= JD_GRADE_N)
        {
          g_set_error_literal (error, JD_DB_ERROR, JD_DB_ERROR_INVALID, _("A grade band’s grade is unknown"));
          return FALSE;
        }
      if (!(band->min_score >= 0) || band->min_score > self->total_points + POINTS_EPSILON)
        return invalid_band (error, band, _("the minimum score must lie between zero and the total points"));
      if (i > 0)
        {
          const JdGradeBand *better = &g_array_index (self->bands, JdGradeBand, i - 1);

          if (band->grade <= better->grade)
            return invalid_band (error, band, _("the bands must run from the best grade to the worst, each once"));
          if (!(band->min_score < better->min_score))
            return invalid_band (error, band, _("the minimum score must be lower than the better grade’s"));
        }
    }
  {
    const JdGradeBand *last = &g_array_index (self->bands, JdGradeBand, self->bands->len - 1);

    if (last->grade != JD_GRADE_FAIL || last->min_score != 0)
      return invalid_band (error, last, _("the last band must be the failing grade, starting at zero"));
  }

  return TRUE;
}

/* Scoring ----------------------------------------------------------------------- */

int
jd_review_template_find_item (const JdReviewTemplate *self,
                              gint64                  item_id)
{
  g_return_val_if_fail (self != NULL, -1);

  for (guint i = 0; i < self->items->len; i++)
    {
      const JdReviewItem *item = g_ptr_array_index (self->items, i);

      if (item->id == item_id)
        return (int) i;
    }
  return -1;
}

JdGrade
jd_review_template_grade (const JdReviewTemplate *self,
                          double                  score)
{
  g_return_val_if_fail (self != NULL, JD_GRADE_FAIL);

  for (guint i = 0; i < self->bands->len; i++)
    {
      const JdGradeBand *band = &g_array_index (self->bands, JdGradeBand, i);

      if (score >= band->min_score - POINTS_EPSILON * 1e-3)
        return band->grade;
    }
  return JD_GRADE_FAIL;
}

/* How strong a veto is: ZERO over FAIL over NO_TOP. */
static int
veto_strength (JdVetoEffect effect)
{
  switch (effect)
    {
    case JD_VETO_ZERO:
      return 3;
    case JD_VETO_FAIL:
      return 2;
    case JD_VETO_NO_TOP:
      return 1;
    case JD_VETO_NONE:
    default:
      return 0;
    }
}

void
jd_review_template_score (const JdReviewTemplate *self,
                          const JdReviewMark     *marks,
                          guint                   n_marks,
                          JdReviewScore          *out)
{
  g_autofree double *taken = NULL;
  g_autofree gboolean *vetoed = NULL;
  double deducted = 0;
  double kept = 0;
  double score;
  JdVetoEffect veto = JD_VETO_NONE;
  guint n_defects = 0;
  JdGrade grade;

  g_return_if_fail (self != NULL);
  g_return_if_fail (out != NULL);
  g_return_if_fail (n_marks == 0 || marks != NULL);

  taken = g_new0 (double, self->items->len + 1);
  vetoed = g_new0 (gboolean, self->items->len + 1);

  for (guint i = 0; i < n_marks; i++)
    {
      int index = jd_review_template_find_item (self, marks[i].item_id);

      if (index < 0)
        continue;
      if (marks[i].deducted > 0 && isfinite (marks[i].deducted))
        taken[index] += marks[i].deducted;
      if (marks[i].veto_hit)
        vetoed[index] = TRUE;
    }

  for (guint i = 0; i < self->items->len; i++)
    {
      const JdReviewItem *item = g_ptr_array_index (self->items, i);
      double cut = MIN (taken[i], item->points);
      gboolean veto_hit = vetoed[i] && item->veto != JD_VETO_NONE;

      deducted += cut;
      kept += item->points - cut;
      if (cut > 0 || veto_hit)
        n_defects++;
      if (veto_hit && veto_strength (item->veto) > veto_strength (veto))
        veto = item->veto;
    }

  if (self->mode == JD_SCORING_HUNDRED_MINUS)
    score = self->total_points - deducted;
  else
    score = kept;
  score = CLAMP (score, 0, self->total_points);
  if (veto == JD_VETO_ZERO)
    score = 0;

  grade = jd_review_template_grade (self, score);
  switch (veto)
    {
    case JD_VETO_ZERO:
    case JD_VETO_FAIL:
      grade = JD_GRADE_FAIL;
      break;
    case JD_VETO_NO_TOP:
      if (self->bands->len > 1 && grade == g_array_index (self->bands, JdGradeBand, 0).grade)
        grade = g_array_index (self->bands, JdGradeBand, 1).grade;
      break;
    case JD_VETO_NONE:
    default:
      break;
    }

  out->score = score;
  out->deducted = deducted;
  out->grade = grade;
  out->veto = veto;
  out->n_defects = n_defects;
}

/* Storage ----------------------------------------------------------------------- */

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

static char *
typical_to_string (const JdReviewItem *item)
{
  GString *text;

  if (item->n_typical == 0)
    return NULL;

  text = g_string_new (NULL);
  for (guint i = 0; i < item->n_typical && i < JD_REVIEW_MAX_TYPICAL; i++)
    {
      g_autofree char *value = format_points (item->typical[i]);

      if (i > 0)
        g_string_append_c (text, ';');
      g_string_append (text, value);
    }
  return g_string_free (text, FALSE);
}

static void
typical_from_string (JdReviewItem *item,
                     const char   *text)
{
  g_auto(GStrv) parts = NULL;

  item->n_typical = 0;
  if (text == NULL)
    return;

  parts = g_strsplit (text, ";", -1);
  for (guint i = 0; parts[i] != NULL && item->n_typical < JD_REVIEW_MAX_TYPICAL; i++)
    {
      char *end = NULL;
      double value = g_ascii_strtod (parts[i], &end);

      if (end != parts[i] && value > 0)
        item->typical[item->n_typical++] = value;
    }
}

/* A built-in template is stored with its English source texts and shown in
 * the language Jiandu runs in, whoever first stored it (an edited copy is a
 * user's template and keeps the words it was saved with). */
static void
replace_translated (char **text)
{
  const char *translated;

  if (*text == NULL || **text == '\0')
    return;
  translated = g_dgettext (GETTEXT_PACKAGE, *text);
  if (translated != *text)
    {
      char *copy = g_strdup (translated);

      g_free (*text);
      *text = copy;
    }
}

static void
translate_builtin (JdReviewTemplate *self)
{
  replace_translated (&self->name);
  for (guint i = 0; i < self->sections->len; i++)
    replace_translated (&((JdReviewSection *) g_ptr_array_index (self->sections, i))->title);
  for (guint i = 0; i < self->items->len; i++)
    {
      JdReviewItem *item = g_ptr_array_index (self->items, i);

      replace_translated (&item->text);
      replace_translated (&item->rule);
    }
}

JdReviewTemplate *
jd_review_template_load (JdDb    *db,
                         gint64   template_id,
                         GError **error)
{
  g_autoptr(JdReviewTemplate) self = NULL;
  g_autoptr(GHashTable) section_index = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (JD_IS_DB (db), NULL);

  stmt = _jd_db_prepare_cached (db,
                                "SELECT code, version, name, kind, scoring_mode, total_points, builtin, "
                                "created_on FROM review_template WHERE id = ?1;",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, template_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, template_id);

      sqlite3_reset (stmt);
      g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_NOT_FOUND, _("There is no review template %s"), id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _jd_db_set_error (db, error);
      sqlite3_reset (stmt);
      return NULL;
    }

  self = jd_review_template_new ();
  self->id = template_id;
  self->code = dup_column (stmt, 0);
  self->version = sqlite3_column_int (stmt, 1);
  self->name = dup_column (stmt, 2);
  self->kind = (JdReviewKind) sqlite3_column_int (stmt, 3);
  self->mode = (JdScoringMode) sqlite3_column_int (stmt, 4);
  self->total_points = sqlite3_column_double (stmt, 5);
  self->builtin = sqlite3_column_int (stmt, 6) != 0;
  self->created_on = dup_column (stmt, 7);
  sqlite3_reset (stmt);

  section_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  stmt = _jd_db_prepare_cached (db,
                                "SELECT id, parent_id, title, points FROM review_section "
                                "WHERE template_id = ?1 ORDER BY seq, id;",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, template_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 parent_id = sqlite3_column_int64 (stmt, 1);
      gpointer parent = sqlite3_column_type (stmt, 1) == SQLITE_NULL
                        ? NULL : g_hash_table_lookup (section_index, &parent_id);
      g_autofree char *title = dup_column (stmt, 2);
      int index = jd_review_template_add_section (self, parent != NULL ? GPOINTER_TO_INT (parent) - 1 : -1,
                                                  title != NULL ? title : "",
                                                  sqlite3_column_double (stmt, 3));
      JdReviewSection *section = g_ptr_array_index (self->sections, index);

      section->id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_insert (section_index, g_memdup2 (&section->id, sizeof (gint64)),
                           GINT_TO_POINTER (index + 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _jd_db_set_error (db, error);
      return NULL;
    }

  stmt = _jd_db_prepare_cached (db,
                                "SELECT id, section_id, text, points, rule, typical, veto FROM review_item "
                                "WHERE template_id = ?1 ORDER BY seq, id;",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, template_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 section_id = sqlite3_column_int64 (stmt, 1);
      gpointer section = sqlite3_column_type (stmt, 1) == SQLITE_NULL
                         ? NULL : g_hash_table_lookup (section_index, &section_id);
      g_autofree char *text = dup_column (stmt, 2);
      g_autofree char *rule = dup_column (stmt, 4);
      int index = jd_review_template_add_item (self, section != NULL ? GPOINTER_TO_INT (section) - 1 : -1,
                                               text != NULL ? text : "",
                                               sqlite3_column_double (stmt, 3),
                                               rule, NULL, 0,
                                               (JdVetoEffect) sqlite3_column_int (stmt, 6));
      JdReviewItem *item = g_ptr_array_index (self->items, index);

      item->id = sqlite3_column_int64 (stmt, 0);
      typical_from_string (item, (const char *) sqlite3_column_text (stmt, 5));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _jd_db_set_error (db, error);
      return NULL;
    }

  stmt = _jd_db_prepare_cached (db,
                                "SELECT grade, min_score FROM review_grade_band "
                                "WHERE template_id = ?1 ORDER BY grade;",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, template_id);
  g_array_set_size (self->bands, 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JdGradeBand band = {
        .grade = (JdGrade) sqlite3_column_int (stmt, 0),
        .min_score = sqlite3_column_double (stmt, 1),
      };

      g_array_append_val (self->bands, band);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _jd_db_set_error (db, error);
      return NULL;
    }

  if (self->builtin)
    translate_builtin (self);
  return g_steal_pointer (&self);
}

/* Loads every template whose id the statement yields. */
static GPtrArray *
load_all (JdDb          *db,
          sqlite3_stmt  *stmt,
          GError       **error)
{
  g_autoptr(GPtrArray) templates = g_ptr_array_new_with_free_func ((GDestroyNotify) jd_review_template_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      _jd_db_set_error (db, error);
      return NULL;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      JdReviewTemplate *self = jd_review_template_load (db, g_array_index (ids, gint64, i), error);

      if (self == NULL)
        return NULL;
      g_ptr_array_add (templates, self);
    }

  return g_steal_pointer (&templates);
}

GPtrArray *
jd_review_templates_list (JdDb    *db,
                          GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (JD_IS_DB (db), NULL);

  stmt = _jd_db_prepare (db,
                         "SELECT t.id FROM review_template AS t "
                         "WHERE t.version = (SELECT max (version) FROM review_template WHERE code = t.code) "
                         "ORDER BY t.kind, t.name, t.id;",
                         error);
  if (stmt == NULL)
    return NULL;

  return load_all (db, stmt, error);
}

GPtrArray *
jd_review_template_versions (JdDb        *db,
                             const char  *code,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (JD_IS_DB (db), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  stmt = _jd_db_prepare (db, "SELECT id FROM review_template WHERE code = ?1 ORDER BY version DESC;", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);

  return load_all (db, stmt, error);
}

JdReviewTemplate *
jd_review_template_load_for_kind (JdDb          *db,
                                  JdReviewKind   kind,
                                  GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 id;
  int rc;

  g_return_val_if_fail (JD_IS_DB (db), NULL);

  /* The newest saved template of that kind is the newest version of its code. */
  stmt = _jd_db_prepare_cached (db, "SELECT id FROM review_template WHERE kind = ?1 ORDER BY id DESC LIMIT 1;",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, kind);
  rc = sqlite3_step (stmt);
  id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      const char *label = jd_review_kind_to_label (kind);

      g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_NOT_FOUND,
                   _("There is no review template for “%s” files"), label != NULL ? label : "?");
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _jd_db_set_error (db, error);
      return NULL;
    }

  return jd_review_template_load (db, id, error);
}

static gboolean
step_insert (JdDb          *db,
             sqlite3_stmt  *stmt,
             gint64        *out_id,
             GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _jd_db_set_error (db, error);
  if (out_id != NULL)
    *out_id = sqlite3_last_insert_rowid (_jd_db_get_handle (db));
  return TRUE;
}

static gboolean
save_rows (JdDb                   *db,
           const JdReviewTemplate *self,
           const char             *code,
           const char             *created_on,
           int                    *out_version,
           gint64                 *out_id,
           GArray                 *section_ids,
           GArray                 *item_ids,
           GError                **error)
{
  sqlite3_stmt *stmt;
  gint64 template_id = 0;
  int version;
  int rc;

  stmt = _jd_db_prepare_cached (db, "SELECT coalesce (max (version), 0) + 1 FROM review_template WHERE code = ?1;",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  version = rc == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return _jd_db_set_error (db, error);

  stmt = _jd_db_prepare_cached (db,
                                "INSERT INTO review_template (code, version, name, kind, scoring_mode, "
                                "total_points, builtin, created_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8);",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, version);
  sqlite3_bind_text (stmt, 3, self->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, self->kind);
  sqlite3_bind_int (stmt, 5, self->mode);
  sqlite3_bind_double (stmt, 6, self->total_points);
  sqlite3_bind_int (stmt, 7, self->builtin ? 1 : 0);
  sqlite3_bind_text (stmt, 8, created_on, -1, SQLITE_TRANSIENT);
  if (!step_insert (db, stmt, &template_id, error))
    return FALSE;

  stmt = _jd_db_prepare_cached (db,
                                "INSERT INTO review_section (template_id, parent_id, seq, title, points) "
                                "VALUES (?1, ?2, ?3, ?4, ?5);",
                                error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < self->sections->len; i++)
    {
      const JdReviewSection *section = g_ptr_array_index (self->sections, i);
      gint64 id;

      sqlite3_bind_int64 (stmt, 1, template_id);
      if (section->parent >= 0)
        sqlite3_bind_int64 (stmt, 2, g_array_index (section_ids, gint64, section->parent));
      else
        sqlite3_bind_null (stmt, 2);
      sqlite3_bind_int (stmt, 3, (int) i);
      sqlite3_bind_text (stmt, 4, section->title, -1, SQLITE_TRANSIENT);
      sqlite3_bind_double (stmt, 5, section->points);
      if (!step_insert (db, stmt, &id, error))
        return FALSE;
      sqlite3_clear_bindings (stmt);
      g_array_append_val (section_ids, id);
    }

  stmt = _jd_db_prepare_cached (db,
                                "INSERT INTO review_item (template_id, section_id, seq, text, points, rule, "
                                "typical, veto) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8);",
                                error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < self->items->len; i++)
    {
      const JdReviewItem *item = g_ptr_array_index (self->items, i);
      g_autofree char *typical = typical_to_string (item);
      gint64 id;

      sqlite3_bind_int64 (stmt, 1, template_id);
      if (item->section >= 0)
        sqlite3_bind_int64 (stmt, 2, g_array_index (section_ids, gint64, item->section));
      else
        sqlite3_bind_null (stmt, 2);
      sqlite3_bind_int (stmt, 3, (int) i);
      sqlite3_bind_text (stmt, 4, item->text, -1, SQLITE_TRANSIENT);
      sqlite3_bind_double (stmt, 5, item->points);
      _jd_db_bind_text_or_null (stmt, 6, item->rule);
      _jd_db_bind_text_or_null (stmt, 7, typical);
      sqlite3_bind_int (stmt, 8, item->veto);
      if (!step_insert (db, stmt, &id, error))
        return FALSE;
      sqlite3_clear_bindings (stmt);
      g_array_append_val (item_ids, id);
    }

  stmt = _jd_db_prepare_cached (db,
                                "INSERT INTO review_grade_band (template_id, grade, min_score) VALUES (?1, ?2, ?3);",
                                error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < self->bands->len; i++)
    {
      const JdGradeBand *band = &g_array_index (self->bands, JdGradeBand, i);

      sqlite3_bind_int64 (stmt, 1, template_id);
      sqlite3_bind_int (stmt, 2, band->grade);
      sqlite3_bind_double (stmt, 3, band->min_score);
      if (!step_insert (db, stmt, NULL, error))
        return FALSE;
    }

  *out_version = version;
  *out_id = template_id;
  return TRUE;
}

gboolean
jd_review_template_save (JdDb             *db,
                         JdReviewTemplate *self,
                         GError          **error)
{
  g_autoptr(GArray) section_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) item_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *code = NULL;
  g_autofree char *created_on = NULL;
  gint64 template_id = 0;
  int version = 0;

  g_return_val_if_fail (JD_IS_DB (db), FALSE);
  g_return_val_if_fail (self != NULL, FALSE);

  if (!jd_review_template_validate (self, error))
    return FALSE;

  /* A template made from nothing gets a code of its own. */
  if (is_blank (self->code))
    {
      g_autofree char *uuid = g_uuid_string_random ();

      code = g_strconcat ("custom-", uuid, NULL);
    }
  else
    code = g_strdup (self->code);
  now = g_date_time_new_now_local ();
  created_on = g_date_time_format (now, "%Y-%m-%d");

  if (!jd_db_begin (db, error))
    return FALSE;
  if (!save_rows (db, self, code, created_on, &version, &template_id, section_ids, item_ids, error))
    {
      jd_db_rollback (db);
      return FALSE;
    }
  if (!jd_db_commit (db, error))
    {
      jd_db_rollback (db);
      return FALSE;
    }

  self->id = template_id;
  self->version = version;
  g_free (self->code);
  self->code = g_steal_pointer (&code);
  g_free (self->created_on);
  self->created_on = g_steal_pointer (&created_on);
  for (guint i = 0; i < self->sections->len; i++)
    ((JdReviewSection *) g_ptr_array_index (self->sections, i))->id = g_array_index (section_ids, gint64, i);
  for (guint i = 0; i < self->items->len; i++)
    ((JdReviewItem *) g_ptr_array_index (self->items, i))->id = g_array_index (item_ids, gint64, i);

  return TRUE;
}

gboolean
jd_review_templates_ensure (JdDb    *db,
                            GError **error)
{
  g_autoptr(GPtrArray) builtins = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (JD_IS_DB (db), FALSE);

  builtins = _jd_review_template_builtins_untranslated ();
  if (!jd_db_begin (db, error))
    return FALSE;

  for (guint i = 0; i < builtins->len; i++)
    {
      JdReviewTemplate *builtin = g_ptr_array_index (builtins, i);
      int rc;

      stmt = _jd_db_prepare_cached (db, "SELECT 1 FROM review_template WHERE code = ?1 LIMIT 1;", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_text (stmt, 1, builtin->code, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc == SQLITE_ROW)
        continue;
      if (rc != SQLITE_DONE)
        {
          _jd_db_set_error (db, error);
          goto fail;
        }
      if (!jd_review_template_save (db, builtin, error))
        goto fail;
    }

  if (jd_db_commit (db, error))
    return TRUE;

fail:
  jd_db_rollback (db);
  return FALSE;
}

/* XML ----------------------------------------------------------------------------- */

#define TEMPLATE_NS "urn:jiandu:review-template:1"
#define TEMPLATE_SCHEMA_FILE "jiandu-review-template-1.xsd"
#define MAX_TEMPLATE_FILE_SIZE (16 * 1024 * 1024)

/* The XSD: $JIANDU_DATADIR, else jiandu/ in the system data folders. */
static char *
find_schema (GError **error)
{
  const char *env = g_getenv ("JIANDU_DATADIR");
  const char * const *dirs;

  if (env != NULL && *env != '\0')
    {
      g_autofree char *path = g_build_filename (env, TEMPLATE_SCHEMA_FILE, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
    }

  dirs = g_get_system_data_dirs ();
  for (guint i = 0; dirs[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dirs[i], "jiandu", TEMPLATE_SCHEMA_FILE, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
    }

  g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_FAILED,
               _("The schema of review template files (%s) is not installed"), TEMPLATE_SCHEMA_FILE);
  return NULL;
}

static int
write_points_attribute (xmlTextWriterPtr  writer,
                        const char       *name,
                        double            value)
{
  g_autofree char *text = format_points (value);

  return xmlTextWriterWriteAttribute (writer, BAD_CAST name, BAD_CAST text);
}

static int
write_template (xmlTextWriterPtr        writer,
                const JdReviewTemplate *self)
{
  int rc = 0;

#define CHECK(call) G_STMT_START { if ((rc = (call)) < 0) return rc; } G_STMT_END

  CHECK (xmlTextWriterSetIndent (writer, 1));
  CHECK (xmlTextWriterSetIndentString (writer, BAD_CAST "  "));
  CHECK (xmlTextWriterStartDocument (writer, NULL, "UTF-8", NULL));
  CHECK (xmlTextWriterStartElementNS (writer, NULL, BAD_CAST "review-template", BAD_CAST TEMPLATE_NS));
  CHECK (xmlTextWriterWriteAttribute (writer, BAD_CAST "code",
                                      BAD_CAST (self->code != NULL ? self->code : "custom")));
  if (self->version > 0)
    CHECK (xmlTextWriterWriteFormatAttribute (writer, BAD_CAST "version", "%d", self->version));
  CHECK (xmlTextWriterWriteAttribute (writer, BAD_CAST "kind", BAD_CAST jd_review_kind_to_id (self->kind)));
  CHECK (xmlTextWriterWriteAttribute (writer, BAD_CAST "mode",
                                      BAD_CAST (self->mode == JD_SCORING_HUNDRED_MINUS ? "hundred-minus" : "sum")));
  CHECK (write_points_attribute (writer, "total", self->total_points));
  if (self->created_on != NULL)
    CHECK (xmlTextWriterWriteAttribute (writer, BAD_CAST "created", BAD_CAST self->created_on));

  CHECK (xmlTextWriterWriteElement (writer, BAD_CAST "name", BAD_CAST self->name));

  CHECK (xmlTextWriterStartElement (writer, BAD_CAST "bands"));
  for (guint i = 0; i < self->bands->len; i++)
    {
      const JdGradeBand *band = &g_array_index (self->bands, JdGradeBand, i);

      CHECK (xmlTextWriterStartElement (writer, BAD_CAST "band"));
      CHECK (xmlTextWriterWriteAttribute (writer, BAD_CAST "grade", BAD_CAST jd_grade_to_id (band->grade)));
      CHECK (write_points_attribute (writer, "min", band->min_score));
      CHECK (xmlTextWriterEndElement (writer));
    }
  CHECK (xmlTextWriterEndElement (writer));

  if (self->sections->len > 0)
    {
      CHECK (xmlTextWriterStartElement (writer, BAD_CAST "sections"));
      for (guint i = 0; i < self->sections->len; i++)
        {
          const JdReviewSection *section = g_ptr_array_index (self->sections, i);

          CHECK (xmlTextWriterStartElement (writer, BAD_CAST "section"));
          CHECK (xmlTextWriterWriteFormatAttribute (writer, BAD_CAST "id", "s%u", i + 1));
          if (section->parent >= 0)
            CHECK (xmlTextWriterWriteFormatAttribute (writer, BAD_CAST "parent", "s%d", section->parent + 1));
          CHECK (write_points_attribute (writer, "points", section->points));
          CHECK (xmlTextWriterWriteElement (writer, BAD_CAST "title", BAD_CAST section->title));
          CHECK (xmlTextWriterEndElement (writer));
        }
      CHECK (xmlTextWriterEndElement (writer));
    }

  CHECK (xmlTextWriterStartElement (writer, BAD_CAST "items"));
  for (guint i = 0; i < self->items->len; i++)
    {
      const JdReviewItem *item = g_ptr_array_index (self->items, i);

      CHECK (xmlTextWriterStartElement (writer, BAD_CAST "item"));
      if (item->section >= 0)
        CHECK (xmlTextWriterWriteFormatAttribute (writer, BAD_CAST "section", "s%d", item->section + 1));
      CHECK (write_points_attribute (writer, "points", item->points));
      CHECK (xmlTextWriterWriteAttribute (writer, BAD_CAST "veto", BAD_CAST jd_veto_effect_to_id (item->veto)));
      CHECK (xmlTextWriterWriteElement (writer, BAD_CAST "text", BAD_CAST item->text));
      if (item->rule != NULL && *item->rule != '\0')
        CHECK (xmlTextWriterWriteElement (writer, BAD_CAST "rule", BAD_CAST item->rule));
      for (guint j = 0; j < item->n_typical && j < JD_REVIEW_MAX_TYPICAL; j++)
        {
          g_autofree char *value = format_points (item->typical[j]);

          CHECK (xmlTextWriterWriteElement (writer, BAD_CAST "typical", BAD_CAST value));
        }
      CHECK (xmlTextWriterEndElement (writer));
    }
  CHECK (xmlTextWriterEndElement (writer));

  CHECK (xmlTextWriterEndElement (writer));
  CHECK (xmlTextWriterEndDocument (writer));

#undef CHECK

  return rc;
}

gboolean
jd_review_template_export_xml (const JdReviewTemplate *self,
                               const char             *path,
                               GError                **error)
{
  xmlBufferPtr buffer;
  xmlTextWriterPtr writer;
  gboolean ok;
  int rc;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!jd_review_template_validate (self, error))
    return FALSE;

  buffer = xmlBufferCreate ();
  writer = buffer != NULL ? xmlNewTextWriterMemory (buffer, 0) : NULL;
  if (writer == NULL)
    {
      g_clear_pointer (&buffer, xmlBufferFree);
      g_set_error_literal (error, JD_DB_ERROR, JD_DB_ERROR_FAILED, _("Out of memory while writing XML"));
      return FALSE;
    }
  rc = write_template (writer, self);
  xmlFreeTextWriter (writer);   /* flushes into the buffer */
  if (rc < 0)
    {
      xmlBufferFree (buffer);
      g_set_error_literal (error, JD_DB_ERROR, JD_DB_ERROR_FAILED, _("The template cannot be written as XML"));
      return FALSE;
    }

  /* g_file_set_contents writes to a temporary file beside PATH and renames it. */
  ok = g_file_set_contents (path, (const char *) xmlBufferContent (buffer), xmlBufferLength (buffer), error);
  xmlBufferFree (buffer);

  return ok;
}

/* Import -------------------------------------------------------------------------- */

typedef struct
{
  const char *path;
  gboolean    failed;
  int         line;
  char       *element;
  char       *message;
} XmlErrors;

static void
on_xml_error (void        *user_data,
              xmlErrorPtr  xml_error)
{
  XmlErrors *errors = user_data;
  xmlNodePtr node;

  if (errors->failed || xml_error == NULL || xml_error->level < XML_ERR_ERROR)
    return;

  errors->failed = TRUE;
  errors->line = xml_error->line;
  node = xml_error->node;
  if (node != NULL && node->type == XML_ELEMENT_NODE && node->name != NULL)
    {
      errors->element = g_strdup ((const char *) node->name);
      if (errors->line <= 0)
        errors->line = (int) xmlGetLineNo (node);
    }
  errors->message = g_strstrip (g_strdup (xml_error->message != NULL ? xml_error->message : "?"));
}

static gboolean
fail_at_line (GError     **error,
              const char  *path,
              int          line,
              const char  *element,
              const char  *message)
{
  if (element != NULL)
    /* Translators: file, line, element name, what is wrong */
    g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID, _("%s, line %d, element “%s”: %s"),
                 path, line, element, message);
  else
    /* Translators: file, line, what is wrong */
    g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID, _("%s, line %d: %s"), path, line, message);
  return FALSE;
}

static gboolean
fail_at_node (GError     **error,
              const char  *path,
              xmlNodePtr   node,
              const char  *message)
{
  return fail_at_line (error, path, (int) xmlGetLineNo (node), (const char *) node->name, message);
}

/* The line of a document type declaration before the first element, or 0. */
static int
find_doctype (const char *data,
              gsize       length)
{
  const char *limit = data + length;
  const char *p;

  for (p = memchr (data, '<', length); p != NULL; p = memchr (p + 1, '<', (gsize) (limit - p - 1)))
    {
      if (limit - p >= 9 && memcmp (p, "<!DOCTYPE", 9) == 0)
        {
          int line = 1;

          for (const char *q = data; q < p; q++)
            line += *q == '\n';
          return line;
        }
      if (limit - p >= 2 && p[1] == '?')
        continue;
      if (limit - p >= 4 && memcmp (p, "<!--", 4) == 0)
        {
          p = g_strstr_len (p, limit - p, "-->");
          if (p == NULL)
            return 0;
          continue;
        }
      break;   /* the first element */
    }
  return 0;
}

static gboolean
is_element (xmlNodePtr  node,
            const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         g_strcmp0 ((const char *) node->ns->href, TEMPLATE_NS) == 0 &&
         g_strcmp0 ((const char *) node->name, name) == 0;
}

static xmlNodePtr
first_element (xmlNodePtr parent)
{
  for (xmlNodePtr child = parent->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE)
      return child;
  return NULL;
}

static xmlNodePtr
next_element (xmlNodePtr node)
{
  for (xmlNodePtr next = node->next; next != NULL; next = next->next)
    if (next->type == XML_ELEMENT_NODE)
      return next;
  return NULL;
}

static char *
node_text (xmlNodePtr node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = g_strdup (content != NULL ? (const char *) content : "");

  xmlFree (content);
  return text;
}

static char *
node_attribute (xmlNodePtr  node,
                const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, BAD_CAST name);
  char *text = value != NULL ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return text;
}

static double
parse_points (const char *text)
{
  return text != NULL ? g_ascii_strtod (text, NULL) : 0;
}

/* "s12" → the index of the section with that id among those read so far, or -1. */
static int
section_ref (GHashTable *ids,
             const char *ref)
{
  gpointer value;

  if (ref == NULL || !g_hash_table_lookup_extended (ids, ref, NULL, &value))
    return -1;
  return GPOINTER_TO_INT (value);
}

static gboolean
read_template (xmlNodePtr         root,
               const char        *path,
               JdReviewTemplate  *self,
               GError           **error)
{
  g_autoptr(GHashTable) section_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *code = node_attribute (root, "code");
  g_autofree char *version = node_attribute (root, "version");
  g_autofree char *kind = node_attribute (root, "kind");
  g_autofree char *mode = node_attribute (root, "mode");
  g_autofree char *total = node_attribute (root, "total");
  JdReviewKind review_kind;

  if (!jd_review_kind_from_id (kind, &review_kind))
    return fail_at_node (error, path, root, _("the kind of file is unknown"));

  g_free (self->code);
  self->code = g_steal_pointer (&code);
  self->version = version != NULL ? (int) CLAMP (g_ascii_strtoll (version, NULL, 10), 0, G_MAXINT) : 0;
  self->kind = review_kind;
  self->mode = g_strcmp0 (mode, "hundred-minus") == 0 ? JD_SCORING_HUNDRED_MINUS : JD_SCORING_SUM;
  self->total_points = parse_points (total);
  self->builtin = FALSE;
  g_free (self->created_on);
  self->created_on = node_attribute (root, "created");
  g_array_set_size (self->bands, 0);

  for (xmlNodePtr part = first_element (root); part != NULL; part = next_element (part))
    {
      if (is_element (part, "name"))
        {
          g_free (self->name);
          self->name = node_text (part);
        }
      else if (is_element (part, "bands"))
        {
          for (xmlNodePtr node = first_element (part); node != NULL; node = next_element (node))
            {
              g_autofree char *grade = node_attribute (node, "grade");
              g_autofree char *min = node_attribute (node, "min");
              JdGradeBand band = { JD_GRADE_FAIL, parse_points (min) };
              int value;

              if (!jd_enum_name_lookup (grades, G_N_ELEMENTS (grades), grade, &value))
                return fail_at_node (error, path, node, _("the grade is unknown"));
              band.grade = (JdGrade) value;
              g_array_append_val (self->bands, band);
            }
        }
      else if (is_element (part, "sections"))
        {
          for (xmlNodePtr node = first_element (part); node != NULL; node = next_element (node))
            {
              g_autofree char *id = node_attribute (node, "id");
              g_autofree char *parent_ref = node_attribute (node, "parent");
              g_autofree char *points = node_attribute (node, "points");
              g_autofree char *title = NULL;
              xmlNodePtr title_node = first_element (node);
              int parent = section_ref (section_ids, parent_ref);
              int index;

              if (parent_ref != NULL && parent < 0)
                return fail_at_node (error, path, node, _("the enclosing section must come before it"));
              if (g_hash_table_contains (section_ids, id))
                return fail_at_node (error, path, node, _("the section id is used twice"));
              title = title_node != NULL ? node_text (title_node) : NULL;
              index = jd_review_template_add_section (self, parent, title, parse_points (points));
              g_hash_table_insert (section_ids, g_steal_pointer (&id), GINT_TO_POINTER (index));
            }
        }
      else if (is_element (part, "items"))
        {
          for (xmlNodePtr node = first_element (part); node != NULL; node = next_element (node))
            {
              g_autofree char *section_attr = node_attribute (node, "section");
              g_autofree char *points = node_attribute (node, "points");
              g_autofree char *veto_attr = node_attribute (node, "veto");
              g_autofree char *text = NULL;
              g_autofree char *rule = NULL;
              double typical[JD_REVIEW_MAX_TYPICAL];
              guint n_typical = 0;
              int section = section_ref (section_ids, section_attr);
              int veto = JD_VETO_NONE;

              if (section_attr != NULL && section < 0)
                return fail_at_node (error, path, node, _("the item’s section does not exist"));
              if (veto_attr != NULL && !jd_enum_name_lookup (veto_effects, G_N_ELEMENTS (veto_effects), veto_attr, &veto))
                return fail_at_node (error, path, node, _("the veto is unknown"));
              for (xmlNodePtr field = first_element (node); field != NULL; field = next_element (field))
                {
                  if (is_element (field, "text"))
                    {
                      g_free (text);
                      text = node_text (field);
                    }
                  else if (is_element (field, "rule"))
                    {
                      g_free (rule);
                      rule = node_text (field);
                    }
                  else if (is_element (field, "typical") && n_typical < JD_REVIEW_MAX_TYPICAL)
                    {
                      g_autofree char *value = node_text (field);

                      typical[n_typical++] = parse_points (value);
                    }
                }
              jd_review_template_add_item (self, section, text, parse_points (points), rule,
                                           typical, n_typical, (JdVetoEffect) veto);
            }
        }
    }

  return TRUE;
}

JdReviewTemplate *
jd_review_template_import_xml (const char  *path,
                               GError     **error)
{
  g_autoptr(JdReviewTemplate) self = NULL;
  g_autofree char *data = NULL;
  g_autofree char *schema_path = NULL;
  g_autoptr(GError) local_error = NULL;
  XmlErrors errors = { path, FALSE, 0, NULL, NULL };
  xmlParserCtxtPtr parser = NULL;
  xmlSchemaParserCtxtPtr schema_parser = NULL;
  xmlSchemaPtr schema = NULL;
  xmlSchemaValidCtxtPtr validator = NULL;
  xmlDocPtr doc = NULL;
  xmlNodePtr root;
  gsize length = 0;
  gboolean ok = FALSE;
  int line;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  if (length == 0)
    {
      g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID, _("“%s” is empty"), path);
      return NULL;
    }
  if (length > MAX_TEMPLATE_FILE_SIZE)
    {
      g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID, _("“%s” is too large for a review template"), path);
      return NULL;
    }

  /* Refused before the parser sees it, so no entity is ever declared. */
  line = find_doctype (data, length);
  if (line > 0)
    {
      fail_at_line (error, path, line, NULL,
                    _("a document type declaration (DOCTYPE) is not allowed in review template files"));
      return NULL;
    }

  schema_path = find_schema (error);
  if (schema_path == NULL)
    return NULL;

  xmlSetStructuredErrorFunc (&errors, on_xml_error);

  /* No network, no DTD loading, no entity substitution. */
  parser = xmlNewParserCtxt ();
  if (parser != NULL)
    doc = xmlCtxtReadMemory (parser, data, (int) length, path, NULL, XML_PARSE_NONET | XML_PARSE_NOCDATA);
  if (doc == NULL)
    {
      if (errors.failed)
        fail_at_line (error, path, errors.line, NULL, errors.message);
      else
        g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID, _("%s: the file is not well-formed XML"), path);
      goto out;
    }
  if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      fail_at_line (error, path, 1, NULL,
                    _("a document type declaration (DOCTYPE) is not allowed in review template files"));
      goto out;
    }

  root = xmlDocGetRootElement (doc);
  if (root == NULL || root->ns == NULL || g_strcmp0 ((const char *) root->ns->href, TEMPLATE_NS) != 0 ||
      g_strcmp0 ((const char *) root->name, "review-template") != 0)
    {
      g_autofree char *what = g_strdup_printf (_("not a review template: the root element must be "
                                                 "“review-template” in the namespace %s"), TEMPLATE_NS);

      if (root != NULL)
        fail_at_node (error, path, root, what);
      else
        fail_at_line (error, path, 1, NULL, what);
      goto out;
    }

  schema_parser = xmlSchemaNewParserCtxt (schema_path);
  if (schema_parser != NULL)
    {
      xmlSchemaSetParserStructuredErrors (schema_parser, on_xml_error, &errors);
      schema = xmlSchemaParse (schema_parser);
    }
  validator = schema != NULL ? xmlSchemaNewValidCtxt (schema) : NULL;
  if (validator == NULL)
    {
      g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_FAILED, _("The schema “%s” cannot be loaded"), schema_path);
      goto out;
    }
  xmlSchemaSetValidStructuredErrors (validator, on_xml_error, &errors);
  if (xmlSchemaValidateDoc (validator, doc) != 0)
    {
      if (errors.failed)
        fail_at_line (error, path, errors.line, errors.element, errors.message);
      else
        fail_at_node (error, path, root, _("the file does not follow the schema"));
      goto out;
    }

  self = jd_review_template_new ();
  if (!read_template (root, path, self, error))
    goto out;
  if (!jd_review_template_validate (self, &local_error))
    {
      /* Translators: file, what is wrong */
      g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID, _("%s: %s"), path, local_error->message);
      goto out;
    }
  ok = TRUE;

out:
  xmlSetStructuredErrorFunc (NULL, NULL);
  g_clear_pointer (&validator, xmlSchemaFreeValidCtxt);
  g_clear_pointer (&schema, xmlSchemaFree);
  g_clear_pointer (&schema_parser, xmlSchemaFreeParserCtxt);
  g_clear_pointer (&doc, xmlFreeDoc);
  g_clear_pointer (&parser, xmlFreeParserCtxt);
  g_free (errors.element);
  g_free (errors.message);

  return ok ? g_steal_pointer (&self) : NULL;
}
