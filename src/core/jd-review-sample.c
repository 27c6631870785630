/* jd-review-sample.c: drawing the files of a review batch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The draw must give the same list to anyone who repeats it with the same
 * seed, on any machine and with any GLib: the generator is our own
 * (splitmix64), the candidates of each agency are read in record id order,
 * and the agencies in id order. Stratified: every agency in scope with files
 * gets at least one, the rest in proportion to its files (largest
 * remainders, ties to the lower agency id); within an agency, a partial
 * Fisher–Yates shuffle from a stream seeded by the seed and the agency id.
 */

#define G_LOG_DOMAIN "jd-review-sample"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "jd-review-batch-private.h"

/* splitmix64 (Steele, Lea and Flood 2014): a tiny generator whose sequence is
 * fixed by its definition. */
static guint64
rng_next (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

/* Uniform in [0, BOUND), without modulo bias. */
static guint64
rng_below (guint64 *state,
           guint64  bound)
{
  guint64 threshold = (-bound) % bound;
  guint64 x;

  do
    x = rng_next (state);
  while (x < threshold);

  return x % bound;
}

typedef struct
{
  gint64   agency_id;
  GArray  *candidates;   /* gint64 record ids, ascending */
  guint    n_drawn;
  double   remainder;
  gboolean fixed;
} Stratum;

static void
stratum_clear (gpointer data)
{
  Stratum *stratum = data;

  g_clear_pointer (&stratum->candidates, g_array_unref);
}

static gint
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* The agencies in scope, ascending and without repeats. */
GArray *
_jd_review_scope_agencies (JdDb                    *db,
                           const JdReviewBatchSpec *spec,
                           GError                 **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  gint64 district;
  int rc;

  if (spec->agency_ids != NULL && spec->agency_ids->len > 0)
    {
      g_array_append_vals (ids, spec->agency_ids->data, spec->agency_ids->len);
      g_array_sort (ids, compare_int64);
      for (guint i = 1; i < ids->len;)
        {
          if (g_array_index (ids, gint64, i) == g_array_index (ids, gint64, i - 1))
            g_array_remove_index (ids, i);
          else
            i++;
        }
      return g_steal_pointer (&ids);
    }

  district = jd_db_get_local_district (db);
  if (district <= 0)
    return g_steal_pointer (&ids);

  stmt = _jd_db_prepare_cached (db, "SELECT id FROM agency WHERE district_id = ?1 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, district);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _jd_db_set_error (db, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

static gboolean
resolve_dates (const JdReviewBatchSpec  *spec,
               char                    **out_from,
               char                    **out_to,
               GError                  **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GDate date;

  if (spec->closed_from != NULL && *spec->closed_from != '\0')
    {
      if (!_jd_review_parse_date (spec->closed_from, &date))
        {
          g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID,
                       /* Translators: %s is what was given instead of a date */
                       _("“%s” is not a date of the form YYYY-MM-DD"), spec->closed_from);
          return FALSE;
        }
      from = g_strdup (spec->closed_from);
    }
  else
    from = g_strdup_printf ("%04d-01-01", CLAMP (spec->year, 1, 9999));

  if (spec->closed_to != NULL && *spec->closed_to != '\0')
    {
      if (!_jd_review_parse_date (spec->closed_to, &date))
        {
          g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID,
                       _("“%s” is not a date of the form YYYY-MM-DD"), spec->closed_to);
          return FALSE;
        }
      to = g_strdup (spec->closed_to);
    }
  else
    to = g_strdup_printf ("%04d-12-31", CLAMP (spec->year, 1, 9999));

  if (strcmp (from, to) > 0)
    {
      g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID,
                   /* Translators: %1$s and %2$s are dates (YYYY-MM-DD) */
                   _("The review period starts on %1$s, after it ends on %2$s"), from, to);
      return FALSE;
    }

  *out_from = g_steal_pointer (&from);
  *out_to = g_steal_pointer (&to);
  return TRUE;
}

/* The (category, procedure) pairs in scope that a template reviews, as bits
 * category * JD_PROCEDURE_N + procedure (39 bits). */
static gint64
reviewed_pairs (const gboolean *allowed)
{
  gint64 mask = 0;

  for (int category = 0; category < JD_CATEGORY_N; category++)
    for (int procedure = 0; procedure < JD_PROCEDURE_N; procedure++)
      if (allowed[category] && jd_review_kind_for_record (category, procedure) >= 0)
        mask |= G_GINT64_CONSTANT (1) << (category * JD_PROCEDURE_N + procedure);

  return mask;
}

G_STATIC_ASSERT (JD_CATEGORY_N * JD_PROCEDURE_N < 63);

/* The closed records of AGENCY in the period whose (category, procedure) is
 * in PAIRS, by id. */
static gboolean
read_candidates (JdDb        *db,
                 gint64       agency_id,
                 const char  *from,
                 const char  *to,
                 gint64       pairs,
                 GArray      *out,
                 GError     **error)
{
  int first_year = atoi (from), last_year = atoi (to);
  sqlite3_stmt *stmt;

  /* The year is a stored column indexed with the agency: a closed record's
   * year is the year it closed, so the years of the two dates bound it. One
   * year at a time, the index gives the rows in id order without a sort.
   * Only the ids come back: a million-record database has some 200,000
   * candidates a year, and each column read costs. */
  stmt = _jd_db_prepare_cached (db,
                                "SELECT id FROM record\n"
                                "WHERE agency_id = ?1 AND year = ?2\n"
                                "  AND closed_on BETWEEN ?3 AND ?4\n"
                                "  AND (?5 >> (category * 3 + procedure)) & 1\n"
                                "ORDER BY id",
                                error);
  if (stmt == NULL)
    return FALSE;

  for (int year = first_year; year <= last_year; year++)
    {
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, agency_id);
      sqlite3_bind_int (stmt, 2, year);
      sqlite3_bind_text (stmt, 3, from, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, to, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 5, pairs);

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          g_array_append_val (out, id);
        }
      sqlite3_reset (stmt);

      if (rc != SQLITE_DONE)
        return _jd_db_set_error (db, error);
    }

  /* Several years: back in id order */
  if (first_year < last_year)
    g_array_sort (out, compare_int64);

  return TRUE;
}

/* The review kind of each drawn record, into KINDS */
static gboolean
read_kinds (JdDb    *db,
            GArray  *ids,
            GArray  *kinds,
            GError **error)
{
  sqlite3_stmt *stmt;

  stmt = _jd_db_prepare_cached (db, "SELECT category, procedure FROM record WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      int kind = -1;
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        kind = jd_review_kind_for_record (sqlite3_column_int (stmt, 0), sqlite3_column_int (stmt, 1));
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW)
        return _jd_db_set_error (db, error);
      g_array_append_val (kinds, kind);
    }

  return TRUE;
}

/* How many to draw from each stratum: at least one each, then in proportion
 * to their files (Hamilton's method). Strata whose share is under one file
 * are held at one and the others share what is left. */
static void
allocate (GArray *strata,
          guint   n)
{
  guint64 n_left = n;
  guint64 files_left = 0;
  gboolean changed = TRUE;
  guint given = 0;

  for (guint i = 0; i < strata->len; i++)
    {
      Stratum *s = &g_array_index (strata, Stratum, i);

      s->fixed = FALSE;
      files_left += s->candidates->len;
    }

  while (changed)
    {
      changed = FALSE;
      for (guint i = 0; i < strata->len; i++)
        {
          Stratum *s = &g_array_index (strata, Stratum, i);

          if (s->fixed || (double) n_left * s->candidates->len >= (double) files_left)
            continue;
          s->fixed = TRUE;
          s->n_drawn = 1;
          n_left--;
          files_left -= s->candidates->len;
          changed = TRUE;
        }
    }

  given = n - (guint) n_left;
  for (guint i = 0; i < strata->len; i++)
    {
      Stratum *s = &g_array_index (strata, Stratum, i);
      double quota;

      if (s->fixed)
        continue;
      quota = (double) n_left * s->candidates->len / (double) files_left;
      s->n_drawn = (guint) floor (quota);
      s->remainder = quota - s->n_drawn;
      given += s->n_drawn;
    }

  /* The seats left over go to the largest remainders, ties to the first */
  while (given < n)
    {
      Stratum *best = NULL;

      for (guint i = 0; i < strata->len; i++)
        {
          Stratum *s = &g_array_index (strata, Stratum, i);

          if (s->fixed || s->n_drawn >= s->candidates->len)
            continue;
          if (best == NULL || s->remainder > best->remainder)
            best = s;
        }
      if (best == NULL)
        break;
      best->n_drawn++;
      best->remainder = -1.0;
      given++;
    }
}

gboolean
_jd_review_sample_draw_kinds (JdDb                    *db,
                              const JdReviewBatchSpec *spec,
                              GArray                  *ids,
                              GArray                  *kinds,
                              GError                 **error)
{
  g_autoptr(GArray) agencies = NULL;
  g_autoptr(GArray) strata = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gboolean allowed[JD_CATEGORY_N];
  gint64 pairs;
  guint64 population = 0;
  guint64 n;

  g_return_val_if_fail (JD_IS_DB (db), FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  if (spec->sample_size == 0 && !(spec->sample_percent > 0.0))
    {
      g_set_error_literal (error, JD_DB_ERROR, JD_DB_ERROR_INVALID,
                           _("Give the number of files to draw or a percentage"));
      return FALSE;
    }
  if (spec->sample_size == 0 && spec->sample_percent > 100.0)
    {
      g_set_error_literal (error, JD_DB_ERROR, JD_DB_ERROR_INVALID,
                           _("The percentage of files to draw must be at most 100"));
      return FALSE;
    }

  if (!resolve_dates (spec, &from, &to, error))
    return FALSE;

  if (spec->categories != NULL && spec->categories->len > 0)
    {
      memset (allowed, 0, sizeof allowed);
      for (guint i = 0; i < spec->categories->len; i++)
        {
          int category = g_array_index (spec->categories, int, i);

          if (category >= 0 && category < JD_CATEGORY_N)
            allowed[category] = TRUE;
        }
    }
  else
    {
      for (guint i = 0; i < JD_CATEGORY_N; i++)
        allowed[i] = TRUE;
    }

  pairs = reviewed_pairs (allowed);

  agencies = _jd_review_scope_agencies (db, spec, error);
  if (agencies == NULL)
    return FALSE;

  strata = g_array_new (FALSE, TRUE, sizeof (Stratum));
  g_array_set_clear_func (strata, stratum_clear);
  for (guint i = 0; i < agencies->len; i++)
    {
      Stratum stratum = { 0, };

      stratum.agency_id = g_array_index (agencies, gint64, i);
      stratum.candidates = g_array_new (FALSE, FALSE, sizeof (gint64));
      if (!read_candidates (db, stratum.agency_id, from, to, pairs, stratum.candidates, error))
        {
          g_array_unref (stratum.candidates);
          return FALSE;
        }
      if (stratum.candidates->len == 0)
        {
          g_array_unref (stratum.candidates);
          continue;
        }
      population += stratum.candidates->len;
      g_array_append_val (strata, stratum);
    }

  if (population == 0)
    return TRUE;

  if (spec->sample_size > 0)
    n = spec->sample_size;
  else
    n = (guint64) floor ((double) population * spec->sample_percent / 100.0 + 0.5);
  n = CLAMP (n, strata->len, population);

  allocate (strata, (guint) n);

  for (guint i = 0; i < strata->len; i++)
    {
      Stratum *s = &g_array_index (strata, Stratum, i);
      gint64 *c = (gint64 *) (gpointer) s->candidates->data;
      guint len = s->candidates->len;
      guint64 agency_state = (guint64) s->agency_id;
      guint64 state;

      /* One stream per agency: the seed and the agency id mixed */
      state = spec->seed ^ rng_next (&agency_state);
      for (guint k = 0; k < s->n_drawn; k++)
        {
          guint j = k + (guint) rng_below (&state, len - k);
          gint64 tmp = c[k];

          c[k] = c[j];
          c[j] = tmp;
          g_array_append_val (ids, c[k]);
        }
    }

  if (kinds != NULL)
    return read_kinds (db, ids, kinds, error);
  return TRUE;
}

GArray *
jd_review_sample_draw (JdDb                    *db,
                       const JdReviewBatchSpec *spec,
                       GError                 **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (JD_IS_DB (db), NULL);
  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_jd_review_sample_draw_kinds (db, spec, ids, NULL, error))
    return NULL;

  return g_steal_pointer (&ids);
}
