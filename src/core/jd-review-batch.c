/* jd-review-batch.c: review batches (评查活动), drawn files and scoring sheets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every write a reviewer makes is its own small transaction, so closing the
 * window never loses a mark. Moving to a file reads that file, its sheet
 * and its marks through their indexes; the file's template is loaded once
 * and kept by the database object (a saved template version never changes).
 */

#define G_LOG_DOMAIN "jd-review-batch"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "jd-review-batch-private.h"

#define TEMPLATE_CACHE_KEY "jd-review-batch-templates"

/* Helpers ------------------------------------------------------------------- */

char *
_jd_review_dup_text (sqlite3_stmt *stmt,
                     int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

gboolean
_jd_review_parse_date (const char *text,
                       GDate      *date)
{
  guint year, month, day;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (text + 8, NULL, 10);
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

char *
_jd_review_format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          (guint) g_date_get_month (date), g_date_get_day (date));
}

char *
_jd_review_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static char *
now_timestamp (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");
}

static gboolean
step_done (JdDb          *db,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return _jd_db_set_error (db, error);
  return TRUE;
}

static gboolean
not_found (GError     **error,
           const char  *message)
{
  g_set_error_literal (error, JD_DB_ERROR, JD_DB_ERROR_NOT_FOUND, message);
  return FALSE;
}

/* Kinds --------------------------------------------------------------------- */

static const JdEnumName batch_kinds[JD_REVIEW_BATCH_KIND_N] = {
  /* Translators: a kind of case-file review batch (自查) */
  [JD_REVIEW_BATCH_SELF] = { "self", N_("Self-review") },
  /* Translators: a kind of case-file review batch (交叉评查) */
  [JD_REVIEW_BATCH_CROSS] = { "cross", N_("Cross-review") },
  /* Translators: a kind of case-file review batch (抽查) */
  [JD_REVIEW_BATCH_SPOT] = { "spot", N_("Spot check") },
};

const char *
jd_review_batch_kind_to_id (JdReviewBatchKind kind)
{
  return jd_enum_name_to_id (batch_kinds, G_N_ELEMENTS (batch_kinds), kind);
}

const char *
jd_review_batch_kind_to_label (JdReviewBatchKind kind)
{
  return jd_enum_name_to_label (batch_kinds, G_N_ELEMENTS (batch_kinds), kind);
}

/* Specs --------------------------------------------------------------------- */

JdReviewBatchSpec *
jd_review_batch_spec_new (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  JdReviewBatchSpec *spec = g_new0 (JdReviewBatchSpec, 1);

  spec->year = g_date_time_get_year (now);
  spec->kind = JD_REVIEW_BATCH_SELF;
  spec->agency_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  spec->categories = g_array_new (FALSE, FALSE, sizeof (int));
  spec->reviewers = g_ptr_array_new_with_free_func (g_free);

  return spec;
}

void
jd_review_batch_spec_free (JdReviewBatchSpec *spec)
{
  if (spec == NULL)
    return;

  g_free (spec->name);
  g_free (spec->closed_from);
  g_free (spec->closed_to);
  g_clear_pointer (&spec->agency_ids, g_array_unref);
  g_clear_pointer (&spec->categories, g_array_unref);
  g_clear_pointer (&spec->reviewers, g_ptr_array_unref);
  g_free (spec);
}

guint64
jd_review_new_seed (void)
{
  guint64 seed;

  /* Kept under 2^63 so that it reads back the same from SQLite */
  do
    seed = (((guint64) g_random_int () << 32) | g_random_int ()) & G_MAXINT64;
  while (seed == 0);

  return seed;
}

/* Templates ----------------------------------------------------------------- */

const JdReviewTemplate *
jd_review_batch_template (JdDb    *db,
                          gint64   template_id,
                          GError **error)
{
  GHashTable *cache;
  JdReviewTemplate *template;

  g_return_val_if_fail (JD_IS_DB (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  cache = g_object_get_data (G_OBJECT (db), TEMPLATE_CACHE_KEY);
  if (cache == NULL)
    {
      cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                     (GDestroyNotify) jd_review_template_free);
      g_object_set_data_full (G_OBJECT (db), TEMPLATE_CACHE_KEY, cache,
                              (GDestroyNotify) g_hash_table_unref);
    }

  template = g_hash_table_lookup (cache, &template_id);
  if (template != NULL)
    return template;

  template = jd_review_template_load (db, template_id, error);
  if (template == NULL)
    return NULL;

  g_hash_table_insert (cache, g_memdup2 (&template_id, sizeof template_id), template);
  return template;
}

static gint64
file_template_id (JdDb    *db,
                  gint64   file_id,
                  GError **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  stmt = _jd_db_prepare_cached (db, "SELECT template_id FROM review_file WHERE id = ?1", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, file_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc == SQLITE_ROW)
    return id;
  if (rc == SQLITE_DONE)
    not_found (error, _("The review file does not exist"));
  else
    _jd_db_set_error (db, error);
  return 0;
}

static const JdReviewTemplate *
file_template (JdDb    *db,
               gint64   file_id,
               GError **error)
{
  gint64 template_id = file_template_id (db, file_id, error);

  if (template_id == 0)
    return NULL;
  return jd_review_batch_template (db, template_id, error);
}

/* Creating and deleting batches --------------------------------------------- */

static gboolean
insert_pair (JdDb        *db,
             const char  *sql,
             gint64       a,
             gint64       b,
             GError     **error)
{
  sqlite3_stmt *stmt = _jd_db_prepare_cached (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  return step_done (db, stmt, error);
}

static gboolean
create_batch (JdDb                    *db,
              const JdReviewBatchSpec *spec,
              gint64                  *out_batch_id,
              GError                 **error)
{
  g_autoptr(GArray) agencies = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) kinds = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree char *today = _jd_review_today ();
  gint64 templates[JD_REVIEW_KIND_N] = { 0, };
  sqlite3_stmt *stmt;
  gint64 batch_id;

  if (!jd_review_templates_ensure (db, error))
    return FALSE;

  stmt = _jd_db_prepare_cached (db,
                                "INSERT INTO review_batch (name, year, kind, closed_from, closed_to,\n"
                                "  sample_size, sample_percent, seed, created_on)\n"
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, g_strstrip (g_strdup (spec->name)), -1, g_free);
  sqlite3_bind_int (stmt, 2, spec->year);
  sqlite3_bind_int (stmt, 3, spec->kind);
  _jd_db_bind_text_or_null (stmt, 4, spec->closed_from);
  _jd_db_bind_text_or_null (stmt, 5, spec->closed_to);
  sqlite3_bind_int64 (stmt, 6, spec->sample_size);
  sqlite3_bind_double (stmt, 7, spec->sample_size > 0 ? 0.0 : spec->sample_percent);
  sqlite3_bind_int64 (stmt, 8, (gint64) spec->seed);
  sqlite3_bind_text (stmt, 9, today, -1, SQLITE_STATIC);
  if (!step_done (db, stmt, error))
    return FALSE;
  batch_id = sqlite3_last_insert_rowid (_jd_db_get_handle (db));

  /* The scope as resolved now, so that a redraw from the saved batch gives
   * the same list even after agencies are added to the district */
  agencies = _jd_review_scope_agencies (db, spec, error);
  if (agencies == NULL)
    return FALSE;
  for (guint i = 0; i < agencies->len; i++)
    if (!insert_pair (db, "INSERT INTO review_batch_agency (batch_id, agency_id) VALUES (?1, ?2)",
                      batch_id, g_array_index (agencies, gint64, i), error))
      return FALSE;

  for (guint i = 0; spec->categories != NULL && i < spec->categories->len; i++)
    if (!insert_pair (db,
                      "INSERT INTO review_batch_category (batch_id, category) VALUES (?1, ?2)\n"
                      "ON CONFLICT DO NOTHING",
                      batch_id, g_array_index (spec->categories, int, i), error))
      return FALSE;

  for (guint i = 0; spec->reviewers != NULL && i < spec->reviewers->len; i++)
    {
      gint64 reviewer_id = 0;

      if (!jd_review_reviewer_ensure (db, g_ptr_array_index (spec->reviewers, i), &reviewer_id, error) ||
          !insert_pair (db,
                        "INSERT INTO review_batch_reviewer (batch_id, reviewer_id) VALUES (?1, ?2)\n"
                        "ON CONFLICT DO NOTHING",
                        batch_id, reviewer_id, error))
        return FALSE;
    }

  /* Pin the newest template of each kind */
  for (guint kind = 0; kind < JD_REVIEW_KIND_N; kind++)
    {
      g_autoptr(JdReviewTemplate) template = NULL;
      g_autoptr(GError) local_error = NULL;

      template = jd_review_template_load_for_kind (db, kind, &local_error);
      if (template == NULL)
        {
          if (g_error_matches (local_error, JD_DB_ERROR, JD_DB_ERROR_NOT_FOUND))
            continue;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      templates[kind] = template->id;

      stmt = _jd_db_prepare_cached (db,
                                    "INSERT INTO review_batch_template (batch_id, kind, template_id)\n"
                                    "VALUES (?1, ?2, ?3)",
                                    error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, batch_id);
      sqlite3_bind_int (stmt, 2, kind);
      sqlite3_bind_int64 (stmt, 3, template->id);
      if (!step_done (db, stmt, error))
        return FALSE;
    }

  if (!_jd_review_sample_draw_kinds (db, spec, ids, kinds, error))
    return FALSE;

  stmt = _jd_db_prepare_cached (db,
                                "INSERT INTO review_file (batch_id, seq, record_id, agency_id, template_id,\n"
                                "  category, procedure, penalty_type, opened_on, closed_on, party,\n"
                                "  decision_no, fine_fen)\n"
                                "SELECT ?1, ?2, id, agency_id, ?3, category, procedure, penalty_type,\n"
                                "  opened_on, closed_on, party, decision_no, fine_fen\n"
                                "FROM record WHERE id = ?4",
                                error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      int kind = g_array_index (kinds, int, i);

      if (kind < 0 || kind >= JD_REVIEW_KIND_N || templates[kind] == 0)
        {
          g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_NOT_FOUND,
                       /* Translators: %s is a kind of review checklist, e.g. "Licensing" */
                       _("There is no checklist for “%s” files"),
                       jd_review_kind_to_label ((JdReviewKind) kind));
          return FALSE;
        }

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, batch_id);
      sqlite3_bind_int (stmt, 2, (int) i + 1);
      sqlite3_bind_int64 (stmt, 3, templates[kind]);
      sqlite3_bind_int64 (stmt, 4, g_array_index (ids, gint64, i));
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          sqlite3_reset (stmt);
          return _jd_db_set_error (db, error);
        }
    }
  sqlite3_reset (stmt);

  if (out_batch_id != NULL)
    *out_batch_id = batch_id;
  return TRUE;
}

gboolean
jd_review_batch_create (JdDb                    *db,
                        const JdReviewBatchSpec *spec,
                        gint64                  *out_batch_id,
                        GError                 **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (JD_IS_DB (db), FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = g_strstrip (g_strdup (spec->name != NULL ? spec->name : ""));
  if (*name == '\0')
    {
      g_set_error_literal (error, JD_DB_ERROR, JD_DB_ERROR_INVALID,
                           _("The review batch needs a name"));
      return FALSE;
    }
  if (spec->year < 1900 || spec->year > 2999)
    {
      g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID,
                   /* Translators: %d is a year */
                   _("%d is not a year a review batch can cover"), spec->year);
      return FALSE;
    }
  if ((guint) spec->kind >= JD_REVIEW_BATCH_KIND_N)
    {
      g_set_error_literal (error, JD_DB_ERROR, JD_DB_ERROR_INVALID,
                           _("Unknown kind of review batch"));
      return FALSE;
    }

  if (!jd_db_begin (db, error))
    return FALSE;
  if (!create_batch (db, spec, out_batch_id, error) || !jd_db_commit (db, error))
    {
      jd_db_rollback (db);
      return FALSE;
    }
  return TRUE;
}

gboolean
jd_review_batch_delete (JdDb    *db,
                        gint64   batch_id,
                        GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (JD_IS_DB (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = _jd_db_prepare_cached (db, "DELETE FROM review_batch WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, batch_id);
  if (!step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (_jd_db_get_handle (db)) == 0)
    return not_found (error, _("The review batch does not exist"));
  return TRUE;
}

/* Appends the first column of SQL's rows for BATCH_ID to NUMBERS (of gint64
 * or int, by its element size) or, as text, to TEXTS. */
static gboolean
read_batch_list (JdDb        *db,
                 gint64       batch_id,
                 const char  *sql,
                 GArray      *numbers,
                 GPtrArray   *texts,
                 GError     **error)
{
  sqlite3_stmt *stmt = _jd_db_prepare_cached (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, batch_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (texts != NULL)
        g_ptr_array_add (texts, _jd_review_dup_text (stmt, 0));
      else if (g_array_get_element_size (numbers) == sizeof (gint64))
        {
          gint64 value = sqlite3_column_int64 (stmt, 0);
          g_array_append_val (numbers, value);
        }
      else
        {
          int value = sqlite3_column_int (stmt, 0);
          g_array_append_val (numbers, value);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _jd_db_set_error (db, error);
  return TRUE;
}

JdReviewBatchSpec *
jd_review_batch_load_spec (JdDb    *db,
                           gint64   batch_id,
                           GError **error)
{
  g_autoptr(JdReviewBatchSpec) spec = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (JD_IS_DB (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _jd_db_prepare_cached (db,
                                "SELECT name, year, kind, closed_from, closed_to, sample_size,\n"
                                "  sample_percent, seed\n"
                                "FROM review_batch WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, batch_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        not_found (error, _("The review batch does not exist"));
      else
        _jd_db_set_error (db, error);
      return NULL;
    }

  spec = jd_review_batch_spec_new ();
  spec->name = _jd_review_dup_text (stmt, 0);
  spec->year = sqlite3_column_int (stmt, 1);
  spec->kind = sqlite3_column_int (stmt, 2);
  spec->closed_from = _jd_review_dup_text (stmt, 3);
  spec->closed_to = _jd_review_dup_text (stmt, 4);
  spec->sample_size = (guint) sqlite3_column_int64 (stmt, 5);
  spec->sample_percent = sqlite3_column_double (stmt, 6);
  spec->seed = (guint64) sqlite3_column_int64 (stmt, 7);
  sqlite3_reset (stmt);

  if (!read_batch_list (db, batch_id, "SELECT agency_id FROM review_batch_agency"
                                      " WHERE batch_id = ?1 ORDER BY agency_id",
                        spec->agency_ids, NULL, error) ||
      !read_batch_list (db, batch_id, "SELECT category FROM review_batch_category"
                                      " WHERE batch_id = ?1 ORDER BY category",
                        spec->categories, NULL, error) ||
      !read_batch_list (db, batch_id, "SELECT r.name FROM review_batch_reviewer b"
                                      " JOIN reviewer r ON r.id = b.reviewer_id"
                                      " WHERE b.batch_id = ?1 ORDER BY r.id",
                        NULL, spec->reviewers, error))
    return NULL;

  return g_steal_pointer (&spec);
}

void
jd_review_batch_info_free (JdReviewBatchInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->name);
  g_free (info->created_on);
  g_free (info);
}

GPtrArray *
jd_review_batches_list (JdDb    *db,
                        GError **error)
{
  g_autoptr(GPtrArray) batches = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (JD_IS_DB (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _jd_db_prepare_cached (db,
                                "SELECT b.id, b.name, b.year, b.kind, b.seed, b.created_on,\n"
                                "  (SELECT count (*) FROM review_file f WHERE f.batch_id = b.id),\n"
                                "  (SELECT count (*) FROM review_file f WHERE f.batch_id = b.id\n"
                                "     AND EXISTS (SELECT 1 FROM review_sheet s\n"
                                "                 WHERE s.file_id = f.id AND s.status = 2))\n"
                                "FROM review_batch b ORDER BY b.created_on DESC, b.id DESC",
                                error);
  if (stmt == NULL)
    return NULL;

  batches = g_ptr_array_new_with_free_func ((GDestroyNotify) jd_review_batch_info_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JdReviewBatchInfo *info = g_new0 (JdReviewBatchInfo, 1);

      info->id = sqlite3_column_int64 (stmt, 0);
      info->name = _jd_review_dup_text (stmt, 1);
      info->year = sqlite3_column_int (stmt, 2);
      info->kind = sqlite3_column_int (stmt, 3);
      info->seed = (guint64) sqlite3_column_int64 (stmt, 4);
      info->created_on = _jd_review_dup_text (stmt, 5);
      info->n_files = (guint) sqlite3_column_int64 (stmt, 6);
      info->n_finished = (guint) sqlite3_column_int64 (stmt, 7);
      g_ptr_array_add (batches, info);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _jd_db_set_error (db, error);
      return NULL;
    }

  return g_steal_pointer (&batches);
}

/* Files and their standing --------------------------------------------------- */

typedef struct
{
  guint     n_sheets;
  guint     n_finished;
  guint     n_started;
  double    sum;
  JdGrade   worst;
  gboolean  reconciled;
  double    reconciled_score;
  JdGrade   reconciled_grade;
} StandingAcc;

/* Adds one sheet row: reviewer_id IS NULL, status, score, grade */
static void
standing_add (StandingAcc  *acc,
              sqlite3_stmt *stmt,
              int           first)
{
  gboolean reconciled = sqlite3_column_int (stmt, first) != 0;
  int status = sqlite3_column_int (stmt, first + 1);
  double score = sqlite3_column_double (stmt, first + 2);
  JdGrade grade = sqlite3_column_type (stmt, first + 3) == SQLITE_NULL
                    ? JD_GRADE_FAIL : (JdGrade) sqlite3_column_int (stmt, first + 3);

  acc->n_sheets++;
  if (reconciled)
    {
      acc->reconciled = TRUE;
      acc->reconciled_score = score;
      acc->reconciled_grade = grade;
    }
  else if (status == 2)
    {
      if (acc->n_finished == 0 || grade > acc->worst)
        acc->worst = grade;
      acc->n_finished++;
      acc->sum += score;
    }
  else if (status == 1)
    acc->n_started++;
}

static void
standing_finish (const StandingAcc *acc,
                 JdReviewStanding  *out)
{
  memset (out, 0, sizeof *out);
  out->n_sheets = acc->n_sheets;
  out->n_finished = acc->n_finished;
  out->reconciled = acc->reconciled;

  if (acc->reconciled)
    {
      out->status = 2;
      out->score = acc->reconciled_score;
      out->grade = acc->reconciled_grade;
    }
  else if (acc->n_finished > 0)
    {
      /* Several reviewers: the mean score and the worst grade */
      out->status = 2;
      out->score = acc->sum / acc->n_finished;
      out->grade = acc->worst;
    }
  else
    out->status = acc->n_started > 0 ? 1 : 0;
}

GHashTable *
_jd_review_batch_standings (JdDb    *db,
                            gint64   batch_id,
                            GError **error)
{
  g_autoptr(GHashTable) accs = NULL;
  g_autoptr(GHashTable) standings = NULL;
  GHashTableIter iter;
  gpointer key, value;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _jd_db_prepare_cached (db,
                                "SELECT s.file_id, s.reviewer_id IS NULL, s.status, s.score, s.grade\n"
                                "FROM review_file f JOIN review_sheet s ON s.file_id = f.id\n"
                                "WHERE f.batch_id = ?1",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, batch_id);

  accs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 file_id = sqlite3_column_int64 (stmt, 0);
      StandingAcc *acc = g_hash_table_lookup (accs, &file_id);

      if (acc == NULL)
        {
          acc = g_new0 (StandingAcc, 1);
          g_hash_table_insert (accs, g_memdup2 (&file_id, sizeof file_id), acc);
        }
      standing_add (acc, stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _jd_db_set_error (db, error);
      return NULL;
    }

  standings = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_hash_table_iter_init (&iter, accs);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      JdReviewStanding *standing = g_new0 (JdReviewStanding, 1);

      standing_finish (value, standing);
      g_hash_table_insert (standings, g_memdup2 (key, sizeof (gint64)), standing);
    }

  return g_steal_pointer (&standings);
}

static void
apply_standing (JdReviewFile           *file,
                const JdReviewStanding *standing)
{
  if (standing == NULL)
    return;
  file->status = standing->status;
  file->score = standing->score;
  file->grade = standing->grade;
  file->n_sheets = standing->n_sheets;
  file->reconciled = standing->reconciled;
}

void
jd_review_file_free (JdReviewFile *file)
{
  if (file == NULL)
    return;

  g_free (file->agency_name);
  g_free (file->opened_on);
  g_free (file->closed_on);
  g_free (file->party);
  g_free (file->decision_no);
  g_free (file);
}

#define FILE_COLUMNS \
  "SELECT f.id, f.batch_id, f.seq, f.record_id, f.agency_id, a.name, f.template_id,\n" \
  "  f.category, f.procedure, f.penalty_type, f.opened_on, f.closed_on, f.party,\n" \
  "  f.decision_no, f.fine_fen\n" \
  "FROM review_file f JOIN agency a ON a.id = f.agency_id\n"

static JdReviewFile *
file_from_row (sqlite3_stmt *stmt)
{
  JdReviewFile *file = g_new0 (JdReviewFile, 1);

  file->id = sqlite3_column_int64 (stmt, 0);
  file->batch_id = sqlite3_column_int64 (stmt, 1);
  file->seq = (guint) sqlite3_column_int (stmt, 2);
  file->record_id = sqlite3_column_int64 (stmt, 3);
  file->agency_id = sqlite3_column_int64 (stmt, 4);
  file->agency_name = _jd_review_dup_text (stmt, 5);
  file->template_id = sqlite3_column_int64 (stmt, 6);
  file->category = sqlite3_column_int (stmt, 7);
  file->procedure = sqlite3_column_int (stmt, 8);
  file->penalty_type = sqlite3_column_int (stmt, 9);
  file->opened_on = _jd_review_dup_text (stmt, 10);
  file->closed_on = _jd_review_dup_text (stmt, 11);
  file->party = _jd_review_dup_text (stmt, 12);
  file->decision_no = _jd_review_dup_text (stmt, 13);
  file->fine_fen = sqlite3_column_int64 (stmt, 14);
  file->grade = JD_GRADE_FAIL;

  return file;
}

GPtrArray *
jd_review_batch_files (JdDb    *db,
                       gint64   batch_id,
                       GError **error)
{
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GHashTable) standings = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (JD_IS_DB (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  standings = _jd_review_batch_standings (db, batch_id, error);
  if (standings == NULL)
    return NULL;

  stmt = _jd_db_prepare_cached (db, FILE_COLUMNS "WHERE f.batch_id = ?1 ORDER BY f.seq", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, batch_id);

  files = g_ptr_array_new_with_free_func ((GDestroyNotify) jd_review_file_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JdReviewFile *file = file_from_row (stmt);

      apply_standing (file, g_hash_table_lookup (standings, &file->id));
      g_ptr_array_add (files, file);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _jd_db_set_error (db, error);
      return NULL;
    }

  return g_steal_pointer (&files);
}

JdReviewFile *
jd_review_file_load (JdDb    *db,
                     gint64   file_id,
                     GError **error)
{
  g_autoptr(JdReviewFile) file = NULL;
  StandingAcc acc = { 0, };
  JdReviewStanding standing;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (JD_IS_DB (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _jd_db_prepare_cached (db, FILE_COLUMNS "WHERE f.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, file_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    file = file_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      not_found (error, _("The review file does not exist"));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _jd_db_set_error (db, error);
      return NULL;
    }

  stmt = _jd_db_prepare_cached (db,
                                "SELECT reviewer_id IS NULL, status, score, grade\n"
                                "FROM review_sheet WHERE file_id = ?1",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, file_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    standing_add (&acc, stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _jd_db_set_error (db, error);
      return NULL;
    }

  standing_finish (&acc, &standing);
  apply_standing (file, &standing);

  return g_steal_pointer (&file);
}

/* Sheets -------------------------------------------------------------------- */

static void
mark_clear (gpointer data)
{
  JdReviewMark *mark = data;

  g_clear_pointer (&mark->note, g_free);
}

static GArray *
marks_new (void)
{
  GArray *marks = g_array_new (FALSE, TRUE, sizeof (JdReviewMark));

  g_array_set_clear_func (marks, mark_clear);
  return marks;
}

void
jd_review_sheet_free (JdReviewSheet *sheet)
{
  if (sheet == NULL)
    return;

  g_free (sheet->reviewer_name);
  g_free (sheet->comment);
  g_clear_pointer (&sheet->marks, g_array_unref);
  g_free (sheet);
}

gboolean
jd_review_reviewer_ensure (JdDb        *db,
                           const char  *name,
                           gint64      *out_id,
                           GError     **error)
{
  g_autofree char *clean = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (JD_IS_DB (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  clean = g_strstrip (g_strdup (name != NULL ? name : ""));
  if (*clean == '\0')
    {
      g_set_error_literal (error, JD_DB_ERROR, JD_DB_ERROR_INVALID,
                           _("A reviewer needs a name"));
      return FALSE;
    }

  stmt = _jd_db_prepare_cached (db,
                                "INSERT INTO reviewer (name) VALUES (?1) ON CONFLICT (name) DO NOTHING",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_STATIC);
  if (!step_done (db, stmt, error))
    return FALSE;

  stmt = _jd_db_prepare_cached (db, "SELECT id FROM reviewer WHERE name = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && out_id != NULL)
    *out_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return _jd_db_set_error (db, error);

  return TRUE;
}

static gboolean
load_marks (JdDb          *db,
            JdReviewSheet *sheet,
            GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _jd_db_prepare_cached (db,
                                "SELECT item_id, deducted, veto_hit, note FROM review_mark\n"
                                "WHERE sheet_id = ?1 ORDER BY item_id",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, sheet->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JdReviewMark mark;

      mark.item_id = sqlite3_column_int64 (stmt, 0);
      mark.deducted = sqlite3_column_double (stmt, 1);
      mark.veto_hit = sqlite3_column_int (stmt, 2) != 0;
      mark.note = _jd_review_dup_text (stmt, 3);
      g_array_append_val (sheet->marks, mark);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _jd_db_set_error (db, error);
  return TRUE;
}

/* Reads the row of the sheet: id, reviewer_id, reviewer name, status,
 * cursor, comment. */
static JdReviewSheet *
sheet_from_row (sqlite3_stmt *stmt,
                gint64        file_id)
{
  JdReviewSheet *sheet = g_new0 (JdReviewSheet, 1);

  sheet->id = sqlite3_column_int64 (stmt, 0);
  sheet->file_id = file_id;
  sheet->reviewer_id = sqlite3_column_int64 (stmt, 1);
  sheet->reviewer_name = _jd_review_dup_text (stmt, 2);
  sheet->status = sqlite3_column_int (stmt, 3);
  sheet->cursor = (guint) sqlite3_column_int (stmt, 4);
  sheet->comment = _jd_review_dup_text (stmt, 5);
  sheet->marks = marks_new ();

  return sheet;
}

static gboolean
finish_sheet (JdDb                   *db,
              JdReviewSheet          *sheet,
              const JdReviewTemplate *template,
              GError                **error)
{
  if (!load_marks (db, sheet, error))
    return FALSE;
  jd_review_template_score (template, (const JdReviewMark *) (gpointer) sheet->marks->data,
                            sheet->marks->len, &sheet->score);
  return TRUE;
}

#define SHEET_COLUMNS \
  "SELECT s.id, s.reviewer_id, r.name, s.status, s.cursor, s.comment\n" \
  "FROM review_sheet s LEFT JOIN reviewer r ON r.id = s.reviewer_id\n"

JdReviewSheet *
jd_review_sheet_open (JdDb    *db,
                      gint64   file_id,
                      gint64   reviewer_id,
                      GError **error)
{
  g_autoptr(JdReviewSheet) sheet = NULL;
  const JdReviewTemplate *template;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (JD_IS_DB (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  template = file_template (db, file_id, error);
  if (template == NULL)
    return NULL;

  stmt = _jd_db_prepare_cached (db,
                                SHEET_COLUMNS
                                "WHERE s.file_id = ?1 AND coalesce (s.reviewer_id, 0) = ?2",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, file_id);
  sqlite3_bind_int64 (stmt, 2, MAX (reviewer_id, 0));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    sheet = sheet_from_row (stmt, file_id);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _jd_db_set_error (db, error);
      return NULL;
    }

  if (sheet == NULL)
    {
      g_autofree char *now = now_timestamp ();

      if (reviewer_id <= 0)
        {
          not_found (error, _("The file has no reconciled sheet"));
          return NULL;
        }

      stmt = _jd_db_prepare_cached (db,
                                    "INSERT INTO review_sheet (file_id, reviewer_id, status, cursor,\n"
                                    "  updated_at)\n"
                                    "VALUES (?1, ?2, 0, 0, ?3)",
                                    error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, file_id);
      sqlite3_bind_int64 (stmt, 2, reviewer_id);
      sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
      if (!step_done (db, stmt, error))
        return NULL;

      sheet = g_new0 (JdReviewSheet, 1);
      sheet->id = sqlite3_last_insert_rowid (_jd_db_get_handle (db));
      sheet->file_id = file_id;
      sheet->reviewer_id = reviewer_id;
      sheet->marks = marks_new ();

      stmt = _jd_db_prepare_cached (db, "SELECT name FROM reviewer WHERE id = ?1", error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, reviewer_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        sheet->reviewer_name = _jd_review_dup_text (stmt, 0);
      sqlite3_reset (stmt);
    }

  if (!finish_sheet (db, sheet, template, error))
    return NULL;

  return g_steal_pointer (&sheet);
}

GPtrArray *
jd_review_file_sheets (JdDb    *db,
                       gint64   file_id,
                       GError **error)
{
  g_autoptr(GPtrArray) sheets = NULL;
  const JdReviewTemplate *template;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (JD_IS_DB (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  template = file_template (db, file_id, error);
  if (template == NULL)
    return NULL;

  stmt = _jd_db_prepare_cached (db,
                                SHEET_COLUMNS
                                "WHERE s.file_id = ?1\n"
                                "ORDER BY s.reviewer_id IS NULL, r.name, s.id",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, file_id);

  sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) jd_review_sheet_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (sheets, sheet_from_row (stmt, file_id));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _jd_db_set_error (db, error);
      return NULL;
    }

  for (guint i = 0; i < sheets->len; i++)
    if (!finish_sheet (db, g_ptr_array_index (sheets, i), template, error))
      return NULL;

  return g_steal_pointer (&sheets);
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, JD_DB_ERROR, JD_DB_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
check_mark (const JdReviewTemplate *template,
            gint64                  item_id,
            double                  deducted,
            gboolean                veto_hit,
            GError                **error)
{
  const JdReviewItem *item;
  int index = jd_review_template_find_item (template, item_id);

  if (index < 0)
    return invalid (error, _("The item is not on this file’s checklist"));
  item = g_ptr_array_index (template->items, index);

  if (!isfinite (deducted) || deducted < 0)
    return invalid (error, _("A deduction cannot be negative"));
  if (deducted > item->points + 1e-9)
    {
      g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID,
                   /* Translators: %1$g is a deduction, %2$g the points of the item */
                   _("The deduction of %1$g points is more than the item’s %2$g points"),
                   deducted, item->points);
      return FALSE;
    }
  if (veto_hit && item->veto == JD_VETO_NONE)
    return invalid (error, _("The item has no veto"));

  return TRUE;
}

static gboolean
is_empty_mark (double      deducted,
               gboolean    veto_hit,
               const char *note)
{
  return deducted == 0.0 && !veto_hit && (note == NULL || *note == '\0');
}

static gboolean
store_sheet_state (JdDb                *db,
                   gint64               sheet_id,
                   int                  status,
                   const JdReviewScore *score,
                   GError             **error)
{
  g_autofree char *now = now_timestamp ();
  sqlite3_stmt *stmt;

  stmt = _jd_db_prepare_cached (db,
                                "UPDATE review_sheet SET status = ?2, score = ?3, grade = ?4,\n"
                                "  updated_at = ?5\n"
                                "WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, sheet_id);
  sqlite3_bind_int (stmt, 2, status);
  sqlite3_bind_double (stmt, 3, score->score);
  sqlite3_bind_int (stmt, 4, score->grade);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  return step_done (db, stmt, error);
}

gboolean
jd_review_sheet_set_mark (JdDb          *db,
                          JdReviewSheet *sheet,
                          gint64         item_id,
                          double         deducted,
                          gboolean       veto_hit,
                          const char    *note,
                          GError       **error)
{
  const JdReviewTemplate *template;
  g_autoptr(GArray) marks = NULL;
  JdReviewScore score;
  gboolean remove;
  int status;
  int found = -1;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (JD_IS_DB (db), FALSE);
  g_return_val_if_fail (sheet != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  template = file_template (db, sheet->file_id, error);
  if (template == NULL)
    return FALSE;
  if (!check_mark (template, item_id, deducted, veto_hit, error))
    return FALSE;

  remove = is_empty_mark (deducted, veto_hit, note);

  /* The marks as they will be, notes borrowed */
  marks = g_array_sized_new (FALSE, FALSE, sizeof (JdReviewMark), sheet->marks->len + 1);
  for (guint i = 0; i < sheet->marks->len; i++)
    {
      const JdReviewMark *mark = &g_array_index (sheet->marks, JdReviewMark, i);

      if (mark->item_id == item_id)
        {
          found = (int) i;
          continue;
        }
      g_array_append_vals (marks, mark, 1);
    }
  if (!remove)
    {
      JdReviewMark mark = { item_id, deducted, veto_hit, (char *) note };
      g_array_append_val (marks, mark);
    }
  jd_review_template_score (template, (const JdReviewMark *) (gpointer) marks->data, marks->len,
                            &score);
  /* The reconciled sheet stays finished; a reviewer's sheet is in progress */
  status = sheet->reviewer_id == 0 ? 2 : 1;

  if (!jd_db_begin (db, error))
    return FALSE;

  if (remove)
    stmt = _jd_db_prepare_cached (db, "DELETE FROM review_mark WHERE sheet_id = ?1 AND item_id = ?2",
                                  error);
  else
    stmt = _jd_db_prepare_cached (db,
                                  "INSERT INTO review_mark (sheet_id, item_id, deducted, veto_hit, note)\n"
                                  "VALUES (?1, ?2, ?3, ?4, ?5)\n"
                                  "ON CONFLICT (sheet_id, item_id) DO UPDATE SET\n"
                                  "  deducted = excluded.deducted, veto_hit = excluded.veto_hit,\n"
                                  "  note = excluded.note",
                                  error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, sheet->id);
  sqlite3_bind_int64 (stmt, 2, item_id);
  if (!remove)
    {
      sqlite3_bind_double (stmt, 3, deducted);
      sqlite3_bind_int (stmt, 4, veto_hit ? 1 : 0);
      _jd_db_bind_text_or_null (stmt, 5, note);
    }
  if (!step_done (db, stmt, error) ||
      !store_sheet_state (db, sheet->id, status, &score, error) ||
      !jd_db_commit (db, error))
    goto failed;

  /* Written: now the sheet in memory */
  if (found >= 0)
    g_array_remove_index (sheet->marks, found);
  if (!remove)
    {
      JdReviewMark mark = { item_id, deducted, veto_hit, g_strdup (note) };
      guint at = 0;

      while (at < sheet->marks->len && g_array_index (sheet->marks, JdReviewMark, at).item_id < item_id)
        at++;
      g_array_insert_val (sheet->marks, at, mark);
    }
  sheet->score = score;
  sheet->status = status;
  return TRUE;

failed:
  jd_db_rollback (db);
  return FALSE;
}

gboolean
jd_review_sheet_set_cursor (JdDb          *db,
                            JdReviewSheet *sheet,
                            guint          cursor,
                            GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (JD_IS_DB (db), FALSE);
  g_return_val_if_fail (sheet != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = _jd_db_prepare_cached (db, "UPDATE review_sheet SET cursor = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, sheet->id);
  sqlite3_bind_int64 (stmt, 2, cursor);
  if (!step_done (db, stmt, error))
    return FALSE;

  sheet->cursor = cursor;
  return TRUE;
}

gboolean
jd_review_sheet_set_comment (JdDb          *db,
                             JdReviewSheet *sheet,
                             const char    *comment,
                             GError       **error)
{
  g_autofree char *now = now_timestamp ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (JD_IS_DB (db), FALSE);
  g_return_val_if_fail (sheet != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = _jd_db_prepare_cached (db,
                                "UPDATE review_sheet SET comment = ?2, updated_at = ?3 WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, sheet->id);
  _jd_db_bind_text_or_null (stmt, 2, comment);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  if (!step_done (db, stmt, error))
    return FALSE;

  g_free (sheet->comment);
  sheet->comment = comment != NULL && *comment != '\0' ? g_strdup (comment) : NULL;
  return TRUE;
}

gboolean
jd_review_sheet_set_finished (JdDb          *db,
                              JdReviewSheet *sheet,
                              gboolean       finished,
                              GError       **error)
{
  const JdReviewTemplate *template;
  JdReviewScore score;
  int status;

  g_return_val_if_fail (JD_IS_DB (db), FALSE);
  g_return_val_if_fail (sheet != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  template = file_template (db, sheet->file_id, error);
  if (template == NULL)
    return FALSE;

  jd_review_template_score (template, (const JdReviewMark *) (gpointer) sheet->marks->data,
                            sheet->marks->len, &score);
  status = finished ? 2 : 1;
  if (!store_sheet_state (db, sheet->id, status, &score, error))
    return FALSE;

  sheet->score = score;
  sheet->status = status;
  return TRUE;
}

gint64
jd_review_cursor_get (JdDb   *db,
                      gint64  batch_id,
                      gint64  reviewer_id)
{
  sqlite3_stmt *stmt;
  gint64 file_id = 0;

  g_return_val_if_fail (JD_IS_DB (db), 0);

  stmt = _jd_db_prepare_cached (db,
                                "SELECT file_id FROM review_cursor\n"
                                "WHERE batch_id = ?1 AND reviewer_id = ?2",
                                NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, batch_id);
  sqlite3_bind_int64 (stmt, 2, reviewer_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    file_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return file_id;
}

gboolean
jd_review_cursor_set (JdDb    *db,
                      gint64   batch_id,
                      gint64   reviewer_id,
                      gint64   file_id,
                      GError **error)
{
  sqlite3_stmt *stmt;
  gint64 file_batch = 0;
  int rc;

  g_return_val_if_fail (JD_IS_DB (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = _jd_db_prepare_cached (db, "SELECT batch_id FROM review_file WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, file_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    file_batch = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _jd_db_set_error (db, error);
  if (file_batch != batch_id)
    return not_found (error, _("The file is not in this review batch"));

  stmt = _jd_db_prepare_cached (db,
                                "INSERT INTO review_cursor (batch_id, reviewer_id, file_id)\n"
                                "VALUES (?1, ?2, ?3)\n"
                                "ON CONFLICT (batch_id, reviewer_id) DO UPDATE SET\n"
                                "  file_id = excluded.file_id",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, batch_id);
  sqlite3_bind_int64 (stmt, 2, reviewer_id);
  sqlite3_bind_int64 (stmt, 3, file_id);
  return step_done (db, stmt, error);
}

/* Reconciliation ------------------------------------------------------------ */

static const JdReviewMark *
find_mark (const JdReviewSheet *sheet,
           gint64               item_id)
{
  for (guint i = 0; sheet->marks != NULL && i < sheet->marks->len; i++)
    {
      const JdReviewMark *mark = &g_array_index (sheet->marks, JdReviewMark, i);

      if (mark->item_id == item_id)
        return mark;
    }
  return NULL;
}

static gint
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

GArray *
jd_review_sheets_compare (const JdReviewSheet *a,
                          const JdReviewSheet *b)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (gint64));
  GArray *differences = g_array_new (FALSE, TRUE, sizeof (JdReviewDifference));

  g_return_val_if_fail (a != NULL && b != NULL, differences);

  for (guint i = 0; a->marks != NULL && i < a->marks->len; i++)
    g_array_append_val (items, g_array_index (a->marks, JdReviewMark, i).item_id);
  for (guint i = 0; b->marks != NULL && i < b->marks->len; i++)
    g_array_append_val (items, g_array_index (b->marks, JdReviewMark, i).item_id);
  g_array_sort (items, compare_int64);

  for (guint i = 0; i < items->len; i++)
    {
      gint64 item_id = g_array_index (items, gint64, i);
      const JdReviewMark *ma, *mb;
      JdReviewDifference difference = { 0, };

      if (i > 0 && item_id == g_array_index (items, gint64, i - 1))
        continue;

      ma = find_mark (a, item_id);
      mb = find_mark (b, item_id);
      difference.item_id = item_id;
      difference.deducted[0] = ma != NULL ? ma->deducted : 0.0;
      difference.deducted[1] = mb != NULL ? mb->deducted : 0.0;
      difference.veto_hit[0] = ma != NULL && ma->veto_hit;
      difference.veto_hit[1] = mb != NULL && mb->veto_hit;

      if (fabs (difference.deducted[0] - difference.deducted[1]) > 1e-9 ||
          difference.veto_hit[0] != difference.veto_hit[1])
        g_array_append_val (differences, difference);
    }

  return differences;
}

gboolean
jd_review_file_reconcile (JdDb               *db,
                          gint64              file_id,
                          const JdReviewMark *marks,
                          guint               n_marks,
                          const char         *comment,
                          GError            **error)
{
  const JdReviewTemplate *template;
  g_autoptr(GHashTable) seen = NULL;
  g_autofree char *now = now_timestamp ();
  JdReviewScore score;
  sqlite3_stmt *stmt;
  gint64 sheet_id;

  g_return_val_if_fail (JD_IS_DB (db), FALSE);
  g_return_val_if_fail (marks != NULL || n_marks == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  template = file_template (db, file_id, error);
  if (template == NULL)
    return FALSE;

  seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < n_marks; i++)
    {
      if (!check_mark (template, marks[i].item_id, marks[i].deducted, marks[i].veto_hit, error))
        return FALSE;
      if (!g_hash_table_add (seen, (gpointer) &marks[i].item_id))
        return invalid (error, _("An item is marked twice"));
    }

  jd_review_template_score (template, marks, n_marks, &score);

  if (!jd_db_begin (db, error))
    return FALSE;

  stmt = _jd_db_prepare_cached (db,
                                "DELETE FROM review_sheet WHERE file_id = ?1 AND reviewer_id IS NULL",
                                error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, file_id);
  if (!step_done (db, stmt, error))
    goto failed;

  stmt = _jd_db_prepare_cached (db,
                                "INSERT INTO review_sheet (file_id, reviewer_id, status, score, grade,\n"
                                "  cursor, comment, updated_at)\n"
                                "VALUES (?1, NULL, 2, ?2, ?3, 0, ?4, ?5)",
                                error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, file_id);
  sqlite3_bind_double (stmt, 2, score.score);
  sqlite3_bind_int (stmt, 3, score.grade);
  _jd_db_bind_text_or_null (stmt, 4, comment);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  if (!step_done (db, stmt, error))
    goto failed;
  sheet_id = sqlite3_last_insert_rowid (_jd_db_get_handle (db));

  stmt = _jd_db_prepare_cached (db,
                                "INSERT INTO review_mark (sheet_id, item_id, deducted, veto_hit, note)\n"
                                "VALUES (?1, ?2, ?3, ?4, ?5)",
                                error);
  if (stmt == NULL)
    goto failed;
  for (guint i = 0; i < n_marks; i++)
    {
      if (is_empty_mark (marks[i].deducted, marks[i].veto_hit, marks[i].note))
        continue;
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, sheet_id);
      sqlite3_bind_int64 (stmt, 2, marks[i].item_id);
      sqlite3_bind_double (stmt, 3, marks[i].deducted);
      sqlite3_bind_int (stmt, 4, marks[i].veto_hit ? 1 : 0);
      _jd_db_bind_text_or_null (stmt, 5, marks[i].note);
      if (!step_done (db, stmt, error))
        goto failed;
    }

  if (!jd_db_commit (db, error))
    goto failed;
  return TRUE;

failed:
  jd_db_rollback (db);
  return FALSE;
}
