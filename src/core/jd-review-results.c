/* jd-review-results.c: results of a review batch and supervision letters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each file counts with its standing: the reconciled sheet when there is
 * one, else its finished sheets (the mean score, the worst grade; a defect
 * found by any of them counts the file once, its points averaged over the
 * sheets). Agencies are graded on their average in the default bands and
 * ranked by average, then by total (DOMAIN.md §2.1).
 */

#define G_LOG_DOMAIN "jd-review-results"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "jd-review-batch-private.h"

/* Days an agency has to reply to a letter (DOMAIN.md §13) */
#define REPLY_DAYS 15

static void
defect_free (JdReviewDefect *defect)
{
  if (defect == NULL)
    return;

  g_free (defect->text);
  g_free (defect->section);
  g_free (defect);
}

static void
agency_result_free (JdReviewAgencyResult *result)
{
  if (result == NULL)
    return;

  g_free (result->agency_name);
  g_clear_pointer (&result->defects, g_ptr_array_unref);
  g_free (result);
}

void
jd_review_results_free (JdReviewResults *results)
{
  if (results == NULL)
    return;

  g_clear_pointer (&results->defects, g_ptr_array_unref);
  g_clear_pointer (&results->agencies, g_ptr_array_unref);
  g_free (results);
}

typedef struct
{
  gint64  item_id;
  guint   n_files;
  guint   n_vetoes;
  double  points;
} DefectAcc;

/* Adds POINTS of ITEM_ID (and its veto when VETO_HIT), from a new file
 * when NEW_FILE */
static void
defects_add (GHashTable *defects,
             gint64      item_id,
             double      points,
             gboolean    veto_hit,
             gboolean    new_file)
{
  DefectAcc *acc = g_hash_table_lookup (defects, &item_id);

  if (acc == NULL)
    {
      acc = g_new0 (DefectAcc, 1);
      acc->item_id = item_id;
      g_hash_table_insert (defects, &acc->item_id, acc);
    }
  acc->points += points;
  if (new_file)
    acc->n_files++;
  if (new_file && veto_hit)
    acc->n_vetoes++;
}

static GHashTable *
defects_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
}

static gint
compare_defects (gconstpointer a,
                 gconstpointer b)
{
  const JdReviewDefect *x = *(JdReviewDefect * const *) a;
  const JdReviewDefect *y = *(JdReviewDefect * const *) b;

  if (x->n_files != y->n_files)
    return x->n_files > y->n_files ? -1 : 1;
  if (fabs (x->points - y->points) > 1e-9)
    return x->points > y->points ? -1 : 1;
  return (x->item_id > y->item_id) - (x->item_id < y->item_id);
}

/* The defects, most frequent first (then most points, then item id), with
 * the item's text and section from ITEMS (item id → const JdReviewTemplate*). */
static GPtrArray *
defects_list (GHashTable *defects,
              GHashTable *items)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) defect_free);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, defects);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const DefectAcc *acc = value;
      const JdReviewTemplate *template = g_hash_table_lookup (items, &acc->item_id);
      JdReviewDefect *defect = g_new0 (JdReviewDefect, 1);

      defect->item_id = acc->item_id;
      defect->n_files = acc->n_files;
      defect->n_vetoes = acc->n_vetoes;
      defect->points = acc->points;
      if (template != NULL)
        {
          int index = jd_review_template_find_item (template, acc->item_id);
          const JdReviewItem *item = index >= 0 ? g_ptr_array_index (template->items, index) : NULL;

          if (item != NULL)
            {
              defect->text = g_strdup (item->text);
              if (item->section >= 0 && (guint) item->section < template->sections->len)
                defect->section = g_strdup (((const JdReviewSection *)
                                             g_ptr_array_index (template->sections,
                                                                item->section))->title);
            }
        }
      if (defect->text == NULL)
        defect->text = g_strdup ("");
      g_ptr_array_add (list, defect);
    }

  g_ptr_array_sort (list, compare_defects);
  return list;
}

typedef struct
{
  JdReviewAgencyResult *result;
  GHashTable           *defects;   /* item id → DefectAcc */
  char                 *key;       /* collation key of the name */
} AgencyAcc;

static void
agency_acc_free (AgencyAcc *acc)
{
  agency_result_free (acc->result);
  g_clear_pointer (&acc->defects, g_hash_table_unref);
  g_free (acc->key);
  g_free (acc);
}

static gint
compare_agencies (gconstpointer a,
                  gconstpointer b)
{
  const AgencyAcc *x = *(AgencyAcc * const *) a;
  const AgencyAcc *y = *(AgencyAcc * const *) b;

  if ((x->result->n_reviewed > 0) != (y->result->n_reviewed > 0))
    return x->result->n_reviewed > 0 ? -1 : 1;
  if (x->result->n_reviewed > 0)
    {
      if (x->result->average != y->result->average)
        return x->result->average > y->result->average ? -1 : 1;
      if (x->result->total != y->result->total)
        return x->result->total > y->result->total ? -1 : 1;
    }
  return strcmp (x->key, y->key);
}

static gboolean
batch_year (JdDb    *db,
            gint64   batch_id,
            int     *out_year,
            GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _jd_db_prepare_cached (db, "SELECT year FROM review_batch WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, batch_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_year = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, JD_DB_ERROR, JD_DB_ERROR_NOT_FOUND,
                           _("The review batch does not exist"));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return _jd_db_set_error (db, error);
  return TRUE;
}

JdReviewResults *
jd_review_batch_results (JdDb    *db,
                         gint64   batch_id,
                         GError **error)
{
  g_autoptr(JdReviewResults) results = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GHashTable) standings = NULL;
  g_autoptr(GHashTable) by_file = NULL;       /* file id → JdReviewFile* (borrowed) */
  g_autoptr(GHashTable) by_agency = NULL;     /* agency id → AgencyAcc* */
  g_autoptr(GHashTable) items = NULL;         /* item id → JdReviewTemplate* (borrowed) */
  g_autoptr(GHashTable) defects = NULL;
  g_autoptr(GPtrArray) agencies = NULL;
  g_autoptr(JdReviewTemplate) bands = NULL;
  double sum = 0.0;
  gint64 last_file = 0, last_item = 0;
  sqlite3_stmt *stmt;
  int year;
  int rc;

  g_return_val_if_fail (JD_IS_DB (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!batch_year (db, batch_id, &year, error))
    return NULL;

  files = jd_review_batch_files (db, batch_id, error);
  if (files == NULL)
    return NULL;
  standings = _jd_review_batch_standings (db, batch_id, error);
  if (standings == NULL)
    return NULL;

  /* The default bands grade the agencies' averages */
  bands = jd_review_template_new ();
  jd_review_template_set_default_bands (bands);

  results = g_new0 (JdReviewResults, 1);
  results->batch_id = batch_id;
  results->n_files = files->len;

  by_file = g_hash_table_new (g_int64_hash, g_int64_equal);
  by_agency = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) agency_acc_free);
  items = g_hash_table_new (g_int64_hash, g_int64_equal);
  agencies = g_ptr_array_new ();

  for (guint i = 0; i < files->len; i++)
    {
      JdReviewFile *file = g_ptr_array_index (files, i);
      AgencyAcc *acc = g_hash_table_lookup (by_agency, &file->agency_id);

      g_hash_table_insert (by_file, &file->id, file);

      if (acc == NULL)
        {
          acc = g_new0 (AgencyAcc, 1);
          acc->result = g_new0 (JdReviewAgencyResult, 1);
          acc->result->agency_id = file->agency_id;
          acc->result->agency_name = g_strdup (file->agency_name);
          acc->defects = defects_new ();
          acc->key = g_utf8_collate_key (file->agency_name != NULL ? file->agency_name : "", -1);
          g_hash_table_insert (by_agency, &acc->result->agency_id, acc);
          g_ptr_array_add (agencies, acc);
        }
      acc->result->n_files++;

      if (file->status == 2)
        {
          JdGrade grade = (guint) file->grade < JD_GRADE_N ? file->grade : JD_GRADE_FAIL;

          acc->result->n_reviewed++;
          acc->result->total += file->score;
          acc->result->n_by_grade[grade]++;
          results->n_reviewed++;
          results->n_by_grade[grade]++;
          sum += file->score;
        }

      /* The items of the file's template, for the defects' text */
      if (file->template_id != 0)
        {
          const JdReviewTemplate *template = jd_review_batch_template (db, file->template_id, error);

          if (template == NULL)
            return NULL;
          for (guint j = 0; j < template->items->len; j++)
            {
              JdReviewItem *item = g_ptr_array_index (template->items, j);

              g_hash_table_insert (items, &item->id, (gpointer) template);
            }
        }
    }
  results->average = results->n_reviewed > 0 ? sum / results->n_reviewed : 0.0;

  /* The defects on the sheets that stand for each file */
  defects = defects_new ();
  stmt = _jd_db_prepare_cached (db,
                                "SELECT f.id, s.reviewer_id IS NULL, m.item_id, m.deducted, m.veto_hit\n"
                                "FROM review_file f\n"
                                "JOIN review_sheet s ON s.file_id = f.id\n"
                                "JOIN review_mark m ON m.sheet_id = s.id\n"
                                "WHERE f.batch_id = ?1 AND s.status = 2\n"
                                "  AND (m.deducted > 0 OR m.veto_hit != 0)\n"
                                "ORDER BY f.id, m.item_id",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, batch_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 file_id = sqlite3_column_int64 (stmt, 0);
      gboolean reconciled = sqlite3_column_int (stmt, 1) != 0;
      gint64 item_id = sqlite3_column_int64 (stmt, 2);
      double deducted = sqlite3_column_double (stmt, 3);
      gboolean veto_hit = sqlite3_column_int (stmt, 4) != 0;
      const JdReviewStanding *standing = g_hash_table_lookup (standings, &file_id);
      const JdReviewFile *file = g_hash_table_lookup (by_file, &file_id);
      AgencyAcc *acc;
      gboolean new_file;
      double points;

      if (standing == NULL || file == NULL || standing->reconciled != reconciled)
        continue;

      points = reconciled || standing->n_finished == 0 ? deducted : deducted / standing->n_finished;
      new_file = file_id != last_file || item_id != last_item;
      last_file = file_id;
      last_item = item_id;

      defects_add (defects, item_id, points, veto_hit, new_file);
      acc = g_hash_table_lookup (by_agency, &file->agency_id);
      if (acc != NULL)
        defects_add (acc->defects, item_id, points, veto_hit, new_file);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _jd_db_set_error (db, error);
      return NULL;
    }

  results->defects = defects_list (defects, items);

  for (guint i = 0; i < agencies->len; i++)
    {
      AgencyAcc *acc = g_ptr_array_index (agencies, i);
      JdReviewAgencyResult *result = acc->result;

      if (result->n_reviewed > 0)
        {
          result->average = result->total / result->n_reviewed;
          result->grade = jd_review_template_grade (bands, result->average);
        }
      else
        result->grade = JD_GRADE_FAIL;
      result->defects = defects_list (acc->defects, items);
    }

  g_ptr_array_sort (agencies, compare_agencies);
  results->agencies = g_ptr_array_new_with_free_func ((GDestroyNotify) agency_result_free);
  for (guint i = 0; i < agencies->len; i++)
    {
      AgencyAcc *acc = g_ptr_array_index (agencies, i);
      JdReviewAgencyResult *result = acc->result;

      if (result->n_reviewed == 0)
        result->rank = 0;
      else if (i > 0)
        {
          const JdReviewAgencyResult *previous = g_ptr_array_index (results->agencies, i - 1);

          /* Equal average and total share a rank */
          if (previous->n_reviewed > 0 && previous->average == result->average &&
              previous->total == result->total)
            result->rank = previous->rank;
          else
            result->rank = i + 1;
        }
      else
        result->rank = 1;

      g_ptr_array_add (results->agencies, g_steal_pointer (&acc->result));
    }

  return g_steal_pointer (&results);
}

GArray *
jd_review_failing_agencies (JdDb    *db,
                            int      year,
                            GArray **out_n_failed,
                            GError **error)
{
  g_autoptr(GArray) agencies = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (guint));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (JD_IS_DB (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* A file's grade: its reconciled sheet's, else the worst of its finished
   * sheets' (as jd_review_batch_files stands them) */
  stmt = _jd_db_prepare_cached (db,
                                "SELECT f.agency_id, count (*)\n"
                                "FROM review_batch b JOIN review_file f ON f.batch_id = b.id\n"
                                "WHERE b.year = ?1\n"
                                "  AND coalesce ((SELECT s.grade FROM review_sheet s\n"
                                "                 WHERE s.file_id = f.id AND s.reviewer_id IS NULL),\n"
                                "                (SELECT max (s.grade) FROM review_sheet s\n"
                                "                 WHERE s.file_id = f.id AND s.status = 2)) = 3\n"
                                "GROUP BY f.agency_id ORDER BY f.agency_id",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 agency_id = sqlite3_column_int64 (stmt, 0);
      guint n = (guint) sqlite3_column_int64 (stmt, 1);

      g_array_append_val (agencies, agency_id);
      g_array_append_val (counts, n);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _jd_db_set_error (db, error);
      return NULL;
    }

  if (out_n_failed != NULL)
    *out_n_failed = g_steal_pointer (&counts);
  return g_steal_pointer (&agencies);
}

/* Letters ------------------------------------------------------------------- */

void
jd_review_letter_free (JdReviewLetter *letter)
{
  if (letter == NULL)
    return;

  g_free (letter->agency_name);
  g_free (letter->number);
  g_free (letter->issued_on);
  g_free (letter->due_on);
  g_free (letter->problems);
  g_free (letter->measures);
  g_free (letter->replied_on);
  g_free (letter->reply);
  g_free (letter);
}

static gboolean
bad_date (GError     **error,
          const char  *text)
{
  g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID,
               /* Translators: %s is what was given instead of a date */
               _("“%s” is not a date of the form YYYY-MM-DD"), text != NULL ? text : "");
  return FALSE;
}

static char *
due_date (const char *issued_on)
{
  GDate date;

  if (!_jd_review_parse_date (issued_on, &date))
    return NULL;
  g_date_add_days (&date, REPLY_DAYS);
  return _jd_review_format_date (&date);
}

static gboolean
letter_exists (JdDb    *db,
               gint64   batch_id,
               gint64   agency_id,
               gboolean *out_exists,
               GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _jd_db_prepare_cached (db,
                                "SELECT 1 FROM review_letter WHERE batch_id = ?1 AND agency_id = ?2",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, batch_id);
  sqlite3_bind_int64 (stmt, 2, agency_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _jd_db_set_error (db, error);
  *out_exists = rc == SQLITE_ROW;
  return TRUE;
}

/* The next free number of the year: "Supervision Proposal [2025] No. 3" */
static char *
next_number (JdDb    *db,
             int      year,
             GError **error)
{
  sqlite3_stmt *stmt;
  guint n = 0;
  int rc;

  stmt = _jd_db_prepare_cached (db,
                                "SELECT count (*) FROM review_letter l\n"
                                "JOIN review_batch b ON b.id = l.batch_id WHERE b.year = ?1",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    n = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      _jd_db_set_error (db, error);
      return NULL;
    }

  stmt = _jd_db_prepare_cached (db, "SELECT 1 FROM review_letter WHERE number = ?1", error);
  if (stmt == NULL)
    return NULL;

  /* Skip numbers already given (a deleted batch leaves gaps) */
  for (;;)
    {
      g_autofree char *number = NULL;

      n++;
      /* Translators: the number of a supervision letter (执法监督建议书),
       * as in "监督建议〔2025〕3号"; %1$d is the year, %2$u its number in the year */
      number = g_strdup_printf (_("Supervision Proposal [%1$d] No. %2$u"), year, n);
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, number, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        return g_steal_pointer (&number);
      if (rc != SQLITE_ROW)
        {
          _jd_db_set_error (db, error);
          return NULL;
        }
    }
}

static char *
format_problems (GPtrArray *defects)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < defects->len; i++)
    {
      const JdReviewDefect *defect = g_ptr_array_index (defects, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (defect->section != NULL && *defect->section != '\0')
        /* Translators: one problem in a supervision letter: %1$s is the
         * section of the checklist, %2$s the item, %3$u the number of files */
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                   "%1$s: %2$s (%3$u file)",
                                                   "%1$s: %2$s (%3$u files)",
                                                   defect->n_files),
                                defect->section, defect->text, defect->n_files);
      else
        /* Translators: one problem in a supervision letter: %1$s is the
         * checklist item, %2$u the number of files */
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                   "%1$s (%2$u file)",
                                                   "%1$s (%2$u files)",
                                                   defect->n_files),
                                defect->text, defect->n_files);
    }

  return g_string_free (text, FALSE);
}

static gboolean
draft_letters (JdDb    *db,
               gint64   batch_id,
               guint   *out_n_drafted,
               GError **error)
{
  g_autoptr(JdReviewResults) results = NULL;
  sqlite3_stmt *stmt;
  guint n_drafted = 0;
  int year;

  if (!batch_year (db, batch_id, &year, error))
    return FALSE;
  results = jd_review_batch_results (db, batch_id, error);
  if (results == NULL)
    return FALSE;

  for (guint i = 0; i < results->agencies->len; i++)
    {
      const JdReviewAgencyResult *agency = g_ptr_array_index (results->agencies, i);
      g_autofree char *number = NULL;
      g_autofree char *problems = NULL;
      gboolean exists = FALSE;

      if (agency->defects->len == 0)
        continue;
      if (!letter_exists (db, batch_id, agency->agency_id, &exists, error))
        return FALSE;
      if (exists)
        continue;

      number = next_number (db, year, error);
      if (number == NULL)
        return FALSE;
      problems = format_problems (agency->defects);

      stmt = _jd_db_prepare_cached (db,
                                    "INSERT INTO review_letter (batch_id, agency_id, number, problems)\n"
                                    "VALUES (?1, ?2, ?3, ?4)",
                                    error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, batch_id);
      sqlite3_bind_int64 (stmt, 2, agency->agency_id);
      sqlite3_bind_text (stmt, 3, number, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, problems, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          sqlite3_reset (stmt);
          return _jd_db_set_error (db, error);
        }
      sqlite3_reset (stmt);
      n_drafted++;
    }

  if (out_n_drafted != NULL)
    *out_n_drafted = n_drafted;
  return TRUE;
}

gboolean
jd_review_letters_draft (JdDb    *db,
                         gint64   batch_id,
                         guint   *out_n_drafted,
                         GError **error)
{
  g_return_val_if_fail (JD_IS_DB (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_n_drafted != NULL)
    *out_n_drafted = 0;

  if (!jd_db_begin (db, error))
    return FALSE;
  if (!draft_letters (db, batch_id, out_n_drafted, error) || !jd_db_commit (db, error))
    {
      jd_db_rollback (db);
      if (out_n_drafted != NULL)
        *out_n_drafted = 0;
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  char           *key;
  JdReviewLetter *letter;
} LetterItem;

static gint
compare_letter_items (gconstpointer a,
                      gconstpointer b)
{
  const LetterItem *x = a;
  const LetterItem *y = b;
  int cmp = strcmp (x->key, y->key);

  if (cmp != 0)
    return cmp;
  if (x->letter->batch_id != y->letter->batch_id)
    return x->letter->batch_id < y->letter->batch_id ? -1 : 1;
  return (x->letter->id > y->letter->id) - (x->letter->id < y->letter->id);
}

#define LETTER_COLUMNS \
  "SELECT l.id, l.batch_id, l.agency_id, a.name, l.number, l.issued_on, l.due_on,\n" \
  "  l.problems, l.measures, l.replied_on, l.reply\n" \
  "FROM review_letter l JOIN agency a ON a.id = l.agency_id\n"

/* Runs STMT (bound) and returns its letters sorted by agency name */
static GPtrArray *
read_letters (JdDb          *db,
              sqlite3_stmt  *stmt,
              GError       **error)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (LetterItem));
  GPtrArray *letters;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JdReviewLetter *letter = g_new0 (JdReviewLetter, 1);
      LetterItem item;

      letter->id = sqlite3_column_int64 (stmt, 0);
      letter->batch_id = sqlite3_column_int64 (stmt, 1);
      letter->agency_id = sqlite3_column_int64 (stmt, 2);
      letter->agency_name = _jd_review_dup_text (stmt, 3);
      letter->number = _jd_review_dup_text (stmt, 4);
      letter->issued_on = _jd_review_dup_text (stmt, 5);
      letter->due_on = _jd_review_dup_text (stmt, 6);
      letter->problems = _jd_review_dup_text (stmt, 7);
      letter->measures = _jd_review_dup_text (stmt, 8);
      letter->replied_on = _jd_review_dup_text (stmt, 9);
      letter->reply = _jd_review_dup_text (stmt, 10);

      item.letter = letter;
      item.key = g_utf8_collate_key (letter->agency_name != NULL ? letter->agency_name : "", -1);
      g_array_append_val (items, item);
    }
  sqlite3_reset (stmt);

  g_array_sort (items, compare_letter_items);
  letters = g_ptr_array_new_full (items->len, (GDestroyNotify) jd_review_letter_free);
  for (guint i = 0; i < items->len; i++)
    {
      LetterItem *item = &g_array_index (items, LetterItem, i);

      g_ptr_array_add (letters, item->letter);
      g_free (item->key);
    }

  if (rc != SQLITE_DONE)
    {
      g_ptr_array_unref (letters);
      _jd_db_set_error (db, error);
      return NULL;
    }
  return letters;
}

GPtrArray *
jd_review_letters_list (JdDb    *db,
                        gint64   batch_id,
                        GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (JD_IS_DB (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _jd_db_prepare_cached (db, LETTER_COLUMNS "WHERE ?1 = 0 OR l.batch_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, batch_id);

  return read_letters (db, stmt, error);
}

static gboolean
changed_one (JdDb    *db,
             GError **error)
{
  if (sqlite3_changes (_jd_db_get_handle (db)) == 0)
    {
      g_set_error_literal (error, JD_DB_ERROR, JD_DB_ERROR_NOT_FOUND,
                           _("The supervision letter does not exist"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
run_update (JdDb          *db,
            sqlite3_stmt  *stmt,
            GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _jd_db_set_error (db, error);
  return changed_one (db, error);
}

gboolean
jd_review_letter_update (JdDb                 *db,
                         const JdReviewLetter *letter,
                         GError              **error)
{
  g_autofree char *due_on = NULL;
  GDate date;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (JD_IS_DB (db), FALSE);
  g_return_val_if_fail (letter != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (letter->number == NULL || *letter->number == '\0')
    {
      g_set_error_literal (error, JD_DB_ERROR, JD_DB_ERROR_INVALID,
                           _("The supervision letter needs a number"));
      return FALSE;
    }
  if (letter->issued_on != NULL && *letter->issued_on != '\0' &&
      !_jd_review_parse_date (letter->issued_on, &date))
    return bad_date (error, letter->issued_on);
  if (letter->due_on != NULL && *letter->due_on != '\0' &&
      !_jd_review_parse_date (letter->due_on, &date))
    return bad_date (error, letter->due_on);
  if (letter->replied_on != NULL && *letter->replied_on != '\0' &&
      !_jd_review_parse_date (letter->replied_on, &date))
    return bad_date (error, letter->replied_on);

  /* An issue date without a due date: due 15 days later */
  if (letter->due_on != NULL && *letter->due_on != '\0')
    due_on = g_strdup (letter->due_on);
  else if (letter->issued_on != NULL && *letter->issued_on != '\0')
    due_on = due_date (letter->issued_on);

  stmt = _jd_db_prepare_cached (db,
                                "UPDATE review_letter SET number = ?2, issued_on = ?3, due_on = ?4,\n"
                                "  problems = ?5, measures = ?6, replied_on = ?7, reply = ?8\n"
                                "WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, letter->id);
  sqlite3_bind_text (stmt, 2, letter->number, -1, SQLITE_TRANSIENT);
  _jd_db_bind_text_or_null (stmt, 3, letter->issued_on);
  _jd_db_bind_text_or_null (stmt, 4, due_on);
  sqlite3_bind_text (stmt, 5, letter->problems != NULL ? letter->problems : "", -1, SQLITE_TRANSIENT);
  _jd_db_bind_text_or_null (stmt, 6, letter->measures);
  _jd_db_bind_text_or_null (stmt, 7, letter->replied_on);
  _jd_db_bind_text_or_null (stmt, 8, letter->reply);

  return run_update (db, stmt, error);
}

gboolean
jd_review_letter_issue (JdDb        *db,
                        gint64       letter_id,
                        const char  *date,
                        GError     **error)
{
  g_autofree char *due_on = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (JD_IS_DB (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  due_on = due_date (date);
  if (due_on == NULL)
    return bad_date (error, date);

  stmt = _jd_db_prepare_cached (db,
                                "UPDATE review_letter SET issued_on = ?2, due_on = ?3 WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, letter_id);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, due_on, -1, SQLITE_TRANSIENT);

  return run_update (db, stmt, error);
}

gboolean
jd_review_letter_record_reply (JdDb        *db,
                               gint64       letter_id,
                               const char  *date,
                               const char  *reply,
                               GError     **error)
{
  sqlite3_stmt *stmt;
  GDate parsed;
  int rc;

  g_return_val_if_fail (JD_IS_DB (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_jd_review_parse_date (date, &parsed))
    return bad_date (error, date);

  stmt = _jd_db_prepare_cached (db, "SELECT issued_on IS NOT NULL FROM review_letter WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, letter_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 0)
    {
      sqlite3_reset (stmt);
      g_set_error_literal (error, JD_DB_ERROR, JD_DB_ERROR_INVALID,
                           _("The supervision letter has not been issued yet"));
      return FALSE;
    }
  sqlite3_reset (stmt);

  stmt = _jd_db_prepare_cached (db,
                                "UPDATE review_letter SET replied_on = ?2, reply = ?3 WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, letter_id);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_TRANSIENT);
  _jd_db_bind_text_or_null (stmt, 3, reply);

  return run_update (db, stmt, error);
}

GPtrArray *
jd_review_letters_overdue (JdDb        *db,
                           const char  *today,
                           GError     **error)
{
  sqlite3_stmt *stmt;
  GDate date;

  g_return_val_if_fail (JD_IS_DB (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_jd_review_parse_date (today, &date))
    {
      bad_date (error, today);
      return NULL;
    }

  stmt = _jd_db_prepare_cached (db,
                                LETTER_COLUMNS
                                "WHERE l.issued_on IS NOT NULL AND l.replied_on IS NULL\n"
                                "  AND l.due_on < ?1",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);

  return read_letters (db, stmt, error);
}
